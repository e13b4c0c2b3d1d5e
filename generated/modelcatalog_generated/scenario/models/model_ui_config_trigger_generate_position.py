from enum import StrEnum


class ModelUiConfigTriggerGeneratePosition(StrEnum):
    BOTTOM = "bottom"
    TOP = "top"

    def __str__(self) -> str:
        return str(self.value)
