from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.library_name import LibraryName
from ..models.transformers_framework_type import TransformersFrameworkType
from ..types import UNSET, Unset

T = TypeVar("T", bound="TransformersFramework")


@_attrs_define
class TransformersFramework:
    type_: TransformersFrameworkType
    """ Type of the framework """
    library_name: LibraryName | str | Unset = LibraryName.TRANSFORMERS
    """ Name of the library for the framework """
    pipeline_tag: str | Unset = UNSET
    """ The `pipeline()` task this model can be used with e.g. `text-generation`. See [huggingface
    docs](https://huggingface.co/docs/transformers/main/en/main_classes/pipelines#transformers.pipeline.task) for
    all possible values """
    base_model: str | Unset = UNSET
    """ Base model Id from HuggingFace Hub. If this is a finetuned model, this points to the base model id used for
    finetuning. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        library_name: str | Unset
        if isinstance(self.library_name, Unset):
            library_name = UNSET
        elif isinstance(self.library_name, LibraryName):
            library_name = self.library_name.value
        else:
            library_name = self.library_name

        pipeline_tag = self.pipeline_tag

        base_model = self.base_model

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if library_name is not UNSET:
            field_dict["library_name"] = library_name
        if pipeline_tag is not UNSET:
            field_dict["pipeline_tag"] = pipeline_tag
        if base_model is not UNSET:
            field_dict["base_model"] = base_model

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = TransformersFrameworkType(d.pop("type"))

        def _parse_library_name(data: object) -> LibraryName | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                library_name_type_0 = LibraryName(data)

                return library_name_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LibraryName | str | Unset, data)

        library_name = _parse_library_name(d.pop("library_name", UNSET))

        pipeline_tag = d.pop("pipeline_tag", UNSET)

        base_model = d.pop("base_model", UNSET)

        transformers_framework = cls(
            type_=type_,
            library_name=library_name,
            pipeline_tag=pipeline_tag,
            base_model=base_model,
        )

        transformers_framework.additional_properties = d
        return transformers_framework

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
