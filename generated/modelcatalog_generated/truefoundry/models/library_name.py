from enum import StrEnum


class LibraryName(StrEnum):
    DIFFUSERS = "diffusers"
    SENTENCE_TRANSFORMERS = "sentence-transformers"
    TRANSFORMERS = "transformers"

    def __str__(self) -> str:
        return str(self.value)
