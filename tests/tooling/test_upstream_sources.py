"""The upstream check's sources: SDK wheels on a package index, an installed Open WebUI, the command itself.

Every source is exercised against local copies: wheels built here, a local package
index directory (and the same index served from 127.0.0.1), a virtual environment made
here with a small application standing in for the installed package. Nothing here
reaches the internet; the real Open WebUI 0.12.4 is used by one slow test.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import venv
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from modelcatalog.tooling.derive import sha256_of
from modelcatalog.tooling.manifest import load_manifest
from modelcatalog.tooling.upstream import main as upstream_main
from modelcatalog.tooling.upstream import sources
from modelcatalog.tooling.upstream.diff.rules import RULES, SCHEMA_RULES, Level, all_rules, rules_markdown
from modelcatalog.tooling.upstream.sources import PackageIndex, Unreachable, Wheel, release_key
from modelcatalog.tooling.upstream.statuses import EXIT_STATUSES
from modelcatalog.tooling.upstream.update import accepted_manifest, set_manifest_value

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"
README = ROOT / "README.md"


# -- a small provider of our own, with a document and an SDK ----------------------------------


def acme_document() -> dict[str, Any]:
    """GET /things: a page of Things; a Thing's `source` is a union tagged by `kind`."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "Acme", "version": "1"},
        "servers": [{"url": "https://api.acme.test/v1"}],
        "paths": {
            "/things": {
                "get": {
                    "operationId": "listThings",
                    "parameters": [
                        {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 50}},
                        {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 100, "default": 20}},
                        {"name": "kind", "in": "query", "schema": {"$ref": "#/components/schemas/Kind"}},
                        {"name": "ids", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
                    ],
                    "responses": {
                        "200": {
                            "description": "a page",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["items"],
                                        "properties": {
                                            "items": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
                                            "next": {"type": ["string", "null"]},
                                        },
                                    }
                                }
                            },
                        },
                        "401": {"description": "no"},
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "Kind": {"type": "string", "enum": ["a", "b"]},
                "Base": {
                    "type": "object",
                    "properties": {"created": {"type": "string", "format": "date-time", "description": "when"}},
                },
                "Thing": {
                    "allOf": [
                        {"$ref": "#/components/schemas/Base"},
                        {
                            "type": "object",
                            "required": ["id"],
                            "properties": {
                                "id": {"type": "string", "pattern": "^t_"},
                                "kind": {"$ref": "#/components/schemas/Kind"},
                                "size": {"type": "integer", "minimum": 0},
                                "tags": {"type": "array", "items": {"type": "string", "enum": ["x", "y"]}},
                                "source": {
                                    "oneOf": [
                                        {"$ref": "#/components/schemas/Local"},
                                        {"$ref": "#/components/schemas/Remote"},
                                    ],
                                    "discriminator": {"propertyName": "kind"},
                                },
                                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
                            },
                        },
                    ]
                },
                "Local": {
                    "type": "object",
                    "required": ["kind"],
                    "properties": {"kind": {"type": "string", "enum": ["local"]}, "path": {"type": "string"}},
                },
                "Remote": {
                    "type": "object",
                    "required": ["kind"],
                    "properties": {"kind": {"type": "string", "enum": ["remote"]}, "url": {"type": "string"}},
                },
            }
        },
    }


OVERLAY = """\
overlay: 1.0.0
info: {title: acme fixes, version: '1'}
actions:
  - target: $.info
    update: {x-fixed: true}
"""

STAINLESS = {
    "generator": "stainless",
    "package": "acme-sdk",
    "method": "acme_sdk/resources/things.py:ThingsResource.list",
}
FERN = {"generator": "fern", "package": "acme-fern", "method": "acme_fern/things/raw_client.py:RawThingsClient.list"}


def make_repo(root: Path, sdk: dict[str, str], version: str = "1.0.0", document: dict[str, Any] | None = None) -> Path:
    """A checkout with one provider, `acme`, whose SDK is ``sdk`` and whose last matched release is ``version``."""
    raw = json.dumps(document or acme_document(), indent=2).encode()
    specs = root / "specs"
    (specs / "acme").mkdir(parents=True)
    (specs / "acme" / "upstream.json").write_bytes(raw)
    (specs / "acme" / "overlay.yaml").write_text(OVERLAY)
    (specs / "providers.toml").write_text(
        textwrap.dedent(
            f"""\
            [providers.acme]
            title = "Acme"
            upstream = "acme/upstream.json"
            upstream_sha256 = "{sha256_of(raw)}"
            source_note = "Acme publishes no document; this one is ours."
            overlay = "acme/overlay.yaml"
            derived = "acme/openapi.yaml"
            operations = ["GET /things"]
            package = "acme"
            open_response_enums = true

            [providers.acme.sdk]
            package = "{sdk["package"]}"
            version = "{version}"
            generator = "{sdk["generator"]}"
            method = "{sdk["method"]}"
            operation = "GET /things"
            """
        )
    )
    return root


