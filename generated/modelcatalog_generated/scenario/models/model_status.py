from enum import StrEnum


class ModelStatus(StrEnum):
    COPYING = "copying"
    FAILED = "failed"
    NEW = "new"
    TRAINED = "trained"
    TRAINING = "training"
    TRAINING_CANCELED = "training-canceled"

    def __str__(self) -> str:
        return str(self.value)
