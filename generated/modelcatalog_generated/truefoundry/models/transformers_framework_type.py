from enum import StrEnum


class TransformersFrameworkType(StrEnum):
    TRANSFORMERS = "transformers"

    def __str__(self) -> str:
        return str(self.value)
