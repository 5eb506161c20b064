"""App tickets into the server: from a JSON-lines file (``import-app-tickets``) and from
:mod:`posko.demo_data` (``demo-data``).

One JSON object per line::

    {"source": "QLUE", "number": "1234567", "kelurahan_code": "31.75.04.1001",
     "category": "sampah", "description": "...", "created_at": "2025-03-01T08:00:00+07:00",
     "address": "Jl. ...", "rw": 5, "rt": 3, "latitude": -6.25, "longitude": 106.86,
     "reporter": {"kind": "anonymous"},
     "more_refs": [{"source": "LAPOR", "number": "12345678"}],
     "history": [{"status": "Disposisi", "at": "...", "actor": "Dinas ...", "note": "..."}]}

``status`` in the history may be our code (``dispatched``) or the apps' words, mapped as
:data:`APP_STATUS` says. When the apps skip steps of our state machine, the missing steps
are filled in at the same time (the timeline then still obeys
:func:`posko.domain.status.check_transition`). A line whose first reference is already on
the server only adds the history entries newer than the ticket's last event, so the same
export can be imported again as the agencies move on.
"""

from __future__ import annotations

import json
import math
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from posko import catalogues, demo_data
from posko.domain.errors import PoskoError
from posko.domain.models import (
    ExternalRef,
    Location,
    Origin,
    Reporter,
    ReporterKind,
    Source,
    StatusEvent,
    Ticket,
)
from posko.domain.phone import normalize_phone
from posko.domain.status import ALLOWED_TRANSITIONS, Status, check_transition
from posko_central import schemas as s
from posko_central.db import Database
from posko_central.models import (
    Counter,
    ExternalRefRow,
    FeedRow,
    FollowUpRow,
    ServerMeta,
    StatusEventRow,
    TicketRow,
)
from posko_central.service import FeedTouch, allocate_server_code, touch_ticket, write_feed

# What JAKI / Qlue / LAPOR! / POT show, and our status for it.
APP_STATUS: dict[str, Status] = {
    "menunggu": Status.RECEIVED,
    "diterima": Status.RECEIVED,
    "koordinasi": Status.VERIFIED,
    "verifikasi": Status.VERIFIED,
    "disposisi": Status.DISPATCHED,
    "proses": Status.IN_PROGRESS,
    "tindak lanjut": Status.IN_PROGRESS,
    "selesai": Status.AWAITING_VALIDATION,  # the agency says done; the kecamatan checks
    "tervalidasi": Status.DONE,
    "ditolak": Status.REJECTED,
    "bukan wewenang": Status.NOT_OUR_AUTHORITY,
    "dibuka kembali": Status.REOPENED,
}
# The other way round, for demo notes ("[JAKI: Disposisi] ...").
APP_LABEL: dict[Status, str] = {
    Status.RECEIVED: "Menunggu", Status.VERIFIED: "Koordinasi",
    Status.DISPATCHED: "Disposisi", Status.IN_PROGRESS: "Proses",
    Status.AWAITING_VALIDATION: "Selesai", Status.DONE: "Selesai",
    Status.FOLLOWUP_REJECTED: "Proses", Status.REOPENED: "Proses",
    Status.REJECTED: "Ditolak", Status.NOT_OUR_AUTHORITY: "Bukan wewenang",
    Status.MERGED: "Selesai",
}


def app_status(word: str) -> Status:
    text = word.strip().lower()
    try:
        status = Status(text)
    except ValueError:
        pass
    else:
        # An app or agency saying "done" in our own code is still the agency's word: the
        # kecamatan validates it (awaiting_validation), as it does the apps' "Selesai".
        return Status.AWAITING_VALIDATION if status is Status.DONE else status
    if text in APP_STATUS:
        return APP_STATUS[text]
    raise PoskoError(f"Status aplikasi tidak dikenal: {word[:40]!r}",
                     f"Unknown app status: {word[:40]!r}", code="unknown_app_status",
                     field="history.status")


def path_to(current: Status, target: Status) -> list[Status]:
    """Shortest walk through the state machine from `current` to `target` (excluding
    `current`); empty when already there, ValueError when unreachable."""
    if current is target:
        return []
    queue: deque[tuple[Status, list[Status]]] = deque([(current, [])])
    seen = {current}
    while queue:
        status, walk = queue.popleft()
        for nxt in sorted(ALLOWED_TRANSITIONS[status], key=lambda x: x.value):
            if nxt in seen:
                continue
            if nxt is target:
                return [*walk, nxt]
            seen.add(nxt)
            queue.append((nxt, [*walk, nxt]))
    raise ValueError("unreachable")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class HistoryLine(_Strict):
    status: s.NonEmpty32
    at: s.Timestamp
    actor: s.Line200 = ""
    note: s.Text2000 = ""
    agency: s.Line200 | None = None
    merged_into: s.Line64 | None = None


