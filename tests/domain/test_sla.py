from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posko.domain import sla
from posko.domain.errors import DomainError
from posko.domain.sla import (
    InvalidSlaConfig,
    SlaPolicy,
    SlaTier,
    WorkingCalendar,
    default_policy,
    due_dates,
    is_overdue,
    load_calendar,
    load_policy,
    overdue_keys,
)
from posko.domain.status import Status

WIB = timezone(timedelta(hours=7), "WIB")

# National holidays and cuti bersama of 2026 (SKB 3 Menteri), written out independently of
# the `holidays` package so that the test notices if the categories stop including them.
HOLIDAYS_2026 = {
    date(2026, 1, 1),  # Tahun Baru
    date(2026, 1, 16),  # Isra Mikraj
    date(2026, 2, 16),  # cuti bersama Imlek
    date(2026, 2, 17),  # Imlek
    date(2026, 3, 18),  # cuti bersama Nyepi
    date(2026, 3, 19),  # Nyepi
    date(2026, 3, 20),  # cuti bersama Idul Fitri
    date(2026, 3, 21),  # Idul Fitri
    date(2026, 3, 22),  # Idul Fitri hari kedua
    date(2026, 3, 23),  # cuti bersama Idul Fitri
    date(2026, 3, 24),  # cuti bersama Idul Fitri
    date(2026, 4, 3),  # Jumat Agung
    date(2026, 4, 5),  # Paskah
    date(2026, 5, 1),  # Hari Buruh
    date(2026, 5, 14),  # Kenaikan Yesus Kristus
    date(2026, 5, 15),  # cuti bersama Kenaikan
    date(2026, 5, 27),  # Idul Adha
    date(2026, 5, 28),  # cuti bersama Idul Adha
    date(2026, 5, 31),  # Waisak
    date(2026, 6, 1),  # Hari Lahir Pancasila
    date(2026, 6, 16),  # Tahun Baru Islam
    date(2026, 8, 17),  # Hari Kemerdekaan
    date(2026, 8, 25),  # Maulid Nabi
    date(2026, 12, 24),  # cuti bersama Natal
    date(2026, 12, 25),  # Natal
}


def naive_add(start: date, n: int, off: set[date] = HOLIDAYS_2026) -> date:
    """Day-by-day oracle for 2026 (no caching, no bisect)."""
    day = start
    while n:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in off:
            n -= 1
    return day


@pytest.fixture(scope="module")
def calendar() -> WorkingCalendar:
    return WorkingCalendar()


# --------------------------------------------------------------------------- calendar


def test_2026_working_days_match_the_official_list(calendar: WorkingCalendar) -> None:
    day = date(2026, 1, 1)
    while day.year == 2026:
        expected = day.weekday() < 5 and day not in HOLIDAYS_2026
        assert calendar.is_working_day(day) is expected, day
        day += timedelta(days=1)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 3, 20), False),  # Eid al-Fitr joint holiday (a Friday)
        (date(2026, 3, 23), False),
        (date(2026, 3, 24), False),
        (date(2026, 3, 25), True),
        (date(2026, 12, 24), False),  # Christmas joint holiday
        (date(2026, 12, 25), False),
        (date(2026, 12, 28), True),
        (date(2026, 11, 28), False),  # Saturday
        (date(2026, 11, 29), False),  # Sunday
        (date(2026, 11, 30), True),
        (date(2026, 8, 17), False),  # Independence Day, a Monday
    ],
)
def test_is_working_day(calendar: WorkingCalendar, day: date, working: bool) -> None:
    assert calendar.is_working_day(day) is working
    assert calendar.is_working_day(datetime.combine(day, datetime.min.time())) is working


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        # The documented example: received Saturday, day 1 is Monday.
        (date(2026, 11, 28), 3, date(2026, 12, 2)),
        # Received on a working day: that day does not count.
        (date(2026, 11, 30), 1, date(2026, 12, 1)),
        (date(2026, 11, 27), 1, date(2026, 11, 30)),  # Friday -> Monday
        # Nyepi + Eid al-Fitr 2026: 18..24 March are all off.
        (date(2026, 3, 17), 1, date(2026, 3, 25)),
        (date(2026, 3, 17), 3, date(2026, 3, 27)),
        (date(2026, 3, 20), 1, date(2026, 3, 25)),
        # Christmas 2026: Thursday 24 (cuti bersama) and Friday 25.
        (date(2026, 12, 23), 1, date(2026, 12, 28)),
        (date(2026, 12, 22), 3, date(2026, 12, 29)),
    ],
)
def test_add_working_days(calendar: WorkingCalendar, start: date, n: int, due: date) -> None:
    assert calendar.add_working_days(start, n) == due


