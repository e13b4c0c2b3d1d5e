"""Where the upstream check reads what a provider publishes now.

- a document at a URL or in a file (ModelsLab's OpenAPI file, TrueFoundry's Markdown page);
- a package index (PyPI's simple API, PEP 691 JSON or PEP 503 HTML, or a local directory of
  wheels): the newest release of an official SDK, downloaded as a wheel and read as text
  (:mod:`modelcatalog.tooling.upstream.sdk` parses it; nothing from it is imported or run);
- an installed Open WebUI release: its FastAPI application writes ``/openapi.json`` in a
  child process of that environment's Python, without starting a server.

Everything read is untrusted: responses and wheel members are capped, every request has
a deadline, and a failure is an :class:`Unreachable` with one line saying what failed.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import subprocess
import tempfile
import time
import zipfile
import zlib
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

import httpx

if TYPE_CHECKING:
    from collections.abc import Iterator

DEFAULT_INDEX = "https://pypi.org/simple/"
INDEX_ENV = "PIP_INDEX_URL"  # pip's own setting: a mirror or proxy configured for pip is used here too
MAX_DOCUMENT_BYTES = 32 * 1024 * 1024
MAX_INDEX_PAGE_BYTES = 16 * 1024 * 1024
MAX_WHEEL_BYTES = 64 * 1024 * 1024
MAX_MEMBER_BYTES = 8 * 1024 * 1024
# Open WebUI imports torch and sentence-transformers before it can describe itself
OPENWEBUI_APP_TIMEOUT = 600.0
_SIMPLE_JSON = "application/vnd.pypi.simple.v1+json"
_WHEEL_NAME_PARTS = 5
_FINAL_RELEASE = re.compile(r"^(?:\d+!)?\d+(?:\.\d+)*(?:\.post\d+)?$")


class Unreachable(Exception):  # noqa: N818 - a state of the source, not a failure of ours
    """The source could not be read (network, HTTP status, missing file, no environment)."""


# -- documents -------------------------------------------------------------------------


def fetch_document(source: str, *, base: Path, timeout: float) -> tuple[str, bytes]:
    """Read a document from an http(s) URL or a file (relative to ``base``); where it was read, and its bytes."""
    if source.startswith(("http://", "https://")):
        return source, _get(source, timeout=timeout, limit=MAX_DOCUMENT_BYTES)
    path = Path(source)
    if not path.is_absolute():
        path = base / path
    return str(path), _read_file(path, MAX_DOCUMENT_BYTES)


def _get(url: str, *, timeout: float, limit: int, headers: dict[str, str] | None = None) -> bytes:
    """GET ``url`` within ``timeout`` seconds overall, refusing a body over ``limit`` bytes (after decompression)."""
    shown = describe_url(url)
    deadline = time.monotonic() + timeout
    try:
        with (
            httpx.Client(timeout=timeout, follow_redirects=True, max_redirects=5) as client,
            client.stream("GET", url, headers=headers) as response,
        ):
            if response.status_code >= httpx.codes.BAD_REQUEST:
                msg = f"{shown}: HTTP {response.status_code}"
                raise Unreachable(msg)
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if time.monotonic() > deadline:
                    msg = f"{shown}: took longer than {timeout:g} s; abandoned"
                    raise Unreachable(msg)
                if len(body) > limit:
                    msg = f"{shown}: more than {limit} bytes; refused"
                    raise Unreachable(msg)
            return bytes(body)
    except httpx.HTTPError as exc:
        msg = f"{shown}: {type(exc).__name__}: {_scrubbed(str(exc), url)}"
        raise Unreachable(msg) from exc


def _scrubbed(text: str, url: str) -> str:
    """``text`` without the user name or password of ``url``, should a library have quoted them."""
    parts = urlsplit(url)
    for secret in (parts.password, parts.username):
        if secret:
            text = text.replace(secret, "***")
    return text


def _read_file(path: Path, limit: int) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        msg = f"{path}: {exc.strerror or exc}"
        raise Unreachable(msg) from exc
    if len(data) > limit:
        msg = f"{path}: more than {limit} bytes; refused"
        raise Unreachable(msg)
    return data


# -- package indexes -------------------------------------------------------------------


@dataclass(frozen=True)
class Distribution:
    """One file of one release on an index."""

    filename: str
    version: str
    location: str  # a URL, or a path on disk for a local index
    sha256: str | None


def normalize(project: str) -> str:
    """PEP 503's normalized project name."""
    return re.sub(r"[-_.]+", "-", project).lower()


