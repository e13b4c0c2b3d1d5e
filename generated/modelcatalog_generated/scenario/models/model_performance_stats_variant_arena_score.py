from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ModelPerformanceStatsVariantArenaScore")


@_attrs_define
class ModelPerformanceStatsVariantArenaScore:
    """External quality score from arena.ai leaderboard"""

    arena_category: str
    """ Arena category (example: "text_to_image", "image_to_video") """
    arena_model_name: str
    """ Model name on arena.ai """
    fetched_at: datetime.datetime
    """ When this score was last fetched (ISO date) """
    rank: float
    """ Rank in the arena category """
    rating: float
    """ ELO rating """
    rating_lower: float
    """ ELO rating confidence interval lower bound """
    rating_upper: float
    """ ELO rating confidence interval upper bound """
    votes: float
    """ Number of human votes """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        arena_category = self.arena_category

        arena_model_name = self.arena_model_name

        fetched_at = self.fetched_at.isoformat()

        rank = self.rank

        rating = self.rating

        rating_lower = self.rating_lower

        rating_upper = self.rating_upper

        votes = self.votes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "arenaCategory": arena_category,
                "arenaModelName": arena_model_name,
                "fetchedAt": fetched_at,
                "rank": rank,
                "rating": rating,
                "ratingLower": rating_lower,
                "ratingUpper": rating_upper,
                "votes": votes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        arena_category = d.pop("arenaCategory")

        arena_model_name = d.pop("arenaModelName")

        fetched_at = datetime.datetime.fromisoformat(d.pop("fetchedAt"))

        rank = d.pop("rank")

        rating = d.pop("rating")

        rating_lower = d.pop("ratingLower")

        rating_upper = d.pop("ratingUpper")

        votes = d.pop("votes")

        model_performance_stats_variant_arena_score = cls(
            arena_category=arena_category,
            arena_model_name=arena_model_name,
            fetched_at=fetched_at,
            rank=rank,
            rating=rating,
            rating_lower=rating_lower,
            rating_upper=rating_upper,
            votes=votes,
        )

        model_performance_stats_variant_arena_score.additional_properties = d
        return model_performance_stats_variant_arena_score

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
