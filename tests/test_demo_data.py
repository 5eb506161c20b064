"""Demo data: deterministic, valid by every domain rule, and realistic in its mix."""

from __future__ import annotations

import itertools
import re
import time
import uuid
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta

import phonenumbers
import pytest
from stdnum.id import nik as stdnum_nik

from posko import catalogues, demo_data
from posko.catalogues import UnknownRegion
from posko.demo_data import APP_DESK, DEFAULT_OFFICERS, DemoCase, generate
from posko.domain import tracking
from posko.domain.errors import DomainError
from posko.domain.models import EventSource, Origin, Reporter, ReporterKind, Source
from posko.domain.status import Status, check_transition

KRAMATJATI = "31.75.04"
TODAY = date(2025, 6, 14)  # a Saturday
COUNT = 20_000
PHONE_PREFIXES = {
    "811", "812", "813", "821", "822", "823", "851", "852", "853", "857", "858", "877", "878",
    "895", "896", "897", "898", "899",
}


@pytest.fixture(scope="module")
def cases() -> list[DemoCase]:
    return list(generate(KRAMATJATI, COUNT, seed=7, today=TODAY))


@pytest.fixture(scope="module")
def cutoff(cases: list[DemoCase]) -> datetime:
    tz = cases[0].ticket.created_at.tzinfo
    return datetime(TODAY.year, TODAY.month, TODAY.day, tzinfo=tz)


# -- determinism -------------------------------------------------------------------------------


def test_same_seed_same_output() -> None:
    first = list(generate(KRAMATJATI, 400, seed=11, today=TODAY))
    second = list(generate(KRAMATJATI, 400, seed=11, today=TODAY))
    assert first == second
    assert [c.ticket.uuid for c in first] == [c.ticket.uuid for c in second]


def test_different_seed_different_output() -> None:
    first = list(generate(KRAMATJATI, 400, seed=11, today=TODAY))
    other = list(generate(KRAMATJATI, 400, seed=12, today=TODAY))
    assert len(first) == len(other) == 400
    assert {c.ticket.uuid for c in first}.isdisjoint({c.ticket.uuid for c in other})
    assert [c.ticket.description for c in first] != [c.ticket.description for c in other]


def test_count_is_exact_and_zero_gives_nothing(cases: list[DemoCase]) -> None:
    assert len(cases) == COUNT
    assert list(generate(KRAMATJATI, 0, today=TODAY)) == []
    assert len(list(generate(KRAMATJATI, 1, today=TODAY))) == 1


def test_cases_stream_in_time_order(cases: list[DemoCase]) -> None:
    created = [c.ticket.created_at for c in cases]
    assert created == sorted(created)


# -- timelines ---------------------------------------------------------------------------------


def test_every_event_chain_obeys_the_state_machine(
    cases: list[DemoCase], cutoff: datetime
) -> None:
    for case in cases:
        ticket, events = case.ticket, case.events
        assert events[0].status is Status.RECEIVED
        assert events[0].at == ticket.created_at
        for previous, event in itertools.pairwise(events):
            check_transition(
                previous.status, event.status,
                agency=event.agency, merged_into=event.merged_into, note=event.note,
            )
            assert event.at > previous.at
        assert ticket.status is events[-1].status
        assert all(e.ticket_uuid == ticket.uuid for e in events)
        assert events[-1].at < cutoff
        assert ticket.updated_at >= events[-1].at
        assert all(e.at.tzinfo is not None and e.actor for e in events)


def test_statuses_are_distributed_realistically(cases: list[DemoCase]) -> None:
    final = Counter(c.ticket.status for c in cases)
    assert 0.6 < final[Status.DONE] / COUNT < 0.9
    for status in (Status.IN_PROGRESS, Status.REJECTED, Status.NOT_OUR_AUTHORITY, Status.MERGED):
        assert final[status] > 0.01 * COUNT, status
    in_history = Counter(e.status for c in cases for e in c.events)
    assert in_history[Status.REOPENED] > 0.01 * COUNT
    assert in_history[Status.FOLLOWUP_REJECTED] > 0.01 * COUNT


def test_older_tickets_are_further_along(cases: list[DemoCase]) -> None:
    def open_share(lo: int, hi: int) -> float:
        group = [
            c for c in cases if lo <= (TODAY - c.ticket.created_at.date()).days < hi
        ]
        assert len(group) > 100
        return sum(c.ticket.status.is_open for c in group) / len(group)

    assert open_share(1, 8) > open_share(30, 90) > 0
    assert open_share(180, 366) < 0.2


def test_some_open_tickets_are_long_overdue(cases: list[DemoCase]) -> None:
    overdue = [
        c for c in cases
        if c.ticket.status is Status.IN_PROGRESS
        and (TODAY - c.ticket.created_at.date()).days > 60
    ]
    assert len(overdue) > 0.02 * COUNT


