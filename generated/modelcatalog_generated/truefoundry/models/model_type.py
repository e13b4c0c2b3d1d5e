from enum import StrEnum


class ModelType(StrEnum):
    MODEL = "model"

    def __str__(self) -> str:
        return str(self.value)
