"""A real Open WebUI server for the integration tests: install it, start it offline, seed it.

Why a script and not a nox session of its own: CI warms the install with
``python3 noxfile.py -s openwebui`` (which only calls ``install``), the pytest fixture
calls the same functions, and a developer can run ``python tests/integration/openwebui_env.py
install|serve`` with nothing but the system Python (standard library only for ``install``).

What is installed: ``openwebui-requirements.txt``, a hash-locked list of open-webui and the
distributions its server imports to serve the models API and ``/openapi.json`` offline
(no torch, no CUDA), installed with ``--no-deps`` (``locked_venv.py``; how the list is made:
``openwebui_lock.py``). The venv lives in ``.cache/openwebui-<version>/venv`` (gitignored),
or wherever ``MODELCATALOG_OPENWEBUI_VENV`` points; a changed lock rebuilds it.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import hashlib
import json
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from locked_venv import InstallResult, LockedVenv, peer_venv
from peer_process import (
    LOG_NAME,
    LOOPBACK,
    Peer,
    ServerStartError,
    peer_environment,
    running,
    serve_until_interrupted,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    import httpx

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LOCK = HERE / "openwebui-requirements.txt"
OPENWEBUI_VERSION = "0.12.4"  # what the lock holds (openwebui_lock.py writes it for this version)
VENV_ENV = "MODELCATALOG_OPENWEBUI_VENV"

ADMIN_EMAIL = "admin@modelcatalog.test"
ADMIN_PASSWORD = "admin-password-for-loopback-tests"
ADMIN_NAME = "Catalog Admin"
START_TIMEOUT_S = 240.0


def locked_venv(env_dir: Path | None = None) -> LockedVenv:
    """The Open WebUI venv: ``env_dir``, else ``$MODELCATALOG_OPENWEBUI_VENV``, else one in ``.cache/``."""
    return peer_venv(
        f"open-webui {OPENWEBUI_VERSION}",
        LOCK,
        ROOT / ".cache" / f"openwebui-{OPENWEBUI_VERSION}" / "venv",
        VENV_ENV,
        env_dir,
    )


def executable(env_dir: Path | None = None) -> Path:
    """The ``open-webui`` console script inside the venv."""
    return locked_venv(env_dir).script("open-webui")


def is_installed(env_dir: Path | None = None) -> bool:
    """True when the venv holds exactly the lock (its marker is written after pip succeeds)."""
    return locked_venv(env_dir).is_installed()


def install(env_dir: Path | None = None) -> InstallResult:
    """Create the venv and install the lock into it, unless it holds it already."""
    return locked_venv(env_dir).install()


# --------------------------------------------------------------------------- server


def server_environment(data_dir: Path, port: int) -> dict[str, str]:
    """The offline environment, checked against open_webui/env.py and config.py of 0.12.4.

    Nothing else of ``os.environ`` (``peer_environment``): a developer's own ``DATABASE_URL``,
    ``OPENAI_API_KEY`` or ``ENV`` never reaches the test server.
    """
    return peer_environment(
        {
            "DATA_DIR": str(data_dir),
            "PORT": str(port),
            # ENV=dev is what makes main.py serve /openapi.json and /docs (None otherwise).
            "ENV": "dev",
            "WEBUI_SECRET_KEY": secrets.token_hex(32),
            # OFFLINE_MODE also forces HF_HUB_OFFLINE=1 and turns the version check off (env.py).
            "OFFLINE_MODE": "true",
            "HF_HUB_OFFLINE": "1",
            "HF_HOME": str(data_dir / "hf"),
            "ENABLE_VERSION_UPDATE_CHECK": "false",
            "ENABLE_OLLAMA_API": "false",
            "ENABLE_OPENAI_API": "false",
            "OLLAMA_BASE_URL": f"http://{LOOPBACK}:9",
            # Empty: get_ef() loads no SentenceTransformer at start.
            "RAG_EMBEDDING_MODEL": "",
            # API keys need the global switch, and non-admins also the features.api_keys
            # permission (utils/auth.py get_current_user_by_api_key): both are off by default.
            "ENABLE_API_KEYS": "true",
            "USER_PERMISSIONS_FEATURES_API_KEYS": "true",
            # lets the second user create models of its own (routers/models.py create_new_model)
            "USER_PERMISSIONS_WORKSPACE_MODELS_ACCESS": "true",
            "WEBUI_ADMIN_EMAIL": ADMIN_EMAIL,
            "WEBUI_ADMIN_PASSWORD": ADMIN_PASSWORD,
            "WEBUI_ADMIN_NAME": ADMIN_NAME,
            "ENABLE_SIGNUP": "false",
            "ANONYMIZED_TELEMETRY": "false",
            "SCARF_NO_ANALYTICS": "true",
        }
    )


@dataclasses.dataclass(frozen=True)
class RunningServer:
    """A started Open WebUI: where it listens, where its state and log are."""

    base_url: str
    port: int
    pid: int
    data_dir: Path
    log_path: Path
    start_seconds: float


@contextlib.contextmanager
def running_openwebui(
    env_dir: Path | None = None, *, timeout: float = START_TIMEOUT_S, launcher: list[str] | None = None
) -> Iterator[RunningServer]:
    """Start ``open-webui serve`` on 127.0.0.1 with a fresh DATA_DIR; stop it and delete it on exit.

    ``launcher`` replaces the ``open-webui`` executable (``openwebui_lock.py`` runs the server
    under ``import_trace.py``). The log goes to a file next to (not inside) the data dir; it is
    deleted after a clean run and kept when start-up or the body fails (``peer_process.running``).
    """
    exe = executable(env_dir)
    if launcher is None and not exe.exists():
        raise ServerStartError(f"{exe} is missing: run `python tests/integration/openwebui_env.py install` first")
    work = Path(tempfile.mkdtemp(prefix="modelcatalog-openwebui-"))
    data_dir = work / "data"

    def fresh_data_dir() -> None:
        shutil.rmtree(data_dir, ignore_errors=True)
        data_dir.mkdir()

    try:
        peer = Peer(
            "open-webui",
            lambda port: [*(launcher or [str(exe)]), "serve", "--host", LOOPBACK, "--port", str(port)],
            lambda port: server_environment(data_dir, port),
            "/ready",  # 200 only once startup_complete is set and the database answers
            before_attempt=fresh_data_dir,
        )
        with running(peer, work=work, timeout=timeout) as started:
            yield RunningServer(
                started.base_url, started.port, started.process.pid, data_dir, work / LOG_NAME, started.seconds
            )
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)  # users and keys never outlive the run


# --------------------------------------------------------------------------- seed

ADMIN = "admin"
READER = "reader"
READER_EMAIL = "reader@modelcatalog.test"
READER_PASSWORD = "reader-password-for-loopback-tests"
READER_NAME = "Second Reader"
PAGE_SIZE = 30  # routers/models.py: PAGE_ITEM_COUNT, imported from routers/users.py
ADMIN_MODEL_COUNT = 210
READER_MODEL_COUNT = 6
FAMILIES = ("Atlas", "Borealis", "Cirrus", "Dune", "Ember")
BASE_MODELS = ("llama3.2:3b", "qwen2.5:7b")
# 1x1 PNG: profile_image_url must pass validate_image_url (static paths, http(s), data:image/...)
PIXEL = (
    "data:image/png;base64,"
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


@dataclasses.dataclass(frozen=True)
class Grant:
    """One access grant as the 0.12.4 server stores it (models/access_grants.py)."""

    principal_type: str  # "user" or "group"; ("user", "*") means everyone may read
    principal_id: str
    permission: str  # "read" or "write"


@dataclasses.dataclass(frozen=True)
class SeededModel:
    """A model the seed created, with what the server should do with it."""

    id: str
    name: str
    owner: str  # ADMIN or READER
    base_model_id: str | None
    description: str
    tags: tuple[str, ...]
    capabilities: dict[str, bool] | None
    params: dict[str, Any]
    grants: tuple[Grant, ...]
    # What the server stored in the ``meta`` column (as returned by /models/create),
    # needed to predict the ``tag`` filter, which searches that JSON text.
    stored_meta: dict[str, Any]

    @property
    def listed(self) -> bool:
        """search_models filters ``base_model_id != None``: the rest is never listed."""
        return self.base_model_id is not None

    def readable_by_reader(self) -> bool:
        """Owner, a direct ``read`` grant, or public read; a ``write``-only grant does not list."""
        if self.owner == READER:
            return True
        return any(g.permission == "read" and g.principal_id in {"*", "reader"} for g in self.grants)

    def visible_to(self, who: str) -> bool:
        """Whether ``/api/v1/models/list`` lists it for ``who`` (admin bypasses access control)."""
        return self.listed and (who == ADMIN or self.readable_by_reader())

    def matches_tag(self, tag: str) -> bool:
        """The server's tag filter: ``"<tag>"`` as a substring of the lowercased meta JSON.

        So it matches a tag name, but also any JSON key or string value equal to it
        (a capability called "vision", a description "code", ...).
        """
        return f'"{tag.lower()}"' in json.dumps(self.stored_meta, ensure_ascii=False).lower()


@dataclasses.dataclass(frozen=True)
class RawListing:
    """What ``GET /api/v1/models/list?page=N`` returned, page after page, for one user."""

    total: int
    pages: tuple[tuple[str, ...], ...]

    @property
    def ids(self) -> list[str]:
        return [model_id for page in self.pages for model_id in page]


@dataclasses.dataclass(frozen=True)
class SeededServer:
    """A running, seeded Open WebUI and the facts the tests compare against."""

    base_url: str
    admin_key: str
    user_key: str
    admin_id: str
    user_id: str
    models: tuple[SeededModel, ...]
    raw_listing: dict[str, RawListing]
    openapi_sha256: str
    openapi_bytes: bytes
    seed_seconds: float
    server: RunningServer

    def key_for(self, who: str) -> str:
        return self.admin_key if who == ADMIN else self.user_key

    def visible(self, who: str) -> list[SeededModel]:
        return [m for m in self.models if m.visible_to(who)]

    def expected_ids(self, who: str) -> set[str]:
        return {m.id for m in self.visible(who)}

    @staticmethod
    def matches_query(model: SeededModel, query: str) -> bool:
        """The server's ``query``: case-insensitive substring of name, base model, owner name or email."""
        owner = (ADMIN_NAME, ADMIN_EMAIL) if model.owner == ADMIN else (READER_NAME, READER_EMAIL)
        haystack = (model.name, model.base_model_id or "", *owner)
        return any(query.lower() in text.lower() for text in haystack)