def build_wheel(directory: Path, project: str, version: str, files: dict[str, str]) -> Path:
    """A wheel of ``files`` (path inside the wheel -> text), named as pip names one."""
    dist = project.replace("-", "_")
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{dist}-{version}-py3-none-any.whl"
    info = f"{dist}-{version}.dist-info"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as wheel:
        for name, text in files.items():
            wheel.writestr(name, textwrap.dedent(text))
        wheel.writestr(f"{info}/METADATA", f"Metadata-Version: 2.1\nName: {project}\nVersion: {version}\n")
        wheel.writestr(f"{info}/WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
        wheel.writestr(f"{info}/RECORD", "")
    return path


def stainless_files(*, kind: str = '"a", "b"', size: bool = True, extra_param: str = "") -> dict[str, str]:
    """An SDK laid out as Stainless lays out scenario-sdk: TypedDict params, BaseModel responses, a generic page."""
    return {
        "acme_sdk/__init__.py": "",
        "acme_sdk/_models.py": "class BaseModel:\n    pass\n",
        "acme_sdk/_base_client.py": """\
            from typing import Generic, TypeVar
            _T = TypeVar("_T")
            class BasePage(Generic[_T]):
                _options: object
            class BaseSyncPage(BasePage[_T], Generic[_T]):
                pass
            def make_request_options(**options):
                return options
            """,
        "acme_sdk/_utils.py": "def maybe_transform(data, expected):\n    return data\nclass PropertyInfo:\n    pass\n",
        "acme_sdk/pagination.py": """\
            from typing import List, Generic, TypeVar, Optional
            from pydantic import Field as FieldInfo
            from ._base_client import BasePage, BaseSyncPage
            _T = TypeVar("_T")
            class SyncThingsCursor(BaseSyncPage[_T], BasePage[_T], Generic[_T]):
                items: List[_T]
                next: Optional[str] = FieldInfo(alias="next", default=None)
            """,
        "acme_sdk/types/__init__.py": "from .thing import Thing as Thing\n",
        "acme_sdk/types/thing_list_params.py": textwrap.dedent(
            f"""\
            from __future__ import annotations
            from typing_extensions import Literal, Annotated, TypedDict
            from .._types import SequenceNotStr
            from .._utils import PropertyInfo
            class ThingListParams(TypedDict, total=False):
                q: str
                limit: int
                kind: Literal[{kind}]
                ids: SequenceNotStr[str]
            """
        )
        + extra_param,
        "acme_sdk/types/thing.py": textwrap.dedent(
            f"""\
            from typing import List, Union, Optional
            from datetime import datetime
            from typing_extensions import Literal, Annotated, TypeAlias
            from .._models import BaseModel
            from .._utils import PropertyInfo
            class SourceLocal(BaseModel):
                kind: Literal["local"]
                path: Optional[str] = None
            class SourceRemote(BaseModel):
                kind: Literal["remote"]
                url: Optional[str] = None
            Source: TypeAlias = Annotated[Union[SourceLocal, SourceRemote], PropertyInfo(discriminator="kind")]
            class Thing(BaseModel):
                id: str
                children: Optional[List["Thing"]] = None
                created: Optional[datetime] = None
                kind: Optional[Literal[{kind}]] = None
                source: Optional[Source] = None
                tags: Optional[List[Literal["x", "y"]]] = None
            """
        )
        + ("    size: Optional[int] = None\n" if size else ""),
        "acme_sdk/resources/__init__.py": "",
        "acme_sdk/resources/things.py": """\
            from __future__ import annotations
            from ..types import thing_list_params
            from .._utils import maybe_transform
            from ..pagination import SyncThingsCursor
            from .._base_client import make_request_options
            from ..types.thing import Thing
            class ThingsResource:
                def list(self, *, q=None, limit=None, kind=None, ids=None, extra_headers=None):
                    return self._get_api_list(
                        "/things",
                        page=SyncThingsCursor[Thing],
                        options=make_request_options(
                            extra_headers=extra_headers,
                            query=maybe_transform(
                                {"q": q, "limit": limit, "kind": kind, "ids": ids},
                                thing_list_params.ThingListParams,
                            ),
                        ),
                        model=Thing,
                    )
            """,
    }


def fern_files(*, path: str = "things") -> dict[str, str]:
    """An SDK laid out as Fern lays out truefoundry-sdk: a raw client, one model a module, open enums."""
    model = "from ..core.pydantic_utilities import IS_PYDANTIC_V2, UniversalBaseModel\nimport pydantic\nimport typing\n"
    config = """\
        if IS_PYDANTIC_V2:
            model_config: typing.ClassVar[pydantic.ConfigDict] = pydantic.ConfigDict(extra="allow")
        else:
            class Config:
                extra = pydantic.Extra.allow
    """
    return {
        "acme_fern/__init__.py": "",
        "acme_fern/types/kind.py": """\
            import typing
            from ..core import enum
            class Kind(enum.StrEnum):
                A = "a"
                B = "b"
                _UNKNOWN = "__KIND_UNKNOWN__"
            """,
        "acme_fern/types/local.py": model
        + 'class Local(UniversalBaseModel):\n    kind: typing.Literal["local"] = pydantic.Field(default="local")\n'
        + "    path: typing.Optional[str] = None\n"
        + textwrap.indent(textwrap.dedent(config), "    "),
        "acme_fern/types/remote.py": model
        + 'class Remote(UniversalBaseModel):\n    kind: typing.Literal["remote"] = pydantic.Field(default="remote")\n'
        + "    url: typing.Optional[str] = None\n",
        "acme_fern/types/source.py": """\
            import typing
            from .local import Local
            from .remote import Remote
            Source = typing.Union[Local, Remote]
            """,
        "acme_fern/types/base.py": "import datetime as dt\n"
        + model
        + "class Base(UniversalBaseModel):\n    created: typing.Optional[dt.datetime] = pydantic.Field(default=None)\n",
        "acme_fern/types/thing.py": """\
            from __future__ import annotations
            import typing
            import pydantic
            from .base import Base
            from .kind import Kind
            from .source import Source
            class Thing(Base):
                id: str = pydantic.Field()
                kind: typing.Optional[Kind] = None
                size: typing.Optional[int] = None
                tags: typing.Optional[typing.List[typing.Literal["x", "y"]]] = None
                source: typing.Optional[Source] = None
                children: typing.Optional[typing.List["Thing"]] = None
            """,
        "acme_fern/types/list_things_response.py": """\
            import typing
            import pydantic
            import typing_extensions
            from ..core.pydantic_utilities import UniversalBaseModel
            from ..core.serialization import FieldMetadata
            from .thing import Thing
            class ListThingsResponse(UniversalBaseModel):
                items: typing.List[Thing] = pydantic.Field()
                next_: typing_extensions.Annotated[
                    typing.Optional[str], FieldMetadata(alias="next"), pydantic.Field(alias="next")
                ] = None
            """,
        "acme_fern/things/raw_client.py": f"""\
            import typing
            from ..core.pydantic_utilities import parse_obj_as
            from ..types.kind import Kind
            from ..types.list_things_response import ListThingsResponse
            class RawThingsClient:
                def list(
                    self,
                    *,
                    q: typing.Optional[str] = None,
                    limit: typing.Optional[int] = 20,
                    kind: typing.Optional[Kind] = None,
                    ids: typing.Optional[typing.Sequence[str]] = None,
                    request_options: typing.Optional[dict] = None,
                ):
                    _response = self._client_wrapper.httpx_client.request(
                        "{path}",
                        method="GET",
                        params={{"q": q, "limit": limit, "kind": kind, "ids": ids}},
                        request_options=request_options,
                    )
                    if 200 <= _response.status_code < 300:
                        return parse_obj_as(type_=ListThingsResponse, object_=_response.json())
                    raise RuntimeError(_response.text)
            """,
    }


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = upstream_main(list(argv))
    return code, capsys.readouterr().out


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any]]:
    code, out = run(capsys, *argv, "--format", "json")
    return code, json.loads(out)


