"""Cari tiket: search-as-you-type over the local DB, off the GUI thread, newest query wins.

"Cari di server juga" (enrolled desks only) runs the same query locally and on the city
server (GET /v1/tickets); server-only tickets are appended after the local ones and marked.

"Cari di Open311" (when an Open311 GeoReport v2 address is set in Pengaturan) runs the query
locally and asks that endpoint for the request id (requests.json?service_request_id=…, then
requests/{id}.json); what it knows is appended after the local results, marked "[Open311]".
Its api key comes from the keyring only. Failures are said in the result label.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

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

from posko.domain.errors import PoskoError
from posko.store.search import TicketSummary, search
from posko.store.sync_state import SyncBadge, ticket_sync_states
from posko.ui.context import DeskContext, enrolled_server_url, show_error
from posko.ui.forms.ui_lookup_page import Ui_LookupPage
from posko.ui.i18n import current_language, fill
from posko.ui.settings import OPEN311_API_KEY_SECRET, OPEN311_JURISDICTION, OPEN311_URL
from posko.ui.sync_status import sync_events
from posko.ui.ticket_table import SORT_ROLE, TicketTableModel, overdue_working_days

if TYPE_CHECKING:  # posko.sync (requests) loads on the worker of the first server search
    from posko.sync.client import SyncError
    from posko.sync.open311 import Open311Endpoint, Open311Request

SEARCH_DELAY_MS = 120  # short pause in typing before querying
RESULT_LIMIT = 200
SERVER_LIMIT = 100  # the most GET /v1/tickets returns
SERVER_ONLY_BACKGROUND = "#fff4d6"  # pale amber: not on this desk yet
OPEN311_UUID_PREFIX = "open311:"  # row keys of Open311 results (they have no ticket uuid)


@dataclass(frozen=True, slots=True)
class LookupResult:
    """One search's outcome, built on the worker thread."""

    rows: tuple[TicketSummary, ...]  # local results first, then server-only ones
    overdue: dict[str, int]
    server_only: frozenset[str]  # uuids found only on the server
    asked_server: bool = False
    server_error: SyncError | None = None
    open311: frozenset[str] = frozenset()  # row uuids of Open311 results
    asked_open311: bool = False
    open311_error: PoskoError | None = None
    sync: dict[str, SyncBadge] = field(default_factory=dict)  # local rows' sync badges


