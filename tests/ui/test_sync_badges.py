"""Per-record sync badges: the lookup's "Sinkron" column, the ticket detail's badge and
per-record states, "Kirim ulang", and the refresh after a real sync run with the reference
server."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from sqlalchemy import func, select

from posko.domain.models import FollowUp, Location, Origin, Reporter, Ticket
from posko.domain.status import Status
from posko.secrets import KeyringSecrets
from posko.store import casework
from posko.store.attachments import add_attachment, blob_path
from posko.store.crypto import NikCipher
from posko.store.database import Store, set_meta
from posko.store.models import AuditEntry, OutboxRow
from posko.store.sync_state import RESEND_ACTION, SERVER_URL_META
from posko.store.tickets import bulk_insert
from posko.sync import enrol
from posko.ui.context import DeskContext
from posko.ui.lookup_page import LookupPage
from posko.ui.sync_status import SyncStatus, sync_events
from posko.ui.ticket_detail import TicketDetailDialog
from tests.sync_client.conftest import Central, central  # noqa: F401 - the server fixture
from tests.ui.conftest import click, open_detail

SERVER_REASON = ("external_ref_taken: Nomor laporan eksternal ini sudah tercatat di server. "
                 "(external_refs)")
DESCRIPTION = "Sampah menumpuk di pinggir jalan sudah tiga hari"


# --------------------------------------------------------------------------- helpers


@pytest.fixture
def keep(qtbot) -> Iterator[list[Any]]:  # type: ignore[no-untyped-def]
    """Holds the test's widgets until pytest-qt has closed and deleted them on the GUI
    thread. A page dropped at the end of the test body would be left to Python's cycle
    collector, which may run on a worker thread: Qt then crashes on the page's timers."""
    held: list[Any] = []
    yield held
    held.clear()


def enrolled_without_server(store: Store) -> None:
    """The desk counts as enrolled (a server URL in meta); no sync runs in these tests."""
    with store.unit_of_work() as session:
        set_meta(session, SERVER_URL_META, "http://127.0.0.1:9")


def park(store: Store, *, entity_uuid: str | None = None, reason: str = SERVER_REASON) -> None:
    """What the engine does with a change the server refused (test set-up)."""
    with store.unit_of_work() as session:
        stmt = OutboxRow.__table__.update()
        if entity_uuid is not None:
            stmt = stmt.where(OutboxRow.entity_uuid == entity_uuid)
        session.execute(stmt.values(parked=True, attempts=1, last_error=reason))


def mark_sent(store: Store, ticket_uuid: str) -> None:
    """As if the server had acknowledged the ticket's rows (test set-up only)."""
    with store.unit_of_work() as session:
        session.execute(OutboxRow.__table__.delete().where(
            OutboxRow.ticket_uuid == ticket_uuid))


def imported_ticket() -> Ticket:
    """A ticket written by the bulk path (a pull / import): nothing of it in the outbox."""
    now = datetime.now(UTC) - timedelta(days=1)
    return Ticket(uuid=str(uuid.uuid4()), tracking_code="3175041-261127-01-T001-W",
                  origin=Origin.APP, category="sampah",
                  location=Location("31.75.04.1005", rw=5, rt=3, address="Jl. Kenanga"),
                  description=DESCRIPTION, reporter=Reporter(name="Warga"), consent=True,
                  officer="budi", created_at=now, updated_at=now, status=Status.RECEIVED)


def lookup(qtbot, ctx: DeskContext, keep: list[Any],  # type: ignore[no-untyped-def]
           text: str = "sampah") -> LookupPage:
    page = LookupPage(ctx)
    qtbot.addWidget(page)
    keep.append(page)
    page.show()
    with qtbot.waitSignal(page.resultsShown, timeout=5000):
        page.ui.searchBox.setText(text)
        page.run_search()
    return page


def sync_cells(page: LookupPage, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole
               ) -> dict[str, object]:
    model = page.model
    column = model.COLUMNS.index("sync")
    return {model.row_at(r).uuid: model.index(r, column).data(role)
            for r in range(model.rowCount())}


def timeline_states(dialog: TicketDetailDialog) -> dict[str, tuple[str, str]]:
    """Record uuid -> (state text, tooltip) of the timeline's "Sinkron" column."""
    tree = dialog.ui.timelineTree
    found = {}
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        record = item.data(6, Qt.ItemDataRole.UserRole)
        if record:
            found[record] = (item.text(6), item.toolTip(6))
    return found


def chase(store: Store, ticket_uuid: str) -> FollowUp:
    follow_up = FollowUp(ticket_uuid=ticket_uuid, asked_at=datetime.now(UTC), officer="budi",
                         requested_by="warga", promise="dicek minggu ini")
    casework.record_chase(store, follow_up)
    return follow_up


# --------------------------------------------------------------------------- lookup


