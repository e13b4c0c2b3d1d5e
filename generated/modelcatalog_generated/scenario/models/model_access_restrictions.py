from enum import IntEnum


class ModelAccessRestrictions(IntEnum):
    VALUE_0 = 0
    VALUE_25 = 25
    VALUE_50 = 50
    VALUE_75 = 75
    VALUE_100 = 100

    def __str__(self) -> str:
        return str(self.value)
