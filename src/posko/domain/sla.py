"""Service-level deadlines counted in Indonesian working days.

National practice (SP4N-LAPOR!, Perpres 76/2013, Permenpan RB 62/2018): first response /
verification within 3 working days, the agency's follow-up within 5, resolution within 14
working days, or 60 when a field check is needed. Regions add their own tiers (DKI Jakarta:
the lurah acts within 24 hours, SE Sekda 61/2018). Tiers are therefore configuration
(``resources/sla.toml``, see :func:`default_policy` and :func:`load_policy`), not code.

Counting rule (the same for every unit measured in days):

* the day the complaint is received never counts, whatever the hour: day 1 is the first
  working day *after* it. A complaint received on Saturday 2026-11-28 with 3 working days is
  due on Wednesday 2026-12-02 (Mon 30 Nov = 1, Tue 1 Dec = 2, Wed 2 Dec = 3);
* the deadline is the end of the last counted day (23:59:59.999999 in the time zone of the
  creation time; pass local office time, WIB/WITA/WIT);
* ``hours`` are elapsed clock hours from the creation time (a 24-hour tier runs through
  nights and weekends, as the Jakarta rule intends).

Working days skip Saturdays, Sundays, national holidays and cuti bersama (the ``holidays``
package, Indonesia, categories "public" and "government": the latter holds the joint leave
days decreed each year), plus a local override file of regional days off (e.g. HUT Jakarta)
and, optionally, dates that are working days despite all of that (a decree can move a day).

Speed: the recap and the overdue list run this over ~100k tickets, so each calendar year is
computed once per :class:`WorkingCalendar` into a sorted tuple of working-day ordinals;
adding or counting working days is then a couple of binary searches.
"""

from __future__ import annotations

import os
import tomllib
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Final, Literal, TypeAlias, cast, get_args

import holidays

from posko.domain.errors import DomainError
from posko.domain.status import TERMINAL_STATUSES, Status

Unit: TypeAlias = Literal["working_days", "calendar_days", "hours"]
UNITS: Final[frozenset[str]] = frozenset(get_args(Unit))

#: Categories of the ``holidays`` package for Indonesia: "government" holds cuti bersama.
HOLIDAY_CATEGORIES: Final[tuple[str, ...]] = ("public", "government")

#: A deadline in days ends at the very end of its last day.
END_OF_DAY: Final[time] = time.max

_SATURDAY = 5  # date.weekday(): Monday is 0


class InvalidSlaConfig(DomainError):
    """The SLA policy or the local holiday file is malformed (an administrator's error)."""

    code = "invalid_sla_config"


def _config_error(message_id: str, message_en: str, field: str | None = None) -> InvalidSlaConfig:
    return InvalidSlaConfig(message_id, message_en, field=field)


# --------------------------------------------------------------------------- policy


@dataclass(frozen=True, slots=True)
class SlaTier:
    """One deadline: `amount` `unit`s after the complaint was received."""

    key: str
    label_id: str
    label_en: str
    amount: int
    unit: Unit
    # True: only tickets that need a field check; False: only those that do not; None: all.
    applies_when_field_check: bool | None = None

    def __post_init__(self) -> None:
        if not self.key.strip():
            raise _config_error(
                "Setiap tingkat SLA harus punya 'key'.", "Every SLA tier needs a 'key'.", "key"
            )
        # bool is an int in Python; `amount = true` in TOML is a typo, not 1.
        if isinstance(self.amount, bool) or not isinstance(self.amount, int) or self.amount < 1:
            raise _config_error(
                f"Tingkat SLA '{self.key}': 'amount' harus bilangan bulat minimal 1.",
                f"SLA tier '{self.key}': 'amount' must be a whole number of at least 1.",
                "amount",
            )
        if self.unit not in UNITS:
            raise _config_error(
                f"Tingkat SLA '{self.key}': 'unit' harus salah satu dari "
                f"{', '.join(sorted(UNITS))}.",
                f"SLA tier '{self.key}': 'unit' must be one of {', '.join(sorted(UNITS))}.",
                "unit",
            )

    def applies(self, needs_field_check: bool) -> bool:
        return (
            self.applies_when_field_check is None
            or self.applies_when_field_check == needs_field_check
        )


