"""Sync conflicts in the ticket detail: listed with both versions, resolved one by one."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from posko.domain.status import Status
from posko.secrets import KeyringSecrets
from posko.store import casework
from posko.store.database import Store
from posko.store.models import SyncConflict
from posko.sync import SyncEngine, conflicts, enrol
from posko.ui.context import DeskContext
from posko.ui.ticket_detail import TicketDetailDialog
from tests.sync_client.conftest import Central, central, other_desk_push, status_change  # noqa: F401 - the server fixture
from tests.ui.conftest import open_detail, rows


def resolve_button(dialog: TicketDetailDialog, row: int) -> QPushButton:
    tree = dialog.ui.conflictsTree
    button = tree.itemWidget(tree.topLevelItem(row), 4)
    assert isinstance(button, QPushButton)
    assert button.text() == "Tandai selesai"
    return button


def add_conflict(store: Store, ticket_uuid: str, *, kind: str, field: str | None,
                 local: dict, server: dict | None, at: datetime) -> int:  # type: ignore[type-arg]
    with store.unit_of_work() as session:
        row = SyncConflict(ticket_uuid=ticket_uuid, outbox_uuid=str(uuid.uuid4()), kind=kind,
                           code="conflict", field=field, local_payload=json.dumps(local),
                           server_version=json.dumps(server) if server else None,
                           created_at=at)
        session.add(row)
        session.flush()
        return row.id


def test_no_conflicts_no_panel(qtbot, desk_context: DeskContext, intake) -> None:  # type: ignore[no-untyped-def]
    dialog = open_detail(qtbot, desk_context, intake().uuid)
    assert dialog.ui.conflictsGroup.isHidden()
    assert dialog.ui.conflictsTree.topLevelItemCount() == 0


def test_real_conflict_is_shown_and_resolved(qtbot, desk_context: DeskContext, store: Store,  # type: ignore[no-untyped-def]
                                             secrets: KeyringSecrets, central: Central,  # noqa: F811
                                             intake) -> None:
    enrol(store, secrets, central.url, central.add_device())
    engine = SyncEngine(store, secrets, sleep=lambda _s: None)
    ticket = intake()
    assert engine.run_once().error is None
    # Another device of the kecamatan moves the status on the server; this desk, offline
    # meanwhile, verifies the same ticket.
    token = central.enrol_raw(desk=2)
    other_desk_push(central, token, status_change(ticket.uuid, "not_our_authority",
                                                  agency="PLN"))
    casework.change_status(store, ticket.uuid, Status.VERIFIED, officer="budi")
    assert engine.run_once().conflicts == 1

    dialog = open_detail(qtbot, desk_context, ticket.uuid)
    group = dialog.ui.conflictsGroup
    assert not group.isHidden()
    assert group.title() == "Konflik sinkronisasi (1)"
    [shown] = rows(dialog.ui.conflictsTree)
    assert shown[1] == "Perubahan status (kolom status)"
    assert shown[2] == Status.VERIFIED.label_id  # what this desk sent
    assert shown[3] == Status.NOT_OUR_AUTHORITY.label_id  # what the server has

    with qtbot.waitSignal(dialog.ticketChanged, timeout=5000) as changed:
        qtbot.mouseClick(resolve_button(dialog, 0), Qt.MouseButton.LeftButton)
    assert changed.args == [ticket.uuid]
    assert group.isHidden()
    assert dialog.ui.conflictsTree.topLevelItemCount() == 0
    assert conflicts(store, ticket_uuid=ticket.uuid) == []
    [resolved] = conflicts(store, ticket_uuid=ticket.uuid, include_resolved=True)
    assert resolved.resolved_at is not None


def test_each_conflict_resolves_on_its_own(qtbot, desk_context: DeskContext, store: Store,  # type: ignore[no-untyped-def]
                                           intake) -> None:
    ticket, other = intake(), intake()
    now = datetime.now(UTC)
    server = {"uuid": ticket.uuid, "status": "in_progress",
              "reporter": {"name": "Siti Aminah", "phone": "+6281234567890"}}
    note_id = add_conflict(store, ticket.uuid, kind="note.added", field=None,
                           local={"ticket_uuid": ticket.uuid, "text": "Sudah dicek ke lokasi"},
                           server=server, at=now - timedelta(hours=2))
    status_id = add_conflict(store, ticket.uuid, kind="status.changed", field="status",
                             local={"ticket_uuid": ticket.uuid, "status": "verified"},
                             server=server, at=now - timedelta(hours=1))
    add_conflict(store, other.uuid, kind="status.changed", field="status",
                 local={"ticket_uuid": other.uuid, "status": "verified"}, server=server, at=now)

    dialog = open_detail(qtbot, desk_context, ticket.uuid)
    assert dialog.ui.conflictsGroup.title() == "Konflik sinkronisasi (2)"  # not the other's
    first, second = rows(dialog.ui.conflictsTree)
    assert first[1:4] == ["Catatan", "Sudah dicek ke lokasi",
                          f"status {Status.IN_PROGRESS.label_id}"]
    assert "Siti" not in " ".join(first + second)  # payloads are never dumped
    assert "812" not in " ".join(first + second)
    assert second[2:4] == [Status.VERIFIED.label_id, Status.IN_PROGRESS.label_id]

    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        qtbot.mouseClick(resolve_button(dialog, 1), Qt.MouseButton.LeftButton)
    assert [c.id for c in conflicts(store, ticket_uuid=ticket.uuid)] == [note_id]
    assert status_id not in [c.id for c in conflicts(store)]
    [left] = rows(dialog.ui.conflictsTree)
    assert left[1] == "Catatan"
    assert dialog.ui.conflictsGroup.title() == "Konflik sinkronisasi (1)"
    assert not dialog.ui.conflictsGroup.isHidden()
    assert len(conflicts(store)) == 2  # the other ticket's conflict stays open
