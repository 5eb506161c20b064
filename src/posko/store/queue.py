"""The walk-in queue of one session (one day at one desk office): numbered slips."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum

from sqlalchemy import func, select

from posko.store.database import Store, audit
from posko.store.models import QueueSlip, TicketRow


class SlipState(StrEnum):
    WAITING = "waiting"
    CALLED = "called"  # being served at a desk
    SERVED = "served"
    LEFT = "left"  # went home without being served


@dataclass(frozen=True, slots=True)
class QueueEntry:
    number: int
    session_date: date
    issued_at: datetime
    state: SlipState
    served_by: str | None
    ticket_code: str | None


def take_number(store: Store, session_date: date, *, officer: str,
                now: datetime | None = None) -> QueueEntry:
    """Issue the next queue number of the day (numbers start at 1 each day)."""
    at = now or datetime.now(UTC)
    with store.unit_of_work() as session:
        last = session.scalar(select(func.max(QueueSlip.number))
                              .where(QueueSlip.session_date == session_date)) or 0
        slip = QueueSlip(session_date=session_date, number=last + 1, issued_at=at,
                         state=SlipState.WAITING.value)
        session.add(slip)
        audit(session, officer=officer, action="queue.take", entity="queue",
              detail=f"date={session_date.isoformat()} number={last + 1}", at=at)
    return QueueEntry(last + 1, session_date, at, SlipState.WAITING, None, None)


def list_queue(store: Store, session_date: date) -> list[QueueEntry]:
    with store.unit_of_work() as session:
        rows = session.execute(
            select(QueueSlip, TicketRow.tracking_code)
            .outerjoin(TicketRow, TicketRow.id == QueueSlip.ticket_id)
            .where(QueueSlip.session_date == session_date).order_by(QueueSlip.number)
        ).all()
        return [QueueEntry(slip.number, slip.session_date, slip.issued_at, SlipState(slip.state),
                           slip.served_by, code) for slip, code in rows]


def call_next(store: Store, session_date: date, *, officer: str) -> QueueEntry | None:
    """Take the lowest waiting number for this officer; None when nobody is waiting."""
    with store.unit_of_work() as session:
        slip = session.scalar(select(QueueSlip).where(
            QueueSlip.session_date == session_date,
            QueueSlip.state == SlipState.WAITING.value).order_by(QueueSlip.number).limit(1))
        if slip is None:
            return None
        slip.state = SlipState.CALLED.value
        slip.served_by = officer
        audit(session, officer=officer, action="queue.call", entity="queue",
              detail=f"number={slip.number}")
        return QueueEntry(slip.number, slip.session_date, slip.issued_at, SlipState.CALLED,
                          officer, None)


def finish(store: Store, session_date: date, number: int, *, officer: str,
           ticket_uuid: str | None = None, left: bool = False) -> None:
    """Mark a called number served (optionally linked to the ticket made) or left."""
    with store.unit_of_work() as session:
        slip = session.scalar(select(QueueSlip).where(QueueSlip.session_date == session_date,
                                                      QueueSlip.number == number))
        if slip is None:
            raise LookupError("queue number not found")
        slip.state = (SlipState.LEFT if left else SlipState.SERVED).value
        slip.served_by = slip.served_by or officer
        if ticket_uuid is not None:
            slip.ticket_id = session.scalar(select(TicketRow.id)
                                            .where(TicketRow.uuid == ticket_uuid))
        audit(session, officer=officer, action="queue.left" if left else "queue.served",
              entity="queue", entity_uuid=ticket_uuid, detail=f"number={number}")
