from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_params_model_controls import ModelParamsModelControls


T = TypeVar("T", bound="ModelParams")


@_attrs_define
class ModelParams:
    """Parameters for model inference (temperature, top_p, etc.)."""

    model_controls: ModelParamsModelControls | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model_controls: dict[str, Any] | Unset = UNSET
        if not isinstance(self.model_controls, Unset):
            model_controls = self.model_controls.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if model_controls is not UNSET:
            field_dict["model_controls"] = model_controls

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.model_params_model_controls import ModelParamsModelControls

        d = dict(src_dict)
        _model_controls = d.pop("model_controls", UNSET)
        model_controls: ModelParamsModelControls | Unset
        if isinstance(_model_controls, Unset):
            model_controls = UNSET
        else:
            model_controls = ModelParamsModelControls.from_dict(_model_controls)

        model_params = cls(
            model_controls=model_controls,
        )

        model_params.additional_properties = d
        return model_params

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
