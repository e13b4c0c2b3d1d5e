from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AccessGrantModel")


@_attrs_define
class AccessGrantModel:
    id: str
    resource_type: str
    resource_id: str
    principal_type: str
    principal_id: str
    permission: str
    created_at: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        resource_type = self.resource_type

        resource_id = self.resource_id

        principal_type = self.principal_type

        principal_id = self.principal_id

        permission = self.permission

        created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "resource_type": resource_type,
                "resource_id": resource_id,
                "principal_type": principal_type,
                "principal_id": principal_id,
                "permission": permission,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        resource_type = d.pop("resource_type")

        resource_id = d.pop("resource_id")

        principal_type = d.pop("principal_type")

        principal_id = d.pop("principal_id")

        permission = d.pop("permission")

        created_at = d.pop("created_at")

        access_grant_model = cls(
            id=id,
            resource_type=resource_type,
            resource_id=resource_id,
            principal_type=principal_type,
            principal_id=principal_id,
            permission=permission,
            created_at=created_at,
        )

        access_grant_model.additional_properties = d
        return access_grant_model

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
