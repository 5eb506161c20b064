"""Minta tindak lanjut: a walk-in asks about a ticket nobody acted on.

Records who asked, what they were told and the date promised (a FollowUp, queued for sync in
the same transaction), attributed to the signed-in officer.

When the ticket is already done (`selesai`), the dialog also offers "Warga menyatakan belum
beres — buka kembali": with a note saying what is not fixed (required), saving reopens the
ticket and sends it back to the agency (`reopen_ticket`: reopened -> in_progress, and the visit
as a chase, one unit of work). The dialog then stays open and says what happened.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from posko.domain.errors import DomainError
from posko.domain.models import FollowUp
from posko.domain.status import Status
from posko.store.casework import Reopened, record_chase, reopen_ticket
from posko.ui.context import DeskContext, show_error
from posko.ui.forms.ui_chase_dialog import Ui_ChaseDialog
from posko.ui.i18n import current_language, fill


class ChaseDialog(QDialog):
    """`ChaseDialog(ctx, ticket_uuid, tracking_code, promised_default, parent,
    status=...).open()`.

    `promised_default` pre-fills the promised date (the ticket detail passes the SLA's
    agency follow-up due date); a date before today is never offered. `status` is the
    ticket's current status: a done ticket may be reopened from here.
    """

    chaseRecorded = Signal(str)  # noqa: N815 - Qt signal naming; the ticket uuid
    reopened = Signal(str)  # the ticket uuid, after a reopen was saved

    def __init__(self, ctx: DeskContext, ticket_uuid: str, tracking_code: str,
                 promised_default: date | None = None, parent: QWidget | None = None, *,
                 status: Status | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ChaseDialog()
        self.ui.setupUi(self)
        self._ctx = ctx
        self._ticket_uuid = ticket_uuid
        self._tracking_code = tracking_code
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
        self.ui.reopenNoteEdit.textChanged.connect(self.ui.errorLabel.clear)
        self.ui.reopenGroup.toggled.connect(self._reopen_toggled)
        self.ui.reopenGroup.setVisible(status is Status.DONE)
        self.ui.resultLabel.hide()
        self._reopen_toggled(False)
        self.ui.requestedByEdit.setFocus()

    def promised_date(self) -> date:
        chosen = self.ui.promisedByEdit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def reopening(self) -> bool:
        """The officer ticked "belum beres — buka kembali" (only offered for a done ticket)."""
        return not self.ui.reopenGroup.isHidden() and self.ui.reopenGroup.isChecked()

    def _reopen_toggled(self, checked: bool) -> None:
        # Reopening: the note says what is not fixed; what the citizen was told is optional
        # and the officer's own note has no place (the reopen note is the note).
        self.ui.form.setRowVisible(self.ui.noteEdit, not checked)
        self.ui.promiseEdit.setPlaceholderText(
            self.tr("boleh dikosongkan, mis. Instansi diminta memperbaiki lagi.") if checked
            else self.tr("mis. Kecamatan meminta dinas memberi kabar; warga akan ditelepon."))
        self.ui.errorLabel.clear()
        if checked:
            self.ui.reopenNoteEdit.setFocus()

    def save(self) -> None:
        if self._saving:
            return
        if self.reopening():
            self._save_reopen()
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
        self._busy(True)
        self._ctx.runner.run(lambda: record_chase(store, follow_up),
                             lambda _none: self._saved(), self._failed)

    def _save_reopen(self) -> None:
        note = self.ui.reopenNoteEdit.toPlainText().strip()
        if not note:
            self.ui.errorLabel.setText(self.tr(
                "Tuliskan apa yang menurut warga belum beres; catatan ini wajib untuk membuka "
                "kembali tiket."))
            self.ui.reopenNoteEdit.setFocus()
            return
        store, officer, uuid = self._ctx.store, self._ctx.officer_name, self._ticket_uuid
        requested_by = self.ui.requestedByEdit.text().strip()
        promise = self.ui.promiseEdit.toPlainText().strip()
        promised_by = self.promised_date()
        self._busy(True)
        self._ctx.runner.run(
            lambda: reopen_ticket(store, uuid, note, officer=officer,
                                  requested_by=requested_by, promise=promise,
                                  promised_by=promised_by),
            self._reopened, self._failed)

    def _busy(self, busy: bool) -> None:
        self._saving = busy
        self.ui.buttons.setEnabled(not busy)

    def _saved(self) -> None:
        self._busy(False)
        self.chaseRecorded.emit(self._ticket_uuid)
        self.accept()

    def _reopened(self, result: Reopened) -> None:
        """Say what happened, and leave only "Tutup": the visit is recorded."""
        self._busy(False)
        back = result.events[-1].status
        label = back.label_en if current_language() == "en" else back.label_id
        self.ui.resultLabel.setText(fill(
            self.tr("Tiket %1 dibuka kembali dan dikembalikan ke instansi (status sekarang: "
                    "%2). Kunjungan warga dicatat sebagai tindak lanjut."),
            self._tracking_code, label))
        self.ui.resultLabel.show()
        self.ui.errorLabel.clear()
        for widget in (self.ui.requestedByEdit, self.ui.promiseEdit, self.ui.promisedByEdit,
                       self.ui.noteEdit, self.ui.reopenGroup):
            widget.setEnabled(False)
        buttons = self.ui.buttons
        buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Tutup"))
        close.setFocus()
        self.reopened.emit(self._ticket_uuid)
        self.chaseRecorded.emit(self._ticket_uuid)

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        if isinstance(error, DomainError):
            self.ui.errorLabel.setText(error.message(current_language()))
        else:
            show_error(self, error)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
