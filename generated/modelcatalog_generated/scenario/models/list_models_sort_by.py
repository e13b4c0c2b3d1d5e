from enum import StrEnum


class ListModelsSortBy(StrEnum):
    CREATEDAT = "createdAt"
    SCORE = "score"
    UPDATEDAT = "updatedAt"

    def __str__(self) -> str:
        return str(self.value)