def test_merged_tickets_name_an_earlier_ticket(cases: list[DemoCase]) -> None:
    seen: dict[str, DemoCase] = {}
    merged = 0
    for case in cases:
        last = case.events[-1]
        if last.status is Status.MERGED:
            merged += 1
            assert last.merged_into in seen
            survivor = seen[last.merged_into]
            assert survivor.ticket.category == case.ticket.category
            assert survivor.ticket.status is not Status.MERGED
        seen[case.ticket.tracking_code] = case
    assert merged > 0


def test_not_our_authority_names_the_agency(cases: list[DemoCase]) -> None:
    noa = [c.events[-1] for c in cases if c.ticket.status is Status.NOT_OUR_AUTHORITY]
    assert noa
    assert all(e.agency and e.agency in e.note for e in noa)
    assert len({e.agency for e in noa}) > 3


def test_event_sources_and_actors(cases: list[DemoCase]) -> None:
    for case in cases[:3000]:
        first = case.events[0]
        if case.ticket.origin is Origin.APP:
            assert first.source is EventSource.SERVER
        else:
            assert first.source is EventSource.DESK
            assert first.actor == case.ticket.officer
        for event in case.events:
            if event.status is Status.REOPENED:
                assert event.source is EventSource.CITIZEN
            if event.status in (Status.IN_PROGRESS, Status.AWAITING_VALIDATION):
                assert event.source is EventSource.AGENCY
                assert event.actor not in DEFAULT_OFFICERS
                assert "Jakarta Timur" in event.actor or event.actor == "Kecamatan Kramatjati"


# -- tracking codes ----------------------------------------------------------------------------


def test_tracking_codes_unique_valid_and_sequential(cases: list[DemoCase]) -> None:
    codes = [c.ticket.tracking_code for c in cases]
    assert len(set(codes)) == len(codes)
    sequences: dict[tuple[date, int], list[int]] = defaultdict(list)
    for case in cases:
        code = case.ticket.tracking_code
        assert tracking.validate(code) == code
        parts = tracking.parse(code)
        assert parts.kecamatan_code == KRAMATJATI
        assert parts.day == case.ticket.created_at.date()
        expected_desk = APP_DESK if case.ticket.origin is Origin.APP else 1
        assert parts.desk == expected_desk
        sequences[(parts.day, parts.desk)].append(parts.sequence)
    for numbers in sequences.values():
        assert numbers == list(range(1, len(numbers) + 1))


def test_desk_number_is_used_for_walk_ins() -> None:
    for case in generate(KRAMATJATI, 300, seed=3, desk=4, today=TODAY):
        desk = tracking.parse(case.ticket.tracking_code).desk
        assert desk == (APP_DESK if case.ticket.origin is Origin.APP else 4)


# -- origins, days, references -----------------------------------------------------------------


def test_origin_mix(cases: list[DemoCase]) -> None:
    origins = Counter(c.ticket.origin for c in cases)
    assert 0.52 < origins[Origin.DESK] / COUNT < 0.58
    assert 0.08 < origins[Origin.ASSISTED] / COUNT < 0.12
    assert 0.33 < origins[Origin.APP] / COUNT < 0.37


def test_walk_ins_are_heaviest_on_saturday(cases: list[DemoCase]) -> None:
    by_weekday = Counter(
        c.ticket.created_at.weekday() for c in cases if c.ticket.origin is not Origin.APP
    )
    weekday_average = sum(by_weekday[d] for d in range(5)) / 5
    assert by_weekday[5] > 3 * weekday_average
    assert by_weekday[6] == 0  # the kecamatan office is closed on Sunday
    app_by_weekday = Counter(
        c.ticket.created_at.weekday() for c in cases if c.ticket.origin is Origin.APP
    )
    assert app_by_weekday[6] > 0


def test_tickets_span_the_year_before_today(cases: list[DemoCase]) -> None:
    days = {c.ticket.created_at.date() for c in cases}
    assert min(days) >= TODAY - timedelta(days=365)
    assert max(days) < TODAY
    assert len(days) > 300


def test_app_tickets_carry_unique_external_refs(cases: list[DemoCase]) -> None:
    seen: set[tuple[Source, str]] = set()
    two = 0
    sources: Counter[Source] = Counter()
    for case in cases:
        refs = case.ticket.external_refs
        if case.ticket.origin is not Origin.APP:
            assert refs == ()
            continue
        assert 1 <= len(refs) <= 2
        two += len(refs) == 2
        assert len({r.source for r in refs}) == len(refs)
        for ref in refs:
            key = (ref.source, ref.number)
            assert key not in seen
            seen.add(key)
            sources[ref.source] += 1
            assert ref.number.isdigit()
            if ref.source is Source.QLUE:
                assert len(ref.number) == 7
            if ref.source is Source.LAPOR:
                assert len(ref.number) == 8
    assert set(sources) == {Source.JAKI, Source.QLUE, Source.LAPOR}
    n_app = sum(c.ticket.origin is Origin.APP for c in cases)
    assert 0.06 < two / n_app < 0.2


