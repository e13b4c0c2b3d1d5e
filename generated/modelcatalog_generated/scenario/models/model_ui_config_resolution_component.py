from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.model_ui_config_resolution_component_preset import ModelUiConfigResolutionComponentPreset


T = TypeVar("T", bound="ModelUiConfigResolutionComponent")


@_attrs_define
class ModelUiConfigResolutionComponent:
    """Configuration for the resolution component"""

    height_input: str
    """ The input name of the height """
    label: str
    """ The label of the component """
    presets: list[ModelUiConfigResolutionComponentPreset]
    """ The resolution presets """
    width_input: str
    """ The input name of the width """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        height_input = self.height_input

        label = self.label

        presets = []
        for presets_item_data in self.presets:
            presets_item = presets_item_data.to_dict()
            presets.append(presets_item)

        width_input = self.width_input

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "heightInput": height_input,
                "label": label,
                "presets": presets,
                "widthInput": width_input,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.model_ui_config_resolution_component_preset import ModelUiConfigResolutionComponentPreset

        d = dict(src_dict)
        height_input = d.pop("heightInput")

        label = d.pop("label")

        presets = []
        _presets = d.pop("presets")
        for presets_item_data in _presets:
            presets_item = ModelUiConfigResolutionComponentPreset.from_dict(presets_item_data)

            presets.append(presets_item)

        width_input = d.pop("widthInput")

        model_ui_config_resolution_component = cls(
            height_input=height_input,
            label=label,
            presets=presets,
            width_input=width_input,
        )

        model_ui_config_resolution_component.additional_properties = d
        return model_ui_config_resolution_component

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
