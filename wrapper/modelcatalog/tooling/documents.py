"""Load and write OpenAPI documents so that the bytes we commit are repeatable."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

import yaml

from modelcatalog.tooling.errors import SpecError

if TYPE_CHECKING:
    from pathlib import Path

_FENCED_YAML = re.compile(rb"^(`{3,})yaml[^\n]*\n(?P<body>.*?)^\1[ \t]*$", re.MULTILINE | re.DOTALL)


def extract(raw: bytes, how: str) -> bytes:
    """Cut the published document out of what its source serves.

    ``how`` is the manifest's ``source_extract``: ``none`` keeps the bytes as they
    are, ``fenced-yaml`` takes the first fenced YAML block of a Markdown page (how
    TrueFoundry publishes its OpenAPI next to the prose).
    """
    if how == "none":
        return raw
    if how == "fenced-yaml":
        match = _FENCED_YAML.search(raw)
        if match is None:
            msg = "no fenced ```yaml block found in the published page"
            raise SpecError(msg)
        return match.group("body")
    msg = f"unknown source_extract {how!r}; expected 'none' or 'fenced-yaml'"
    raise SpecError(msg)


def parse(raw: bytes, name: str) -> Any:
    """Parse JSON or YAML bytes; the error names the document instead of a bare parser trace."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        msg = f"{name}: not UTF-8 ({exc.reason} at byte {exc.start})"
        raise SpecError(msg) from exc
    try:
        if text.lstrip().startswith("{"):
            return json.loads(text)
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except (ValueError, yaml.YAMLError) as exc:
        msg = f"{name}: not valid JSON or YAML: {exc}"
        raise SpecError(msg) from exc


def load(path: Path) -> Any:
    """Load a JSON or YAML document from disk."""
    return parse(path.read_bytes(), str(path))


def dump_yaml(document: Any) -> bytes:
    """Serialize deterministically: insertion order kept, block style, no anchors, wide lines."""
    text = yaml.dump(
        document,
        Dumper=_NoAliasDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100_000,
    )
    return text.encode("utf-8")


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that keeps ISO dates and times as the strings they are in a spec."""


# OpenAPI documents carry dates as strings ("2023-02-03T11:19:41.579Z" in an example);
# YAML 1.1 would turn them into datetime objects, which JSON Schema and JSON cannot hold.
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _NoAliasDumper(yaml.SafeDumper):
    """A dumper that writes a shared object twice rather than as an anchor and alias."""

    def ignore_aliases(self, data: Any) -> bool:  # noqa: ARG002 - signature fixed by PyYAML
        return True
