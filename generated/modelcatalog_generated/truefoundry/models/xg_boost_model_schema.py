from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.xg_boost_model_schema_infer_method_name import XGBoostModelSchemaInferMethodName

if TYPE_CHECKING:
    from ..models.xg_boost_model_schema_inputs_item import XGBoostModelSchemaInputsItem
    from ..models.xg_boost_model_schema_outputs_item import XGBoostModelSchemaOutputsItem


T = TypeVar("T", bound="XGBoostModelSchema")


@_attrs_define
class XGBoostModelSchema:
    """Schema of the XGBoost model"""

    infer_method_name: str | XGBoostModelSchemaInferMethodName
    """ Name of the method used for inference """
    inputs: list[XGBoostModelSchemaInputsItem]
    """ Schema of the input """
    outputs: list[XGBoostModelSchemaOutputsItem]
    """ Schema of the output """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        infer_method_name: str
        if isinstance(self.infer_method_name, XGBoostModelSchemaInferMethodName):
            infer_method_name = self.infer_method_name.value
        else:
            infer_method_name = self.infer_method_name

        inputs = []
        for inputs_item_data in self.inputs:
            inputs_item = inputs_item_data.to_dict()
            inputs.append(inputs_item)

        outputs = []
        for outputs_item_data in self.outputs:
            outputs_item = outputs_item_data.to_dict()
            outputs.append(outputs_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "infer_method_name": infer_method_name,
                "inputs": inputs,
                "outputs": outputs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.xg_boost_model_schema_inputs_item import XGBoostModelSchemaInputsItem
        from ..models.xg_boost_model_schema_outputs_item import XGBoostModelSchemaOutputsItem

        d = dict(src_dict)

        def _parse_infer_method_name(data: object) -> str | XGBoostModelSchemaInferMethodName:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                infer_method_name_type_0 = XGBoostModelSchemaInferMethodName(data)

                return infer_method_name_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | XGBoostModelSchemaInferMethodName, data)

        infer_method_name = _parse_infer_method_name(d.pop("infer_method_name"))

        inputs = []
        _inputs = d.pop("inputs")
        for inputs_item_data in _inputs:
            inputs_item = XGBoostModelSchemaInputsItem.from_dict(inputs_item_data)

            inputs.append(inputs_item)

        outputs = []
        _outputs = d.pop("outputs")
        for outputs_item_data in _outputs:
            outputs_item = XGBoostModelSchemaOutputsItem.from_dict(outputs_item_data)

            outputs.append(outputs_item)

        xg_boost_model_schema = cls(
            infer_method_name=infer_method_name,
            inputs=inputs,
            outputs=outputs,
        )

        xg_boost_model_schema.additional_properties = d
        return xg_boost_model_schema

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