def release_key(version: str) -> tuple[int, ...] | None:
    """A sort key for a final release (``2.4.0``, ``1.0.post1``); ``None`` for a pre-release or dev build."""
    if not _FINAL_RELEASE.match(version):
        return None
    epoch, _, rest = version.rpartition("!")
    release, _, post = rest.partition(".post")
    return (int(epoch or 0), *(int(part) for part in release.split(".")), -1, int(post or -1))


class PackageIndex:
    """A package index: ``https://…/simple/`` (PEP 691 JSON or PEP 503 HTML) or a local directory of wheels.

    A local directory may be flat (``dir/*.whl``) or laid out like the simple API
    (``dir/<project>/*.whl``). Wheels downloaded from a remote index are checked
    against the index's sha256 and kept in ``cache``.
    """

    def __init__(self, where: str, *, timeout: float, cache: Path | None = None) -> None:
        self.where = where
        self.timeout = timeout
        self.cache = cache
        self._files: dict[str, list[Distribution]] = {}

    @property
    def shown(self) -> str:
        """The index in words: a URL without its user info (a private index's credentials), or the directory."""
        return self.where if self.local else describe_url(self.where)

    @property
    def local(self) -> bool:
        """Whether the index is a directory on this machine."""
        return not self.where.startswith(("http://", "https://"))

    def files(self, project: str) -> list[Distribution]:
        """Every file of every release of ``project`` (yanked files left out)."""
        name = normalize(project)
        if name not in self._files:
            self._files[name] = self._local_files(name) if self.local else self._remote_files(name)
        return self._files[name]

    def newest(self, project: str, *, wheel: bool) -> str:
        """The newest final release of ``project`` (with a pure-Python wheel, when ``wheel``)."""
        versions = {
            dist.version
            for dist in self.files(project)
            if release_key(dist.version) is not None and (not wheel or _pure_wheel(dist.filename))
        }
        if not versions:
            msg = f"{self.shown}: {project} has no final release{' with a pure-Python wheel' if wheel else ''}"
            raise Unreachable(msg)
        return max(versions, key=lambda version: release_key(version) or ())

    def wheel(self, project: str, version: str) -> bytes:
        """The pure-Python wheel of ``project`` ``version``, checked against the index's sha256."""
        candidates = [d for d in self.files(project) if d.version == version and _pure_wheel(d.filename)]
        if not candidates:
            msg = f"{self.shown}: no pure-Python wheel of {project} {version}"
            raise Unreachable(msg)
        dist = candidates[0]
        cached = self.cache / dist.filename if self.cache is not None else None
        if cached is not None and cached.is_file():
            data = _read_file(cached, MAX_WHEEL_BYTES)
            if dist.sha256 is None or hashlib.sha256(data).hexdigest() == dist.sha256:
                return data
        if self.local:
            data = _read_file(Path(dist.location), MAX_WHEEL_BYTES)
        else:
            data = _get(dist.location, timeout=self.timeout, limit=MAX_WHEEL_BYTES)
        if dist.sha256 is not None and hashlib.sha256(data).hexdigest() != dist.sha256:
            msg = f"{dist.filename}: sha256 does not match the index's {dist.sha256}; refused"
            raise Unreachable(msg)
        if cached is not None and not self.local:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_bytes(data)
        return data

    def _local_files(self, name: str) -> list[Distribution]:
        root = Path(self.where)
        if not root.is_dir():
            msg = f"{root}: not a directory (a local package index is a directory of wheels)"
            raise Unreachable(msg)
        found = []
        for folder in (root / name, root):
            for path in sorted(folder.glob("*")) if folder.is_dir() else ():
                version = _version_of(path.name, name)
                if version is not None and path.is_file():
                    found.append(Distribution(path.name, version, str(path), None))
        return found

    def _remote_files(self, name: str) -> list[Distribution]:
        page = urljoin(self.where.rstrip("/") + "/", f"{name}/")
        body = _get(page, timeout=self.timeout, limit=MAX_INDEX_PAGE_BYTES, headers={"Accept": _SIMPLE_JSON})
        try:
            listed = _json_files(body) if body.lstrip().startswith(b"{") else _html_files(body)
        except (ValueError, TypeError, AttributeError, KeyError) as exc:
            msg = f"{describe_url(page)}: not a simple-API project page ({type(exc).__name__}: {exc})"
            raise Unreachable(msg) from exc
        found = []
        for filename, url, sha256, yanked in listed:
            version = _version_of(filename, name)
            if version is not None and not yanked:
                found.append(Distribution(filename, version, urljoin(page, url), sha256))
        return found


