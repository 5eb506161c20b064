"""The reference server's route table, for tests that must cover every endpoint.

Tests parametrise over :data:`ROUTES` (read from the routers at collection time) and check
at run time that the running app has exactly these routes, so a new endpoint shows up as a
new test case that fails until someone writes its probe.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import requests
from fastapi.routing import APIRoute
from posko_central import agency, api, open311
from posko_central.app import Settings, create_app
from posko_central.db import Database, migrate

# Endpoints that need no device token (and hold no kecamatan's data).
PUBLIC = frozenset({
    ("GET", "/healthz"),
    ("POST", "/v1/enrolments"),
    ("GET", "/open311/v2/discovery.json"),
    ("GET", "/open311/v2/services.json"),
})

ERROR_KEYS = {"code", "message_id", "message_en", "field", "errors"}


def _routes(routes: list[Any]) -> list[tuple[str, str]]:
    found = set()
    for route in routes:
        if isinstance(route, APIRoute):
            for method in route.methods:
                if method != "HEAD":
                    found.add((method, route.path))
    return sorted(found, key=lambda r: (r[1], r[0]))


ROUTES: list[tuple[str, str]] = _routes([*api.router.routes, *open311.router.routes,
                                         *agency.router.routes])
AUTHENTICATED: list[tuple[str, str]] = [r for r in ROUTES if r not in PUBLIC]


def _walk(routes: list[Any]) -> list[Any]:
    found: list[Any] = []
    for route in routes:
        # FastAPI >= 0.12x keeps included routers as one entry holding `original_router`.
        inner = getattr(getattr(route, "original_router", None), "routes", None)
        if inner is None and not isinstance(route, APIRoute):
            inner = getattr(route, "routes", None)
        found += _walk(list(inner)) if inner is not None else [route]
    return found


def app_routes(app: Any) -> list[tuple[str, str]]:
    """The API routes a running app serves (FastAPI's own /docs and /openapi.json aside)."""
    return _routes(_walk(list(app.routes)))


def documented_routes(app: Any) -> list[tuple[str, str]]:
    """The operations of the app's generated OpenAPI document."""
    paths = app.openapi()["paths"]
    return sorted(((method.upper(), path) for path, item in paths.items() for method in item),
                  key=lambda r: (r[1], r[0]))


def route_id(route: tuple[str, str]) -> str:
    return f"{route[0]} {route[1]}"


def is_open311(path: str) -> bool:
    return path.startswith("/open311/")


def is_agency(path: str) -> bool:
    """Routes for agency tokens (`posko-central agency add`); device tokens are refused."""
    return path.startswith("/v1/agency/")


def assert_error_shape(answer: Any, status: int | tuple[int, ...]) -> Any:
    """The one error shape: `Error` on /v1 and /healthz, GeoReport v2's array on Open311."""
    statuses = (status,) if isinstance(status, int) else status
    assert answer.status_code in statuses, (answer.status_code, answer.text[:300])
    assert answer.headers["content-type"].startswith("application/json"), answer.headers
    body = answer.json()
    if is_open311(answer.request.path_url):
        assert isinstance(body, list), body
        assert len(body) == 1, body
        assert set(body[0]) == {"code", "description"}, body
        assert body[0]["code"] == answer.status_code
    else:
        assert isinstance(body, dict), body
        assert set(body) == ERROR_KEYS, body
    return body


@contextmanager
def serve_backend(name: str, request: Any, tmp_path_factory: Any,
                  **settings: Any) -> Iterator[Any]:
    """The real app over HTTP on 127.0.0.1 with a fresh database of backend `name`
    ("sqlite" or "postgresql"; the test module must import the `pg_cluster` fixture)."""
    from tests.sync.conftest import Server, ServerThread, database_url

    url = database_url(name, request, tmp_path_factory)
    db = Database(url)
    migrate(db)
    app = create_app(Settings(db_url=url, **settings), db)
    try:
        with ServerThread(app) as base, requests.Session() as session:
            yield Server(base, db, name, session)
    finally:
        db.close()
