from enum import StrEnum


class ModelParametersOptimizeFor(StrEnum):
    ALL = "all"
    LIKENESS = "likeness"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
