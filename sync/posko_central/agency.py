"""Read-only access for agencies (dinas / suku dinas): the tickets dispatched to them.

An agency is registered by the server's administrator (``posko-central agency add``) for one
or more kecamatan and the complaint categories it handles; it gets a bearer token (shown
once, stored as SHA-256 only, like a device's, with its own ``pka_`` prefix). A device token
is refused here and an agency token is refused on every desk route and on Open311: the two
kinds live in different tables.

Which tickets are the agency's: a ticket of one of its kecamatan that has been dispatched
(a ``dispatched`` status event) while in one of its categories, or that was passed to it by
name (``not_our_authority`` naming the agency). Once dispatched, the ticket stays visible
(its history is the agency's too).

Privacy by default (DESIGN.md: "agencies and field officers see the complaint, not who made
it"): for every kind of reporter the agency gets the *kind* only (named citizen, anonymous
citizen, on behalf of the kecamatan, said in words) and never a name, phone, e-mail, NIK or
"has NIK". Free text that an officer typed may name people, so it is left out as Open311
leaves it out: status notes except the agency's own, internal notes, who asked for a
follow-up and its note, attachments (file names and photos). What is sent: where, what,
category, status and timeline (source, agency), follow-up promises, SLA due date.
"""

from __future__ import annotations

import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql.elements import ColumnElement

from posko import catalogues
from posko.domain.errors import PoskoError
from posko.domain.models import Origin, ReporterKind, Source
from posko.domain.status import Status
from posko_central import schemas as s
from posko_central.auth import hash_secret
from posko_central.db import Database
from posko_central.errors import ApiError, not_found
from posko_central.models import (
    AgencyCategoryRow,
    AgencyKecamatanRow,
    AgencyRow,
    AuditRow,
    FeedRow,
    FollowUpRow,
    StatusEventRow,
    TicketRow,
)
from posko_central.service import (
    decode_cursor,
    encode_cursor,
    find_ticket,
    resolution_due,
)

AGENCY_TOKEN_PREFIX = "pka_"
MAX_AGENCY_PAGE = 200
_NAME_RE = re.compile(r"^[^\x00-\x1f\x7f]{2,200}$")
# Feed kinds whose change the agency can see: the ticket's own row (every status event and
# every external reference added moves it too) and follow-ups. Notes and attachments are not
# shown to agencies. (Status-event rows are left out: with them, the first page of a
# city-wide agency grouped ~7 feed rows per ticket, 1 s at 20,000 tickets instead of 0.1 s.)
_VISIBLE_KINDS = ("ticket", "follow_up")


class AgencyError(PoskoError):
    code = "agency_error"


# ------------------------------------------------------------------------------ admin


@dataclass(frozen=True, slots=True)
class AgencyInfo:
    public_id: str
    name: str
    kecamatan_codes: tuple[str, ...]
    categories: tuple[str, ...]
    state: str  # active | revoked
    created_at: datetime
    revoked_at: datetime | None


@dataclass(frozen=True, slots=True)
class AgencyCaller:
    """The authenticated agency of a request."""

    agency_id: int
    public_id: str
    name: str
    kecamatan_codes: tuple[str, ...]
    categories: tuple[str, ...]


def _info(row: AgencyRow) -> AgencyInfo:
    return AgencyInfo(row.public_id, row.name,
                      tuple(k.kecamatan_code for k in row.kecamatan),
                      tuple(c.category for c in row.categories),
                      "revoked" if row.revoked_at is not None else "active", row.created_at,
                      row.revoked_at)


def default_categories(name: str) -> tuple[str, ...]:
    """The catalogue categories whose default agency the name contains ("Suku Dinas Bina
    Marga Jakarta Timur" handles what "Dinas Bina Marga" does)."""
    folded = " ".join(name.lower().split())
    return tuple(c.code for c in catalogues.categories()
                 if " ".join(c.agency_id.lower().split()) in folded)