def _check(response: httpx.Response) -> Any:
    if response.status_code != 200:
        raise RuntimeError(
            f"{response.request.method} {response.request.url} -> {response.status_code}: {response.text}"
        )
    return response.json()


def _admin_model_form(i: int, reader_id: str) -> dict[str, Any]:
    """Model ``i`` of the admin's set; the pattern spreads every feature over the 210 models."""
    family = FAMILIES[i % len(FAMILIES)]
    tags = (["Chat"] if i % 3 == 0 else []) + (["code"] if i % 5 == 1 else [])
    capabilities = {"vision": i % 2 == 0, "file_upload": True, "citations": i % 5 == 0} if i % 2 == 0 else None
    grants: list[dict[str, str]] = []
    if i % 4 == 1:  # shared with the reader, read only
        grants.append({"principal_type": "user", "principal_id": reader_id, "permission": "read"})
    if i % 8 == 2:  # public read
        grants.append({"principal_type": "user", "principal_id": "*", "permission": "read"})
    if i % 12 == 6:  # write only: lets the reader edit, but the list filters on "read"
        grants.append({"principal_type": "user", "principal_id": reader_id, "permission": "write"})
    if i % 12 == 9:  # read and write: listed, with write_access and params kept
        grants.append({"principal_type": "user", "principal_id": reader_id, "permission": "read"})
        grants.append({"principal_type": "user", "principal_id": reader_id, "permission": "write"})
    meta: dict[str, Any] = {
        "description": f"{family} model number {i} for the modelcatalog tests",
        "tags": [{"name": t} for t in tags],
        "profile_image_url": PIXEL,
    }
    if capabilities is not None:
        meta["capabilities"] = capabilities
    form: dict[str, Any] = {
        "id": f"mc-{i:03d}",
        "name": f"{family} {i:03d}",
        "meta": meta,
        "params": {"system": f"You are {family} {i:03d}.", "temperature": round(0.1 * (i % 10), 1)},
        "access_grants": grants,
    }
    if i % 10 != 7:  # every tenth model has no base model: stored, never listed
        form["base_model_id"] = BASE_MODELS[i % len(BASE_MODELS)]
    return form