def test_add_working_days_across_the_new_year(calendar: WorkingCalendar) -> None:
    # 30 Dec (Wed) -> 31 Dec (Thu, 1) -> 1 Jan 2027 is a holiday (Fri) -> Mon 4 Jan (2).
    assert calendar.add_working_days(date(2026, 12, 30), 2) == date(2027, 1, 4)
    assert calendar.working_days_between(date(2026, 12, 30), date(2027, 1, 4)) == 2


def test_time_of_day_does_not_matter(calendar: WorkingCalendar) -> None:
    for hour in (0, 7, 16, 23):
        start = datetime(2026, 11, 28, hour, 59, tzinfo=WIB)
        assert calendar.add_working_days(start, 3) == date(2026, 12, 2)


def test_zero_days_is_the_start_date_and_negative_is_refused(calendar: WorkingCalendar) -> None:
    assert calendar.add_working_days(date(2026, 11, 29), 0) == date(2026, 11, 29)
    with pytest.raises(ValueError, match="n must be"):
        calendar.add_working_days(date(2026, 11, 29), -1)


def test_working_days_between(calendar: WorkingCalendar) -> None:
    assert calendar.working_days_between(date(2026, 11, 28), date(2026, 12, 2)) == 3
    assert calendar.working_days_between(date(2026, 12, 2), date(2026, 11, 28)) == -3
    assert calendar.working_days_between(date(2026, 3, 17), date(2026, 3, 24)) == 0
    assert calendar.working_days_between(date(2026, 1, 1), date(2026, 1, 1)) == 0
    working_2026 = sum(
        1
        for i in range(365)
        if (d := date(2026, 1, 1) + timedelta(days=i)).weekday() < 5 and d not in HOLIDAYS_2026
    )
    # 31 Dec 2025 is excluded, every 2026 day counted: the whole year.
    assert calendar.working_days_between(date(2025, 12, 31), date(2026, 12, 31)) == working_2026
    # Several whole years in between.
    total = calendar.working_days_between(date(2024, 6, 1), date(2028, 6, 1))
    by_year = (
        calendar.working_days_between(date(2024, 6, 1), date(2025, 6, 1))
        + calendar.working_days_between(date(2025, 6, 1), date(2027, 6, 1))
        + calendar.working_days_between(date(2027, 6, 1), date(2028, 6, 1))
    )
    assert total == by_year > 900


def test_holiday_names_are_in_bahasa(calendar: WorkingCalendar) -> None:
    name = calendar.holiday_name(date(2026, 3, 20))
    assert name is not None
    assert "Idul Fitri" in name
    assert calendar.holiday_name(date(2026, 3, 25)) is None


def test_local_override_file_adds_a_day_off(tmp_path: Path) -> None:
    override = tmp_path / "libur_daerah.toml"
    override.write_text(
        '[[holiday]]\ndate = 2026-06-22\nname = "HUT Jakarta"\n', encoding="utf-8"
    )
    local = load_calendar(override)
    national = WorkingCalendar()
    friday = date(2026, 6, 19)
    assert national.add_working_days(friday, 1) == date(2026, 6, 22)
    assert local.add_working_days(friday, 1) == date(2026, 6, 23)
    assert not local.is_working_day(date(2026, 6, 22))
    assert local.holiday_name(date(2026, 6, 22)) == "HUT Jakarta"
    # The national days off are still there.
    assert local.add_working_days(date(2026, 12, 23), 1) == date(2026, 12, 28)


def test_override_can_make_a_national_day_off_a_working_day() -> None:
    local = load_calendar(
        "[[working_day]]\ndate = 2026-12-24\nname = \"Kantor buka\"\n"
        "[[working_day]]\ndate = 2026-11-28\n"  # a decreed working Saturday
    )
    assert local.is_working_day(date(2026, 12, 24))
    assert local.is_working_day(date(2026, 11, 28))
    assert local.holiday_name(date(2026, 12, 24)) is None
    assert local.add_working_days(date(2026, 12, 23), 1) == date(2026, 12, 24)
    assert local.add_working_days(date(2026, 11, 27), 1) == date(2026, 11, 28)


