"""`posko print-receipt` and `posko recap`, run in-process against a real temp DB."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from posko import cli
from posko.domain.models import FollowUp, Origin
from posko.store.casework import record_chase
from posko.store.database import Store
from tests.conftest import SAMPLE_NIK
from tests.receipts.helpers import decode_qr, page_sizes, pdf_text

SATURDAY = datetime(2026, 11, 28, 2, 15, tzinfo=UTC)  # 09:15 WIB


class Run:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


def posko(db: Path, *args: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--db", str(db), *args], out=out, err=err)
    return Run(code, out.getvalue(), err.getvalue())


def assert_clean_failure(run: Run, *fragments: str) -> None:
    assert run.code == cli.EXIT_USER_ERROR, (run.out, run.err)
    assert "Traceback" not in run.err + run.out
    assert run.err.startswith("Galat: ")
    assert "\nError: " in run.err
    assert SAMPLE_NIK not in run.err
    for fragment in fragments:
        assert fragment in run.err


@pytest.fixture
def saved(intake):  # type: ignore[no-untyped-def]
    return intake(now=SATURDAY, external_refs=["QLUE 1234567"])


@pytest.mark.parametrize("size", ["58mm", "80mm", "a5", "a4"])
def test_print_receipt_every_size(db_path: Path, tmp_path: Path, saved, size: str) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / f"receipt-{size}.pdf"
    run = posko(db_path, "print-receipt", saved.tracking_code, "--size", size, "--out", str(out))
    assert run.code == 0, run.err
    assert saved.tracking_code in run.out
    assert str(out) in run.out
    text = pdf_text(out.read_bytes())
    assert saved.tracking_code in text
    assert "3175********0003" in text
    assert SAMPLE_NIK not in text
    assert "Verifikasi paling lambat: Rabu, 2 Desember 2026" in text
    assert "Sabtu, 28 November 2026, 09:15 WIB" in text
    assert decode_qr(out.read_bytes()) == [
        f"https://posko.example/cek?kode={saved.tracking_code}"]
    assert not list(tmp_path.glob(".*.partial"))


def test_receipt_language_copy_and_lookup_by_app_number(db_path: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         saved) -> None:
    out = tmp_path / "r.pdf"
    run = posko(db_path, "print-receipt", "QLUE", "1234567", "--lang", "en", "--copy",
                "--size", "A5", "--out", str(out))
    assert run.code == 0, run.err
    text = pdf_text(out.read_bytes())
    assert "COMPLAINT RECEIPT" in text
    assert "COPY" in text
    assert len(page_sizes(out.read_bytes())) == 1
    # The command's own messages follow the global --lang.
    assert run.out.startswith("Tanda terima")


def test_receipt_uses_the_officer_full_name_and_desk_contacts(db_path: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                              store: Store, saved) -> None:
    from posko.store.database import set_meta
    from posko.store.officers import create_officer

    create_officer(store, username="budi", full_name="Budi Santoso", pin="739152")
    with store.unit_of_work() as session:
        set_meta(session, "contact_phone", "(021) 8090-1234")
        set_meta(session, "status_url", "https://kramatjati.example/s/{code}")
    out = tmp_path / "r.pdf"
    assert posko(db_path, "print-receipt", saved.tracking_code, "--out", str(out)).code == 0
    text = pdf_text(out.read_bytes())
    assert "Petugas: Budi Santoso" in text
    assert "(021) 8090-1234" in text
    assert decode_qr(out.read_bytes()) == [
        f"https://kramatjati.example/s/{saved.tracking_code}"]


def test_chase_receipt(db_path: Path, tmp_path: Path, store: Store, intake) -> None:  # type: ignore[no-untyped-def]
    app = intake(origin=Origin.APP, consent=False, officer="", external_refs=["JAKI 52000988"],
                 now=datetime(2026, 10, 1, 5, 0, tzinfo=UTC))
    record_chase(store, FollowUp(ticket_uuid=app.uuid, asked_at=SATURDAY, officer="sari",
                                 requested_by="Pak Slamet", promise="Ditanyakan ke Dinas LH",
                                 promised_by=date(2026, 12, 2)))
    out = tmp_path / "chase.pdf"
    run = posko(db_path, "print-receipt", "JAKI 52000988", "--out", str(out))
    assert run.code == 0, run.err
    assert "tindak lanjut" in run.out
    text = pdf_text(out.read_bytes())
    assert "Tindak lanjut untuk laporan JAKI 52000988" in text
    assert "Janji tindak lanjut: Ditanyakan ke Dinas LH" in text
    assert "Dijanjikan paling lambat: Rabu, 2 Desember 2026" in text


def test_chase_flag_without_a_chase_is_refused(db_path: Path, tmp_path: Path, saved) -> None:  # type: ignore[no-untyped-def]
    run = posko(db_path, "print-receipt", saved.tracking_code, "--chase",
                "--out", str(tmp_path / "x.pdf"))
    assert_clean_failure(run, "tindak lanjut", "follow-up")
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(("args", "fragments"), [
    (["print-receipt", "ZZZZ-ZZZZ-ZZZZ"], ("tidak ditemukan", "not found")),
    (["print-receipt", SAMPLE_NIK], ("tidak ditemukan", "not found")),
    (["print-receipt", "{code}", "--size", "letter"], ("58mm, 80mm, a5, a4",)),
])
def test_print_receipt_errors(db_path: Path, tmp_path: Path, saved, args: list[str],  # type: ignore[no-untyped-def]
                              fragments: tuple[str, ...]) -> None:
    args = [a.replace("{code}", saved.tracking_code) for a in args]
    out = tmp_path / "x.pdf"
    assert_clean_failure(posko(db_path, *args, "--out", str(out)), *fragments)
    assert not out.exists()


def test_print_receipt_to_a_missing_folder(db_path: Path, tmp_path: Path, saved) -> None:  # type: ignore[no-untyped-def]
    run = posko(db_path, "print-receipt", saved.tracking_code,
                "--out", str(tmp_path / "nope" / "x.pdf"))
    assert_clean_failure(run, "Folder tujuan tidak ada", "does not exist")


def test_print_receipt_to_a_folder(db_path: Path, tmp_path: Path, saved) -> None:  # type: ignore[no-untyped-def]
    assert_clean_failure(posko(db_path, "print-receipt", saved.tracking_code, "--out",
                               str(tmp_path)), "folder")


def test_print_receipt_before_init(tmp_path: Path) -> None:
    run = posko(tmp_path / "empty.sqlite3", "print-receipt", "8YXQ-3592-222J",
                "--out", str(tmp_path / "x.pdf"))
    assert_clean_failure(run, "posko init")


def test_recap_pdf_and_csv(db_path: Path, tmp_path: Path, saved, intake) -> None:  # type: ignore[no-untyped-def]
    intake(now=SATURDAY, category="pju", origin=Origin.ASSISTED)
    pdf, table = tmp_path / "recap.pdf", tmp_path / "recap.csv"
    run = posko(db_path, "recap", "--date", "2026-11-28", "--out", str(pdf), "--csv", str(table))
    assert run.code == 0, run.err
    assert "2 tiket ditangani" in run.out
    text = pdf_text(pdf.read_bytes())
    assert "REKAP POSKO PENGADUAN" in text
    assert "Sabtu, 28 November 2026" in text
    assert "Halaman 1 dari" in text
    raw = table.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the diacritics right
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert ["origin", "assisted", "Dibantu petugas", "1", "2026-11-28", ""] in rows
    assert ["category", "sampah", "Sampah", "1", "2026-11-28", ""] in rows
    assert SAMPLE_NIK not in raw.decode("utf-8-sig")


def test_recap_in_english_for_today(db_path: Path, tmp_path: Path, saved) -> None:  # type: ignore[no-untyped-def]
    pdf = tmp_path / "today.pdf"
    run = posko(db_path, "--lang", "en", "recap", "--out", str(pdf))
    assert run.code == 0, run.err
    assert run.out.startswith("Recap ")
    assert "COMPLAINT POST RECAP" in pdf_text(pdf.read_bytes())


@pytest.mark.parametrize("typed", ["28-11-2026", "2026-13-01", "kemarin"])
def test_recap_refuses_bad_dates(db_path: Path, tmp_path: Path, saved, typed: str) -> None:  # type: ignore[no-untyped-def]
    run = posko(db_path, "recap", "--date", typed, "--out", str(tmp_path / "r.pdf"))
    assert_clean_failure(run, "YYYY-MM-DD")


def test_recap_to_a_missing_folder_writes_nothing(db_path: Path, tmp_path: Path, saved) -> None:  # type: ignore[no-untyped-def]
    run = posko(db_path, "recap", "--date", "2026-11-28", "--out", str(tmp_path / "r.pdf"),
                "--csv", str(tmp_path / "missing" / "r.csv"))
    assert_clean_failure(run, "does not exist")
    assert not (tmp_path / "r.pdf").exists()
