"""The desk window and its flows, driven through the real widgets (pytest-qt, offscreen)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from posko import app as app_module
from posko.store.backup import backup_is_sound
from posko.store.database import Store
from posko.store.officers import create_officer
from posko.store.search import find_ticket
from posko.ui.context import DeskContext
from posko.ui.main_window import MainWindow, pending_outbox
from posko.ui.settings import Settings
from posko.ui.sign_in import SignInDialog
from tests.conftest import SAMPLE_NIK


@pytest.fixture
def ui_settings(desk_settings: Settings) -> Settings:
    return desk_settings


@pytest.fixture
def ctx(desk_context: DeskContext) -> DeskContext:
    return desk_context


@pytest.fixture
def window(qtbot, ctx: DeskContext, monkeypatch: pytest.MonkeyPatch) -> MainWindow:  # type: ignore[no-untyped-def]
    # Closing with an unsaved form asks; tests answer "yes" unless they say otherwise.
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    shown = MainWindow(ctx)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def fill_valid_intake(qtbot, page, *, description: str = "Sampah menumpuk di depan pasar",  # type: ignore[no-untyped-def]
                      phone: str = "0812-3456-7890") -> None:
    ui = page.ui
    ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData("sampah"))
    qtbot.keyClicks(ui.rwEdit, "5")
    qtbot.keyClicks(ui.rtEdit, "3")
    qtbot.keyClicks(ui.addressEdit, "Jl. Raya Bogor No. 12")
    qtbot.keyClicks(ui.descriptionEdit, description)
    qtbot.keyClicks(ui.nameEdit, "Siti Aminah")
    qtbot.keyClicks(ui.phoneEdit, phone)
    ui.consentCheck.setChecked(True)


def test_sign_in_wrong_then_right_pin(qtbot, store: Store, ui_settings: Settings) -> None:  # type: ignore[no-untyped-def]
    create_officer(store, username="budi", full_name="Budi Santoso", pin="482915")
    dialog = SignInDialog(store, ui_settings)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.keyClicks(dialog.ui.pinEdit, "111111")
    qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "PIN salah" in dialog.ui.errorLabel.text()
    assert dialog.ui.pinEdit.text() == ""
    qtbot.keyClicks(dialog.ui.pinEdit, "482915")
    with qtbot.waitSignal(dialog.accepted, timeout=3000):
        qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)
    assert dialog.officer is not None
    assert dialog.officer.full_name == "Budi Santoso"


def test_title_session_and_status_bar(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.windowTitle() == "Posko — Kecamatan Kramatjati, Meja 1"
    assert "Budi Santoso" in window.ui.sessionLabel.text()
    assert "Luring" in window.online_label.text()
    assert not window.sync_button.isEnabled()
    qtbot.waitUntil(lambda: window.pending_label.text() == "Menunggu dikirim: 0", timeout=3000)


def test_validation_errors_then_save(qtbot, window: MainWindow, ctx: DeskContext) -> None:  # type: ignore[no-untyped-def]
    page = window.intake_page
    window.ui.tabs.setCurrentWidget(window.ui.intakeTab)
    qtbot.mouseClick(page.ui.saveButton, Qt.MouseButton.LeftButton)
    assert page.ui.categoryError.text() == "Pilih kategori pengaduan."
    assert "wajib" in page.ui.descriptionError.text()
    assert "wajib" in page.ui.nameError.text()
    assert "persetujuan" in page.ui.consentError.text().lower()
    assert pending_outbox(ctx.store) == 0

    fill_valid_intake(qtbot, page, phone="12345")
    qtbot.keyClicks(page.ui.nikEdit, "1234")
    qtbot.mouseClick(page.ui.saveButton, Qt.MouseButton.LeftButton)
    assert page.ui.phoneError.text() != ""
    assert page.ui.nikError.text() != ""
    assert "12345" not in page.ui.phoneError.text()  # the reason, not the input
    assert pending_outbox(ctx.store) == 0

    page.ui.phoneEdit.clear()
    qtbot.keyClicks(page.ui.phoneEdit, "0812-3456-7890")
    page.ui.nikEdit.clear()
    qtbot.keyClicks(page.ui.nikEdit, SAMPLE_NIK)
    page.ui.nikEdit.editingFinished.emit()
    assert page.ui.nikEdit.text() == "3175********0003"  # masked once entered
    with qtbot.waitSignal(page.ticketSaved, timeout=5000) as saved:
        qtbot.keyClick(page.ui.addressEdit, Qt.Key.Key_Return)  # Enter saves
    code = saved.args[0]
    assert page.ui.resultCodeLabel.text() == code
    assert page.ui.resultFrame.isVisible()
    detail = find_ticket(ctx.store, code, ctx.cipher)
    assert detail is not None
    assert detail.ticket.reporter.nik == SAMPLE_NIK
    assert detail.ticket.reporter.phone == "+6281234567890"
    assert detail.events[0].actor == "budi"
    assert pending_outbox(ctx.store) == 1
    assert page.ui.nameEdit.text() == ""  # form cleared for the next visitor


def test_print_receipt_after_saving(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from posko.ui import printing
    from tests.ui.conftest import pdf_text

    previews: list[bytes] = []
    monkeypatch.setattr(printing, "preview_pdf",
                        lambda pdf, **_kwargs: previews.append(pdf) or "print-job")
    page = window.intake_page
    window.ui.tabs.setCurrentWidget(window.ui.intakeTab)
    fill_valid_intake(qtbot, page)
    with qtbot.waitSignal(page.ticketSaved, timeout=5000) as saved:
        qtbot.mouseClick(page.ui.saveButton, Qt.MouseButton.LeftButton)
    assert page.ui.printButton.isVisible()
    qtbot.mouseClick(page.ui.printButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.print_job == "print-job", timeout=10_000)
    text = pdf_text(previews[0])
    assert saved.args[0] in text
    assert "TANDA TERIMA" in text


def test_queue_call_next_opens_intake_and_marks_served(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    queue = window.queue_page
    qtbot.mouseClick(queue.ui.takeNumberButton, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(queue.ui.takeNumberButton, Qt.MouseButton.LeftButton)
    assert queue.ui.currentLabel.text() == "Nomor antrean baru: 2"
    with qtbot.waitSignal(queue.numberCalled, timeout=3000):
        qtbot.keyClick(queue, Qt.Key.Key_F3)
    assert window.ui.tabs.currentWidget() is window.ui.intakeTab
    assert window.intake_page.ui.queueLabel.text() == "Melayani nomor antrean 1"
    fill_valid_intake(qtbot, window.intake_page)
    with qtbot.waitSignal(window.intake_page.ticketSaved, timeout=5000) as saved:
        qtbot.keyClick(window.intake_page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    code = saved.args[0]
    qtbot.waitUntil(lambda: queue.ui.queueTable.rowCount() == 2
                    and queue.ui.queueTable.item(0, 4) is not None
                    and queue.ui.queueTable.item(0, 4).text() == code, timeout=3000)
    assert queue.ui.queueTable.item(0, 2).text() == "selesai dilayani"
    assert queue.ui.queueTable.item(1, 2).text() == "menunggu"
    assert "Menunggu: 1" in queue.ui.summaryLabel.text()


def test_duplicate_suggestion_shown_and_linked(qtbot, window: MainWindow, intake,  # type: ignore[no-untyped-def]
                                               ctx: DeskContext) -> None:
    existing = intake(description="Sampah menumpuk di depan pasar, bau sekali")
    page = window.intake_page
    fill_valid_intake(qtbot, page, description="sampah menumpuk depan pasar", phone="")
    qtbot.waitUntil(lambda: page.ui.duplicatesList.count() == 1, timeout=5000)
    assert page.ui.duplicatesList.item(0).text().startswith(existing.tracking_code)
    page.ui.duplicatesList.setCurrentRow(0)
    assert page.ui.linkDuplicateButton.isEnabled()
    with qtbot.waitSignal(page.ticketSaved, timeout=3000) as linked:
        qtbot.mouseClick(page.ui.linkDuplicateButton, Qt.MouseButton.LeftButton)
    assert linked.args[0] == existing.tracking_code
    detail = find_ticket(ctx.store, existing.tracking_code)
    assert detail is not None
    assert len(detail.follow_ups) == 1
    assert detail.follow_ups[0].officer == "budi"


@pytest.mark.parametrize(
    ("typed", "which"),
    [("QLUE 7654321", 0), ("Siti", 0), ("0812 3456", 0), ("Kelinci", 1), ("gang", 1)],
)
def test_lookup_by_each_kind_of_fragment(qtbot, window: MainWindow, intake, typed: str,  # type: ignore[no-untyped-def]
                                         which: int) -> None:
    from posko.domain.models import Location, Reporter

    tickets = [intake(external_refs=["QLUE 7654321"]),
               intake(description="Lampu padam", reporter=Reporter(name="Joko"),
                      location=Location("31.75.04.1005", address="Gang Kelinci 3"))]
    page = window.lookup_page
    window.ui.tabs.setCurrentWidget(window.ui.lookupTab)
    with qtbot.waitSignal(page.resultsShown, timeout=5000):
        qtbot.keyClicks(page.ui.searchBox, typed)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    assert page.model.row_at(0).uuid == tickets[which].uuid
    assert page.ui.resultLabel.text() == "1 hasil"


def test_lookup_by_tracking_code_and_overdue_marker(qtbot, window: MainWindow, intake) -> None:  # type: ignore[no-untyped-def]
    old = intake(now=datetime(2025, 1, 6, 3, 0, tzinfo=UTC))
    page = window.lookup_page
    with qtbot.waitSignal(page.resultsShown, timeout=5000):
        qtbot.keyClicks(page.ui.searchBox, old.tracking_code[:9])
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    age = page.model.index(0, page.model.COLUMNS.index("age")).data()
    assert "terlambat" in age


def test_draft_restored_after_a_crash(qtbot, ctx: DeskContext,  # type: ignore[no-untyped-def]
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    fill_valid_intake(qtbot, first.intake_page, description="Got cair meluap setiap hujan")
    first.intake_page.save_draft()  # what the autosave timer does every few seconds
    # A crash: the window goes away without closeEvent and without saving.
    first.intake_page._autosave_timer.stop()
    first.deleteLater()

    second = MainWindow(ctx)
    qtbot.addWidget(second)
    assert second.offer_draft()
    page = second.intake_page
    assert page.ui.descriptionEdit.toPlainText() == "Got cair meluap setiap hujan"
    assert page.ui.nameEdit.text() == "Siti Aminah"
    assert page.ui.categoryCombo.currentData() == "sampah"
    assert page.ui.consentCheck.isChecked()


def test_closing_with_unsaved_input_asks_first(qtbot, ctx: DeskContext,  # type: ignore[no-untyped-def]
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def answer_no(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[1]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer_no)
    shown = MainWindow(ctx)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.keyClicks(shown.intake_page.ui.nameEdit, "Siti")
    assert not shown.close()
    assert shown.isVisible()
    assert asked == ["Formulir belum disimpan"]


def test_font_scale_shortcuts(qtbot, window: MainWindow, ctx: DeskContext) -> None:  # type: ignore[no-untyped-def]
    before = window.font().pointSizeF()
    window.ui.actionZoomIn.trigger()
    window.ui.actionZoomIn.trigger()
    assert window.font().pointSizeF() > before
    window.ui.actionZoomReset.trigger()
    assert window.font().pointSizeF() == pytest.approx(before)


def test_startup_error_is_a_bilingual_dialog(qapp, tmp_path: Path,  # type: ignore[no-untyped-def]
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []

    def fake_critical(parent: object, title: str, text: str) -> None:
        shown.append(text)

    monkeypatch.setattr(QMessageBox, "critical", fake_critical)
    code = app_module.main(["--db", str(tmp_path / "never-initialised.sqlite3")])
    assert code == 2
    assert len(shown) == 1
    assert "posko init" in shown[0]
    assert "not set up" in shown[0]


def test_posko_desk_starts_and_quits_offscreen(tmp_path: Path) -> None:
    """The real entry point in its own process: sign-in shown, quit after start-up, exit 0."""
    db = tmp_path / "gui.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", POSKO_DATA_DIR=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    subprocess.run([sys.executable, "-m", "posko.cli", "--demo", "--db", str(db), "init",
                    "--kecamatan", "31.75.04"], env=env, check=True, capture_output=True,
                   timeout=120)
    result = subprocess.run([sys.executable, "-m", "posko.app", "--demo", "--db", str(db),
                             "--quit-after", "300"], env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    backups = list((tmp_path / "data" / "backups").glob("posko-*-exit.sqlite3"))
    assert len(backups) == 1  # backup on exit

    def start_and_quit() -> list[Path]:
        again = subprocess.run([sys.executable, "-m", "posko.app", "--demo", "--db", str(db),
                                "--quit-after", "300"], env=env, capture_output=True,
                               text=True, timeout=120, check=False)
        assert again.returncode == 0, again.stderr
        return sorted((tmp_path / "data" / "backups").glob("posko-*-exit.sqlite3"))

    assert start_and_quit() == backups  # nothing changed: no second whole copy on exit
    conn = sqlite3.connect(db)
    with conn:  # a change made meanwhile (any process)
        conn.execute("INSERT INTO meta (key, value) VALUES ('test.changed', '1')")
    conn.close()
    after_change = start_and_quit()
    assert len(after_change) == 2
    assert backup_is_sound(after_change[-1])


def test_english_labels_after_switching_language(qtbot, ctx: DeskContext) -> None:  # type: ignore[no-untyped-def]
    from posko.ui.i18n import set_language

    assert set_language("en")
    try:
        shown = MainWindow(ctx)
        qtbot.addWidget(shown)
        assert shown.ui.tabs.tabText(0) == "&Queue"
        assert shown.ui.tabs.tabText(1) == "&New complaint"
        assert shown.windowTitle() == "Posko — Kecamatan Kramatjati, Desk 1"
        assert shown.intake_page.ui.saveButton.text() == "&Save complaint (Ctrl+S)"
        assert shown.online_label.text() == "● Offline"
    finally:
        set_language("id")


def test_language_change_rebuilds_the_window_and_keeps_the_form(  # type: ignore[no-untyped-def]
        qtbot, ctx: DeskContext, monkeypatch: pytest.MonkeyPatch) -> None:
    from posko.app import DeskController
    from posko.ui.i18n import set_language

    asked: list[object] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes)

    controller = DeskController(ctx)
    first = controller._open_window()
    qtbot.addWidget(first)
    qtbot.keyClicks(first.intake_page.ui.nameEdit, "Siti Aminah")
    try:
        first.languageChanged.emit("en")
        second = controller.window
        assert second is not None
        assert second is not first
        qtbot.addWidget(second)
        assert not first.isVisible()
        assert second.ui.tabs.tabText(0) == "&Queue"
        assert second.intake_page.ui.nameEdit.text() == "Siti Aminah"
        assert second.ui.tabs.currentWidget() is second.ui.intakeTab
        assert asked == []  # the rebuild itself never asks about the unsaved form
    finally:
        set_language("id")


def test_first_window_fills_the_catalogue_lists_once_they_load(  # type: ignore[no-untyped-def]
        qtbot, ctx: DeskContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """The desk's first window opens before the region catalogue loaded (on a worker): the
    kecamatan shows as its code, the lists fill in later, and filling them is no edit. A
    draft to restore is offered only once the lists are there."""
    from posko.app import DeskController

    asked: list[object] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes)
    name = ctx.kecamatan_name
    ctx.kecamatan_name = ""
    controller = DeskController(ctx)
    assert not controller.catalogue_ready
    shown = controller._open_window()
    qtbot.addWidget(shown)
    shown.intake_page._drafts.save("intake", {"name": "Siti Aminah", "category": "sampah"})
    controller._offer_draft(shown)
    assert asked == []  # not yet: the category list is still empty
    assert "31.75.04" in shown.windowTitle()
    page = shown.intake_page
    assert page.ui.categoryCombo.count() == 0
    assert page.ui.kelurahanCombo.count() == 0

    controller.load_catalogue()
    qtbot.waitUntil(lambda: controller.catalogue_ready, timeout=10_000)
    assert ctx.kecamatan_name == name
    assert shown.windowTitle() == f"Posko — Kecamatan {name}, Meja 1"
    assert page.ui.categoryCombo.findData("sampah") >= 0
    assert page.ui.kelurahanCombo.findData("31.75.04.1005") >= 0
    assert len(asked) == 1  # the draft offer came after the lists
    assert page.ui.nameEdit.text() == "Siti Aminah"
    assert page.ui.categoryCombo.currentData() == "sampah"


def test_the_windows_open_without_the_heavy_modules(tmp_path: Path) -> None:
    """Sync (requests), printing and the region catalogue are not loaded on the way to the
    sign-in window or the main window (start-up time, issue 9)."""
    db = tmp_path / "gui.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", POSKO_DATA_DIR=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), POSKO_STARTUP_PROBE="1")
    subprocess.run([sys.executable, "-m", "posko.cli", "--demo", "--db", str(db), "init",
                    "--kecamatan", "31.75.04"], env=env, check=True, capture_output=True,
                   timeout=120)
    with Store.open(db) as store:
        create_officer(store, username="budi", full_name="Budi Santoso", pin="2468")
    for extra, stdin, window in (([], "", "sign_in"), (["--sign-in", "budi"], "2468\n",
                                                        "main_window")):
        result = subprocess.run([sys.executable, "-m", "posko.app", "--demo", "--db", str(db),
                                 *extra],
                                input=stdin, env=env, capture_output=True, text=True,
                                timeout=120, check=False)
        line = next(x for x in result.stderr.splitlines() if x.startswith("posko-startup"))
        assert f" {window} " in line
        loaded = line.split("modules=")[1].split(",")
        for heavy in ("requests", "posko.sync", "PySide6.QtPrintSupport", "reportlab",
                      "lokal", "holidays", "phonenumbers"):
            assert heavy not in loaded


def test_waiting_erasures_run_after_the_window_opens(qtbot, ctx: DeskContext,  # type: ignore[no-untyped-def]
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Erasures that waited (UU PDP) run on the worker once the window is up, not on the
    way to it."""
    import posko.store.data_request as data_request
    import posko.ui.main_window as main_window

    calls: list[str] = []
    monkeypatch.setattr(data_request, "run_pending_erasures",
                        lambda *a, **k: calls.append("run") or 0)
    monkeypatch.setattr(main_window, "PENDING_ERASURES_DELAY_MS", 60_000)
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.show()
    assert ctx.runner.wait_for_idle()
    assert calls == []  # nothing started on the way to the window

    monkeypatch.setattr(main_window, "PENDING_ERASURES_DELAY_MS", 100)
    second = MainWindow(ctx)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(lambda: calls == ["run"], timeout=5000)
