"""The citizen data request screen (Meja -> Permintaan data warga…), supervisors only:
search, the list of what was found, export (PDF read back) and erasure with a confirmation
that says what is erased now and what waits; the retention setting in the settings dialog."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import select

from posko.domain.models import Reporter
from posko.domain.status import Status
from posko.store import data_request as dr
from posko.store.casework import change_status
from posko.store.database import Store
from posko.store.models import OutboxRow, TicketRow
from posko.ui.context import DeskContext
from posko.ui.data_request import DataRequestDialog
from tests.conftest import SAMPLE_NAME, SAMPLE_NIK, SAMPLE_PHONE
from tests.ui.conftest import SUPERVISOR, click, pdf_text

OTHER_NAME = "Rahmawati Kusumaningrum"


@pytest.fixture
def ctx(desk_context: DeskContext) -> DeskContext:
    desk_context.officer = SUPERVISOR
    return desk_context


def open_dialog(qtbot, ctx: DeskContext) -> DataRequestDialog:  # type: ignore[no-untyped-def]
    dialog = DataRequestDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def search_by(qtbot, dialog: DataRequestDialog, *, nik: str = "", phone: str = "",  # type: ignore[no-untyped-def]
              name: str = "") -> int:
    for edit, value in ((dialog.ui.nikEdit, nik), (dialog.ui.phoneEdit, phone),
                        (dialog.ui.nameEdit, name)):
        edit.clear()
        if value:
            qtbot.keyClicks(edit, value)
    with qtbot.waitSignal(dialog.found, timeout=5000) as found:
        click(qtbot, dialog.ui.searchButton)
    return int(found.args[0])


def table(dialog: DataRequestDialog) -> list[list[str]]:
    model = dialog.model
    return [[str(model.data(model.index(r, c))) for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def settle(qtbot, ctx: DeskContext) -> None:  # type: ignore[no-untyped-def]
    """Let the window's background jobs deliver while the window still exists (a test's
    window goes away when the test returns)."""
    assert ctx.runner.wait_for_idle(10_000)
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=10_000)


def close_and_send(store: Store, ticket_uuid: str, at: datetime) -> None:
    change_status(store, ticket_uuid, Status.REJECTED, officer="sekcam", is_supervisor=True,
                  note="bukan wewenang", now=at)
    with store.unit_of_work() as session:  # the server took every waiting change
        session.query(OutboxRow).delete()


def test_search_lists_the_tickets_without_showing_the_identity(qtbot, ctx: DeskContext,  # type: ignore[no-untyped-def]
                                                              intake: Any) -> None:
    mine = [intake(), intake(reporter=Reporter(name=SAMPLE_NAME))]
    intake(reporter=Reporter(name=OTHER_NAME))
    dialog = open_dialog(qtbot, ctx)
    assert not dialog.ui.exportButton.isEnabled()
    assert search_by(qtbot, dialog, nik=SAMPLE_NIK, name=SAMPLE_NAME) == 2
    shown = table(dialog)
    assert sorted(r[0] for r in shown) == sorted(t.tracking_code for t in mine)
    assert {r[1] for r in shown} == {"pelapor"}
    assert "NIK, nama" in {r[2] for r in shown}
    assert {r[5] for r in shown} == {"menunggu: tiket masih berjalan"}
    flat = json.dumps(shown)
    for secret in (SAMPLE_NIK, SAMPLE_NAME, SAMPLE_PHONE, "3456"):
        assert secret not in flat
    assert "2 tiket" in dialog.ui.summaryLabel.text()
    assert dialog.ui.exportButton.isEnabled()
    assert dialog.ui.eraseButton.isEnabled()
    qtbot.keyClicks(dialog.ui.phoneEdit, "0")  # the list no longer answers what is typed
    assert dialog.model.rowCount() == 0
    assert not dialog.ui.eraseButton.isEnabled()


def test_bad_input_is_refused_without_repeating_it(qtbot, ctx: DeskContext) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, ctx)
    assert search_by(qtbot, dialog, phone="0812-34") == -1
    message = dialog.ui.errorLabel.text()
    assert message
    assert "0812" not in message
    assert search_by(qtbot, dialog) == -1
    assert "NIK" in dialog.ui.errorLabel.text()


def test_export_writes_pdf_and_json_off_the_gui_thread(qtbot, ctx: DeskContext,  # type: ignore[no-untyped-def]
                                                       intake: Any, tmp_path: Path) -> None:
    ticket = intake()
    dialog = open_dialog(qtbot, ctx)
    search_by(qtbot, dialog, phone="0812 3456 7890")
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as exported:
        dialog.export_to(tmp_path / "siti.pdf")
        assert dialog.ui.progressBar.isVisible()
        assert not dialog.ui.exportButton.isEnabled()
    json_path, pdf_path = (Path(p) for p in exported.args)
    assert (json_path.name, pdf_path.name) == ("siti.json", "siti.pdf")
    assert not dialog.ui.progressBar.isVisible()
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert [t["tracking_code"] for t in data["tickets"]] == [ticket.tracking_code]
    text = pdf_text(pdf_path.read_bytes())
    assert ticket.tracking_code in text
    assert SAMPLE_NIK in " ".join(text.split())
    assert "siti.pdf" in dialog.ui.summaryLabel.text()


def test_export_through_the_save_dialog(qtbot, ctx: DeskContext, intake: Any,  # type: ignore[no-untyped-def]
                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    intake()
    target = tmp_path / "jawaban"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "PDF"))
    dialog = open_dialog(qtbot, ctx)
    search_by(qtbot, dialog, nik=SAMPLE_NIK)
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        click(qtbot, dialog.ui.exportButton)
    assert (tmp_path / "jawaban.pdf").exists()
    assert (tmp_path / "jawaban.json").exists()


def test_erasure_confirmation_says_what_is_erased_now_and_what_waits(  # type: ignore[no-untyped-def]
        qtbot, ctx: DeskContext, intake: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    now = datetime.now(UTC)
    closed = intake(now=now - timedelta(days=2))
    still_open = intake(now=now - timedelta(days=1))
    close_and_send(ctx.store, closed.uuid, now - timedelta(days=1))
    dr.set_retention_days(ctx.store, 0, officer="sekcam", is_supervisor=True)
    asked: list[str] = []

    def answer(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog = open_dialog(qtbot, ctx)
    search_by(qtbot, dialog, nik=SAMPLE_NIK)
    with qtbot.waitSignal(dialog.erased, timeout=20_000) as erased:
        click(qtbot, dialog.ui.eraseButton)
    assert erased.args == [1, 1]
    text = asked[0]
    assert f"Dihapus sekarang (1): {closed.tracking_code}" in text
    assert f"• {still_open.tracking_code} — menunggu: tiket masih berjalan" in text
    for secret in (SAMPLE_NIK, SAMPLE_NAME, SAMPLE_PHONE):
        assert secret not in text
    with ctx.store.unit_of_work() as session:
        names = dict(session.execute(select(TicketRow.uuid, TicketRow.reporter_name)).all())
    assert names == {closed.uuid: None, still_open.uuid: SAMPLE_NAME}
    assert "1 tiket dianonimkan sekarang, 1 menunggu" in dialog.ui.summaryLabel.text()
    assert [r.waiting for r in dr.pending_requests(ctx.store)] == [(still_open.tracking_code,)]


def test_answering_no_erases_nothing(qtbot, ctx: DeskContext, intake: Any,  # type: ignore[no-untyped-def]
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    ticket = intake()
    close_and_send(ctx.store, ticket.uuid, datetime.now(UTC))
    dr.set_retention_days(ctx.store, 0, officer="sekcam", is_supervisor=True)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    dialog = open_dialog(qtbot, ctx)
    search_by(qtbot, dialog, nik=SAMPLE_NIK)
    click(qtbot, dialog.ui.eraseButton)
    assert dr.pending_requests(ctx.store) == []
    with ctx.store.unit_of_work() as session:
        assert session.scalar(select(TicketRow.reporter_name)) == SAMPLE_NAME


def test_officers_cannot_export_or_erase(qtbot, desk_context: DeskContext,  # type: ignore[no-untyped-def]
                                         intake: Any) -> None:
    intake()
    dialog = open_dialog(qtbot, desk_context)  # budi, an ordinary officer
    search_by(qtbot, dialog, nik=SAMPLE_NIK)
    assert not dialog.ui.exportButton.isEnabled()
    assert not dialog.ui.eraseButton.isEnabled()


def test_menu_action_only_for_supervisors(qtbot, desk_context: DeskContext,  # type: ignore[no-untyped-def]
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from posko.ui.main_window import MainWindow

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    officer_window = MainWindow(desk_context)
    qtbot.addWidget(officer_window)
    assert not officer_window.action_data_request.isVisible()
    assert officer_window.action_data_request in officer_window.ui.menuDesk.actions()
    desk_context.officer = SUPERVISOR
    window = MainWindow(desk_context)
    qtbot.addWidget(window)
    assert window.action_data_request.isVisible()
    window.action_data_request.trigger()
    assert isinstance(window.data_request_dialog, DataRequestDialog)
    assert window.data_request_dialog.isVisible()
    settle(qtbot, desk_context)


def test_pending_erasures_run_when_the_window_opens(qtbot, ctx: DeskContext,  # type: ignore[no-untyped-def]
                                                   intake: Any,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from posko.ui.main_window import MainWindow

    ticket = intake()
    findings = dr.find_person(ctx.store, ctx.cipher, dr.person_query(nik=SAMPLE_NIK))
    dr.request_erasure(ctx.store, ctx.cipher, findings, officer="sekcam", is_supervisor=True)
    dr.set_retention_days(ctx.store, 0, officer="sekcam", is_supervisor=True)
    close_and_send(ctx.store, ticket.uuid, datetime.now(UTC) - timedelta(minutes=1))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window = MainWindow(ctx)
    qtbot.addWidget(window)

    def erased() -> bool:
        with ctx.store.unit_of_work() as session:
            return session.scalar(select(TicketRow.reporter_name)) is None

    qtbot.waitUntil(erased, timeout=10_000)
    assert dr.pending_requests(ctx.store) == []
    settle(qtbot, ctx)


def test_retention_in_the_settings_dialog(qtbot, ctx: DeskContext,  # type: ignore[no-untyped-def]
                                          desk_context: DeskContext) -> None:
    from posko.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx, printer_names=[])
    qtbot.addWidget(dialog)
    spin = dialog.ui.retentionSpin
    assert spin.value() == dr.DEFAULT_RETENTION_DAYS
    assert spin.suffix() == " hari"
    assert spin.isEnabled()
    spin.setValue(14)
    qtbot.mouseClick(dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    assert dr.retention_days(ctx.store) == 14  # in the DB: the CLI reads the same value
    ctx.officer = None
    officer_view = SettingsDialog(ctx, printer_names=[])
    qtbot.addWidget(officer_view)
    assert officer_view.ui.retentionSpin.value() == 14
    assert not officer_view.ui.retentionSpin.isEnabled()
