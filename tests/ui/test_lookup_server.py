"""Lookup "Cari di server juga" against the real reference server and a real desk DB."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from posko import catalogues
from posko.domain.tracking import make_tracking_code
from posko.sync import SyncClient, SyncEngine, enrol
from posko.ui.context import DeskContext
from posko.ui.lookup_page import SERVER_ONLY_BACKGROUND, LookupPage
from tests.sync_client.conftest import Central, central, other_desk_push  # noqa: F401 - the server fixture

KECAMATAN = "31.75.04"


def server_ticket(**overrides: Any) -> dict[str, Any]:
    """A ticket.created change as the kecamatan's second desk pushes it."""
    now = datetime.now(UTC)
    payload: dict[str, Any] = {
        "uuid": str(uuid.uuid4()),
        "tracking_code": make_tracking_code(KECAMATAN, date.today(), 2, 7),
        "origin": "desk", "category": "sampah",
        "kelurahan_code": catalogues.kelurahan_of(KECAMATAN)[0].code, "rw": 2, "rt": 1,
        "address": "Jl. Kenanga No. 3", "latitude": None, "longitude": None,
        "description": "Got mampet di depan musala", "consent": True, "officer": "rina",
        "reporter": {"kind": "named", "name": "Joko", "phone": None, "has_nik": False,
                     "contact": "none"},
        "status": "received", "needs_field_check": False,
        "external_refs": [{"source": "QLUE", "number": "7654321"}],
        "created_at": now.isoformat(), "updated_at": now.isoformat(),
    }
    payload.update(overrides)
    return {"id": str(uuid.uuid4()), "kind": "ticket.created", "entity_uuid": payload["uuid"],
            "created_at": now.isoformat(), "payload": payload}


@pytest.fixture
def page(qtbot, desk_context: DeskContext) -> LookupPage:  # type: ignore[no-untyped-def]
    shown = LookupPage(desk_context)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def table(page: LookupPage) -> list[tuple[str, str]]:
    """(tracking code, refs column) per row, as shown."""
    model = page.proxy
    return [(model.index(r, 0).data(), model.index(r, 5).data())
            for r in range(model.rowCount())]


def test_not_enrolled_button_is_off(page: LookupPage) -> None:
    assert not page.ui.serverButton.isEnabled()
    assert "luring" in page.ui.serverButton.toolTip().lower()


def test_server_only_ticket_is_found_and_marked(qtbot, page: LookupPage,  # type: ignore[no-untyped-def]
                                                desk_context: DeskContext, central: Central,  # noqa: F811
                                                intake) -> None:
    store = desk_context.store
    enrol(store, desk_context.secrets, central.url, central.add_device())
    local = intake(description="Got mampet di Jl. Kenanga, air meluap")
    assert SyncEngine(store, desk_context.secrets, sleep=lambda _s: None).run_once().pushed == 1
    change = server_ticket()
    token = central.enrol_raw(desk=2)
    assert other_desk_push(central, token, change)[0]["result"] == "accepted"
    assert len(SyncClient(central.url, token).search("mampet")) == 2  # both are on the server

    page.update_server_button()
    assert page.ui.serverButton.isEnabled()
    page.ui.searchBox.setText("mampet")
    with qtbot.waitSignal(page.resultsShown, timeout=5000) as shown:
        page.run_search()
    assert shown.args == [1]  # only the local one
    assert table(page) == [(local.tracking_code, "")]

    with qtbot.waitSignal(page.resultsShown, timeout=10_000) as shown:
        qtbot.mouseClick(page.ui.serverButton, Qt.MouseButton.LeftButton)
    assert shown.args == [2]
    code = change["payload"]["tracking_code"]
    # Local first; the server's copy of the local ticket is not repeated; the other is marked.
    assert table(page) == [(local.tracking_code, ""), (code, "[server] QLUE 7654321")]
    assert page.ui.resultLabel.text() == "2 hasil (1 hanya ada di server)"
    assert page.model.is_server_only(1)
    assert not page.model.is_server_only(0)
    marked = page.proxy.index(1, 0)
    assert marked.data(Qt.ItemDataRole.BackgroundRole).color() == QColor(SERVER_ONLY_BACKGROUND)
    assert page.proxy.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "server" in marked.data(Qt.ItemDataRole.ToolTipRole)
    assert page.ui.serverButton.isEnabled()

    # A server-only ticket cannot be opened on this desk yet: say so instead.
    opened: list[str] = []
    page.openTicket.connect(opened.append)
    page.ui.resultsTable.setCurrentIndex(marked)
    page.ui.resultsTable.doubleClicked.emit(marked)
    assert opened == []
    assert "Sinkronkan" in page.ui.resultLabel.text()
    page.ui.resultsTable.setCurrentIndex(page.proxy.index(0, 0))
    page.ui.resultsTable.doubleClicked.emit(page.proxy.index(0, 0))
    assert opened == [local.uuid]


def test_offline_keeps_local_results_without_a_dialog(qtbot, page: LookupPage,  # type: ignore[no-untyped-def]
                                                      desk_context: DeskContext,
                                                      central: Central, intake) -> None:  # noqa: F811
    enrol(desk_context.store, desk_context.secrets, central.url, central.add_device())
    local = intake(description="Lampu jalan mati di gang buntu")
    central.stop()
    page.update_server_button()
    page.ui.searchBox.setText("lampu")
    # No message box: the autouse fixture of tests/ui/conftest.py fails the test on one.
    with qtbot.waitSignal(page.resultsShown, timeout=20_000) as shown:
        qtbot.mouseClick(page.ui.serverButton, Qt.MouseButton.LeftButton)
    assert shown.args == [1]
    assert table(page) == [(local.tracking_code, "")]
    assert page.ui.resultLabel.text() == "Server tidak terjangkau; hasil lokal saja. 1 hasil"
    assert page.ui.serverButton.isEnabled()


def test_client_search_maps_the_contract(central: Central, store, secrets) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    token = central.enrol_raw(desk=2)
    change = server_ticket(needs_field_check=True)
    assert other_desk_push(central, token, change)[0]["result"] == "accepted"
    with SyncClient(central.url, token) as client:
        [found] = client.search("  kenanga\tmusala ", limit=500)  # clamped, tab is a space
        assert client.search(" \n ") == []
    payload = change["payload"]
    assert (found.uuid, found.tracking_code, found.status.value, found.category) == (
        payload["uuid"], payload["tracking_code"], "received", "sampah")
    assert (found.kelurahan_code, found.address, found.description) == (
        payload["kelurahan_code"], "Jl. Kenanga No. 3", "Got mampet di depan musala")
    assert (found.external_refs, found.origin, found.needs_field_check) == (
        "QLUE 7654321", "desk", True)
    assert found.created_at.tzinfo is not None
