from __future__ import annotations

import dataclasses
import logging
from datetime import datetime

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from posko.domain.errors import DomainError, InvalidLocation, InvalidTicket
from posko.domain.models import (
    ContactPreference,
    ExternalRef,
    FollowUp,
    Location,
    Origin,
    Reporter,
    ReporterKind,
    Source,
    StatusEvent,
    Ticket,
)
from posko.domain.status import Status

NOW = datetime(2026, 6, 20, 9, 0)
NAME = "Siti Aminah"
PHONE = "+6281234567890"
NIK = "3171015708450003"

# --------------------------------------------------------------------------- ExternalRef


@pytest.mark.parametrize("source", list(Source))
def test_external_ref_str_and_parse_round_trip(source: Source) -> None:
    ref = ExternalRef(source, "A-12345")
    assert str(ref) == f"{source.value} A-12345"
    assert ExternalRef.parse(str(ref)) == ref


@pytest.mark.parametrize(
    ("text", "source", "number"),
    [
        ("QLUE 1234567", Source.QLUE, "1234567"),
        ("qlue 1234567", Source.QLUE, "1234567"),
        ("lapor:1234", Source.LAPOR, "1234"),
        ("LAPOR: 1234", Source.LAPOR, "1234"),
        ("jaki#55", Source.JAKI, "55"),
        ("POT-2024-001", Source.POT, "2024-001"),
        ("SMART_TANGSEL-99", Source.SMART_TANGSEL, "99"),
        ("open311:abc", Source.OPEN311, "abc"),
        ("  JAKI 9  ", Source.JAKI, "9"),
        ("1234567", Source.OTHER, "1234567"),
        ("XYZ:1", Source.OTHER, "XYZ:1"),  # unknown prefix: the whole text is the number
    ],
)
def test_external_ref_parse(text: str, source: Source, number: str) -> None:
    assert ExternalRef.parse(text) == ExternalRef(source, number)


@pytest.mark.parametrize(
    "number", ["", "   ", "12 34", "12\t34", "x" * 65]
)
def test_external_ref_invalid_numbers(number: str) -> None:
    with pytest.raises(DomainError) as info:
        ExternalRef(Source.QLUE, number)
    assert info.value.code == "invalid_external_ref"
    assert info.value.field == "external_ref"


@pytest.mark.parametrize("text", ["lapor:", "jaki#", "", "   ", "QLUE 12 34"])
def test_external_ref_parse_refuses_a_missing_or_spaced_number(text: str) -> None:
    with pytest.raises(DomainError) as info:
        ExternalRef.parse(text)
    assert info.value.code == "invalid_external_ref"


@pytest.mark.parametrize("text", ["QLUE", "QLUE "])
def test_a_bare_source_name_is_an_unknown_systems_number(text: str) -> None:
    # Without a separator there is no number to attach to QLUE.
    assert ExternalRef.parse(text) == ExternalRef(Source.OTHER, "QLUE")


def test_external_ref_number_is_stripped_and_64_is_the_limit() -> None:
    assert ExternalRef(Source.LAPOR, " 99 ").number == "99"
    assert ExternalRef(Source.LAPOR, "x" * 64).number == "x" * 64


@pytest.mark.parametrize("text", ["smart tangsel:99", "SMART TANGSEL 99", "smart_tangsel-99"])
def test_external_ref_parse_source_with_a_space(text: str) -> None:
    assert ExternalRef.parse(text) == ExternalRef(Source.SMART_TANGSEL, "99")


def test_unknown_prefix_with_a_number_is_refused() -> None:
    with pytest.raises(DomainError):
        ExternalRef.parse("ABC 123")


# --------------------------------------------------------------------------- Reporter


def test_reporter_repr_hides_personal_data() -> None:
    reporter = Reporter(ReporterKind.NAMED, name=NAME, phone=PHONE, nik=NIK)
    for text in (repr(reporter), str(reporter), f"{reporter}", f"{reporter!r}"):
        assert NAME not in text
        assert "Siti" not in text
        assert PHONE not in text
        assert "81234567890" not in text
        assert NIK not in text
        assert "<set>" in text


def test_ticket_repr_and_logging_do_not_leak_the_reporter(
    caplog: pytest.LogCaptureFixture,
) -> None:
    ticket = make_ticket(reporter=Reporter(name=NAME, phone=PHONE, nik=NIK))
    with caplog.at_level(logging.INFO):
        logging.getLogger("posko.test").info("saved %s / %r", ticket, ticket)
    for text in (repr(ticket), str(ticket), caplog.text):
        assert NAME not in text
        assert PHONE not in text
        assert NIK not in text


@given(
    name=st.text(alphabet="abcdefghijklmnopqrstuvwxyz '", min_size=6, max_size=30),
    phone=st.from_regex(r"\A\+628[0-9]{8,11}\Z"),
    nik=st.from_regex(r"\A[0-9]{16}\Z"),
)
def test_reporter_repr_never_contains_name_phone_or_nik(name: str, phone: str, nik: str) -> None:
    assume(name.strip())
    empty = repr(Reporter(ReporterKind.NAMED, name="x"))
    assume(name not in empty)  # e.g. "named" is in every repr, whoever the reporter is
    text = repr(Reporter(ReporterKind.NAMED, name=name, phone=phone, nik=nik))
    assert name not in text
    assert phone not in text
    assert nik not in text


