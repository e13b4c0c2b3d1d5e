from enum import StrEnum


class PyTorchFrameworkType(StrEnum):
    PYTORCH = "pytorch"

    def __str__(self) -> str:
        return str(self.value)
