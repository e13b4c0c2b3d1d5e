"""Fake provider servers on ``httpx.MockTransport`` that filter the way each provider documents.

Each fake holds raw JSON records and answers the list operation with the provider's
own pagination, applying the provider's server-side filters as documented (and, where
a provider is looser than the catalog query, looser: Scenario's tags match any, Open
WebUI's tag matches anywhere in ``meta``). Requests that break a documented rule (a
Scenario date filter without its sortBy, tags outside privacy=public) are answered 400,
so a test also proves the catalog only pushes combinations the provider accepts.
``requests`` logs every query the fake saw.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from modelcatalog import Client, HTTPSettings, RetryPolicy

BASE_URL = "https://127.0.0.1:9"
CREDENTIALS: dict[str, dict[str, str]] = {
    "scenario": {"api_key": "sc-key", "api_secret": "sc-secret"},
    "truefoundry": {"api_key": "tfy-token"},
    "openwebui": {"api_key": "sk-owui"},
    "modelslab": {"api_key": "ml-key"},
}
Record = dict[str, Any]
EPOCH = datetime(2024, 1, 1, tzinfo=UTC)


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _bad(message: str) -> httpx.Response:
    return httpx.Response(400, json={"error": message})


class FakeProvider:
    """Base: a request log and a MockTransport that routes to ``handle``."""

    def __init__(self, records: list[Any]) -> None:
        self.records = records
        self.requests: list[dict[str, str]] = []
        self.returned = 0
        self.fail_with: int | None = None

    def handle(self, request: httpx.Request) -> httpx.Response:
        raise NotImplementedError

    def _route(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(dict(request.url.params))
        if self.fail_with is not None:
            return httpx.Response(self.fail_with, json={"detail": "down"})
        return self.handle(request)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self._route)

    def settings(self) -> HTTPSettings:
        return HTTPSettings(transport=self.transport(), retry=RetryPolicy(max_attempts=1))


def client(provider: str, fake: FakeProvider) -> Client:
    return Client(provider, base_url=BASE_URL, http=fake.settings(), **CREDENTIALS[provider])


# --------------------------------------------------------------------------- Scenario


class FakeScenario(FakeProvider):
    """GET /v1/models with the rules of scenario-list-models-api-reference.md."""

    PUBLIC_ONLY = ("tags", "types", "collectionIds", "updatedAfter", "updatedBefore")

    def handle(self, request: httpx.Request) -> httpx.Response:  # noqa: C901
        params = request.url.params
        privacy = params.get("privacy", "private")
        if privacy == "private":
            for name in self.PUBLIC_ONLY:
                if name in params:
                    return _bad(f"{name} is only available when privacy=public")
        sort_by = params.get("sortBy")
        if ("createdAfter" in params or "createdBefore" in params) and sort_by != "createdAt":
            return _bad("createdAfter/createdBefore require sortBy=createdAt")
        if ("updatedAfter" in params or "updatedBefore" in params) and sort_by != "updatedAt":
            return _bad("updatedAfter/updatedBefore require sortBy=updatedAt")
        if privacy == "private" and sort_by == "updatedAt":
            return _bad("private listings sort by createdAt or score")
        shows = ("public",) if privacy == "public" else ("private", "unlisted")
        rows = [r for r in self.records if r["privacy"] in shows]
        if "tags" in params:
            wanted = set(params["tags"].split(","))
            rows = [r for r in rows if wanted & set(r["tags"])]  # looser than ours: any tag
        if "types" in params:
            types = set(params["types"].split(","))
            rows = [r for r in rows if r["type"] in types]
        for wire, key, op in (
            ("createdAfter", "createdAt", ">"),
            ("createdBefore", "createdAt", "<"),
            ("updatedAfter", "updatedAt", ">"),
            ("updatedBefore", "updatedAt", "<"),
        ):
            if wire in params:
                bound = datetime.fromisoformat(params[wire])
                rows = [r for r in rows if _compare(datetime.fromisoformat(r[key]), op, bound)]
        field = {"createdAt": "createdAt", "updatedAt": "updatedAt"}.get(sort_by or "createdAt", "createdAt")
        rows.sort(key=lambda r: (r[field], r["id"]), reverse=params.get("sortDirection", "desc") == "desc")
        start = int(params.get("paginationToken", "0"))
        size = int(params.get("pageSize", "100"))
        page = rows[start : start + size]
        self.returned += len(page)
        body: Record = {"models": page}
        if start + size < len(rows):
            body["nextPaginationToken"] = str(start + size)
        return httpx.Response(200, json=body)


def _compare(value: datetime, op: str, bound: datetime) -> bool:
    return value > bound if op == ">" else value < bound


SCENARIO_TYPES = ("flux.1-lora", "sd-xl-lora", "sd-1_5", "custom", "gpt-image-1")
SCENARIO_PRIVACY = ("private", "public", "unlisted", "public", "private")
SCENARIO_TAGS = (["anime"], ["anime", "portrait"], [], ["Anime"], ["portrait", "sci-fi"], ["anime", "sci-fi"])


def scenario_record(n: int) -> Record:
    """Shaped like the SDK reference's example, with real values."""
    created = EPOCH + timedelta(hours=7 * n, milliseconds=n % 3)
    record: Record = {
        "id": f"model_{n:04d}eyVcnFJcR92BxBkz7N6g5w",
        "capabilities": ["txt2img", "img2img"] if n % 2 else ["txt2img"],
        "collectionIds": [],
        "createdAt": iso(created),
        "custom": n % 5 == 3,
        "exampleAssetIds": [],
        "privacy": SCENARIO_PRIVACY[n % 5],
        "source": "scenario",
        "status": ("trained", "training", "failed")[n % 3],
        "tags": SCENARIO_TAGS[n % 6],
        "trainingImagesNumber": 12,
        "type": SCENARIO_TYPES[n % 5],
        "updatedAt": iso(created + timedelta(days=n % 4)),
        "name": f"Cinematic Realism {n}" if n % 7 else f"cinematic REALISM {n}",
        "ownerId": "team_VFhihHKMRZyDDnZAJwLb2Q",
    }
    return record


