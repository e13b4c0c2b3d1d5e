from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model_ui_config_trigger_generate_position import ModelUiConfigTriggerGeneratePosition
from ..types import UNSET, Unset

T = TypeVar("T", bound="ModelUiConfigTriggerGenerate")


@_attrs_define
class ModelUiConfigTriggerGenerate:
    """Configuration for the trigger generate button"""

    label: str
    after: str | Unset = UNSET
    """ The 'name' of the input where the trigger generate button will be displayed (after the input). Do not
    specify both position and after. """
    position: ModelUiConfigTriggerGeneratePosition | str | Unset = UNSET
    """ The position of the trigger generate button. If position specified, the button will be displayed at the
    specified position. Do not specify both position and after. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        after = self.after

        position: str | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        elif isinstance(self.position, ModelUiConfigTriggerGeneratePosition):
            position = self.position.value
        else:
            position = self.position

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "label": label,
            }
        )
        if after is not UNSET:
            field_dict["after"] = after
        if position is not UNSET:
            field_dict["position"] = position

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        label = d.pop("label")

        after = d.pop("after", UNSET)

        def _parse_position(data: object) -> ModelUiConfigTriggerGeneratePosition | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                position_type_0 = ModelUiConfigTriggerGeneratePosition(data)

                return position_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelUiConfigTriggerGeneratePosition | str | Unset, data)

        position = _parse_position(d.pop("position", UNSET))

        model_ui_config_trigger_generate = cls(
            label=label,
            after=after,
            position=position,
        )

        model_ui_config_trigger_generate.additional_properties = d
        return model_ui_config_trigger_generate

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