def add_agency(db: Database, name: str, kecamatan_codes: list[str],
               categories: list[str] | None = None, *,
               now: datetime | None = None) -> tuple[AgencyInfo, str]:
    """Register an agency and return it with its token (shown once; only its hash is kept).

    Without `categories` the agency handles the catalogue categories whose default agency
    its name contains; none found is an error (name them)."""
    cleaned = " ".join(name.split())
    if not _NAME_RE.match(cleaned):
        raise AgencyError("Nama instansi harus 2 sampai 200 karakter.",
                          "The agency name must be 2 to 200 characters.", field="name")
    if not kecamatan_codes:
        raise AgencyError("Sebutkan minimal satu kecamatan (--kecamatan).",
                          "Name at least one kecamatan (--kecamatan).", field="kecamatan")
    regions = sorted({catalogues.kecamatan(code).code for code in kecamatan_codes})
    if categories:
        chosen = sorted({catalogues.category(code).code for code in categories})
    else:
        chosen = sorted(default_categories(cleaned))
        if not chosen:
            raise AgencyError(
                "Kategori instansi ini tidak dapat ditebak dari namanya; sebutkan dengan "
                "--category.",
                "This agency's categories cannot be told from its name; name them with "
                "--category.", field="category")
    at = now or datetime.now(UTC)
    token = AGENCY_TOKEN_PREFIX + secrets.token_urlsafe(32)
    with db.write() as session:
        row = AgencyRow(public_id=str(uuid.uuid4()), name=cleaned,
                        token_hash=hash_secret(token), created_at=at)
        row.kecamatan = [AgencyKecamatanRow(kecamatan_code=code) for code in regions]
        row.categories = [AgencyCategoryRow(category=code) for code in chosen]
        session.add(row)
        session.flush()
        session.add(AuditRow(at=at, device_id=None, officer="admin", action="agency.add",
                             entity_uuid=row.public_id,
                             detail=f"kecamatan={','.join(regions)} "
                                    f"categories={','.join(chosen)}"))
        return _info(row), token


def _find(session: Session, ref: str) -> AgencyRow:
    text = ref.strip().lower()
    if len(text) < 4:
        raise AgencyError("Tulis minimal 4 karakter pertama id instansi.",
                          "Give at least the first 4 characters of the agency id.",
                          field="agency")
    matches = session.scalars(select(AgencyRow).where(AgencyRow.public_id.startswith(text))
                              .options(selectinload(AgencyRow.kecamatan),
                                       selectinload(AgencyRow.categories))).all()
    if len(matches) != 1:
        raise AgencyError(
            "Instansi tidak ditemukan." if not matches else "Id instansi tidak unik.",
            "Agency not found." if not matches else "The agency id is ambiguous.",
            field="agency")
    return matches[0]


def revoke_agency(db: Database, ref: str, *, now: datetime | None = None) -> AgencyInfo:
    at = now or datetime.now(UTC)
    with db.write() as session:
        row = _find(session, ref)
        if row.revoked_at is None:
            row.revoked_at = at
            session.add(AuditRow(at=at, device_id=None, officer="admin",
                                 action="agency.revoke", entity_uuid=row.public_id))
        return _info(row)


def list_agencies(db: Database, kecamatan_code: str | None = None) -> list[AgencyInfo]:
    with db.read() as session:
        query = select(AgencyRow).options(selectinload(AgencyRow.kecamatan),
                                          selectinload(AgencyRow.categories)).order_by(
            AgencyRow.name, AgencyRow.id)
        if kecamatan_code:
            query = query.where(AgencyRow.kecamatan.any(
                AgencyKecamatanRow.kecamatan_code == kecamatan_code))
        return [_info(row) for row in session.scalars(query)]


# ------------------------------------------------------------------------------ auth

_BEARER_HEADERS = {"WWW-Authenticate": 'Bearer realm="posko-central-agency"'}

agency_bearer = HTTPBearer(auto_error=False, scheme_name="AgencyToken",
                           description="An agency token from `posko-central agency add` "
                                       "(device tokens are refused here).")