class ReporterLine(_Strict):
    kind: ReporterKind = ReporterKind.ANONYMOUS
    name: s.Line200 | None = None
    phone: s.Line32 | None = None


class AppTicketLine(_Strict):
    source: Source
    number: s.NonEmpty64
    kelurahan_code: s.KelurahanCode
    category: s.NonEmpty64
    description: s.NonEmptyText10000
    created_at: s.Timestamp
    address: s.Text500 = ""
    rw: int | None = None
    rt: int | None = None
    latitude: s.Coordinate | None = None
    longitude: s.Coordinate | None = None
    reporter: ReporterLine = Field(default_factory=ReporterLine)
    more_refs: list[s.ExternalRefIn] = Field(default_factory=list, max_length=10)
    history: list[HistoryLine] = Field(default_factory=list, max_length=200)


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)  # "line N: message" (no personal data)


def _uuid() -> str:
    import uuid

    return str(uuid.uuid4())


def _add_history(session: Session, row: TicketRow, history: Iterable[HistoryLine],
                 touches: list[FeedTouch], after: datetime | None) -> int:
    current = Status(row.status)
    added = 0
    for entry in sorted(history, key=lambda h: h.at):
        if after is not None and entry.at <= after:
            continue
        target = app_status(entry.status)
        try:
            walk = path_to(current, target)
        except ValueError:
            raise PoskoError(
                f"Status {target.label_id} tidak dapat dicapai dari {current.label_id}.",
                f"Status {target.label_en} cannot be reached from {current.label_en}.",
                code="invalid_transition", field="history") from None
        for step in walk:
            final = step is target
            note = entry.note if final else "(langkah tersirat dari aplikasi)"
            if step in (Status.FOLLOWUP_REJECTED, Status.REOPENED) and not note.strip():
                note = "Dari aplikasi."
            check_transition(current, step, agency=entry.agency or entry.actor or None,
                             merged_into=entry.merged_into, note=note)
            event_uuid = _uuid()
            session.add(StatusEventRow(
                uuid=event_uuid, ticket_id=row.id, status=step.value, at=entry.at,
                actor=entry.actor or "aplikasi", source="agency", note=note,
                agency=(entry.agency or entry.actor) if step is Status.NOT_OUR_AUTHORITY
                else None,
                merged_into=entry.merged_into if step is Status.MERGED else None))
            touches.append(FeedTouch("status_event", event_uuid, row.uuid, row.kecamatan_code))
            current = step
            added += 1
        row.status = current.value
        row.updated_at = max(row.updated_at, entry.at)
    return added


def import_line(session: Session, line: AppTicketLine) -> str:
    """Create or update one app ticket; returns created | updated | unchanged."""
    primary = ExternalRef(line.source, line.number)
    refs = [primary, *(ExternalRef(r.source, r.number) for r in line.more_refs)]
    existing = session.scalar(select(TicketRow).join(ExternalRefRow).where(
        ExternalRefRow.source == primary.source.value, ExternalRefRow.number == primary.number))
    touches: list[FeedTouch] = []
    if existing is not None:
        last = session.scalar(select(StatusEventRow.at).where(
            StatusEventRow.ticket_id == existing.id).order_by(StatusEventRow.at.desc()).limit(1))
        added = _add_history(session, existing, line.history, touches, last)
        if not added:
            return "unchanged"
        touches.insert(0, touch_ticket(existing))
        write_feed(session, touches)
        return "updated"
    kelurahan = catalogues.kelurahan(line.kelurahan_code)
    category = catalogues.category(line.category)
    phone = normalize_phone(line.reporter.phone) if line.reporter.phone else None
    ticket_uuid = _uuid()
    kecamatan_code = ".".join(kelurahan.code.split(".")[:3])
    code = allocate_server_code(session, kecamatan_code, line.created_at)
    ticket = Ticket(
        uuid=ticket_uuid, tracking_code=code, origin=Origin.APP, category=category.code,
        location=Location(kelurahan.code, rw=line.rw, rt=line.rt, address=line.address,
                          latitude=line.latitude, longitude=line.longitude),
        description=line.description.strip(),
        reporter=Reporter(line.reporter.kind, name=line.reporter.name, phone=phone),
        consent=False, officer="", created_at=line.created_at, updated_at=line.created_at,
        external_refs=tuple(refs), needs_field_check=category.needs_field_check)
    for ref in refs:
        if session.scalar(select(ExternalRefRow.id).where(
                ExternalRefRow.source == ref.source.value, ExternalRefRow.number == ref.number)):
            raise PoskoError(f"{ref} sudah ada pada tiket lain.",
                             f"{ref} is already on another ticket.", code="external_ref_taken",
                             field="more_refs")
    row = _ticket_row(ticket, kecamatan_code)
    session.add(row)
    session.flush()
    first = _uuid()
    session.add(StatusEventRow(uuid=first, ticket_id=row.id, status=Status.RECEIVED.value,
                               at=ticket.created_at, actor="system", source="server",
                               note=f"Diterima dari {primary.source.value}."))
    touches.append(FeedTouch("status_event", first, row.uuid, kecamatan_code))
    _add_history(session, row, [h for h in line.history
                                if app_status(h.status) is not Status.RECEIVED],
                 touches, None)
    write_feed(session, [touch_ticket(row), *touches])
    return "created"


