from enum import StrEnum


class ModelInputType(StrEnum):
    BOOLEAN = "boolean"
    FILE = "file"
    FILE_ARRAY = "file_array"
    INPUTS_ARRAY = "inputs_array"
    MODEL = "model"
    MODEL_ARRAY = "model_array"
    NUMBER = "number"
    NUMBER_ARRAY = "number_array"
    STRING = "string"
    STRING_ARRAY = "string_array"

    def __str__(self) -> str:
        return str(self.value)
