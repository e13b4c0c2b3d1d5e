from enum import StrEnum


class ModelParametersLrScheduler(StrEnum):
    CONSTANT = "constant"
    CONSTANT_WITH_WARMUP = "constant-with-warmup"
    COSINE = "cosine"
    COSINE_WITH_RESTARTS = "cosine-with-restarts"
    LINEAR = "linear"
    POLYNOMIAL = "polynomial"

    def __str__(self) -> str:
        return str(self.value)
