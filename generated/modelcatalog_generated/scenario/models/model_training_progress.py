from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model_training_progress_stage import ModelTrainingProgressStage
from ..types import UNSET, Unset

T = TypeVar("T", bound="ModelTrainingProgress")


@_attrs_define
class ModelTrainingProgress:
    """Additional information about the training progress of the model"""

    stage: ModelTrainingProgressStage | str
    """ The stage of the request """
    updated_at: float
    """ Timestamp in milliseconds of the last time the training progress was updated """
    position: float | Unset = UNSET
    """ Position of the job in the queue (ie. the number of job in the queue before this one) """
    progress: float | Unset = UNSET
    """ The progress of the job """
    remaining_time_ms: float | Unset = UNSET
    """ The remaining time in milliseconds """
    started_at: float | Unset = UNSET
    """ The timestamp in millisecond marking the start of the process """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stage: str
        if isinstance(self.stage, ModelTrainingProgressStage):
            stage = self.stage.value
        else:
            stage = self.stage

        updated_at = self.updated_at

        position = self.position

        progress = self.progress

        remaining_time_ms = self.remaining_time_ms

        started_at = self.started_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stage": stage,
                "updatedAt": updated_at,
            }
        )
        if position is not UNSET:
            field_dict["position"] = position
        if progress is not UNSET:
            field_dict["progress"] = progress
        if remaining_time_ms is not UNSET:
            field_dict["remainingTimeMs"] = remaining_time_ms
        if started_at is not UNSET:
            field_dict["startedAt"] = started_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_stage(data: object) -> ModelTrainingProgressStage | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stage_type_0 = ModelTrainingProgressStage(data)

                return stage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelTrainingProgressStage | str, data)

        stage = _parse_stage(d.pop("stage"))

        updated_at = d.pop("updatedAt")

        position = d.pop("position", UNSET)

        progress = d.pop("progress", UNSET)

        remaining_time_ms = d.pop("remainingTimeMs", UNSET)

        started_at = d.pop("startedAt", UNSET)

        model_training_progress = cls(
            stage=stage,
            updated_at=updated_at,
            position=position,
            progress=progress,
            remaining_time_ms=remaining_time_ms,
            started_at=started_at,
        )

        model_training_progress.additional_properties = d
        return model_training_progress

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