def sdk_result(report: dict[str, Any]) -> dict[str, Any]:
    (result,) = [r for r in report["results"] if r["kind"] == "sdk"]
    return result


def triples(changes: list[dict[str, Any]]) -> set[tuple[str, str, str]]:
    return {(c["id"], c["level"], c["side"]) for c in changes}


# -- SDK releases on a local package index ---------------------------------------------------


@pytest.mark.parametrize(
    ("sdk", "files"),
    [pytest.param(STAINLESS, stainless_files(), id="stainless"), pytest.param(FERN, fern_files(), id="fern")],
)
def test_an_sdk_that_matches_our_document_has_no_difference(
    tmp_path: Path, sdk: dict[str, str], files: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Formats, bounds, patterns, defaults, descriptions and errors are beyond what an SDK says: not differences."""
    repo = make_repo(tmp_path / "repo", sdk)
    build_wheel(tmp_path / "index", sdk["package"], "1.0.0", files)
    code, report = run_json(capsys, "--repo", str(repo), "--index", str(tmp_path / "index"))
    assert code == 0, report
    result = sdk_result(report)
    assert (result["status"], result["version"], result["recorded"]) == ("unchanged", "1.0.0", "1.0.0")
    assert result["changes"] == []
    assert result["known"] == []
    assert report["headline"] == "no change (1 of 1 source checked)"
    assert result["notes"] == ["No published document: Acme publishes no document; this one is ours."]


def test_a_new_release_is_graded_against_our_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "repo", STAINLESS)
    index = tmp_path / "index" / "acme-sdk"  # laid out like the simple API: <index>/<project>/
    build_wheel(index, "acme-sdk", "1.0.0", stainless_files())
    build_wheel(
        index,
        "acme-sdk",
        "1.1.0",
        stainless_files(kind='"a", "b", "c"', size=False, extra_param='    sort: Literal["asc", "desc"]\n'),
    )
    build_wheel(index, "acme-sdk", "2.0.0rc1", stainless_files(size=False))  # a pre-release is not a release

    code, report = run_json(capsys, "--repo", str(repo), "--index", str(tmp_path / "index"))

    assert code == 2
    result = sdk_result(report)
    assert (result["status"], result["version"], result["recorded"]) == ("changed", "1.1.0", "1.0.0")
    assert result["source"] == f"acme-sdk 1.1.0 from {tmp_path / 'index'}"
    assert triples(result["changes"]) == {
        ("request-parameter-enum-value-added", "INFO", "request"),
        ("new-optional-request-parameter", "INFO", "request"),
        # our client opens the response enum: a new value is a warning
        ("response-property-enum-value-added", "WARN", "response"),
        # the attribute would disappear from the regenerated class
        ("response-optional-property-removed", "ERR", "response"),
    }
    texts = " ".join(c["text"] for c in result["changes"])
    assert "items[].size" in texts
    assert '"c"' in texts
    assert result["known"] == []


def test_differences_the_matched_release_already_had_are_known_and_do_not_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = acme_document()
    document["components"]["schemas"]["Kind"]["enum"] = ["a", "b", "legacy"]  # ours lists one value the SDK lacks
    repo = make_repo(tmp_path / "repo", STAINLESS, document=document)
    build_wheel(tmp_path / "index", "acme-sdk", "1.0.0", stainless_files())
    build_wheel(tmp_path / "index", "acme-sdk", "1.1.0", stainless_files(size=False))

    code, report = run_json(capsys, "--repo", str(repo), "--index", str(tmp_path / "index"))

    assert code == 2
    result = sdk_result(report)
    assert triples(result["changes"]) == {("response-optional-property-removed", "ERR", "response")}
    known = triples(result["known"])
    assert ("request-parameter-enum-value-removed", "ERR", "request") in known  # ERR, but reviewed at 1.0.0
    assert all('"legacy"' in c["text"] for c in result["known"])

    code, out = run(capsys, "--repo", str(repo), "--index", str(tmp_path / "index"))
    assert "known difference(s), already there in 1.0.0 (the release we last matched); they do not count" in out


def test_the_matched_release_still_newest_is_unchanged_with_its_known_differences(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = acme_document()
    document["paths"]["/things"]["get"]["parameters"].pop(0)  # the SDK sends `q`, our document lost it
    repo = make_repo(tmp_path / "repo", STAINLESS, document=document)
    build_wheel(tmp_path / "index", "acme-sdk", "1.0.0", stainless_files())
    code, report = run_json(capsys, "--repo", str(repo), "--index", str(tmp_path / "index"))
    assert code == 0
    result = sdk_result(report)
    assert result["status"] == "unchanged"
    assert triples(result["known"]) == {("new-optional-request-parameter", "INFO", "request")}


def test_a_wheel_file_given_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "repo", FERN)
    wheel = build_wheel(tmp_path / "elsewhere", "acme-fern", "1.3.0", fern_files(path="v2/things"))
    build_wheel(tmp_path / "index", "acme-fern", "1.0.0", fern_files())
    code, report = run_json(capsys, "--repo", str(repo), "--index", str(tmp_path / "index"), "--sdk", f"acme={wheel}")
    assert code == 2
    result = sdk_result(report)
    assert result["source"] == f"acme-fern 1.3.0 from {wheel}"
    (change,) = result["changes"]
    assert (change["id"], change["level"]) == ("api-path-removed-without-deprecation", "ERR")
    assert "now published as GET /v2/things" in change["text"]


def test_a_release_whose_code_the_reader_cannot_follow_is_invalid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = make_repo(tmp_path / "repo", STAINLESS)
    files = stainless_files()
    files["acme_sdk/resources/things.py"] = files["acme_sdk/resources/things.py"].replace("def list(", "def find(")
    build_wheel(tmp_path / "index", "acme-sdk", "1.0.0", files)
    code, report = run_json(capsys, "--repo", str(repo), "--index", str(tmp_path / "index"))
    assert code == 5
    result = sdk_result(report)
    assert result["status"] == "invalid"
    assert result["detail"] == (
        "unreadable SDK release: acme-sdk 1.0.0: acme_sdk/resources/things.py has no ThingsResource.list"
    )


def test_update_records_the_release_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "repo", STAINLESS)
    build_wheel(tmp_path / "index", "acme-sdk", "1.0.0", stainless_files())
    build_wheel(tmp_path / "index", "acme-sdk", "1.0.1", stainless_files())
    before = (repo / "specs" / "providers.toml").read_text()

    code, out = run(capsys, "--repo", str(repo), "--index", str(tmp_path / "index"), "--update")

    assert code == 0
    after = (repo / "specs" / "providers.toml").read_text()
    assert after == before.replace('version = "1.0.0"', 'version = "1.0.1"')
    assert "Update: recorded 1.0.1 as the SDK release we last matched (was 1.0.0)" in out
    code, out = run(capsys, "--repo", str(repo), "--index", str(tmp_path / "index"))
    assert code == 0
    assert "1.0.1 is the release read (the release we last matched)" in out


# -- a package index over HTTP ------------------------------------------------------------------


def _publish(serve: Callable[..., str], wheels: list[Path], *, html: bool, bad_hash: str = "") -> str:
    files = []
    for wheel in wheels:
        data = wheel.read_bytes()
        url = serve(f"/files/{wheel.name}", data)
        digest = "0" * 64 if wheel.name == bad_hash else hashlib.sha256(data).hexdigest()
        files.append(
            {"filename": wheel.name, "url": url, "hashes": {"sha256": digest}, "yanked": "1.2.0" in wheel.name}
        )
    if html:
        anchors = "".join(
            f'<a href="{f["url"]}#sha256={f["hashes"]["sha256"]}"{" data-yanked" if f["yanked"] else ""}>'
            f"{f['filename']}</a><br>"
            for f in files
        )
        serve("/simple/acme-sdk/", f"<html><body>{anchors}</body></html>".encode(), content_type="text/html")
    else:
        body = json.dumps({"meta": {"api-version": "1.1"}, "name": "acme-sdk", "files": files}).encode()
        serve("/simple/acme-sdk/", body, content_type="application/vnd.pypi.simple.v1+json")
    return serve("/simple/", b"", content_type="text/html")


@pytest.mark.parametrize("html", [False, True], ids=["PEP 691 JSON", "PEP 503 HTML"])
def test_an_index_over_http_gives_the_newest_final_release_checked_against_its_sha256(
    tmp_path: Path, html: bool, serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    repo = make_repo(tmp_path / "repo", STAINLESS)
    wheels = [
        build_wheel(tmp_path / "w", "acme-sdk", "1.0.0", stainless_files()),
        build_wheel(tmp_path / "w", "acme-sdk", "1.1.0", stainless_files(size=False)),
        build_wheel(tmp_path / "w", "acme-sdk", "1.2.0", stainless_files()),  # yanked
        build_wheel(tmp_path / "w", "acme-sdk", "1.3.0.dev1", stainless_files()),  # a dev build
    ]
    index = _publish(serve, wheels, html=html)
    code, report = run_json(capsys, "--repo", str(repo), "--index", index)
    assert code == 2
    result = sdk_result(report)
    assert result["version"] == "1.1.0"
    assert result["source"] == f"acme-sdk 1.1.0 from {index}"
    assert triples(result["changes"]) == {("response-optional-property-removed", "ERR", "response")}
    assert sorted(path.name for path in (repo / ".cache" / "upstream" / "wheels").iterdir()) == [
        "acme_sdk-1.0.0-py3-none-any.whl",
        "acme_sdk-1.1.0-py3-none-any.whl",
    ]


def test_a_wheel_whose_sha256_does_not_match_the_index_is_refused(
    tmp_path: Path, serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    repo = make_repo(tmp_path / "repo", STAINLESS)
    wheel = build_wheel(tmp_path / "w", "acme-sdk", "1.0.0", stainless_files())
    index = _publish(serve, [wheel], html=False, bad_hash=wheel.name)
    code, report = run_json(capsys, "--repo", str(repo), "--index", index)
    assert code == 3
    result = sdk_result(report)
    assert result["status"] == "unreachable"
    assert "sha256 does not match the index's 000000" in result["detail"]
    assert not (repo / ".cache" / "upstream" / "wheels" / wheel.name).exists()


@pytest.mark.parametrize(
    "page",
    [b'{"meta": {}}', b'{"files": [{"url": "x"}]}', b'{"files": 3}', b"{not json"],
    ids=["no files", "a file without a name", "files not a list", "not JSON"],
)
def test_a_broken_index_page_is_unreachable_in_one_line(tmp_path: Path, page: bytes, serve: Callable[..., str]) -> None:
    index = serve("/simple/acme-sdk/", page, content_type="application/vnd.pypi.simple.v1+json").removesuffix(
        "acme-sdk/"
    )
    with pytest.raises(Unreachable, match=r"/simple/acme-sdk/: not a simple-API project page \("):
        PackageIndex(index, timeout=5).newest("acme-sdk", wheel=True)


@pytest.mark.parametrize("fmt", ["markdown", "json", "github"])
def test_a_private_index_credential_appears_in_no_report(
    tmp_path: Path, fmt: str, serve: Callable[..., str], capsys: pytest.CaptureFixture[str]
) -> None:
    repo = make_repo(tmp_path / "repo", STAINLESS)
    wheels = [
        build_wheel(tmp_path / "w", "acme-sdk", "1.0.0", stainless_files()),
        build_wheel(tmp_path / "w", "acme-sdk", "1.1.0", stainless_files(size=False)),
    ]
    index = _publish(serve, wheels, html=False).replace("http://", "http://ci-bot:canary-s3cret-token@")
    missing = index.replace("/simple/", "/nothing-here/")
    seen = []
    for where in (index, missing):
        upstream_main(["--repo", str(repo), "--index", where, "--format", fmt, "--markdown", str(tmp_path / "r.md")])
        out = capsys.readouterr()
        seen += [out.out, out.err, (tmp_path / "r.md").read_text()]
    assert "acme-sdk 1.1.0 from http://127.0.0.1:" in seen[2]  # the index was read (the markdown report)...
    assert "/nothing-here/acme-sdk/: HTTP 404" in seen[3]  # ...and the missing one named
    for text in seen:
        assert "canary-s3cret-token" not in text
        assert "ci-bot" not in text


def test_release_keys_order_final_releases_and_refuse_the_rest() -> None:
    versions = ["1.10.0", "1.9.2", "1.9.2.post1", "2.0.0rc1", "2.0.0.dev3", "1!0.1", "0.6.0"]
    finals = sorted((v for v in versions if release_key(v) is not None), key=lambda v: release_key(v) or ())
    assert finals == ["0.6.0", "1.9.2", "1.9.2.post1", "1.10.0", "1!0.1"]


def test_a_wheel_member_that_inflates_past_the_cap_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wheel = build_wheel(tmp_path, "acme-sdk", "1.0.0", {"acme_sdk/big.py": "x = 1\n" * 5000})
    monkeypatch.setattr(sources, "MAX_MEMBER_BYTES", 1000)
    with pytest.raises(Unreachable, match=r"acme_sdk/big\.py is 30000 bytes uncompressed; refused"):
        Wheel(wheel.read_bytes(), wheel.name).text("acme_sdk/big.py")
    with pytest.raises(Unreachable, match="not a wheel"):
        Wheel(b"PK\x03\x04 not really", "broken.whl")


def test_a_corrupt_wheel_member_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path, "acme-sdk", "1.0.0", {"acme_sdk/models.py": "class Model:\n    id: str\n" * 50})
    data = bytearray(wheel.read_bytes())
    start = data.index(b"acme_sdk/models.py") + len("acme_sdk/models.py")
    data[start + 10 : start + 20] = b"\xff" * 10  # inside the deflated bytes
    with pytest.raises(Unreachable, match=r"acme_sdk/models\.py cannot be read from the wheel"):
        Wheel(bytes(data), wheel.name).text("acme_sdk/models.py")


def test_a_local_index_that_is_not_a_directory_is_unreachable(tmp_path: Path) -> None:
    with pytest.raises(Unreachable, match="not a directory"):
        PackageIndex(str(tmp_path / "nowhere"), timeout=1).newest("acme-sdk", wheel=True)


# -- an installed Open WebUI -----------------------------------------------------------------------

APP = """\
import json, os, sys
print("INFO  [alembic.runtime.migration] Running upgrade -> 7e5b5dc7342b")  # what the real one prints on import
if os.environ.get("PYTHONHASHSEED") != "0":
    raise RuntimeError("PYTHONHASHSEED must be 0: the real document lists a set of methods in set order")
if not os.environ["DATA_DIR"].startswith(os.environ["STATIC_DIR"].rsplit("/", 1)[0]):
    raise RuntimeError("DATA_DIR must be a scratch directory")
class _App:
    def openapi(self):
        with open(os.environ["ACME_DOCUMENT"], encoding="utf-8") as handle:
            return json.load(handle)
app = _App()
"""


def make_environment(root: Path, version: str, app: str = APP) -> Path:
    """A real virtual environment with `open_webui` ``version`` installed: an app that describes itself."""
    venv.EnvBuilder(with_pip=False, symlinks=True).create(root)
    (site,) = root.glob("lib/python*/site-packages")
    (site / "open_webui").mkdir()
    (site / "open_webui" / "__init__.py").write_text("")
    (site / "open_webui" / "main.py").write_text(app)
    info = site / f"open_webui-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: open-webui\nVersion: {version}\n")
    return root


@pytest.fixture
def openwebui_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of specs/ whose Open WebUI document the stand-in app serves, edited: `offset` is a new parameter."""
    repo = tmp_path / "repo"
    shutil.copytree(SPECS, repo / "specs", ignore=shutil.ignore_patterns("__pycache__"))
    document = json.loads((SPECS / "openwebui" / "upstream.json").read_bytes())
    document["paths"]["/api/v1/models/list"]["get"]["parameters"].append(
        {"name": "offset", "in": "query", "required": False, "schema": {"type": "integer"}}
    )
    served = tmp_path / "served.json"
    served.write_text(json.dumps(document))
    monkeypatch.setenv("ACME_DOCUMENT", str(served))
    build_wheel(tmp_path / "index", "open-webui", "0.13.0", {"open_webui/__init__.py": ""})
    build_wheel(tmp_path / "index", "open-webui", "0.12.4", {"open_webui/__init__.py": ""})
    return repo


def test_the_newest_open_webui_release_describes_itself_without_a_server(
    tmp_path: Path, openwebui_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    env = make_environment(tmp_path / "env", "0.13.0")
    args = ["--repo", str(openwebui_repo), "--provider", "openwebui", "--index", str(tmp_path / "index")]
    code, report = run_json(capsys, *args, "--openwebui-env", str(env))
    assert code == 1
    (result,) = report["results"]
    assert result["source"] == f"open-webui 0.13.0: its FastAPI app in {env}"
    assert (result["version"], result["recorded"]) == ("0.13.0", "0.12.4")
    assert triples(result["changes"]) == {("new-optional-request-parameter", "INFO", "request")}


def test_an_environment_with_an_older_release_is_not_used(
    tmp_path: Path, openwebui_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    env = make_environment(tmp_path / "env", "0.12.4")
    args = ["--repo", str(openwebui_repo), "--provider", "openwebui", "--index", str(tmp_path / "index")]
    code, report = run_json(capsys, *args, "--openwebui-env", str(env))
    assert code == 3
    (result,) = report["results"]
    assert result["status"] == "unreachable"
    assert (
        f"open-webui 0.13.0 is not installed in any environment (looked in: {env}; found: 0.12.4 in {env})"
        in (result["detail"])
    )
    assert "pass --openwebui-env DIR" in result["detail"]


def test_a_running_server_is_the_fallback(
    tmp_path: Path,
    openwebui_repo: Path,
    serve: Callable[..., str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    served = (SPECS / "openwebui" / "upstream.json").read_bytes()
    url = serve("/openapi.json", served, content_type="application/json").removesuffix("/openapi.json")
    args = ["--repo", str(openwebui_repo), "--provider", "openwebui", "--index", str(tmp_path / "index")]
    code, report = run_json(capsys, *args, "--openwebui-url", url)
    assert code == 0
    (result,) = report["results"]
    assert (result["status"], result["source"]) == ("unchanged", f"{url}/openapi.json")
    (note,) = result["notes"]
    assert note.startswith("Used a running server instead of the app: open-webui 0.13.0 is not installed")


def test_an_app_that_fails_to_import_is_unreachable_with_its_last_words(
    tmp_path: Path, openwebui_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    env = make_environment(tmp_path / "env", "0.13.0", app="raise RuntimeError('Static asset directory not found')\n")
    args = ["--repo", str(openwebui_repo), "--provider", "openwebui", "--index", str(tmp_path / "index")]
    code, report = run_json(capsys, *args, "--openwebui-env", str(env))
    assert code == 3
    assert report["results"][0]["detail"] == (
        f"{env}: the Open WebUI app failed: RuntimeError: Static asset directory not found"
    )


@pytest.mark.slow
@pytest.mark.usefixtures("real_openwebui_env")
def test_the_real_open_webui_app_gives_the_vendored_document_byte_for_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The pinned release, installed as the live tests install it: its app's document is the vendored one."""
    sys.path.insert(0, str(ROOT / "tests" / "integration"))
    from openwebui_env import OPENWEBUI_VERSION, install  # noqa: PLC0415 - the live tests' installer

    try:
        env = install().venv
    except (subprocess.CalledProcessError, OSError) as exc:
        if os.environ.get("MODELCATALOG_SKIP_LIVE") == "1":
            pytest.skip(f"cannot install open-webui: {exc} (MODELCATALOG_SKIP_LIVE=1)")
        raise
    build_wheel(tmp_path / "index", "open-webui", OPENWEBUI_VERSION, {"open_webui/__init__.py": ""})
    args = ["--repo", str(ROOT), "--provider", "openwebui", "--index", str(tmp_path / "index")]
    code, report = run_json(capsys, *args, "--openwebui-env", str(env))
    assert code == 0, report
    (result,) = report["results"]
    assert result["status"] == "unchanged"
    assert result["new_sha256"] == result["old_sha256"]


# -- the command: exit statuses, usage, a checkout --------------------------------------------------


def test_exit_statuses_are_distinct_and_the_readme_lists_each() -> None:
    assert sorted(EXIT_STATUSES) == list(range(8))
    assert len(set(EXIT_STATUSES.values())) == len(EXIT_STATUSES)
    readme = README.read_text(encoding="utf-8")
    for status, meaning in EXIT_STATUSES.items():
        assert f"| {status} | {meaning} |" in readme, status


def test_an_unknown_provider_is_a_usage_error_not_a_breaking_change(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        upstream_main(["--repo", str(ROOT), "--provider", "acme"])
    assert exited.value.code == 7
    err = capsys.readouterr().err
    assert err.startswith("usage: modelcatalog upstream ")
    assert "error: no provider 'acme' in the manifest (known: scenario, truefoundry, openwebui, modelslab)" in err


@pytest.mark.parametrize("argv", [["--bogus"], ["--source", "modelslab"], ["--format", "yaml"]])
def test_a_malformed_command_line_is_a_usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        upstream_main(["--repo", str(ROOT), *argv])
    assert exited.value.code == 7
    assert capsys.readouterr().err.startswith("usage: modelcatalog upstream ")


def test_outside_a_checkout_it_says_so_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert upstream_main([]) == 6
    err = capsys.readouterr().err
    assert err == (
        f"modelcatalog upstream: error: no modelcatalog checkout: no specs/providers.toml in {tmp_path} or above "
        "(run it in a checkout, or pass --repo DIR)\n"
    )
    assert upstream_main(["--repo", str(tmp_path)]) == 6
    assert f"no specs/providers.toml in {tmp_path} (run it" in capsys.readouterr().err


def test_inside_a_checkout_any_directory_will_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = make_repo(tmp_path / "repo", STAINLESS)
    build_wheel(tmp_path / "index", "acme-sdk", "1.0.0", stainless_files())
    monkeypatch.chdir(repo / "specs" / "acme")
    code, _ = run(capsys, "--index", str(tmp_path / "index"))
    assert code == 0


def test_help_lists_every_exit_status() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "modelcatalog.tooling", "upstream", "--help"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0
    assert done.stdout.startswith("usage: python -m modelcatalog.tooling upstream ")
    for status in EXIT_STATUSES:
        assert re.search(rf"^  {status}  ", done.stdout, re.MULTILINE), status


def test_set_manifest_value_edits_one_line_of_one_table() -> None:
    text = (SPECS / "providers.toml").read_text()
    edited = set_manifest_value(text, "providers.truefoundry.sdk", "version", "9.9.9")
    changed = [(a, b) for a, b in zip(text.splitlines(), edited.splitlines(), strict=True) if a != b]
    assert changed == [('version = "0.6.0"', 'version = "9.9.9"')]
    edited = set_manifest_value(text, "providers.openwebui", "source", "open-webui==0.13.0")
    changed = [(a, b) for a, b in zip(text.splitlines(), edited.splitlines(), strict=True) if a != b]
    assert changed == [('source = "open-webui==0.12.4"', 'source = "open-webui==0.13.0"')]


def test_accepting_an_open_webui_document_records_the_release_it_came_from() -> None:
    manifest = load_manifest(SPECS)
    text = (SPECS / "providers.toml").read_text()
    raw = b'{"openapi": "3.1.0"}'
    edited = accepted_manifest(text, [(manifest.provider("openwebui"), raw, "0.13.0")], [("scenario", "2.5.0")])
    changed = [(a, b) for a, b in zip(text.splitlines(), edited.splitlines(), strict=True) if a != b]
    recorded = manifest.provider("openwebui").upstream_sha256
    assert changed == [
        ('version = "2.4.0"', 'version = "2.5.0"'),
        (f'upstream_sha256 = "{recorded}"', f'upstream_sha256 = "{sha256_of(raw)}"'),
        ('source = "open-webui==0.12.4"', 'source = "open-webui==0.13.0"'),
    ]
    served = accepted_manifest(text, [(manifest.provider("openwebui"), raw, "")], [])  # from a server: release unknown
    assert 'source = "open-webui==0.12.4"' in served


# -- the rules, in code and in the README --------------------------------------------------------------


def test_the_readme_table_is_the_rules_in_code() -> None:
    readme = README.read_text(encoding="utf-8")
    start, end = (
        "<!-- rules: generated from modelcatalog.tooling.upstream.diff.rules.rules_markdown() -->",
        "<!-- /rules -->",
    )
    assert start in readme
    assert end in readme
    table = readme.split(start, 1)[1].split(end, 1)[0].strip("\n") + "\n"
    assert table == rules_markdown(), (
        "run: python -c 'from modelcatalog.tooling.upstream.diff.rules import rules_markdown as r; print(r())'"
    )


def test_every_grade_that_differs_from_oasdiff_says_why() -> None:
    for _, rule in all_rules():
        if rule.oasdiff is not None and rule.oasdiff is not rule.level:
            assert rule.why, rule.id
        assert rule.side in ("request", "response", "document", "overlay"), rule.id
    differing = {(what, rule.id) for what, rule in all_rules() if rule.oasdiff and rule.oasdiff is not rule.level}
    assert ("optional property removed", "response-optional-property-removed") in differing
    assert ("", "api-security-added") in differing
    assert ("enum value added", "{p}-enum-value-added") in differing  # a closed enum
    assert ("enum value added to open enum", "{p}-enum-value-added") not in differing  # agrees with oasdiff


def test_the_table_counts_every_rule_once() -> None:
    rows = rules_markdown().splitlines()[2:]
    assert all(row.startswith("| `") for row in rows)
    assert (
        len(rows)
        == len(all_rules())
        == len(RULES)
        + sum((request is not None) + (response is not None) for request, response in SCHEMA_RULES.values())
    )
    assert {Level.ERR, Level.WARN, Level.INFO} == {rule.level for _, rule in all_rules()}
