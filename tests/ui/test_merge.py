"""Merging in the desk UI: multi-select in lookup, "Gabungkan…" for supervisors only, the merge
dialog (survivor choice, summary, errors in the dialog), and the merged ticket's banner with
"Batalkan penggabungan" in the ticket detail."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from posko.domain.status import Status
from posko.store.casework import change_status
from posko.store.database import Store
from posko.store.merge import merge_tickets, merges_of, revert_merge_locally
from posko.store.search import find_ticket
from posko.ui.context import DeskContext
from posko.ui.lookup_page import LookupPage
from posko.ui.merge_dialog import MergeDialog
from tests.ui.conftest import SUPERVISOR, click, open_detail, rows

WORD = "Genangan"


@pytest.fixture
def tickets(intake):  # type: ignore[no-untyped-def]
    """Three tickets about one flooded street, oldest first; refs and a chase on the others."""
    now = datetime.now(UTC)
    return [intake(now=now - timedelta(days=3 - i), description=f"{WORD} air di gang {i}",
                   external_refs=refs)
            for i, refs in enumerate(((), ("QLUE 501",), ("JAKI 77", "LAPOR 8")))]


def lookup(qtbot, ctx: DeskContext) -> LookupPage:  # type: ignore[no-untyped-def]
    page = LookupPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.ui.searchBox.setText(WORD)
    with qtbot.waitSignal(page.resultsShown, timeout=5000):
        page.run_search()
    return page


def ctrl_click(qtbot, page: LookupPage, row: int) -> None:  # type: ignore[no-untyped-def]
    table = page.ui.resultsTable
    rect = table.visualRect(page.proxy.index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier, rect.center())


def dialog_for(qtbot, ctx: DeskContext, uuids: list[str]) -> MergeDialog:  # type: ignore[no-untyped-def]
    dialog = MergeDialog(ctx, uuids)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.show()
    return dialog


def ok(dialog: MergeDialog):  # type: ignore[no-untyped-def]
    return dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_lookup_multi_select_and_the_button_for_officer_and_supervisor(  # type: ignore[no-untyped-def]
        qtbot, desk_context: DeskContext, tickets) -> None:
    page = lookup(qtbot, desk_context)
    assert page.model.rowCount() == 3
    for row in range(3):
        ctrl_click(qtbot, page, row)
    assert sorted(page.selected_local_uuids()) == sorted(t.uuid for t in tickets)
    button = page.ui.mergeButton
    assert not button.isEnabled()  # an ordinary officer
    assert "supervisor" in button.toolTip()
    desk_context.officer = SUPERVISOR
    page.update_merge_button()
    assert button.isEnabled()
    ctrl_click(qtbot, page, 0)
    ctrl_click(qtbot, page, 1)  # one left selected
    assert len(page.selected_local_uuids()) == 1
    assert not button.isEnabled()
    assert "dua tiket" in button.toolTip()


def test_merge_from_lookup_opens_the_survivor(qtbot, desk_context: DeskContext,  # type: ignore[no-untyped-def]
                                              store: Store, tickets) -> None:
    desk_context.officer = SUPERVISOR
    page = lookup(qtbot, desk_context)
    page.ui.resultsTable.selectAll()
    click(qtbot, page.ui.mergeButton)
    dialog = page.merge_dialog
    qtbot.waitUntil(lambda: len(dialog.candidates) == 3, timeout=5000)
    oldest = tickets[0]
    assert dialog.survivor_uuid() == oldest.uuid  # the oldest open ticket by default
    summary = dialog.ui.summaryLabel.text()
    assert f"2 tiket akan berstatus digabung ke {oldest.tracking_code}" in summary
    assert "3 nomor aplikasi" in summary
    tree = rows(dialog.ui.ticketsTree)
    assert [r[1] for r in tree] == sorted(
        (t.tracking_code for t in tickets), key=[r[1] for r in tree].index)
    roles = {r[1]: r[0] for r in tree}
    assert roles[oldest.tracking_code] == "Tiket utama"
    assert roles[tickets[2].tracking_code] == "Akan digabung"
    assert {r[1]: r[6] for r in tree}[tickets[2].tracking_code] == "2"
    dialog.ui.noteEdit.setText("Gang yang sama")
    opened: list[str] = []
    page.openTicket.connect(opened.append)
    with qtbot.waitSignal(dialog.merged, timeout=5000):
        click(qtbot, ok(dialog))
    assert opened == [oldest.uuid]
    qtbot.waitUntil(lambda: "digabung ke" in page.ui.resultLabel.text(), timeout=5000)
    qtbot.waitUntil(lambda: "3 hasil" in page.ui.resultLabel.text(), timeout=5000)
    assert oldest.tracking_code in page.ui.resultLabel.text()
    for ticket in tickets[1:]:
        detail = find_ticket(store, ticket.uuid)
        assert detail is not None
        assert detail.ticket.status is Status.MERGED
        assert detail.events[-1].note == "Gang yang sama"


def test_dialog_survivor_choice_and_blocked_tickets(qtbot, desk_context: DeskContext,  # type: ignore[no-untyped-def]
                                                    store: Store, tickets) -> None:
    desk_context.officer = SUPERVISOR
    done = tickets[1]
    for status in (Status.VERIFIED, Status.DISPATCHED, Status.IN_PROGRESS,
                   Status.AWAITING_VALIDATION, Status.DONE):
        change_status(store, done.uuid, status, officer="budi")
    dialog = dialog_for(qtbot, desk_context, [t.uuid for t in tickets])
    assert dialog.survivor_uuid() == tickets[0].uuid
    assert not ok(dialog).isEnabled()
    assert "Tidak dapat digabung" in dialog.ui.summaryLabel.text()
    assert done.tracking_code in dialog.ui.summaryLabel.text()
    # The done ticket may be the one kept.
    dialog.set_survivor(done.uuid)
    assert ok(dialog).isEnabled()
    assert f"2 tiket akan berstatus digabung ke {done.tracking_code}" in (
        dialog.ui.summaryLabel.text())
    with qtbot.waitSignal(dialog.merged, timeout=5000) as blocker:
        click(qtbot, ok(dialog))
    assert blocker.args == [done.uuid]
    [record] = merges_of(store, done.uuid)
    assert set(record.merged_uuids) == {tickets[0].uuid, tickets[2].uuid}


def test_error_from_the_store_is_said_in_the_dialog(qtbot, desk_context: DeskContext,  # type: ignore[no-untyped-def]
                                                    store: Store, tickets) -> None:
    desk_context.officer = SUPERVISOR
    dialog = dialog_for(qtbot, desk_context, [tickets[0].uuid, tickets[1].uuid])
    # Meanwhile another supervisor merged the survivor away.
    merge_tickets(store, tickets[2].uuid, [tickets[0].uuid], officer="camat",
                  is_supervisor=True)
    click(qtbot, ok(dialog))
    qtbot.waitUntil(lambda: bool(dialog.ui.errorLabel.text()), timeout=5000)
    assert "sudah digabung" in dialog.ui.errorLabel.text()
    assert dialog.isVisible()
    assert find_ticket(store, tickets[1].uuid).ticket.status is Status.RECEIVED  # type: ignore[union-attr]


def test_officer_cannot_merge_through_the_dialog(qtbot, desk_context: DeskContext,  # type: ignore[no-untyped-def]
                                                 store: Store, tickets) -> None:
    dialog = dialog_for(qtbot, desk_context, [tickets[0].uuid, tickets[1].uuid])
    click(qtbot, ok(dialog))
    assert "supervisor" in dialog.ui.errorLabel.text()
    assert merges_of(store, tickets[0].uuid) == []


def test_merged_ticket_banner_opens_the_survivor_and_undoes(  # type: ignore[no-untyped-def]
        qtbot, desk_context: DeskContext, store: Store, tickets,
        monkeypatch: pytest.MonkeyPatch) -> None:
    survivor, merged, _third = tickets
    merge_tickets(store, survivor.uuid, [merged.uuid], officer="sekcam", is_supervisor=True,
                  note="Satu gang")
    officer_view = open_detail(qtbot, desk_context, merged.uuid)
    assert officer_view.ui.mergeBanner.isVisible()
    assert f"Digabung ke {survivor.tracking_code}" in officer_view.ui.mergeLabel.text()
    assert not officer_view.ui.undoMergeButton.isVisible()  # an ordinary officer
    timeline = [r[2] for r in rows(officer_view.ui.timelineTree)]
    assert f"digabung — digabung ke {survivor.tracking_code}: Satu gang" in timeline
    click(qtbot, officer_view.ui.openSurvivorButton)
    shown = officer_view.survivor_dialog
    assert shown is not None
    qtbot.addWidget(shown)
    qtbot.waitUntil(lambda: shown.snapshot is not None, timeout=5000)
    assert shown.ui.codeLabel.text() == survivor.tracking_code
    assert not shown.ui.mergeBanner.isVisible()
    assert (f"Tiket {merged.tracking_code} digabung ke tiket ini: Satu gang"
            in [r[2] for r in rows(shown.ui.timelineTree)])
    shown.close()

    desk_context.officer = SUPERVISOR
    view = open_detail(qtbot, desk_context, merged.uuid)
    assert view.ui.undoMergeButton.isVisible()
    asked: list[str] = []

    def yes(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    with qtbot.waitSignal(view.ticketChanged, timeout=5000):
        click(qtbot, view.ui.undoMergeButton)
    assert survivor.tracking_code in asked[0]
    qtbot.waitUntil(lambda: not view.ui.mergeBanner.isVisible(), timeout=5000)
    assert view.snapshot is not None
    assert view.snapshot.detail.ticket.status is Status.RECEIVED
    assert [str(r) for r in view.snapshot.detail.ticket.external_refs] == ["QLUE 501"]
    assert rows(view.ui.timelineTree)[-1][2] == "diterima: Penggabungan dibatalkan"


def test_undo_is_offered_only_on_the_day_of_the_merge(  # type: ignore[no-untyped-def]
        qtbot, desk_context: DeskContext, store: Store, tickets) -> None:
    desk_context.officer = SUPERVISOR
    merge_tickets(store, tickets[0].uuid, [tickets[1].uuid], officer="sekcam",
                  is_supervisor=True, now=datetime.now(UTC) - timedelta(days=1, hours=1))
    view = open_detail(qtbot, desk_context, tickets[1].uuid)
    assert view.ui.mergeBanner.isVisible()
    assert not view.ui.undoMergeButton.isVisible()


def test_a_merge_refused_by_the_server_is_said_plainly(  # type: ignore[no-untyped-def]
        qtbot, desk_context: DeskContext, store: Store, tickets) -> None:
    record = merge_tickets(store, tickets[0].uuid, [tickets[1].uuid], officer="sekcam",
                           is_supervisor=True)
    with store.unit_of_work() as session:
        revert_merge_locally(session, record.uuid, reason_code="already_merged")
    view = open_detail(qtbot, desk_context, tickets[1].uuid)
    assert view.ui.mergeBanner.isVisible()
    text = view.ui.mergeLabel.text()
    assert "menolak penggabungan" in text
    assert tickets[0].tracking_code in text
    assert "sudah digabung di server" in text
    assert not view.ui.openSurvivorButton.isVisible()
    assert not view.ui.undoMergeButton.isVisible()
    survivor = open_detail(qtbot, desk_context, tickets[0].uuid)
    assert tickets[1].tracking_code in survivor.ui.mergeLabel.text()