@dataclass(frozen=True, slots=True)
class SlaPolicy:
    """An ordered set of tiers. Two tiers may share a key only if they never both apply
    (e.g. "resolution" in 14 days without a field check, 60 days with one), so that
    :func:`due_dates` has one deadline per key whatever the ticket."""

    tiers: tuple[SlaTier, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "tiers", tuple(self.tiers))
        for needs_field_check in (False, True):
            seen: set[str] = set()
            for tier in self.applicable(needs_field_check):
                if tier.key in seen:
                    raise _config_error(
                        f"Tingkat SLA '{tier.key}' muncul dua kali untuk tiket yang sama; "
                        "bedakan dengan 'applies_when_field_check'.",
                        f"SLA tier '{tier.key}' applies twice to the same ticket; tell them "
                        "apart with 'applies_when_field_check'.",
                        "key",
                    )
                seen.add(tier.key)

    def applicable(self, needs_field_check: bool) -> tuple[SlaTier, ...]:
        return tuple(t for t in self.tiers if t.applies(needs_field_check))

    def tier(self, key: str, needs_field_check: bool) -> SlaTier:
        for candidate in self.applicable(needs_field_check):
            if candidate.key == key:
                return candidate
        raise KeyError(key)

    @property
    def keys(self) -> tuple[str, ...]:
        """Tier keys in file order, each once."""
        return tuple(dict.fromkeys(t.key for t in self.tiers))



def _read_toml(source: str | os.PathLike[str], what_id: str, what_en: str) -> dict[str, Any]:
    """`source` is TOML text when it is a str, a file when it is a path object.

    A str is never taken as a file name: guessing would turn a typo in a path into a
    confusing TOML syntax error, and a TOML text into a "file not found".
    """
    text = source if isinstance(source, str) else Path(source).read_text(encoding="utf-8")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _config_error(
            f"Berkas {what_id} bukan TOML yang sah ({exc}).",
            f"The {what_en} file is not valid TOML ({exc}).",
        ) from exc


_TIER_FIELDS = frozenset(
    {"key", "label_id", "label_en", "amount", "unit", "applies_when_field_check"}
)


def _tier_from_table(table: object, index: int) -> SlaTier:
    if not isinstance(table, dict):
        raise _config_error(
            f"Tingkat SLA ke-{index} harus berupa tabel [[tier]].",
            f"SLA tier {index} must be a [[tier]] table.",
        )
    unknown = set(table) - _TIER_FIELDS
    missing = {"key", "label_id", "label_en", "amount", "unit"} - set(table)
    if unknown or missing:
        raise _config_error(
            f"Tingkat SLA ke-{index}: kolom tidak dikenal {sorted(unknown)}, "
            f"kolom wajib yang kurang {sorted(missing)}.",
            f"SLA tier {index}: unknown fields {sorted(unknown)}, missing required fields "
            f"{sorted(missing)}.",
        )
    for name in ("key", "label_id", "label_en", "unit"):
        if not isinstance(table[name], str):
            raise _config_error(
                f"Tingkat SLA ke-{index}: '{name}' harus teks.",
                f"SLA tier {index}: '{name}' must be text.",
                name,
            )
    condition = table.get("applies_when_field_check")
    if condition is not None and not isinstance(condition, bool):
        raise _config_error(
            f"Tingkat SLA ke-{index}: 'applies_when_field_check' harus true atau false.",
            f"SLA tier {index}: 'applies_when_field_check' must be true or false.",
            "applies_when_field_check",
        )
    return SlaTier(
        key=table["key"],
        label_id=table["label_id"],
        label_en=table["label_en"],
        amount=table["amount"],
        unit=cast(Unit, table["unit"]),  # checked in SlaTier.__post_init__
        applies_when_field_check=condition,
    )


