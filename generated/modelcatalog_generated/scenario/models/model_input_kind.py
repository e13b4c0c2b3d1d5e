from enum import StrEnum


class ModelInputKind(StrEnum):
    AUDIO = "audio"
    DOCUMENT = "document"
    IMAGE = "image"
    IMAGE_HDR = "image-hdr"
    JSON = "json"
    VALUE_0 = "3d"
    VIDEO = "video"

    def __str__(self) -> str:
        return str(self.value)