def authenticate_agency(db: Database, token: str | None) -> AgencyCaller:
    if not token:
        raise ApiError(401, "missing_token", "Token instansi wajib dikirim (Authorization: "
                       "Bearer ...).", "An agency token is required (Authorization: "
                       "Bearer ...).", headers=_BEARER_HEADERS)
    with db.read() as session:
        row = session.scalar(select(AgencyRow).where(AgencyRow.token_hash == hash_secret(token))
                             .options(selectinload(AgencyRow.kecamatan),
                                      selectinload(AgencyRow.categories)))
        if row is None:
            raise ApiError(401, "invalid_token", "Token instansi tidak dikenal.",
                           "The agency token is not known.", headers=_BEARER_HEADERS)
        if row.revoked_at is not None:
            raise ApiError(401, "agency_revoked", "Akses instansi ini sudah dicabut.",
                           "This agency's access has been revoked.", headers=_BEARER_HEADERS)
        info = _info(row)
    return AgencyCaller(row.id, info.public_id, info.name, info.kecamatan_codes,
                        info.categories)


def current_agency(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(agency_bearer)],
) -> AgencyCaller:
    if credentials is None and request.headers.get("authorization"):
        raise ApiError(401, "invalid_token", "Header Authorization harus 'Bearer <token>'.",
                       "The Authorization header must be 'Bearer <token>'.",
                       headers=_BEARER_HEADERS)
    db: Database = request.app.state.db
    caller = authenticate_agency(db, credentials.credentials if credentials else None)
    request.scope.setdefault("state", {})["device_id"] = f"agency:{caller.public_id}"
    return caller


Agency = Annotated[AgencyCaller, Depends(current_agency)]


# ------------------------------------------------------------------------------ wire format


class AgencyReporter(BaseModel):
    """Who made the complaint, as far as an agency may know: the kind, never the person."""

    kind: ReporterKind
    label_id: str
    label_en: str


class AgencyExternalRef(BaseModel):
    source: Source
    number: str


class AgencyEvent(BaseModel):
    status: Status
    status_label_id: str
    at: datetime
    source: Literal["desk", "server", "agency", "citizen"]
    by: str  # "kecamatan", "system", or the agency's name (its own events)
    agency: str | None
    merged_into: str | None
    note: str  # only the agency's own notes; "" otherwise


class AgencyFollowUp(BaseModel):
    asked_at: datetime
    promise: str
    promised_by: date | None


class AgencyTicket(BaseModel):
    uuid: str
    tracking_code: str
    origin: Origin
    category: str
    category_name: str
    kecamatan_code: str
    kecamatan_name: str
    kelurahan_code: str
    kelurahan_name: str
    rw: int | None
    rt: int | None
    address: str
    latitude: float | None
    longitude: float | None
    description: str
    reporter: AgencyReporter
    status: Status
    status_label_id: str
    needs_field_check: bool
    external_refs: list[AgencyExternalRef]
    follow_up_count: int  # chases (tindak lanjut) recorded on it: a new one shows here
    created_at: datetime
    updated_at: datetime
    resolution_due: datetime
    overdue: bool


class AgencyTicketDetail(AgencyTicket):
    events: list[AgencyEvent]
    follow_ups: list[AgencyFollowUp]


class AgencyTicketPage(BaseModel):
    tickets: list[AgencyTicket]
    next_cursor: str
    has_more: bool


# ------------------------------------------------------------------------------ queries


def _region_label(code: str, kelurahan: bool = False) -> str:
    try:
        return (catalogues.kelurahan(code).name if kelurahan
                else catalogues.kecamatan(code).label)
    except PoskoError:
        return code


def reporter_for_agency(kind: str, kecamatan_code: str) -> AgencyReporter:
    """The reporter as an agency sees it: the kind in words, nobody's identity."""
    reporter_kind = ReporterKind(kind)
    if reporter_kind is ReporterKind.KECAMATAN:
        place = _region_label(kecamatan_code)
        return AgencyReporter(kind=reporter_kind,
                              label_id=f"Atas nama {place} (temuan petugas kecamatan)",
                              label_en=f"On behalf of {place} (a kecamatan officer's finding)")
    if reporter_kind is ReporterKind.ANONYMOUS:
        return AgencyReporter(kind=reporter_kind, label_id="Warga anonim",
                              label_en="Anonymous citizen")
    return AgencyReporter(kind=reporter_kind,
                          label_id="Warga (identitas disimpan di kecamatan)",
                          label_en="Citizen (identity kept at the kecamatan)")