def test_lookup_column_text_colour_and_reason(  # type: ignore[no-untyped-def]
        qtbot, keep: list[Any], desk_context: DeskContext, store: Store, cipher: NikCipher,
        intake) -> None:
    enrolled_without_server(store)
    waiting, refused = intake(), intake()
    park(store, entity_uuid=refused.uuid)
    imported = imported_ticket()
    bulk_insert(store, cipher, [(imported, (), ())])

    page = lookup(qtbot, desk_context, keep)
    headers = page.model.headers()
    assert headers[page.model.COLUMNS.index("sync")] == "Sinkron"
    assert sync_cells(page) == {waiting.uuid: "Menunggu", refused.uuid: "Perlu perhatian",
                                imported.uuid: "Terkirim"}
    tips = sync_cells(page, Qt.ItemDataRole.ToolTipRole)
    assert tips[refused.uuid] == ("Ditolak server kota: Nomor laporan eksternal ini sudah "
                                  "tercatat di server. [external_ref_taken, external_refs]")
    assert tips[waiting.uuid] == "1 perubahan menunggu dikirim ke server kota."
    assert tips[imported.uuid] == "Sudah diterima server kota."
    colours = sync_cells(page, Qt.ItemDataRole.DecorationRole)
    assert isinstance(colours[refused.uuid], QColor)
    assert colours[refused.uuid] != colours[waiting.uuid] != colours[imported.uuid]

    # Sorting by the column puts what needs attention at one end.
    column = page.model.COLUMNS.index("sync")
    page.proxy.sort(column, Qt.SortOrder.DescendingOrder)
    first = page.proxy.mapToSource(page.proxy.index(0, 0)).row()
    assert page.model.row_at(first).uuid == refused.uuid


def test_a_desk_never_enrolled_shows_local_only(  # type: ignore[no-untyped-def]
        qtbot, keep: list[Any], desk_context: DeskContext, intake) -> None:
    ticket = intake()
    page = lookup(qtbot, desk_context, keep)
    assert sync_cells(page) == {ticket.uuid: "Lokal saja"}
    assert "belum terdaftar di server kota" in str(
        sync_cells(page, Qt.ItemDataRole.ToolTipRole)[ticket.uuid])


def test_lookup_refreshes_when_states_change(  # type: ignore[no-untyped-def]
        qtbot, keep: list[Any], desk_context: DeskContext, store: Store, intake) -> None:
    enrolled_without_server(store)
    ticket = intake()
    page = lookup(qtbot, desk_context, keep)
    assert sync_cells(page) == {ticket.uuid: "Menunggu"}
    mark_sent(store, ticket.uuid)
    sync_events(desk_context).statesChanged.emit()  # what a finished sync run says
    qtbot.waitUntil(lambda: sync_cells(page) == {ticket.uuid: "Terkirim"}, timeout=5000)


# --------------------------------------------------------------------------- detail


def test_detail_badge_reason_and_follow_up_states(  # type: ignore[no-untyped-def]
        qtbot, keep: list[Any], desk_context: DeskContext, store: Store, intake) -> None:
    enrolled_without_server(store)
    ticket = intake()
    mark_sent(store, ticket.uuid)
    sent_chase = chase(store, ticket.uuid)
    mark_sent(store, ticket.uuid)
    refused_chase = chase(store, ticket.uuid)
    park(store, entity_uuid=refused_chase.uuid)
    event = casework.change_status(store, ticket.uuid, Status.VERIFIED, officer="budi")

    dialog = open_detail(qtbot, desk_context, ticket.uuid)
    keep.append(dialog)
    ui = dialog.ui
    assert ui.syncBadge.text() == "Sinkron: Perlu perhatian"
    assert not ui.syncBadge.isHidden()
    assert not ui.syncReasonLabel.isHidden()
    assert ui.syncReasonLabel.text().startswith(
        "Ditolak server kota: Nomor laporan eksternal ini sudah tercatat di server.")
    assert not ui.resendButton.isHidden()
    assert ui.resendButton.text() == "&Kirim ulang"
    tooltip = ui.syncBadge.toolTip()
    assert "Tindak lanjut" in tooltip
    assert "Perubahan status" in tooltip
    assert ui.timelineTree.headerItem().text(6) == "Sinkron"
    states = timeline_states(dialog)
    assert states[sent_chase.uuid][0] == "Terkirim"
    assert states[refused_chase.uuid][0] == "Perlu perhatian"
    assert "[external_ref_taken, external_refs]" in states[refused_chase.uuid][1]
    assert states[event.uuid][0] == "Menunggu"
    # The first status event of the ticket reached the server with it.
    assert [text for record, (text, _tip) in states.items()
            if record not in (sent_chase.uuid, refused_chase.uuid, event.uuid)] == ["Terkirim"]


def test_all_sent_hides_the_reason_and_resend(  # type: ignore[no-untyped-def]
        qtbot, keep: list[Any], desk_context: DeskContext, store: Store, intake) -> None:
    enrolled_without_server(store)
    ticket = intake()
    mark_sent(store, ticket.uuid)
    dialog = open_detail(qtbot, desk_context, ticket.uuid)
    keep.append(dialog)
    assert dialog.ui.syncBadge.text() == "Sinkron: Terkirim"
    assert dialog.ui.syncReasonLabel.isHidden()
    assert dialog.ui.resendButton.isHidden()


