"""Cari tiket: search-as-you-type over the local DB, off the GUI thread, newest query wins."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QWidget

from posko.domain.sla import WorkingCalendar, default_policy
from posko.store.search import TicketSummary, search
from posko.ui.context import DeskContext, show_error
from posko.ui.forms.ui_lookup_page import Ui_LookupPage
from posko.ui.i18n import fill
from posko.ui.ticket_table import SORT_ROLE, TicketTableModel, overdue_working_days

SEARCH_DELAY_MS = 120  # short pause in typing before querying
RESULT_LIMIT = 200


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
        self.model = TicketTableModel(ctx.language, self, policy=self._policy,
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
        self.ui.serverButton.setEnabled(False)
        self.ui.serverButton.setToolTip(self.tr(
            "Sedang luring: pencarian di server tersedia setelah meja terhubung ke server kota."))
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.run_search)
        self.ui.searchBox.textChanged.connect(self._debounce.start)
        self.ui.searchBox.returnPressed.connect(self.run_search)

    def run_search(self) -> None:
        text = self.ui.searchBox.text()
        store = self._ctx.store

        def work() -> tuple[list[TicketSummary], dict[str, int]]:
            # The SLA arithmetic runs here too, off the GUI thread.
            results = search(store, text, limit=RESULT_LIMIT)
            now = datetime.now(UTC)
            overdue = {r.uuid: overdue_working_days(r, self._policy, self._calendar, now)
                       for r in results}
            return results, overdue

        self._ctx.runner.run(work, self._show, lambda exc: show_error(self, exc), key="lookup")

    def _show(self, found: tuple[list[TicketSummary], dict[str, int]]) -> None:
        results, overdue = found
        self.model.set_rows(results, overdue)
        self.ui.resultLabel.setText(fill(self.tr("%1 hasil"), len(results)))
        self.resultsShown.emit(len(results))

    def selected_uuid(self) -> str | None:
        index = self.ui.resultsTable.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row()).uuid

    def _activated(self) -> None:
        uuid = self.selected_uuid()
        if uuid is not None:
            self.openTicket.emit(uuid)

    def focus_search(self) -> None:
        self.ui.searchBox.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.searchBox.selectAll()
