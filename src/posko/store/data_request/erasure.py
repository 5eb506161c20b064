"""Erasure requests: recording one and erasing at once what the retention rule allows
(`request_erasure`), erasing the rest when its time comes (`run_pending_erasures`), and
listing what still waits (`pending_requests`).

`request_erasure` records the request (ticket/follow-up uuids only: the request holds no
personal data) and erases at once what the retention rule allows (:mod:`.retention`); the
rest waits and `run_pending_erasures` (desk start-up, after each sync, ``posko data-request
run``) erases it later, at most `PENDING_BATCH` tickets per call. What erasing a ticket
does is in :mod:`.anonymise`. The request and every execution are audited.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from posko.domain.models import new_uuid
from posko.domain.status import Status
from posko.store.crypto import NikCipher
from posko.store.data_request.anonymise import _execute, _reerase, compact
from posko.store.data_request.copies import erase_in_copies
from posko.store.data_request.find import PersonFindings, _closed_at
from posko.store.data_request.query import ERASE_ACTION, ERASE_REQUEST_ACTION, not_allowed
from posko.store.data_request.retention import ErasureCheck, check_tickets, retention_days
from posko.store.database import Store, audit, in_chunks
from posko.store.drafts import DraftBox
from posko.store.models import ErasureRequest, ErasureTarget, TicketRow

PENDING_BATCH = 200
_WAITING_PAGE = 5000  # waiting targets checked per query


@dataclass(frozen=True, slots=True)
class ErasureOutcome:
    request_uuid: str
    erased: tuple[str, ...]  # tracking codes erased by this call
    waiting: tuple[ErasureCheck, ...]  # still pending after this call
    drafts_discarded: int = 0
    wal_emptied: bool = True
    copies_changed: int = 0  # backups (and kept copies) the erasure was carried into


def request_erasure(store: Store, cipher: NikCipher | None, findings: PersonFindings, *,
                    officer: str, is_supervisor: bool, now: datetime | None = None,
                    drafts: DraftBox | None = None,
                    backup_dir: Path | None = None) -> ErasureOutcome:
    """Record an erasure request for `findings` and erase what may be erased now (also in
    the backups in `backup_dir`, see `erase_in_copies`)."""
    if not is_supervisor:
        raise not_allowed()
    at = now or datetime.now(UTC)
    request_uuid = new_uuid()
    retention = retention_days(store)
    with store.unit_of_work() as session:
        checks = check_tickets(session.connection(),
                               [(t.uuid, t.tracking_code, t.status, t.closed_at)
                                for t in findings.tickets], retention=retention, now=at)
        request = ErasureRequest(uuid=request_uuid, requested_at=at, officer=officer,
                                 matched_by=",".join(findings.query.kinds))
        request.targets = [ErasureTarget(ticket_uuid=t.uuid, reporter=t.as_reporter,
                                         follow_ups=json.dumps(sorted(t.follow_up_uuids)))
                           for t in findings.tickets]
        session.add(request)
        session.flush()
        now_allowed = {c.ticket_uuid for c in checks if c.allowed}
        audit(session, officer=officer, action=ERASE_REQUEST_ACTION, entity="erasure_request",
              entity_uuid=request_uuid, at=at,
              detail=(f"matched_by={request.matched_by} tickets={len(findings.tickets)} "
                      f"now={len(now_allowed)} waiting={len(checks) - len(now_allowed)} "
                      f"retention_days={retention}"))
        due = [t for t in request.targets if t.ticket_uuid in now_allowed]
        erased, discarded = _execute(store, session, due, cipher, officer=officer, at=at,
                                     drafts=drafts)
        if not request.targets:
            request.done_at = at
    emptied = compact(store.path) if erased else True
    copies = erase_in_copies(store, cipher, backup_dir, now=at)[0] if backup_dir else 0
    codes = {t.uuid: t.tracking_code for t in findings.tickets}
    return ErasureOutcome(request_uuid, tuple(codes[u] for u in erased),
                          tuple(c for c in checks if not c.allowed), discarded, emptied,
                          copies)


def run_pending_erasures(store: Store, cipher: NikCipher | None = None, *,
                         now: datetime | None = None, limit: int = PENDING_BATCH,
                         drafts: DraftBox | None = None, officer: str = "system",
                         backup_dir: Path | None = None) -> int:
    """Erase waiting targets whose time has come (at most `limit` tickets), here and in the
    backups in `backup_dir`; returns how many were erased. Cheap when nothing waits."""
    at = now or datetime.now(UTC)
    retention = retention_days(store)
    with store.unit_of_work() as session:
        again = _reerase(session)
        due: list[ErasureTarget] = []
        after_id = 0
        # Waiting targets a page at a time until `limit` are due: targets still inside the
        # retention period never hold back later ones that may go now.
        while len(due) < limit:
            waiting = list(session.scalars(
                select(ErasureTarget).where(ErasureTarget.erased_at.is_(None),
                                            ErasureTarget.id > after_id)
                .order_by(ErasureTarget.id).limit(_WAITING_PAGE)))
            if not waiting:
                break
            after_id = waiting[-1].id
            due += _due_targets(session, waiting, retention=retention, at=at,
                                officer=officer, room=limit - len(due))
        # Names that came back (pulled before the server applied the erasure) go first.
        batch = again[:limit]
        batch += due[:limit - len(batch)]
        erased, _discarded = _execute(store, session, batch, cipher,
                                      officer=officer, at=at, drafts=drafts)
        session.flush()
        for request in session.scalars(select(ErasureRequest).where(
                ErasureRequest.done_at.is_(None))):
            if all(t.erased_at is not None for t in request.targets):
                request.done_at = at
    if erased:
        compact(store.path)
        if backup_dir is not None:
            erase_in_copies(store, cipher, backup_dir, now=at)
    return len(erased)


def _due_targets(session: Session, waiting: Sequence[ErasureTarget], *, retention: int,
                 at: datetime, officer: str, room: int) -> list[ErasureTarget]:
    """Of `waiting`, at most `room` targets that may be erased now; targets whose ticket is
    gone (deleted by the server) are marked done on the way."""
    conn = session.connection()
    rows = {}
    uuids = [t.ticket_uuid for t in waiting]
    for chunk in in_chunks(uuids):
        for uuid, code, status, ticket_id in conn.execute(
                select(TicketRow.uuid, TicketRow.tracking_code, TicketRow.status,
                       TicketRow.id).where(TicketRow.uuid.in_(chunk))):
            rows[uuid] = (code, Status(status), ticket_id)
    closed = _closed_at(conn, [r[2] for r in rows.values()])
    checks = {c.ticket_uuid: c for c in check_tickets(
        conn, [(u, r[0], r[1], closed.get(r[2])) for u, r in rows.items()],
        retention=retention, now=at)}
    due: list[ErasureTarget] = []
    for target in waiting:
        if target.ticket_uuid not in rows:
            target.erased_at = at  # the ticket is gone (deleted by the server)
            audit(session, officer=officer, action=ERASE_ACTION, entity="ticket",
                  entity_uuid=target.ticket_uuid, at=at, detail="gone")
        elif checks[target.ticket_uuid].allowed and len(due) < room:
            due.append(target)
    return due


@dataclass(frozen=True, slots=True)
class PendingRequest:
    uuid: str
    requested_at: datetime
    officer: str
    waiting: tuple[str, ...]  # tracking codes (or uuids of tickets no longer here)
    erased: int


def pending_requests(store: Store) -> list[PendingRequest]:
    with store.unit_of_work() as session:
        found = []
        for request in session.scalars(
                select(ErasureRequest).options(selectinload(ErasureRequest.targets))
                .where(ErasureRequest.done_at.is_(None)).order_by(ErasureRequest.id)):
            waiting = [t.ticket_uuid for t in request.targets if t.erased_at is None]
            codes = dict(session.execute(select(TicketRow.uuid, TicketRow.tracking_code)
                                         .where(TicketRow.uuid.in_(waiting))).all())
            found.append(PendingRequest(
                request.uuid, request.requested_at, request.officer,
                tuple(codes.get(u, u) for u in waiting),
                sum(1 for t in request.targets if t.erased_at is not None)))
        return found