# --------------------------------------------------------------------------- TrueFoundry


class FakeTrueFoundry(FakeProvider):
    """GET /api/ml/v1/models: offset/limit, a total, ``name`` as an exact filter."""

    def handle(self, request: httpx.Request) -> httpx.Response:
        params = request.url.params
        rows = self.records
        if "name" in params:
            rows = [r for r in rows if r["name"] == params["name"]]
        offset, limit = int(params.get("offset", "0")), int(params.get("limit", "100"))
        page = rows[offset : offset + limit]
        self.returned += len(page)
        return httpx.Response(
            200, json={"data": page, "pagination": {"total": len(rows), "offset": offset, "limit": limit}}
        )


FRAMEWORKS = (
    {"type": "transformers", "library_name": "transformers", "pipeline_tag": "text-generation", "base_model": "gpt2"},
    {"type": "sklearn"},
    {"type": "pytorch"},
)


def truefoundry_record(n: int) -> Record:
    name = f"churn-model-{n % 40}"
    created = EPOCH + timedelta(hours=5 * n)
    record: Record = {
        "id": f"0c6e4d52-{n:04d}-4b7c-9e1a-3f6a2b8d1c0e",
        "ml_repo_id": "b1a2c3d4-0000-4e5f-8a9b-0123456789ab",
        "type": "model",
        "name": name,
        "fqn": f"model:acme/ml-repo/{name}-{n}",
        "created_by_subject": {"subjectId": "u-42", "subjectType": "user", "subjectSlug": "jane@acme.example"},
        "created_at": iso(created),
        "updated_at": iso(created + timedelta(hours=1)),
    }
    if n % 4:
        record["latest_version"] = {
            "id": f"v-{n}",
            "fqn": f"model:acme/ml-repo/{name}-{n}:{n % 3 + 1}",
            "created_by_subject": record["created_by_subject"],
            "manifest": {
                "name": name,
                "metadata": {},
                "ml_repo": "ml-repo",
                "version": n % 3 + 1,
                "type": "model-version",
                "source": {"type": "truefoundry", "uri": f"s3://bucket/models/{name}"},
                "framework": FRAMEWORKS[n % 3],
            },
            "ml_repo_id": "b1a2c3d4-0000-4e5f-8a9b-0123456789ab",
            "model_id": record["id"],
            "tags": ["prod"] if n % 2 else ["prod", "nightly"],
        }
    return record


