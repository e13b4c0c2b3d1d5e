from enum import StrEnum


class XGBoostSerializationFormat(StrEnum):
    CLOUDPICKLE = "cloudpickle"
    JOBLIB = "joblib"
    JSON = "json"
    PICKLE = "pickle"

    def __str__(self) -> str:
        return str(self.value)
