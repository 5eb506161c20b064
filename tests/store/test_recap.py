"""The Saturday recap's numbers against a known day of desk work."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from posko.domain.models import FollowUp, Location, Origin, Reporter, ReporterKind
from posko.domain.sla import WorkingCalendar
from posko.domain.status import Status
from posko.store.casework import change_status, record_chase
from posko.store.database import Store
from posko.store.officers import create_officer
from posko.store.queue import call_next, finish, take_number
from posko.store.recap import Count, compute_recap, day_bounds, officer_names

WIB = ZoneInfo("Asia/Jakarta")
DAY = date(2026, 11, 28)  # a Saturday session


def wib(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=WIB).astimezone(UTC)


@pytest.fixture
def session_day(store: Store, intake):  # type: ignore[no-untyped-def]
    """Saturday: 3 desk + 1 assisted complaints, 2 chases (one of an app ticket); an old open
    ticket past its SLA, an old one that is done, one with a field check still in time; a
    complaint just before midnight on Friday and one just after midnight on Saturday."""
    create_officer(store, username="budi", full_name="Budi Santoso", pin="739152")
    made = {}
    made["a"] = intake(now=wib(DAY, 8, 5))
    made["b"] = intake(now=wib(DAY, 9, 30), category="pju", officer="sari")
    made["c"] = intake(now=wib(DAY, 0, 10), category="pju",
                       reporter=Reporter(kind=ReporterKind.ANONYMOUS))
    made["d"] = intake(now=wib(DAY, 10, 0), origin=Origin.ASSISTED,
                       location=Location("31.75.04.1004", rw=2, rt=1))
    made["friday"] = intake(now=wib(DAY - timedelta(days=1), 23, 50))
    made["old_open"] = intake(now=wib(date(2026, 9, 1), 9, 0), category="jalan_rusak",
                              external_refs=["LAPOR 777"])
    made["old_done"] = intake(now=wib(date(2026, 9, 1), 9, 30), category="jalan_rusak")
    made["field"] = intake(now=wib(date(2026, 10, 20), 9, 0), needs_field_check=True)
    made["app"] = intake(now=wib(date(2026, 10, 1), 12, 0), origin=Origin.APP, consent=False,
                         officer="", external_refs=["QLUE 1234567"])
    for status in (Status.VERIFIED, Status.DISPATCHED, Status.IN_PROGRESS,
                   Status.AWAITING_VALIDATION, Status.DONE):
        change_status(store, made["old_done"].uuid, status, officer="budi",
                      now=wib(date(2026, 9, 3), 9))
    change_status(store, made["a"].uuid, Status.VERIFIED, officer="budi", now=wib(DAY, 11))
    change_status(store, made["app"].uuid, Status.VERIFIED, officer="sari", now=wib(DAY, 11))
    record_chase(store, FollowUp(ticket_uuid=made["app"].uuid, asked_at=wib(DAY, 9, 0),
                                 officer="budi", requested_by="Pak Slamet",
                                 promise="Ditanyakan ke Dinas LH", promised_by=date(2026, 12, 2)))
    record_chase(store, FollowUp(ticket_uuid=made["old_open"].uuid, asked_at=wib(DAY, 13, 0),
                                 officer="sari", promise="Dijadwalkan perbaikan"))
    # a chase on another day is not counted
    record_chase(store, FollowUp(ticket_uuid=made["old_open"].uuid,
                                 asked_at=wib(date(2026, 11, 21), 9, 0), officer="sari"))
    for _ in range(4):
        take_number(store, DAY, officer="budi", now=wib(DAY, 7, 55))
    call_next(store, DAY, officer="budi")
    finish(store, DAY, 1, officer="budi", ticket_uuid=made["a"].uuid)
    call_next(store, DAY, officer="sari")
    finish(store, DAY, 2, officer="sari", left=True)
    call_next(store, DAY, officer="sari")  # number 3 is being served at closing time
    take_number(store, DAY + timedelta(days=7), officer="budi")  # next week's session
    return made


def test_day_bounds_are_local() -> None:
    start, end = day_bounds(DAY, WIB)
    assert start == datetime(2026, 11, 27, 17, 0, tzinfo=UTC)
    assert end == datetime(2026, 11, 28, 17, 0, tzinfo=UTC)


def test_counts_of_the_session(store: Store, session_day) -> None:  # type: ignore[no-untyped-def]
    recap = compute_recap(store, DAY)
    assert recap.day == DAY
    assert recap.kecamatan_code == "31.75.04"
    assert recap.as_of.date() == DAY
    assert recap.as_of.tzinfo is not None
    assert recap.new_tickets == 4  # a, b, c (00:10 WIB), d; not Friday 23:50
    assert recap.chased_tickets == 2  # the app ticket and the old open one
    assert recap.total == 6
    assert recap.by_origin == (Count("desk", 3), Count("chase", 2), Count("assisted", 1))
    # a, d and the chased app ticket are "sampah"; b and c "pju"; the old open ticket roads.
    assert recap.by_category == (Count("sampah", 3), Count("pju", 2), Count("jalan_rusak", 1))
    assert recap.by_kelurahan == (Count("31.75.04.1005", 5), Count("31.75.04.1004", 1))


def test_status_counts_are_current(store: Store, session_day) -> None:  # type: ignore[no-untyped-def]
    statuses = {c.key: c.count for c in compute_recap(store, DAY).by_status}
    # a and app were verified; b, c, d and the old open ticket are still received.
    assert statuses == {"received": 4, "verified": 2}


def test_chases_with_their_promises(store: Store, session_day) -> None:  # type: ignore[no-untyped-def]
    chases = compute_recap(store, DAY).chases
    assert [c.tracking_code for c in chases] == [session_day["app"].tracking_code,
                                                session_day["old_open"].tracking_code]
    first, second = chases
    assert first.external_refs == ("QLUE 1234567",)
    assert first.promised_by == date(2026, 12, 2)
    assert first.promise == "Ditanyakan ke Dinas LH"
    assert first.officer == "budi"
    assert first.asked_at == datetime(2026, 11, 28, 9, 0, tzinfo=WIB)
    assert first.status is Status.VERIFIED
    assert second.external_refs == ("LAPOR 777",)
    assert second.promised_by is None


def test_overdue_is_every_open_ticket_past_resolution(store: Store, session_day) -> None:  # type: ignore[no-untyped-def]
    overdue = compute_recap(store, DAY).overdue
    codes = [o.tracking_code for o in overdue]
    # 14 working days after 1 Sep and after 1 Oct have passed; the done ticket, the field-check
    # ticket (60 working days) and the recent complaints are not late.
    assert codes == [session_day["old_open"].tracking_code, session_day["app"].tracking_code]
    late = overdue[0]
    assert late.external_refs == ("LAPOR 777",)
    assert late.due_at.date() == date(2026, 9, 21)
    assert late.days_late == (DAY - date(2026, 9, 21)).days
    assert late.status is Status.RECEIVED


def test_overdue_follows_the_calendar(store: Store, session_day) -> None:  # type: ignore[no-untyped-def]
    # Make every weekday of October a holiday: the app ticket is no longer late.
    october = [date(2026, 10, d) for d in range(2, 32)]
    november = [date(2026, 11, d) for d in range(1, 29)]
    calendar = WorkingCalendar(extra_holidays=october + november)
    codes = [o.tracking_code for o in compute_recap(store, DAY, calendar=calendar).overdue]
    assert codes == [session_day["old_open"].tracking_code]


def test_per_officer(store: Store, session_day) -> None:  # type: ignore[no-untyped-def]
    officers = {o.username: o for o in compute_recap(store, DAY).officers}
    assert set(officers) == {"budi", "sari"}
    budi, sari = officers["budi"], officers["sari"]
    assert budi.full_name == "Budi Santoso"
    assert (budi.new_tickets, budi.chases, budi.status_updates) == (3, 1, 1)
    assert sari.full_name == "sari"  # not registered at this desk
    assert (sari.new_tickets, sari.chases, sari.status_updates) == (1, 1, 1)


def test_queue_of_the_session(store: Store, session_day) -> None:  # type: ignore[no-untyped-def]
    queue = compute_recap(store, DAY).queue
    assert (queue.served, queue.waiting, queue.left, queue.total) == (1, 2, 1, 4)


def test_a_day_without_work(store: Store) -> None:
    recap = compute_recap(store, date(2026, 1, 3))
    assert recap.total == 0
    assert recap.by_category == recap.by_origin == recap.chases == recap.officers == ()
    assert recap.queue.total == 0


def test_officer_names(store: Store) -> None:
    create_officer(store, username="dewi", full_name="Dewi Lestari", pin="739152")
    assert officer_names(store) == {"dewi": "Dewi Lestari"}
