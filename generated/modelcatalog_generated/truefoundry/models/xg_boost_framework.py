from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.xg_boost_framework_type import XGBoostFrameworkType
from ..models.xg_boost_serialization_format import XGBoostSerializationFormat
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.xg_boost_model_schema import XGBoostModelSchema


T = TypeVar("T", bound="XGBoostFramework")


@_attrs_define
class XGBoostFramework:
    type_: XGBoostFrameworkType
    """ Type of the framework """
    serialization_format: str | Unset | XGBoostSerializationFormat = UNSET
    model_filepath: str | Unset = UNSET
    """ Relative path to the model file in the model version contents """
    model_schema: XGBoostModelSchema | Unset = UNSET
    """ Schema of the XGBoost model """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        serialization_format: str | Unset
        if isinstance(self.serialization_format, Unset):
            serialization_format = UNSET
        elif isinstance(self.serialization_format, XGBoostSerializationFormat):
            serialization_format = self.serialization_format.value
        else:
            serialization_format = self.serialization_format

        model_filepath = self.model_filepath

        model_schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.model_schema, Unset):
            model_schema = self.model_schema.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if serialization_format is not UNSET:
            field_dict["serialization_format"] = serialization_format
        if model_filepath is not UNSET:
            field_dict["model_filepath"] = model_filepath
        if model_schema is not UNSET:
            field_dict["model_schema"] = model_schema

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.xg_boost_model_schema import XGBoostModelSchema

        d = dict(src_dict)
        type_ = XGBoostFrameworkType(d.pop("type"))

        def _parse_serialization_format(data: object) -> str | Unset | XGBoostSerializationFormat:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                serialization_format_type_0 = XGBoostSerializationFormat(data)

                return serialization_format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | Unset | XGBoostSerializationFormat, data)

        serialization_format = _parse_serialization_format(d.pop("serialization_format", UNSET))

        model_filepath = d.pop("model_filepath", UNSET)

        _model_schema = d.pop("model_schema", UNSET)
        model_schema: XGBoostModelSchema | Unset
        if isinstance(_model_schema, Unset):
            model_schema = UNSET
        else:
            model_schema = XGBoostModelSchema.from_dict(_model_schema)

        xg_boost_framework = cls(
            type_=type_,
            serialization_format=serialization_format,
            model_filepath=model_filepath,
            model_schema=model_schema,
        )

        xg_boost_framework.additional_properties = d
        return xg_boost_framework

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
