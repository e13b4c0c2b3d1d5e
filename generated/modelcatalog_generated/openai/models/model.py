from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model_object import ModelObject
from ..types import UNSET, Unset

T = TypeVar("T", bound="Model")


@_attrs_define
class Model:
    """Describes an OpenAI model offering that can be used with the API."""

    id: str
    """ The model identifier, which can be referenced in the API endpoints. """
    object_: ModelObject | str | Unset = UNSET
    """ The object type, which is always "model". """
    shutdown_date: None | str | Unset = UNSET
    """ The date when the model will shut down, or null if not announced. """
    created: int | None | Unset = UNSET
    """ The Unix timestamp (in seconds) when the model was created; null or absent when the server does not say. """
    owned_by: None | str | Unset = UNSET
    """ The organization that owns the model; null or absent when the server does not say. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_: str | Unset
        if isinstance(self.object_, Unset):
            object_ = UNSET
        elif isinstance(self.object_, ModelObject):
            object_ = self.object_.value
        else:
            object_ = self.object_

        shutdown_date: None | str | Unset
        if isinstance(self.shutdown_date, Unset):
            shutdown_date = UNSET
        else:
            shutdown_date = self.shutdown_date

        created: int | None | Unset
        if isinstance(self.created, Unset):
            created = UNSET
        else:
            created = self.created

        owned_by: None | str | Unset
        if isinstance(self.owned_by, Unset):
            owned_by = UNSET
        else:
            owned_by = self.owned_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_
        if shutdown_date is not UNSET:
            field_dict["shutdown_date"] = shutdown_date
        if created is not UNSET:
            field_dict["created"] = created
        if owned_by is not UNSET:
            field_dict["owned_by"] = owned_by

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_object_(data: object) -> ModelObject | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                object_type_0 = ModelObject(data)

                return object_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelObject | str | Unset, data)

        object_ = _parse_object_(d.pop("object", UNSET))

        def _parse_shutdown_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        shutdown_date = _parse_shutdown_date(d.pop("shutdown_date", UNSET))

        def _parse_created(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created = _parse_created(d.pop("created", UNSET))

        def _parse_owned_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owned_by = _parse_owned_by(d.pop("owned_by", UNSET))

        model = cls(
            id=id,
            object_=object_,
            shutdown_date=shutdown_date,
            created=created,
            owned_by=owned_by,
        )

        model.additional_properties = d
        return model

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
