from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ModelUiConfigLorasComponent")


@_attrs_define
class ModelUiConfigLorasComponent:
    """Configuration for the loras component"""

    label: str
    """ The label of the component """
    model_input: str
    """ The input name of the model (model_array) """
    scale_input: str
    """ The input name of the scale (number_array) """
    model_id_input: str | Unset = UNSET
    """ The input model id (example: a composition or a single LoRA modelId) If specified, the model id will be
    attached to the output asset as a metadata If the model-decomposer parser is specified on it, modelInput and
    scaleInput will be automatically populated """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        model_input = self.model_input

        scale_input = self.scale_input

        model_id_input = self.model_id_input

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "label": label,
                "modelInput": model_input,
                "scaleInput": scale_input,
            }
        )
        if model_id_input is not UNSET:
            field_dict["modelIdInput"] = model_id_input

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        label = d.pop("label")

        model_input = d.pop("modelInput")

        scale_input = d.pop("scaleInput")

        model_id_input = d.pop("modelIdInput", UNSET)

        model_ui_config_loras_component = cls(
            label=label,
            model_input=model_input,
            scale_input=scale_input,
            model_id_input=model_id_input,
        )

        model_ui_config_loras_component.additional_properties = d
        return model_ui_config_loras_component

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
