from enum import StrEnum


class XGBoostModelSchemaInferMethodName(StrEnum):
    PREDICT = "predict"

    def __str__(self) -> str:
        return str(self.value)
