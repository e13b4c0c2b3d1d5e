from enum import StrEnum


class PaddleFrameworkType(StrEnum):
    PADDLE = "paddle"

    def __str__(self) -> str:
        return str(self.value)
