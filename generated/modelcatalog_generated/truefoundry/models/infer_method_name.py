from enum import StrEnum


class InferMethodName(StrEnum):
    PREDICT = "predict"
    PREDICT_PROBA = "predict_proba"

    def __str__(self) -> str:
        return str(self.value)
