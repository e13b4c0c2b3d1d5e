from enum import StrEnum


class FastAIFrameworkType(StrEnum):
    FASTAI = "fastai"

    def __str__(self) -> str:
        return str(self.value)
