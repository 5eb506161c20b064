"""Cari tiket: search-as-you-type over the local DB, off the GUI thread, newest query wins.

"Cari di server juga" (enrolled desks only) runs the same query locally and on the city
server (GET /v1/tickets); server-only tickets are appended after the local ones and marked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import QHeaderView, QWidget

from posko.domain.sla import WorkingCalendar, default_policy
from posko.store.search import TicketSummary, search
from posko.sync.client import Offline, SyncClient, SyncError
from posko.sync.enrolment import META_SERVER_URL, load_token, server_url
from posko.ui.context import DeskContext, show_error
from posko.ui.forms.ui_lookup_page import Ui_LookupPage
from posko.ui.i18n import current_language, fill
from posko.ui.ticket_table import SORT_ROLE, TicketTableModel, overdue_working_days

SEARCH_DELAY_MS = 120  # short pause in typing before querying
RESULT_LIMIT = 200
SERVER_LIMIT = 100  # the most GET /v1/tickets returns
SERVER_ONLY_BACKGROUND = "#fff4d6"  # pale amber: not on this desk yet


@dataclass(frozen=True, slots=True)
class LookupResult:
    """One search's outcome, built on the worker thread."""

    rows: tuple[TicketSummary, ...]  # local results first, then server-only ones
    overdue: dict[str, int]
    server_only: frozenset[str]  # uuids found only on the server
    asked_server: bool = False
    server_error: SyncError | None = None


class LookupTableModel(TicketTableModel):
    """The ticket table with server-only rows marked: text in the refs column (not colour
    alone) and a pale background on every column but the status badge."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._server_only: frozenset[str] = frozenset()

    def set_results(self, rows: Sequence[TicketSummary], overdue: dict[str, int],
                    server_only: frozenset[str]) -> None:
        self._server_only = server_only
        self.set_rows(rows, overdue)

    def is_server_only(self, row: int) -> bool:
        return self.row_at(row).uuid in self._server_only

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not self.is_server_only(index.row()):
            return super().data(index, role)
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and column != "status":
            return QBrush(QColor(SERVER_ONLY_BACKGROUND))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Hanya ada di server kota; belum tersinkron ke meja ini.")
        if role == Qt.ItemDataRole.DisplayRole and column == "refs":
            refs = super().data(index, role)
            marker = self.tr("[server]")
            return f"{marker} {refs}" if refs else marker
        return super().data(index, role)


class LookupPage(QWidget):
    openTicket = Signal(str)  # noqa: N815 - ticket uuid
    resultsShown = Signal(int)  # noqa: N815 - for tests and the status bar

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LookupPage()
        self.ui.setupUi(self)
        self._ctx = ctx
        self._policy = default_policy()
        self._calendar = WorkingCalendar()
        self.model = LookupTableModel(ctx.language, self, policy=self._policy,
                                      calendar=self._calendar)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.ui.resultsTable.setModel(self.proxy)
        # Best matches first until the officer clicks a column header.
        self.ui.resultsTable.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)
        header = self.ui.resultsTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(25)  # size columns from the first rows only
        header.setStretchLastSection(True)
        self.ui.resultsTable.doubleClicked.connect(self._activated)
        self.ui.serverButton.clicked.connect(self.run_server_search)
        self.update_server_button()
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.run_search)
        self.ui.searchBox.textChanged.connect(self._debounce.start)
        self.ui.searchBox.returnPressed.connect(self.run_search)

    @property
    def enrolled(self) -> bool:
        return self._ctx.store.get_meta(META_SERVER_URL) is not None

    def update_server_button(self) -> None:
        """Enable "Cari di server juga" only on a desk enrolled with a city server."""
        enrolled = self.enrolled
        self.ui.serverButton.setEnabled(enrolled)
        self.ui.serverButton.setToolTip(
            self.tr("Cari juga tiket kecamatan ini di server kota (termasuk dari meja lain "
                    "dan aplikasi).") if enrolled else
            self.tr("Sedang luring: pencarian di server tersedia setelah meja terhubung ke "
                    "server kota."))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self.update_server_button()  # the desk may have been enrolled meanwhile
        super().showEvent(event)

    def run_search(self) -> None:
        self._search(with_server=False)

    def run_server_search(self) -> None:
        if not self.ui.searchBox.text().strip():
            self.ui.resultLabel.setText(self.tr("Ketik dulu yang dicari."))
            return
        self._search(with_server=True)

    def _search(self, *, with_server: bool) -> None:
        # A typing pause still pending would run after this one and, as the newest "lookup"
        # job, hide its results (the server's ones included).
        self._debounce.stop()
        text = self.ui.searchBox.text()
        ctx = self._ctx
        store, secrets = ctx.store, ctx.secrets
        if with_server:
            self.ui.serverButton.setEnabled(False)
            self.ui.resultLabel.setText(self.tr("Mencari di server kota…"))

        def work() -> LookupResult:
            # The SLA arithmetic (and the network) run here too, off the GUI thread.
            rows = search(store, text, limit=RESULT_LIMIT)
            server_only: set[str] = set()
            error: SyncError | None = None
            if with_server:
                local = {r.uuid for r in rows}
                try:
                    with SyncClient(server_url(store), load_token(store, secrets)) as client:
                        remote = client.search(text, limit=SERVER_LIMIT)
                except SyncError as exc:
                    error = exc
                else:
                    extra = [r for r in remote if r.uuid not in local]
                    rows += extra
                    server_only = {r.uuid for r in extra}
            now = datetime.now(UTC)
            overdue = {r.uuid: overdue_working_days(r, self._policy, self._calendar, now)
                       for r in rows}
            return LookupResult(tuple(rows), overdue, frozenset(server_only), with_server,
                                error)

        def failed(error: BaseException) -> None:
            self.update_server_button()
            show_error(self, error)

        ctx.runner.run(work, self._show, failed, key="lookup")

    def _show(self, found: LookupResult) -> None:
        self.update_server_button()
        self.model.set_results(found.rows, found.overdue, found.server_only)
        count = len(found.rows)
        text = fill(self.tr("%1 hasil"), count)
        if found.asked_server:
            error = found.server_error
            if isinstance(error, Offline):
                text = self.tr("Server tidak terjangkau; hasil lokal saja.") + " " + text
            elif error is not None:
                text = fill(self.tr("Server tidak dapat dipakai: %1 Hasil lokal saja."),
                            error.message(current_language())) + " " + text
            else:
                text = fill(self.tr("%1 hasil (%2 hanya ada di server)"), count,
                            len(found.server_only))
        self.ui.resultLabel.setText(text)
        self.resultsShown.emit(count)

    def selected_uuid(self) -> str | None:
        index = self.ui.resultsTable.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row()).uuid

    def _activated(self) -> None:
        index = self.ui.resultsTable.currentIndex()
        if not index.isValid():
            return
        row = self.proxy.mapToSource(index).row()
        if self.model.is_server_only(row):
            # Not on this desk yet: the detail dialog would only say "not found".
            self.ui.resultLabel.setText(self.tr(
                "Tiket ini baru ada di server kota. Sinkronkan meja dulu untuk membukanya."))
            return
        self.openTicket.emit(self.model.row_at(row).uuid)

    def focus_search(self) -> None:
        self.ui.searchBox.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.searchBox.selectAll()
