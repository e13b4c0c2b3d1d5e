from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ModelVersionEnvironment")


@_attrs_define
class ModelVersionEnvironment:
    """Runtime environment describing python version and dependencies for running the model"""

    python_version: str | Unset = UNSET
    """ Python version to use when running the model """
    pip_packages: list[str] | Unset = UNSET
    """ pip dependencies needed for running the model """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        python_version = self.python_version

        pip_packages: list[str] | Unset = UNSET
        if not isinstance(self.pip_packages, Unset):
            pip_packages = self.pip_packages

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if python_version is not UNSET:
            field_dict["python_version"] = python_version
        if pip_packages is not UNSET:
            field_dict["pip_packages"] = pip_packages

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        python_version = d.pop("python_version", UNSET)

        pip_packages = cast(list[str], d.pop("pip_packages", UNSET))

        model_version_environment = cls(
            python_version=python_version,
            pip_packages=pip_packages,
        )

        model_version_environment.additional_properties = d
        return model_version_environment

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