def test_calendar_accepts_plain_dates_and_datetimes() -> None:
    cal = WorkingCalendar(extra_holidays=[datetime(2026, 6, 22, 8, 0)])
    assert not cal.is_working_day(date(2026, 6, 22))
    assert cal.extra_holidays == {date(2026, 6, 22): "Libur daerah"}


def test_a_date_cannot_be_both_off_and_working() -> None:
    with pytest.raises(InvalidSlaConfig):
        WorkingCalendar(extra_holidays=[date(2026, 6, 22)], extra_working_days=[date(2026, 6, 22)])


@pytest.mark.parametrize(
    "text",
    [
        "[[holiday]]\ndate = 2026-06-22T08:00:00\n",  # a time, not a date
        '[[holiday]]\ndate = "22-06-2026"\n',
        "[[holiday]]\nname = \"no date\"\n",
        "[[holiday]]\ndate = 2026-06-22\ncolour = \"red\"\n",
        "[[holidays]]\ndate = 2026-06-22\n",  # typo in the table name
        "holiday = 3\n",
        "[[holiday]]\ndate = 2026-06-22\nname = 5\n",
        "[[holiday\n",
    ],
)
def test_malformed_override_files_are_refused(text: str) -> None:
    with pytest.raises(InvalidSlaConfig) as info:
        load_calendar(text)
    assert isinstance(info.value, DomainError)
    assert info.value.message("id") != info.value.message("en")


def test_override_dates_may_be_iso_strings() -> None:
    cal = load_calendar('[[holiday]]\ndate = "2026-06-22"\n')
    assert not cal.is_working_day(date(2026, 6, 22))


def test_no_override_file_is_the_national_calendar() -> None:
    assert load_calendar(None).add_working_days(date(2026, 6, 19), 1) == date(2026, 6, 22)


def test_holiday_years_are_computed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    real = sla.holidays.country_holidays

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(kwargs.get("years"))
        return real(*args, **kwargs)

    monkeypatch.setattr(sla.holidays, "country_holidays", counting)
    cal = WorkingCalendar()
    for i in range(500):
        cal.add_working_days(date(2026, 1, 1) + timedelta(days=i % 300), 5)
        cal.is_working_day(date(2026, 3, 1) + timedelta(days=i % 200))
    assert sorted(calls) == [2026]  # (2027 is never reached by +5 within 2026's first 300 days)
    cal.add_working_days(date(2026, 12, 30), 60)
    cal.add_working_days(date(2026, 12, 29), 61)
    assert sorted(calls) == [2026, 2027]


# --------------------------------------------------------------------------- properties

starts = st.dates(min_value=date(2024, 1, 1), max_value=date(2032, 12, 31))


@given(start=starts, n=st.integers(min_value=1, max_value=80))
def test_due_date_is_a_working_day_strictly_after_the_start(start: date, n: int) -> None:
    cal = _shared_calendar()
    due = cal.add_working_days(start, n)
    assert due > start
    assert cal.is_working_day(due)
    assert cal.working_days_between(start, due) == n
    # The day before the due date is still short of n.
    assert cal.working_days_between(start, due - timedelta(days=1)) == n - 1


@given(start=starts, n=st.integers(min_value=1, max_value=80), more=st.integers(1, 20))
def test_due_date_is_strictly_monotonic_in_n(start: date, n: int, more: int) -> None:
    cal = _shared_calendar()
    assert cal.add_working_days(start, n) < cal.add_working_days(start, n + more)
    # Adding in two steps lands on the same day as adding at once.
    middle = cal.add_working_days(start, n)
    assert cal.add_working_days(middle, more) == cal.add_working_days(start, n + more)


@given(start=st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 9, 30)),
       n=st.integers(min_value=1, max_value=60))
def test_bisect_agrees_with_the_day_by_day_oracle(start: date, n: int) -> None:
    expected = naive_add(start, n)
    if expected.year == 2026:  # the oracle only knows 2026
        assert _shared_calendar().add_working_days(start, n) == expected


_CALENDAR: WorkingCalendar | None = None


def _shared_calendar() -> WorkingCalendar:
    # Hypothesis tests cannot take function-scoped fixtures; one calendar keeps its cache.
    global _CALENDAR
    if _CALENDAR is None:
        _CALENDAR = WorkingCalendar()
    return _CALENDAR


