from enum import StrEnum


class TrueFoundryManagedSourceType(StrEnum):
    TRUEFOUNDRY = "truefoundry"

    def __str__(self) -> str:
        return str(self.value)