def _ticket_row(ticket: Ticket, kecamatan_code: str) -> TicketRow:
    loc = ticket.location
    row = TicketRow(
        uuid=ticket.uuid, tracking_code=ticket.tracking_code, kecamatan_code=kecamatan_code,
        origin=ticket.origin.value, category=ticket.category, kelurahan_code=loc.kelurahan_code,
        rw=loc.rw, rt=loc.rt, address=loc.address, latitude=loc.latitude,
        longitude=loc.longitude, description=ticket.description,
        reporter_kind=ticket.reporter.kind.value, reporter_name=ticket.reporter.name,
        reporter_phone=ticket.reporter.phone, reporter_has_nik=ticket.reporter.nik is not None,
        contact_preference=ticket.reporter.contact.value, consent=ticket.consent,
        officer=ticket.officer, status=ticket.status.value,
        needs_field_check=ticket.needs_field_check, created_at=ticket.created_at,
        updated_at=ticket.updated_at)
    row.external_refs = [ExternalRefRow(source=r.source.value, number=r.number)
                         for r in ticket.external_refs]
    return row


def import_file(db: Database, path: Path) -> ImportReport:
    report = ImportReport()
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                line = AppTicketLine.model_validate_json(raw)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first.get("loc", ()))
                report.errors.append(f"line {number}: {where}: {first.get('type')}")
                continue
            try:
                with db.write() as session:
                    outcome = import_line(session, line)
            except PoskoError as exc:
                report.errors.append(f"line {number}: {exc.code}: {exc.message_en}")
                continue
            setattr(report, outcome, getattr(report, outcome) + 1)
    return report


# ------------------------------------------------------------------------------ demo data

JAKARTA_TIMUR = "31.75"
DEMO_META_KEY = "demo_data"


def _kecamatan_list(region: str) -> list[str]:
    return [r.code for r in catalogues.subregions(region)]


def _demo_cases(kecamatan_code: str, count: int, seed: int,
                today: date | None) -> Iterator[demo_data.DemoCase]:
    for case in demo_data.generate(kecamatan_code, count, seed=seed, desk=1, today=today):
        if case.ticket.origin is Origin.APP:
            yield case


def load_demo(db: Database, *, tickets: int = 3000, seed: int = 1, today: date | None = None,
              region: str = JAKARTA_TIMUR,
              same_as_desk: tuple[str, int, int] | None = None) -> int:
    """App-origin demo tickets across the kecamatan of `region` (Jakarta Timur): about
    `tickets` in all, with agency status histories (some long overdue) and chases.

    `same_as_desk` = (kecamatan, desk demo count, desk demo seed): for that kecamatan, use
    exactly the app tickets that ``posko demo-data`` generates for the demo desk (same
    UUIDs and codes), so that the desk's pull merges them instead of colliding.
    Refuses to run twice on the same database.
    """
    with db.read() as session:
        if session.get(ServerMeta, DEMO_META_KEY) is not None:
            raise PoskoError("Data demo sudah dimuat di basis data ini.",
                             "Demo data is already loaded in this database.",
                             code="demo_data_exists")
    kecamatans = _kecamatan_list(region)
    per_kecamatan = max(1, math.ceil(tickets / len(kecamatans) / 0.35))
    used_refs: set[tuple[str, str]] = set()
    total = 0
    for index, kecamatan_code in enumerate(kecamatans):
        if same_as_desk is not None and same_as_desk[0] == kecamatan_code:
            cases = _demo_cases(kecamatan_code, same_as_desk[1], same_as_desk[2], today)
        else:
            cases = _demo_cases(kecamatan_code, per_kecamatan, seed * 1000 + index, today)
        total += _bulk_demo(db, kecamatan_code, list(cases), used_refs)
    with db.write() as session:
        session.add(ServerMeta(key=DEMO_META_KEY, value=json.dumps(
            {"tickets": total, "seed": seed, "loaded_at": datetime.now(UTC).isoformat()})))
    return total


