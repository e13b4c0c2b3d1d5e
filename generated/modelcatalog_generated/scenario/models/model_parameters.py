from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model_parameters_lr_scheduler import ModelParametersLrScheduler
from ..models.model_parameters_optimize_for import ModelParametersOptimizeFor
from ..types import UNSET, Unset

T = TypeVar("T", bound="ModelParameters")


@_attrs_define
class ModelParameters:
    """The parameters of the model"""

    age: str | Unset = UNSET
    """ Age group of the voice (for professional cloning)

    Only available for ElevenLabs voice training """
    batch_size: float | Unset = UNSET
    """ The batch size Less steps, and will increase the learning rate

    Only available for Flux LoRA training """
    class_prompt: str | Unset = UNSET
    """ The prompt to specify images in the same class as provided instance images

    Only available for SD15 training """
    clone_type: str | Unset = UNSET
    """ Type of voice cloning: "instant" (fast) or "professional" (higher quality, requires captcha)

    Only available for ElevenLabs voice training """
    concept_prompt: str | Unset = UNSET
    """ The prompt with identifier specifying the instance (or subject) of the class (example: "a daiton dog")

    Default value varies depending on the model type:

    - For SD1.5: "daiton" if no class is associated with the model
    - For SDXL: "daiton"
    - For Flux: "" """
    gender: str | Unset = UNSET
    """ Gender of the voice (for professional cloning)

    Only available for ElevenLabs voice training """
    language: str | Unset = UNSET
    """ Language of the audio samples (ISO 639-1 code)

    Only available for ElevenLabs voice training """
    learning_rate: float | Unset = UNSET
    """ Initial learning rate (after the potential warmup period)

    Default value varies depending on the model type:

    - For SD1.5 and SDXL: 0.000005
    - For Flux: 0.0001 """
    learning_rate_text_encoder: float | Unset = UNSET
    """ Initial learning rate (after the potential warmup period) for the text encoder

    Maximum [Flux LoRA: 0.001] Default [SDXL: 0.00005 | Flux LoRA: 0.00001] Minimum [SDXL: 0 | Flux LoRA: 0.000001]
    """
    learning_rate_unet: float | Unset = UNSET
    """ Initial learning rate (after the potential warmup period) for the UNet

    Only available for SDXL LoRA training """
    lr_scheduler: ModelParametersLrScheduler | str | Unset = UNSET
    """ The scheduler type to use (default: "constant")

    Only available for SD15 and SDXL LoRA training """
    max_train_steps: float | Unset = UNSET
    """ Maximum number of training steps to execute (default: varies depending on the model type)

    For SDXL LoRA training, please use numTextTrainSteps and numUNetTrainSteps instead

    Default value varies depending on the model type:

    - For SD1.5: round((number of training images * 225) / 3)
    - For SDXL: number of training images * 175
    - For Flux: number of training images * 100

    Maximum value varies depending on the model type:

    - For SD1.5 and SDXL: [0, 40000]
    - For Flux: [0, 10000] """
    nb_epochs: float | Unset = UNSET
    """ The number of epochs to train for

    Only available for Flux LoRA training """
    nb_repeats: float | Unset = UNSET
    """ The number of times to repeat the training

    Only available for Flux LoRA training """
    num_text_train_steps: float | Unset = UNSET
    """ The number of training steps for the text encoder

    Only available for SDXL LoRA training """
    num_u_net_train_steps: float | Unset = UNSET
    """ The number of training steps for the UNet

    Only available for SDXL LoRA training """
    optimize_for: ModelParametersOptimizeFor | str | Unset = UNSET
    """ Optimize the model training task for a specific type of input images. The available values are:

    - "likeness": optimize training for likeness or portrait (targets specific transformer blocks)
    - "all": train all transformer blocks
    - "none": train no specific transformer blocks

    This parameter controls which double and single transformer blocks are trained during the LoRA training process.

    Only available for Flux LoRA training """
    prior_loss_weight: float | Unset = UNSET
    """ The weight of prior preservation loss

    Only available for SD15 and SDXL LoRA training """
    random_crop: bool | Unset = UNSET
    """ Whether to random crop or center crop images before resizing to the working resolution

    Only available for SD15 and SDXL LoRA training """
    random_crop_ratio: float | Unset = UNSET
    """ Ratio of random crops

    Only available for SD15 and SDXL LoRA training """
    random_crop_scale: float | Unset = UNSET
    """ Scale of random crops

    Only available for SD15 and SDXL LoRA training """
    rank: float | Unset = UNSET
    """ The dimension of the LoRA update matrices

    Only available for SDXL (deprecated), Flux LoRA and Musubi training

    Default value varies depending on the model type:

    - For SDXL (deprecated): 64
    - For Flux: 16
    - For Musubi: 64

    Each trainer enforces its own tighter limit (Flux LoRA: [2; 64], Musubi: [2; 128]) """
    remove_background_noise: bool | Unset = UNSET
    """ Whether to remove background noise from audio samples before cloning. When enabled, each sample must be at
    least 5 seconds long.

    Only available for ElevenLabs voice training """
    sample_prompts: list[str] | Unset = UNSET
    """ The prompts to use for each epoch Only available for Flux LoRA training """
    sample_source_images: list[str] | Unset = UNSET
    """ The sample prompt images (AssetIds) paired with samplePrompts Only available for Flux LoRA training Must be
    the same length as samplePrompts """
    scale_lr: bool | Unset = UNSET
    """ Whether to scale the learning rate

    Note: Legacy parameter, will be ignored

    Only available for SD15 and SDXL LoRA training """
    seed: float | Unset = UNSET
    """ Used to reproduce previous results. Default: randomly generated number.

    Only available for SD15 and SDXL LoRA training """
    text_encoder_training_ratio: float | Unset = UNSET
    """ Whether to train the text encoder or not

    Example: For 100 steps and a value of 0.2, it means that the text encoder will be trained for 20 steps and then
    the UNet for 80 steps

    Note: Legacy parameter, please use numTextTrainSteps and numUNetTrainSteps

    Only available for SD15 and SDXL LoRA training """
    validation_frequency: float | Unset = UNSET
    """ Validation frequency. Cannot be greater than maxTrainSteps value

    Only available for SD15 and SDXL LoRA training """
    validation_prompt: str | Unset = UNSET
    """ Validation prompt

    Only available for SD15 and SDXL LoRA training """
    voice_description: str | Unset = UNSET
    """ Description of the voice characteristics

    Only available for ElevenLabs voice training """
    wandb_key: str | Unset = UNSET
    """ The Weights And Bias key to use for logging. The maximum length is 40 characters """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        age = self.age

        batch_size = self.batch_size

        class_prompt = self.class_prompt

        clone_type = self.clone_type

        concept_prompt = self.concept_prompt

        gender = self.gender

        language = self.language

        learning_rate = self.learning_rate

        learning_rate_text_encoder = self.learning_rate_text_encoder

        learning_rate_unet = self.learning_rate_unet

        lr_scheduler: str | Unset
        if isinstance(self.lr_scheduler, Unset):
            lr_scheduler = UNSET
        elif isinstance(self.lr_scheduler, ModelParametersLrScheduler):
            lr_scheduler = self.lr_scheduler.value
        else:
            lr_scheduler = self.lr_scheduler

        max_train_steps = self.max_train_steps

        nb_epochs = self.nb_epochs

        nb_repeats = self.nb_repeats

        num_text_train_steps = self.num_text_train_steps

        num_u_net_train_steps = self.num_u_net_train_steps

        optimize_for: str | Unset
        if isinstance(self.optimize_for, Unset):
            optimize_for = UNSET
        elif isinstance(self.optimize_for, ModelParametersOptimizeFor):
            optimize_for = self.optimize_for.value
        else:
            optimize_for = self.optimize_for

        prior_loss_weight = self.prior_loss_weight

        random_crop = self.random_crop

        random_crop_ratio = self.random_crop_ratio

        random_crop_scale = self.random_crop_scale

        rank = self.rank

        remove_background_noise = self.remove_background_noise

        sample_prompts: list[str] | Unset = UNSET
        if not isinstance(self.sample_prompts, Unset):
            sample_prompts = self.sample_prompts

        sample_source_images: list[str] | Unset = UNSET
        if not isinstance(self.sample_source_images, Unset):
            sample_source_images = self.sample_source_images

        scale_lr = self.scale_lr

        seed = self.seed

        text_encoder_training_ratio = self.text_encoder_training_ratio

        validation_frequency = self.validation_frequency

        validation_prompt = self.validation_prompt

        voice_description = self.voice_description

        wandb_key = self.wandb_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if age is not UNSET:
            field_dict["age"] = age
        if batch_size is not UNSET:
            field_dict["batchSize"] = batch_size
        if class_prompt is not UNSET:
            field_dict["classPrompt"] = class_prompt
        if clone_type is not UNSET:
            field_dict["cloneType"] = clone_type
        if concept_prompt is not UNSET:
            field_dict["conceptPrompt"] = concept_prompt
        if gender is not UNSET:
            field_dict["gender"] = gender
        if language is not UNSET:
            field_dict["language"] = language
        if learning_rate is not UNSET:
            field_dict["learningRate"] = learning_rate
        if learning_rate_text_encoder is not UNSET:
            field_dict["learningRateTextEncoder"] = learning_rate_text_encoder
        if learning_rate_unet is not UNSET:
            field_dict["learningRateUnet"] = learning_rate_unet
        if lr_scheduler is not UNSET:
            field_dict["lrScheduler"] = lr_scheduler
        if max_train_steps is not UNSET:
            field_dict["maxTrainSteps"] = max_train_steps
        if nb_epochs is not UNSET:
            field_dict["nbEpochs"] = nb_epochs
        if nb_repeats is not UNSET:
            field_dict["nbRepeats"] = nb_repeats
        if num_text_train_steps is not UNSET:
            field_dict["numTextTrainSteps"] = num_text_train_steps
        if num_u_net_train_steps is not UNSET:
            field_dict["numUNetTrainSteps"] = num_u_net_train_steps
        if optimize_for is not UNSET:
            field_dict["optimizeFor"] = optimize_for
        if prior_loss_weight is not UNSET:
            field_dict["priorLossWeight"] = prior_loss_weight
        if random_crop is not UNSET:
            field_dict["randomCrop"] = random_crop
        if random_crop_ratio is not UNSET:
            field_dict["randomCropRatio"] = random_crop_ratio
        if random_crop_scale is not UNSET:
            field_dict["randomCropScale"] = random_crop_scale
        if rank is not UNSET:
            field_dict["rank"] = rank
        if remove_background_noise is not UNSET:
            field_dict["removeBackgroundNoise"] = remove_background_noise
        if sample_prompts is not UNSET:
            field_dict["samplePrompts"] = sample_prompts
        if sample_source_images is not UNSET:
            field_dict["sampleSourceImages"] = sample_source_images
        if scale_lr is not UNSET:
            field_dict["scaleLr"] = scale_lr
        if seed is not UNSET:
            field_dict["seed"] = seed
        if text_encoder_training_ratio is not UNSET:
            field_dict["textEncoderTrainingRatio"] = text_encoder_training_ratio
        if validation_frequency is not UNSET:
            field_dict["validationFrequency"] = validation_frequency
        if validation_prompt is not UNSET:
            field_dict["validationPrompt"] = validation_prompt
        if voice_description is not UNSET:
            field_dict["voiceDescription"] = voice_description
        if wandb_key is not UNSET:
            field_dict["wandbKey"] = wandb_key

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        age = d.pop("age", UNSET)

        batch_size = d.pop("batchSize", UNSET)

        class_prompt = d.pop("classPrompt", UNSET)

        clone_type = d.pop("cloneType", UNSET)

        concept_prompt = d.pop("conceptPrompt", UNSET)

        gender = d.pop("gender", UNSET)

        language = d.pop("language", UNSET)

        learning_rate = d.pop("learningRate", UNSET)

        learning_rate_text_encoder = d.pop("learningRateTextEncoder", UNSET)

        learning_rate_unet = d.pop("learningRateUnet", UNSET)

        def _parse_lr_scheduler(data: object) -> ModelParametersLrScheduler | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lr_scheduler_type_0 = ModelParametersLrScheduler(data)

                return lr_scheduler_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelParametersLrScheduler | str | Unset, data)

        lr_scheduler = _parse_lr_scheduler(d.pop("lrScheduler", UNSET))

        max_train_steps = d.pop("maxTrainSteps", UNSET)

        nb_epochs = d.pop("nbEpochs", UNSET)

        nb_repeats = d.pop("nbRepeats", UNSET)

        num_text_train_steps = d.pop("numTextTrainSteps", UNSET)

        num_u_net_train_steps = d.pop("numUNetTrainSteps", UNSET)

        def _parse_optimize_for(data: object) -> ModelParametersOptimizeFor | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                optimize_for_type_0 = ModelParametersOptimizeFor(data)

                return optimize_for_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelParametersOptimizeFor | str | Unset, data)

        optimize_for = _parse_optimize_for(d.pop("optimizeFor", UNSET))

        prior_loss_weight = d.pop("priorLossWeight", UNSET)

        random_crop = d.pop("randomCrop", UNSET)

        random_crop_ratio = d.pop("randomCropRatio", UNSET)

        random_crop_scale = d.pop("randomCropScale", UNSET)

        rank = d.pop("rank", UNSET)

        remove_background_noise = d.pop("removeBackgroundNoise", UNSET)

        sample_prompts = cast(list[str], d.pop("samplePrompts", UNSET))

        sample_source_images = cast(list[str], d.pop("sampleSourceImages", UNSET))

        scale_lr = d.pop("scaleLr", UNSET)

        seed = d.pop("seed", UNSET)

        text_encoder_training_ratio = d.pop("textEncoderTrainingRatio", UNSET)

        validation_frequency = d.pop("validationFrequency", UNSET)

        validation_prompt = d.pop("validationPrompt", UNSET)

        voice_description = d.pop("voiceDescription", UNSET)

        wandb_key = d.pop("wandbKey", UNSET)

        model_parameters = cls(
            age=age,
            batch_size=batch_size,
            class_prompt=class_prompt,
            clone_type=clone_type,
            concept_prompt=concept_prompt,
            gender=gender,
            language=language,
            learning_rate=learning_rate,
            learning_rate_text_encoder=learning_rate_text_encoder,
            learning_rate_unet=learning_rate_unet,
            lr_scheduler=lr_scheduler,
            max_train_steps=max_train_steps,
            nb_epochs=nb_epochs,
            nb_repeats=nb_repeats,
            num_text_train_steps=num_text_train_steps,
            num_u_net_train_steps=num_u_net_train_steps,
            optimize_for=optimize_for,
            prior_loss_weight=prior_loss_weight,
            random_crop=random_crop,
            random_crop_ratio=random_crop_ratio,
            random_crop_scale=random_crop_scale,
            rank=rank,
            remove_background_noise=remove_background_noise,
            sample_prompts=sample_prompts,
            sample_source_images=sample_source_images,
            scale_lr=scale_lr,
            seed=seed,
            text_encoder_training_ratio=text_encoder_training_ratio,
            validation_frequency=validation_frequency,
            validation_prompt=validation_prompt,
            voice_description=voice_description,
            wandb_key=wandb_key,
        )

        model_parameters.additional_properties = d
        return model_parameters

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
