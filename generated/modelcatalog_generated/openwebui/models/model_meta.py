from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_meta_capabilities_type_0 import ModelMetaCapabilitiesType0
    from ..models.model_meta_i18n_type_0 import ModelMetaI18NType0
    from ..models.model_voice import ModelVoice
    from ..models.model_voice_avatar import ModelVoiceAvatar


T = TypeVar("T", bound="ModelMeta")


@_attrs_define
class ModelMeta:
    """Metadata for a workspace model entry (profile, description, tags, capabilities)."""

    profile_image_url: None | str | Unset = UNSET
    background_image_url: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    """ User-facing description of the model. """
    i18n: ModelMetaI18NType0 | None | Unset = UNSET
    capabilities: ModelMetaCapabilitiesType0 | None | Unset = UNSET
    knowledge: list[Any] | None | Unset = UNSET
    voice: ModelVoice | None | Unset = UNSET
    voice_avatar: ModelVoiceAvatar | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.model_meta_capabilities_type_0 import ModelMetaCapabilitiesType0
        from ..models.model_meta_i18n_type_0 import ModelMetaI18NType0
        from ..models.model_voice import ModelVoice
        from ..models.model_voice_avatar import ModelVoiceAvatar

        profile_image_url: None | str | Unset
        if isinstance(self.profile_image_url, Unset):
            profile_image_url = UNSET
        else:
            profile_image_url = self.profile_image_url

        background_image_url: None | str | Unset
        if isinstance(self.background_image_url, Unset):
            background_image_url = UNSET
        else:
            background_image_url = self.background_image_url

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        i18n: dict[str, Any] | None | Unset
        if isinstance(self.i18n, Unset):
            i18n = UNSET
        elif isinstance(self.i18n, ModelMetaI18NType0):
            i18n = self.i18n.to_dict()
        else:
            i18n = self.i18n

        capabilities: dict[str, Any] | None | Unset
        if isinstance(self.capabilities, Unset):
            capabilities = UNSET
        elif isinstance(self.capabilities, ModelMetaCapabilitiesType0):
            capabilities = self.capabilities.to_dict()
        else:
            capabilities = self.capabilities

        knowledge: list[Any] | None | Unset
        if isinstance(self.knowledge, Unset):
            knowledge = UNSET
        elif isinstance(self.knowledge, list):
            knowledge = self.knowledge

        else:
            knowledge = self.knowledge

        voice: dict[str, Any] | None | Unset
        if isinstance(self.voice, Unset):
            voice = UNSET
        elif isinstance(self.voice, ModelVoice):
            voice = self.voice.to_dict()
        else:
            voice = self.voice

        voice_avatar: dict[str, Any] | None | Unset
        if isinstance(self.voice_avatar, Unset):
            voice_avatar = UNSET
        elif isinstance(self.voice_avatar, ModelVoiceAvatar):
            voice_avatar = self.voice_avatar.to_dict()
        else:
            voice_avatar = self.voice_avatar

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if profile_image_url is not UNSET:
            field_dict["profile_image_url"] = profile_image_url
        if background_image_url is not UNSET:
            field_dict["background_image_url"] = background_image_url
        if description is not UNSET:
            field_dict["description"] = description
        if i18n is not UNSET:
            field_dict["i18n"] = i18n
        if capabilities is not UNSET:
            field_dict["capabilities"] = capabilities
        if knowledge is not UNSET:
            field_dict["knowledge"] = knowledge
        if voice is not UNSET:
            field_dict["voice"] = voice
        if voice_avatar is not UNSET:
            field_dict["voice_avatar"] = voice_avatar

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.model_meta_capabilities_type_0 import ModelMetaCapabilitiesType0
        from ..models.model_meta_i18n_type_0 import ModelMetaI18NType0
        from ..models.model_voice import ModelVoice
        from ..models.model_voice_avatar import ModelVoiceAvatar

        d = dict(src_dict)

        def _parse_profile_image_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        profile_image_url = _parse_profile_image_url(d.pop("profile_image_url", UNSET))

        def _parse_background_image_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        background_image_url = _parse_background_image_url(d.pop("background_image_url", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_i18n(data: object) -> ModelMetaI18NType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                i18n_type_0 = ModelMetaI18NType0.from_dict(data)

                return i18n_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelMetaI18NType0 | None | Unset, data)

        i18n = _parse_i18n(d.pop("i18n", UNSET))

        def _parse_capabilities(data: object) -> ModelMetaCapabilitiesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                capabilities_type_0 = ModelMetaCapabilitiesType0.from_dict(data)

                return capabilities_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelMetaCapabilitiesType0 | None | Unset, data)

        capabilities = _parse_capabilities(d.pop("capabilities", UNSET))

        def _parse_knowledge(data: object) -> list[Any] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                knowledge_type_0 = cast(list[Any], data)

                return knowledge_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | Unset, data)

        knowledge = _parse_knowledge(d.pop("knowledge", UNSET))

        def _parse_voice(data: object) -> ModelVoice | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                voice_type_0 = ModelVoice.from_dict(data)

                return voice_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelVoice | None | Unset, data)

        voice = _parse_voice(d.pop("voice", UNSET))

        def _parse_voice_avatar(data: object) -> ModelVoiceAvatar | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                voice_avatar_type_0 = ModelVoiceAvatar.from_dict(data)

                return voice_avatar_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelVoiceAvatar | None | Unset, data)

        voice_avatar = _parse_voice_avatar(d.pop("voice_avatar", UNSET))

        model_meta = cls(
            profile_image_url=profile_image_url,
            background_image_url=background_image_url,
            description=description,
            i18n=i18n,
            capabilities=capabilities,
            knowledge=knowledge,
            voice=voice,
            voice_avatar=voice_avatar,
        )

        model_meta.additional_properties = d
        return model_meta

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