class LookupTableModel(TicketTableModel):
    """The ticket table with server-only and Open311 rows marked: text in the refs column
    (not colour alone) and a pale background on every column but the status badge."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._server_only: frozenset[str] = frozenset()
        self._open311: frozenset[str] = frozenset()

    def set_results(self, rows: Sequence[TicketSummary], overdue: dict[str, int],
                    server_only: frozenset[str], open311: frozenset[str] = frozenset(),
                    sync: dict[str, SyncBadge] | None = None) -> None:
        self._server_only = server_only
        self._open311 = open311
        self.set_rows(rows, overdue, sync)

    def is_server_only(self, row: int) -> bool:
        return self.row_at(row).uuid in self._server_only

    def is_open311(self, row: int) -> bool:
        return self.row_at(row).uuid in self._open311

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return super().data(index, role)
        if self.is_server_only(index.row()):
            marker = self.tr("[server]")
            tooltip = self.tr("Hanya ada di server kota; belum tersinkron ke meja ini.")
        elif self.is_open311(index.row()):
            marker = self.tr("[Open311]")
            tooltip = self.tr("Dari sumber Open311; bukan tiket meja ini. Status dan "
                              "kategori menurut server Open311.")
        else:
            return super().data(index, role)
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and column != "status":
            return QBrush(QColor(SERVER_ONLY_BACKGROUND))
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip
        if role == Qt.ItemDataRole.DisplayRole and column == "refs":
            refs = super().data(index, role)
            return f"{marker} {refs}" if refs else marker
        return super().data(index, role)


def open311_summary(req: Open311Request, now: datetime) -> TicketSummary | None:
    """An Open311 request as a lookup row (None when its id cannot be a reference)."""
    from posko.sync.open311 import to_lookup_result

    try:
        found = to_lookup_result(req)
    except PoskoError:
        return None
    created = found.requested_at or now
    if created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    return TicketSummary(
        uuid=OPEN311_UUID_PREFIX + found.ref.number,
        tracking_code=found.ref.number,
        status=found.status,
        category=found.category or found.service_name,
        kelurahan_code=found.location.kelurahan_code if found.location else "",
        address=found.address,
        description=found.description,
        created_at=created,
        external_refs=str(found.ref),
        origin="open311",
    )


def ask_open311(endpoint: Open311Endpoint, text: str) -> list[Open311Request]:
    """requests.json?service_request_id=…, falling back to requests/{id}.json."""
    from posko.sync.open311 import Open311Client

    with Open311Client(endpoint) as client:
        found = client.find(text)
        if not found:
            one = client.service_request(text)
            found = [one] if one is not None else []
    return found


class LookupPage(QWidget):
    openTicket = Signal(str)  # noqa: N815 - ticket uuid
    resultsShown = Signal(int)  # noqa: N815 - for tests and the status bar

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LookupPage()
        self.ui.setupUi(self)
        self._ctx = ctx
        # The SLA policy and calendar (the holiday tables) load with the first search.
        self.model = LookupTableModel(ctx.language, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.ui.resultsTable.setModel(self.proxy)
        # Newest first (the search order) until the officer clicks a column header.
        self.ui.resultsTable.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)
        header = self.ui.resultsTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(25)  # size columns from the first rows only
        header.setStretchLastSection(True)
        self.ui.resultsTable.doubleClicked.connect(self._activated)
        self.ui.resultsTable.selectionModel().selectionChanged.connect(self.update_merge_button)
        self.ui.mergeButton.clicked.connect(self.open_merge)
        self.merge_dialog: Any = None
        self._notice = ""  # said before the next results (after a merge)
        self.update_merge_button()
        self.ui.serverButton.clicked.connect(self.run_server_search)
        self.ui.open311Button.clicked.connect(self.run_open311_search)
        self.update_server_button()
        self.update_open311_button()
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.run_search)
        self.ui.searchBox.textChanged.connect(self._debounce.start)
        self.ui.searchBox.returnPressed.connect(self.run_search)
        # "Sinkron" column: fresh states after each sync run and each "Kirim ulang".
        sync_events(ctx).statesChanged.connect(self.refresh_sync_states)

    @property
    def enrolled(self) -> bool:
        return enrolled_server_url(self._ctx.store) is not None

    def update_server_button(self) -> None:
        """Enable "Cari di server juga" only on a desk enrolled with a city server."""
        enrolled = self.enrolled
        self.ui.serverButton.setEnabled(enrolled)
        self.ui.serverButton.setToolTip(
            self.tr("Cari juga tiket kecamatan ini di server kota (termasuk dari meja lain "
                    "dan aplikasi).") if enrolled else
            self.tr("Sedang luring: pencarian di server tersedia setelah meja terhubung ke "
                    "server kota."))

    @property
    def open311_url(self) -> str:
        return self._ctx.settings.get(OPEN311_URL).strip()

    def update_open311_button(self) -> None:
        """Enable "Cari di Open311" only when an Open311 address is set in Pengaturan."""
        configured = bool(self.open311_url)
        self.ui.open311Button.setEnabled(configured)
        self.ui.open311Button.setToolTip(
            self.tr("Cari nomor laporan ini di server Open311 yang diatur di Pengaturan.")
            if configured else
            self.tr("Atur alamat Open311 di Pengaturan untuk memakai pencarian ini."))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self.update_server_button()  # the desk may have been enrolled meanwhile
        self.update_open311_button()  # ... or the settings changed
        self.update_merge_button()  # ... or another officer signed in
        super().showEvent(event)

    def run_search(self) -> None:
        self._search(with_server=False)

    def run_server_search(self) -> None:
        if not self.ui.searchBox.text().strip():
            self.ui.resultLabel.setText(self.tr("Ketik dulu yang dicari."))
            return
        self._search(with_server=True)

    def run_open311_search(self) -> None:
        if not self.ui.searchBox.text().strip():
            self.ui.resultLabel.setText(self.tr("Ketik dulu yang dicari."))
            return
        if not self.open311_url:
            self.update_open311_button()
            return
        self._search(with_server=False, with_open311=True)

    def _search(self, *, with_server: bool, with_open311: bool = False) -> None:
        # A typing pause still pending would run after this one and, as the newest "lookup"
        # job, hide its results (the server's ones included).
        self._debounce.stop()
        text = self.ui.searchBox.text()
        ctx = self._ctx
        store, secrets = ctx.store, ctx.secrets
        # QSettings is read here, on the GUI thread; the keyring on the worker.
        open311_url = self.open311_url if with_open311 else ""
        jurisdiction = ctx.settings.get(OPEN311_JURISDICTION) if with_open311 else ""
        if with_server:
            self.ui.serverButton.setEnabled(False)
            self.ui.resultLabel.setText(self.tr("Mencari di server kota…"))
        if with_open311:
            self.ui.open311Button.setEnabled(False)
            self.ui.resultLabel.setText(self.tr("Mencari di Open311…"))

        def work() -> LookupResult:
            # The SLA arithmetic (and the network) run here too, off the GUI thread; so do
            # the first imports of the SLA tables and, when asked for, of posko.sync.
            rows = search(store, text, limit=RESULT_LIMIT)
            sync = ticket_sync_states(store, [r.uuid for r in rows])
            policy, calendar = self.model.sla()
            server_only: set[str] = set()
            error: SyncError | None = None
            if with_server:
                from posko.sync.client import SyncClient, SyncError
                from posko.sync.enrolment import load_token, server_url

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
            overdue = {r.uuid: overdue_working_days(r, policy, calendar, now)
                       for r in rows}
            open311: list[TicketSummary] = []
            open311_error: PoskoError | None = None
            if with_open311:
                from posko.sync.open311 import Open311Endpoint

                try:
                    endpoint = Open311Endpoint(open311_url,
                                               api_key=secrets.get(OPEN311_API_KEY_SECRET),
                                               jurisdiction_id=jurisdiction)
                    requests_found = ask_open311(endpoint, text)
                except PoskoError as exc:  # offline, refused, bad address, no keyring
                    open311_error = exc
                else:
                    shown = {r.tracking_code for r in rows}
                    for req in requests_found:
                        row = open311_summary(req, now)
                        if row is not None and row.tracking_code not in shown:
                            shown.add(row.tracking_code)
                            open311.append(row)
                            overdue[row.uuid] = 0  # another system's request: not our SLA
                rows += open311
            return LookupResult(tuple(rows), overdue, frozenset(server_only), with_server,
                                error, frozenset(r.uuid for r in open311), with_open311,
                                open311_error, sync)

        def failed(error: BaseException) -> None:
            self.update_server_button()
            self.update_open311_button()
            show_error(self, error)

        ctx.runner.run(work, self._show, failed, key="lookup")

    def _show(self, found: LookupResult) -> None:
        self.update_server_button()
        self.update_open311_button()
        self.model.set_results(found.rows, found.overdue, found.server_only, found.open311,
                               found.sync)
        self.update_merge_button()
        count = len(found.rows)
        text = fill(self.tr("%1 hasil"), count)
        if found.asked_open311 or found.asked_server:  # posko.sync was loaded for the ask
            from posko.sync.client import Offline, RequestRefused
        if found.asked_open311:
            problem = found.open311_error
            if isinstance(problem, Offline):
                text = self.tr("Open311 tidak terjangkau; hasil lokal saja.") + " " + text
            elif isinstance(problem, RequestRefused) and problem.status in (401, 403):
                text = fill(self.tr("Open311 menolak permintaan (HTTP %1): periksa kunci API "
                                    "di Pengaturan. Hasil lokal saja."),
                            problem.status) + " " + text
            elif problem is not None:
                text = fill(self.tr("Open311 tidak dapat dipakai: %1 Hasil lokal saja."),
                            problem.message(current_language())) + " " + text
            else:
                text = fill(self.tr("%1 hasil (%2 dari Open311)"), count, len(found.open311))
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
        if self._notice:
            text, self._notice = f"{self._notice} {text}", ""
        self.ui.resultLabel.setText(text)
        self.resultsShown.emit(count)

    def _local_uuids(self) -> list[str]:
        model = self.model
        return [model.row_at(row).uuid for row in range(model.rowCount())
                if not model.is_server_only(row) and not model.is_open311(row)]

    def refresh_sync_states(self) -> None:
        """Read the shown tickets' sync badges again (off the GUI thread)."""
        uuids = self._local_uuids()
        if not uuids:
            return
        store = self._ctx.store

        def show(states: dict[str, SyncBadge]) -> None:
            if set(states) == set(self._local_uuids()):  # not overtaken by a new search
                self.model.set_sync_states(states)

        self._ctx.runner.run(lambda: ticket_sync_states(store, uuids), show,
                             key="lookup-sync")

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
        if self.model.is_open311(row):
            self.ui.resultLabel.setText(self.tr(
                "Laporan ini dari Open311, bukan tiket meja ini; tidak bisa dibuka di sini."))
            return
        self.openTicket.emit(self.model.row_at(row).uuid)

    # --- merging (supervisors) ------------------------------------------------------------

    def selected_local_uuids(self) -> list[str]:
        """Uuids of the selected rows that are tickets of this desk, in table order."""
        rows = sorted(self.proxy.mapToSource(index).row()
                      for index in self.ui.resultsTable.selectionModel().selectedRows())
        return [self.model.row_at(row).uuid for row in rows
                if not self.model.is_server_only(row) and not self.model.is_open311(row)]

    def update_merge_button(self, *_args: object) -> None:
        """"Gabungkan…": supervisors only, with two or more tickets of this desk selected."""
        officer = self._ctx.officer
        button = self.ui.mergeButton
        if officer is None or not officer.is_supervisor:
            button.setEnabled(False)
            button.setToolTip(self.tr("Hanya camat/sekcam (supervisor) yang boleh "
                                      "menggabungkan tiket."))
            return
        enough = len(self.selected_local_uuids()) >= 2
        button.setEnabled(enough)
        button.setToolTip(
            self.tr("Gabungkan tiket-tiket terpilih menjadi satu tiket utama.") if enough else
            self.tr("Pilih dua tiket atau lebih dari meja ini (Ctrl+klik atau Shift+klik) "
                    "untuk digabung."))

    def open_merge(self) -> None:
        from posko.ui.merge_dialog import MergeDialog

        uuids = self.selected_local_uuids()
        officer = self._ctx.officer
        if len(uuids) < 2 or officer is None or not officer.is_supervisor:
            self.update_merge_button()
            return
        dialog = MergeDialog(self._ctx, uuids, self)
        dialog.merged.connect(self._merged)
        self.merge_dialog = dialog
        dialog.open()

    def _merged(self, survivor_uuid: str) -> None:
        """Refresh the results (statuses changed), say so, and open the survivor."""
        dialog = self.merge_dialog
        code = dialog.record.survivor_code if dialog is not None and dialog.record else ""
        self._notice = fill(self.tr("Tiket digabung ke %1."), code)
        self.ui.resultLabel.setText(self._notice)
        self.run_search()
        self.openTicket.emit(survivor_uuid)

    def focus_search(self) -> None:
        self.ui.searchBox.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.searchBox.selectAll()
