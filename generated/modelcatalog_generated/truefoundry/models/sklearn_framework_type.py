from enum import StrEnum


class SklearnFrameworkType(StrEnum):
    SKLEARN = "sklearn"

    def __str__(self) -> str:
        return str(self.value)
