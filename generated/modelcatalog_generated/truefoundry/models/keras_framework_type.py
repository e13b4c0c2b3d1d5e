from enum import StrEnum


class KerasFrameworkType(StrEnum):
    KERAS = "keras"

    def __str__(self) -> str:
        return str(self.value)
