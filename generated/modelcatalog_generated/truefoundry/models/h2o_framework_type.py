from enum import StrEnum


class H2OFrameworkType(StrEnum):
    H2O = "h2o"

    def __str__(self) -> str:
        return str(self.value)
