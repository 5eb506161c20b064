"""The `posko` command line, run in-process against real temp DBs: happy paths and every
error path a person can cause (exit code != 0, both languages, no traceback)."""

from __future__ import annotations

import io
import sqlite3
import subprocess
import sys
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from posko import cli
from posko.store import database
from tests.conftest import SAMPLE_NIK


class Run:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


def posko(*args: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(args), out=out, err=err)
    return Run(code, out.getvalue(), err.getvalue())


def assert_clean_failure(run: Run, *fragments: str) -> None:
    assert run.code == cli.EXIT_USER_ERROR, (run.out, run.err)
    assert "Traceback" not in run.err + run.out
    assert run.err.startswith("Galat: ")
    assert "\nError: " in run.err
    for fragment in fragments:
        assert fragment in run.err


@pytest.fixture
def ready_db(tmp_path: Path) -> str:
    db = str(tmp_path / "cli.sqlite3")
    assert posko("--db", db, "init", "--kecamatan", "31.75.04", "--desk", "2").code == 0
    return db


def test_init_reports_the_kecamatan(tmp_path: Path) -> None:
    run = posko("--db", str(tmp_path / "a.sqlite3"), "init", "--kecamatan", "31.75.04")
    assert run.code == 0
    assert "Kramatjati" in run.out
    assert "31.75.04" in run.out


def test_init_in_english(tmp_path: Path) -> None:
    run = posko("--lang", "en", "--db", str(tmp_path / "a.sqlite3"), "init",
                "--kecamatan", "31.75.04")
    assert run.code == 0
    assert "is ready" in run.out


@pytest.mark.parametrize("code", ["99.99.99", "31.75", "hello", "31.75.04.1005"])
def test_init_refuses_unknown_kecamatan_and_writes_nothing(tmp_path: Path, code: str) -> None:
    db = tmp_path / "a.sqlite3"
    run = posko("--db", str(db), "init", "--kecamatan", code)
    assert_clean_failure(run)
    assert not db.exists()


def test_init_refuses_bad_desk_number(tmp_path: Path) -> None:
    run = posko("--db", str(tmp_path / "a.sqlite3"), "init", "--kecamatan", "31.75.04",
                "--desk", "40")
    assert_clean_failure(run, "meja", "desk")


def test_commands_before_init_say_how_to_set_up(tmp_path: Path) -> None:
    run = posko("--db", str(tmp_path / "empty.sqlite3"), "show", "ABCD")
    assert_clean_failure(run, "posko init")


def test_demo_data_search_and_show(ready_db: str) -> None:
    run = posko("--db", ready_db, "demo-data", "--tickets", "300", "--seed", "7")
    assert run.code == 0, run.err
    assert "300" in run.out
    assert "300/300" in run.err  # progress was shown

    found = posko("--db", ready_db, "search", "sampah")
    assert found.code == 0
    assert "hasil" in found.out
    first_code = found.out.splitlines()[0].split()[0]

    shown = posko("--db", ready_db, "show", first_code)
    assert shown.code == 0
    assert f"Kode pelacakan: {first_code}" in shown.out
    assert "Riwayat:" in shown.out

    again = posko("--db", ready_db, "demo-data", "--tickets", "10")
    assert_clean_failure(again, "demo")


def test_show_never_prints_a_full_nik(ready_db: str) -> None:
    assert posko("--db", ready_db, "demo-data", "--tickets", "200").code == 0
    with sqlite3.connect(ready_db) as conn:
        code = conn.execute("SELECT tracking_code FROM tickets WHERE reporter_nik_enc IS NOT NULL"
                            " LIMIT 1").fetchone()[0]
    shown = posko("--db", ready_db, "show", code)
    assert shown.code == 0
    nik_line = next(line for line in shown.out.splitlines() if line.startswith("NIK: "))
    assert "********" in nik_line
    assert len(nik_line.removeprefix("NIK: ")) == 16


def test_show_unknown_ticket(ready_db: str) -> None:
    assert_clean_failure(posko("--db", ready_db, "show", "QLUE", "404404"), "tidak ditemukan")


def test_search_by_nik_validates_first(ready_db: str) -> None:
    bad = posko("--db", ready_db, "search", "--nik", "1234")
    assert_clean_failure(bad)
    assert "1234" not in bad.err  # the input is never echoed back
    ok = posko("--db", ready_db, "search", "--nik", SAMPLE_NIK)
    assert ok.code == 0
    assert "0 tiket" in ok.out


def test_empty_search_is_refused(ready_db: str) -> None:
    assert_clean_failure(posko("--db", ready_db, "search"))


