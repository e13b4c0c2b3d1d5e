from enum import StrEnum


class XGBoostFrameworkType(StrEnum):
    XGBOOST = "xgboost"

    def __str__(self) -> str:
        return str(self.value)
