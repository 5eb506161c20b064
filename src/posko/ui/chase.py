"""Minta tindak lanjut: a walk-in asks about a ticket nobody acted on.

Records who asked, what they were told and the date promised (a FollowUp, queued for sync in
the same transaction), attributed to the signed-in officer.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from posko.domain.errors import DomainError
from posko.domain.models import FollowUp
from posko.store.casework import record_chase
from posko.ui.context import DeskContext, show_error
from posko.ui.forms.ui_chase_dialog import Ui_ChaseDialog
from posko.ui.i18n import current_language, fill


class ChaseDialog(QDialog):
    """`ChaseDialog(ctx, ticket_uuid, tracking_code, promised_default, parent).open()`.

    `promised_default` pre-fills the promised date (the ticket detail passes the SLA's
    agency follow-up due date); a date before today is never offered.
    """

    chaseRecorded = Signal(str)  # noqa: N815 - Qt signal naming; the ticket uuid

    def __init__(self, ctx: DeskContext, ticket_uuid: str, tracking_code: str,
                 promised_default: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ChaseDialog()
        self.ui.setupUi(self)
        self._ctx = ctx
        self._ticket_uuid = ticket_uuid
        self._saving = False
        self.setWindowTitle(fill(self.tr("Minta tindak lanjut — %1"), tracking_code))
        self.ui.headingLabel.setText(fill(
            self.tr("Warga menanyakan perkembangan tiket %1. Catat apa yang disampaikan "
                    "kepadanya."), tracking_code))
        today = datetime.now(ctx.identity.timezone).date()
        chosen = max(promised_default or today, today)
        self.ui.promisedByEdit.setMinimumDate(_qdate(today))
        self.ui.promisedByEdit.setDate(_qdate(chosen))
        self.ui.hintLabel.setText(self.tr(
            "Tanggal janji diisi dari tenggat tindak lanjut instansi (SLA); ubah bila perlu."))
        save = self.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Simpan"))
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.ui.buttons.accepted.connect(self.save)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.promiseEdit.textChanged.connect(self.ui.errorLabel.clear)
        self.ui.requestedByEdit.setFocus()

    def promised_date(self) -> date:
        chosen = self.ui.promisedByEdit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def save(self) -> None:
        if self._saving:
            return
        promise = self.ui.promiseEdit.toPlainText().strip()
        if not promise:
            self.ui.errorLabel.setText(self.tr(
                "Tuliskan apa yang disampaikan atau dijanjikan kepada warga."))
            self.ui.promiseEdit.setFocus()
            return
        follow_up = FollowUp(
            ticket_uuid=self._ticket_uuid, asked_at=datetime.now(UTC),
            officer=self._ctx.officer_name,
            requested_by=self.ui.requestedByEdit.text().strip(), promise=promise,
            promised_by=self.promised_date(), note=self.ui.noteEdit.text().strip())
        store = self._ctx.store
        self._saving = True
        self.ui.buttons.setEnabled(False)
        self._ctx.runner.run(lambda: record_chase(store, follow_up),
                             lambda _none: self._saved(), self._failed)

    def _saved(self) -> None:
        self._saving = False
        self.ui.buttons.setEnabled(True)
        self.chaseRecorded.emit(self._ticket_uuid)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._saving = False
        self.ui.buttons.setEnabled(True)
        if isinstance(error, DomainError):
            self.ui.errorLabel.setText(error.message(current_language()))
        else:
            show_error(self, error)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
