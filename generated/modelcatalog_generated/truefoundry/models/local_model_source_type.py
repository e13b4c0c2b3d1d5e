from enum import StrEnum


class LocalModelSourceType(StrEnum):
    LOCAL = "local"

    def __str__(self) -> str:
        return str(self.value)