def test_kirim_ulang_unparks_and_the_badge_turns_to_waiting(  # type: ignore[no-untyped-def]
        qtbot, keep: list[Any], desk_context: DeskContext, store: Store, intake) -> None:
    enrolled_without_server(store)
    ticket, other = intake(), intake()
    follow_up = chase(store, ticket.uuid)
    park(store)  # every row of both tickets refused
    page = lookup(qtbot, desk_context, keep)
    assert sync_cells(page) == {ticket.uuid: "Perlu perhatian", other.uuid: "Perlu perhatian"}
    dialog = open_detail(qtbot, desk_context, ticket.uuid)
    keep.append(dialog)
    assert timeline_states(dialog)[follow_up.uuid][0] == "Perlu perhatian"

    with qtbot.waitSignal(dialog.syncShown, timeout=5000):
        click(qtbot, dialog.ui.resendButton)
    assert dialog.ui.syncBadge.text() == "Sinkron: Menunggu"
    assert dialog.ui.resendButton.isHidden()
    assert dialog.ui.syncReasonLabel.isHidden()
    assert timeline_states(dialog)[follow_up.uuid][0] == "Menunggu"
    assert "Dikirim ulang; sebelumnya: Ditolak server kota" in \
        timeline_states(dialog)[follow_up.uuid][1]
    # The lookup follows; the other ticket's refused rows were not touched.
    qtbot.waitUntil(lambda: sync_cells(page) == {ticket.uuid: "Menunggu",
                                                 other.uuid: "Perlu perhatian"}, timeout=5000)
    with store.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(OutboxRow)) == 3  # none deleted
        [entry] = session.scalars(select(AuditEntry).where(AuditEntry.action == RESEND_ACTION))
        assert (entry.entity_uuid, entry.detail) == (ticket.uuid, "changes=2")


# --------------------------------------------------------------------------- real server


def test_real_server_missing_photo_then_kirim_ulang_and_sync_makes_it_sent(  # type: ignore[no-untyped-def]
        qtbot, keep: list[Any], desk_context: DeskContext, store: Store,
        secrets: KeyringSecrets,
        central: Central, intake, tmp_path: Path) -> None:  # noqa: F811
    enrol(store, secrets, central.url, central.add_device())
    ticket = intake()
    photo = tmp_path / "foto-lokasi.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40)
    attachment = add_attachment(store, desk_context.paths.attachment_dir, ticket.uuid, photo,
                                officer="budi")
    stored = blob_path(desk_context.paths.attachment_dir, attachment.sha256)
    kept = tmp_path / "cadangan.bin"
    shutil.move(stored, kept)  # the attachments folder lost the file

    parent = QWidget()
    qtbot.addWidget(parent)
    keep.append(parent)
    status = SyncStatus(desk_context, parent, online_label=QLabel(parent),
                        last_sync_label=QLabel(parent), button=QPushButton(parent),
                        probe_ms=600_000, auto_sync_ms=600_000)
    page = lookup(qtbot, desk_context, keep)
    assert sync_cells(page) == {ticket.uuid: "Menunggu"}
    with qtbot.waitSignal(status.syncFinished, timeout=20_000):
        status.sync_now()
    assert status.last_report is not None
    assert status.last_report.parked == 1

    qtbot.waitUntil(lambda: sync_cells(page) == {ticket.uuid: "Perlu perhatian"},
                    timeout=5000)
    assert "Berkas foto/lampiran hilang" in str(
        sync_cells(page, Qt.ItemDataRole.ToolTipRole)[ticket.uuid])
    dialog = open_detail(qtbot, desk_context, ticket.uuid)
    keep.append(dialog)
    assert dialog.ui.syncBadge.text() == "Sinkron: Perlu perhatian"
    assert "Berkas foto/lampiran hilang" in dialog.ui.syncReasonLabel.text()
    assert "Lampiran" in dialog.ui.syncBadge.toolTip()
    photo_item = dialog.ui.attachmentsList.item(0)
    assert photo_item.toolTip().startswith("Perlu perhatian — Berkas foto/lampiran hilang")

    shutil.move(kept, stored)  # restored from the backup
    seen: list[str] = []
    dialog.syncShown.connect(lambda: seen.append(dialog.ui.syncBadge.text()))
    with qtbot.waitSignal(status.syncFinished, timeout=20_000):
        click(qtbot, dialog.ui.resendButton)  # puts it back in line and starts a sync
    qtbot.waitUntil(lambda: dialog.ui.syncBadge.text() == "Sinkron: Terkirim", timeout=10_000)
    assert seen[0] == "Sinkron: Menunggu"  # back in line before the run sent it
    assert dialog.ui.resendButton.isHidden()
    assert dialog.ui.attachmentsList.item(0).toolTip() == "Terkirim"
    qtbot.waitUntil(lambda: sync_cells(page) == {ticket.uuid: "Terkirim"}, timeout=5000)
    with store.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(OutboxRow)) == 0
    with central.db.read() as session:
        from posko_central.models import BlobRow

        assert session.scalar(select(func.count()).select_from(BlobRow).where(
            BlobRow.sha256 == attachment.sha256)) == 1
    status.stop_timers()