def load_policy(source: str | os.PathLike[str]) -> SlaPolicy:
    """Read a policy from TOML text (str) or a TOML file (path object); see sla.toml."""
    data = _read_toml(source, "SLA", "SLA")
    unknown = set(data) - {"tier"}
    tiers = data.get("tier")
    if unknown or not isinstance(tiers, list) or not tiers:
        raise _config_error(
            "Berkas SLA harus berisi satu atau lebih tabel [[tier]] dan tidak ada yang lain.",
            "An SLA file must hold one or more [[tier]] tables and nothing else.",
        )
    return SlaPolicy(tuple(_tier_from_table(t, i) for i, t in enumerate(tiers, start=1)))


@lru_cache(maxsize=1)
def default_policy() -> SlaPolicy:
    """The national policy shipped as ``resources/sla.toml`` (package posko.resources)."""
    text = (files("posko.resources") / "sla.toml").read_text(encoding="utf-8")
    return load_policy(text)


# --------------------------------------------------------------------------- calendar


@dataclass(frozen=True, slots=True)
class _Year:
    working: tuple[int, ...]  # sorted ordinals of the working days of the year
    working_set: frozenset[int]


def _as_date(value: date | datetime) -> date:
    # datetime is a subclass of date: take its calendar day, not the instant.
    return value.date() if isinstance(value, datetime) else value


class WorkingCalendar:
    """Which days are working days for a kecamatan office.

    `extra_holidays` are regional days off (date -> name, or just dates);
    `extra_working_days` are dates that are working days whatever the national list or the
    weekday says. A date may not be in both.
    """

    def __init__(
        self,
        extra_holidays: Mapping[date, str] | Iterable[date] = (),
        extra_working_days: Mapping[date, str] | Iterable[date] = (),
    ) -> None:
        self._extra_holidays = self._named(extra_holidays, "Libur daerah")
        self._extra_working_days = self._named(extra_working_days, "Hari kerja")
        both = set(self._extra_holidays) & set(self._extra_working_days)
        if both:
            raise _config_error(
                "Tanggal yang sama tidak boleh sekaligus hari libur dan hari kerja "
                f"({', '.join(sorted(d.isoformat() for d in both))}).",
                "The same date cannot be both a day off and a working day "
                f"({', '.join(sorted(d.isoformat() for d in both))}).",
            )
        self._years: dict[int, _Year] = {}
        self._names: dict[int, dict[date, str]] = {}

    @staticmethod
    def _named(days: Mapping[date, str] | Iterable[date], default_name: str) -> dict[date, str]:
        if isinstance(days, Mapping):
            return {_as_date(d): str(n) for d, n in days.items()}
        return {_as_date(d): default_name for d in days}

    @property
    def extra_holidays(self) -> Mapping[date, str]:
        return dict(self._extra_holidays)

    @property
    def extra_working_days(self) -> Mapping[date, str]:
        return dict(self._extra_working_days)

    def _national(self, year: int) -> dict[date, str]:
        names = self._names.get(year)
        if names is None:
            national = holidays.country_holidays(
                "ID", years=year, categories=HOLIDAY_CATEGORIES, language="id"
            )
            names = {d: str(n) for d, n in national.items() if d.year == year}
            self._names[year] = names
        return names

    def _year(self, year: int) -> _Year:
        cached = self._years.get(year)
        if cached is not None:
            return cached
        national = self._national(year)
        working: list[int] = []
        day = date(year, 1, 1)
        one = timedelta(days=1)
        while day.year == year:
            # An explicit working day wins over the weekday and every holiday list.
            if day in self._extra_working_days or (
                day.weekday() < _SATURDAY
                and day not in national
                and day not in self._extra_holidays
            ):
                working.append(day.toordinal())
            day += one
        cached = _Year(tuple(working), frozenset(working))
        self._years[year] = cached
        return cached

    def is_working_day(self, day: date | datetime) -> bool:
        d = _as_date(day)
        return d.toordinal() in self._year(d.year).working_set

    def holiday_name(self, day: date | datetime) -> str | None:
        """Why a weekday is off (regional first, then national), or None."""
        d = _as_date(day)
        if d in self._extra_working_days:
            return None
        return self._extra_holidays.get(d) or self._national(d.year).get(d)

    def add_working_days(self, start: date | datetime, n: int) -> date:
        """The n-th working day after `start` (its date; `start` itself never counts).

        n = 0 returns the date of `start` unchanged, so that
        ``working_days_between(start, add_working_days(start, n)) == n`` for every n >= 0.
        """
        if n < 0:
            raise ValueError("n must be >= 0")
        first = _as_date(start)
        if n == 0:
            return first
        year = first.year
        after = first.toordinal()
        remaining = n
        while True:
            working = self._year(year).working
            index = bisect_right(working, after)
            available = len(working) - index
            if remaining <= available:
                return date.fromordinal(working[index + remaining - 1])
            remaining -= available
            year += 1

    def working_days_between(self, a: date | datetime, b: date | datetime) -> int:
        """Working days d with a < d <= b (negative when b is before a).

        The inverse of :meth:`add_working_days`: the day of `a` is not counted, the day of
        `b` is.
        """
        start, end = _as_date(a), _as_date(b)
        if end < start:
            return -self.working_days_between(end, start)
        first = self._year(start.year).working
        skipped = bisect_right(first, start.toordinal())
        if start.year == end.year:
            return bisect_right(first, end.toordinal()) - skipped
        total = len(first) - skipped
        for year in range(start.year + 1, end.year):
            total += len(self._year(year).working)
        total += bisect_right(self._year(end.year).working, end.toordinal())
        return total