# --------------------------------------------------------------------------- policy


def test_default_policy_is_the_national_one() -> None:
    policy = default_policy()
    assert policy.keys == ("verification", "followup", "resolution")
    without = {t.key: (t.amount, t.unit) for t in policy.applicable(False)}
    with_check = {t.key: (t.amount, t.unit) for t in policy.applicable(True)}
    assert without == {
        "verification": (3, "working_days"),
        "followup": (5, "working_days"),
        "resolution": (14, "working_days"),
    }
    assert with_check["resolution"] == (60, "working_days")
    assert all(t.label_id and t.label_en for t in policy.tiers)


def test_field_check_gives_60_instead_of_14_working_days(calendar: WorkingCalendar) -> None:
    created = datetime(2026, 1, 5, 9, 30, tzinfo=WIB)  # a Monday
    plain = due_dates(default_policy(), calendar, created, needs_field_check=False)
    field = due_dates(default_policy(), calendar, created, needs_field_check=True)
    # 16 January (Isra Mikraj) is skipped.
    assert plain["resolution"].date() == date(2026, 1, 26) == naive_add(created.date(), 14)
    assert field["resolution"].date() == naive_add(created.date(), 60) == date(2026, 4, 10)
    assert plain["verification"] == field["verification"]
    assert plain["verification"].date() == date(2026, 1, 8)
    assert plain["followup"].date() == date(2026, 1, 12)
    assert list(plain) == ["verification", "followup", "resolution"]


def test_deadline_is_the_end_of_the_last_day_in_the_same_zone(calendar: WorkingCalendar) -> None:
    created = datetime(2026, 11, 28, 10, 0, tzinfo=WIB)
    due = due_dates(default_policy(), calendar, created, False)["verification"]
    assert due.tzinfo is WIB
    assert due.date() == date(2026, 12, 2)
    assert due + timedelta(microseconds=1) == datetime(2026, 12, 3, tzinfo=WIB)


JAKARTA = """
[[tier]]
key = "lurah_response"
label_id = "Tanggapan lurah"
label_en = "Lurah's response"
amount = 24
unit = "hours"

[[tier]]
key = "visit"
label_id = "Kunjungan"
label_en = "Visit"
amount = 7
unit = "calendar_days"
applies_when_field_check = true
"""


def test_tier_in_hours_runs_through_the_weekend(calendar: WorkingCalendar) -> None:
    policy = load_policy(JAKARTA)
    created = datetime(2026, 12, 24, 17, 0, tzinfo=WIB)  # a holiday, even
    dues = due_dates(policy, calendar, created, needs_field_check=False)
    assert dues == {"lurah_response": datetime(2026, 12, 25, 17, 0, tzinfo=WIB)}


def test_calendar_day_tier_only_when_a_field_check_is_needed(calendar: WorkingCalendar) -> None:
    policy = load_policy(JAKARTA)
    created = datetime(2026, 12, 24, 17, 0, tzinfo=WIB)
    dues = due_dates(policy, calendar, created, needs_field_check=True)
    assert dues["visit"] == datetime(2026, 12, 31, 23, 59, 59, 999999, tzinfo=WIB)


def test_load_policy_from_a_path(tmp_path: Path) -> None:
    path = tmp_path / "sla.toml"
    path.write_text(JAKARTA, encoding="utf-8")
    assert load_policy(path) == load_policy(JAKARTA)


def test_is_overdue(calendar: WorkingCalendar) -> None:
    policy = default_policy()
    created = datetime(2026, 11, 28, 10, 0, tzinfo=WIB)
    end_of_due_day = datetime(2026, 12, 2, 23, 59, 59, 999999, tzinfo=WIB)
    args = (policy, calendar, created, False)
    assert not is_overdue(*args, end_of_due_day, key="verification")
    assert is_overdue(*args, end_of_due_day + timedelta(microseconds=1), key="verification")
    assert not is_overdue(*args, end_of_due_day + timedelta(days=1))  # resolution: 14 days
    # A closed ticket is never overdue; an open one is.
    late = datetime(2027, 3, 1, tzinfo=WIB)
    assert is_overdue(*args, late, status=Status.IN_PROGRESS)
    assert is_overdue(*args, late, status=Status.REOPENED)
    for closed in (Status.DONE, Status.REJECTED, Status.NOT_OUR_AUTHORITY, Status.MERGED):
        assert not is_overdue(*args, late, status=closed)
    with pytest.raises(KeyError):
        is_overdue(*args, late, key="lurah_response")