def _json_files(body: bytes) -> list[tuple[str, str, str | None, bool]]:
    data = json.loads(body)
    return [
        (str(item["filename"]), str(item["url"]), (item.get("hashes") or {}).get("sha256"), bool(item.get("yanked")))
        for item in data["files"]
    ]


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str, str | None, bool]] = []
        self._current: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._current = dict(attrs)

    def handle_data(self, data: str) -> None:
        if self._current is not None and data.strip():
            href = self._current.get("href") or ""
            url, _, fragment = href.partition("#")
            sha256 = fragment.removeprefix("sha256=") if fragment.startswith("sha256=") else None
            self.found.append((data.strip(), url, sha256, "data-yanked" in self._current))
            self._current = None


def _html_files(body: bytes) -> list[tuple[str, str, str | None, bool]]:
    parser = _Anchors()
    parser.feed(body.decode("utf-8", errors="replace"))
    return parser.found


def wheel_version(filename: str) -> str | None:
    """The version in a wheel's file name (``name-version(-build)-python-abi-platform.whl``)."""
    parts = filename.removesuffix(".whl").split("-")
    return parts[1] if filename.endswith(".whl") and len(parts) >= _WHEEL_NAME_PARTS else None


def _version_of(filename: str, name: str) -> str | None:
    """The version in a wheel or sdist file name of project ``name`` (normalized), else ``None``."""
    if filename.endswith(".whl"):
        project, version = filename.split("-", 1)[0], wheel_version(filename)
    elif filename.endswith((".tar.gz", ".zip")):
        project, _, version = filename.removesuffix(".tar.gz").removesuffix(".zip").rpartition("-")
    else:
        return None
    return version if version and normalize(project) == name else None


def _pure_wheel(filename: str) -> bool:
    return filename.endswith(("-py3-none-any.whl", "-py2.py3-none-any.whl"))


# -- wheels ------------------------------------------------------------------------------


class Wheel:
    """The text files of a wheel, read on demand and capped (a wheel is a zip someone else made)."""

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile as exc:
            msg = f"{name}: not a wheel (bad zip file)"
            raise Unreachable(msg) from exc
        self._members = {info.filename: info for info in self._zip.infolist() if not info.is_dir()}

    def text(self, path: str) -> str | None:
        """The UTF-8 text of ``path`` inside the wheel; ``None`` when there is no such file."""
        info = self._members.get(path)
        if info is None:
            return None
        if info.file_size > MAX_MEMBER_BYTES:
            msg = f"{self.name}: {path} is {info.file_size} bytes uncompressed; refused"
            raise Unreachable(msg)
        try:
            with self._zip.open(info) as handle:
                data = handle.read(MAX_MEMBER_BYTES + 1)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
            msg = f"{self.name}: {path} cannot be read from the wheel: {exc}"
            raise Unreachable(msg) from exc
        if len(data) > MAX_MEMBER_BYTES:
            msg = f"{self.name}: {path} inflates past {MAX_MEMBER_BYTES} bytes; refused"
            raise Unreachable(msg)
        return data.decode("utf-8", errors="replace")

    def has(self, path: str) -> bool:
        """Whether the wheel holds ``path``."""
        return path in self._members


# -- an installed Open WebUI --------------------------------------------------------------

