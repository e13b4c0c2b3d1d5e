"""Values each opened response enum lists in the vendored spec (machine-written, never edit).

provider name -> decoding Struct name -> wire field name -> known values. The wrapper
reports a value outside these as off-spec instead of failing the record.
"""

KNOWN_VALUES: dict[str, dict[str, dict[str, frozenset[object]]]] = {
    "scenario": {
        "Model": {
            "accessRestrictions": frozenset({0, 100, 25, 50, 75}),
            "capabilities": frozenset(
                {
                    "3d23d",
                    "audio2audio",
                    "audio2video",
                    "controlnet",
                    "controlnet_img2img",
                    "controlnet_inpaint",
                    "controlnet_inpaint_ip_adapter",
                    "controlnet_ip_adapter",
                    "controlnet_reference",
                    "controlnet_texture",
                    "img23d",
                    "img2img",
                    "img2img_ip_adapter",
                    "img2img_texture",
                    "img2txt",
                    "img2video",
                    "inpaint",
                    "inpaint_ip_adapter",
                    "outpaint",
                    "reference",
                    "reference_texture",
                    "txt23d",
                    "txt2audio",
                    "txt2img",
                    "txt2img_ip_adapter",
                    "txt2img_texture",
                    "txt2txt",
                    "txt2video",
                    "video23d",
                    "video2audio",
                    "video2img",
                    "video2video",
                }
            ),
            "privacy": frozenset({"private", "public", "unlisted"}),
            "source": frozenset({"civitai", "huggingface", "other", "scenario"}),
            "status": frozenset({"copying", "failed", "new", "trained", "training", "training-canceled"}),
            "type": frozenset(
                {
                    "custom",
                    "elevenlabs-voice",
                    "flux.1",
                    "flux.1-composition",
                    "flux.1-kontext-dev",
                    "flux.1-kontext-lora",
                    "flux.1-krea-dev",
                    "flux.1-krea-lora",
                    "flux.1-lora",
                    "flux.1-pro",
                    "flux.1.1-pro-ultra",
                    "flux.2-dev-edit-lora",
                    "flux.2-dev-lora",
                    "flux.2-klein-4b-edit-lora",
                    "flux.2-klein-4b-lora",
                    "flux.2-klein-9b-edit-lora",
                    "flux.2-klein-9b-lora",
                    "flux.2-klein-base-4b-edit-lora",
                    "flux.2-klein-base-4b-lora",
                    "flux.2-klein-base-9b-edit-lora",
                    "flux.2-klein-base-9b-lora",
                    "flux1.1-pro",
                    "gpt-image-1",
                    "qwen-image-2512-lora",
                    "qwen-image-edit-2509-lora",
                    "qwen-image-edit-2511-lora",
                    "qwen-image-edit-lora",
                    "qwen-image-lora",
                    "sd-1_5",
                    "sd-1_5-composition",
                    "sd-1_5-lora",
                    "sd-xl",
                    "sd-xl-composition",
                    "sd-xl-lora",
                    "zimage-de-turbo-lora",
                    "zimage-lora",
                    "zimage-turbo-lora",
                }
            ),
        },
        "ModelClass": {
            "status": frozenset({"published", "unpublished"}),
        },
        "ModelInput": {
            "backgroundBehavior": frozenset({"opaque", "transparent"}),
            "kind": frozenset({"3d", "audio", "document", "image", "image-hdr", "json", "video"}),
            "modelTypes": frozenset(
                {
                    "custom",
                    "elevenlabs-voice",
                    "flux.1",
                    "flux.1-composition",
                    "flux.1-kontext-dev",
                    "flux.1-kontext-lora",
                    "flux.1-krea-dev",
                    "flux.1-krea-lora",
                    "flux.1-lora",
                    "flux.1-pro",
                    "flux.1.1-pro-ultra",
                    "flux.2-dev-edit-lora",
                    "flux.2-dev-lora",
                    "flux.2-klein-4b-edit-lora",
                    "flux.2-klein-4b-lora",
                    "flux.2-klein-9b-edit-lora",
                    "flux.2-klein-9b-lora",
                    "flux.2-klein-base-4b-edit-lora",
                    "flux.2-klein-base-4b-lora",
                    "flux.2-klein-base-9b-edit-lora",
                    "flux.2-klein-base-9b-lora",
                    "flux1.1-pro",
                    "gpt-image-1",
                    "qwen-image-2512-lora",
                    "qwen-image-edit-2509-lora",
                    "qwen-image-edit-2511-lora",
                    "qwen-image-edit-lora",
                    "qwen-image-lora",
                    "sd-1_5",
                    "sd-1_5-composition",
                    "sd-1_5-lora",
                    "sd-xl",
                    "sd-xl-composition",
                    "sd-xl-lora",
                    "zimage-de-turbo-lora",
                    "zimage-lora",
                    "zimage-turbo-lora",
                }
            ),
            "type": frozenset(
                {
                    "boolean",
                    "file",
                    "file_array",
                    "inputs_array",
                    "model",
                    "model_array",
                    "number",
                    "number_array",
                    "string",
                    "string_array",
                }
            ),
        },
        "ModelParameters": {
            "lrScheduler": frozenset(
                {"constant", "constant-with-warmup", "cosine", "cosine-with-restarts", "linear", "polynomial"}
            ),
            "optimizeFor": frozenset({"all", "likeness", "none"}),
        },
        "ModelTrainingProgress": {
            "stage": frozenset({"pending", "pending-captcha", "queued-for-train", "running-train", "starting-train"}),
        },
        "ModelUiConfigTriggerGenerate": {
            "position": frozenset({"bottom", "top"}),
        },
    },
    "truefoundry": {
        "Model": {
            "type": frozenset({"model"}),
        },
        "ModelManifest": {
            "type": frozenset({"model-version"}),
        },
        "SklearnFramework": {
            "serialization_format": frozenset({"cloudpickle", "joblib", "pickle"}),
        },
        "SklearnModelSchema": {
            "infer_method_name": frozenset({"predict", "predict_proba"}),
        },
        "Subject": {
            "subjectType": frozenset(
                {"agent-identity", "external-identity", "role", "serviceaccount", "team", "user", "virtualaccount"}
            ),
        },
        "TransformersFramework": {
            "library_name": frozenset({"diffusers", "sentence-transformers", "transformers"}),
        },
        "XGBoostFramework": {
            "serialization_format": frozenset({"cloudpickle", "joblib", "json", "pickle"}),
        },
        "XGBoostModelSchema": {
            "infer_method_name": frozenset({"predict"}),
        },
    },
    "openwebui": {},
    "modelslab": {},
    "openai": {
        "ListModelsResponse": {
            "object": frozenset({"list"}),
        },
        "Model": {
            "object": frozenset({"model"}),
        },
    },
}
