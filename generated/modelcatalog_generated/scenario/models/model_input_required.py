from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ModelInputRequired")


@_attrs_define
class ModelInputRequired:
    """Set of rules that describes when this input is required:

    - `always`: Input is always required
    - `ifNotDefined`: Input is required when another specified input is not defined
    - `ifDefined`: Input is required when another specified input is defined
    - `conditionalValues`: Input is required when another input has a specific value

    By default, the input is not required.

    """

    always: bool | Unset = UNSET
    """ Whether the input is always required """
    conditional_values: Any | Unset = UNSET
    """ Makes this input required when another input has a specific value:

    - Key: name of the input to check
    - Value: operation and allowed values that trigger the requirement """
    if_defined: Any | Unset = UNSET
    """ Makes this input required when another input is defined:

    - Key: name of the input that must be defined
    - Value: message to display when this input is required """
    if_not_defined: Any | Unset = UNSET
    """ Makes this input required when another input is not defined:

    - Key: name of the input that must be undefined
    - Value: message to display when this input is required """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        always = self.always

        conditional_values = self.conditional_values

        if_defined = self.if_defined

        if_not_defined = self.if_not_defined

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if always is not UNSET:
            field_dict["always"] = always
        if conditional_values is not UNSET:
            field_dict["conditionalValues"] = conditional_values
        if if_defined is not UNSET:
            field_dict["ifDefined"] = if_defined
        if if_not_defined is not UNSET:
            field_dict["ifNotDefined"] = if_not_defined

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        always = d.pop("always", UNSET)

        conditional_values = d.pop("conditionalValues", UNSET)

        if_defined = d.pop("ifDefined", UNSET)

        if_not_defined = d.pop("ifNotDefined", UNSET)

        model_input_required = cls(
            always=always,
            conditional_values=conditional_values,
            if_defined=if_defined,
            if_not_defined=if_not_defined,
        )

        model_input_required.additional_properties = d
        return model_input_required

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
