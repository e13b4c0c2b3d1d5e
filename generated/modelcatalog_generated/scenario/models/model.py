from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model_access_restrictions import ModelAccessRestrictions
from ..models.model_capabilities_item import ModelCapabilitiesItem
from ..models.model_privacy import ModelPrivacy
from ..models.model_source import ModelSource
from ..models.model_status import ModelStatus
from ..models.model_type import ModelType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_class import ModelClass
    from ..models.model_concept import ModelConcept
    from ..models.model_epoch import ModelEpoch
    from ..models.model_input import ModelInput
    from ..models.model_parameters import ModelParameters
    from ..models.model_performance_stats import ModelPerformanceStats
    from ..models.model_thumbnail import ModelThumbnail
    from ..models.model_training_image import ModelTrainingImage
    from ..models.model_training_image_pair import ModelTrainingImagePair
    from ..models.model_training_progress import ModelTrainingProgress
    from ..models.model_training_stats import ModelTrainingStats
    from ..models.model_ui_config import ModelUiConfig


T = TypeVar("T", bound="Model")


@_attrs_define
class Model:
    """A model as returned by GET /models (ModelListResponse in the Python SDK)"""

    id: str
    """ The model ID (example: "model_eyVcnFJcR92BxBkz7N6g5w") """
    capabilities: list[ModelCapabilitiesItem | str]
    """ List of model capabilities (example: ["txt2img", "img2img", "txt2img_ip_adapter", ...]) """
    collection_ids: list[str]
    """ A list of CollectionId this model belongs to """
    created_at: datetime.datetime
    """ The model creation date as an ISO string (example: "2023-02-03T11:19:41.579Z") """
    custom: bool
    """ Whether the model is a custom model and can be used only with POST /generate/custom/{modelId} endpoint """
    example_asset_ids: list[str]
    """ List of all example asset IDs setup by the model owner """
    privacy: ModelPrivacy | str
    """ The privacy of the model (default: private) """
    source: ModelSource | str
    """ The source of the model """
    status: ModelStatus | str
    """ The model status """
    tags: list[str]
    """ The associated tags (example: ["sci-fi", "landscape"]) """
    training_images_number: float
    """ The total number of training images """
    type_: ModelType | str
    updated_at: datetime.datetime
    """ The model last update date as an ISO string (example: "2023-02-03T11:19:41.579Z") """
    access_restrictions: int | ModelAccessRestrictions | Unset = UNSET
    """ The access restrictions of the model 0: Free plan 25: Creator plan 50: Pro plan 75: Team plan 100:
    Enterprise plan """
    author_id: str | Unset = UNSET
    """ The author user ID (example: "user_VFhihHKMRZyDDnZAJwLb2Q") """
    class_: ModelClass | Unset = UNSET
    """ The class of the model """
    compliant_model_ids: list[str] | Unset = UNSET
    """ List of base model IDs compliant with the model (example: ["flux.1-dev", "flux.1-schnell"]) This attribute
    is mainly used for Flux LoRA models """
    concepts: list[ModelConcept] | Unset = UNSET
    """ The concepts is required for the type model: composition """
    epoch: str | Unset = UNSET
    """ The epoch of the model. Only available for Flux Lora Trained models. If not set, uses the final model epoch
    (latest) """
    epochs: list[ModelEpoch] | Unset = UNSET
    """ The epochs of the model. Only available for Flux Lora Trained models. """
    inputs: list[ModelInput] | Unset = UNSET
    """ The inputs of the model. Only used for custom models. To retrieve this list, get it by modelId with GET
    /models/{modelId} """
    model_keyword: str | Unset = UNSET
    """ The model keyword, this is a legacy parameter, please use conceptPrompt in parameters """
    name: str | Unset = UNSET
    """ The model name (example: "Cinematic Realism") """
    negative_prompt_embedding: str | Unset = UNSET
    """ Fine-tune the model's inferences with negative prompt embedding """
    owner_id: str | Unset = UNSET
    """ The owner ID (example: "team_VFhihHKMRZyDDnZAJwLb2Q") """
    parameters: ModelParameters | Unset = UNSET
    """ The parameters of the model """
    parent_model_id: str | Unset = UNSET
    """ The id of the parent model """
    performance_stats: ModelPerformanceStats | Unset = UNSET
    """ Aggregated performance stats """
    prompt_embedding: str | Unset = UNSET
    """ Fine-tune the model's inferences with prompt embedding """
    short_description: str | Unset = UNSET
    """ The model short description (example: "This model generates highly detailed cinematic scenes.") """
    soft_deletion_on: datetime.datetime | Unset = UNSET
    """ The date when the model will be soft deleted (only for Free plan) """
    thumbnail: ModelThumbnail | Unset = UNSET
    """ A thumbnail for your model """
    training_image_pairs: list[ModelTrainingImagePair] | Unset = UNSET
    """ Array of training image pairs """
    training_images: list[ModelTrainingImage] | Unset = UNSET
    """ The URLs of the first 3 training images of the model. To retrieve the full set of images, get it by modelId
    """
    training_progress: ModelTrainingProgress | Unset = UNSET
    """ Additional information about the training progress of the model """
    training_stats: ModelTrainingStats | Unset = UNSET
    """ Additional information about the model's training """
    ui_config: ModelUiConfig | Unset = UNSET
    """ The UI configuration for the model """
    user_id: str | Unset = UNSET
    """ (Deprecated) The user ID (example: "user_VFhihHKMRZyDDnZAJwLb2Q") """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        capabilities = []
        for capabilities_item_data in self.capabilities:
            capabilities_item: str
            if isinstance(capabilities_item_data, ModelCapabilitiesItem):
                capabilities_item = capabilities_item_data.value
            else:
                capabilities_item = capabilities_item_data
            capabilities.append(capabilities_item)

        collection_ids = self.collection_ids

        created_at = self.created_at.isoformat()

        custom = self.custom

        example_asset_ids = self.example_asset_ids

        privacy: str
        if isinstance(self.privacy, ModelPrivacy):
            privacy = self.privacy.value
        else:
            privacy = self.privacy

        source: str
        if isinstance(self.source, ModelSource):
            source = self.source.value
        else:
            source = self.source

        status: str
        if isinstance(self.status, ModelStatus):
            status = self.status.value
        else:
            status = self.status

        tags = self.tags

        training_images_number = self.training_images_number

        type_: str
        if isinstance(self.type_, ModelType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        updated_at = self.updated_at.isoformat()

        access_restrictions: int | Unset
        if isinstance(self.access_restrictions, Unset):
            access_restrictions = UNSET
        elif isinstance(self.access_restrictions, ModelAccessRestrictions):
            access_restrictions = self.access_restrictions.value
        else:
            access_restrictions = self.access_restrictions

        author_id = self.author_id

        class_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.class_, Unset):
            class_ = self.class_.to_dict()

        compliant_model_ids: list[str] | Unset = UNSET
        if not isinstance(self.compliant_model_ids, Unset):
            compliant_model_ids = self.compliant_model_ids

        concepts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.concepts, Unset):
            concepts = []
            for concepts_item_data in self.concepts:
                concepts_item = concepts_item_data.to_dict()
                concepts.append(concepts_item)

        epoch = self.epoch

        epochs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.epochs, Unset):
            epochs = []
            for epochs_item_data in self.epochs:
                epochs_item = epochs_item_data.to_dict()
                epochs.append(epochs_item)

        inputs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.inputs, Unset):
            inputs = []
            for inputs_item_data in self.inputs:
                inputs_item = inputs_item_data.to_dict()
                inputs.append(inputs_item)

        model_keyword = self.model_keyword

        name = self.name

        negative_prompt_embedding = self.negative_prompt_embedding

        owner_id = self.owner_id

        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        parent_model_id = self.parent_model_id

        performance_stats: dict[str, Any] | Unset = UNSET
        if not isinstance(self.performance_stats, Unset):
            performance_stats = self.performance_stats.to_dict()

        prompt_embedding = self.prompt_embedding

        short_description = self.short_description

        soft_deletion_on: str | Unset = UNSET
        if not isinstance(self.soft_deletion_on, Unset):
            soft_deletion_on = self.soft_deletion_on.isoformat()

        thumbnail: dict[str, Any] | Unset = UNSET
        if not isinstance(self.thumbnail, Unset):
            thumbnail = self.thumbnail.to_dict()

        training_image_pairs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.training_image_pairs, Unset):
            training_image_pairs = []
            for training_image_pairs_item_data in self.training_image_pairs:
                training_image_pairs_item = training_image_pairs_item_data.to_dict()
                training_image_pairs.append(training_image_pairs_item)

        training_images: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.training_images, Unset):
            training_images = []
            for training_images_item_data in self.training_images:
                training_images_item = training_images_item_data.to_dict()
                training_images.append(training_images_item)

        training_progress: dict[str, Any] | Unset = UNSET
        if not isinstance(self.training_progress, Unset):
            training_progress = self.training_progress.to_dict()

        training_stats: dict[str, Any] | Unset = UNSET
        if not isinstance(self.training_stats, Unset):
            training_stats = self.training_stats.to_dict()

        ui_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ui_config, Unset):
            ui_config = self.ui_config.to_dict()

        user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "capabilities": capabilities,
                "collectionIds": collection_ids,
                "createdAt": created_at,
                "custom": custom,
                "exampleAssetIds": example_asset_ids,
                "privacy": privacy,
                "source": source,
                "status": status,
                "tags": tags,
                "trainingImagesNumber": training_images_number,
                "type": type_,
                "updatedAt": updated_at,
            }
        )
        if access_restrictions is not UNSET:
            field_dict["accessRestrictions"] = access_restrictions
        if author_id is not UNSET:
            field_dict["authorId"] = author_id
        if class_ is not UNSET:
            field_dict["class"] = class_
        if compliant_model_ids is not UNSET:
            field_dict["compliantModelIds"] = compliant_model_ids
        if concepts is not UNSET:
            field_dict["concepts"] = concepts
        if epoch is not UNSET:
            field_dict["epoch"] = epoch
        if epochs is not UNSET:
            field_dict["epochs"] = epochs
        if inputs is not UNSET:
            field_dict["inputs"] = inputs
        if model_keyword is not UNSET:
            field_dict["modelKeyword"] = model_keyword
        if name is not UNSET:
            field_dict["name"] = name
        if negative_prompt_embedding is not UNSET:
            field_dict["negativePromptEmbedding"] = negative_prompt_embedding
        if owner_id is not UNSET:
            field_dict["ownerId"] = owner_id
        if parameters is not UNSET:
            field_dict["parameters"] = parameters
        if parent_model_id is not UNSET:
            field_dict["parentModelId"] = parent_model_id
        if performance_stats is not UNSET:
            field_dict["performanceStats"] = performance_stats
        if prompt_embedding is not UNSET:
            field_dict["promptEmbedding"] = prompt_embedding
        if short_description is not UNSET:
            field_dict["shortDescription"] = short_description
        if soft_deletion_on is not UNSET:
            field_dict["softDeletionOn"] = soft_deletion_on
        if thumbnail is not UNSET:
            field_dict["thumbnail"] = thumbnail
        if training_image_pairs is not UNSET:
            field_dict["trainingImagePairs"] = training_image_pairs
        if training_images is not UNSET:
            field_dict["trainingImages"] = training_images
        if training_progress is not UNSET:
            field_dict["trainingProgress"] = training_progress
        if training_stats is not UNSET:
            field_dict["trainingStats"] = training_stats
        if ui_config is not UNSET:
            field_dict["uiConfig"] = ui_config
        if user_id is not UNSET:
            field_dict["userId"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.model_class import ModelClass
        from ..models.model_concept import ModelConcept
        from ..models.model_epoch import ModelEpoch
        from ..models.model_input import ModelInput
        from ..models.model_parameters import ModelParameters
        from ..models.model_performance_stats import ModelPerformanceStats
        from ..models.model_thumbnail import ModelThumbnail
        from ..models.model_training_image import ModelTrainingImage
        from ..models.model_training_image_pair import ModelTrainingImagePair
        from ..models.model_training_progress import ModelTrainingProgress
        from ..models.model_training_stats import ModelTrainingStats
        from ..models.model_ui_config import ModelUiConfig

        d = dict(src_dict)
        id = d.pop("id")

        capabilities = []
        _capabilities = d.pop("capabilities")
        for capabilities_item_data in _capabilities:

            def _parse_capabilities_item(data: object) -> ModelCapabilitiesItem | str:
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    capabilities_item_type_0 = ModelCapabilitiesItem(data)

                    return capabilities_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(ModelCapabilitiesItem | str, data)

            capabilities_item = _parse_capabilities_item(capabilities_item_data)

            capabilities.append(capabilities_item)

        collection_ids = cast(list[str], d.pop("collectionIds"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        custom = d.pop("custom")

        example_asset_ids = cast(list[str], d.pop("exampleAssetIds"))

        def _parse_privacy(data: object) -> ModelPrivacy | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                privacy_type_0 = ModelPrivacy(data)

                return privacy_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelPrivacy | str, data)

        privacy = _parse_privacy(d.pop("privacy"))

        def _parse_source(data: object) -> ModelSource | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_type_0 = ModelSource(data)

                return source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelSource | str, data)

        source = _parse_source(d.pop("source"))

        def _parse_status(data: object) -> ModelStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = ModelStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelStatus | str, data)

        status = _parse_status(d.pop("status"))

        tags = cast(list[str], d.pop("tags"))

        training_images_number = d.pop("trainingImagesNumber")

        def _parse_type_(data: object) -> ModelType | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = ModelType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelType | str, data)

        type_ = _parse_type_(d.pop("type"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        def _parse_access_restrictions(data: object) -> int | ModelAccessRestrictions | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                access_restrictions_type_0 = ModelAccessRestrictions(data)

                return access_restrictions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | ModelAccessRestrictions | Unset, data)

        access_restrictions = _parse_access_restrictions(d.pop("accessRestrictions", UNSET))

        author_id = d.pop("authorId", UNSET)

        _class_ = d.pop("class", UNSET)
        class_: ModelClass | Unset
        if isinstance(_class_, Unset):
            class_ = UNSET
        else:
            class_ = ModelClass.from_dict(_class_)

        compliant_model_ids = cast(list[str], d.pop("compliantModelIds", UNSET))

        _concepts = d.pop("concepts", UNSET)
        concepts: list[ModelConcept] | Unset = UNSET
        if _concepts is not UNSET:
            concepts = []
            for concepts_item_data in _concepts:
                concepts_item = ModelConcept.from_dict(concepts_item_data)

                concepts.append(concepts_item)

        epoch = d.pop("epoch", UNSET)

        _epochs = d.pop("epochs", UNSET)
        epochs: list[ModelEpoch] | Unset = UNSET
        if _epochs is not UNSET:
            epochs = []
            for epochs_item_data in _epochs:
                epochs_item = ModelEpoch.from_dict(epochs_item_data)

                epochs.append(epochs_item)

        _inputs = d.pop("inputs", UNSET)
        inputs: list[ModelInput] | Unset = UNSET
        if _inputs is not UNSET:
            inputs = []
            for inputs_item_data in _inputs:
                inputs_item = ModelInput.from_dict(inputs_item_data)

                inputs.append(inputs_item)

        model_keyword = d.pop("modelKeyword", UNSET)

        name = d.pop("name", UNSET)

        negative_prompt_embedding = d.pop("negativePromptEmbedding", UNSET)

        owner_id = d.pop("ownerId", UNSET)

        _parameters = d.pop("parameters", UNSET)
        parameters: ModelParameters | Unset
        if isinstance(_parameters, Unset):
            parameters = UNSET
        else:
            parameters = ModelParameters.from_dict(_parameters)

        parent_model_id = d.pop("parentModelId", UNSET)

        _performance_stats = d.pop("performanceStats", UNSET)
        performance_stats: ModelPerformanceStats | Unset
        if isinstance(_performance_stats, Unset):
            performance_stats = UNSET
        else:
            performance_stats = ModelPerformanceStats.from_dict(_performance_stats)

        prompt_embedding = d.pop("promptEmbedding", UNSET)

        short_description = d.pop("shortDescription", UNSET)

        _soft_deletion_on = d.pop("softDeletionOn", UNSET)
        soft_deletion_on: datetime.datetime | Unset
        if isinstance(_soft_deletion_on, Unset):
            soft_deletion_on = UNSET
        else:
            soft_deletion_on = datetime.datetime.fromisoformat(_soft_deletion_on)

        _thumbnail = d.pop("thumbnail", UNSET)
        thumbnail: ModelThumbnail | Unset
        if isinstance(_thumbnail, Unset):
            thumbnail = UNSET
        else:
            thumbnail = ModelThumbnail.from_dict(_thumbnail)

        _training_image_pairs = d.pop("trainingImagePairs", UNSET)
        training_image_pairs: list[ModelTrainingImagePair] | Unset = UNSET
        if _training_image_pairs is not UNSET:
            training_image_pairs = []
            for training_image_pairs_item_data in _training_image_pairs:
                training_image_pairs_item = ModelTrainingImagePair.from_dict(training_image_pairs_item_data)

                training_image_pairs.append(training_image_pairs_item)

        _training_images = d.pop("trainingImages", UNSET)
        training_images: list[ModelTrainingImage] | Unset = UNSET
        if _training_images is not UNSET:
            training_images = []
            for training_images_item_data in _training_images:
                training_images_item = ModelTrainingImage.from_dict(training_images_item_data)

                training_images.append(training_images_item)

        _training_progress = d.pop("trainingProgress", UNSET)
        training_progress: ModelTrainingProgress | Unset
        if isinstance(_training_progress, Unset):
            training_progress = UNSET
        else:
            training_progress = ModelTrainingProgress.from_dict(_training_progress)

        _training_stats = d.pop("trainingStats", UNSET)
        training_stats: ModelTrainingStats | Unset
        if isinstance(_training_stats, Unset):
            training_stats = UNSET
        else:
            training_stats = ModelTrainingStats.from_dict(_training_stats)

        _ui_config = d.pop("uiConfig", UNSET)
        ui_config: ModelUiConfig | Unset
        if isinstance(_ui_config, Unset):
            ui_config = UNSET
        else:
            ui_config = ModelUiConfig.from_dict(_ui_config)

        user_id = d.pop("userId", UNSET)

        model = cls(
            id=id,
            capabilities=capabilities,
            collection_ids=collection_ids,
            created_at=created_at,
            custom=custom,
            example_asset_ids=example_asset_ids,
            privacy=privacy,
            source=source,
            status=status,
            tags=tags,
            training_images_number=training_images_number,
            type_=type_,
            updated_at=updated_at,
            access_restrictions=access_restrictions,
            author_id=author_id,
            class_=class_,
            compliant_model_ids=compliant_model_ids,
            concepts=concepts,
            epoch=epoch,
            epochs=epochs,
            inputs=inputs,
            model_keyword=model_keyword,
            name=name,
            negative_prompt_embedding=negative_prompt_embedding,
            owner_id=owner_id,
            parameters=parameters,
            parent_model_id=parent_model_id,
            performance_stats=performance_stats,
            prompt_embedding=prompt_embedding,
            short_description=short_description,
            soft_deletion_on=soft_deletion_on,
            thumbnail=thumbnail,
            training_image_pairs=training_image_pairs,
            training_images=training_images,
            training_progress=training_progress,
            training_stats=training_stats,
            ui_config=ui_config,
            user_id=user_id,
        )

        model.additional_properties = d
        return model

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
