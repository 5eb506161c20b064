"""A read-only table model over immutable `TicketSummary` snapshots (Vorta style)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from posko.store.search import TicketSummary

_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("TicketTableModel", text)


class TicketTableModel(QAbstractTableModel):
    COLUMNS = ("code", "date", "status", "category", "refs", "description")

    def __init__(self, language: str = "id", parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[TicketSummary, ...] = ()
        self._language = language

    def set_rows(self, rows: Sequence[TicketSummary]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def row_at(self, row: int) -> TicketSummary:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (_tr("Kode pelacakan"), _tr("Tanggal"), _tr("Status"), _tr("Kategori"),
                _tr("Nomor aplikasi"), _tr("Uraian"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        item = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "code":
            return item.tracking_code
        if column == "date":
            return f"{item.created_at:%Y-%m-%d}"
        if column == "status":
            return item.status.label_en if self._language == "en" else item.status.label_id
        if column == "category":
            return item.category
        if column == "refs":
            return item.external_refs
        return item.description
