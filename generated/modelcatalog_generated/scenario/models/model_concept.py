from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ModelConcept")


@_attrs_define
class ModelConcept:
    """A concept of a composition model"""

    model_id: str
    """ The model ID (example: "model_eyVcnFJcR92BxBkz7N6g5w") """
    scale: float
    """ The scale of the model (example: 1.0) For Flux Kontext Prompt Editing, the scale is between 0 and 2. """
    model_epoch: str | Unset = UNSET
    """ The epoch of the model (example: "000001") Only available for Flux Lora Trained models """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model_id = self.model_id

        scale = self.scale

        model_epoch = self.model_epoch

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "modelId": model_id,
                "scale": scale,
            }
        )
        if model_epoch is not UNSET:
            field_dict["modelEpoch"] = model_epoch

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        model_id = d.pop("modelId")

        scale = d.pop("scale")

        model_epoch = d.pop("modelEpoch", UNSET)

        model_concept = cls(
            model_id=model_id,
            scale=scale,
            model_epoch=model_epoch,
        )

        model_concept.additional_properties = d
        return model_concept

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
