from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model_class_status import ModelClassStatus

T = TypeVar("T", bound="ModelClass")


@_attrs_define
class ModelClass:
    """The class of the model"""

    category: str
    """ The category slug of the class (example: "art-style") """
    concept_prompt: str
    """ The concept prompt of the class (example: "a sks character design") """
    model_id: str
    """ The model ID of the class (example: "stable-diffusion-v1-5") """
    name: str
    """ The class name (example: "Character Design") """
    prompt: str
    """ The class prompt (example: "a character design") """
    slug: str
    """ The class slug (example: "art-style-character-design") """
    status: ModelClassStatus | str
    """ The class status (only published classes are listed, but unpublished classes can still appear in existing
    models) """
    thumbnails: list[str]
    """ Some example images URLs to showcase the class """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        category = self.category

        concept_prompt = self.concept_prompt

        model_id = self.model_id

        name = self.name

        prompt = self.prompt

        slug = self.slug

        status: str
        if isinstance(self.status, ModelClassStatus):
            status = self.status.value
        else:
            status = self.status

        thumbnails = self.thumbnails

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "category": category,
                "conceptPrompt": concept_prompt,
                "modelId": model_id,
                "name": name,
                "prompt": prompt,
                "slug": slug,
                "status": status,
                "thumbnails": thumbnails,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        category = d.pop("category")

        concept_prompt = d.pop("conceptPrompt")

        model_id = d.pop("modelId")

        name = d.pop("name")

        prompt = d.pop("prompt")

        slug = d.pop("slug")

        def _parse_status(data: object) -> ModelClassStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = ModelClassStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelClassStatus | str, data)

        status = _parse_status(d.pop("status"))

        thumbnails = cast(list[str], d.pop("thumbnails"))

        model_class = cls(
            category=category,
            concept_prompt=concept_prompt,
            model_id=model_id,
            name=name,
            prompt=prompt,
            slug=slug,
            status=status,
            thumbnails=thumbnails,
        )

        model_class.additional_properties = d
        return model_class

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
