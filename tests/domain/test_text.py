"""Free text as the domain stores it: cleaned, within the sync contract's limits, or refused
with the field named (posko.domain.text)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from posko.domain.errors import DomainError, InvalidNik, InvalidTicket
from posko.domain.models import Location, Origin, Reporter, ReporterKind, Ticket
from posko.domain.text import (
    MAX_ADDRESS,
    MAX_DESCRIPTION,
    MAX_NAME,
    clean_line,
    clean_text,
    spreadsheet_cell,
)


@pytest.mark.parametrize(("typed", "stored"), [
    ("  Siti Aminah  ", "Siti Aminah"),
    ("Siti\x00Aminah", "SitiAminah"),
    ("Siti\tAminah\r\n", "Siti Aminah"),
    ("a\x1b[31mb", "a[31mb"),
    ("\x7f\x85\x9f", ""),
    ("ٱلسَّلَامُ 👨‍👩‍👧 e\u0301 \u202eabc", "ٱلسَّلَامُ 👨‍👩‍👧 e\u0301 \u202eabc"),  # kept as typed
])
def test_one_line_is_cleaned(typed: str, stored: str) -> None:
    assert clean_line(typed, field="f", limit=100) == stored


def test_free_text_keeps_its_lines_and_tabs() -> None:
    assert clean_text("  satu\r\ndua\rtiga\x0bempat\tlima\x00 ", field="f", limit=100) == \
        "satu\ndua\ntiga\nempat\tlima"


@pytest.mark.parametrize("cleaner", [clean_line, clean_text])
def test_unpaired_surrogates_and_overlong_text_name_the_field(cleaner) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as broken:
        cleaner("abc\ud800", field="description", limit=10)
    assert broken.value.field == "description"
    with pytest.raises(DomainError) as long:
        cleaner("x" * 11, field="address", limit=10)
    assert long.value.field == "address"
    assert long.value.code == "text_too_long"
    assert cleaner(" " + "x" * 10 + "\n", field="address", limit=10) == "x" * 10


def ticket(**overrides) -> Ticket:  # type: ignore[no-untyped-def]
    now = datetime(2026, 11, 28, 2, 0, tzinfo=UTC)
    values = {"uuid": "u", "tracking_code": "", "origin": Origin.DESK, "category": "sampah",
              "location": Location("31.75.04.1005"), "description": "Lampu padam",
              "reporter": Reporter(name="Siti Aminah"), "consent": True, "officer": "budi",
              "created_at": now, "updated_at": now}
    values.update(overrides)
    return Ticket(**values)  # type: ignore[arg-type]


def test_the_models_store_clean_text_within_the_contracts_limits() -> None:
    made = ticket(description="\x00 Lampu padam\r\n", location=Location(
        "31.75.04.1005", address=" Jl. Raya\tBogor "), reporter=Reporter(name=" Siti "))
    assert made.description == "Lampu padam"
    assert made.location.address == "Jl. Raya Bogor"
    assert made.reporter.name == "Siti"
    ticket(description="x" * MAX_DESCRIPTION)
    with pytest.raises(InvalidTicket) as empty:
        ticket(description="\x00\x1b ")
    assert empty.value.field == "description"
    for make, field in ((lambda: ticket(description="x" * (MAX_DESCRIPTION + 1)), "description"),
                        (lambda: Location("31.75.04.1005", address="x" * (MAX_ADDRESS + 1)),
                         "address"),
                        (lambda: Reporter(name="x" * (MAX_NAME + 1)), "reporter_name"),
                        (lambda: Reporter(name="\x00"), "reporter_name")):
        with pytest.raises(DomainError) as refused:
            make()
        assert refused.value.field == field
    assert Reporter(ReporterKind.ANONYMOUS, name=" \x00 ").name is None


@pytest.mark.parametrize("nik", ["3175 0467 0880 0003", "317504670880000", "٣١٧٥٠٤٦٧٠٨٨٠٠٠٠٣",
                                 "31750467088000031"])
def test_a_stored_nik_is_sixteen_ascii_digits(nik: str) -> None:
    with pytest.raises(InvalidNik) as refused:
        Reporter(name="Siti", nik=nik)
    assert refused.value.field == "nik"
    assert nik not in str(refused.value)


@pytest.mark.parametrize(("value", "expected"), [
    ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
    ("+62 812", "'+62 812"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"),
    ("-5", "-5"),  # a plain number stays a number
    ("+62812", "+62812"),
    ("Jl. Raya", "Jl. Raya"),
    (None, ""),
    (7, "7"),
])
def test_spreadsheet_cells_never_run_as_formulas(value: object, expected: str) -> None:
    assert spreadsheet_cell(value) == expected
