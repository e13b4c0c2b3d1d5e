from enum import StrEnum


class ModelManifestType(StrEnum):
    MODEL_VERSION = "model-version"

    def __str__(self) -> str:
        return str(self.value)
