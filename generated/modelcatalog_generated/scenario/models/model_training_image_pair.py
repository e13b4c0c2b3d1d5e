from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ModelTrainingImagePair")


@_attrs_define
class ModelTrainingImagePair:
    """A training image pair"""

    instruction: str | Unset = UNSET
    """ The instruction for the image pair, source to target """
    source_id: str | Unset = UNSET
    """ The source asset ID (must be a training asset) """
    target_id: str | Unset = UNSET
    """ The target asset ID (must be a training asset) """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        instruction = self.instruction

        source_id = self.source_id

        target_id = self.target_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if instruction is not UNSET:
            field_dict["instruction"] = instruction
        if source_id is not UNSET:
            field_dict["sourceId"] = source_id
        if target_id is not UNSET:
            field_dict["targetId"] = target_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        instruction = d.pop("instruction", UNSET)

        source_id = d.pop("sourceId", UNSET)

        target_id = d.pop("targetId", UNSET)

        model_training_image_pair = cls(
            instruction=instruction,
            source_id=source_id,
            target_id=target_id,
        )

        model_training_image_pair.additional_properties = d
        return model_training_image_pair

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
