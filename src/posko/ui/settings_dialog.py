"""Desk settings over the one registry (posko.ui.settings). Secrets never go here: the device
token and the NIK key live in the OS keyring only."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QWidget

from posko.domain.errors import DomainError, PoskoError
from posko.ui.context import DeskContext, show_error
from posko.ui.forms.ui_settings_dialog import Ui_SettingsDialog
from posko.ui.i18n import current_language, fill
from posko.ui.settings import (
    ASSISTED_FONT_PT,
    AUTOSAVE_SECONDS,
    FONT_SCALE,
    LANGUAGE,
    OPEN311_API_KEY_SECRET,
    OPEN311_JURISDICTION,
    OPEN311_URL,
    PAPER_SIZE,
    PRINTER_NAME,
    SERVER_URL,
)


def available_printers() -> list[str]:
    """Printer names known to the system (QtPrintSupport, part of PySide6-Essentials)."""
    try:
        from PySide6.QtPrintSupport import QPrinterInfo
    except ImportError:  # a stripped-down Qt without print support: free text only
        return []
    return [str(name) for name in QPrinterInfo.availablePrinterNames()]


def validate_server_url(text: str) -> str:
    """The server address as it will be stored (no trailing slash), or DomainError."""
    cleaned = text.strip().rstrip("/")
    problem = DomainError(
        "Alamat server harus lengkap dan diawali http:// atau https://, misalnya "
        "https://pengaduan.kota.go.id",
        "The server address must be complete and start with http:// or https://, for "
        "example https://pengaduan.kota.go.id",
        code="invalid_server_url", field="server_url")
    if not cleaned or any(c.isspace() for c in cleaned):
        raise problem
    try:
        parts = urlsplit(cleaned)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        raise problem from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise problem
    if parts.username or parts.password:  # credentials belong in the keyring
        raise DomainError(
            "Jangan menulis nama pengguna atau kata sandi di alamat server; token perangkat "
            "disimpan di keyring.",
            "Do not put a user name or password in the server address; the device token is "
            "kept in the keyring.", code="invalid_server_url", field="server_url")
    return cleaned


def validate_open311_url(text: str) -> str:
    """The Open311 base URL as it will be stored ("" = no Open311 source), or DomainError."""
    from posko.sync.open311 import Open311Endpoint

    if not text.strip():
        return ""
    try:
        cleaned = validate_server_url(text)
    except DomainError:
        raise DomainError(
            "Alamat Open311 harus lengkap dan diawali http:// atau https://, misalnya "
            "https://pengaduan.kota.go.id/open311/v2",
            "The Open311 address must be complete and start with http:// or https://, for "
            "example https://pengaduan.kota.go.id/open311/v2",
            code="invalid_open311_url", field="open311_url") from None
    return Open311Endpoint(cleaned).base_url


class SettingsDialog(QDialog):
    """`SettingsDialog(ctx, parent).open()`; saves through ctx.settings on Simpan."""

    languageChanged = Signal(str)  # noqa: N815 - Qt signal naming; "id" or "en"
    settingsSaved = Signal()  # noqa: N815
    enrolled = Signal()  # the desk now has a device token

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None, *,
                 printer_names: Sequence[str] | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        self._ctx = ctx
        settings = ctx.settings
        ui = self.ui
        ui.kecamatanValue.setText(f"{ctx.kecamatan_name} ({ctx.identity.kecamatan_code})")
        ui.deskValue.setText(str(ctx.identity.desk_number))

        for code, label in (("id", self.tr("Bahasa Indonesia")), ("en", self.tr("English"))):
            ui.languageCombo.addItem(label, code)
        _select(ui.languageCombo, settings.get(LANGUAGE))
        ui.fontScaleSpin.setValue(settings.get(FONT_SCALE))
        ui.assistedFontSpin.setValue(settings.get(ASSISTED_FONT_PT))
        for code, label in (("58mm", self.tr("Struk termal 58 mm")),
                            ("80mm", self.tr("Struk termal 80 mm")),
                            ("a5", self.tr("Kertas A5")), ("a4", self.tr("Kertas A4"))):
            ui.paperCombo.addItem(label, code)
        _select(ui.paperCombo, settings.get(PAPER_SIZE))
        names = list(available_printers() if printer_names is None else printer_names)
        current_printer = settings.get(PRINTER_NAME)
        if current_printer and current_printer not in names:
            names.insert(0, current_printer)  # a printer that is off today stays chosen
        ui.printerCombo.addItems(names)
        ui.printerCombo.setCurrentText(current_printer)
        printer_edit = ui.printerCombo.lineEdit()
        if printer_edit is not None:  # the combo is editable (settings_dialog.ui)
            printer_edit.setPlaceholderText(self.tr("Printer bawaan sistem"))
        ui.serverUrlEdit.setText(settings.get(SERVER_URL))
        ui.autosaveSpin.setSuffix(self.tr(" detik"))
        ui.autosaveSpin.setValue(settings.get(AUTOSAVE_SECONDS))
        ui.open311UrlEdit.setText(settings.get(OPEN311_URL))
        ui.open311JurisdictionEdit.setText(settings.get(OPEN311_JURISDICTION))
        self._show_open311_key()
        self._show_retention()

        ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        ui.buttons.accepted.connect(self.save)
        ui.buttons.rejected.connect(self.reject)
        ui.serverUrlEdit.editingFinished.connect(self._check_url)
        ui.serverUrlEdit.textEdited.connect(self._url_edited)
        ui.enrolButton.clicked.connect(self.enrol)
        ui.open311UrlEdit.editingFinished.connect(self._check_open311_url)
        ui.open311UrlEdit.textEdited.connect(self._open311_url_edited)
        self._show_enrolment()

    # --- retention of reporters' data (in the desk DB: the CLI reads it too) --------------

    def _show_retention(self) -> None:
        from posko.store.data_request import retention_days

        ui = self.ui
        ui.retentionSpin.setSuffix(self.tr(" hari"))
        self._retention = retention_days(self._ctx.store)
        ui.retentionSpin.setValue(self._retention)
        officer = self._ctx.officer
        ui.retentionSpin.setEnabled(bool(officer and officer.is_supervisor))

    def _save_retention(self) -> bool:
        days = self.ui.retentionSpin.value()
        if days == self._retention or not self.ui.retentionSpin.isEnabled():
            return True
        from posko.store.data_request import set_retention_days

        officer = self._ctx.officer
        try:
            set_retention_days(self._ctx.store, days, officer=self._ctx.officer_name,
                               is_supervisor=bool(officer and officer.is_supervisor))
        except PoskoError as error:
            show_error(self, error)
            return False
        self._retention = days
        return True

    # --- the Open311 lookup source ----------------------------------------------------------

    def _show_open311_key(self) -> None:
        """Never shows the key itself: only whether the keyring holds one."""
        ui = self.ui
        try:
            stored = bool(self._ctx.secrets.get(OPEN311_API_KEY_SECRET))
        except PoskoError as error:  # no usable keyring: say so, the rest still works
            ui.open311ApiKeyEdit.setPlaceholderText("")
            ui.open311ApiKeyStatus.setText(error.message(current_language()))
            return
        if stored:
            ui.open311ApiKeyEdit.setPlaceholderText(self.tr("(tersimpan di keyring)"))
            ui.open311ApiKeyStatus.setText(self.tr(
                "(tersimpan di keyring) Isi kunci baru hanya untuk menggantinya."))
        else:
            ui.open311ApiKeyEdit.setPlaceholderText(
                self.tr("kosongkan bila server tidak memintanya"))
            ui.open311ApiKeyStatus.setText(self.tr(
                "Belum ada kunci API. Kunci disimpan di keyring sistem, bukan di pengaturan."))

    def _open311_url_edited(self, _text: str) -> None:
        if self.ui.open311UrlError.text():
            self._check_open311_url()

    def _check_open311_url(self) -> str | None:
        try:
            url = validate_open311_url(self.ui.open311UrlEdit.text())
        except DomainError as error:
            self.ui.open311UrlError.setText(error.message(current_language()))
            return None
        self.ui.open311UrlError.clear()
        return url

    # --- enrolment with the city server ----------------------------------------------------

    def _show_enrolment(self) -> None:
        from posko.sync.enrolment import enrolled_server_url

        enrolled_at = enrolled_server_url(self._ctx.store)
        self.ui.enrolStatus.setText(
            fill(self.tr("Terdaftar di %1."), enrolled_at) if enrolled_at
            else self.tr("Belum terdaftar: meja bekerja luring dan menyimpan semua data."))

    def enrol(self) -> None:
        """Exchange the one-time code for a device token (kept in the keyring only)."""
        from posko.sync import enrol

        url = self._check_url()
        code = self.ui.enrolCodeEdit.text().strip()
        if url is None or not code:
            if not code:
                self.ui.enrolStatus.setText(self.tr("Isi kode pendaftaran dari admin kota."))
            return
        ctx = self._ctx
        self.ui.enrolButton.setEnabled(False)
        self.ui.enrolStatus.setText(self.tr("Mendaftarkan…"))

        def done(_enrolment: object) -> None:
            self.ui.enrolButton.setEnabled(True)
            self.ui.enrolCodeEdit.clear()
            ctx.settings.set(SERVER_URL, url)
            self._show_enrolment()
            self.enrolled.emit()

        def failed(error: BaseException) -> None:
            self.ui.enrolButton.setEnabled(True)
            if isinstance(error, PoskoError):
                self.ui.enrolStatus.setText(error.message(current_language()))
            else:
                show_error(self, error)

        ctx.runner.run(lambda: enrol(ctx.store, ctx.secrets, url, code), done, failed)

    def _url_edited(self, _text: str) -> None:
        if self.ui.serverUrlError.text():
            self._check_url()

    def _check_url(self) -> str | None:
        try:
            url = validate_server_url(self.ui.serverUrlEdit.text())
        except DomainError as error:
            self.ui.serverUrlError.setText(error.message(current_language()))
            return None
        self.ui.serverUrlError.clear()
        return url

    def save(self) -> None:
        url = self._check_url()
        if url is None:
            self.ui.serverUrlEdit.setFocus()
            return
        open311_url = self._check_open311_url()
        if open311_url is None:
            self.ui.open311UrlEdit.setFocus()
            return
        api_key = self.ui.open311ApiKeyEdit.text().strip()
        if api_key:
            try:  # the keyring only, never QSettings
                self._ctx.secrets.set(OPEN311_API_KEY_SECRET, api_key)
            except PoskoError as error:
                self.ui.open311ApiKeyStatus.setText(error.message(current_language()))
                return
            self.ui.open311ApiKeyEdit.clear()
            self._show_open311_key()
        if not self._save_retention():
            return
        settings = self._ctx.settings
        ui = self.ui
        previous_language = settings.get(LANGUAGE)
        language = str(ui.languageCombo.currentData())
        settings.set(LANGUAGE, language)
        settings.set(FONT_SCALE, ui.fontScaleSpin.value())
        settings.set(ASSISTED_FONT_PT, ui.assistedFontSpin.value())
        settings.set(PAPER_SIZE, str(ui.paperCombo.currentData()))
        settings.set(PRINTER_NAME, ui.printerCombo.currentText().strip())
        settings.set(SERVER_URL, url)
        settings.set(AUTOSAVE_SECONDS, ui.autosaveSpin.value())
        settings.set(OPEN311_URL, open311_url)
        settings.set(OPEN311_JURISDICTION, ui.open311JurisdictionEdit.text().strip())
        self.settingsSaved.emit()
        if language != previous_language:
            self.languageChanged.emit(language)
        self.accept()


def _select(combo: QComboBox, code: str) -> None:
    index = combo.findData(code)
    if index >= 0:
        combo.setCurrentIndex(index)