def test_overdue_keys(calendar: WorkingCalendar) -> None:
    created = datetime(2026, 11, 28, 10, 0, tzinfo=WIB)
    now = datetime(2026, 12, 5, 9, 0, tzinfo=WIB)
    keys = overdue_keys(default_policy(), calendar, created, False, now)
    # verification was due 2 Dec, follow-up 4 Dec; resolution not yet.
    assert keys == ("verification", "followup")


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ('[[tier]]\nkey = "a"\nlabel_id = "A"\nlabel_en = "A"\namount = 0\nunit = "hours"\n',
         "amount"),
        ('[[tier]]\nkey = "a"\nlabel_id = "A"\nlabel_en = "A"\namount = true\nunit = "hours"\n',
         "amount"),
        ('[[tier]]\nkey = "a"\nlabel_id = "A"\nlabel_en = "A"\namount = 1.5\nunit = "hours"\n',
         "amount"),
        ('[[tier]]\nkey = "a"\nlabel_id = "A"\nlabel_en = "A"\namount = 3\nunit = "weeks"\n',
         "unit"),
        ('[[tier]]\nkey = " "\nlabel_id = "A"\nlabel_en = "A"\namount = 3\nunit = "hours"\n',
         "key"),
        ('[[tier]]\nkey = "a"\nlabel_id = "A"\nlabel_en = "A"\namount = 3\nunit = "hours"\n'
         'applies_when_field_check = "yes"\n', "applies_when_field_check"),
        ('[[tier]]\nkey = "a"\nlabel_id = 1\nlabel_en = "A"\namount = 3\nunit = "hours"\n',
         "label_id"),
        ('[[tier]]\nkey = "a"\nlabel_id = "A"\namount = 3\nunit = "hours"\n', None),
        ('[[tier]]\nkey = "a"\nlabel_id = "A"\nlabel_en = "A"\namount = 3\nunit = "hours"\n'
         'colour = "red"\n', None),
        ("", None),
        ("[settings]\nx = 1\n", None),
        ("tier = 1\n", None),
        ("[[tier]\n", None),
        # The same key twice for the same ticket.
        ('[[tier]]\nkey = "a"\nlabel_id = "A"\nlabel_en = "A"\namount = 3\nunit = "hours"\n'
         '[[tier]]\nkey = "a"\nlabel_id = "B"\nlabel_en = "B"\namount = 5\nunit = "hours"\n'
         "applies_when_field_check = true\n", "key"),
    ],
)
def test_malformed_policies_are_refused(text: str, field: str | None) -> None:
    with pytest.raises(InvalidSlaConfig) as info:
        load_policy(text)
    assert info.value.field == field
    assert info.value.code == "invalid_sla_config"


def test_same_key_is_fine_when_the_conditions_exclude_each_other() -> None:
    tiers = (
        SlaTier("r", "R", "R", 14, "working_days", applies_when_field_check=False),
        SlaTier("r", "R+", "R+", 60, "working_days", applies_when_field_check=True),
    )
    policy = SlaPolicy(tiers)
    assert policy.tier("r", False).amount == 14
    assert policy.tier("r", True).amount == 60
    assert policy.keys == ("r",)


def test_tier_met_at_follows_the_stage_each_tier_measures() -> None:
    from datetime import UTC, datetime

    from posko.domain.sla import tier_met_at
    from posko.domain.status import Status

    t = [datetime(2026, 11, day, 9, tzinfo=UTC) for day in (2, 3, 4, 5)]
    timeline = [(t[2], Status.IN_PROGRESS), (t[0], Status.RECEIVED), (t[1], Status.VERIFIED)]
    assert tier_met_at("verification", Status.IN_PROGRESS, timeline) == t[1]
    assert tier_met_at("followup", Status.IN_PROGRESS, timeline) == t[2]
    assert tier_met_at("resolution", Status.IN_PROGRESS, timeline) is None  # still open
    closed = [*timeline, (t[3], Status.DONE)]
    assert tier_met_at("resolution", Status.DONE, closed) == t[3]
    assert tier_met_at("verification", Status.RECEIVED, timeline[1:2]) is None