def dispatched_to(caller: AgencyCaller) -> ColumnElement[bool]:
    """SQL: the ticket (``TicketRow``) is in the agency's kecamatan and was dispatched to it."""
    return and_(
        TicketRow.kecamatan_code.in_(caller.kecamatan_codes),
        exists().where(StatusEventRow.ticket_id == TicketRow.id, or_(
            and_(StatusEventRow.status == Status.DISPATCHED.value,
                 TicketRow.category.in_(caller.categories)),
            and_(StatusEventRow.status == Status.NOT_OUR_AUTHORITY.value,
                 func.lower(StatusEventRow.agency) == caller.name.lower()))))


def _follow_up_counts(session: Session, ticket_ids: list[int]) -> dict[int, int]:
    if not ticket_ids:
        return {}
    rows = session.execute(
        select(FollowUpRow.ticket_id, func.count()).where(FollowUpRow.ticket_id.in_(ticket_ids))
        .group_by(FollowUpRow.ticket_id)).all()
    return {int(ticket_id): int(count) for ticket_id, count in rows}


def _ticket(row: TicketRow, now: datetime, follow_ups: int) -> dict[str, Any]:
    status = Status(row.status)
    try:
        category_name = catalogues.category(row.category).name_id
    except PoskoError:
        category_name = row.category
    due = resolution_due(row)
    return {
        "uuid": row.uuid, "tracking_code": row.tracking_code, "origin": Origin(row.origin),
        "category": row.category, "category_name": category_name,
        "kecamatan_code": row.kecamatan_code,
        "kecamatan_name": _region_label(row.kecamatan_code),
        "kelurahan_code": row.kelurahan_code,
        "kelurahan_name": _region_label(row.kelurahan_code, kelurahan=True),
        "rw": row.rw, "rt": row.rt, "address": row.address, "latitude": row.latitude,
        "longitude": row.longitude, "description": row.description,
        "reporter": reporter_for_agency(row.reporter_kind, row.kecamatan_code),
        "status": status, "status_label_id": status.label_id,
        "needs_field_check": row.needs_field_check,
        "external_refs": [AgencyExternalRef(source=Source(r.source), number=r.number)
                          for r in row.external_refs],
        "follow_up_count": follow_ups, "created_at": row.created_at, "updated_at": row.updated_at,
        "resolution_due": due, "overdue": status.is_open and now > due,
    }


def list_tickets(db: Database, caller: AgencyCaller, cursor: str | None,
                 limit: int) -> AgencyTicketPage:
    """The agency's tickets that changed after `cursor`, oldest change first, each once at
    its newest state (the same feed and cursor rules as the desks' pull)."""
    server_id = db.server_id()
    after = decode_cursor(server_id, cursor)
    now = datetime.now(UTC)
    with db.read() as session:
        last = (select(FeedRow.ticket_uuid, func.max(FeedRow.seq).label("seq"))
                .where(FeedRow.kecamatan_code.in_(caller.kecamatan_codes),
                       FeedRow.seq > after, FeedRow.op == "upsert",
                       FeedRow.kind.in_(_VISIBLE_KINDS))
                .group_by(FeedRow.ticket_uuid).subquery())
        rows = session.execute(
            select(TicketRow, last.c.seq).join(last, last.c.ticket_uuid == TicketRow.uuid)
            .where(dispatched_to(caller)).options(selectinload(TicketRow.external_refs))
            .order_by(last.c.seq).limit(limit + 1)).all()
        has_more = len(rows) > limit
        rows = rows[:limit]
        counts = _follow_up_counts(session, [row.id for row, _seq in rows])
        tickets = [AgencyTicket(**_ticket(row, now, counts.get(row.id, 0)))
                   for row, _seq in rows]
        if has_more:
            end = rows[-1][1]  # past the last ticket shown
        else:
            # Caught up: past everything of these kecamatan in this snapshot (the rest was
            # not the agency's; a ticket dispatched later moves to a higher number then).
            newest = session.scalar(select(func.max(FeedRow.seq)).where(
                FeedRow.kecamatan_code.in_(caller.kecamatan_codes), FeedRow.seq > after))
            end = max(after, newest or 0, rows[-1][1] if rows else 0)
    return AgencyTicketPage(tickets=tickets, next_cursor=encode_cursor(server_id, end),
                            has_more=has_more)


