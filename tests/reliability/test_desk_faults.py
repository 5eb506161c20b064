"""Desk faults: disk full during a save, DB locked by another process, a DB from a newer
schema, a truncated or corrupt DB file, a missing attachment file."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from posko_central import models as cm
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from posko.domain import tracking
from posko.domain.models import FollowUp
from posko.store import attachments as attachments_module
from posko.store import backup as backup_module
from posko.store import database
from posko.store import drafts as drafts_module
from posko.store.attachments import add_attachment, blob_path
from posko.store.backup import backup_database, restore_backup
from posko.store.casework import record_chase
from posko.store.database import Store
from posko.store.errors import DiskFull
from posko.store.models import TicketRow
from posko.store.search import count_tickets
from posko.sync import pending_outbox, retry_parked
from posko.ui.context import DeskContext
from posko.ui.i18n import set_language
from posko.ui.intake_page import IntakePage
from posko.ui.ticket_detail import TicketDetailDialog
from tests.reliability.desk_faults_helpers import (
    enospc,
    locked_by_another_process,
    row_counts,
    sqlite_disk_full,
)
from tests.sync_client.conftest import Central, enrol_device
from tests.test_cli import assert_clean_failure, posko
from tests.ui import conftest as ui_fixtures
from tests.ui.conftest import pdf_text
from tests.ui.test_main_window import fill_valid_intake

ROOT = Path(__file__).resolve().parents[2]
GUI = Path(__file__).with_name("desk_faults_gui.py")

# The desk screens' fixtures (a signed-in DeskContext; a message box nobody expected fails).
desk_context = ui_fixtures.desk_context
desk_settings = ui_fixtures.desk_settings
no_blocking_message_boxes = ui_fixtures.no_blocking_message_boxes


def _until_full(store: Store, save: Any) -> tuple[DiskFull, dict[str, int]]:
    """Save again and again (each fills the last free bytes of the file's pages) until one
    needs a new page and fails as on a full disk; return its error and the counts before."""
    for _attempt in range(300):
        before = row_counts(store)
        try:
            save()
        except DiskFull as caught:
            return caught, before
    pytest.fail("the disk never filled up")


@pytest.mark.parametrize("action", ["intake", "chase"])
def test_disk_full_during_a_save_writes_nothing_and_the_store_recovers(
        store: Store, intake: Any, action: str) -> None:
    first = intake()

    def chase() -> None:
        record_chase(store, FollowUp(ticket_uuid=first.uuid, asked_at=datetime.now(UTC),
                                     officer="budi", requested_by="Siti",
                                     promise="dicek ulang " * 40))

    save = intake if action == "intake" else chase
    with sqlite_disk_full(store):
        error, before = _until_full(store, save)
        assert "Disk penuh" in error.message_id
        assert "disk is full" in error.message_en
        assert row_counts(store) == before  # no ticket, event, outbox row or audit entry
    assert store.integrity_ok()
    save()  # space is back: the same store saves again
    after = row_counts(store)
    assert after["outbox"] == before["outbox"] + 1
    if action == "intake":
        # The failed save used no tracking number: the codes go on without a gap.
        with store.unit_of_work() as session:
            codes = list(session.scalars(select(TicketRow.tracking_code)
                                         .order_by(TicketRow.id)))
        assert [tracking.parse(c).sequence for c in codes] == list(range(1, len(codes) + 1))


def test_disk_full_during_sync_loses_no_outbox_row_and_no_pulled_change(
        enrolled: Store, central: Central, intake: Any, engine_factory: Any) -> None:
    other = enrol_device(central, desk=2)
    app_tickets = [other.create_ticket(sequence=n) for n in range(1, 41)]
    mine = [intake(description="Saluran air mampet " * 60) for _ in range(5)]
    engine, _ = engine_factory(push_batch=2, pull_page=5)
    with sqlite_disk_full(enrolled):
        report = engine.run_once()
        assert report.error == "disk_full"
        assert "Disk penuh" in report.message_id
    # Whatever was not recorded locally is still waiting; nothing is lost or half-applied.
    assert enrolled.integrity_ok()
    report = engine.run_once()
    assert report.error is None
    assert pending_outbox(enrolled) == []
    with central.db.read() as session:
        on_server = set(session.scalars(select(cm.TicketRow.uuid)))
    assert {t.uuid for t in mine} <= on_server
    with enrolled.unit_of_work() as session:
        local = set(session.scalars(select(TicketRow.uuid)))
    assert {t["uuid"] for t in app_tickets} <= local
    assert local == on_server


def test_a_migration_that_fails_midway_leaves_no_half_built_schema(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Migrations are all or nothing (a kill, a full disk or a bug midway), so the next
    start can simply run them again."""
    import alembic.op

    def full(*_args: object, **_kwargs: object) -> None:  # after every table was created
        raise sqlite3.OperationalError("database or disk is full")

    with monkeypatch.context() as patch:
        patch.setattr(alembic.op, "execute", full)
        with pytest.raises(DiskFull):
            Store.open(db_path)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT name FROM sqlite_master").fetchall() == []
    conn.close()
    with Store.open(db_path) as store:  # the next start builds the whole schema
        assert store.integrity_ok()
        assert store.get_meta("installation_id") is None


def test_a_restore_cut_short_leaves_the_old_file_in_place(
        store: Store, intake: Any, db_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Disk full (or a crash) while restoring: the DB's name still holds a whole file, never
    nothing (the desk would start as a new, empty one) and never half a copy."""
    intake()
    backup = backup_database(db_path, tmp_path / "backups")
    intake()
    store.close()
    damaged = _truncate(db_path)
    with monkeypatch.context() as patch:  # every way of copying a file hits a full disk
        for name in ("copyfileobj", "copyfile", "copy2"):
            patch.setattr(backup_module.shutil, name, enospc)
        with pytest.raises(OSError, match="No space left"):
            restore_backup(backup, db_path)
    assert db_path.read_bytes() == damaged
    assert not list(db_path.parent.glob(f".{db_path.name}.restoring*"))
    moved = restore_backup(backup, db_path)
    assert moved is not None
    assert moved.read_bytes() == damaged
    with Store.open(db_path) as restored:
        assert count_tickets(restored) == 1


# --- disk full in the real intake page ------------------------------------------------------


def _photo(tmp_path: Path) -> Path:
    photo = tmp_path / "jalan berlubang.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"lubang" * 3000)
    return photo


def _intake_page(qtbot: Any, ctx: DeskContext) -> IntakePage:
    page = IntakePage(ctx)
    qtbot.addWidget(page)
    # Duplicate suggestions are not under test here; a lookup started by the timer after the
    # test's last wait would answer a page that is already gone.
    page._duplicate_timer.timeout.disconnect()
    page.show()
    fill_valid_intake(qtbot, page, description="Jalan berlubang")
    # Longer than a DB page, so that saving it must grow the file (typed at once: fast).
    page.ui.descriptionEdit.setPlainText("Jalan berlubang dalam di depan sekolah, "
                                         + "membahayakan pengendara motor. " * 150)
    return page


def _save_and_wait(qtbot: Any, page: IntakePage) -> None:
    page.save()
    qtbot.waitUntil(page.ui.saveButton.isEnabled, timeout=15_000)


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("fault", ["sqlite_full", "photo_copy_enospc"])
def test_disk_full_while_saving_in_the_intake_page(
        qtbot: Any, desk_context: DeskContext, store: Store, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, fault: str, language: str) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text, *a, **k: shown.append(text))
    assert set_language(language)
    try:
        page = _intake_page(qtbot, desk_context)
        page.add_photos([_photo(tmp_path)])
        typed = page.fields()
        before = row_counts(store)
        saved: list[str] = []
        page.ticketSaved.connect(lambda code, _uuid, _number: saved.append(code))
        if fault == "sqlite_full":
            with sqlite_disk_full(store):
                _save_and_wait(qtbot, page)
        else:
            with monkeypatch.context() as patch:
                patch.setattr(attachments_module, "_copy_durably", enospc)
                _save_and_wait(qtbot, page)
        # A clear message in the desk's language, nothing half-written, the form as typed.
        assert len(shown) == 1
        if language == "id":
            assert "Disk penuh" in shown[0]
            assert "tidak hilang" in shown[0]
        else:
            assert "disk is full" in shown[0]
            assert "the form is kept" in shown[0]
        assert "Traceback" not in shown[0]
        assert saved == []
        assert row_counts(store) == before
        assert page.fields() == typed
        assert page.has_unsaved_input()
        # Space is back: the same form saves once, with its photo.
        _save_and_wait(qtbot, page)
        assert len(shown) == 1
        assert len(saved) == 1
        after = row_counts(store)
        assert after["tickets"] == before["tickets"] + 1
        assert after["attachments"] == before["attachments"] + 1
        assert after["outbox"] == before["outbox"] + 2
        assert store.integrity_ok()
    finally:
        set_language("id")


def test_disk_full_while_autosaving_a_draft_keeps_the_form_and_warns_once(
        qtbot: Any, desk_context: DeskContext, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text, *a, **k: shown.append(text))
    page = _intake_page(qtbot, desk_context)
    typed = page.fields()
    with monkeypatch.context() as patch:
        patch.setattr(drafts_module.os, "fsync", enospc)
        page.save_draft()
        page.save_draft()  # the autosave timer tries again: no second box
    assert len(shown) == 1
    assert "Disk penuh" in shown[0]
    assert page.fields() == typed
    assert not list(desk_context.paths.data_dir.glob(".draft-*"))  # no temp file left
    page.save_draft()  # space is back
    assert page.saved_draft() == typed


# --- the DB locked by another process -------------------------------------------------------


def test_save_while_another_process_holds_the_db_keeps_the_form(
        qtbot: Any, desk_context: DeskContext, store: Store, db_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text, *a, **k: shown.append(text))
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    store.engine.dispose()
    store.engine = database.make_engine(db_path)  # connections with the short busy timeout
    store._sessions.configure(bind=store.engine)
    page = _intake_page(qtbot, desk_context)
    typed = page.fields()
    before = row_counts(store)
    with locked_by_another_process(db_path):
        _save_and_wait(qtbot, page)
        assert len(shown) == 1
        assert "terkunci" in shown[0]
        assert "Data Anda belum hilang" in shown[0]
        assert page.fields() == typed
    assert row_counts(store) == before
    _save_and_wait(qtbot, page)  # the other program let go
    assert len(shown) == 1
    assert row_counts(store)["tickets"] == before["tickets"] + 1


def test_cli_while_another_process_holds_the_db(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    db = str(tmp_path / "cli.sqlite3")
    assert posko("--db", db, "init", "--kecamatan", "31.75.04").code == 0
    with locked_by_another_process(Path(db)):
        write = posko("--db", db, "demo-data", "--tickets", "5")
        assert_clean_failure(write, "terkunci", "locked")
        read = posko("--db", db, "search", "sampah")  # WAL: readers are not blocked
        assert read.code == 0, read.err
    with locked_by_another_process(Path(db), readers_too=True):
        assert_clean_failure(posko("--db", db, "check"), "terkunci", "locked")
    assert posko("--db", db, "demo-data", "--tickets", "5").code == 0
    assert posko("--db", db, "check").code == 0


# --- the desk window's start-up, as a real process ----------------------------------------


def _env(tmp_path: Path) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
                XDG_CONFIG_HOME=str(tmp_path / "config"), POSKO_DATA_DIR=str(tmp_path / "x"))


def _cli(tmp_path: Path, data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "posko.cli", "--demo", "--data-dir", str(data),
                           *args], env=_env(tmp_path), capture_output=True, text=True,
                          timeout=180, check=False)


def _desk_window(tmp_path: Path, data: Path, answer: str = "yes",
                 ) -> tuple[int, list[dict[str, str]], str]:
    """posko-desk in its own process; returns (exit code, message boxes shown, stderr)."""
    result = subprocess.run(
        [sys.executable, str(GUI), answer, "--", "--demo", "--data-dir", str(data),
         "--quit-after", "300"], env=_env(tmp_path), capture_output=True, text=True,
        timeout=180, check=False)
    boxes = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return result.returncode, boxes, result.stderr


@pytest.fixture(scope="module")
def desk_folder_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("desk-template")
    data = base / "desk"
    for args in (("init", "--kecamatan", "31.75.04"), ("demo-data", "--tickets", "12"),
                 ("backup",)):
        run = _cli(base, data, *args)
        assert run.returncode == 0, run.stderr
    return data


@pytest.fixture
def desk_folder(tmp_path: Path, desk_folder_template: Path) -> Path:
    """A real desk data folder (demo profile keyring) with 12 tickets and one backup."""
    return Path(shutil.copytree(desk_folder_template, tmp_path / "desk"))


def _truncate(db: Path) -> bytes:
    for side in ("-wal", "-shm"):
        db.with_name(db.name + side).unlink(missing_ok=True)
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])
    return db.read_bytes()


def _tickets(db: Path) -> int:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return int(conn.execute("SELECT count(*) FROM tickets").fetchone()[0])


def test_cli_on_a_truncated_db_says_so_and_restore_brings_it_back(
        tmp_path: Path, desk_folder: Path) -> None:
    db = desk_folder / "posko.sqlite3"
    damaged = _truncate(db)
    check = _cli(tmp_path, desk_folder, "check")
    assert check.returncode == 2
    assert "Traceback" not in check.stderr + check.stdout
    assert "Galat: Berkas basis data rusak" in check.stderr
    assert "Error: The database file is damaged" in check.stderr
    assert "posko restore" in check.stderr
    assert db.read_bytes() == damaged  # nothing was written to the damaged file
    restored = _cli(tmp_path, desk_folder, "restore")
    assert restored.returncode == 0, restored.stderr
    assert _cli(tmp_path, desk_folder, "check").returncode == 0
    assert _tickets(db) == 12
    assert [p.read_bytes() for p in desk_folder.glob("posko.sqlite3.replaced-*")] == [damaged]


def test_desk_window_offers_the_newest_backup_for_a_truncated_db(
        tmp_path: Path, desk_folder: Path) -> None:
    db = desk_folder / "posko.sqlite3"
    damaged = _truncate(db)
    code, boxes, stderr = _desk_window(tmp_path, desk_folder, answer="yes")
    assert code == 0, stderr
    assert "Traceback" not in stderr
    assert [box["box"] for box in boxes] == ["question", "information"]
    assert "Berkas basis data rusak" in boxes[0]["text"]
    assert "The database file is damaged" in boxes[0]["text"]
    assert "Pulihkan cadangan terbaru" in boxes[0]["text"]
    assert "dipulihkan" in boxes[1]["text"]
    assert _tickets(db) == 12  # the backup is in place and the window started on it
    assert [p.read_bytes() for p in desk_folder.glob("posko.sqlite3.replaced-*")] == [damaged]


def test_desk_window_declined_restore_leaves_the_damaged_file_alone(
        tmp_path: Path, desk_folder: Path) -> None:
    db = desk_folder / "posko.sqlite3"
    damaged = _truncate(db)
    code, boxes, stderr = _desk_window(tmp_path, desk_folder, answer="no")
    assert code == 2
    assert "Traceback" not in stderr
    assert [box["box"] for box in boxes] == ["question", "critical"]
    assert "posko restore" in boxes[1]["text"]
    assert db.read_bytes() == damaged
    assert not list(desk_folder.glob("posko.sqlite3.replaced-*"))


def test_desk_window_on_a_corrupt_db_without_backup_explains(tmp_path: Path,
                                                             desk_folder: Path) -> None:
    for backup in (desk_folder / "backups").iterdir():
        backup.unlink()
    (desk_folder / "posko.sqlite3").write_bytes(b"\x00bukan basis data" * 300)
    code, boxes, stderr = _desk_window(tmp_path, desk_folder)
    assert code == 2
    assert "Traceback" not in stderr
    assert [box["box"] for box in boxes] == ["critical"]
    assert "rusak" in boxes[0]["text"]
    assert "damaged" in boxes[0]["text"]


def test_desk_window_refuses_a_db_from_a_newer_schema(tmp_path: Path,
                                                      desk_folder: Path) -> None:
    db = desk_folder / "posko.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'f00dcafe9999'")
    conn.close()
    before = db.read_bytes()
    code, boxes, stderr = _desk_window(tmp_path, desk_folder)
    assert code == 2
    assert "Traceback" not in stderr
    assert [box["box"] for box in boxes] == ["critical"]
    assert "versi Posko yang lebih baru" in boxes[0]["text"]
    assert "newer version of Posko" in boxes[0]["text"]
    assert db.read_bytes() == before


def test_desk_window_starts_while_another_process_holds_the_db(tmp_path: Path,
                                                               desk_folder: Path) -> None:
    with locked_by_another_process(desk_folder / "posko.sqlite3"):
        code, boxes, stderr = _desk_window(tmp_path, desk_folder)
    assert code == 0, stderr
    assert "Traceback" not in stderr
    assert boxes == []  # WAL: the window opens; a save would say "locked" (tested above)


def test_desk_window_start_up_locked_even_for_readers_says_so(tmp_path: Path,
                                                              desk_folder: Path) -> None:
    with locked_by_another_process(desk_folder / "posko.sqlite3", readers_too=True):
        code, boxes, stderr = _desk_window(tmp_path, desk_folder)  # waits the busy timeout
    assert code == 2
    assert "Traceback" not in stderr
    assert [box["box"] for box in boxes] == ["critical"]
    assert "terkunci" in boxes[0]["text"]
    assert "(locked)" in boxes[0]["text"]


# --- a missing attachment file ------------------------------------------------------------


@pytest.fixture
def ticket_with_lost_photo(store: Store, intake: Any, desk_context: DeskContext,
                           tmp_path: Path) -> tuple[Any, Any]:
    ticket = intake()
    attachment = add_attachment(store, desk_context.paths.attachment_dir, ticket.uuid,
                                _photo(tmp_path), officer="budi")
    blob_path(desk_context.paths.attachment_dir, attachment.sha256).unlink()
    return ticket, attachment


def test_ticket_detail_shows_a_placeholder_and_still_reprints(
        qtbot: Any, desk_context: DeskContext, ticket_with_lost_photo: tuple[Any, Any],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from posko.ui import printing

    ticket, _attachment = ticket_with_lost_photo
    previews: list[bytes] = []
    monkeypatch.setattr(printing, "preview_pdf",
                        lambda pdf, **_kwargs: previews.append(pdf) or "print-job")
    dialog = TicketDetailDialog(desk_context, ticket.tracking_code)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.show()
    items = [dialog.ui.attachmentsList.item(r).text()
             for r in range(dialog.ui.attachmentsList.count())]
    assert len(items) == 1
    assert "jalan berlubang.jpg" in items[0]
    assert "berkas hilang" in items[0]
    assert "cadangan" in items[0]
    dialog.ui.reprintButton.click()
    qtbot.waitUntil(lambda: dialog.print_job == "print-job", timeout=15_000)
    assert ticket.tracking_code in pdf_text(previews[0])


def test_sync_parks_a_change_whose_attachment_file_is_gone(
        enrolled: Store, central: Central, intake: Any, tmp_path: Path,
        engine_factory: Any) -> None:
    folder = tmp_path / "attachments"
    photo = _photo(tmp_path)
    ticket = intake()
    attachment = add_attachment(enrolled, folder, ticket.uuid, photo, officer="budi")
    blob_path(folder, attachment.sha256).unlink()
    engine, _ = engine_factory(attachment_dir=folder)
    report = engine.run_once()
    assert report.error is None
    assert report.parked == 1
    pending = pending_outbox(enrolled)
    assert [(e.kind, e.parked) for e in pending] == [("attachment.added", True)]
    assert pending[0].last_error is not None
    assert "attachment_file_missing" in pending[0].last_error
    assert "jalan" not in pending[0].last_error  # no file name (could be personal) in it
    later = intake()  # the outbox is not blocked behind it
    assert engine.run_once().pushed == 1
    with central.db.read() as session:
        found = set(session.scalars(select(cm.TicketRow.uuid)))
    assert {ticket.uuid, later.uuid} <= found
    # The folder comes back from a backup: a retry sends the file once.
    add_attachment(enrolled, folder, ticket.uuid, photo, officer="budi")
    assert retry_parked(enrolled) == 1
    report = engine.run_once()
    assert report.error is None
    assert report.parked == 0
    assert pending_outbox(enrolled) == []
    with central.db.read() as session:
        blobs = list(session.scalars(select(cm.BlobRow.sha256)))
    assert blobs == [attachment.sha256]


def test_restore_offer_skips_a_damaged_newest_backup(
        qapp: Any, store: Store, intake: Any, db_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from posko.paths import DataPaths
    from posko.store.errors import DatabaseCorrupt
    from posko.ui import startup

    intake()
    paths = DataPaths(data_dir=tmp_path / "posko-data", db_file=db_path)
    sound = backup_database(db_path, paths.backup_dir)
    newest = sound.with_name(sound.name.replace("posko-", "posko-9"))  # sorts first
    newest.write_bytes(sound.read_bytes()[:5000])  # a backup cut short
    store.close()
    _truncate(db_path)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a, **k: (
        asked.append(text) or QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    with pytest.raises(DatabaseCorrupt) as caught:
        Store.open(db_path)
    assert startup.offer_restore(paths, caught.value)
    assert len(asked) == 1
    with startup.open_desk_store(paths) as restored:
        assert count_tickets(restored) == 1
