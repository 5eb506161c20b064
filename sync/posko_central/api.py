"""The /v1 routes (desk sync) and /healthz."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Query, Request
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import text
from starlette.concurrency import run_in_threadpool

from posko import catalogues
from posko_central import __version__, service
from posko_central import schemas as s
from posko_central.auth import Caller, authenticate, enrol
from posko_central.db import Database
from posko_central.errors import ApiError, json_bytes
from posko_central.ratelimit import AttemptLimiter

bearer = HTTPBearer(auto_error=False, scheme_name="DeviceToken",
                    description="The device token from POST /v1/enrolments (Open311: also "
                                "accepted as api_key).")


def get_db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def current_device(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Caller:
    if credentials is None and request.headers.get("authorization"):
        raise ApiError(401, "invalid_token", "Header Authorization harus 'Bearer <token>'.",
                       "The Authorization header must be 'Bearer <token>'.",
                       headers={"WWW-Authenticate": 'Bearer realm="posko-central"'})
    caller = authenticate(get_db(request), credentials.credentials if credentials else None)
    request.scope.setdefault("state", {})["device_id"] = caller.public_id
    return caller


Device = Annotated[Caller, Depends(current_device)]
Db = Annotated[Database, Depends(get_db)]


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    texts = {400: "Bad request", 401: "Missing, unknown or revoked device token",
             404: "Not found (also: another kecamatan's)",
             409: "Idempotency-Key reused with a different body", 410: "Cursor from another "
             "server database", 413: "Body too large", 422: "Invalid data (field errors)"}
    return {code: {"model": s.Error, "description": texts[code]} for code in codes}


router = APIRouter()


@router.get("/healthz", response_model=s.Health, tags=["server"],
            responses={503: {"model": s.Error, "description": "Database unreachable"}})
def healthz(db: Db) -> Any:
    try:
        with db.read() as session:
            session.execute(text("SELECT 1"))
    except Exception:
        raise ApiError(503, "database_unavailable", "Basis data tidak dapat dihubungi.",
                       "The database cannot be reached.") from None
    return s.Health(status="ok", version=__version__, database=db.engine.dialect.name)


@router.post("/v1/enrolments", response_model=s.EnrolmentResponse, status_code=201,
             tags=["devices"], responses={**_errors(400, 413, 422), 429: {
                 "model": s.Error, "headers": {"Retry-After": {
                     "description": "Seconds to wait before the next attempt.",
                     "schema": {"type": "integer", "minimum": 1}}},
                 "description": "Too many wrong codes from this address or in total "
                                "(10 per address, 100 per server in 15 minutes); every "
                                "attempt is refused until Retry-After has passed."}},
             summary="Exchange a one-time enrolment code for a device token")
def enrolments(request: Request, body: s.EnrolmentRequest, db: Db) -> s.EnrolmentResponse:
    limiter: AttemptLimiter = request.app.state.enrolment_limiter
    address = request.client.host if request.client else "-"
    limiter.check(address)
    try:
        token, device = enrol(db, body.code, body.nonce)
    except ApiError as exc:
        if exc.code in ("enrolment_code_invalid", "enrolment_code_expired"):
            limiter.failed(address)
        raise
    return s.EnrolmentResponse(
        token=token, device_id=device.public_id, device_name=device.name,
        kecamatan_code=device.kecamatan_code,
        kecamatan_name=catalogues.kecamatan(device.kecamatan_code).label,
        desk_number=device.desk_number)


IdempotencyKey = Annotated[str, Header(
    alias="Idempotency-Key", min_length=1, max_length=200, pattern=r"^[\x21-\x7e]+$",
    description="One key per batch (the desk uses its outbox row UUID). Same key and same "
                "body: the first answer again, byte for byte; same key, other body: 409.")]


@router.post("/v1/changes", response_model=s.PushResponse, tags=["sync"],
             responses=_errors(400, 401, 409, 413, 422),
             summary="Push a batch of desk changes (idempotent)")
async def push_changes(request: Request, body: s.PushRequest, caller: Device, db: Db,
                       idempotency_key: IdempotencyKey) -> Response:
    raw = await request.body()
    answer = await run_in_threadpool(service.push, db, caller, idempotency_key, raw, body)
    headers = {"Idempotent-Replayed": "true"} if answer.replayed else {}
    return Response(answer.body, status_code=answer.status, media_type="application/json",
                    headers=headers)


@router.get("/v1/changes", response_model=s.PullResponse, tags=["sync"],
            responses=_errors(400, 401, 410, 422),
            summary="Pull changes of this device's kecamatan after a cursor")
def pull_changes(
    caller: Device, db: Db,
    cursor: Annotated[str | None, Query(max_length=200, pattern=r"^[A-Za-z0-9_-]*$",
                                        description="Opaque; empty or absent: from the "
                                                    "start.")] = None,
    limit: Annotated[int, Query(ge=1, le=s.MAX_PAGE)] = 200,
) -> Response:
    # The page is built as plain dicts and sent as JSON bytes: FastAPI documents
    # `response_model` (the contract) but does not validate and re-encode every item again.
    page = service.pull(db, caller, cursor, limit)
    return Response(json_bytes(page), media_type="application/json")


@router.get("/v1/tickets", response_model=s.SearchResponse, tags=["tickets"],
            responses=_errors(401, 422), summary="Search this kecamatan's tickets")
def search_tickets(
    caller: Device, db: Db,
    q: Annotated[str, Query(min_length=1, max_length=200, pattern=s.LINE_PATTERN,
                            description="Words matched against tracking code, app "
                                        "number, reporter name or phone, address, "
                                        "description.")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> s.SearchResponse:
    return s.SearchResponse(tickets=service.search(db, caller, q, limit))


@router.get("/v1/tickets/{ref}", response_model=s.TicketDetail, tags=["tickets"],
            responses=_errors(401, 404, 422),
            summary="One ticket by tracking code, external reference (QLUE 1234567) or UUID")
def get_ticket(
    caller: Device, db: Db,
    ref: Annotated[str, Path(min_length=1, max_length=100, pattern=s.LINE_PATTERN)],
) -> s.TicketDetail:
    return service.ticket_detail(db, caller, ref)


Sha256Path = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$",
                                 description="Lower-case hex SHA-256 of the content.")]

_UPLOAD = {
    "requestBody": {"required": True, "content": {"application/octet-stream": {
        "schema": {"type": "string", "contentMediaType": "application/octet-stream"}}}},
}


@router.put("/v1/attachments/{sha256}", response_model=s.AttachmentUploaded, tags=["sync"],
            status_code=201, openapi_extra=_UPLOAD,
            responses={200: {"model": s.AttachmentUploaded,
                             "description": "Already there: nothing changed"},
                       **_errors(401, 413, 422)},
            summary="Upload a file by its SHA-256 (a repeat is a no-op)")
async def put_attachment(request: Request, sha256: Sha256Path, caller: Device,
                         db: Db) -> Response:
    body = await request.body()
    result = await run_in_threadpool(service.store_blob, db, caller, sha256, body)
    return Response(json_bytes(result.model_dump(mode="json")),
                    status_code=201 if result.created else 200, media_type="application/json")


@router.get("/v1/attachments/{sha256}", tags=["sync"], response_class=Response,
            responses={200: {"content": {"application/octet-stream": {"schema": {
                "type": "string", "contentMediaType": "application/octet-stream"}}},
                "description": "The file"}, **_errors(401, 404, 422)},
            summary="Download a file of this kecamatan")
def get_attachment(sha256: Sha256Path, caller: Device, db: Db) -> Response:
    return Response(service.load_blob(db, caller, sha256), media_type="application/octet-stream")
