from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subject_type import SubjectType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Subject")


@_attrs_define
class Subject:
    subject_id: str
    """ Subject ID """
    subject_type: str | SubjectType
    """ Subject type """
    subject_slug: None | str | Unset = UNSET
    """ Subject slug """
    subject_display_name: None | str | Unset = UNSET
    """ Subject display name """
    subject_pat_name: None | str | Unset = UNSET
    """ Subject PAT name """
    subject_controller_name: None | str | Unset = UNSET
    subject_external_identity_slug: None | str | Unset = UNSET
    """ External identity slug (external_identity_id:sub:email) """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        subject_id = self.subject_id

        subject_type: str
        if isinstance(self.subject_type, SubjectType):
            subject_type = self.subject_type.value
        else:
            subject_type = self.subject_type

        subject_slug: None | str | Unset
        if isinstance(self.subject_slug, Unset):
            subject_slug = UNSET
        else:
            subject_slug = self.subject_slug

        subject_display_name: None | str | Unset
        if isinstance(self.subject_display_name, Unset):
            subject_display_name = UNSET
        else:
            subject_display_name = self.subject_display_name

        subject_pat_name: None | str | Unset
        if isinstance(self.subject_pat_name, Unset):
            subject_pat_name = UNSET
        else:
            subject_pat_name = self.subject_pat_name

        subject_controller_name: None | str | Unset
        if isinstance(self.subject_controller_name, Unset):
            subject_controller_name = UNSET
        else:
            subject_controller_name = self.subject_controller_name

        subject_external_identity_slug: None | str | Unset
        if isinstance(self.subject_external_identity_slug, Unset):
            subject_external_identity_slug = UNSET
        else:
            subject_external_identity_slug = self.subject_external_identity_slug

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "subjectId": subject_id,
                "subjectType": subject_type,
            }
        )
        if subject_slug is not UNSET:
            field_dict["subjectSlug"] = subject_slug
        if subject_display_name is not UNSET:
            field_dict["subjectDisplayName"] = subject_display_name
        if subject_pat_name is not UNSET:
            field_dict["subjectPatName"] = subject_pat_name
        if subject_controller_name is not UNSET:
            field_dict["subjectControllerName"] = subject_controller_name
        if subject_external_identity_slug is not UNSET:
            field_dict["subjectExternalIdentitySlug"] = subject_external_identity_slug

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        subject_id = d.pop("subjectId")

        def _parse_subject_type(data: object) -> str | SubjectType:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                subject_type_type_0 = SubjectType(data)

                return subject_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | SubjectType, data)

        subject_type = _parse_subject_type(d.pop("subjectType"))

        def _parse_subject_slug(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject_slug = _parse_subject_slug(d.pop("subjectSlug", UNSET))

        def _parse_subject_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject_display_name = _parse_subject_display_name(d.pop("subjectDisplayName", UNSET))

        def _parse_subject_pat_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject_pat_name = _parse_subject_pat_name(d.pop("subjectPatName", UNSET))

        def _parse_subject_controller_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject_controller_name = _parse_subject_controller_name(d.pop("subjectControllerName", UNSET))

        def _parse_subject_external_identity_slug(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject_external_identity_slug = _parse_subject_external_identity_slug(
            d.pop("subjectExternalIdentitySlug", UNSET)
        )

        subject = cls(
            subject_id=subject_id,
            subject_type=subject_type,
            subject_slug=subject_slug,
            subject_display_name=subject_display_name,
            subject_pat_name=subject_pat_name,
            subject_controller_name=subject_controller_name,
            subject_external_identity_slug=subject_external_identity_slug,
        )

        subject.additional_properties = d
        return subject

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
