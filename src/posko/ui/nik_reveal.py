""""Tampilkan NIK" in the ticket detail: a supervisor sees the reporter's full NIK for a short
while, then it is masked again. Each reveal is read through `posko.store.audit_log.reveal_nik`,
which writes the ``nik.unmasked`` audit row (officer and ticket, never the NIK) first."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from posko.store.audit_log import reveal_nik
from posko.ui.context import DeskContext, show_error
from posko.ui.i18n import fill

REVEAL_MS = 30_000


class NikReveal(QObject):
    """Puts a "Tampilkan NIK" button beside `label` (a field of a QFormLayout) and runs it.

    `set_ticket(uuid, has_nik)` after each snapshot; the button shows only for a supervisor
    and a ticket with a NIK. `reveal_ms` may be shortened (tests).
    """

    revealed = Signal()
    masked = Signal()

    def __init__(self, ctx: DeskContext, label: QLabel, form: QFormLayout,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._label = label
        self._ticket_uuid: str | None = None
        self._masked_text = ""
        self.reveal_ms = REVEAL_MS
        self.button = QPushButton(self.tr("Tampilkan NIK"))
        self.button.setAutoDefault(False)
        self.button.setToolTip(fill(self.tr("Tampilkan NIK lengkap selama %1 detik. Tercatat di "
                                            "log audit."), REVEAL_MS // 1000))
        self.button.clicked.connect(self.reveal)
        self.button.hide()
        row = QWidget(parent)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        form.replaceWidget(label, row)
        # Room for all 16 digits, so revealing moves nothing (nor cuts the NIK short).
        label.setMinimumWidth(label.fontMetrics().horizontalAdvance("0" * 17))
        layout.addWidget(label)
        layout.addWidget(self.button)
        layout.addStretch(1)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.mask)

    @property
    def showing(self) -> bool:
        return self._timer.isActive()

    def set_ticket(self, ticket_uuid: str, has_nik: bool) -> None:
        """A new snapshot was shown (the label holds the masked NIK again)."""
        self._timer.stop()
        self._ticket_uuid = ticket_uuid
        self._masked_text = self._label.text()
        officer = self._ctx.officer
        self.button.setVisible(has_nik and officer is not None and officer.is_supervisor)
        self.button.setEnabled(True)

    def reveal(self) -> None:
        uuid, ctx = self._ticket_uuid, self._ctx
        if uuid is None or self.showing:
            return
        officer = ctx.officer
        supervisor = officer is not None and officer.is_supervisor
        self.button.setEnabled(False)
        ctx.runner.run(lambda: reveal_nik(ctx.store, ctx.cipher, uuid,
                                          officer=ctx.officer_name, is_supervisor=supervisor),
                       lambda nik: self._show(uuid, nik), self._failed,
                       key=f"nik-reveal-{id(self)}")

    def _show(self, uuid: str, nik: str | None) -> None:
        if uuid != self._ticket_uuid or not nik:
            self.button.setEnabled(True)
            return
        self._label.setText(nik)
        self._timer.start(self.reveal_ms)
        self.revealed.emit()

    def mask(self) -> None:
        self._timer.stop()
        self._label.setText(self._masked_text)
        self.button.setEnabled(True)
        self.masked.emit()

    def _failed(self, error: BaseException) -> None:
        self.button.setEnabled(True)
        show_error(self._label, error)
