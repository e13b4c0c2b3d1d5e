from enum import StrEnum


class SubjectType(StrEnum):
    AGENT_IDENTITY = "agent-identity"
    EXTERNAL_IDENTITY = "external-identity"
    ROLE = "role"
    SERVICEACCOUNT = "serviceaccount"
    TEAM = "team"
    USER = "user"
    VIRTUALACCOUNT = "virtualaccount"

    def __str__(self) -> str:
        return str(self.value)
