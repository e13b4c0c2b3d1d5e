from enum import StrEnum


class LightGBMFrameworkType(StrEnum):
    LIGHTGBM = "lightgbm"

    def __str__(self) -> str:
        return str(self.value)
