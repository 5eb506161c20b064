"""Open311 as an extra lookup source: configured in Pengaturan (api key in the keyring only),
used from "Cari di Open311" on the lookup page, against the real reference server."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialogButtonBox

from posko.domain.status import Status
from posko.ui.context import DeskContext
from posko.ui.lookup_page import SERVER_ONLY_BACKGROUND, LookupPage
from posko.ui.settings import (
    OPEN311_API_KEY_SECRET,
    OPEN311_JURISDICTION,
    OPEN311_URL,
)
from posko.ui.settings_dialog import SettingsDialog
from tests.sync_client.conftest import Central, Device, central, enrol_device  # noqa: F401 - the server fixture

STORED = "(tersimpan di keyring)"


def retype(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    qtbot.keyClicks(widget, text)


def open_dialog(qtbot, ctx: DeskContext) -> SettingsDialog:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(ctx, printer_names=[])
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def click_save(qtbot, dialog: SettingsDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def configure(ctx: DeskContext, url: str, api_key: str | None,
              jurisdiction: str = "") -> None:
    ctx.settings.set(OPEN311_URL, url)
    ctx.settings.set(OPEN311_JURISDICTION, jurisdiction)
    if api_key is not None:
        ctx.secrets.set(OPEN311_API_KEY_SECRET, api_key)


@pytest.fixture
def page(qtbot, desk_context: DeskContext) -> LookupPage:  # type: ignore[no-untyped-def]
    shown = LookupPage(desk_context)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def table(page: LookupPage) -> list[tuple[str, str]]:
    model = page.proxy
    return [(model.index(r, 0).data(), model.index(r, 5).data())
            for r in range(model.rowCount())]


def search_open311(qtbot, page: LookupPage, text: str) -> int:  # type: ignore[no-untyped-def]
    page.ui.searchBox.setText(text)
    with qtbot.waitSignal(page.resultsShown, timeout=20_000) as shown:
        qtbot.mouseClick(page.ui.open311Button, Qt.MouseButton.LeftButton)
    return int(shown.args[0])


# ------------------------------------------------------------------------------ settings


def test_settings_dialog_keeps_the_api_key_in_the_keyring_only(
        qtbot, desk_context: DeskContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = desk_context
    key = "kunci-rahasia-open311-123"
    dialog = open_dialog(qtbot, ctx)
    ui = dialog.ui
    assert ui.open311UrlEdit.text() == ""
    assert STORED not in ui.open311ApiKeyStatus.text()
    retype(qtbot, ui.open311UrlEdit, "https://kota.example/open311/v2/")
    retype(qtbot, ui.open311JurisdictionEdit, " 31.75.04 ")
    retype(qtbot, ui.open311ApiKeyEdit, key)
    with qtbot.waitSignal(dialog.settingsSaved, timeout=2000):
        click_save(qtbot, dialog)
    assert ctx.settings.get(OPEN311_URL) == "https://kota.example/open311/v2"
    assert ctx.settings.get(OPEN311_JURISDICTION) == "31.75.04"
    assert ctx.secrets.get(OPEN311_API_KEY_SECRET) == key
    assert key not in (tmp_path / "posko-settings.ini").read_text(encoding="utf-8")

    # Reopened: the key is not shown, only that the keyring holds one; an empty field on
    # save keeps it.
    again = open_dialog(qtbot, ctx)
    assert again.ui.open311UrlEdit.text() == "https://kota.example/open311/v2"
    assert again.ui.open311JurisdictionEdit.text() == "31.75.04"
    assert again.ui.open311ApiKeyEdit.text() == ""
    assert again.ui.open311ApiKeyEdit.placeholderText() == STORED
    assert again.ui.open311ApiKeyStatus.text().startswith(STORED)
    with qtbot.waitSignal(again.settingsSaved, timeout=2000):
        click_save(qtbot, again)
    assert ctx.secrets.get(OPEN311_API_KEY_SECRET) == key


def test_settings_dialog_refuses_a_bad_open311_address(
        qtbot, desk_context: DeskContext) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, desk_context)
    retype(qtbot, dialog.ui.open311UrlEdit, "kota.example/open311")
    click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert "http://" in dialog.ui.open311UrlError.text()
    assert desk_context.settings.get(OPEN311_URL) == ""
    # Emptied again: no Open311 source, and saving works.
    retype(qtbot, dialog.ui.open311UrlEdit, "")
    with qtbot.waitSignal(dialog.settingsSaved, timeout=2000):
        click_save(qtbot, dialog)
    assert dialog.ui.open311UrlError.text() == ""
    assert desk_context.settings.get(OPEN311_URL) == ""


# ------------------------------------------------------------------------------ lookup


def test_button_is_off_until_an_open311_address_is_set(
        page: LookupPage, desk_context: DeskContext) -> None:
    assert not page.ui.open311Button.isEnabled()
    assert "Pengaturan" in page.ui.open311Button.toolTip()
    configure(desk_context, "http://127.0.0.1:9/open311/v2", None)
    page.hide()
    page.show()  # the settings are read again when the page is shown
    assert page.ui.open311Button.isEnabled()


def test_open311_ticket_is_found_and_marked(
        qtbot, page: LookupPage, desk_context: DeskContext,  # type: ignore[no-untyped-def]
        central: Central) -> None:  # noqa: F811
    device: Device = enrol_device(central)
    ticket = device.create_ticket()
    code = ticket["tracking_code"]
    configure(desk_context, central.url + "/open311/v2", device.token)
    page.update_open311_button()
    assert page.ui.open311Button.isEnabled()

    assert search_open311(qtbot, page, code) == 1
    assert table(page) == [(code, f"[Open311] OPEN311 {code}")]
    assert page.ui.resultLabel.text() == "1 hasil (1 dari Open311)"
    assert page.model.is_open311(0)
    assert not page.model.is_server_only(0)
    marked = page.proxy.index(0, 0)
    assert marked.data(Qt.ItemDataRole.BackgroundRole).color() == QColor(SERVER_ONLY_BACKGROUND)
    assert "Open311" in marked.data(Qt.ItemDataRole.ToolTipRole)
    # posko_status from the server
    assert page.proxy.index(0, 2).data() == Status.RECEIVED.label_id
    assert page.ui.open311Button.isEnabled()

    # Not a ticket of this desk: double-click explains instead of opening.
    opened: list[str] = []
    page.openTicket.connect(opened.append)
    page.ui.resultsTable.setCurrentIndex(marked)
    page.ui.resultsTable.doubleClicked.emit(marked)
    assert opened == []
    assert "Open311" in page.ui.resultLabel.text()

    # An ordinary local search afterwards no longer shows it.
    with qtbot.waitSignal(page.resultsShown, timeout=5000) as shown:
        page.run_search()
    assert shown.args == [0]


def test_wrong_api_key_and_stopped_server_say_so_in_the_label(
        qtbot, page: LookupPage, desk_context: DeskContext,  # type: ignore[no-untyped-def]
        central: Central) -> None:  # noqa: F811
    device = enrol_device(central)
    code = device.create_ticket()["tracking_code"]
    configure(desk_context, central.url + "/open311/v2", "bukan-token-yang-sah")
    page.update_open311_button()
    # No message box: the autouse fixture of tests/ui/conftest.py fails the test on one.
    assert search_open311(qtbot, page, code) == 0
    assert page.ui.resultLabel.text().startswith("Open311 menolak permintaan (HTTP 403)")
    assert "bukan-token-yang-sah" not in page.ui.resultLabel.text()
    assert table(page) == []

    desk_context.secrets.set(OPEN311_API_KEY_SECRET, device.token)
    central.stop()
    assert search_open311(qtbot, page, code) == 0
    assert page.ui.resultLabel.text() == "Open311 tidak terjangkau; hasil lokal saja. 0 hasil"
    assert table(page) == []
    assert page.ui.open311Button.isEnabled()


def test_empty_search_box_asks_for_text(qtbot, page: LookupPage,  # type: ignore[no-untyped-def]
                                        desk_context: DeskContext) -> None:
    configure(desk_context, "http://127.0.0.1:9/open311/v2", None)
    page.update_open311_button()
    page.ui.searchBox.setText("  ")
    qtbot.mouseClick(page.ui.open311Button, Qt.MouseButton.LeftButton)
    assert page.ui.resultLabel.text() == "Ketik dulu yang dicari."
