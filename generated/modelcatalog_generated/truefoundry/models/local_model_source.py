from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.local_model_source_type import LocalModelSourceType

T = TypeVar("T", bound="LocalModelSource")


@_attrs_define
class LocalModelSource:
    type_: LocalModelSourceType
    """ Type of the source """
    file_or_folder: str
    """ Path to the model file or folder """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        file_or_folder = self.file_or_folder

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "file_or_folder": file_or_folder,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = LocalModelSourceType(d.pop("type"))

        file_or_folder = d.pop("file_or_folder")

        local_model_source = cls(
            type_=type_,
            file_or_folder=file_or_folder,
        )

        local_model_source.additional_properties = d
        return local_model_source

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
