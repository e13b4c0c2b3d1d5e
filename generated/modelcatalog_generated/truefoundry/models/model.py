from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model_type import ModelType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_version import ModelVersion
    from ..models.subject import Subject


T = TypeVar("T", bound="Model")


@_attrs_define
class Model:
    """Generic artifact API DTO including run-step linkage for ML runs."""

    id: str
    """ Unique identifier for the artifact """
    ml_repo_id: str
    """ ID of the ML Repo that this artifact belongs to """
    name: str
    """ Name of the artifact (alphanumeric characters, hyphens, and underscores only, max 256 characters) """
    fqn: str
    """ Fully qualified name of the artifact in the format
    '{artifact_type}:{tenant_name}/{ml_repo_name}/{artifact_name}' """
    created_by_subject: Subject
    type_: ModelType | str | Unset = ModelType.MODEL
    """ Type of the artifact, always 'model' for Model entities """
    created_at: datetime.datetime | Unset = UNSET
    """ Timestamp when the artifact was created """
    updated_at: datetime.datetime | Unset = UNSET
    """ Timestamp when the artifact was last updated """
    latest_version: ModelVersion | Unset = UNSET
    """ Tags, optional version alias, and SDK usage snippet (models, prompts, generic artifacts). """
    run_steps: list[int] | Unset = UNSET
    """ List of run step numbers where this artifact was created or updated """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        ml_repo_id = self.ml_repo_id

        name = self.name

        fqn = self.fqn

        created_by_subject = self.created_by_subject.to_dict()

        type_: str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, ModelType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        latest_version: dict[str, Any] | Unset = UNSET
        if not isinstance(self.latest_version, Unset):
            latest_version = self.latest_version.to_dict()

        run_steps: list[int] | Unset = UNSET
        if not isinstance(self.run_steps, Unset):
            run_steps = self.run_steps

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "ml_repo_id": ml_repo_id,
                "name": name,
                "fqn": fqn,
                "created_by_subject": created_by_subject,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if latest_version is not UNSET:
            field_dict["latest_version"] = latest_version
        if run_steps is not UNSET:
            field_dict["run_steps"] = run_steps

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.model_version import ModelVersion
        from ..models.subject import Subject

        d = dict(src_dict)
        id = d.pop("id")

        ml_repo_id = d.pop("ml_repo_id")

        name = d.pop("name")

        fqn = d.pop("fqn")

        created_by_subject = Subject.from_dict(d.pop("created_by_subject"))

        def _parse_type_(data: object) -> ModelType | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = ModelType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelType | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        _latest_version = d.pop("latest_version", UNSET)
        latest_version: ModelVersion | Unset
        if isinstance(_latest_version, Unset):
            latest_version = UNSET
        else:
            latest_version = ModelVersion.from_dict(_latest_version)

        run_steps = cast(list[int], d.pop("run_steps", UNSET))

        model = cls(
            id=id,
            ml_repo_id=ml_repo_id,
            name=name,
            fqn=fqn,
            created_by_subject=created_by_subject,
            type_=type_,
            created_at=created_at,
            updated_at=updated_at,
            latest_version=latest_version,
            run_steps=run_steps,
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
