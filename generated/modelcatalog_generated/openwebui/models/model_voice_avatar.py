from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_avatar_gesture import ModelAvatarGesture
    from ..models.model_voice_avatar_states import ModelVoiceAvatarStates


T = TypeVar("T", bound="ModelVoiceAvatar")


@_attrs_define
class ModelVoiceAvatar:
    file_id: str
    states: ModelVoiceAvatarStates | Unset = UNSET
    gestures: list[ModelAvatarGesture] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        file_id = self.file_id

        states: dict[str, Any] | Unset = UNSET
        if not isinstance(self.states, Unset):
            states = self.states.to_dict()

        gestures: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.gestures, Unset):
            gestures = []
            for gestures_item_data in self.gestures:
                gestures_item = gestures_item_data.to_dict()
                gestures.append(gestures_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "file_id": file_id,
            }
        )
        if states is not UNSET:
            field_dict["states"] = states
        if gestures is not UNSET:
            field_dict["gestures"] = gestures

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.model_avatar_gesture import ModelAvatarGesture
        from ..models.model_voice_avatar_states import ModelVoiceAvatarStates

        d = dict(src_dict)
        file_id = d.pop("file_id")

        _states = d.pop("states", UNSET)
        states: ModelVoiceAvatarStates | Unset
        if isinstance(_states, Unset):
            states = UNSET
        else:
            states = ModelVoiceAvatarStates.from_dict(_states)

        _gestures = d.pop("gestures", UNSET)
        gestures: list[ModelAvatarGesture] | Unset = UNSET
        if _gestures is not UNSET:
            gestures = []
            for gestures_item_data in _gestures:
                gestures_item = ModelAvatarGesture.from_dict(gestures_item_data)

                gestures.append(gestures_item)

        model_voice_avatar = cls(
            file_id=file_id,
            states=states,
            gestures=gestures,
        )

        return model_voice_avatar
