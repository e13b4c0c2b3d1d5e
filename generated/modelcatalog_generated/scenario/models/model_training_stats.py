from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ModelTrainingStats")


@_attrs_define
class ModelTrainingStats:
    """Additional information about the model's training"""

    ended_at: datetime.datetime | Unset = UNSET
    """ The training end time as an ISO date string """
    queue_duration: float | Unset = UNSET
    """ The training queued duration in seconds """
    started_at: datetime.datetime | Unset = UNSET
    """ The training start time as an ISO date string """
    train_duration: float | Unset = UNSET
    """ The training duration in seconds """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ended_at: str | Unset = UNSET
        if not isinstance(self.ended_at, Unset):
            ended_at = self.ended_at.isoformat()

        queue_duration = self.queue_duration

        started_at: str | Unset = UNSET
        if not isinstance(self.started_at, Unset):
            started_at = self.started_at.isoformat()

        train_duration = self.train_duration

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if ended_at is not UNSET:
            field_dict["endedAt"] = ended_at
        if queue_duration is not UNSET:
            field_dict["queueDuration"] = queue_duration
        if started_at is not UNSET:
            field_dict["startedAt"] = started_at
        if train_duration is not UNSET:
            field_dict["trainDuration"] = train_duration

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _ended_at = d.pop("endedAt", UNSET)
        ended_at: datetime.datetime | Unset
        if isinstance(_ended_at, Unset):
            ended_at = UNSET
        else:
            ended_at = datetime.datetime.fromisoformat(_ended_at)

        queue_duration = d.pop("queueDuration", UNSET)

        _started_at = d.pop("startedAt", UNSET)
        started_at: datetime.datetime | Unset
        if isinstance(_started_at, Unset):
            started_at = UNSET
        else:
            started_at = datetime.datetime.fromisoformat(_started_at)

        train_duration = d.pop("trainDuration", UNSET)

        model_training_stats = cls(
            ended_at=ended_at,
            queue_duration=queue_duration,
            started_at=started_at,
            train_duration=train_duration,
        )

        model_training_stats.additional_properties = d
        return model_training_stats

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
