from enum import StrEnum


class ModelInputBackgroundBehavior(StrEnum):
    OPAQUE = "opaque"
    TRANSPARENT = "transparent"

    def __str__(self) -> str:
        return str(self.value)