def _find_ticket(session: Session, caller: AgencyCaller, ref: str) -> TicketRow | None:
    for kecamatan_code in caller.kecamatan_codes:
        row = find_ticket(session, kecamatan_code, ref)
        if row is not None and session.scalar(
                select(TicketRow.id).where(TicketRow.id == row.id, dispatched_to(caller))):
            return row
    return None


def ticket_detail(db: Database, caller: AgencyCaller, ref: str) -> AgencyTicketDetail:
    """One of the agency's tickets; any other (not dispatched to it, another kecamatan's,
    unknown) is answered the same 404."""
    now = datetime.now(UTC)
    with db.read() as session:
        row = _find_ticket(session, caller, ref)
        if row is None:
            raise not_found()
        events = session.scalars(select(StatusEventRow).where(StatusEventRow.ticket_id == row.id)
                                 .order_by(StatusEventRow.at, StatusEventRow.id)).all()
        follow_ups = session.execute(
            select(FollowUpRow.asked_at, FollowUpRow.promise, FollowUpRow.promised_by)
            .where(FollowUpRow.ticket_id == row.id)
            .order_by(FollowUpRow.asked_at, FollowUpRow.id)).all()
        own = caller.name.lower()
        timeline = []
        for event in events:
            status = Status(event.status)
            mine = event.source == "agency" and event.actor.strip().lower() == own
            by = (caller.name if mine else "system" if event.source == "server"
                  else "kecamatan" if event.source in ("desk", "citizen") else "agency")
            timeline.append(AgencyEvent(
                status=status, status_label_id=status.label_id, at=event.at,
                source=event.source,  # type: ignore[arg-type]
                by=by, agency=event.agency, merged_into=event.merged_into,
                note=event.note if mine else ""))
        return AgencyTicketDetail(
            **_ticket(row, now, len(follow_ups)), events=timeline,
            follow_ups=[AgencyFollowUp(asked_at=a, promise=p, promised_by=d)
                        for a, p, d in follow_ups])


# ------------------------------------------------------------------------------ routes


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    texts = {400: "Bad request (cursor)",
             401: "Missing, unknown or revoked agency token (device tokens are refused)",
             404: "Not found (also: not dispatched to this agency, another kecamatan's)",
             410: "Cursor from another server database", 422: "Invalid data (field errors)"}
    return {code: {"model": s.Error, "description": texts[code]} for code in codes}


router = APIRouter(prefix="/v1/agency", tags=["agency"])


@router.get("/tickets", response_model=AgencyTicketPage, responses=_errors(400, 401, 410, 422),
            summary="The tickets dispatched to this agency, changed after a cursor")
def agency_tickets(
    request: Request, caller: Agency,
    cursor: Annotated[str | None, Query(max_length=200, pattern=r"^[A-Za-z0-9_-]*$",
                                        description="Opaque; empty or absent: from the "
                                                    "start.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_AGENCY_PAGE)] = 50,
) -> AgencyTicketPage:
    return list_tickets(request.app.state.db, caller, cursor, limit)


@router.get("/tickets/{ref}", response_model=AgencyTicketDetail,
            responses=_errors(401, 404, 422),
            summary="One ticket dispatched to this agency, with its timeline (no reporter "
                    "identity)")
def agency_ticket(
    request: Request, caller: Agency,
    ref: Annotated[str, Path(min_length=1, max_length=100, pattern=s.LINE_PATTERN)],
) -> AgencyTicketDetail:
    return ticket_detail(request.app.state.db, caller, ref)
