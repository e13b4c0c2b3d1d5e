"""The json and ndjson writers: bytes straight to the output's buffer, in order, never held without bound."""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING

import msgspec
import pytest
from modelcatalog.cli import formats
from modelcatalog.providers import openwebui
from modelcatalog_generated.structs.openwebui import ModelAccessResponse

if TYPE_CHECKING:
    from modelcatalog_generated.catalog import ModelRecord


def record(index: int, description: str = "") -> ModelRecord:
    raw = {"id": f"model-{index}", "name": f"Model {index}", "meta": {"description": description}}
    fixed = {"user_id": "u", "params": {}, "is_active": True, "updated_at": 0, "created_at": 0}
    model = msgspec.convert({**raw, **fixed}, ModelAccessResponse)
    return openwebui.normalize(model)


def text_output() -> tuple[io.TextIOWrapper, io.BytesIO]:
    """A text stream over bytes, as ``sys.stdout`` is over its buffer."""
    raw = io.BytesIO()
    return io.TextIOWrapper(raw, encoding="utf-8", write_through=False), raw


@pytest.mark.parametrize("fmt", ["ndjson", "json"])
def test_the_bytes_are_the_records_json_after_what_was_printed_before(fmt: str) -> None:
    out, raw = text_output()
    out.write("before\n")  # held by the text layer: it must come first
    writer = formats.writer_for(fmt, out, source=True, width=80)
    records = [record(index, description="café ✓") for index in range(3)]
    for each in records:
        writer.write(each)
    writer.close()
    head, _, body = raw.getvalue().decode().partition("\n")
    assert head == "before"
    documents = json.loads(body) if fmt == "json" else [json.loads(line) for line in body.splitlines()]
    assert documents == [json.loads(msgspec.json.encode(each)) for each in records]
    assert documents[0]["description"] == "café ✓"


def test_nothing_reaches_the_output_before_a_flush_but_a_large_page_is_not_held_whole() -> None:
    out, raw = text_output()
    writer = formats.writer_for("ndjson", out, source=False, width=80)
    writer.write(record(0))
    assert raw.getvalue() == b""  # a page's first record waits for the page's flush
    writer.flush()
    assert raw.getvalue().count(b"\n") == 1
    big = "x" * 1000
    for index in range(1, 200):  # about 200 KB without a flush: written as it grows, not held
        writer.write(record(index, description=big))
    assert raw.getvalue().count(b"\n") > 100
    writer.close()
    assert raw.getvalue().count(b"\n") == 200


def test_a_text_only_output_gets_the_same_text() -> None:
    out = io.StringIO()
    writer = formats.writer_for("ndjson", out, source=False, width=80, fields=["id", "name"])
    writer.write(record(7))
    writer.close()
    assert out.getvalue() == '{"id":"model-7","name":"Model 7"}\n'
