from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model_control_display import ModelControlDisplay
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_control_options import ModelControlOptions


T = TypeVar("T", bound="ModelControl")


@_attrs_define
class ModelControl:
    label: str
    options: ModelControlOptions
    display: ModelControlDisplay | Unset = ModelControlDisplay.MENU
    description: None | str | Unset = UNSET
    default: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        options = self.options.to_dict()

        display: str | Unset = UNSET
        if not isinstance(self.display, Unset):
            display = self.display.value

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        default: None | str | Unset
        if isinstance(self.default, Unset):
            default = UNSET
        else:
            default = self.default

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "label": label,
                "options": options,
            }
        )
        if display is not UNSET:
            field_dict["display"] = display
        if description is not UNSET:
            field_dict["description"] = description
        if default is not UNSET:
            field_dict["default"] = default

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.model_control_options import ModelControlOptions

        d = dict(src_dict)
        label = d.pop("label")

        options = ModelControlOptions.from_dict(d.pop("options"))

        _display = d.pop("display", UNSET)
        display: ModelControlDisplay | Unset
        if isinstance(_display, Unset):
            display = UNSET
        else:
            display = ModelControlDisplay(_display)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_default(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default = _parse_default(d.pop("default", UNSET))

        model_control = cls(
            label=label,
            options=options,
            display=display,
            description=description,
            default=default,
        )

        model_control.additional_properties = d
        return model_control

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
