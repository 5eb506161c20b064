"""The Saturday recap: what one posko session (one day at this desk's office) handled.

Definitions (the supervisor reads these numbers, so they are spelled out):

* **session tickets** — the complaints taken that day at the desk (origin ``desk`` or
  ``assisted``, created on that local day) plus the tickets chased that day (a follow-up asked
  on that day), each counted once. Tickets pulled from the central server are not walk-ins and
  are not counted unless somebody chased them.
* **by origin** — ``desk`` and ``assisted`` for new complaints, ``chase`` for the tickets
  chased that day that were not also created that day.
* **by category / kelurahan / status** — over the session tickets; the status is the current
  one (the store keeps no snapshot per day).
* **past SLA** — every open ticket of the desk (whatever day it came in) whose resolution
  deadline (:mod:`posko.domain.sla`, tier ``resolution``) had passed at the end of the day.
* **per officer** — new complaints typed, chases recorded and status updates made that day.
* **queue** — slips of that day: served, still waiting (or being called), left.

"That day" is the local day in the desk's time zone. No personal data (reporter name, NIK,
phone) is read: the recap is for supervisors and may be printed or mailed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from posko.domain.models import Origin
from posko.domain.sla import (
    SlaPolicy,
    WorkingCalendar,
    default_calendar,
    default_policy,
    tier_due,
)
from posko.domain.status import TERMINAL_STATUSES, Status
from posko.store.database import Store, in_chunks
from posko.store.desk import desk_identity
from posko.store.models import (
    ExternalRefRow,
    FollowUpRow,
    Officer,
    QueueSlip,
    StatusEventRow,
    TicketRow,
)

OVERDUE_TIER = "resolution"
CHASE = "chase"


@dataclass(frozen=True, slots=True)
class Count:
    key: str  # category code, kelurahan code, origin ("desk", "assisted", "chase"), status
    count: int


@dataclass(frozen=True, slots=True)
class OverdueTicket:
    tracking_code: str
    category: str
    kelurahan_code: str
    status: Status
    created_at: datetime  # in the desk's time zone
    due_at: datetime  # end of the resolution deadline, desk time zone
    days_late: int  # calendar days from the deadline's day to the recap day
    external_refs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ChaseSummary:
    tracking_code: str
    external_refs: tuple[str, ...]
    asked_at: datetime  # desk time zone
    officer: str
    promise: str
    promised_by: date | None
    status: Status  # the ticket's current status


@dataclass(frozen=True, slots=True)
class OfficerSummary:
    username: str
    full_name: str  # the username when the officer is not registered at this desk
    new_tickets: int
    chases: int
    status_updates: int


@dataclass(frozen=True, slots=True)
class QueueSummary:
    served: int = 0
    waiting: int = 0  # still waiting or being called at the end of the day
    left: int = 0

    @property
    def total(self) -> int:
        return self.served + self.waiting + self.left


@dataclass(frozen=True, slots=True)
class Recap:
    day: date
    kecamatan_code: str
    timezone: str
    as_of: datetime  # the end of `day` in the desk's time zone
    new_tickets: int
    chased_tickets: int
    by_category: tuple[Count, ...]
    by_kelurahan: tuple[Count, ...]
    by_origin: tuple[Count, ...]
    by_status: tuple[Count, ...]
    overdue: tuple[OverdueTicket, ...]
    chases: tuple[ChaseSummary, ...]
    officers: tuple[OfficerSummary, ...]
    queue: QueueSummary

    @property
    def total(self) -> int:
        """Session tickets: new complaints plus tickets chased (each once)."""
        return self.new_tickets + self.chased_tickets


def day_bounds(day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """[start, end) of a local day, as aware UTC datetimes."""
    start = datetime.combine(day, time.min, tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def _counts(values: Iterable[str]) -> tuple[Count, ...]:
    """Most frequent first; ties in key order (stable, testable)."""
    counter = Counter(values)
    return tuple(Count(k, n) for k, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def officer_names(store: Store) -> dict[str, str]:
    """username -> full name of every officer registered at this desk (active or not)."""
    with store.unit_of_work() as session:
        return {row.username: row.full_name
                for row in session.execute(select(Officer.username, Officer.full_name))}


def compute_recap(store: Store, day: date, *, policy: SlaPolicy | None = None,
                  calendar: WorkingCalendar | None = None) -> Recap:
    """The recap of the session held on `day` (local date at this desk)."""
    identity = desk_identity(store)
    zone = identity.timezone
    start, end = day_bounds(day, zone)
    as_of = (end - timedelta(microseconds=1)).astimezone(zone)
    policy = policy or default_policy()
    calendar = calendar or default_calendar()
    walk_in = (Origin.DESK.value, Origin.ASSISTED.value)

    with store.unit_of_work() as session:
        new_rows = session.execute(
            select(TicketRow.id, TicketRow.origin, TicketRow.category, TicketRow.kelurahan_code,
                   TicketRow.status, TicketRow.officer)
            .where(TicketRow.created_at >= start, TicketRow.created_at < end,
                   TicketRow.origin.in_(walk_in))
        ).all()
        chase_rows = session.execute(
            select(FollowUpRow.ticket_id, FollowUpRow.asked_at, FollowUpRow.officer,
                   FollowUpRow.promise, FollowUpRow.promised_by, TicketRow.tracking_code,
                   TicketRow.status, TicketRow.category, TicketRow.kelurahan_code)
            .join(TicketRow, TicketRow.id == FollowUpRow.ticket_id)
            .where(FollowUpRow.asked_at >= start, FollowUpRow.asked_at < end)
            .order_by(FollowUpRow.asked_at, FollowUpRow.id)
        ).all()
        update_actors = session.scalars(
            select(StatusEventRow.actor)
            .where(StatusEventRow.at >= start, StatusEventRow.at < end,
                   StatusEventRow.source == "desk",
                   StatusEventRow.status != Status.RECEIVED.value)
        ).all()
        open_rows = session.execute(
            select(TicketRow.id, TicketRow.tracking_code, TicketRow.category,
                   TicketRow.kelurahan_code, TicketRow.status, TicketRow.created_at,
                   TicketRow.needs_field_check)
            .where(TicketRow.status.not_in([s.value for s in TERMINAL_STATUSES]),
                   TicketRow.created_at < end)
        ).all()
        queue_states = session.scalars(
            select(QueueSlip.state).where(QueueSlip.session_date == day)
        ).all()
        names = {row.username: row.full_name
                 for row in session.execute(select(Officer.username, Officer.full_name))}

        overdue_found: list[tuple[int, str, str, str, str, datetime, datetime]] = []
        for row in open_rows:
            try:
                tier = policy.tier(OVERDUE_TIER, bool(row.needs_field_check))
            except KeyError:
                continue  # this policy sets no resolution deadline for such tickets
            created = row.created_at.astimezone(zone)
            due = tier_due(tier, calendar, created)
            if due < as_of:
                overdue_found.append((row.id, row.tracking_code, row.category,
                                      row.kelurahan_code, row.status, created, due))

        ref_ids = sorted({r[0] for r in overdue_found} | {r.ticket_id for r in chase_rows})
        refs: dict[int, list[str]] = {}
        for chunk in in_chunks(ref_ids):
            for ticket_id, source, number in session.execute(
                select(ExternalRefRow.ticket_id, ExternalRefRow.source, ExternalRefRow.number)
                .where(ExternalRefRow.ticket_id.in_(chunk)).order_by(ExternalRefRow.id)
            ):
                refs.setdefault(ticket_id, []).append(f"{source} {number}")

    new_ids = {row.id for row in new_rows}
    session_tickets: dict[int, tuple[str, str, str, str]] = {
        row.id: (row.origin, row.category, row.kelurahan_code, row.status) for row in new_rows
    }
    for chase in chase_rows:
        if chase.ticket_id not in session_tickets:
            session_tickets[chase.ticket_id] = (CHASE, chase.category, chase.kelurahan_code,
                                                chase.status)
    values = list(session_tickets.values())

    overdue = tuple(
        OverdueTicket(
            tracking_code=code, category=category, kelurahan_code=kelurahan,
            status=Status(status), created_at=created, due_at=due,
            days_late=(as_of.date() - due.date()).days,
            external_refs=tuple(refs.get(ticket_id, ())),
        )
        for ticket_id, code, category, kelurahan, status, created, due in sorted(
            overdue_found, key=lambda r: (r[6], r[1]))
    )
    chases = tuple(
        ChaseSummary(
            tracking_code=row.tracking_code, external_refs=tuple(refs.get(row.ticket_id, ())),
            asked_at=row.asked_at.astimezone(zone), officer=row.officer, promise=row.promise,
            promised_by=row.promised_by, status=Status(row.status),
        )
        for row in chase_rows
    )

    new_by_officer = Counter(row.officer for row in new_rows if row.officer)
    chases_by_officer = Counter(row.officer for row in chase_rows if row.officer)
    updates_by_officer = Counter(actor for actor in update_actors if actor)
    everyone = set(new_by_officer) | set(chases_by_officer) | set(updates_by_officer)
    officers = tuple(sorted(
        (OfficerSummary(username=u, full_name=names.get(u) or u,
                        new_tickets=new_by_officer[u], chases=chases_by_officer[u],
                        status_updates=updates_by_officer[u]) for u in everyone),
        key=lambda o: (-(o.new_tickets + o.chases + o.status_updates), o.username),
    ))

    states = Counter(queue_states)
    queue = QueueSummary(served=states["served"],
                         waiting=states["waiting"] + states["called"],
                         left=states["left"])
    return Recap(
        day=day,
        kecamatan_code=identity.kecamatan_code,
        timezone=zone.key,
        as_of=as_of,
        new_tickets=len(new_ids),
        chased_tickets=len(session_tickets) - len(new_ids),
        by_category=_counts(v[1] for v in values),
        by_kelurahan=_counts(v[2] for v in values),
        by_origin=_counts(v[0] for v in values),
        by_status=_counts(v[3] for v in values),
        overdue=overdue,
        chases=chases,
        officers=officers,
        queue=queue,
    )
