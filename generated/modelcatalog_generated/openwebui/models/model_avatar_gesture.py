from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ModelAvatarGesture")


@_attrs_define
class ModelAvatarGesture:
    file_id: str
    name: str
    description: str

    def to_dict(self) -> dict[str, Any]:
        file_id = self.file_id

        name = self.name

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "file_id": file_id,
                "name": name,
                "description": description,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        file_id = d.pop("file_id")

        name = d.pop("name")

        description = d.pop("description")

        model_avatar_gesture = cls(
            file_id=file_id,
            name=name,
            description=description,
        )

        return model_avatar_gesture
