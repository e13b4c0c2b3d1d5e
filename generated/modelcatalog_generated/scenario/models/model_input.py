from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model_input_background_behavior import ModelInputBackgroundBehavior
from ..models.model_input_kind import ModelInputKind
from ..models.model_input_type import ModelInputType
from ..models.model_type import ModelType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_input_inputs_item import ModelInputInputsItem
    from ..models.model_input_required import ModelInputRequired


T = TypeVar("T", bound="ModelInput")


@_attrs_define
class ModelInput:
    """An input of a custom model"""

    name: str
    """ The name that must be user to call the model through the API """
    type_: ModelInputType | str
    """ The data type of the input """
    allowed_values: list[Any] | Unset = UNSET
    """ The allowed values for the input. For `string` or `number` types, creates a single-select dropdown. For
    `string_array` type, creates a multi-select dropdown. """
    background_behavior: ModelInputBackgroundBehavior | str | Unset = UNSET
    """ Specifies the background behavior for the input. Only available for `file` and `file_array` input types with
    kind `image`. """
    color: bool | Unset = UNSET
    """ Whether the input is a color or not. Only available for `string` input type. """
    cost_impact: bool | Unset = UNSET
    """ Whether this input affects the model's cost calculation """
    default: Any | Unset = UNSET
    """ The default value for the input """
    description: str | Unset = UNSET
    """ Help text displayed in the UI to provide additional information about the input """
    group: str | Unset = UNSET
    """ Used to visually group inputs together in the UI. Inputs with the same group value appear consecutively in
    the UI. """
    hint: str | Unset = UNSET
    """ Hint text displayed in the UI as a tooltip to guide the user """
    inputs: list[ModelInputInputsItem] | Unset = UNSET
    """ The list of inputs which form an object within a container array. All inputs are the same as the current
    object. This is only available for type inputs_array inputs. """
    kind: ModelInputKind | str | Unset = UNSET
    """ The asset kind of the input. Only taken into account for `file` and `file_array` input types. If model
    provides multiple kinds, the input will be not able to create the asset on the flight on API side with dataurl
    without data:kind, prefix """
    label: str | Unset = UNSET
    """ The label displayed in the UI for this input """
    mask_from: str | Unset = UNSET
    """ The name of the file input field to use as the mask source """
    max_: float | Unset = UNSET
    """ The maximum allowed value. Only available for `number` and `array` input types. """
    max_length: float | Unset = UNSET
    """ The maximum allowed length for `string` inputs. Also applies to each item in `string_array`. """
    max_size: float | Unset = UNSET
    """ The maximum allowed file size in bytes. Only applies to `file` and `file_array` input types. Validated
    against `asset.properties.size` at job creation time. """
    min_: float | Unset = UNSET
    """ The minimum allowed value. Only available for `number` and array input types. """
    min_length: float | Unset = UNSET
    """ The minimum allowed length for string inputs. Also applies to each item in `string_array`. """
    model_types: list[ModelType | str] | Unset = UNSET
    """ The allowed model types for this input. Example: `["flux.1-lora"]`. Only available for `model_array` input
    type. """
    parent: bool | Unset = UNSET
    """ Whether this input represents a parent asset to assign to the produced assets. Only available for `file` and
    `file_array` input types.

    For `file_array`, the parent asset is the first item in the array. """
    placeholder: str | Unset = UNSET
    """ Placeholder text for the input. Only available for 'string' input type. """
    prompt: bool | Unset = UNSET
    """ Whether the input is a prompt. When true, displays as a text area with prompt spark feature. Only available
    for `string` input type. """
    prompt_spark: bool | Unset = UNSET
    """ Whether the input is used with prompt spark. Only available for `string` input type. """
    required: ModelInputRequired | Unset = UNSET
    """ Set of rules that describes when this input is required:

    - `always`: Input is always required
    - `ifNotDefined`: Input is required when another specified input is not defined
    - `ifDefined`: Input is required when another specified input is defined
    - `conditionalValues`: Input is required when another input has a specific value

    By default, the input is not required. """
    step: float | Unset = UNSET
    """ The step increment for numeric inputs. Only available for `number` input type. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_: str
        if isinstance(self.type_, ModelInputType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        allowed_values: list[Any] | Unset = UNSET
        if not isinstance(self.allowed_values, Unset):
            allowed_values = self.allowed_values

        background_behavior: str | Unset
        if isinstance(self.background_behavior, Unset):
            background_behavior = UNSET
        elif isinstance(self.background_behavior, ModelInputBackgroundBehavior):
            background_behavior = self.background_behavior.value
        else:
            background_behavior = self.background_behavior

        color = self.color

        cost_impact = self.cost_impact

        default = self.default

        description = self.description

        group = self.group

        hint = self.hint

        inputs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.inputs, Unset):
            inputs = []
            for inputs_item_data in self.inputs:
                inputs_item = inputs_item_data.to_dict()
                inputs.append(inputs_item)

        kind: str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, ModelInputKind):
            kind = self.kind.value
        else:
            kind = self.kind

        label = self.label

        mask_from = self.mask_from

        max_ = self.max_

        max_length = self.max_length

        max_size = self.max_size

        min_ = self.min_

        min_length = self.min_length

        model_types: list[str] | Unset = UNSET
        if not isinstance(self.model_types, Unset):
            model_types = []
            for model_types_item_data in self.model_types:
                model_types_item: str
                if isinstance(model_types_item_data, ModelType):
                    model_types_item = model_types_item_data.value
                else:
                    model_types_item = model_types_item_data
                model_types.append(model_types_item)

        parent = self.parent

        placeholder = self.placeholder

        prompt = self.prompt

        prompt_spark = self.prompt_spark

        required: dict[str, Any] | Unset = UNSET
        if not isinstance(self.required, Unset):
            required = self.required.to_dict()

        step = self.step

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "type": type_,
            }
        )
        if allowed_values is not UNSET:
            field_dict["allowedValues"] = allowed_values
        if background_behavior is not UNSET:
            field_dict["backgroundBehavior"] = background_behavior
        if color is not UNSET:
            field_dict["color"] = color
        if cost_impact is not UNSET:
            field_dict["costImpact"] = cost_impact
        if default is not UNSET:
            field_dict["default"] = default
        if description is not UNSET:
            field_dict["description"] = description
        if group is not UNSET:
            field_dict["group"] = group
        if hint is not UNSET:
            field_dict["hint"] = hint
        if inputs is not UNSET:
            field_dict["inputs"] = inputs
        if kind is not UNSET:
            field_dict["kind"] = kind
        if label is not UNSET:
            field_dict["label"] = label
        if mask_from is not UNSET:
            field_dict["maskFrom"] = mask_from
        if max_ is not UNSET:
            field_dict["max"] = max_
        if max_length is not UNSET:
            field_dict["maxLength"] = max_length
        if max_size is not UNSET:
            field_dict["maxSize"] = max_size
        if min_ is not UNSET:
            field_dict["min"] = min_
        if min_length is not UNSET:
            field_dict["minLength"] = min_length
        if model_types is not UNSET:
            field_dict["modelTypes"] = model_types
        if parent is not UNSET:
            field_dict["parent"] = parent
        if placeholder is not UNSET:
            field_dict["placeholder"] = placeholder
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if prompt_spark is not UNSET:
            field_dict["promptSpark"] = prompt_spark
        if required is not UNSET:
            field_dict["required"] = required
        if step is not UNSET:
            field_dict["step"] = step

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.model_input_inputs_item import ModelInputInputsItem
        from ..models.model_input_required import ModelInputRequired

        d = dict(src_dict)
        name = d.pop("name")

        def _parse_type_(data: object) -> ModelInputType | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = ModelInputType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelInputType | str, data)

        type_ = _parse_type_(d.pop("type"))

        allowed_values = cast(list[Any], d.pop("allowedValues", UNSET))

        def _parse_background_behavior(data: object) -> ModelInputBackgroundBehavior | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                background_behavior_type_0 = ModelInputBackgroundBehavior(data)

                return background_behavior_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelInputBackgroundBehavior | str | Unset, data)

        background_behavior = _parse_background_behavior(d.pop("backgroundBehavior", UNSET))

        color = d.pop("color", UNSET)

        cost_impact = d.pop("costImpact", UNSET)

        default = d.pop("default", UNSET)

        description = d.pop("description", UNSET)

        group = d.pop("group", UNSET)

        hint = d.pop("hint", UNSET)

        _inputs = d.pop("inputs", UNSET)
        inputs: list[ModelInputInputsItem] | Unset = UNSET
        if _inputs is not UNSET:
            inputs = []
            for inputs_item_data in _inputs:
                inputs_item = ModelInputInputsItem.from_dict(inputs_item_data)

                inputs.append(inputs_item)

        def _parse_kind(data: object) -> ModelInputKind | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = ModelInputKind(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelInputKind | str | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        label = d.pop("label", UNSET)

        mask_from = d.pop("maskFrom", UNSET)

        max_ = d.pop("max", UNSET)

        max_length = d.pop("maxLength", UNSET)

        max_size = d.pop("maxSize", UNSET)

        min_ = d.pop("min", UNSET)

        min_length = d.pop("minLength", UNSET)

        _model_types = d.pop("modelTypes", UNSET)
        model_types: list[ModelType | str] | Unset = UNSET
        if _model_types is not UNSET:
            model_types = []
            for model_types_item_data in _model_types:

                def _parse_model_types_item(data: object) -> ModelType | str:
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        model_types_item_type_0 = ModelType(data)

                        return model_types_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(ModelType | str, data)

                model_types_item = _parse_model_types_item(model_types_item_data)

                model_types.append(model_types_item)

        parent = d.pop("parent", UNSET)

        placeholder = d.pop("placeholder", UNSET)

        prompt = d.pop("prompt", UNSET)

        prompt_spark = d.pop("promptSpark", UNSET)

        _required = d.pop("required", UNSET)
        required: ModelInputRequired | Unset
        if isinstance(_required, Unset):
            required = UNSET
        else:
            required = ModelInputRequired.from_dict(_required)

        step = d.pop("step", UNSET)

        model_input = cls(
            name=name,
            type_=type_,
            allowed_values=allowed_values,
            background_behavior=background_behavior,
            color=color,
            cost_impact=cost_impact,
            default=default,
            description=description,
            group=group,
            hint=hint,
            inputs=inputs,
            kind=kind,
            label=label,
            mask_from=mask_from,
            max_=max_,
            max_length=max_length,
            max_size=max_size,
            min_=min_,
            min_length=min_length,
            model_types=model_types,
            parent=parent,
            placeholder=placeholder,
            prompt=prompt,
            prompt_spark=prompt_spark,
            required=required,
            step=step,
        )

        model_input.additional_properties = d
        return model_input

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
