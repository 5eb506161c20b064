"""The validation panel of the ticket detail (confirm an agency's "done" or reject its
follow-up) and reopening a done ticket from the chase screen, through the real dialogs."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from posko.domain.status import Status
from posko.store.casework import (
    BACK_TO_AGENCY_REJECTED,
    BACK_TO_AGENCY_REOPENED,
    change_status,
    confirm_done,
)
from posko.store.database import Store
from posko.store.search import find_ticket
from posko.ui import chase as chase_module
from posko.ui.context import DeskContext
from posko.ui.ticket_detail import TicketDetailDialog
from tests.ui.conftest import SUPERVISOR, click, open_detail, rows

PATH = (Status.VERIFIED, Status.DISPATCHED, Status.IN_PROGRESS, Status.AWAITING_VALIDATION,
        Status.DONE)


def walk(store: Store, ticket_uuid: str, to: Status) -> None:
    """Move a fresh ticket along the happy path up to `to`."""
    for status in PATH:
        if status is Status.DONE:
            confirm_done(store, ticket_uuid, officer="sari")
        else:
            change_status(store, ticket_uuid, status, officer="sari")
        if status is to:
            return


def status_of(store: Store, uuid: str) -> Status:
    detail = find_ticket(store, uuid)
    assert detail is not None
    return detail.ticket.status


def offered(dialog: TicketDetailDialog) -> dict[str, bool]:
    combo = dialog.ui.statusCombo
    return {combo.itemData(i): combo.model().item(i).isEnabled()
            for i in range(1, combo.count())}


@pytest.mark.parametrize("status", [Status.RECEIVED, Status.IN_PROGRESS,
                                    Status.AWAITING_VALIDATION, Status.DONE])
def test_the_panel_shows_only_while_awaiting_validation(  # type: ignore[no-untyped-def]
        qtbot, desk_context: DeskContext, store: Store, intake, status: Status) -> None:
    ticket = intake()
    if status is not Status.RECEIVED:
        walk(store, ticket.uuid, status)
    dialog = open_detail(qtbot, desk_context, ticket.tracking_code)
    assert dialog.ui.validationGroup.isVisible() is (status is Status.AWAITING_VALIDATION)
    assert not dialog.ui.rejectPanel.isVisible()


def test_confirm_done(qtbot, desk_context: DeskContext, store: Store, intake) -> None:  # type: ignore[no-untyped-def]
    ticket = intake()
    walk(store, ticket.uuid, Status.AWAITING_VALIDATION)
    dialog = open_detail(qtbot, desk_context, ticket.tracking_code)
    assert dialog.ui.statusBadge.text() == "menunggu validasi"
    with qtbot.waitSignal(dialog.ticketChanged, timeout=5000) as changed:
        click(qtbot, dialog.ui.confirmDoneButton)
    assert changed.args == [ticket.uuid]
    assert status_of(store, ticket.uuid) is Status.DONE
    assert dialog.ui.statusBadge.text() == "selesai"
    assert not dialog.ui.validationGroup.isVisible()
    last = rows(dialog.ui.timelineTree)[-1]
    assert last[1:5] == ["Status", "selesai", "budi", "Meja"]


def test_reject_needs_a_reason_then_goes_back_to_the_agency(  # type: ignore[no-untyped-def]
        qtbot, desk_context: DeskContext, store: Store, intake) -> None:
    ticket = intake()
    walk(store, ticket.uuid, Status.AWAITING_VALIDATION)
    dialog = open_detail(qtbot, desk_context, ticket.tracking_code)
    ui = dialog.ui
    click(qtbot, ui.rejectFollowUpButton)
    assert ui.rejectPanel.isVisible()
    assert ui.rejectReasonEdit.hasFocus()
    assert not ui.rejectFollowUpButton.isEnabled()

    click(qtbot, ui.sendRejectButton)  # no reason: a field error, nothing saved
    assert "alasan" in ui.validationError.text().lower()
    assert ui.rejectPanel.isVisible()
    assert status_of(store, ticket.uuid) is Status.AWAITING_VALIDATION

    qtbot.keyClicks(ui.rejectReasonEdit, "Sampah baru diangkut separuh")
    assert ui.validationError.text() == ""  # typing clears the error
    with qtbot.waitSignal(dialog.ticketChanged, timeout=5000):
        qtbot.keyClick(ui.rejectReasonEdit, Qt.Key.Key_Return)
    assert status_of(store, ticket.uuid) is Status.IN_PROGRESS
    assert ui.statusBadge.text() == "diproses"
    assert [row[2] for row in rows(ui.timelineTree)[-2:]] == [
        "TL ditolak: Sampah baru diangkut separuh", f"diproses: {BACK_TO_AGENCY_REJECTED}"]
    assert not ui.validationGroup.isVisible()
    assert ui.rejectReasonEdit.text() == ""

    # The agency says done again: the panel is back, closed, with an empty reason.
    change_status(store, ticket.uuid, Status.AWAITING_VALIDATION, officer="dinas")
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.reload()
    assert ui.validationGroup.isVisible()
    assert not ui.rejectPanel.isVisible()
    assert ui.rejectFollowUpButton.isEnabled()


def test_cancelling_a_rejection_keeps_the_ticket(qtbot, desk_context: DeskContext,  # type: ignore[no-untyped-def]
                                                 store: Store, intake) -> None:
    ticket = intake()
    walk(store, ticket.uuid, Status.AWAITING_VALIDATION)
    dialog = open_detail(qtbot, desk_context, ticket.tracking_code)
    ui = dialog.ui
    click(qtbot, ui.rejectFollowUpButton)
    qtbot.keyClicks(ui.rejectReasonEdit, "ragu-ragu")
    click(qtbot, ui.cancelRejectButton)
    assert not ui.rejectPanel.isVisible()
    assert ui.rejectReasonEdit.text() == ""
    assert status_of(store, ticket.uuid) is Status.AWAITING_VALIDATION


def test_the_combo_no_longer_offers_the_three_own_flows(  # type: ignore[no-untyped-def]
        qtbot, desk_context: DeskContext, store: Store, intake) -> None:
    desk_context.officer = SUPERVISOR
    fresh = intake()
    dialog = open_detail(qtbot, desk_context, fresh.tracking_code)
    assert offered(dialog) == {"verified": True, "rejected": True, "not_our_authority": True}

    waiting = intake()
    walk(store, waiting.uuid, Status.AWAITING_VALIDATION)
    dialog = open_detail(qtbot, desk_context, waiting.tracking_code)
    assert offered(dialog) == {"done": True, "rejected": True, "not_our_authority": True}

    closed = intake()
    walk(store, closed.uuid, Status.DONE)
    dialog = open_detail(qtbot, desk_context, closed.tracking_code)
    combo = dialog.ui.statusCombo
    assert combo.count() == 1  # only the prompt: reopening is the chase screen's
    assert "Minta tindak lanjut" in combo.itemText(0)
    assert not combo.isEnabled()

    # What stays in the combo still works.
    dialog = open_detail(qtbot, desk_context, fresh.tracking_code)
    combo = dialog.ui.statusCombo
    combo.setCurrentIndex(combo.findData("verified"))
    with qtbot.waitSignal(dialog.ticketChanged, timeout=5000):
        click(qtbot, dialog.ui.changeStatusButton)
    assert status_of(store, fresh.uuid) is Status.VERIFIED


def open_chase(qtbot, dialog: TicketDetailDialog) -> chase_module.ChaseDialog:  # type: ignore[no-untyped-def]
    click(qtbot, dialog.ui.chaseButton)
    chase = dialog.chase_dialog
    assert chase is not None
    assert chase.isVisible()
    return chase


def test_the_chase_screen_offers_a_reopen_only_for_a_done_ticket(  # type: ignore[no-untyped-def]
        qtbot, desk_context: DeskContext, store: Store, intake) -> None:
    ticket = intake()
    walk(store, ticket.uuid, Status.AWAITING_VALIDATION)
    chase = open_chase(qtbot, open_detail(qtbot, desk_context, ticket.tracking_code))
    assert not chase.ui.reopenGroup.isVisible()
    assert not chase.reopening()
    chase.reject()

    confirm_done(store, ticket.uuid, officer="sari")
    chase = open_chase(qtbot, open_detail(qtbot, desk_context, ticket.tracking_code))
    assert chase.ui.reopenGroup.isVisible()
    assert chase.ui.reopenGroup.title() == "Warga menyatakan belum beres — buka kembali"
    assert not chase.ui.reopenGroup.isChecked()  # an ordinary chase unless ticked
    assert not chase.ui.reopenNoteEdit.isEnabled()


def test_reopen_from_the_chase_screen(qtbot, desk_context: DeskContext, store: Store,  # type: ignore[no-untyped-def]
                                      intake, monkeypatch: pytest.MonkeyPatch) -> None:
    ticket = intake()
    walk(store, ticket.uuid, Status.DONE)
    threads: list[bool] = []
    real = chase_module.reopen_ticket

    def reopen(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(chase_module, "reopen_ticket", reopen)
    dialog = open_detail(qtbot, desk_context, ticket.tracking_code)
    chase = open_chase(qtbot, dialog)
    ui = chase.ui
    ui.reopenGroup.setChecked(True)
    assert chase.reopening()
    assert chase.focusWidget() is ui.reopenNoteEdit
    assert not ui.noteEdit.isVisible()  # the reopen note is the note
    qtbot.keyClicks(ui.requestedByEdit, "Pak Harun")
    save = ui.buttons.button(QDialogButtonBox.StandardButton.Save)

    click(qtbot, save)  # no note: refused, nothing saved
    assert "belum beres" in ui.errorLabel.text()
    assert chase.isVisible()
    assert threads == []
    assert status_of(store, ticket.uuid) is Status.DONE

    qtbot.keyClicks(ui.reopenNoteEdit, "Sampah menumpuk lagi di ujung gang")
    assert ui.errorLabel.text() == ""
    with qtbot.waitSignal(chase.reopened, timeout=5000), \
            qtbot.waitSignal(dialog.ticketChanged, timeout=5000):
        click(qtbot, save)
    assert threads == [False]  # the store work ran off the GUI thread
    assert status_of(store, ticket.uuid) is Status.IN_PROGRESS

    # The dialog says what happened and offers only "Tutup".
    assert chase.isVisible()
    assert ui.resultLabel.isVisible()
    result = ui.resultLabel.text()
    assert "dibuka kembali" in result
    assert ticket.tracking_code in result
    assert "diproses" in result
    assert ui.buttons.button(QDialogButtonBox.StandardButton.Save) is None
    close = ui.buttons.button(QDialogButtonBox.StandardButton.Close)
    assert close is not None
    assert close.text() == "Tutup"

    # The detail reloaded: the reopen (the citizen's word), back to the agency, the visit.
    assert dialog.ui.statusBadge.text() == "diproses"
    timeline = rows(dialog.ui.timelineTree)
    reopened = next(r for r in timeline if r[2].startswith("dibuka kembali"))
    assert reopened[2:5] == ["dibuka kembali: Sampah menumpuk lagi di ujung gang", "budi",
                             "Warga"]
    assert f"diproses: {BACK_TO_AGENCY_REOPENED}" in [r[2] for r in timeline]
    assert any(r[1] == "Tindak lanjut" and "Pak Harun" in r[2] for r in timeline)

    click(qtbot, close)
    assert not chase.isVisible()


def test_an_ordinary_chase_on_a_done_ticket_does_not_reopen(  # type: ignore[no-untyped-def]
        qtbot, desk_context: DeskContext, store: Store, intake) -> None:
    ticket = intake()
    walk(store, ticket.uuid, Status.DONE)
    dialog = open_detail(qtbot, desk_context, ticket.tracking_code)
    chase = open_chase(qtbot, dialog)
    qtbot.keyClicks(chase.ui.promiseEdit, "Sudah selesai, warga puas")
    with qtbot.waitSignal(dialog.ticketChanged, timeout=5000):
        click(qtbot, chase.ui.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert not chase.isVisible()
    assert status_of(store, ticket.uuid) is Status.DONE
