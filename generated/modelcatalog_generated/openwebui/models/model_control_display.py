from enum import StrEnum


class ModelControlDisplay(StrEnum):
    MENU = "menu"
    SLIDER = "slider"

    def __str__(self) -> str:
        return str(self.value)