def _reader_model_form(k: int) -> dict[str, Any]:
    return {
        "id": f"reader-{k}",
        "name": f"Reader Notebook {k}",
        "base_model_id": BASE_MODELS[0],  # required for non-admins
        "meta": {"description": "made by the second user", "tags": [{"name": "mine"}]},
        "params": {},
    }


def _to_seeded(created: dict[str, Any], owner: str, reader_id: str) -> SeededModel:
    meta = created.get("meta") or {}
    grants = tuple(
        Grant(g["principal_type"], "reader" if g["principal_id"] == reader_id else g["principal_id"], g["permission"])
        for g in created.get("access_grants") or []
    )
    return SeededModel(
        id=created["id"],
        name=created["name"],
        owner=owner,
        base_model_id=created.get("base_model_id"),
        description=meta.get("description") or "",
        tags=tuple(t["name"] for t in meta.get("tags") or []),
        capabilities=meta.get("capabilities"),
        params=created.get("params") or {},
        grants=grants,
        stored_meta=meta,
    )


def list_all_raw(client: httpx.Client, key: str, **params: str) -> RawListing:
    """Page through ``/api/v1/models/list`` with raw httpx until a short page, as the web UI does."""
    pages: list[tuple[str, ...]] = []
    total = -1
    for page in range(1, 1000):
        body = _check(
            client.get(
                "/api/v1/models/list", params={**params, "page": page}, headers={"Authorization": f"Bearer {key}"}
            )
        )
        total = int(body["total"])
        ids = tuple(item["id"] for item in body["items"])
        if ids:
            pages.append(ids)
        if len(ids) < PAGE_SIZE:
            break
    return RawListing(total=total, pages=tuple(pages))