# The child process: the same offline settings the live tests use, a throwaway data and
# static directory (the app copies assets into its static directory on import), and the
# body FastAPI's /openapi.json route would send (starlette's JSONResponse.render).
_OPENAPI_FROM_APP = r"""
import contextlib, json, os, sys, tempfile
scratch = tempfile.mkdtemp(prefix="mc-openwebui-")
os.environ.update({
    "FROM_INIT_PY": "true", "DATA_DIR": os.path.join(scratch, "data"), "STATIC_DIR": os.path.join(scratch, "static"),
    "WEBUI_SECRET_KEY": "modelcatalog-upstream-check", "OFFLINE_MODE": "true", "HF_HUB_OFFLINE": "1",
    "ENABLE_OLLAMA_API": "false", "ENABLE_OPENAI_API": "false", "OLLAMA_BASE_URL": "http://127.0.0.1:9",
    "ENABLE_VERSION_UPDATE_CHECK": "false", "RAG_EMBEDDING_MODEL": "", "ENABLE_DB_MIGRATIONS": "false",
})
os.makedirs(os.environ["DATA_DIR"])
with contextlib.redirect_stdout(sys.stderr):
    from open_webui.main import app
    document = app.openapi()
body = json.dumps(document, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":"))
with open(sys.argv[1], "wb") as out:
    out.write(body.encode("utf-8"))
"""


def environment_python(env: Path) -> Path:
    """The Python of a virtual environment (``bin/python``; ``Scripts/python.exe`` on Windows)."""
    for candidate in (env / "bin" / "python", env / "Scripts" / "python.exe"):
        if candidate.exists():
            return candidate
    msg = f"{env}: not a Python environment (no bin/python)"
    raise Unreachable(msg)


def installed_version(env: Path, project: str) -> str | None:
    """The version of ``project`` installed in ``env``, from its ``*.dist-info`` (nothing is imported)."""
    name = normalize(project).replace("-", "_")
    for metadata in sorted(env.glob("lib*/python*/site-packages/*.dist-info/METADATA")) + sorted(
        env.glob("Lib/site-packages/*.dist-info/METADATA")
    ):
        dist, _, version = metadata.parent.name.removesuffix(".dist-info").partition("-")
        if normalize(dist).replace("-", "_") == name:
            return version
    return None


def openwebui_document(env: Path, *, timeout: float = OPENWEBUI_APP_TIMEOUT) -> bytes:
    """``/openapi.json`` of the Open WebUI installed in ``env``, from its FastAPI app (no server started).

    ``PYTHONHASHSEED=0``: one route takes a set of methods, and the document lists them in
    set order; the vendored document was served with the same seed.
    """
    python = environment_python(env)
    with tempfile.TemporaryDirectory(prefix="mc-openwebui-") as scratch:
        out = Path(scratch) / "openapi.json"
        env_vars = {**_clean_environment(), "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1"}
        try:
            done = subprocess.run(  # noqa: S603 - our own script, the environment's own Python
                [str(python), "-c", _OPENAPI_FROM_APP, str(out)],
                capture_output=True,
                timeout=timeout,
                env=env_vars,
                cwd=scratch,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            msg = f"{env}: the Open WebUI app did not describe itself within {timeout:.0f} s"
            raise Unreachable(msg) from exc
        if done.returncode != 0 or not out.is_file():
            msg = f"{env}: the Open WebUI app failed: {_last_line(done.stderr)}"
            raise Unreachable(msg)
        return _read_file(out, MAX_DOCUMENT_BYTES)


def _clean_environment() -> dict[str, str]:
    """Our environment, without the variables that would point the child elsewhere."""
    return {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "VIRTUAL_ENV", "WEBUI_", "DATA_DIR", "OPENAI_", "OLLAMA_"))
    }


def _last_line(stderr: bytes) -> str:
    lines = [line.strip() for line in stderr.decode("utf-8", errors="replace").splitlines() if line.strip()]
    return lines[-1][:500] if lines else "no output"


def default_environments(repo: Path) -> Iterator[Path]:
    """Where an Open WebUI environment is looked for when none is named: the test suite's install."""
    yield from sorted((repo / ".cache").glob("openwebui-*/venv"), reverse=True)


def describe_url(url: str) -> str:
    """A URL without its query string or user info, for a report."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}"
