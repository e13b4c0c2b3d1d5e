from enum import StrEnum


class TensorFlowFrameworkType(StrEnum):
    TENSORFLOW = "tensorflow"

    def __str__(self) -> str:
        return str(self.value)
