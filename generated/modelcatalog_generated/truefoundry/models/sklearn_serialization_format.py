from enum import StrEnum


class SklearnSerializationFormat(StrEnum):
    CLOUDPICKLE = "cloudpickle"
    JOBLIB = "joblib"
    PICKLE = "pickle"

    def __str__(self) -> str:
        return str(self.value)
