"""The first desk window: who this desk is, and search-as-you-type over local tickets.

The full intake/assisted/queue UI comes with the desk UI work; this window proves the stack
(store -> Qt) and is what `posko-desk` opens today.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from posko.store.database import Store
from posko.store.desk import DeskIdentity
from posko.store.search import count_tickets, search
from posko.ui.ticket_table import TicketTableModel

SEARCH_DELAY_MS = 150  # wait for a pause in typing before querying


class MainWindow(QMainWindow):
    def __init__(self, store: Store, identity: DeskIdentity, kecamatan_name: str,
                 language: str = "id") -> None:
        super().__init__()
        self._store = store
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("Posko — Kecamatan %1, Meja %2")
                            .replace("%1", kecamatan_name)
                            .replace("%2", str(identity.desk_number)))
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.heading = QLabel(self.tr("Cari tiket (kode, nomor aplikasi, nama, telepon, alamat):"))
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText(self.tr("mis. QLUE 1234567, 0812…, Jl. Raya Bogor"))
        self.search_box.setClearButtonEnabled(True)
        self.model = TicketTableModel(language, self)
        self.table = QTableView()
        self.table.setObjectName("resultsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.search_box)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        self.resize(1000, 640)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(self._debounce.start)
        self.statusBar().showMessage(
            self.tr("%1 tiket tersimpan di meja ini").replace("%1",
                                                              f"{count_tickets(store):,}"))

    def run_search(self) -> None:
        results = search(self._store, self.search_box.text())
        self.model.set_rows(results)
        self.statusBar().showMessage(self.tr("%1 hasil").replace("%1", str(len(results))))
