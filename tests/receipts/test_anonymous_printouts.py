"""An anonymous reporter on paper (issue 11 part 3): a real desk store holds an anonymous
complaint whose reporter left a name, phone and NIK at the kecamatan, and chased it
themself. Every printout made from it is read back: the recap (PDF and CSV), the case file,
the queue slip and the office copy of the receipt never name the reporter; only the
citizen's own receipt shows what they gave (masked, as on every receipt), and their own
chase receipt names who asked (them)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from posko.domain.models import FollowUp, Reporter, ReporterKind
from posko.receipts import (
    ReceiptSettings,
    build_chase_receipt,
    build_queue_slip,
    build_recap_pdf,
    build_receipt,
    recap_csv,
)
from posko.receipts.case import build_case_pdf
from posko.store.case_file import case_snapshot
from posko.store.casework import record_chase
from posko.store.database import Store
from posko.store.recap import compute_recap
from posko.store.search import find_ticket
from tests.conftest import SAMPLE_NIK, SAMPLE_PHONE
from tests.receipts.helpers import pdf_text

REPORTER_NAME = "Mbah Sarinah"
# The person in every form a printout could show: name (and its parts), the phone as typed,
# in E.164 and national form, the NIK in full and masked, the phone's masked tail.
IDENTITY = ("Sarinah", REPORTER_NAME, SAMPLE_PHONE, "81234567890", "0812-3456-7890",
            "0812 3456 7890", SAMPLE_NIK, "3175********0003", "7890")
FULL_IDENTITY = IDENTITY[:-2]  # what even the citizen's own receipt never prints


def _absent(text: str, markers: tuple[str, ...] = IDENTITY) -> None:
    for marker in markers:
        assert marker not in text, marker


@pytest.fixture
def anonymous(intake, store: Store, cipher):  # type: ignore[no-untyped-def]
    ticket = intake(reporter=Reporter(kind=ReporterKind.ANONYMOUS, name=REPORTER_NAME,
                                      phone=SAMPLE_PHONE, nik=SAMPLE_NIK))
    chase = FollowUp(ticket.uuid, asked_at=ticket.created_at + timedelta(minutes=5),
                     officer="budi", requested_by=REPORTER_NAME,
                     promise="Dicek petugas hari Senin",
                     promised_by=date.today() + timedelta(days=3))
    record_chase(store, chase)
    detail = find_ticket(store, ticket.uuid, cipher)
    assert detail is not None
    # The desk keeps what the reporter gave (so the checks below can fail).
    assert detail.ticket.reporter.name == REPORTER_NAME
    assert detail.ticket.reporter.nik == SAMPLE_NIK
    return detail.ticket, chase


def test_the_recap_never_names_an_anonymous_reporter(store: Store, anonymous) -> None:  # type: ignore[no-untyped-def]
    ticket, _chase = anonymous
    day = ticket.created_at.astimezone(store_zone(store)).date()
    recap = compute_recap(store, day)
    assert recap.chases
    assert recap.chases[0].tracking_code == ticket.tracking_code
    for language in ("id", "en"):
        text = pdf_text(build_recap_pdf(recap, language=language,
                                        generated_at=datetime.now(UTC)))
        assert ticket.tracking_code in text  # the chase is listed...
        _absent(text)  # ...without who asked
        _absent(recap_csv(recap, language=language))


def test_the_case_file_never_names_an_anonymous_reporter(store: Store, cipher,  # type: ignore[no-untyped-def]
                                                         anonymous, tmp_path: Path) -> None:
    ticket, _chase = anonymous
    case = case_snapshot(store, cipher, ticket.uuid, attachment_dir=tmp_path)
    for notes in (False, True):
        text = pdf_text(build_case_pdf(case, printed_by="Budi Santoso",
                                       printed_at=datetime.now(UTC),
                                       include_internal_notes=notes))
        assert "Anonim" in text
        assert ticket.tracking_code in text
        assert "Dicek petugas hari Senin" in text  # the chase is there, not who asked
        _absent(text)


def test_the_queue_slip_holds_no_reporter(store: Store, anonymous) -> None:  # type: ignore[no-untyped-def]
    text = pdf_text(build_queue_slip(7, datetime.now(UTC), "31.75.04"))
    assert "007" in text
    _absent(text)


def test_only_the_citizens_own_receipts_show_what_they_gave(anonymous) -> None:  # type: ignore[no-untyped-def]
    ticket, chase = anonymous
    own = pdf_text(build_receipt(ticket))
    assert "Anonim" in own
    assert "7890" in own  # their phone, masked: what they gave, on their own paper
    _absent(own, FULL_IDENTITY)
    copy = pdf_text(build_receipt(ticket, ReceiptSettings(office_copy=True)))
    assert "SALINAN" in copy
    _absent(copy, FULL_IDENTITY)
    chased = pdf_text(build_chase_receipt(ticket, chase))
    assert REPORTER_NAME in chased  # they asked: their own chase receipt says so


def store_zone(store: Store):  # type: ignore[no-untyped-def]
    from posko.store.desk import desk_identity

    return desk_identity(store).timezone
