from enum import StrEnum


class ONNXFrameworkType(StrEnum):
    ONNX = "onnx"

    def __str__(self) -> str:
        return str(self.value)
