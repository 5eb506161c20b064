"""The settings dialog, driven by keyboard and mouse; values read back through Settings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from posko.ui.context import DeskContext
from posko.ui.settings import (
    ASSISTED_FONT_PT,
    AUTOSAVE_SECONDS,
    FONT_SCALE,
    LANGUAGE,
    PAPER_SIZE,
    PRINTER_NAME,
    SERVER_URL,
)
from posko.ui.settings_dialog import SettingsDialog

PRINTERS = ["EPSON TM-T82", "Kantor-Laser"]


def open_dialog(qtbot, ctx: DeskContext) -> SettingsDialog:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(ctx, printer_names=PRINTERS)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def retype(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    qtbot.keyClicks(widget, text)


def save_button(dialog: SettingsDialog):  # type: ignore[no-untyped-def]
    return dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_shows_the_desk_read_only_and_the_current_values(qtbot, desk_context: DeskContext) -> None:  # type: ignore[no-untyped-def]
    desk_context.settings.set(PAPER_SIZE, "80mm")
    desk_context.settings.set(PRINTER_NAME, "Printer-Lama")
    dialog = open_dialog(qtbot, desk_context)
    ui = dialog.ui
    assert ui.kecamatanValue.text() == "Kramatjati (31.75.04)"
    assert ui.deskValue.text() == "1"
    assert isinstance(ui.kecamatanValue, QLabel)  # shown, not editable here
    assert ui.languageCombo.currentData() == "id"
    assert ui.languageCombo.currentText() == "Bahasa Indonesia"
    assert ui.paperCombo.currentData() == "80mm"
    assert ui.fontScaleSpin.value() == 100
    assert ui.assistedFontSpin.value() == 22
    assert ui.autosaveSpin.value() == 5
    assert ui.autosaveSpin.suffix() == " detik"
    # A saved printer that is switched off today is still offered and chosen.
    assert [ui.printerCombo.itemText(i) for i in range(ui.printerCombo.count())] == [
        "Printer-Lama", *PRINTERS]
    assert ui.printerCombo.currentText() == "Printer-Lama"
    assert ui.serverUrlEdit.text() == "http://127.0.0.1:8765"


def test_saved_values_are_read_back_and_language_is_announced(  # type: ignore[no-untyped-def]
        qtbot, desk_context: DeskContext) -> None:
    dialog = open_dialog(qtbot, desk_context)
    ui = dialog.ui
    ui.languageCombo.setFocus()
    qtbot.keyClick(ui.languageCombo, Qt.Key.Key_Down)
    assert ui.languageCombo.currentText() == "English"
    ui.fontScaleSpin.setFocus()
    qtbot.keyClick(ui.fontScaleSpin, Qt.Key.Key_Up)  # one step: 110 %
    retype(qtbot, ui.assistedFontSpin, "30")
    ui.paperCombo.setFocus()
    qtbot.keyClick(ui.paperCombo, Qt.Key.Key_End)
    assert ui.paperCombo.currentText() == "Kertas A4"
    ui.printerCombo.setFocus()
    qtbot.keyClick(ui.printerCombo, Qt.Key.Key_Down)
    assert ui.printerCombo.currentText() == "Kantor-Laser"
    retype(qtbot, ui.serverUrlEdit, "https://pengaduan.jakarta.go.id/api/")
    retype(qtbot, ui.autosaveSpin, "10")

    with qtbot.waitSignal(dialog.languageChanged, timeout=2000) as changed:
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert changed.args == ["en"]
    assert not dialog.isVisible()
    settings = desk_context.settings
    assert settings.get(LANGUAGE) == "en"
    assert settings.get(FONT_SCALE) == 110
    assert settings.get(ASSISTED_FONT_PT) == 30
    assert settings.get(PAPER_SIZE) == "a4"
    assert settings.get(PRINTER_NAME) == "Kantor-Laser"
    assert settings.get(SERVER_URL) == "https://pengaduan.jakarta.go.id/api"
    assert settings.get(AUTOSAVE_SECONDS) == 10

    again = open_dialog(qtbot, desk_context)
    assert again.ui.languageCombo.currentData() == "en"
    assert again.ui.paperCombo.currentData() == "a4"
    assert again.ui.assistedFontSpin.value() == 30
    assert again.ui.printerCombo.currentText() == "Kantor-Laser"


def test_no_language_signal_when_the_language_stays(qtbot, desk_context: DeskContext) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, desk_context)
    ui = dialog.ui
    retype(qtbot, ui.printerCombo, "Printer Loket 2")
    with qtbot.assertNotEmitted(dialog.languageChanged), \
            qtbot.waitSignal(dialog.settingsSaved, timeout=2000):
        qtbot.keyClick(ui.serverUrlEdit, Qt.Key.Key_Return)  # Enter saves, like the button
    assert desk_context.settings.get(PRINTER_NAME) == "Printer Loket 2"  # free text is fine


def test_a_bad_server_address_is_refused(qtbot, desk_context: DeskContext) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, desk_context)
    ui = dialog.ui
    for bad, reason in (("ftp://pengaduan.go.id", "http://"), ("pengaduan.go.id", "http://"),
                        ("https://", "http://"), ("https://x.go.id:99999", "http://"),
                        ("https://admin:rahasia@x.go.id", "keyring")):
        retype(qtbot, ui.serverUrlEdit, bad)
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
        assert dialog.isVisible(), bad
        assert reason in ui.serverUrlError.text(), bad
    assert desk_context.settings.get(SERVER_URL) == "http://127.0.0.1:8765"

    retype(qtbot, ui.serverUrlEdit, "http://10.0.0.5:8765")
    assert ui.serverUrlError.text() == ""  # the reason goes as soon as it is fixed
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert desk_context.settings.get(SERVER_URL) == "http://10.0.0.5:8765"


def test_cancel_changes_nothing(qtbot, desk_context: DeskContext) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, desk_context)
    retype(qtbot, dialog.ui.assistedFontSpin, "40")
    with qtbot.assertNotEmitted(dialog.settingsSaved):
        qtbot.mouseClick(dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel),
                         Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert desk_context.settings.get(ASSISTED_FONT_PT) == 22
