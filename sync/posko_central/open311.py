"""Open311 GeoReport v2 facade: discovery, services, requests (GET/POST), one request, tokens.

Field names are the specification's. ``status`` is ``open`` or ``closed``; the finer status
is given as ``extended_status`` with FixMyStreet's vocabulary (investigating,
action_scheduled, in_progress, fixed, duplicate, not_councils_responsibility,
no_further_action) and as ``posko_status`` (our code). Errors are the specification's array
of ``{code, description}``.

Scope and privacy: ``requests`` need an ``api_key`` (a device token, also accepted as
``Authorization: Bearer``) and show only that device's kecamatan. No reporter identity is
ever returned (no name, phone, e-mail, NIK); ``status_notes`` is built from the status and
the agency, never from an officer's free text, which may name people.
``address_id`` is the Kemendagri kelurahan code.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal
from urllib.parse import parse_qsl

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from starlette.concurrency import run_in_threadpool

from posko import catalogues
from posko.domain.errors import PoskoError
from posko.domain.models import Location, Origin, Reporter, ReporterKind, Ticket
from posko.domain.phone import normalize_phone
from posko.domain.status import Status
from posko_central import __version__
from posko_central import schemas as s
from posko_central.api import bearer
from posko_central.auth import Caller, authenticate
from posko_central.db import Database
from posko_central.errors import ApiError, json_bytes
from posko_central.models import AuditRow, StatusEventRow, TicketRow
from posko_central.service import (
    FeedTouch,
    allocate_server_code,
    find_ticket,
    local_timezone,
    resolution_due,
    touch_ticket,
    write_feed,
)

SPEC_URL = "http://wiki.open311.org/GeoReport_v2"
MAX_RESULTS = 1000
DEFAULT_WINDOW = timedelta(days=90)

EXTENDED: dict[Status, str] = {
    Status.RECEIVED: "open",
    Status.VERIFIED: "investigating",
    Status.DISPATCHED: "action_scheduled",
    Status.IN_PROGRESS: "in_progress",
    Status.AWAITING_VALIDATION: "in_progress",
    Status.FOLLOWUP_REJECTED: "in_progress",
    Status.REOPENED: "open",
    Status.DONE: "fixed",
    Status.REJECTED: "no_further_action",
    Status.NOT_OUR_AUTHORITY: "not_councils_responsibility",
    Status.MERGED: "duplicate",
}


def open_or_closed(status: Status) -> Literal["open", "closed"]:
    return "open" if status.is_open else "closed"


# ------------------------------------------------------------------------------ models


class Open311Error(BaseModel):
    code: int
    description: str


class Endpoint(BaseModel):
    specification: str
    url: str
    changeset: str
    type: Literal["production", "test"]
    formats: list[str]


class Discovery(BaseModel):
    changeset: str
    contact: str
    key_service: str
    endpoints: list[Endpoint]


class Service(BaseModel):
    service_code: str
    service_name: str
    description: str
    metadata: bool
    type: Literal["realtime", "batch", "blackbox"]
    keywords: str
    group: str


class ServiceRequest(BaseModel):
    service_request_id: str
    status: Literal["open", "closed"]
    extended_status: str
    posko_status: Status
    status_notes: str
    service_name: str
    service_code: str
    description: str
    agency_responsible: str
    service_notice: str
    requested_datetime: str
    updated_datetime: str
    expected_datetime: str
    address: str
    address_id: str
    zipcode: str | None
    lat: float | None
    long: float | None
    media_url: str | None


class RequestCreated(BaseModel):
    service_request_id: str
    token: str
    service_notice: str
    account_id: str | None


class TokenAnswer(BaseModel):
    service_request_id: str
    token: str


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": list[Open311Error], "description": text}
    for code, text in ((400, "Bad request (GeoReport v2 error array)"),
                       (403, "Missing or invalid api_key"),
                       (404, "Not found"))
}


# ------------------------------------------------------------------------------ helpers


def _error(status: int, code: str, message_id: str, message_en: str,
           field: str | None = None) -> ApiError:
    return ApiError(status, code, message_id, message_en, field=field)




Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def _db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def _caller(db: Database, request: Request, api_key: str | None,
            credentials: HTTPAuthorizationCredentials | None) -> Caller:
    token = api_key or (credentials.credentials if credentials else None)
    try:
        caller = authenticate(db, token)
    except ApiError as exc:
        raise _error(403, exc.code, exc.message_id, "Invalid or missing api_key.",
                     "api_key") from None
    request.scope.setdefault("state", {})["device_id"] = caller.public_id
    return caller


def _w3c(value: datetime, kecamatan_code: str) -> str:
    return value.astimezone(local_timezone(kecamatan_code)).isoformat(timespec="seconds")


def _status_notes(status: Status, last: StatusEventRow | None) -> str:
    note = f"{status.label_id} / {status.label_en}"
    if status is Status.NOT_OUR_AUTHORITY and last is not None and last.agency:
        note += f": {last.agency}"
    if status is Status.MERGED and last is not None and last.merged_into:
        note += f": {last.merged_into}"
    return note


def to_request(row: TicketRow, last: StatusEventRow | None) -> ServiceRequest:
    status = Status(row.status)
    try:
        category = catalogues.category(row.category)
        service_name, agency = category.name_id, category.agency_id
    except PoskoError:
        service_name, agency = row.category, ""
    if status is Status.NOT_OUR_AUTHORITY and last is not None and last.agency:
        agency = last.agency
    try:
        kelurahan = catalogues.kelurahan(row.kelurahan_code).label
    except PoskoError:
        kelurahan = row.kelurahan_code
    address = ", ".join(part for part in (row.address.strip(), kelurahan) if part)
    return ServiceRequest(
        service_request_id=row.tracking_code, status=open_or_closed(status),
        extended_status=EXTENDED[status], posko_status=status,
        status_notes=_status_notes(status, last), service_name=service_name,
        service_code=row.category, description=row.description, agency_responsible=agency,
        service_notice="",
        requested_datetime=_w3c(row.created_at, row.kecamatan_code),
        updated_datetime=_w3c(row.updated_at, row.kecamatan_code),
        expected_datetime=_w3c(resolution_due(row), row.kecamatan_code),
        address=address, address_id=row.kelurahan_code, zipcode=None, lat=row.latitude,
        long=row.longitude, media_url=None,
    )


def _last_events(session: Any, ticket_ids: list[int]) -> dict[int, StatusEventRow]:
    last: dict[int, StatusEventRow] = {}
    if not ticket_ids:
        return last
    for event in session.scalars(select(StatusEventRow)
                                 .where(StatusEventRow.ticket_id.in_(ticket_ids))
                                 .order_by(StatusEventRow.at, StatusEventRow.id)):
        last[event.ticket_id] = event
    return last


def _parse_date(value: str | None, name: str) -> datetime | None:
    if value is None or value == "":
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace(" ", "+"))
    except ValueError:
        raise _error(400, "invalid_date", f"{name} harus tanggal W3C/ISO 8601.",
                     f"{name} must be a W3C/ISO 8601 date.", name) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    if not 1999 <= parsed.year <= 2100:
        raise _error(400, "invalid_date", f"{name} di luar rentang.",
                     f"{name} is out of range.", name)
    return parsed


def _check_jurisdiction(jurisdiction_id: str | None, caller: Caller) -> None:
    if jurisdiction_id and jurisdiction_id.strip() != caller.kecamatan_code:
        # Unknown and someone else's look the same.
        raise _error(404, "jurisdiction_not_found", "jurisdiction_id tidak ditemukan.",
                     "jurisdiction_id not found.", "jurisdiction_id")


def _json(data: Any, status: int = 200) -> Response:
    return Response(json_bytes(data), status_code=status, media_type="application/json")


# ------------------------------------------------------------------------------ queries


def list_requests(db: Database, caller: Caller, ids: list[str], service_codes: list[str],
                  statuses: list[str], start: datetime | None,
                  end: datetime | None) -> list[ServiceRequest]:
    with db.read() as session:
        if ids:
            rows = [row for ref in ids[:MAX_RESULTS]
                    if (row := find_ticket(session, caller.kecamatan_code, ref)) is not None]
        else:
            query = select(TicketRow).options(selectinload(TicketRow.external_refs)).where(
                TicketRow.kecamatan_code == caller.kecamatan_code)
            if start is None and end is None:
                start = datetime.now(UTC) - DEFAULT_WINDOW
            if start is not None:
                query = query.where(TicketRow.created_at >= start)
            if end is not None:
                query = query.where(TicketRow.created_at <= end)
            if service_codes:
                query = query.where(TicketRow.category.in_(service_codes))
            if statuses:
                wanted = [st.value for st in Status if open_or_closed(st) in statuses]
                query = query.where(TicketRow.status.in_(wanted))
            rows = list(session.scalars(query.order_by(TicketRow.created_at.desc())
                                        .limit(MAX_RESULTS)))
        last = _last_events(session, [r.id for r in rows])
        return [to_request(r, last.get(r.id)) for r in rows]


def create_request(db: Database, caller: Caller, form: dict[str, str]) -> RequestCreated:
    def field(name: str, limit: int, required: bool = False) -> str:
        value = form.get(name, "").strip()
        if required and not value:
            raise _error(400, "missing_field", f"{name} wajib diisi.", f"{name} is required.",
                         name)
        if len(value) > limit or any(ord(c) < 32 and c not in "\t\r\n" for c in value):
            raise _error(400, "invalid_field", f"{name} tidak sah.", f"{name} is not valid.",
                         name)
        return value

    _check_jurisdiction(form.get("jurisdiction_id"), caller)
    service_code = field("service_code", 64, True)
    address_id = field("address_id", 16, True)
    description = field("description", 10_000, True)
    address = field("address_string", 500)
    name = " ".join(p for p in (field("first_name", 100), field("last_name", 100)) if p)
    if len(name) > 200:  # the column's size (PostgreSQL refuses a longer value)
        raise _error(400, "invalid_field", "first_name dan last_name terlalu panjang.",
                     "first_name and last_name are too long together.", "first_name")
    phone_text = field("phone", 32)
    lat_text, long_text = field("lat", 32), field("long", 32)
    try:
        latitude = float(lat_text) if lat_text else None
        longitude = float(long_text) if long_text else None
    except ValueError:
        raise _error(400, "invalid_field", "lat/long harus angka.", "lat/long must be numbers.",
                     "lat") from None
    now = datetime.now(UTC)
    try:
        category = catalogues.category(service_code)
        kelurahan = catalogues.kelurahan(address_id)
        phone = normalize_phone(phone_text) if phone_text else None
        location = Location(kelurahan.code, address=address, latitude=latitude,
                            longitude=longitude)
        reporter = (Reporter(ReporterKind.NAMED, name=name, phone=phone) if name
                    else Reporter(ReporterKind.ANONYMOUS, phone=phone))
    except PoskoError as exc:
        field_name = {"category": "service_code", "kelurahan": "address_id"}.get(
            exc.field or "", exc.field)
        raise _error(400, exc.code, exc.message_id, exc.message_en, field_name) from None
    if location.kecamatan_code != caller.kecamatan_code:
        raise _error(400, "wrong_kecamatan", "address_id bukan kelurahan di kecamatan ini.",
                     "address_id is not a kelurahan of this kecamatan.", "address_id")
    with db.write() as session:
        code = allocate_server_code(session, caller.kecamatan_code, now)
        ticket = Ticket(uuid=_new_uuid(), tracking_code=code, origin=Origin.APP,
                        category=category.code, location=location, description=description,
                        reporter=reporter, consent=False, officer="", created_at=now,
                        updated_at=now, needs_field_check=category.needs_field_check)
        row = TicketRow(
            uuid=ticket.uuid, tracking_code=code, kecamatan_code=caller.kecamatan_code,
            origin=ticket.origin.value, category=ticket.category,
            kelurahan_code=location.kelurahan_code, rw=None, rt=None, address=location.address,
            latitude=latitude, longitude=longitude, description=description,
            reporter_kind=reporter.kind.value, reporter_name=reporter.name,
            reporter_phone=reporter.phone, reporter_has_nik=False,
            contact_preference=reporter.contact.value, consent=False, officer="",
            status=Status.RECEIVED.value, needs_field_check=ticket.needs_field_check,
            created_at=now, updated_at=now, device_id=caller.device_id)
        row.external_refs = []
        session.add(row)
        session.flush()
        event_uuid = _new_uuid()
        session.add(StatusEventRow(uuid=event_uuid, ticket_id=row.id,
                                   status=Status.RECEIVED.value, at=now, actor="open311",
                                   source="server", note="Diterima melalui Open311.",
                                   device_id=caller.device_id))
        write_feed(session, [touch_ticket(row), FeedTouch("status_event", event_uuid, row.uuid,
                                                          row.kecamatan_code)])
        session.add(AuditRow(at=now, device_id=caller.device_id, officer="open311",
                             action="ticket.create", entity_uuid=row.uuid))
    return RequestCreated(service_request_id=code, token=ticket.uuid, service_notice="",
                          account_id=None)


def _new_uuid() -> str:
    import uuid

    return str(uuid.uuid4())


def token_lookup(db: Database, caller: Caller, token: str) -> TokenAnswer:
    with db.read() as session:
        row = find_ticket(session, caller.kecamatan_code, token)
    if row is None or row.uuid != token.strip().lower():
        raise _error(404, "token_not_found", "Token tidak ditemukan.", "Token not found.",
                     "token")
    return TokenAnswer(service_request_id=row.tracking_code, token=row.uuid)


# ------------------------------------------------------------------------------ routes

router = APIRouter(prefix="/open311/v2", tags=["open311"])

JurisdictionQuery = Annotated[
    str | None, Query(max_length=32, pattern=s.LINE_PATTERN,
                      description="Our jurisdictions are kecamatan codes (31.75.04); "
                                  "optional, must be the api_key's kecamatan.")]
ApiKeyQuery = Annotated[str | None, Query(max_length=200, pattern=s.LINE_PATTERN,
                                          description="A device token.")]
ListQuery = Annotated[str | None, Query(max_length=2000, pattern=s.LINE_PATTERN)]
DateQuery = Annotated[str | None, Query(max_length=40, pattern=s.LINE_PATTERN)]


@router.get("/discovery.json", response_model=Discovery, summary="GeoReport v2 discovery")
def discovery(request: Request) -> Discovery:
    base = str(request.base_url).rstrip("/") + "/open311/v2/"
    return Discovery(
        changeset="2024-01-01T00:00:00Z", contact="Posko central server (posko-central)",
        key_service="Ask the city's administrator: `posko-central add-device`.",
        endpoints=[Endpoint(specification=SPEC_URL, url=base, changeset="2024-01-01T00:00:00Z",
                            type="production", formats=["application/json"])])


@router.get("/services.json", response_model=list[Service], responses=ERRORS,
            summary="Service list: the complaint categories")
def services(jurisdiction_id: JurisdictionQuery = None) -> list[Service]:
    return [Service(service_code=c.code, service_name=c.name_id,
                    description=f"{c.name_en}. Ditangani: {c.agency_id}.", metadata=False,
                    type="realtime", keywords=", ".join(c.keywords), group=c.agency_id)
            for c in catalogues.categories()]


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


@router.get("/requests.json", response_model=list[ServiceRequest], responses=ERRORS,
            summary="Service requests of the api_key's kecamatan")
async def get_requests(
    request: Request,
    credentials: Credentials,
    api_key: ApiKeyQuery = None,
    service_request_id: ListQuery = None,
    service_code: ListQuery = None,
    status: ListQuery = None,
    start_date: DateQuery = None,
    end_date: DateQuery = None,
    jurisdiction_id: JurisdictionQuery = None,
) -> Response:
    db = _db(request)
    caller = await run_in_threadpool(_caller, db, request, api_key, credentials)
    _check_jurisdiction(jurisdiction_id, caller)
    statuses = [v.lower() for v in _split(status)]
    if any(v not in ("open", "closed") for v in statuses):
        raise _error(400, "invalid_status", "status harus open atau closed.",
                     "status must be open or closed.", "status")
    start, end = _parse_date(start_date, "start_date"), _parse_date(end_date, "end_date")
    found = await run_in_threadpool(list_requests, db, caller, _split(service_request_id),
                                    _split(service_code), statuses, start, end)
    return _json([r.model_dump(mode="json") for r in found])


_FORM_FIELDS = ("api_key", "jurisdiction_id", "service_code", "lat", "long", "address_string",
                "address_id", "email", "device_id", "account_id", "first_name", "last_name",
                "phone", "description", "media_url")

_POST_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/x-www-form-urlencoded": {"schema": {
            "type": "object",
            "required": ["api_key", "service_code", "address_id", "description"],
            "properties": {
                **{name: {"type": "string", "maxLength": 500} for name in _FORM_FIELDS},
                "address_id": {"type": "string", "description": "Kemendagri kelurahan code, "
                               "e.g. 31.75.04.1001."},
                "description": {"type": "string", "maxLength": 10000},
            },
        }}},
    },
}


@router.post("/requests.json", response_model=list[RequestCreated], responses=ERRORS,
             openapi_extra=_POST_BODY, summary="Create a service request (an app ticket)")
async def post_request(
    request: Request,
    credentials: Credentials,
) -> Response:
    db = _db(request)
    raw = await request.body()
    try:
        # errors="strict": a percent-encoded byte that is not UTF-8 is refused, not turned
        # into U+FFFD and stored.
        form = dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True,
                              max_num_fields=50, strict_parsing=False, encoding="utf-8",
                              errors="strict"))
    except (UnicodeDecodeError, ValueError):
        raise _error(400, "malformed_form", "Isi formulir tidak sah.",
                     "The form body is not valid (application/x-www-form-urlencoded, "
                     "UTF-8).") from None
    caller = await run_in_threadpool(_caller, db, request, form.get("api_key"), credentials)
    created = await run_in_threadpool(create_request, db, caller, form)
    return _json([created.model_dump(mode="json")])


@router.get("/requests/{service_request_id}.json", response_model=list[ServiceRequest],
            responses=ERRORS, summary="One service request")
async def get_request(
    request: Request,
    credentials: Credentials,
    service_request_id: Annotated[str, Path(max_length=100, pattern=s.LINE_PATTERN)],
    api_key: ApiKeyQuery = None,
    jurisdiction_id: JurisdictionQuery = None,
) -> Response:
    db = _db(request)
    caller = await run_in_threadpool(_caller, db, request, api_key, credentials)
    _check_jurisdiction(jurisdiction_id, caller)
    found = await run_in_threadpool(list_requests, db, caller, [service_request_id], [], [],
                                    None, None)
    if not found:
        raise _error(404, "not_found", "Laporan tidak ditemukan.", "Service request not found.",
                     "service_request_id")
    return _json([r.model_dump(mode="json") for r in found])


@router.get("/tokens/{token}.json", response_model=list[TokenAnswer], responses=ERRORS,
            summary="Service request id from a token")
async def get_token(
    request: Request,
    credentials: Credentials,
    token: Annotated[str, Path(max_length=100, pattern=s.LINE_PATTERN)],
    api_key: ApiKeyQuery = None,
    jurisdiction_id: JurisdictionQuery = None,
) -> Response:
    db = _db(request)
    caller = await run_in_threadpool(_caller, db, request, api_key, credentials)
    _check_jurisdiction(jurisdiction_id, caller)
    answer = await run_in_threadpool(token_lookup, db, caller, token)
    return _json([answer.model_dump(mode="json")])


__all__ = ["__version__", "router"]
