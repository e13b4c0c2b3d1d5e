from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.true_foundry_managed_source_type import TrueFoundryManagedSourceType
from ..types import UNSET, Unset

T = TypeVar("T", bound="TrueFoundryManagedSource")


@_attrs_define
class TrueFoundryManagedSource:
    type_: TrueFoundryManagedSourceType
    """ Type of the source """
    uri: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        uri = self.uri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if uri is not UNSET:
            field_dict["uri"] = uri

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = TrueFoundryManagedSourceType(d.pop("type"))

        uri = d.pop("uri", UNSET)

        true_foundry_managed_source = cls(
            type_=type_,
            uri=uri,
        )

        true_foundry_managed_source.additional_properties = d
        return true_foundry_managed_source

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
