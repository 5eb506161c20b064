"""The walk-in queue: take a number, call the next one (which opens intake for it)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTableWidgetItem, QWidget

from posko.store.queue import QueueEntry, SlipState, call_next, finish, list_queue, take_number
from posko.ui.context import DeskContext, show_error
from posko.ui.forms.ui_queue_page import Ui_QueuePage
from posko.ui.i18n import fill


class QueuePage(QWidget):
    numberCalled = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_QueuePage()
        self.ui.setupUi(self)
        self._ctx = ctx
        self.current_number: int | None = None
        self.ui.takeNumberButton.clicked.connect(self.take_number)
        self.ui.callNextButton.clicked.connect(self.call_next)
        self.ui.leftButton.clicked.connect(self.mark_left)
        self.ui.queueTable.verticalHeader().hide()
        self.ui.queueTable.horizontalHeader().setStretchLastSection(True)
        self.refresh()

    def session_date(self) -> date:
        return datetime.now(self._ctx.identity.timezone).date()

    def _state_label(self, state: SlipState) -> str:
        return {
            SlipState.WAITING: self.tr("menunggu"),
            SlipState.CALLED: self.tr("sedang dilayani"),
            SlipState.SERVED: self.tr("selesai dilayani"),
            SlipState.LEFT: self.tr("pulang"),
        }[state]

    def refresh(self) -> None:
        self._ctx.runner.run(lambda: list_queue(self._ctx.store, self.session_date()),
                             self._show, lambda exc: show_error(self, exc), key="queue")

    def _show(self, entries: list[QueueEntry]) -> None:
        table = self.ui.queueTable
        table.setRowCount(len(entries))
        tz = self._ctx.identity.timezone
        for row, entry in enumerate(entries):
            values = (str(entry.number), f"{entry.issued_at.astimezone(tz):%H:%M}",
                      self._state_label(entry.state), entry.served_by or "",
                      entry.ticket_code or "")
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        waiting = sum(e.state is SlipState.WAITING for e in entries)
        served = sum(e.state is SlipState.SERVED for e in entries)
        self.ui.summaryLabel.setText(fill(
            self.tr("Menunggu: %1 · Sudah dilayani: %2 · Total hari ini: %3"),
            waiting, served, len(entries)))

    def take_number(self) -> None:
        try:
            entry = take_number(self._ctx.store, self.session_date(),
                                officer=self._ctx.officer_name)
        except Exception as exc:
            show_error(self, exc)
            return
        self.ui.currentLabel.setText(fill(self.tr("Nomor antrean baru: %1"), entry.number))
        self.refresh()

    def call_next(self) -> None:
        try:
            entry = call_next(self._ctx.store, self.session_date(),
                              officer=self._ctx.officer_name)
        except Exception as exc:
            show_error(self, exc)
            return
        if entry is None:
            self.ui.currentLabel.setText(self.tr("Tidak ada yang menunggu"))
            self.current_number = None
        else:
            self.current_number = entry.number
            self.ui.currentLabel.setText(fill(self.tr("Dipanggil: nomor %1"), entry.number))
            self.numberCalled.emit(entry.number)
        self.refresh()

    def mark_left(self) -> None:
        if self.current_number is None:
            return
        finish(self._ctx.store, self.session_date(), self.current_number,
               officer=self._ctx.officer_name, left=True)
        self.current_number = None
        self.ui.currentLabel.setText(self.tr("Belum ada nomor dipanggil"))
        self.refresh()

    def mark_served(self, number: int, ticket_uuid: str | None) -> None:
        finish(self._ctx.store, self.session_date(), number, officer=self._ctx.officer_name,
               ticket_uuid=ticket_uuid)
        if self.current_number == number:
            self.current_number = None
        self.refresh()
