from enum import StrEnum


class SpaCyFrameworkType(StrEnum):
    SPACY = "spacy"

    def __str__(self) -> str:
        return str(self.value)
