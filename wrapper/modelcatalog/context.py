"""Who is asking: the provider and operation a response belongs to, where its events go, what to scrub.

The client makes one per listing and operation; responses, decoding and a provider's
own body checks name it in every error and event, and scrub its secrets from both.
"""

from __future__ import annotations

import msgspec

from modelcatalog.events import EventSink
from modelcatalog.secrets import Secret, redact


class OperationContext(msgspec.Struct):
    """Who is asking: named in every error and event; its secrets are scrubbed from both.

    ``instance`` is the asking client's name (the provider's own when it was not given one).
    """

    provider: str
    operation: str
    sink: EventSink = msgspec.field(default_factory=EventSink)
    secrets: tuple[Secret, ...] = ()
    instance: str = ""

    def __post_init__(self) -> None:
        self.instance = self.instance or self.provider

    def scrub(self, text: str) -> str:
        """``text`` with every secret of this operation replaced by ``***``."""
        return redact(text, self.secrets)

    def scrub_bytes(self, body: bytes) -> bytes:
        """The body with secrets scrubbed (a server may echo a credential back)."""
        if not self.secrets:
            return body
        return self.scrub(body.decode("utf-8", errors="replace")).encode("utf-8")
