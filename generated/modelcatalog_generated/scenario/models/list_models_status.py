from enum import StrEnum


class ListModelsStatus(StrEnum):
    DELETED = "deleted"
    FAILED = "failed"
    NEW = "new"
    TRAINED = "trained"
    TRAINING = "training"

    def __str__(self) -> str:
        return str(self.value)