def test_sources_follow_the_region() -> None:
    bekasi_timur = next(r for r in catalogues.subregions("32.75") if r.name == "Bekasi Timur")
    sources = {
        ref.source
        for case in generate(bekasi_timur.code, 400, today=TODAY)
        for ref in case.ticket.external_refs
    }
    assert sources == {Source.POT, Source.LAPOR}


def test_local_time_zone_of_the_region() -> None:
    denpasar = next(iter(generate("51.71.01", 5, today=TODAY)))
    assert denpasar.ticket.created_at.utcoffset() == timedelta(hours=8)
    kramatjati = next(iter(generate(KRAMATJATI, 5, today=TODAY)))
    assert kramatjati.ticket.created_at.utcoffset() == timedelta(hours=7)


# -- locations, reporters, text ----------------------------------------------------------------


def test_locations_belong_to_the_kecamatan(cases: list[DemoCase]) -> None:
    kelurahan_codes = {k.code for k in catalogues.kelurahan_of(KRAMATJATI)}
    used = Counter(c.ticket.location.kelurahan_code for c in cases)
    assert set(used) == kelurahan_codes  # all of them, and nothing else
    for case in cases:
        location = case.ticket.location
        assert location.kecamatan_code == KRAMATJATI
        assert location.rw is not None
        assert 1 <= location.rw <= 15
        assert location.rt is not None
        assert 1 <= location.rt <= 20
        assert location.address.strip()


def test_categories_are_from_the_catalogue(cases: list[DemoCase]) -> None:
    used = Counter(c.ticket.category for c in cases)
    assert set(used) == {c.code for c in catalogues.categories()}
    assert used.most_common(1)[0][0] == "sampah"
    for case in cases[:2000]:
        cat = catalogues.category(case.ticket.category)
        assert case.ticket.needs_field_check is cat.needs_field_check


def test_niks_are_valid(cases: list[DemoCase]) -> None:
    named = [c.ticket.reporter for c in cases if c.ticket.reporter.kind is ReporterKind.NAMED]
    niks = [r.nik for r in named if r.nik]
    assert 0.35 < len(niks) / len(named) < 0.45
    women = 0
    for value in niks:
        assert stdnum_nik.validate(value) == value
        assert value.startswith("3175")
        assert value[-4:] != "0000"
        women += int(value[6:8]) > 40
        born = stdnum_nik.get_birth_date(value)
        assert born.month == int(value[8:10])
    assert 0.4 < women / len(niks) < 0.6
    assert sum(n.startswith("317504") for n in niks) > len(niks) / 2


def test_phones_are_indonesian_mobiles_in_e164(cases: list[DemoCase]) -> None:
    phones = [c.ticket.reporter.phone for c in cases if c.ticket.reporter.phone]
    assert len(phones) > 0.5 * COUNT
    for phone in phones:
        assert re.fullmatch(r"\+62\d{10,12}", phone), phone
        assert phone[3:6] in PHONE_PREFIXES
    lengths = Counter(len(p) - 3 for p in phones)
    assert set(lengths) == {10, 11, 12}
    for phone in phones[:3000]:  # what posko.domain.phone accepts, through the same library
        parsed = phonenumbers.parse(phone)
        assert phonenumbers.is_valid_number(parsed), phone
        assert phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.MOBILE


def test_some_citizens_report_more_than_once(cases: list[DemoCase]) -> None:
    phones = Counter(c.ticket.reporter.phone for c in cases if c.ticket.reporter.phone)
    repeated = [phone for phone, n in phones.items() if n > 1]
    assert 0.02 * COUNT < sum(phones[p] for p in repeated) < 0.2 * COUNT
    by_phone: dict[str, Reporter] = {}
    for case in cases:
        reporter = case.ticket.reporter
        if reporter.phone in repeated:
            # The same person each time: name, NIK and phone travel together.
            assert by_phone.setdefault(reporter.phone, reporter) == reporter


def test_reporter_kinds_and_consent(cases: list[DemoCase]) -> None:
    kinds = Counter(c.ticket.reporter.kind for c in cases)
    assert kinds[ReporterKind.NAMED] > 0.75 * COUNT
    assert kinds[ReporterKind.ANONYMOUS] > 0.05 * COUNT
    assert kinds[ReporterKind.KECAMATAN] > 0.02 * COUNT
    for case in cases:
        assert case.ticket.consent is True
        reporter = case.ticket.reporter
        if reporter.kind is ReporterKind.NAMED:
            assert reporter.name
            assert reporter.name == reporter.name.strip()
        else:
            assert reporter.name is None
            assert reporter.nik is None
        if reporter.kind is ReporterKind.KECAMATAN:
            assert case.ticket.origin is Origin.DESK
            assert case.ticket.description.startswith("Temuan petugas")