def _bulk_demo(db: Database, kecamatan_code: str, cases: list[demo_data.DemoCase],
               used_refs: set[tuple[str, str]]) -> int:
    if not cases:
        return 0
    with db.write() as session:
        ticket_rows = []
        for case in cases:
            t = case.ticket
            refs = []
            for ref in t.external_refs:  # numbers are unique per generator call only
                number = ref.number
                while (ref.source.value, number) in used_refs:
                    number = str(int(number) + 1) if number.isdigit() else number + "1"
                used_refs.add((ref.source.value, number))
                refs.append(ExternalRef(ref.source, number))
            ticket_rows.append((t, refs))
        session.execute(insert(TicketRow), [{
            "uuid": t.uuid, "tracking_code": t.tracking_code, "kecamatan_code": kecamatan_code,
            "origin": t.origin.value, "category": t.category,
            "kelurahan_code": t.location.kelurahan_code, "rw": t.location.rw,
            "rt": t.location.rt, "address": t.location.address,
            "latitude": t.location.latitude, "longitude": t.location.longitude,
            "description": t.description, "reporter_kind": t.reporter.kind.value,
            "reporter_name": t.reporter.name, "reporter_phone": t.reporter.phone,
            "reporter_has_nik": False, "contact_preference": t.reporter.contact.value,
            "consent": t.consent, "officer": t.officer, "status": t.status.value,
            "needs_field_check": t.needs_field_check, "created_at": t.created_at,
            "updated_at": t.updated_at, "device_id": None} for t, _ in ticket_rows])
        ids = {uuid: id_ for uuid, id_ in session.execute(select(TicketRow.uuid, TicketRow.id)
               .where(TicketRow.kecamatan_code == kecamatan_code,
                      TicketRow.uuid.in_([t.uuid for t, _ in ticket_rows])))}
        refs_rows, event_rows, follow_rows, feed = [], [], [], []
        for (t, refs), case in zip(ticket_rows, cases, strict=True):
            tid = ids[t.uuid]
            source = refs[0].source.value if refs else "APP"
            refs_rows += [{"ticket_id": tid, "source": r.source.value, "number": r.number,
                           "uuid": None} for r in refs]
            feed.append(("ticket", t.uuid, t.uuid))
            for e in case.events:
                event_rows.append(_event_dict(e, tid, source))
                feed.append(("status_event", e.uuid, t.uuid))
            for f in case.follow_ups:
                follow_rows.append({"uuid": f.uuid, "ticket_id": tid, "asked_at": f.asked_at,
                                    "officer": f.officer, "requested_by": f.requested_by,
                                    "promise": f.promise, "promised_by": f.promised_by,
                                    "note": f.note, "device_id": None})
                feed.append(("follow_up", f.uuid, t.uuid))
        if refs_rows:
            session.execute(insert(ExternalRefRow), refs_rows)
        session.execute(insert(StatusEventRow), event_rows)
        if follow_rows:
            session.execute(insert(FollowUpRow), follow_rows)
        counter = session.get(Counter, "feed")
        assert counter is not None
        start = counter.value
        counter.value += len(feed)
        session.flush()
        session.execute(insert(FeedRow), [
            {"seq": start + i + 1, "kecamatan_code": kecamatan_code, "kind": kind, "op": "upsert",
             "entity_uuid": entity, "ticket_uuid": ticket}
            for i, (kind, entity, ticket) in enumerate(feed)])
    return len(cases)


def _event_dict(e: StatusEvent, ticket_id: int, source: str) -> dict[str, Any]:
    note = e.note
    if e.source.value in ("agency", "server"):
        note = f"[{source}: {APP_LABEL[e.status]}] {note}".strip()
    return {"uuid": e.uuid, "ticket_id": ticket_id, "status": e.status.value, "at": e.at,
            "actor": e.actor, "source": e.source.value, "note": note, "agency": e.agency,
            "merged_into": e.merged_into, "device_id": None}
