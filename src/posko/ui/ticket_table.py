"""A read-only table model over immutable `TicketSummary` snapshots (Vorta style), with a
status badge colour and an age / overdue marker from the domain SLA calculator."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from posko.domain.errors import DomainError
from posko.domain.status import Status
from posko.store.search import TicketSummary
from posko.store.sync_state import RecordState, SyncBadge
from posko.ui.i18n import fill
from posko.ui.snapshot_model import SnapshotTableModel

if TYPE_CHECKING:  # the SLA tables (holidays) and the catalogues load with the first rows
    from posko.domain.sla import SlaPolicy, WorkingCalendar

_Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

_BADGE = {  # background colours with dark text: readable and distinct
    Status.RECEIVED: "#e3f2fd", Status.VERIFIED: "#e8eaf6", Status.DISPATCHED: "#ede7f6",
    Status.IN_PROGRESS: "#fff8e1", Status.AWAITING_VALIDATION: "#fff3e0",
    Status.FOLLOWUP_REJECTED: "#fbe9e7", Status.REOPENED: "#fbe9e7", Status.DONE: "#e8f5e9",
    Status.REJECTED: "#eeeeee", Status.NOT_OUR_AUTHORITY: "#eeeeee", Status.MERGED: "#eeeeee",
}


# Per-record sync state: text first (never colour alone), a colour swatch and text colour.
SYNC_COLORS = {RecordState.SENT: "#1b5e20", RecordState.WAITING: "#8a5300",
               RecordState.LOCAL_ONLY: "#455a64", RecordState.NEEDS_ATTENTION: "#b00020"}


def sync_label(state: RecordState) -> str:
    return {
        RecordState.SENT: QCoreApplication.translate("SyncBadge", "Terkirim"),
        RecordState.WAITING: QCoreApplication.translate("SyncBadge", "Menunggu"),
        RecordState.LOCAL_ONLY: QCoreApplication.translate("SyncBadge", "Lokal saja"),
        RecordState.NEEDS_ATTENTION: QCoreApplication.translate("SyncBadge",
                                                                "Perlu perhatian"),
    }[state]


def sync_tooltip(badge: SyncBadge, language: str) -> str:
    if badge.reason is not None:
        return badge.reason.message(language)
    return QCoreApplication.translate("SyncBadge", "Sudah diterima server kota.")


def overdue_working_days(item: TicketSummary, policy: SlaPolicy, calendar: WorkingCalendar,
                         now: datetime) -> int:
    """Working days past the resolution deadline (0 when not overdue or closed). Pure, so
    the lookup computes it on the worker thread together with the search."""
    if not item.status.is_open:
        return 0
    from posko.domain.sla import tier_due

    try:
        deadline = tier_due(policy.tier("resolution", item.needs_field_check), calendar,
                            item.created_at)
    except KeyError:
        return 0
    if now <= deadline:
        return 0
    return max(1, calendar.working_days_between(deadline, now))


def reporter_text(item: TicketSummary) -> str:
    """The lookup's reporter column: a named citizen's name, "Anonim" for an anonymous one
    (never the name they may have left at the kecamatan), "Kecamatan" for an officer's own
    finding, "" when the row does not say (server and Open311 rows)."""
    if item.reporter_kind == "anonymous":
        return QCoreApplication.translate("TicketTableModel", "Anonim")
    if item.reporter_kind == "kecamatan":
        return QCoreApplication.translate("TicketTableModel", "Kecamatan")
    if item.reporter_kind == "named":
        return item.reporter_name or ""
    return ""


class TicketTableModel(SnapshotTableModel[TicketSummary]):
    COLUMNS = ("code", "date", "status", "age", "category", "refs", "reporter", "sync",
               "description")

    def __init__(self, language: str = "id", parent: Any = None, *,
                 policy: SlaPolicy | None = None, calendar: WorkingCalendar | None = None,
                 now: datetime | None = None) -> None:
        super().__init__(parent)
        self._overdue: dict[str, int] | None = None
        self._sync: dict[str, SyncBadge] = {}  # uuid -> sync badge (local tickets only)
        self._language = language
        self._policy = policy
        self._calendar = calendar
        self._now = now

    def sla(self) -> tuple[SlaPolicy, WorkingCalendar]:
        """The SLA policy and working calendar, loaded on first use (any thread)."""
        if self._policy is None or self._calendar is None:
            from posko.domain.sla import default_calendar, default_policy

            self._policy = self._policy or default_policy()
            self._calendar = self._calendar or default_calendar()
        return self._policy, self._calendar

    def set_rows(self, rows: Sequence[TicketSummary],
                 overdue: dict[str, int] | None = None,
                 sync: dict[str, SyncBadge] | None = None) -> None:
        """Show `rows`; `overdue` (uuid -> working days late) and `sync` (uuid -> badge) may
        come precomputed, in the same reset (a second change would make the view measure
        every column again)."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self._overdue = dict(overdue) if overdue is not None else None
        if sync is not None:
            self._sync = dict(sync)
        self.endResetModel()

    def headers(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("TicketTableModel", "Kode pelacakan"),
            QCoreApplication.translate("TicketTableModel", "Tanggal"),
            QCoreApplication.translate("TicketTableModel", "Status"),
            QCoreApplication.translate("TicketTableModel", "Umur / SLA"),
            QCoreApplication.translate("TicketTableModel", "Kategori"),
            QCoreApplication.translate("TicketTableModel", "Nomor aplikasi"),
            QCoreApplication.translate("TicketTableModel", "Pelapor"),
            QCoreApplication.translate("TicketTableModel", "Sinkron"),
            QCoreApplication.translate("TicketTableModel", "Uraian"),
        )

    def set_sync_states(self, states: dict[str, SyncBadge]) -> None:
        """Show (fresh) sync badges: after a search, after a sync run, after "Kirim ulang"."""
        self._sync = dict(states)
        if self._rows:
            column = self.COLUMNS.index("sync")
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def sync_badge(self, row: int) -> SyncBadge | None:
        return self._sync.get(self._rows[row].uuid)

    def overdue_days(self, item: TicketSummary) -> int:
        """Working days past the resolution deadline (0 when not overdue or closed)."""
        if self._overdue is not None and item.uuid in self._overdue:
            return self._overdue[item.uuid]
        return overdue_working_days(item, *self.sla(), self._now or datetime.now(UTC))

    def _category_name(self, code: str) -> str:
        from posko import catalogues

        try:
            return catalogues.category(code).name(self._language)
        except DomainError:
            return code

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "sync":
            return self._sync_data(item, role)
        if role == Qt.ItemDataRole.BackgroundRole and column == "status":
            return QBrush(QColor(_BADGE[item.status]))
        if role == Qt.ItemDataRole.ForegroundRole and column == "age" and self.overdue_days(item):
            return QBrush(QColor("#b00020"))
        if role == SORT_ROLE:
            if column == "date":
                return item.created_at.isoformat()
            if column == "age":
                return self.overdue_days(item) * 100_000 + (
                    (self._now or datetime.now(UTC)) - item.created_at).days
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == "code":
            return item.tracking_code
        if column == "date":
            return f"{item.created_at:%Y-%m-%d}"
        if column == "status":
            return item.status.label_en if self._language == "en" else item.status.label_id
        if column == "age":
            age = ((self._now or datetime.now(UTC)) - item.created_at).days
            late = self.overdue_days(item)
            text = fill(QCoreApplication.translate("TicketTableModel", "%1 hari"), age)
            if late:
                text += " · " + fill(QCoreApplication.translate(
                    "TicketTableModel", "terlambat %1 hari kerja"), late)
            return text
        if column == "category":
            return self._category_name(item.category)
        if column == "refs":
            return item.external_refs
        if column == "reporter":
            return reporter_text(item)
        return item.description

    def _sync_data(self, item: TicketSummary, role: int) -> Any:
        badge = self._sync.get(item.uuid)
        if badge is None:  # a server-only / Open311 row, or states still loading
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return sync_label(badge.state)
        if role == Qt.ItemDataRole.ToolTipRole:
            return sync_tooltip(badge, self._language)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(SYNC_COLORS[badge.state]))
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(SYNC_COLORS[badge.state])
        if role == SORT_ROLE:
            return badge.state.rank
        return None
