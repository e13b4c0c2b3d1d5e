from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metric import Metric
    from ..models.model_manifest import ModelManifest
    from ..models.subject import Subject


T = TypeVar("T", bound="ModelVersion")


@_attrs_define
class ModelVersion:
    """Tags, optional version alias, and SDK usage snippet (models, prompts, generic artifacts)."""

    id: str
    """ Unique identifier for the artifact version """
    fqn: str
    """ Fully qualified name of the artifact version in the format
    '{artifact_type}:{tenant_name}/{ml_repo_name}/{artifact_name}:{version}' """
    created_by_subject: Subject
    manifest: ModelManifest
    """ Model Version artifact. """
    ml_repo_id: str
    """ ID of the ML Repo that this artifact version belongs to """
    model_id: str
    """ ID of the parent model that this version belongs to """
    created_at: datetime.datetime | Unset = UNSET
    """ Timestamp when the artifact version was created """
    updated_at: datetime.datetime | Unset = UNSET
    """ Timestamp when the artifact version was last updated """
    tags: list[str] | Unset = UNSET
    """ List of tags associated with this artifact version for filtering and organization """
    version_alias: str | Unset = UNSET
    """ Optional human-readable version alias (e.g. v1.0.0) """
    usage_code_snippet: str | Unset = UNSET
    """ Code snippet demonstrating how to use this artifact version """
    metrics: list[Metric] | Unset = UNSET
    """ List of metrics associated with this model version """
    deployable: bool | Unset = False
    """ Whether this model version is ready for deployment """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        fqn = self.fqn

        created_by_subject = self.created_by_subject.to_dict()

        manifest = self.manifest.to_dict()

        ml_repo_id = self.ml_repo_id

        model_id = self.model_id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        version_alias = self.version_alias

        usage_code_snippet = self.usage_code_snippet

        metrics: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.metrics, Unset):
            metrics = []
            for metrics_item_data in self.metrics:
                metrics_item = metrics_item_data.to_dict()
                metrics.append(metrics_item)

        deployable = self.deployable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "fqn": fqn,
                "created_by_subject": created_by_subject,
                "manifest": manifest,
                "ml_repo_id": ml_repo_id,
                "model_id": model_id,
            }
        )
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if tags is not UNSET:
            field_dict["tags"] = tags
        if version_alias is not UNSET:
            field_dict["version_alias"] = version_alias
        if usage_code_snippet is not UNSET:
            field_dict["usage_code_snippet"] = usage_code_snippet
        if metrics is not UNSET:
            field_dict["metrics"] = metrics
        if deployable is not UNSET:
            field_dict["deployable"] = deployable

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.metric import Metric
        from ..models.model_manifest import ModelManifest
        from ..models.subject import Subject

        d = dict(src_dict)
        id = d.pop("id")

        fqn = d.pop("fqn")

        created_by_subject = Subject.from_dict(d.pop("created_by_subject"))

        manifest = ModelManifest.from_dict(d.pop("manifest"))

        ml_repo_id = d.pop("ml_repo_id")

        model_id = d.pop("model_id")

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

        tags = cast(list[str], d.pop("tags", UNSET))

        version_alias = d.pop("version_alias", UNSET)

        usage_code_snippet = d.pop("usage_code_snippet", UNSET)

        _metrics = d.pop("metrics", UNSET)
        metrics: list[Metric] | Unset = UNSET
        if _metrics is not UNSET:
            metrics = []
            for metrics_item_data in _metrics:
                metrics_item = Metric.from_dict(metrics_item_data)

                metrics.append(metrics_item)

        deployable = d.pop("deployable", UNSET)

        model_version = cls(
            id=id,
            fqn=fqn,
            created_by_subject=created_by_subject,
            manifest=manifest,
            ml_repo_id=ml_repo_id,
            model_id=model_id,
            created_at=created_at,
            updated_at=updated_at,
            tags=tags,
            version_alias=version_alias,
            usage_code_snippet=usage_code_snippet,
            metrics=metrics,
            deployable=deployable,
        )

        model_version.additional_properties = d
        return model_version

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
