"""The supervisors' audit log viewer (menu, filters, paging, CSV export) and "Tampilkan NIK"
in the ticket detail, driven through the real widgets on a temp DB."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from posko.domain.models import Reporter
from posko.domain.nik import mask_nik
from posko.store.audit_log import NIK_UNMASKED, AuditFilter, query_audit
from posko.store.casework import add_note
from posko.store.database import Store
from posko.store.officers import Role, create_officer
from posko.ui import audit_log as audit_log_module
from posko.ui.audit_log import AuditLogDialog
from posko.ui.context import DeskContext
from posko.ui.main_window import MainWindow
from tests.conftest import SAMPLE_NIK
from tests.ui.conftest import SUPERVISOR, open_detail


def click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    assert widget.isEnabled()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def supervisor(desk_context: DeskContext, store: Store) -> DeskContext:
    create_officer(store, username="budi", full_name="Budi Santoso", pin="1357")
    create_officer(store, username="sekcam", full_name="Dewi Lestari", pin="2468",
                   role=Role.SUPERVISOR)
    desk_context.officer = SUPERVISOR
    return desk_context


def open_log(qtbot, ctx: DeskContext) -> AuditLogDialog:  # type: ignore[no-untyped-def]
    dialog = AuditLogDialog(ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.show()
    qtbot.waitUntil(lambda: dialog.ui.officerCombo.findData("sekcam") >= 0, timeout=5000)
    return dialog


def shown(dialog: AuditLogDialog) -> list[tuple[str, str, str]]:
    model = dialog.model
    return [(model.row_at(r).officer, model.row_at(r).action,
             model.row_at(r).tracking_code or "") for r in range(model.rowCount())]


def apply(qtbot, dialog: AuditLogDialog) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        click(qtbot, dialog.ui.applyButton)


def main_window(qtbot, ctx: DeskContext) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def test_only_supervisors_see_the_menu_action(qtbot, desk_context: DeskContext) -> None:  # type: ignore[no-untyped-def]
    officer_window = main_window(qtbot, desk_context)
    assert not officer_window.ui.actionAuditLog.isVisible()
    assert officer_window.ui.actionAuditLog not in [
        a for a in officer_window.ui.menuDesk.actions() if a.isVisible()]
    officer_window.open_audit_log()  # even if reached another way: nothing opens
    assert not hasattr(officer_window, "audit_log_dialog")
    officer_window.close()

    desk_context.officer = SUPERVISOR
    window = main_window(qtbot, desk_context)
    assert window.ui.actionAuditLog.isVisible()
    assert window.ui.actionAuditLog.text() == "&Log audit…"
    window.ui.actionAuditLog.trigger()
    dialog = window.audit_log_dialog
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=5000)
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Log audit"
    dialog.close()


def test_filters_by_officer_ticket_and_action(qtbot, supervisor: DeskContext, store: Store,  # type: ignore[no-untyped-def]
                                              intake) -> None:
    first = intake(officer="budi")
    second = intake(officer="budi")
    add_note(store, first.uuid, "sudah dicek", officer="sekcam")
    add_note(store, second.uuid, "sudah dicek", officer="sekcam")
    dialog = open_log(qtbot, supervisor)
    rows = shown(dialog)
    assert rows[0] == ("sekcam", "ticket.note", second.tracking_code)  # newest first
    assert {r[1] for r in rows} >= {"ticket.create", "ticket.note", "officer.create",
                                    "desk.initialise"}
    assert dialog.model.data(dialog.model.index(0, 2)) == "Catatan ditambahkan"

    ui = dialog.ui
    ui.officerCombo.setCurrentIndex(ui.officerCombo.findData("budi"))
    apply(qtbot, dialog)
    assert shown(dialog) == [("budi", "ticket.create", second.tracking_code),
                             ("budi", "ticket.create", first.tracking_code)]

    ui.officerCombo.setCurrentIndex(0)  # everyone
    ui.ticketEdit.setText(first.tracking_code.lower())
    apply(qtbot, dialog)
    assert shown(dialog) == [("sekcam", "ticket.note", first.tracking_code),
                             ("budi", "ticket.create", first.tracking_code)]

    ui.actionCombo.setCurrentIndex(ui.actionCombo.findData("ticket.create"))
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        qtbot.keyClick(ui.ticketEdit, Qt.Key.Key_Return)
    assert shown(dialog) == [("budi", "ticket.create", first.tracking_code)]

    ui.ticketEdit.setText("ABC")
    apply(qtbot, dialog)
    assert "kode pelacakan" in ui.filterError.text()

    ui.ticketEdit.clear()
    ui.actionCombo.setCurrentIndex(0)
    ui.dateGroup.setChecked(True)
    ui.fromDate.setDate(ui.toDate.date().addDays(1))
    ui.toDate.setDate(ui.toDate.date().addDays(5))
    apply(qtbot, dialog)
    assert shown(dialog) == []
    assert ui.countLabel.text() == "Tidak ada entri yang cocok."


def test_more_pages_on_demand(qtbot, supervisor: DeskContext, store: Store,  # type: ignore[no-untyped-def]
                              intake, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audit_log_module, "PAGE_SIZE", 3)
    ticket = intake()
    for n in range(5):
        add_note(store, ticket.uuid, f"catatan {n}", officer="sekcam")
    dialog = open_log(qtbot, supervisor)
    total = len(query_audit(store, limit=1000).entries)
    assert dialog.model.rowCount() == 3
    while dialog.ui.moreButton.isVisible():
        with qtbot.waitSignal(dialog.loaded, timeout=5000):
            click(qtbot, dialog.ui.moreButton)
    assert dialog.model.rowCount() == total
    assert [dialog.model.row_at(r).id for r in range(total)] == [
        e.id for e in query_audit(store, limit=1000).entries]


def test_export_writes_the_filtered_csv(qtbot, supervisor: DeskContext, store: Store,  # type: ignore[no-untyped-def]
                                        intake, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    ticket = intake(officer="budi")
    add_note(store, ticket.uuid, "sudah dicek", officer="sekcam")
    dialog = open_log(qtbot, supervisor)
    dialog.ui.ticketEdit.setText(ticket.tracking_code)
    apply(qtbot, dialog)
    asked: list[str] = []

    def save_as(_parent, _title, suggested, _filter):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(tmp_path / "audit-export"), "Berkas CSV (*.csv)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    with qtbot.waitSignal(dialog.exported, timeout=5000) as blocker:
        click(qtbot, dialog.ui.exportButton)
    assert blocker.args == [2]
    assert asked[0].endswith(".csv")
    target = tmp_path / "audit-export.csv"
    assert dialog.export_path == target
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["waktu", "petugas", "tindakan"]
    assert [(r[1], r[2], r[5]) for r in rows[1:]] == [
        ("sekcam", "ticket.note", ticket.tracking_code),
        ("budi", "ticket.create", ticket.tracking_code)]
    assert "2 entri diekspor" in dialog.ui.countLabel.text()
    exports = query_audit(store, AuditFilter(action="audit.export")).entries
    assert [(e.officer, e.detail) for e in exports] == [("sekcam", "rows=2")]


def test_export_to_an_unwritable_place_says_so(qtbot, supervisor: DeskContext,  # type: ignore[no-untyped-def]
                                               tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = open_log(qtbot, supervisor)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a: (str(tmp_path / "no-such-folder" / "x.csv"), ""))
    click(qtbot, dialog.ui.exportButton)
    qtbot.waitUntil(lambda: bool(dialog.ui.filterError.text()), timeout=5000)
    assert "Pilih folder lain" in dialog.ui.filterError.text()
    assert dialog.ui.exportButton.isEnabled()


# --------------------------------------------------------------------------- unmask NIK




def unmask_rows(store: Store) -> list[tuple[str, str | None, str]]:
    return [(e.officer, e.entity_uuid, e.detail)
            for e in query_audit(store, AuditFilter(action=NIK_UNMASKED)).entries]


def test_supervisor_unmasks_the_nik_for_a_while_and_it_is_audited(  # type: ignore[no-untyped-def]
        qtbot, desk_context: DeskContext, store: Store, intake) -> None:
    desk_context.officer = SUPERVISOR
    ticket = intake()
    dialog = open_detail(qtbot, desk_context, ticket.uuid)
    reveal = dialog.nik_reveal
    masked = str(mask_nik(SAMPLE_NIK))
    assert dialog.ui.nikValue.text() == masked
    assert reveal.button.isVisible()
    assert reveal.button.text() == "Tampilkan NIK"
    reveal.reveal_ms = 150  # the desk uses 30 s

    with qtbot.waitSignal(reveal.revealed, timeout=5000):
        click(qtbot, reveal.button)
    assert dialog.ui.nikValue.text() == SAMPLE_NIK
    assert not reveal.button.isEnabled()
    assert unmask_rows(store) == [("sekcam", ticket.uuid, "")]

    with qtbot.waitSignal(reveal.masked, timeout=5000):
        pass
    assert dialog.ui.nikValue.text() == masked
    assert reveal.button.isEnabled()
    assert len(unmask_rows(store)) == 1  # one reveal, one row


def test_reloading_masks_the_nik_again(qtbot, desk_context: DeskContext, store: Store,  # type: ignore[no-untyped-def]
                                       intake) -> None:
    desk_context.officer = SUPERVISOR
    ticket = intake()
    dialog = open_detail(qtbot, desk_context, ticket.uuid)
    with qtbot.waitSignal(dialog.nik_reveal.revealed, timeout=5000):
        click(qtbot, dialog.nik_reveal.button)
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.reload()
    assert dialog.ui.nikValue.text() == str(mask_nik(SAMPLE_NIK))
    assert not dialog.nik_reveal.showing


def test_officers_and_tickets_without_nik_get_no_button(qtbot, desk_context: DeskContext,  # type: ignore[no-untyped-def]
                                                        store: Store, intake,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    ticket = intake()
    dialog = open_detail(qtbot, desk_context, ticket.uuid)  # an ordinary officer
    assert not dialog.nik_reveal.button.isVisible()
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    dialog.nik_reveal.reveal()  # even if reached another way: refused, nothing shown
    qtbot.waitUntil(lambda: bool(warnings), timeout=5000)
    assert "supervisor" in warnings[0]
    assert dialog.ui.nikValue.text() == str(mask_nik(SAMPLE_NIK))
    assert unmask_rows(store) == []

    desk_context.officer = SUPERVISOR
    plain = intake(reporter=Reporter(name="Pak Harun"))
    other = open_detail(qtbot, desk_context, plain.uuid)
    assert not other.nik_reveal.button.isVisible()
    assert other.ui.nikValue.text() == "tidak ada"


def test_every_known_action_has_words(qapp) -> None:  # type: ignore[no-untyped-def]
    from posko.store.audit_log import AUDIT_ACTIONS
    from posko.ui.audit_log import action_label

    assert all(action_label(a) != a for a in AUDIT_ACTIONS)
    assert action_label("some.future_action") == "some.future_action"


def test_status_paths_are_shown_in_words(qtbot, supervisor: DeskContext, store: Store,  # type: ignore[no-untyped-def]
                                         intake) -> None:
    from posko.domain.status import Status
    from posko.store.casework import change_status
    from posko.ui.audit_log import detail_text

    ticket = intake()
    change_status(store, ticket.uuid, Status.VERIFIED, officer="sekcam")
    dialog = open_log(qtbot, supervisor)
    assert shown(dialog)[0][1] == "ticket.status"
    detail = dialog.model.index(0, 4)
    assert dialog.model.data(detail) == "diterima → diverifikasi"
    assert dialog.model.data(detail, Qt.ItemDataRole.ToolTipRole) == "received->verified"
    assert detail_text("ticket.status", "done->reopened->in_progress", "en") == \
        "done → reopened → in progress"
    assert detail_text("ticket.status", "awaiting_validation->done validated", "id") == \
        "menunggu validasi → selesai validated"
    assert detail_text("ticket.note", "a->b", "id") == "a->b"  # other actions as stored
