from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.access_grant_model import AccessGrantModel
    from ..models.model_meta import ModelMeta
    from ..models.model_params import ModelParams
    from ..models.users_user_response import UsersUserResponse


T = TypeVar("T", bound="ModelAccessResponse")


@_attrs_define
class ModelAccessResponse:
    id: str
    user_id: str
    name: str
    params: ModelParams
    """ Parameters for model inference (temperature, top_p, etc.). """
    meta: ModelMeta
    """ Metadata for a workspace model entry (profile, description, tags, capabilities). """
    is_active: bool
    updated_at: int
    created_at: int
    version_id: None | str | Unset = UNSET
    base_model_id: None | str | Unset = UNSET
    access_grants: list[AccessGrantModel] | Unset = UNSET
    user: None | Unset | UsersUserResponse = UNSET
    write_access: bool | None | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.users_user_response import UsersUserResponse

        id = self.id

        user_id = self.user_id

        name = self.name

        params = self.params.to_dict()

        meta = self.meta.to_dict()

        is_active = self.is_active

        updated_at = self.updated_at

        created_at = self.created_at

        version_id: None | str | Unset
        if isinstance(self.version_id, Unset):
            version_id = UNSET
        else:
            version_id = self.version_id

        base_model_id: None | str | Unset
        if isinstance(self.base_model_id, Unset):
            base_model_id = UNSET
        else:
            base_model_id = self.base_model_id

        access_grants: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.access_grants, Unset):
            access_grants = []
            for access_grants_item_data in self.access_grants:
                access_grants_item = access_grants_item_data.to_dict()
                access_grants.append(access_grants_item)

        user: dict[str, Any] | None | Unset
        if isinstance(self.user, Unset):
            user = UNSET
        elif isinstance(self.user, UsersUserResponse):
            user = self.user.to_dict()
        else:
            user = self.user

        write_access: bool | None | Unset
        if isinstance(self.write_access, Unset):
            write_access = UNSET
        else:
            write_access = self.write_access

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "user_id": user_id,
                "name": name,
                "params": params,
                "meta": meta,
                "is_active": is_active,
                "updated_at": updated_at,
                "created_at": created_at,
            }
        )
        if version_id is not UNSET:
            field_dict["version_id"] = version_id
        if base_model_id is not UNSET:
            field_dict["base_model_id"] = base_model_id
        if access_grants is not UNSET:
            field_dict["access_grants"] = access_grants
        if user is not UNSET:
            field_dict["user"] = user
        if write_access is not UNSET:
            field_dict["write_access"] = write_access

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.access_grant_model import AccessGrantModel
        from ..models.model_meta import ModelMeta
        from ..models.model_params import ModelParams
        from ..models.users_user_response import UsersUserResponse

        d = dict(src_dict)
        id = d.pop("id")

        user_id = d.pop("user_id")

        name = d.pop("name")

        params = ModelParams.from_dict(d.pop("params"))

        meta = ModelMeta.from_dict(d.pop("meta"))

        is_active = d.pop("is_active")

        updated_at = d.pop("updated_at")

        created_at = d.pop("created_at")

        def _parse_version_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        version_id = _parse_version_id(d.pop("version_id", UNSET))

        def _parse_base_model_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        base_model_id = _parse_base_model_id(d.pop("base_model_id", UNSET))

        _access_grants = d.pop("access_grants", UNSET)
        access_grants: list[AccessGrantModel] | Unset = UNSET
        if _access_grants is not UNSET:
            access_grants = []
            for access_grants_item_data in _access_grants:
                access_grants_item = AccessGrantModel.from_dict(access_grants_item_data)

                access_grants.append(access_grants_item)

        def _parse_user(data: object) -> None | Unset | UsersUserResponse:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                user_type_0 = UsersUserResponse.from_dict(data)

                return user_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UsersUserResponse, data)

        user = _parse_user(d.pop("user", UNSET))

        def _parse_write_access(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        write_access = _parse_write_access(d.pop("write_access", UNSET))

        model_access_response = cls(
            id=id,
            user_id=user_id,
            name=name,
            params=params,
            meta=meta,
            is_active=is_active,
            updated_at=updated_at,
            created_at=created_at,
            version_id=version_id,
            base_model_id=base_model_id,
            access_grants=access_grants,
            user=user,
            write_access=write_access,
        )

        model_access_response.additional_properties = d
        return model_access_response

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
