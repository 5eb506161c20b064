"""Carrying erasures into the other files that hold the desk's data: its backups and the
copies a restore kept of the file it replaced (`copies_of`, `erase_in_copies`). They hold
the same personal data: a restore must not bring an erased person back, nor lose a waiting
request.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from posko.domain.errors import PoskoError
from posko.store.backup import list_backups, replaced_copies
from posko.store.crypto import NikCipher
from posko.store.data_request.anonymise import _execute, _reerase, compact
from posko.store.data_request.retention import _UUID_RE
from posko.store.database import Store, in_chunks
from posko.store.models import ErasureRequest, ErasureTarget

log = logging.getLogger(__name__)


def copies_of(db_path: Path, backup_dir: Path | None) -> list[Path]:
    """The other files that hold the desk's data: its backups, and the copies a restore
    kept of the file it replaced (``posko.sqlite3.replaced-<time>``)."""
    backups = list_backups(backup_dir) if backup_dir is not None else []
    return sorted(backups) + replaced_copies(db_path)


@dataclass(frozen=True, slots=True)
class _LiveRequest:
    uuid: str
    requested_at: datetime
    officer: str
    matched_by: str
    done_at: datetime | None
    targets: tuple[tuple[str, bool, str, datetime | None], ...]  # uuid, reporter, fus, erased


def _live_requests(store: Store) -> list[_LiveRequest]:
    with store.unit_of_work() as session:
        return [_LiveRequest(r.uuid, r.requested_at, r.officer, r.matched_by, r.done_at,
                             tuple((t.ticket_uuid, t.reporter, t.follow_ups, t.erased_at)
                                   for t in r.targets))
                for r in session.scalars(select(ErasureRequest).options(
                    selectinload(ErasureRequest.targets)).order_by(ErasureRequest.id))]


def _copy_needs_work(path: Path, requests: Sequence[_LiveRequest]) -> bool:
    """Read-only look: does this copy still hold an erased person, or lack a request?"""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return False
    try:
        tables = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = "
                                             "'table'")}
        if "tickets" not in tables:
            return False
        if "erasure_requests" not in tables:
            return True
        known = {u for (u,) in conn.execute("SELECT uuid FROM erasure_requests")}
        if any(r.uuid not in known for r in requests):
            return True
        reporters = [t[0] for r in requests for t in r.targets if t[3] is not None and t[1]]
        follow_ups = [u for r in requests for t in r.targets if t[3] is not None
                      for u in json.loads(t[2] or "[]")]
        for chunk in in_chunks(reporters):
            if conn.execute(
                    "SELECT 1 FROM tickets WHERE uuid IN ({}) AND (reporter_name IS NOT NULL "
                    "OR reporter_phone IS NOT NULL OR reporter_nik_enc IS NOT NULL) LIMIT 1"
                    .format(", ".join("?" for _ in chunk)), chunk).fetchone():
                return True
        for chunk in in_chunks(follow_ups):
            if conn.execute("SELECT 1 FROM follow_ups WHERE uuid IN ({}) AND requested_by "
                            "!= '' LIMIT 1".format(", ".join("?" for _ in chunk)),
                            chunk).fetchone():
                return True
        return False
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def _erase_in_copy(path: Path, requests: Sequence[_LiveRequest], cipher: NikCipher | None,
                   at: datetime) -> None:
    copy = Store.open(path, check_integrity=False)
    try:
        with copy.unit_of_work() as session:
            conn = session.connection()
            present = {r.uuid: r for r in session.scalars(
                select(ErasureRequest).options(selectinload(ErasureRequest.targets)))}
            erased_live: set[str] = set()
            for live in requests:
                row = present.get(live.uuid)
                if row is None:  # a restore of this copy keeps the waiting request
                    row = ErasureRequest(uuid=live.uuid, requested_at=live.requested_at,
                                         officer=live.officer, matched_by=live.matched_by)
                    row.targets = [ErasureTarget(ticket_uuid=u, reporter=rep, follow_ups=fus)
                                   for u, rep, fus, _erased in live.targets]
                    session.add(row)
                    session.flush()
                erased_live |= {u for u, _rep, _fus, erased in live.targets if erased}
            # Changes about an erased ticket held in this copy's outbox were all sent
            # before the erasure could run on the desk (it waits for them): dropped here,
            # or a restore would send the name again.
            for row_id, entity_uuid, payload, kind in conn.exec_driver_sql(
                    "SELECT id, entity_uuid, payload, kind FROM outbox").all():
                named = set(_UUID_RE.findall(str(payload).lower())) | {str(entity_uuid)}
                if kind != "reporter.erased" and named & erased_live:
                    conn.exec_driver_sql("DELETE FROM outbox WHERE id = ?", (row_id,))
            due = list(session.scalars(select(ErasureTarget).where(
                ErasureTarget.ticket_uuid.in_(sorted(erased_live)),
                ErasureTarget.erased_at.is_(None))))
            due += [t for t in _reerase(session) if t not in due]
            if due:
                _execute(copy, session, due, cipher, officer="system", at=at, drafts=None)
    finally:
        copy.close()
    compact(path)


def erase_in_copies(store: Store, cipher: NikCipher | None, backup_dir: Path | None, *,
                    now: datetime | None = None) -> tuple[int, int]:
    """Carry every erasure into the backups and kept copies of this desk's DB (they hold the
    same personal data; a restore must not bring it back, nor lose a waiting request).
    Returns (copies changed, copies that could not be opened)."""
    at = now or datetime.now(UTC)
    requests = _live_requests(store)
    if not requests:
        return 0, 0
    changed = failed = 0
    for path in copies_of(store.path, backup_dir):
        if not _copy_needs_work(path, requests):
            continue
        try:
            _erase_in_copy(path, requests, cipher, at)
        except (PoskoError, sqlite3.Error, OSError) as exc:
            log.warning("erasure not carried into a backup copy: %s", type(exc).__name__)
            failed += 1
            continue
        changed += 1
    return changed, failed