def _date_from_toml(value: object, index: int, table: str) -> date:
    if isinstance(value, datetime):
        raise _config_error(
            f"[[{table}]] ke-{index}: 'date' harus tanggal saja (misalnya 2026-06-22), "
            "tanpa jam.",
            f"[[{table}]] {index}: 'date' must be a date only (e.g. 2026-06-22), no time.",
            "date",
        )
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _config_error(
        f"[[{table}]] ke-{index}: 'date' harus tanggal seperti 2026-06-22.",
        f"[[{table}]] {index}: 'date' must be a date such as 2026-06-22.",
        "date",
    )


def _days_from_toml(data: dict[str, Any], table: str, default_name: str) -> dict[date, str]:
    entries = data.get(table, [])
    if not isinstance(entries, list):
        raise _config_error(
            f"'{table}' harus ditulis sebagai tabel [[{table}]].",
            f"'{table}' must be written as [[{table}]] tables.",
        )
    result: dict[date, str] = {}
    for index, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or "date" not in entry or set(entry) - {"date", "name"}:
            raise _config_error(
                f"[[{table}]] ke-{index} harus berisi 'date' dan boleh 'name', tidak lebih.",
                f"[[{table}]] {index} must have 'date' and may have 'name', nothing else.",
            )
        name = entry.get("name", default_name)
        if not isinstance(name, str):
            raise _config_error(
                f"[[{table}]] ke-{index}: 'name' harus teks.",
                f"[[{table}]] {index}: 'name' must be text.",
                "name",
            )
        result[_date_from_toml(entry["date"], index, table)] = name
    return result


@lru_cache(maxsize=1)
def default_calendar() -> WorkingCalendar:
    """The national working-day calendar (public holidays and cuti bersama), built once per
    process and shared by every screen, receipt and report."""
    return WorkingCalendar()


