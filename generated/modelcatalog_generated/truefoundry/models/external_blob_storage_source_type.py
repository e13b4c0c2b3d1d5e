from enum import StrEnum


class ExternalBlobStorageSourceType(StrEnum):
    EXTERNAL = "external"

    def __str__(self) -> str:
        return str(self.value)
