"""Ticket detail and chase, driven through the real dialogs on a temp DB."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QListWidget, QTreeWidget

from posko.domain.models import FollowUp, Reporter
from posko.domain.sla import WorkingCalendar
from posko.domain.status import Status
from posko.store.casework import add_note, change_status, record_chase
from posko.store.database import Store
from posko.store.models import OutboxRow
from posko.store.search import find_ticket
from posko.ui.context import DeskContext
from posko.ui.ticket_detail import TicketDetailDialog
from tests.conftest import SAMPLE_NIK
from tests.ui.conftest import SUPERVISOR, click, open_detail, pdf_text, rows


def all_text(dialog: TicketDetailDialog) -> str:
    parts = [label.text() for label in dialog.findChildren(QLabel)]
    for widget in dialog.findChildren(QListWidget):
        parts += [widget.item(r).text() for r in range(widget.count())]
    for tree in dialog.findChildren(QTreeWidget):
        parts += [" ".join(row) for row in rows(tree)]
    return "\n".join(parts)


def choose_status_with_keys(qtbot, dialog: TicketDetailDialog, *keys: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    combo = dialog.ui.statusCombo
    combo.setFocus()
    for key in keys:
        qtbot.keyClick(combo, key)




def outbox(store: Store) -> list[tuple[str, dict]]:  # type: ignore[type-arg]
    with store.unit_of_work() as session:
        return [(row.kind, json.loads(row.payload))
                for row in session.query(OutboxRow).order_by(OutboxRow.id)]


def test_shows_fields_timeline_and_overdue_sla(qtbot, desk_context: DeskContext,  # type: ignore[no-untyped-def]
                                               store: Store, intake) -> None:
    created = datetime.now(UTC) - timedelta(days=40)
    ticket = intake(now=created, external_refs=["QLUE 1234567"])
    change_status(store, ticket.uuid, Status.VERIFIED, officer="sari", note="sudah dicek",
                  now=created + timedelta(days=1))
    record_chase(store, FollowUp(ticket_uuid=ticket.uuid, asked_at=created + timedelta(days=2),
                                 officer="budi", requested_by="Pak Harun",
                                 promise="Dinas dihubungi", promised_by=created.date()))
    add_note(store, ticket.uuid, "Warga minta ditelepon sore", officer="sari",
             now=created + timedelta(days=3))

    dialog = open_detail(qtbot, desk_context, ticket.uuid)  # by uuid, as the lookup opens it
    ui = dialog.ui
    assert ui.codeLabel.text() == ticket.tracking_code
    assert dialog.windowTitle() == f"Tiket {ticket.tracking_code}"
    assert ui.statusBadge.text() == "diverifikasi"
    assert ui.originLabel.text() == "Datang langsung ke meja"
    assert ui.categoryValue.text() == "Sampah"
    assert ui.locationValue.text() == "Kelurahan Balekambang, RW 005, RT 003, Jl. Raya Bogor No. 12"
    assert "tiga hari" in ui.descriptionValue.text()
    assert ui.reporterValue.text() == "Siti Aminah"
    assert ui.nikValue.text() == "3175********0003"
    assert ui.phoneValue.text() == "+62 ***-****-7890"
    assert [ui.refsList.item(r).text() for r in range(ui.refsList.count())] == ["QLUE 1234567"]
    text = all_text(dialog)
    assert SAMPLE_NIK not in text
    assert "81234567890" not in text  # the phone only masked

    timeline = rows(ui.timelineTree)
    assert [row[1] for row in timeline] == ["Status", "Status", "Tindak lanjut", "Catatan"]
    assert timeline[0][2:5] == ["diterima", "budi", "Meja"]
    assert timeline[1][2:4] == ["diverifikasi: sudah dicek", "sari"]
    assert timeline[2][2] == "Ditanyakan oleh Pak Harun"
    assert timeline[2][5].startswith("Dinas dihubungi (paling lambat ")
    assert timeline[3][2:4] == ["Warga minta ditelepon sore", "sari"]

    sla = rows(ui.slaTree)
    assert [row[0] for row in sla] == ["Verifikasi / tanggapan pertama",
                                       "Tindak lanjut instansi", "Penyelesaian"]
    verified_on = (created + timedelta(days=1)).astimezone(desk_context.identity.timezone)
    assert sla[0][2] == f"terpenuhi {verified_on:%d-%m-%Y}"  # verified the next day: in time
    assert [row[2] for row in sla[1:]] == ["LEWAT TENGGAT", "LEWAT TENGGAT"]
    assert ui.slaTree.topLevelItem(1).foreground(2).color().name() == "#b00020"
    assert ui.slaTree.topLevelItem(0).foreground(2).color().name() != "#b00020"
    assert ui.overdueBadge.isVisible()


def test_fresh_ticket_is_within_sla(qtbot, desk_context: DeskContext, intake) -> None:  # type: ignore[no-untyped-def]
    ticket = intake(reporter=Reporter(name="Ani"))
    dialog = open_detail(qtbot, desk_context, ticket.tracking_code.replace("-", "").lower())
    assert dialog.ui.codeLabel.text() == ticket.tracking_code
    assert not dialog.ui.overdueBadge.isVisible()
    states = [row[2] for row in rows(dialog.ui.slaTree)]
    assert states[0] == "sisa 3 hari kerja"
    assert dialog.ui.nikValue.text() == "tidak ada"
    assert dialog.ui.phoneValue.text() == "tidak ada"


def test_unknown_ticket_says_so(qtbot, desk_context: DeskContext) -> None:  # type: ignore[no-untyped-def]
    dialog = open_detail(qtbot, desk_context, "0b8a4c52-7a55-4f4f-9d52-4f3c1b2a9e10")
    assert dialog.ui.codeLabel.text() == "Tiket tidak ditemukan"
    assert not dialog.ui.actionsGroup.isEnabled()


def test_status_change_through_the_combo(qtbot, desk_context: DeskContext,  # type: ignore[no-untyped-def]
                                         store: Store, intake) -> None:
    ticket = intake()
    dialog = open_detail(qtbot, desk_context, ticket.tracking_code)
    combo = dialog.ui.statusCombo
    offered = {combo.itemData(i): combo.model().item(i).isEnabled()
               for i in range(1, combo.count())}
    # Only what may follow "diterima"; reject is there but locked for an officer. Merging has
    # its own dialog (tests/ui/test_merge.py), so "digabung" is never offered here.
    assert offered == {"verified": True, "rejected": False, "not_our_authority": True}
    assert combo.itemText(combo.findData("rejected")) == "ditolak (khusus supervisor)"

    choose_status_with_keys(qtbot, dialog, Qt.Key.Key_Down, Qt.Key.Key_Down)
    assert dialog.chosen_status() is Status.NOT_OUR_AUTHORITY  # "ditolak" was skipped
    choose_status_with_keys(qtbot, dialog, Qt.Key.Key_Up)
    assert dialog.chosen_status() is Status.VERIFIED
    qtbot.keyClicks(dialog.ui.statusNoteEdit, "alamat jelas")
    with qtbot.waitSignal(dialog.ticketChanged, timeout=5000) as changed:
        click(qtbot, dialog.ui.changeStatusButton)
    assert changed.args == [ticket.uuid]

    assert dialog.ui.statusBadge.text() == "diverifikasi"
    last = rows(dialog.ui.timelineTree)[-1]
    assert last[2:5] == ["diverifikasi: alamat jelas", "budi", "Meja"]
    assert dialog.ui.statusNoteEdit.text() == ""
    assert combo.findData("dispatched") > 0  # the next step is now on offer
    assert combo.findData("verified") == -1
    detail = find_ticket(store, ticket.tracking_code)
    assert detail is not None
    assert detail.ticket.status is Status.VERIFIED
    assert outbox(store)[-1][0] == "status.changed"


def test_not_our_authority_asks_for_the_agency(qtbot, desk_context: DeskContext,  # type: ignore[no-untyped-def]
                                               store: Store, intake) -> None:
    ticket = intake()
    dialog = open_detail(qtbot, desk_context, ticket.tracking_code)
    assert not dialog.ui.agencyEdit.isVisible()
    choose_status_with_keys(qtbot, dialog, Qt.Key.Key_Down, Qt.Key.Key_Down)
    assert dialog.ui.agencyEdit.isVisible()
    click(qtbot, dialog.ui.changeStatusButton)
    assert "instansi" in dialog.ui.statusError.text()
    assert find_ticket(store, ticket.tracking_code).ticket.status is Status.RECEIVED  # type: ignore[union-attr]

    qtbot.keyClicks(dialog.ui.agencyEdit, "PLN UP3 Jakarta Timur")
    assert dialog.ui.statusError.text() == ""
    with qtbot.waitSignal(dialog.ticketChanged, timeout=5000):
        click(qtbot, dialog.ui.changeStatusButton)
    detail = find_ticket(store, ticket.tracking_code)
    assert detail is not None
    assert detail.events[-1].agency == "PLN UP3 Jakarta Timur"
    assert "diteruskan ke PLN UP3 Jakarta Timur" in rows(dialog.ui.timelineTree)[-1][2]
    assert not dialog.ui.statusCombo.isEnabled()  # a closed ticket: nothing more to choose


def test_merge_and_side_flows_are_not_in_the_combo(qtbot, desk_context: DeskContext,  # type: ignore[no-untyped-def]
                                                   store: Store, intake) -> None:
    """Merge, "TL ditolak" and "dibuka kembali" each have their own flow (merge dialog,
    validation panel, chase screen); the generic combo must not bypass them."""
    desk_context.officer = SUPERVISOR
    ticket = intake()
    dialog = open_detail(qtbot, desk_context, ticket.uuid)
    combo = dialog.ui.statusCombo
    offered = {combo.itemData(i) for i in range(1, combo.count())}
    assert offered == {"verified", "rejected", "not_our_authority"}
    assert all(combo.model().item(i).isEnabled() for i in range(combo.count()))

    for status in (Status.VERIFIED, Status.DISPATCHED, Status.IN_PROGRESS,
                   Status.AWAITING_VALIDATION, Status.DONE):
        change_status(store, ticket.uuid, status, officer="sari")
    dialog = open_detail(qtbot, desk_context, ticket.tracking_code)
    assert dialog.ui.statusCombo.count() == 1  # only the prompt: reopen via the chase screen
    assert "Minta tindak lanjut" in dialog.ui.statusCombo.itemText(0)
    assert not dialog.ui.changeStatusButton.isEnabled()


def test_add_note_and_external_ref(qtbot, desk_context: DeskContext, store: Store,  # type: ignore[no-untyped-def]
                                   intake) -> None:
    intake(external_refs=["LAPOR 5512"])
    ticket = intake()
    dialog = open_detail(qtbot, desk_context, ticket.tracking_code)
    ui = dialog.ui

    qtbot.keyClicks(ui.noteEdit, "Sudah ditelepon, warga di rumah")
    with qtbot.waitSignal(dialog.ticketChanged, timeout=5000):
        qtbot.keyClick(ui.noteEdit, Qt.Key.Key_Return)
    assert rows(ui.timelineTree)[-1][1:4] == ["Catatan", "Sudah ditelepon, warga di rumah",
                                            "budi"]
    assert ui.noteEdit.text() == ""

    qtbot.keyClicks(ui.refEdit, "Qlue nomor 123")
    click(qtbot, ui.addRefButton)
    assert "spasi" in ui.refError.text()
    ui.refEdit.clear()
    qtbot.keyClicks(ui.refEdit, "LAPOR 5512")  # already on the other ticket: refused by the DB
    click(qtbot, ui.addRefButton)
    qtbot.waitUntil(lambda: "sudah tercatat" in ui.refError.text(), timeout=5000)
    assert ui.refEdit.text() == "LAPOR 5512"  # kept for another try
    ui.refEdit.clear()
    qtbot.keyClicks(ui.refEdit, "qlue 7654321")
    with qtbot.waitSignal(dialog.ticketChanged, timeout=5000):
        click(qtbot, ui.addRefButton)
    assert [ui.refsList.item(r).text() for r in range(ui.refsList.count())] == ["QLUE 7654321"]
    assert [kind for kind, _ in outbox(store)][-2:] == ["note.added", "external_ref.added"]


def test_chase_is_recorded_in_the_timeline_and_the_outbox(  # type: ignore[no-untyped-def]
        qtbot, desk_context: DeskContext, store: Store, intake) -> None:
    ticket = intake()
    dialog = open_detail(qtbot, desk_context, ticket.tracking_code)
    click(qtbot, dialog.ui.chaseButton)
    chase = dialog.chase_dialog
    assert chase is not None
    assert chase.isVisible()
    local_created = ticket.created_at.astimezone(desk_context.identity.timezone)
    due = WorkingCalendar().add_working_days(local_created, 5)
    assert chase.promised_date() == due  # the SLA's agency follow-up deadline

    save = chase.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
    click(qtbot, save)  # nothing said to the citizen yet: refused
    assert chase.isVisible()
    assert "disampaikan" in chase.ui.errorLabel.text()

    qtbot.keyClicks(chase.ui.requestedByEdit, "Pak Harun")
    qtbot.keyClicks(chase.ui.promiseEdit, "Kecamatan menagih dinas; warga ditelepon")
    chase.ui.promisedByEdit.setFocus()
    qtbot.keyClick(chase.ui.promisedByEdit, Qt.Key.Key_Up)  # one day later, by keyboard
    promised = chase.promised_date()
    assert promised == due + timedelta(days=1)
    with qtbot.waitSignal(dialog.ticketChanged, timeout=5000):
        click(qtbot, save)
    assert not chase.isVisible()

    last = rows(dialog.ui.timelineTree)[-1]
    assert last[1:4] == ["Tindak lanjut", "Ditanyakan oleh Pak Harun", "budi"]
    assert last[5] == (f"Kecamatan menagih dinas; warga ditelepon "
                       f"(paling lambat {promised:%d-%m-%Y})")
    kind, payload = outbox(store)[-1]
    assert kind == "followup.created"
    assert payload["requested_by"] == "Pak Harun"
    assert payload["promised_by"] == promised.isoformat()
    assert payload["officer"] == "budi"


def test_reprint_opens_the_receipt_preview(qtbot, desk_context: DeskContext, intake,  # type: ignore[no-untyped-def]
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from posko.ui import printing

    previews: list[tuple[bytes, dict]] = []  # type: ignore[type-arg]

    def fake_preview(pdf: bytes, **kwargs: object) -> str:
        previews.append((pdf, kwargs))
        return "print-job"

    monkeypatch.setattr(printing, "preview_pdf", fake_preview)
    ticket = intake()
    dialog = open_detail(qtbot, desk_context, ticket.tracking_code)
    click(qtbot, dialog.ui.reprintButton)
    qtbot.waitUntil(lambda: dialog.print_job == "print-job", timeout=10_000)
    pdf, kwargs = previews[0]
    assert kwargs["file_name"] == f"tanda-terima-{ticket.tracking_code}.pdf"
    text = pdf_text(pdf)
    assert ticket.tracking_code in text
    assert "Dicetak" in text  # marked as a reprint
    assert "3175********0003" in text
    assert SAMPLE_NIK not in text
