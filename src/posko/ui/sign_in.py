"""Officer sign-in: choose a name, type the PIN. Every later action carries this officer."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from posko.store.database import Store
from posko.store.officers import OfficerInfo, SignInFailed, list_officers, sign_in
from posko.ui.forms.ui_sign_in import Ui_SignInDialog
from posko.ui.settings import LAST_OFFICER, Settings


class SignInDialog(QDialog):
    def __init__(self, store: Store, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SignInDialog()
        self.ui.setupUi(self)
        self._store = store
        self._settings = settings
        self.officer: OfficerInfo | None = None
        officers = list_officers(store)
        for info in officers:
            self.ui.officerCombo.addItem(f"{info.full_name} ({info.username})", info.username)
        last = settings.get(LAST_OFFICER)
        index = self.ui.officerCombo.findData(last)
        if index >= 0:
            self.ui.officerCombo.setCurrentIndex(index)
        if not officers:
            self.ui.errorLabel.setText(self.tr(
                "Belum ada petugas terdaftar. Tambahkan dengan perintah: "
                "posko officer add --username NAMA --name \"Nama Lengkap\" --role supervisor"))
            self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Masuk"))
        # Enter in the PIN field signs in (once: the OK button is not also a default button).
        ok.setAutoDefault(False)
        ok.setDefault(False)
        self.ui.pinEdit.returnPressed.connect(self.accept)
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.ui.pinEdit.setFocus()

    def accept(self) -> None:
        username = self.ui.officerCombo.currentData()
        if not username or not self.ui.pinEdit.text():
            return
        try:
            self.officer = sign_in(self._store, str(username), self.ui.pinEdit.text())
        except SignInFailed as failure:
            from posko.ui.i18n import current_language

            self.ui.errorLabel.setText(failure.message(current_language()))
            self.ui.pinEdit.clear()
            self.ui.pinEdit.setFocus()
            return
        self._settings.set(LAST_OFFICER, self.officer.username)
        super().accept()
