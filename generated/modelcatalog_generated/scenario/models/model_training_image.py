from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ModelTrainingImage")


@_attrs_define
class ModelTrainingImage:
    """A training image of the model"""

    id: str
    """ The training image ID (example: "asset_GTrL3mq4SXWyMxkOHRxlpw") """
    automatic_captioning: str
    """ Automatic captioning of the image """
    created_at: datetime.datetime
    """ The training image upload date as an ISO string (example: "2023-02-03T11:19:41.579Z") """
    description: str
    """ Description for the image """
    download_url: str
    """ The URL of the image """
    name: str
    """ The original file name of the image (example: "my-training-image.jpg") """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        automatic_captioning = self.automatic_captioning

        created_at = self.created_at.isoformat()

        description = self.description

        download_url = self.download_url

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "automaticCaptioning": automatic_captioning,
                "createdAt": created_at,
                "description": description,
                "downloadUrl": download_url,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        automatic_captioning = d.pop("automaticCaptioning")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        description = d.pop("description")

        download_url = d.pop("downloadUrl")

        name = d.pop("name")

        model_training_image = cls(
            id=id,
            automatic_captioning=automatic_captioning,
            created_at=created_at,
            description=description,
            download_url=download_url,
            name=name,
        )

        model_training_image.additional_properties = d
        return model_training_image

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