# --------------------------------------------------------------------------- Open WebUI


class FakeOpenWebUI(FakeProvider):
    """GET /api/v1/models/list as Open WebUI 0.12.4's search_models answers it."""

    PAGE = 30

    def handle(self, request: httpx.Request) -> httpx.Response:
        params = request.url.params
        rows = [r for r in self.records if r.get("base_model_id") is not None]
        filtered = any(k in params for k in ("query", "tag", "view_option", "order_by", "direction"))
        if q := params.get("query"):
            q = q.lower()
            user_fields = lambda r: [(r.get("user") or {}).get(k) or "" for k in ("name", "email")]  # noqa: E731
            rows = [
                r
                for r in rows
                if q in r["name"].lower()
                or q in r["base_model_id"].lower()
                or any(q in f.lower() for f in user_fields(r))
            ]
        if tag := params.get("tag"):
            needle = f'"{tag.lower()}"'
            rows = [r for r in rows if needle in json.dumps(r["meta"]).lower()]
        order_by = params.get("order_by")
        if order_by in ("name", "created_at", "updated_at"):
            rows.sort(key=lambda r: r[order_by], reverse=params.get("direction") != "asc")
        elif not filtered:
            rows.sort(key=lambda r: r["created_at"], reverse=True)
        # a filtered query without order_by has no ORDER BY: leave the rows in storage order
        page_no = int(params.get("page", "1"))
        page = rows[(page_no - 1) * self.PAGE : page_no * self.PAGE]
        self.returned += len(page)
        return httpx.Response(200, json={"items": page, "total": len(rows)})


def openwebui_record(n: int) -> Record:
    created = int(EPOCH.timestamp()) + 3600 * n
    grants: list[Record] = [
        [],
        [_grant(n, "user", "*")],
        [_grant(n, "group", "g-1")],
    ][n % 3]
    return {
        "id": f"custom-gpt-{n}",
        "user_id": "user123",
        "base_model_id": "gpt-4" if n % 9 else None,
        "name": f"Custom GPT-4 #{n}" if n % 5 else "Custom GPT-4",
        "params": {"temperature": 0.7},
        "meta": {
            "profile_image_url": "/static/favicon.png",
            "description": "A customized GPT-4 model for specific tasks",
            "capabilities": {"vision": bool(n % 2), "function_calling": True},
            "tags": [{"name": t} for t in (["anime"], ["Anime", "chat"], [], ["chat"])[n % 4]],
        },
        "access_grants": grants,
        "is_active": n % 6 != 0,
        "write_access": True,
        "user": {"id": "user123", "name": "John Doe", "role": "admin", "email": "john@example.com"},
        "created_at": created,
        "updated_at": created + 60 * (n % 7),
    }


def _grant(n: int, principal_type: str, principal_id: str) -> Record:
    return {
        "id": f"grant-{n}",
        "resource_type": "model",
        "resource_id": f"custom-gpt-{n}",
        "principal_type": principal_type,
        "principal_id": principal_id,
        "permission": "read",
        "created_at": 1704067200,
    }


# --------------------------------------------------------------------------- ModelsLab


class FakeModelsLab(FakeProvider):
    """POST /api/v3/finetune_list (ids) and POST /api/v4/dreambooth/model_list (public models)."""

    def __init__(self, trained: list[str], public: list[Record]) -> None:
        super().__init__(public)
        self.trained = trained
        self.paths: list[str] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.paths.append(request.url.path)
        if request.url.path.endswith("/finetune_list"):
            self.returned += len(self.trained)
            return httpx.Response(200, json={"status": "success", "messege": "model list", "data": self.trained})
        self.returned += len(self.records)
        return httpx.Response(200, json=self.records)


def modelslab_public_record(n: int) -> Record:
    return {
        "model_id": f"midjourney-v{n}",
        "status": "model_ready",
        "created_at": None if n % 2 else f"2024-0{n % 9 + 1}-01 10:00:00",
        "instance_prompt": "mdjrny-v4 style",
        "model_name": f"MidJourney V{n}",
        "description": "Openjourney is an open source Stable Diffusion fine tuned model on Midjourney images",
        "screenshots": "https://d1okzptojspljx.cloudfront.net/generations/14853540911669470514.png",
    }
