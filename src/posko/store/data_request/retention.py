"""When a ticket may be erased: the desk's retention period (`retention_days`) and the
check of each ticket against it (`check_tickets`, `erasure_plan`).

A ticket may be erased when

* it is closed (done, rejected, not our authority, merged) and was closed at least the
  retention period ago (`retention_days`, a desk setting in the ``meta`` table read by the
  CLI and the settings dialog alike; default `DEFAULT_RETENTION_DAYS`), and
* no change about it waits in the outbox (sent, parked or not): those changes must reach
  the server as they are (a changed body under the same Idempotency-Key would be refused),
  so nothing unsent is ever rewritten or deleted; the erasure waits for the server.

Only supervisors may change the period; every change is audited.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.engine import Connection

from posko.domain.errors import DomainError
from posko.domain.status import Status
from posko.store.data_request.find import PersonFindings
from posko.store.data_request.query import RETENTION_ACTION, not_allowed
from posko.store.database import Store, audit, set_meta

RETENTION_META_KEY = "privacy.retention_days"
#: Days after a ticket is closed before an erasure may anonymise it. 90 days: long enough for
#: a "belum beres" reopening (DONE can be reopened), for the duplicate check at intake (30
#: days) and for one quarterly supervision/inspectorate cycle, short enough that a person who
#: asked to be forgotten is not kept for a year. 0 erases closed tickets at once.
DEFAULT_RETENTION_DAYS = 90
MAX_RETENTION_DAYS = 3650

_UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def invalid_retention() -> DomainError:
    return DomainError(
        f"Masa simpan harus 0 sampai {MAX_RETENTION_DAYS} hari.",
        f"The retention period must be 0 to {MAX_RETENTION_DAYS} days.",
        code="invalid_retention", field="retention_days")


def retention_days(store: Store) -> int:
    """The desk's retention period (days after closing) for erasures."""
    raw = store.get_meta(RETENTION_META_KEY)
    try:
        value = int(raw) if raw is not None else DEFAULT_RETENTION_DAYS
    except ValueError:
        return DEFAULT_RETENTION_DAYS
    return value if 0 <= value <= MAX_RETENTION_DAYS else DEFAULT_RETENTION_DAYS


def set_retention_days(store: Store, days: int, *, officer: str, is_supervisor: bool,
                       now: datetime | None = None) -> None:
    """Change the retention period (supervisors only; audited, the old and new values)."""
    if not is_supervisor:
        raise not_allowed()
    if not 0 <= days <= MAX_RETENTION_DAYS:
        raise invalid_retention()
    previous = retention_days(store)
    with store.unit_of_work() as session:
        set_meta(session, RETENTION_META_KEY, str(days))
        audit(session, officer=officer, action=RETENTION_ACTION, entity="desk",
              detail=f"days={previous}->{days}", at=now or datetime.now(UTC))


@dataclass(frozen=True, slots=True)
class ErasureCheck:
    """Whether one ticket may be erased now, and if not why: "open" (not closed yet),
    "retention" (closed less than the retention period ago; `allowed_from` says when) or
    "unsent" (`unsent` changes about it still wait for the server)."""

    ticket_uuid: str
    tracking_code: str
    allowed: bool
    reason: str  # "allowed" | "open" | "retention" | "unsent"
    allowed_from: datetime | None = None
    unsent: int = 0


def _unsent_by_ticket(conn: Connection) -> dict[str, int]:
    """Outbox rows (waiting or parked) per ticket uuid they mention (entity or payload)."""
    counts: dict[str, int] = {}
    for entity_uuid, payload in conn.exec_driver_sql("SELECT entity_uuid, payload FROM outbox"):
        named = set(_UUID_RE.findall(str(payload).lower()))
        named.add(str(entity_uuid).lower())
        for uuid in named:
            counts[uuid] = counts.get(uuid, 0) + 1
    return counts


def check_tickets(conn: Connection, tickets: Sequence[tuple[str, str, Status, datetime | None]],
                  *, retention: int, now: datetime) -> list[ErasureCheck]:
    """Checks for (uuid, tracking code, status, closed_at) tuples."""
    unsent = _unsent_by_ticket(conn)
    checks = []
    for uuid, code, status, closed_at in tickets:
        waiting = unsent.get(uuid, 0)
        if status.is_open or closed_at is None:
            checks.append(ErasureCheck(uuid, code, False, "open", unsent=waiting))
            continue
        allowed_from = closed_at + timedelta(days=retention)
        if allowed_from > now:
            checks.append(ErasureCheck(uuid, code, False, "retention", allowed_from, waiting))
        elif waiting:
            checks.append(ErasureCheck(uuid, code, False, "unsent", allowed_from, waiting))
        else:
            checks.append(ErasureCheck(uuid, code, True, "allowed", allowed_from))
    return checks


def erasure_plan(store: Store, findings: PersonFindings, *,
                 now: datetime | None = None) -> list[ErasureCheck]:
    """What an erasure request would erase now and what would wait (and why)."""
    now = now or datetime.now(UTC)
    retention = retention_days(store)
    with store.engine.connect() as conn:
        return check_tickets(conn, [(t.uuid, t.tracking_code, t.status, t.closed_at)
                                    for t in findings.tickets], retention=retention, now=now)