def seed(server: RunningServer) -> SeededServer:
    """Create the second user, both API keys and 216 models, then read back what each user sees."""
    import httpx  # noqa: PLC0415 - `install` must run on a bare Python; only seeding needs httpx

    started = time.monotonic()
    with httpx.Client(base_url=server.base_url, timeout=60, trust_env=False) as client:
        admin = _check(client.post("/api/v1/auths/signin", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}))
        admin_auth = {"Authorization": f"Bearer {admin['token']}"}
        admin_key = _check(client.post("/api/v1/auths/api_key", headers=admin_auth))["api_key"]
        added = _check(
            client.post(
                "/api/v1/auths/add",
                headers=admin_auth,
                json={"name": READER_NAME, "email": READER_EMAIL, "password": READER_PASSWORD, "role": "user"},
            )
        )
        reader = _check(client.post("/api/v1/auths/signin", json={"email": READER_EMAIL, "password": READER_PASSWORD}))
        if reader["id"] != added["id"] or reader["role"] != "user":
            raise RuntimeError(f"second user came back as {reader['role']!r} {reader['id']!r}")
        reader_auth = {"Authorization": f"Bearer {reader['token']}"}
        user_key = _check(client.post("/api/v1/auths/api_key", headers=reader_auth))["api_key"]

        models: list[SeededModel] = []
        key_auth = {"Authorization": f"Bearer {admin_key}"}  # the API key itself must work for writes too
        for i in range(ADMIN_MODEL_COUNT):
            created = _check(
                client.post("/api/v1/models/create", headers=key_auth, json=_admin_model_form(i, reader["id"]))
            )
            models.append(_to_seeded(created, ADMIN, reader["id"]))
        for k in range(READER_MODEL_COUNT):
            created = _check(client.post("/api/v1/models/create", headers=reader_auth, json=_reader_model_form(k)))
            models.append(_to_seeded(created, READER, reader["id"]))

        raw = {ADMIN: list_all_raw(client, admin_key), READER: list_all_raw(client, user_key)}
        openapi = client.get("/openapi.json")
        openapi.raise_for_status()

    seeded = SeededServer(
        base_url=server.base_url,
        admin_key=admin_key,
        user_key=user_key,
        admin_id=admin["id"],
        user_id=reader["id"],
        models=tuple(models),
        raw_listing=raw,
        openapi_sha256=hashlib.sha256(openapi.content).hexdigest(),
        openapi_bytes=openapi.content,
        seed_seconds=time.monotonic() - started,
        server=server,
    )
    for who, listing in raw.items():
        expected = seeded.expected_ids(who)
        if listing.total != len(expected) or set(listing.ids) != expected or len(listing.ids) != len(expected):
            raise RuntimeError(
                f"{who}: server lists total={listing.total}, {len(listing.ids)} ids "
                f"({len(set(listing.ids))} distinct); the seed expects {len(expected)}"
            )
    return seeded


# --------------------------------------------------------------------------- command line


def _serve(args: argparse.Namespace) -> int:
    try:
        import httpx  # noqa: F401, PLC0415
    except ModuleNotFoundError:
        sys.exit("serve seeds over HTTP with httpx: run it with the tests' Python, .nox/tests/bin/python")
    install()
    with running_openwebui() as server:
        print(f"started {server.base_url} in {server.start_seconds:.1f}s (log {server.log_path})", flush=True)  # noqa: T201
        if not args.no_seed:
            seeded = seed(server)
            print(  # noqa: T201
                f"seeded {len(seeded.models)} models in {seeded.seed_seconds:.1f}s\n"
                f"  admin key  {seeded.admin_key}  lists {seeded.raw_listing[ADMIN].total}\n"
                f"  reader key {seeded.user_key}  lists {seeded.raw_listing[READER].total}\n"
                f"  /openapi.json sha256 {seeded.openapi_sha256}",
                flush=True,
            )
        if args.once:
            return 0
        serve_until_interrupted()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("install", help="create the venv and install the pinned open-webui (idempotent)")
    serve = sub.add_parser("serve", help="install if needed, start on 127.0.0.1, seed, wait for Ctrl-C")
    serve.add_argument("--no-seed", action="store_true", help="start an empty server")
    serve.add_argument("--once", action="store_true", help="stop right after seeding (a smoke test)")
    args = parser.parse_args(argv)
    if args.command == "install":
        install()  # says what it did
        return 0
    return _serve(args)


if __name__ == "__main__":
    sys.exit(main())
