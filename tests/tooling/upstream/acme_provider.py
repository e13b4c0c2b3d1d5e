"""A small provider of our own, `acme`, with a document and an SDK built as a wheel in the test."""

from __future__ import annotations

import json
import textwrap
import zipfile
from typing import TYPE_CHECKING, Any

from modelcatalog.tooling.derive import sha256_of

if TYPE_CHECKING:
    from pathlib import Path


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


def sdk_result(report: dict[str, Any]) -> dict[str, Any]:
    (result,) = [r for r in report["results"] if r["kind"] == "sdk"]
    return result


def triples(changes: list[dict[str, Any]]) -> set[tuple[str, str, str]]:
    return {(c["id"], c["level"], c["side"]) for c in changes}
