from enum import StrEnum


class ModelSource(StrEnum):
    CIVITAI = "civitai"
    HUGGINGFACE = "huggingface"
    OTHER = "other"
    SCENARIO = "scenario"

    def __str__(self) -> str:
        return str(self.value)
