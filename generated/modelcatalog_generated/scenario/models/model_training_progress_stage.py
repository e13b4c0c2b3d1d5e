from enum import StrEnum


class ModelTrainingProgressStage(StrEnum):
    PENDING = "pending"
    PENDING_CAPTCHA = "pending-captcha"
    QUEUED_FOR_TRAIN = "queued-for-train"
    RUNNING_TRAIN = "running-train"
    STARTING_TRAIN = "starting-train"

    def __str__(self) -> str:
        return str(self.value)
