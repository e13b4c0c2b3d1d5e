from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_performance_stats_variant import ModelPerformanceStatsVariant


T = TypeVar("T", bound="ModelPerformanceStats")


@_attrs_define
class ModelPerformanceStats:
    """Aggregated performance stats"""

    variants: list[ModelPerformanceStatsVariant]
    """ Performance metrics per variant """
    default: str | Unset = UNSET
    """ Default variant key for quick model comparison """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        variants = []
        for variants_item_data in self.variants:
            variants_item = variants_item_data.to_dict()
            variants.append(variants_item)

        default = self.default

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "variants": variants,
            }
        )
        if default is not UNSET:
            field_dict["default"] = default

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.model_performance_stats_variant import ModelPerformanceStatsVariant

        d = dict(src_dict)
        variants = []
        _variants = d.pop("variants")
        for variants_item_data in _variants:
            variants_item = ModelPerformanceStatsVariant.from_dict(variants_item_data)

            variants.append(variants_item)

        default = d.pop("default", UNSET)

        model_performance_stats = cls(
            variants=variants,
            default=default,
        )

        model_performance_stats.additional_properties = d
        return model_performance_stats

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
