from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PublicModel")


@_attrs_define
class PublicModel:
    model_id: str | Unset = UNSET
    """ Unique identifier for the model """
    status: str | Unset = UNSET
    """ Current status of the model """
    created_at: None | str | Unset = UNSET
    """ Creation timestamp of the model """
    instance_prompt: None | str | Unset = UNSET
    """ Prompt to use this model effectively """
    model_name: str | Unset = UNSET
    """ Display name of the model """
    description: str | Unset = UNSET
    """ Description of the model's capabilities """
    screenshots: str | Unset = UNSET
    """ URL to preview image showcasing the model's output """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model_id = self.model_id

        status = self.status

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        instance_prompt: None | str | Unset
        if isinstance(self.instance_prompt, Unset):
            instance_prompt = UNSET
        else:
            instance_prompt = self.instance_prompt

        model_name = self.model_name

        description = self.description

        screenshots = self.screenshots

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if model_id is not UNSET:
            field_dict["model_id"] = model_id
        if status is not UNSET:
            field_dict["status"] = status
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if instance_prompt is not UNSET:
            field_dict["instance_prompt"] = instance_prompt
        if model_name is not UNSET:
            field_dict["model_name"] = model_name
        if description is not UNSET:
            field_dict["description"] = description
        if screenshots is not UNSET:
            field_dict["screenshots"] = screenshots

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        model_id = d.pop("model_id", UNSET)

        status = d.pop("status", UNSET)

        def _parse_created_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_instance_prompt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instance_prompt = _parse_instance_prompt(d.pop("instance_prompt", UNSET))

        model_name = d.pop("model_name", UNSET)

        description = d.pop("description", UNSET)

        screenshots = d.pop("screenshots", UNSET)

        public_model = cls(
            model_id=model_id,
            status=status,
            created_at=created_at,
            instance_prompt=instance_prompt,
            model_name=model_name,
            description=description,
            screenshots=screenshots,
        )

        public_model.additional_properties = d
        return public_model

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