def test_locked_database(ready_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    other = sqlite3.connect(ready_db, timeout=0.05)
    try:
        other.execute("BEGIN EXCLUSIVE")
        run = posko("--db", ready_db, "demo-data", "--tickets", "5")
    finally:
        other.rollback()
        other.close()
    assert_clean_failure(run, "terkunci", "locked")


def test_disk_full_during_demo_data(ready_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from posko.store import tickets

    def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(tickets, "_insert_batch", full)
    assert_clean_failure(posko("--db", ready_db, "demo-data", "--tickets", "5"),
                         "Disk penuh", "disk is full")


def test_corrupt_database_offers_the_backup(ready_db: str) -> None:
    assert posko("--db", ready_db, "backup").code == 0
    Path(ready_db).write_bytes(b"\x00garbage" * 500)
    for side in ("-wal", "-shm"):
        Path(ready_db + side).unlink(missing_ok=True)
    assert_clean_failure(posko("--db", ready_db, "check"), "rusak", "posko restore")
    restored = posko("--db", ready_db, "restore")
    assert restored.code == 0, restored.err
    assert posko("--db", ready_db, "check").code == 0
    with sqlite3.connect(ready_db) as conn:  # codes issued after the backup stay unused
        skipped = conn.execute("SELECT min(last_sequence) FROM tracking_sequences").fetchone()
    assert skipped[0] is not None
    assert skipped[0] >= 1000


def test_newer_database_is_refused(ready_db: str) -> None:
    with sqlite3.connect(ready_db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'zzzz9999'")
    assert_clean_failure(posko("--db", ready_db, "check"), "lebih baru", "newer")


def test_no_keyring_backend_is_explained_never_bypassed(tmp_path: Path) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    db = tmp_path / "k.sqlite3"
    run = posko("--db", str(db), "init", "--kecamatan", "31.75.04")
    assert_clean_failure(run, "keyring", "GNOME Keyring", "posko --demo")
    with sqlite3.connect(db) as conn:  # nothing refers to a key that was never stored
        assert conn.execute("SELECT count(*) FROM meta").fetchone()[0] == 0


def test_demo_profile_uses_an_announced_file_keyring(tmp_path: Path) -> None:
    run = posko("--demo", "--data-dir", str(tmp_path / "demo"), "init", "--kecamatan",
                "31.75.04")
    assert run.code == 0, run.err
    assert "demo" in run.err
    assert "plain file" in run.err
    assert (tmp_path / "demo" / "demo-keyring.cfg").exists()


def test_check_and_backup(ready_db: str) -> None:
    check = posko("--db", ready_db, "check")
    assert check.code == 0
    assert "integritas baik" in check.out
    backup = posko("--db", ready_db, "backup")
    assert backup.code == 0
    assert "Cadangan dibuat" in backup.out


def test_unexpected_errors_show_no_traceback_or_input(ready_db: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from posko.store import search

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("Siti Aminah 081234567890")

    monkeypatch.setattr(search, "search", explode)
    run = posko("--db", ready_db, "search", "siti")
    assert run.code == cli.EXIT_UNEXPECTED
    assert "RuntimeError" in run.err
    assert "Siti" not in run.err
    assert "Traceback" not in run.err


def test_console_script_is_installed(tmp_path: Path) -> None:
    """The `posko` entry point from pyproject runs as a real process."""
    result = subprocess.run(
        [sys.executable, "-m", "posko.cli", "--db", str(tmp_path / "x.sqlite3"), "init",
         "--kecamatan", "00.00.00"], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "Galat:" in result.stderr


def test_officers_added_from_stdin_and_listed(ready_db: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("482915\n"))
    added = posko("--db", ready_db, "officer", "add", "--username", "budi", "--name",
                  "Budi Santoso", "--role", "supervisor", "--pin-stdin")
    assert added.code == 0, added.err
    listed = posko("--db", ready_db, "officer", "list")
    assert "budi" in listed.out
    assert "supervisor" in listed.out
    assert "482915" not in listed.out + added.out + added.err
    monkeypatch.setattr("sys.stdin", io.StringIO("12\n"))
    weak = posko("--db", ready_db, "officer", "add", "--username", "x", "--name", "X",
                 "--pin-stdin")
    assert_clean_failure(weak, "PIN")


def test_demo_data_adds_demo_officers_once(ready_db: str) -> None:
    run = posko("--db", ready_db, "demo-data", "--tickets", "20")
    assert "rina.kusuma (supervisor)" in run.out
    assert "PIN 1234" in run.out
    listed = posko("--db", ready_db, "officer", "list")
    assert len(listed.out.splitlines()) == 5