def test_officers(cases: list[DemoCase]) -> None:
    for case in cases:
        if case.ticket.origin is Origin.APP:
            assert case.ticket.officer == ""
        else:
            assert case.ticket.officer in DEFAULT_OFFICERS
    custom = ("budi.kasi", "lina.staf")
    for case in generate(KRAMATJATI, 200, officers=custom, today=TODAY):
        assert case.ticket.officer in ("", *custom)
        for event in case.events:
            if event.source in (EventSource.DESK,):
                assert event.actor in custom


def test_descriptions_are_varied_bahasa(cases: list[DemoCase]) -> None:
    descriptions = [c.ticket.description for c in cases]
    assert len(set(descriptions)) > 0.5 * COUNT
    assert all(d.strip() and "{" not in d for d in descriptions)
    sampah = [c.ticket.description for c in cases if c.ticket.category == "sampah"]
    assert any("Sampah menumpuk di pinggir Jl." in d for d in sampah)
    assert sum("belum diangkut" in d for d in sampah) > 10


def test_uuids_are_unique_version_4(cases: list[DemoCase]) -> None:
    ids = [c.ticket.uuid for c in cases]
    ids += [e.uuid for c in cases for e in c.events]
    ids += [f.uuid for c in cases for f in c.follow_ups]
    assert len(ids) == len(set(ids))
    for value in ids[:500] + ids[-500:]:
        parsed = uuid.UUID(value)
        assert parsed.version == 4
        assert str(parsed) == value


# -- chases ------------------------------------------------------------------------------------


def test_follow_ups_on_about_15_percent_of_app_tickets(
    cases: list[DemoCase], cutoff: datetime
) -> None:
    app = [c for c in cases if c.ticket.origin is Origin.APP]
    chased = [c for c in app if c.follow_ups]
    assert 0.10 < len(chased) / len(app) < 0.20
    assert all(not c.follow_ups for c in cases if c.ticket.origin is not Origin.APP)
    saturdays = 0
    for case in chased:
        for follow_up in case.follow_ups:
            assert follow_up.ticket_uuid == case.ticket.uuid
            assert case.ticket.created_at < follow_up.asked_at < cutoff
            assert follow_up.promised_by is not None
            assert follow_up.promised_by > follow_up.asked_at.date()
            assert follow_up.promise.strip()
            assert follow_up.officer in DEFAULT_OFFICERS
            assert case.ticket.updated_at >= follow_up.asked_at
            saturdays += follow_up.asked_at.weekday() == 5
        asked = [f.asked_at for f in case.follow_ups]
        assert asked == sorted(asked)
    assert saturdays > 0.5 * sum(len(c.follow_ups) for c in chased)


# -- bad arguments -----------------------------------------------------------------------------


def test_unknown_kecamatan_is_refused_before_streaming() -> None:
    with pytest.raises(UnknownRegion, match=re.escape("Unknown kecamatan code: 99.99.99")):
        generate("99.99.99", 10, today=TODAY)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"count": -1}, "count"),
        ({"desk": 0}, "desk"),
        ({"desk": APP_DESK}, "desk"),  # the central server's desk number
        ({"officers": ()}, "officers"),
        ({"officers": ("",)}, "officers"),
        ({"today": date(2024, 6, 1)}, "today"),  # before the tracking code epoch + a year
        ({"days": 0}, "today"),
    ],
)
def test_bad_arguments_raise_bilingual_domain_errors(kwargs: dict[str, object], field: str) -> None:
    arguments: dict[str, object] = {"count": 10, "today": TODAY, **kwargs}
    with pytest.raises(DomainError) as info:
        generate(KRAMATJATI, **arguments)  # type: ignore[arg-type]
    assert info.value.field == field
    assert info.value.code == "invalid_demo_parameters"
    assert info.value.message_id != info.value.message_en


def test_too_many_tickets_for_the_range_is_refused() -> None:
    with pytest.raises(DomainError, match="at most 29791"):
        generate(KRAMATJATI, 100_000, days=2, today=TODAY)


def test_app_desk_is_documented_as_the_servers() -> None:
    assert APP_DESK == tracking.MAX_DESK == 31
    assert "31" in (demo_data.__doc__ or "")


@pytest.mark.slow
def test_100k_cases_generate_quickly() -> None:
    started = time.perf_counter()
    count = sum(1 for _ in generate(KRAMATJATI, 100_000, today=TODAY))
    elapsed = time.perf_counter() - started
    assert count == 100_000
    assert elapsed < 10
