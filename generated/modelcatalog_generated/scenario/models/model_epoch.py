from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_epoch_asset import ModelEpochAsset


T = TypeVar("T", bound="ModelEpoch")


@_attrs_define
class ModelEpoch:
    """An epoch of the model. Only available for Flux Lora Trained models."""

    epoch: str
    """ The epoch hash to identify the epoch """
    assets: list[ModelEpochAsset] | Unset = UNSET
    """ The assets of the epoch if sample prompts as been supplied during training """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        epoch = self.epoch

        assets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.assets, Unset):
            assets = []
            for assets_item_data in self.assets:
                assets_item = assets_item_data.to_dict()
                assets.append(assets_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "epoch": epoch,
            }
        )
        if assets is not UNSET:
            field_dict["assets"] = assets

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.model_epoch_asset import ModelEpochAsset

        d = dict(src_dict)
        epoch = d.pop("epoch")

        _assets = d.pop("assets", UNSET)
        assets: list[ModelEpochAsset] | Unset = UNSET
        if _assets is not UNSET:
            assets = []
            for assets_item_data in _assets:
                assets_item = ModelEpochAsset.from_dict(assets_item_data)

                assets.append(assets_item)

        model_epoch = cls(
            epoch=epoch,
            assets=assets,
        )

        model_epoch.additional_properties = d
        return model_epoch

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
