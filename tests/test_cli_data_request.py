"""`posko data-request find|export|erase|pending|run|retention`, in-process on a real DB."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from posko.domain.models import Reporter
from posko.domain.status import Status
from posko.store import data_request as dr
from posko.store.casework import change_status
from posko.store.database import Store
from posko.store.models import AuditEntry, OutboxRow, TicketRow
from tests.conftest import SAMPLE_NAME, SAMPLE_NIK, SAMPLE_PHONE
from tests.receipts.helpers import pdf_text
from tests.test_cli_receipts import Run, assert_clean_failure, posko

OTHER_NAME = "Rahmawati Kusumaningrum"


def no_personal_data(run: Run) -> None:
    for secret in (SAMPLE_NIK, SAMPLE_NAME, SAMPLE_PHONE, "081234567890", "Aminah"):
        assert secret not in run.out + run.err


@pytest.fixture
def tickets(store: Store, intake: Any) -> list[Any]:
    now = datetime.now(UTC)
    made = [intake(now=now - timedelta(days=3)), intake(reporter=Reporter(name=SAMPLE_NAME)),
            intake(reporter=Reporter(name=OTHER_NAME))]
    change_status(store, made[0].uuid, Status.REJECTED, officer="sekcam", is_supervisor=True,
                  note="bukan wewenang", now=now - timedelta(days=2))
    with store.unit_of_work() as session:
        session.query(OutboxRow).delete()  # the server took them
    return made


def test_find_lists_codes_and_never_echoes_the_person(db_path: Path, tickets: list[Any]) -> None:
    run = posko(db_path, "data-request", "find", "--nik", SAMPLE_NIK, "--name", SAMPLE_NAME)
    assert run.code == 0, run.err
    assert tickets[0].tracking_code in run.out
    assert tickets[1].tracking_code in run.out
    assert tickets[2].tracking_code not in run.out
    assert "2 tiket (2 sebagai pelapor, 0 tindak lanjut)" in run.out
    assert "retention" in run.out
    assert "open" in run.out
    no_personal_data(run)


def test_nik_from_stdin(db_path: Path, tickets: list[Any],
                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(SAMPLE_NIK + "\n"))
    run = posko(db_path, "--lang", "en", "data-request", "find", "--nik", "-")
    assert run.code == 0, run.err
    assert "1 tickets (1 as reporter, 0 follow-ups)" in run.out
    no_personal_data(run)


def test_bad_input_is_a_bilingual_error_without_the_input(db_path: Path,
                                                          tickets: list[Any]) -> None:
    run = posko(db_path, "data-request", "find", "--phone", "0812-345")
    assert_clean_failure(run)
    assert "0812" not in run.err
    run = posko(db_path, "data-request", "find")
    assert_clean_failure(run, "NIK")
    run = posko(db_path, "data-request", "retention", "-5")
    assert_clean_failure(run)


def test_export_writes_pdf_and_json(db_path: Path, tmp_path: Path, store: Store,
                                    tickets: list[Any]) -> None:
    out = tmp_path / "jawaban"
    run = posko(db_path, "data-request", "export", "--nik", SAMPLE_NIK, "--out", str(out),
                "--by", "sekcam")
    assert run.code == 0, run.err
    data = json.loads((tmp_path / "jawaban.json").read_text(encoding="utf-8"))
    assert [t["tracking_code"] for t in data["tickets"]] == [tickets[0].tracking_code]
    assert tickets[0].tracking_code in pdf_text((tmp_path / "jawaban.pdf").read_bytes())
    no_personal_data(run)
    with store.unit_of_work() as session:
        officers = session.scalars(select(AuditEntry.officer).where(
            AuditEntry.action == dr.EXPORT_ACTION)).all()
    assert set(officers) == {"sekcam"}


def test_erase_needs_yes_then_erases_what_retention_allows(db_path: Path, store: Store,
                                                           tickets: list[Any]) -> None:
    assert posko(db_path, "data-request", "retention", "1").code == 0
    plan = posko(db_path, "data-request", "erase", "--nik", SAMPLE_NIK, "--name", SAMPLE_NAME)
    assert_clean_failure(plan, "--yes")
    assert dr.pending_requests(store) == []
    run = posko(db_path, "data-request", "erase", "--nik", SAMPLE_NIK, "--name", SAMPLE_NAME,
                "--yes", "--by", "sekcam")
    assert run.code == 0, run.err
    assert "1 tiket dianonimkan sekarang, 1 menunggu" in run.out
    no_personal_data(run)
    with store.unit_of_work() as session:
        names = dict(session.execute(select(TicketRow.uuid, TicketRow.reporter_name)).all())
    assert names[tickets[0].uuid] is None
    assert names[tickets[1].uuid] == SAMPLE_NAME  # open: waits
    pending = posko(db_path, "data-request", "pending")
    assert tickets[1].tracking_code in pending.out
    assert "1 permintaan hapus menunggu" in pending.out
    assert posko(db_path, "data-request", "run").out.startswith("0 tiket")
    shown = posko(db_path, "data-request", "retention")
    assert "1 hari" in shown.out
