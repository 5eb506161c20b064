"""The ASGI application: ``create_app(settings)``, or ``app_from_environment()`` for uvicorn
workers started by ``posko-central serve --workers N``."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from posko.store.attachments import MAX_ATTACHMENT_BYTES
from posko_central import __version__, agency, api, errors, open311, ratelimit
from posko_central.db import Database, require_current
from posko_central.limits import (
    DEFAULT_BODY_LIMIT,
    DEFAULT_BODY_MAX_TIME,
    DEFAULT_BODY_MIN_RATE,
    DEFAULT_BODY_TIMEOUT,
    BodyLimitMiddleware,
)
from posko_central.logs import RequestContextMiddleware

DESCRIPTION = """\
The contract between Posko desks and a city's central complaint server
(`posko-central`, the reference implementation). This document is the source of truth:
`sync/openapi.yaml` in the Posko repository.

* **Devices.** Each desk is a device of one kecamatan (`posko-central add-device`); it
  exchanges the one-time code for a bearer token at `POST /v1/enrolments` (single use,
  valid 24 hours; wrong codes are braked per client address and per server: 429 with
  `Retry-After`). A desk that sends a random `nonce` with the code may repeat the exchange
  with the same code and nonce when the answer was lost, until the code expires: a fresh
  token, the earlier one ended. Device tokens do not expire; they end when revoked. Every
  other `/v1` call carries `Authorization: Bearer <token>` and sees only its own kecamatan:
  another kecamatan's ticket is answered exactly like one that does not exist.
* **Push.** `POST /v1/changes` with an `Idempotency-Key`: the same key with the same body
  returns the first answer byte for byte; with another body, 409. Each change is answered
  `accepted`, `conflict` (with the server's version; the server wins on status) or
  `rejected` (with a reason). A ticket's client UUID never makes a second ticket.
* **Pull.** `GET /v1/changes?cursor=` pages through everything of the kecamatan that changed
  after the cursor, each entity once at its newest state, with tombstones (`op: delete`).
  Cursors are opaque, stable across restarts, and never skip a change committed later.
* **Errors.** Every 4xx has the shape `Error`; Open311 paths use GeoReport v2's array.
  A request body that stalls or trickles (not complete 30 seconds after the request head,
  plus 1 second per 16 KiB received; configurable) is answered 408 and the connection closed.
* **Privacy.** NIKs are never sent to the server (`has_nik` only); Open311 never returns
  reporter identity.
* **Agencies.** `GET /v1/agency/tickets` (by cursor, like the pull) and
  `GET /v1/agency/tickets/{ref}` give an agency (`posko-central agency add`, its own
  `AgencyToken`; device tokens are refused there, and agency tokens everywhere else)
  read-only access to the tickets dispatched to it in its kecamatan, with the reporter's
  kind only: never a name, phone, NIK or an officer's free text.
"""


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str
    max_body: int = DEFAULT_BODY_LIMIT
    max_attachment: int = MAX_ATTACHMENT_BYTES
    # Seconds for a request body to arrive after its head, plus 1 s per `body_min_rate`
    # bytes received, at most `body_max_time` (else 408 and the connection closed).
    body_timeout: float = DEFAULT_BODY_TIMEOUT
    body_min_rate: int = DEFAULT_BODY_MIN_RATE
    body_max_time: float = DEFAULT_BODY_MAX_TIME
    # Wrong enrolment codes allowed per client address / per server in `enrol_window` s.
    enrol_failures_per_address: int = ratelimit.PER_ADDRESS
    enrol_failures_overall: int = ratelimit.GLOBAL
    enrol_window: float = ratelimit.WINDOW_SECONDS


def build_openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema is None:
        schema = get_openapi(title="Posko central server", version=__version__,
                             openapi_version="3.1.0", description=DESCRIPTION,
                             routes=app.routes, servers=None)
        schema["info"]["license"] = {"name": "GPL-3.0-or-later",
                                     "identifier": "GPL-3.0-or-later"}
        # FastAPI registers its own 422 shapes even when every route documents ours.
        components = schema.get("components", {}).get("schemas", {})
        for unused in ("HTTPValidationError", "ValidationError"):
            components.pop(unused, None)
        app.openapi_schema = schema
    return app.openapi_schema


def create_app(settings: Settings, db: Database | None = None) -> FastAPI:
    database = db or Database(settings.db_url)
    require_current(database)
    app = FastAPI(title="Posko central server", version=__version__, docs_url="/docs",
                  redoc_url=None, openapi_url="/openapi.json")
    app.state.db = database
    app.state.enrolment_limiter = ratelimit.AttemptLimiter.create(
        settings.enrol_failures_per_address, settings.enrol_failures_overall,
        settings.enrol_window)
    app.include_router(api.router)
    app.include_router(open311.router)
    app.include_router(agency.router)
    errors.install(app)
    app.add_middleware(BodyLimitMiddleware, default_limit=settings.max_body,
                       attachment_limit=settings.max_attachment,
                       body_timeout=settings.body_timeout, min_rate=settings.body_min_rate,
                       max_time=settings.body_max_time)
    app.add_middleware(RequestContextMiddleware)
    app.openapi = lambda: build_openapi(app)  # type: ignore[method-assign]
    return app


ENV_DB = "POSKO_CENTRAL_DB"
ENV_MAX_BODY = "POSKO_CENTRAL_MAX_BODY"
ENV_BODY_TIMEOUT = "POSKO_CENTRAL_BODY_TIMEOUT"


def app_from_environment() -> FastAPI:
    """uvicorn factory for worker processes: settings come from the environment."""
    return create_app(Settings(
        db_url=os.environ[ENV_DB],
        max_body=int(os.environ.get(ENV_MAX_BODY, DEFAULT_BODY_LIMIT)),
        body_timeout=float(os.environ.get(ENV_BODY_TIMEOUT, DEFAULT_BODY_TIMEOUT))))
