from enum import StrEnum


class ModelCapabilitiesItem(StrEnum):
    AUDIO2AUDIO = "audio2audio"
    AUDIO2VIDEO = "audio2video"
    CONTROLNET = "controlnet"
    CONTROLNET_IMG2IMG = "controlnet_img2img"
    CONTROLNET_INPAINT = "controlnet_inpaint"
    CONTROLNET_INPAINT_IP_ADAPTER = "controlnet_inpaint_ip_adapter"
    CONTROLNET_IP_ADAPTER = "controlnet_ip_adapter"
    CONTROLNET_REFERENCE = "controlnet_reference"
    CONTROLNET_TEXTURE = "controlnet_texture"
    IMG23D = "img23d"
    IMG2IMG = "img2img"
    IMG2IMG_IP_ADAPTER = "img2img_ip_adapter"
    IMG2IMG_TEXTURE = "img2img_texture"
    IMG2TXT = "img2txt"
    IMG2VIDEO = "img2video"
    INPAINT = "inpaint"
    INPAINT_IP_ADAPTER = "inpaint_ip_adapter"
    OUTPAINT = "outpaint"
    REFERENCE = "reference"
    REFERENCE_TEXTURE = "reference_texture"
    TXT23D = "txt23d"
    TXT2AUDIO = "txt2audio"
    TXT2IMG = "txt2img"
    TXT2IMG_IP_ADAPTER = "txt2img_ip_adapter"
    TXT2IMG_TEXTURE = "txt2img_texture"
    TXT2TXT = "txt2txt"
    TXT2VIDEO = "txt2video"
    VALUE_0 = "3d23d"
    VIDEO23D = "video23d"
    VIDEO2AUDIO = "video2audio"
    VIDEO2IMG = "video2img"
    VIDEO2VIDEO = "video2video"

    def __str__(self) -> str:
        return str(self.value)
