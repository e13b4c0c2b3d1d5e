from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_performance_stats_variant_arena_score import ModelPerformanceStatsVariantArenaScore


T = TypeVar("T", bound="ModelPerformanceStatsVariant")


@_attrs_define
class ModelPerformanceStatsVariant:
    """Performance metrics of one variant"""

    capability: str
    """ The generation capability (example: "txt2img", "img2video", "txt2audio") """
    computed_at: datetime.datetime
    """ When these stats were last computed (ISO date) """
    variant_key: str
    """ Unique variant identifier (example: "txt2img:1K", "img2video:2K", "txt2audio") """
    arena_score: ModelPerformanceStatsVariantArenaScore | Unset = UNSET
    """ External quality score from arena.ai leaderboard """
    cost_per_asset_max_cu: float | Unset = UNSET
    """ Maximum cost per output asset (CU) """
    cost_per_asset_min_cu: float | Unset = UNSET
    """ Minimum cost per output asset (CU) """
    cost_per_asset_p50cu: float | Unset = UNSET
    """ Median cost per output asset (CU) """
    inference_latency_p50_sec: float | Unset = UNSET
    """ Inference latency P50 per output asset (seconds) """
    inference_latency_p75_sec: float | Unset = UNSET
    """ Inference latency P75 per output asset (seconds) """
    resolution: str | Unset = UNSET
    """ The resolution bucket (example: "0.5K", "1K", "2K", "4K") """
    total_latency_p50_sec: float | Unset = UNSET
    """ Total latency P50 per output asset, including queue time (seconds) """
    total_latency_p75_sec: float | Unset = UNSET
    """ Total latency P75 per output asset, including queue time (seconds) """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        capability = self.capability

        computed_at = self.computed_at.isoformat()

        variant_key = self.variant_key

        arena_score: dict[str, Any] | Unset = UNSET
        if not isinstance(self.arena_score, Unset):
            arena_score = self.arena_score.to_dict()

        cost_per_asset_max_cu = self.cost_per_asset_max_cu

        cost_per_asset_min_cu = self.cost_per_asset_min_cu

        cost_per_asset_p50cu = self.cost_per_asset_p50cu

        inference_latency_p50_sec = self.inference_latency_p50_sec

        inference_latency_p75_sec = self.inference_latency_p75_sec

        resolution = self.resolution

        total_latency_p50_sec = self.total_latency_p50_sec

        total_latency_p75_sec = self.total_latency_p75_sec

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "capability": capability,
                "computedAt": computed_at,
                "variantKey": variant_key,
            }
        )
        if arena_score is not UNSET:
            field_dict["arenaScore"] = arena_score
        if cost_per_asset_max_cu is not UNSET:
            field_dict["costPerAssetMaxCU"] = cost_per_asset_max_cu
        if cost_per_asset_min_cu is not UNSET:
            field_dict["costPerAssetMinCU"] = cost_per_asset_min_cu
        if cost_per_asset_p50cu is not UNSET:
            field_dict["costPerAssetP50CU"] = cost_per_asset_p50cu
        if inference_latency_p50_sec is not UNSET:
            field_dict["inferenceLatencyP50Sec"] = inference_latency_p50_sec
        if inference_latency_p75_sec is not UNSET:
            field_dict["inferenceLatencyP75Sec"] = inference_latency_p75_sec
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if total_latency_p50_sec is not UNSET:
            field_dict["totalLatencyP50Sec"] = total_latency_p50_sec
        if total_latency_p75_sec is not UNSET:
            field_dict["totalLatencyP75Sec"] = total_latency_p75_sec

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.model_performance_stats_variant_arena_score import ModelPerformanceStatsVariantArenaScore

        d = dict(src_dict)
        capability = d.pop("capability")

        computed_at = datetime.datetime.fromisoformat(d.pop("computedAt"))

        variant_key = d.pop("variantKey")

        _arena_score = d.pop("arenaScore", UNSET)
        arena_score: ModelPerformanceStatsVariantArenaScore | Unset
        if isinstance(_arena_score, Unset):
            arena_score = UNSET
        else:
            arena_score = ModelPerformanceStatsVariantArenaScore.from_dict(_arena_score)

        cost_per_asset_max_cu = d.pop("costPerAssetMaxCU", UNSET)

        cost_per_asset_min_cu = d.pop("costPerAssetMinCU", UNSET)

        cost_per_asset_p50cu = d.pop("costPerAssetP50CU", UNSET)

        inference_latency_p50_sec = d.pop("inferenceLatencyP50Sec", UNSET)

        inference_latency_p75_sec = d.pop("inferenceLatencyP75Sec", UNSET)

        resolution = d.pop("resolution", UNSET)

        total_latency_p50_sec = d.pop("totalLatencyP50Sec", UNSET)

        total_latency_p75_sec = d.pop("totalLatencyP75Sec", UNSET)

        model_performance_stats_variant = cls(
            capability=capability,
            computed_at=computed_at,
            variant_key=variant_key,
            arena_score=arena_score,
            cost_per_asset_max_cu=cost_per_asset_max_cu,
            cost_per_asset_min_cu=cost_per_asset_min_cu,
            cost_per_asset_p50cu=cost_per_asset_p50cu,
            inference_latency_p50_sec=inference_latency_p50_sec,
            inference_latency_p75_sec=inference_latency_p75_sec,
            resolution=resolution,
            total_latency_p50_sec=total_latency_p50_sec,
            total_latency_p75_sec=total_latency_p75_sec,
        )

        model_performance_stats_variant.additional_properties = d
        return model_performance_stats_variant

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
