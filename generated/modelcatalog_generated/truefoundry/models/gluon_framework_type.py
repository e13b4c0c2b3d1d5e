from enum import StrEnum


class GluonFrameworkType(StrEnum):
    GLUON = "gluon"

    def __str__(self) -> str:
        return str(self.value)