def load_calendar(source: str | os.PathLike[str] | None = None) -> WorkingCalendar:
    """A calendar with the local override file (TOML text or a path object), or without.

    ::

        [[holiday]]            # regional days off
        date = 2026-06-22
        name = "HUT Jakarta"

        [[working_day]]        # working days despite the national list or the weekday
        date = 2026-12-24
        name = "Kantor tetap buka"
    """
    if source is None:
        return WorkingCalendar()
    data = _read_toml(source, "hari libur daerah", "local holiday")
    unknown = set(data) - {"holiday", "working_day"}
    if unknown:
        raise _config_error(
            f"Berkas hari libur daerah hanya boleh berisi [[holiday]] dan [[working_day]] "
            f"(ada juga: {', '.join(sorted(unknown))}).",
            f"A local holiday file may only hold [[holiday]] and [[working_day]] "
            f"(also found: {', '.join(sorted(unknown))}).",
        )
    return WorkingCalendar(
        extra_holidays=_days_from_toml(data, "holiday", "Libur daerah"),
        extra_working_days=_days_from_toml(data, "working_day", "Hari kerja"),
    )


# --------------------------------------------------------------------------- deadlines


def tier_due(tier: SlaTier, calendar: WorkingCalendar, created_at: datetime) -> datetime:
    """The deadline of one tier for a complaint received at `created_at`."""
    if tier.unit == "hours":
        return created_at + timedelta(hours=tier.amount)
    if tier.unit == "calendar_days":
        last_day = created_at.date() + timedelta(days=tier.amount)
    else:
        last_day = calendar.add_working_days(created_at, tier.amount)
    return datetime.combine(last_day, END_OF_DAY, tzinfo=created_at.tzinfo)


def due_dates(
    policy: SlaPolicy,
    calendar: WorkingCalendar,
    created_at: datetime,
    needs_field_check: bool,
) -> dict[str, datetime]:
    """Deadline per tier key, for the tiers that apply to this ticket, in policy order."""
    return {
        tier.key: tier_due(tier, calendar, created_at)
        for tier in policy.applicable(needs_field_check)
    }


def is_overdue(
    policy: SlaPolicy,
    calendar: WorkingCalendar,
    created_at: datetime,
    needs_field_check: bool,
    now: datetime,
    *,
    key: str = "resolution",
    status: Status | None = None,
) -> bool:
    """Whether tier `key` has passed its deadline at `now`.

    A ticket in a terminal status (done, rejected, not our authority, merged) is never
    overdue: nobody can act on it any more. Which tier matters at which stage is the
    caller's choice; the recap's overdue list uses "resolution".
    Raises KeyError when no tier `key` applies to this ticket.
    """
    if status is not None and not status.is_open:
        return False
    deadline = tier_due(policy.tier(key, needs_field_check), calendar, created_at)
    return now > deadline


def overdue_keys(
    policy: SlaPolicy,
    calendar: WorkingCalendar,
    created_at: datetime,
    needs_field_check: bool,
    now: datetime,
) -> tuple[str, ...]:
    """Keys of every applicable tier whose deadline has passed at `now`, in policy order."""
    return tuple(
        key
        for key, deadline in due_dates(policy, calendar, created_at, needs_field_check).items()
        if now > deadline
    )


# Which statuses show that the stage a tier measures has been reached (the national tiers of
# resources/sla.toml). Any other tier, "resolution" included, is met once the ticket is
# closed; a regional tier's stage is not known here, so it counts until then.
_STAGE_REACHED: Final[dict[str, frozenset[Status]]] = {
    "verification": frozenset(Status) - {Status.RECEIVED},
    "followup": frozenset({Status.IN_PROGRESS, Status.AWAITING_VALIDATION,
                           Status.FOLLOWUP_REJECTED, Status.REOPENED}) | TERMINAL_STATUSES,
}


def tier_met_at(tier_key: str, current: Status,
                timeline: Iterable[tuple[datetime, Status]]) -> datetime | None:
    """When the ticket reached the stage the tier measures, or None while it has not.
    `timeline` is the ticket's status events as (when, status)."""
    events = sorted(timeline, key=lambda event: event[0])
    reached = _STAGE_REACHED.get(tier_key)
    if reached is None:
        if current.is_open or not events:
            return None
        return events[-1][0]  # closed: the tier ends with the closing event
    return next((at for at, status in events if status in reached), None)