def test_reporter_repr_tells_what_is_missing() -> None:
    text = repr(Reporter(ReporterKind.ANONYMOUS, contact=ContactPreference.SMS))
    assert "name=None" in text
    assert "anonymous" in text
    assert "sms" in text


@pytest.mark.parametrize("name", [None, "", "   "])
def test_named_reporter_needs_a_name(name: str | None) -> None:
    with pytest.raises(InvalidTicket) as info:
        Reporter(ReporterKind.NAMED, name=name)
    assert info.value.field == "reporter_name"


@pytest.mark.parametrize("kind", [ReporterKind.ANONYMOUS, ReporterKind.KECAMATAN])
def test_anonymous_and_kecamatan_reporters_need_no_name(kind: ReporterKind) -> None:
    assert Reporter(kind).name is None


def test_reporter_is_immutable() -> None:
    reporter = Reporter(name=NAME)
    with pytest.raises(dataclasses.FrozenInstanceError):
        reporter.name = "other"  # type: ignore[misc]


# --------------------------------------------------------------------------- Location


@pytest.mark.parametrize("value", [1, 5, 999])
def test_rw_and_rt_in_range(value: int) -> None:
    location = Location("31.75.04.1001", rw=value, rt=value)
    assert (location.rw, location.rt) == (value, value)


@pytest.mark.parametrize("value", [0, -1, 1000])
@pytest.mark.parametrize("field", ["rw", "rt"])
def test_rw_and_rt_out_of_range(field: str, value: int) -> None:
    with pytest.raises(InvalidLocation) as info:
        Location("31.75.04.1001", **{field: value})  # type: ignore[arg-type]
    assert info.value.field == field
    assert field.upper() in info.value.message("id")


@pytest.mark.parametrize(
    ("lat", "lon", "field"),
    [
        (-6.2, None, "latitude"),
        (None, 106.8, "latitude"),
        (-91.0, 106.8, "latitude"),
        (90.5, 106.8, "latitude"),
        (-6.2, 180.5, "longitude"),
        (-6.2, -181.0, "longitude"),
    ],
)
def test_bad_map_points(lat: float | None, lon: float | None, field: str) -> None:
    with pytest.raises(InvalidLocation) as info:
        Location("31.75.04.1001", latitude=lat, longitude=lon)
    assert info.value.field == field


@pytest.mark.parametrize(("lat", "lon"), [(-6.1754, 106.8272), (90, 180), (-90, -180), (0, 0)])
def test_good_map_points(lat: float, lon: float) -> None:
    location = Location("31.75.04.1001", latitude=lat, longitude=lon)
    assert (location.latitude, location.longitude) == (lat, lon)


def test_kecamatan_code_of_a_kelurahan() -> None:
    assert Location("31.75.04.1001").kecamatan_code == "31.75.04"


# --------------------------------------------------------------------------- Ticket


def make_ticket(**changes: object) -> Ticket:
    values: dict[str, object] = {
        "uuid": "5f0c6f2e-8d0b-4a55-9f4c-0f5b2e6f6a11",
        "tracking_code": "7F3K-C8H2-22AX",
        "origin": Origin.DESK,
        "category": "sampah",
        "location": Location("31.75.04.1001", rw=3, rt=5),
        "description": "Sampah menumpuk di pinggir kali",
        "reporter": Reporter(name=NAME),
        "consent": True,
        "officer": "petugas1",
        "created_at": NOW,
        "updated_at": NOW,
    }
    values.update(changes)
    return Ticket(**values)  # type: ignore[arg-type]


def test_a_ticket_with_everything() -> None:
    ticket = make_ticket(external_refs=(ExternalRef.parse("QLUE 1234567"),))
    assert ticket.status is Status.RECEIVED
    assert ticket.kecamatan_code == "31.75.04"
    assert not ticket.needs_field_check
    assert str(ticket.external_refs[0]) == "QLUE 1234567"


@pytest.mark.parametrize("description", ["", "   ", "\n\t"])
def test_ticket_needs_a_description(description: str) -> None:
    with pytest.raises(InvalidTicket) as info:
        make_ticket(description=description)
    assert info.value.field == "description"


@pytest.mark.parametrize("origin", [Origin.DESK, Origin.ASSISTED])
def test_walk_in_ticket_needs_consent(origin: Origin) -> None:
    with pytest.raises(InvalidTicket) as info:
        make_ticket(origin=origin, consent=False)
    assert info.value.field == "consent"
    assert "Persetujuan" in info.value.message("id")


def test_app_ticket_needs_no_consent_from_the_desk() -> None:
    ticket = make_ticket(origin=Origin.APP, consent=False, officer="")
    assert not ticket.consent


def test_app_ticket_still_needs_a_description() -> None:
    with pytest.raises(InvalidTicket):
        make_ticket(origin=Origin.APP, consent=False, description=" ")


# --------------------------------------------------------------------------- events


def test_events_get_distinct_uuids() -> None:
    first = StatusEvent("t", Status.VERIFIED, NOW, "petugas1")
    second = StatusEvent("t", Status.VERIFIED, NOW, "petugas1")
    assert first.uuid != second.uuid
    follow_ups = {FollowUp("t", NOW, "petugas1").uuid for _ in range(5)}
    assert len(follow_ups) == 5
