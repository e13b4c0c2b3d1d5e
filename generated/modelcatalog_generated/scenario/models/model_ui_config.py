from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_ui_config_input_properties import ModelUiConfigInputProperties
    from ..models.model_ui_config_loras_component import ModelUiConfigLorasComponent
    from ..models.model_ui_config_preset import ModelUiConfigPreset
    from ..models.model_ui_config_resolution_component import ModelUiConfigResolutionComponent
    from ..models.model_ui_config_selects import ModelUiConfigSelects
    from ..models.model_ui_config_trigger_generate import ModelUiConfigTriggerGenerate


T = TypeVar("T", bound="ModelUiConfig")


@_attrs_define
class ModelUiConfig:
    """The UI configuration for the model"""

    input_properties: ModelUiConfigInputProperties | Unset = UNSET
    """ Configuration for the input properties """
    loras_component: ModelUiConfigLorasComponent | Unset = UNSET
    """ Configuration for the loras component """
    presets: list[ModelUiConfigPreset] | Unset = UNSET
    """ Configuration for the presets """
    resolution_component: ModelUiConfigResolutionComponent | Unset = UNSET
    """ Configuration for the resolution component """
    selects: ModelUiConfigSelects | Unset = UNSET
    """ Configuration for the selects """
    trigger_generate: ModelUiConfigTriggerGenerate | Unset = UNSET
    """ Configuration for the trigger generate button """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        input_properties: dict[str, Any] | Unset = UNSET
        if not isinstance(self.input_properties, Unset):
            input_properties = self.input_properties.to_dict()

        loras_component: dict[str, Any] | Unset = UNSET
        if not isinstance(self.loras_component, Unset):
            loras_component = self.loras_component.to_dict()

        presets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.presets, Unset):
            presets = []
            for presets_item_data in self.presets:
                presets_item = presets_item_data.to_dict()
                presets.append(presets_item)

        resolution_component: dict[str, Any] | Unset = UNSET
        if not isinstance(self.resolution_component, Unset):
            resolution_component = self.resolution_component.to_dict()

        selects: dict[str, Any] | Unset = UNSET
        if not isinstance(self.selects, Unset):
            selects = self.selects.to_dict()

        trigger_generate: dict[str, Any] | Unset = UNSET
        if not isinstance(self.trigger_generate, Unset):
            trigger_generate = self.trigger_generate.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if input_properties is not UNSET:
            field_dict["inputProperties"] = input_properties
        if loras_component is not UNSET:
            field_dict["lorasComponent"] = loras_component
        if presets is not UNSET:
            field_dict["presets"] = presets
        if resolution_component is not UNSET:
            field_dict["resolutionComponent"] = resolution_component
        if selects is not UNSET:
            field_dict["selects"] = selects
        if trigger_generate is not UNSET:
            field_dict["triggerGenerate"] = trigger_generate

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.model_ui_config_input_properties import ModelUiConfigInputProperties
        from ..models.model_ui_config_loras_component import ModelUiConfigLorasComponent
        from ..models.model_ui_config_preset import ModelUiConfigPreset
        from ..models.model_ui_config_resolution_component import ModelUiConfigResolutionComponent
        from ..models.model_ui_config_selects import ModelUiConfigSelects
        from ..models.model_ui_config_trigger_generate import ModelUiConfigTriggerGenerate

        d = dict(src_dict)
        _input_properties = d.pop("inputProperties", UNSET)
        input_properties: ModelUiConfigInputProperties | Unset
        if isinstance(_input_properties, Unset):
            input_properties = UNSET
        else:
            input_properties = ModelUiConfigInputProperties.from_dict(_input_properties)

        _loras_component = d.pop("lorasComponent", UNSET)
        loras_component: ModelUiConfigLorasComponent | Unset
        if isinstance(_loras_component, Unset):
            loras_component = UNSET
        else:
            loras_component = ModelUiConfigLorasComponent.from_dict(_loras_component)

        _presets = d.pop("presets", UNSET)
        presets: list[ModelUiConfigPreset] | Unset = UNSET
        if _presets is not UNSET:
            presets = []
            for presets_item_data in _presets:
                presets_item = ModelUiConfigPreset.from_dict(presets_item_data)

                presets.append(presets_item)

        _resolution_component = d.pop("resolutionComponent", UNSET)
        resolution_component: ModelUiConfigResolutionComponent | Unset
        if isinstance(_resolution_component, Unset):
            resolution_component = UNSET
        else:
            resolution_component = ModelUiConfigResolutionComponent.from_dict(_resolution_component)

        _selects = d.pop("selects", UNSET)
        selects: ModelUiConfigSelects | Unset
        if isinstance(_selects, Unset):
            selects = UNSET
        else:
            selects = ModelUiConfigSelects.from_dict(_selects)

        _trigger_generate = d.pop("triggerGenerate", UNSET)
        trigger_generate: ModelUiConfigTriggerGenerate | Unset
        if isinstance(_trigger_generate, Unset):
            trigger_generate = UNSET
        else:
            trigger_generate = ModelUiConfigTriggerGenerate.from_dict(_trigger_generate)

        model_ui_config = cls(
            input_properties=input_properties,
            loras_component=loras_component,
            presets=presets,
            resolution_component=resolution_component,
            selects=selects,
            trigger_generate=trigger_generate,
        )

        model_ui_config.additional_properties = d
        return model_ui_config

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
