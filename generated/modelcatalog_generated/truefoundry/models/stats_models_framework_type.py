from enum import StrEnum


class StatsModelsFrameworkType(StrEnum):
    STATSMODELS = "statsmodels"

    def __str__(self) -> str:
        return str(self.value)
