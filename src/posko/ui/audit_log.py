"""The audit log viewer for the camat/sekcam (supervisors only; officers never see the menu
action): filters, a page of entries newest first over immutable snapshots, more on demand,
and a CSV export of everything the filters match. All reads run on the BackgroundRunner."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QWidget

from posko.domain.errors import DomainError
from posko.domain.status import Status
from posko.store.audit_log import (
    AUDIT_ACTIONS,
    AuditCursor,
    AuditFilter,
    AuditPage,
    AuditRecord,
    export_csv,
    query_audit,
)
from posko.store.officers import OfficerInfo, list_officers
from posko.ui.context import DeskContext, show_error
from posko.ui.forms.ui_audit_log import Ui_AuditLogDialog
from posko.ui.i18n import current_language, fill
from posko.ui.snapshot_model import SnapshotTableModel

_Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200
DATE_RANGE_DAYS = 7  # what the date fields offer when first ticked


def action_label(action: str) -> str:
    """The action in words (the code itself when this desk does not know it)."""
    labels = {
        "ticket.create": QCoreApplication.translate("AuditLog", "Tiket dibuat"),
        "ticket.status": QCoreApplication.translate("AuditLog", "Status diubah"),
        "ticket.note": QCoreApplication.translate("AuditLog", "Catatan ditambahkan"),
        "ticket.external_ref": QCoreApplication.translate("AuditLog", "Nomor aplikasi ditambahkan"),
        "ticket.chase": QCoreApplication.translate("AuditLog", "Tindak lanjut dicatat"),
        "ticket.print_case": QCoreApplication.translate("AuditLog", "Berkas kasus dicetak"),
        "ticket.merge": QCoreApplication.translate("AuditLog", "Tiket digabung"),
        "ticket.merge_undo": QCoreApplication.translate("AuditLog", "Penggabungan dibatalkan"),
        "attachment.add": QCoreApplication.translate("AuditLog", "Lampiran ditambahkan"),
        "nik.unmasked": QCoreApplication.translate("AuditLog", "NIK lengkap dilihat"),
        "officer.sign_in": QCoreApplication.translate("AuditLog", "Masuk"),
        "officer.sign_in_failed": QCoreApplication.translate("AuditLog", "Gagal masuk"),
        "officer.create": QCoreApplication.translate("AuditLog", "Petugas dibuat"),
        "queue.take": QCoreApplication.translate("AuditLog", "Nomor antrean diambil"),
        "queue.call": QCoreApplication.translate("AuditLog", "Nomor antrean dipanggil"),
        "queue.served": QCoreApplication.translate("AuditLog", "Antrean dilayani"),
        "queue.left": QCoreApplication.translate("AuditLog", "Antrean pergi"),
        "desk.initialise": QCoreApplication.translate("AuditLog", "Meja disiapkan"),
        "desk.enrol": QCoreApplication.translate("AuditLog", "Meja didaftarkan ke server"),
        "sequences.skipped_after_restore":
            QCoreApplication.translate("AuditLog", "Nomor dilompati setelah pemulihan"),
        "audit.export": QCoreApplication.translate("AuditLog", "Log audit diekspor"),
        "sync.resend": QCoreApplication.translate("AuditLog", "Perubahan dikirim ulang"),
        "data_request.export":
            QCoreApplication.translate("AuditLog", "Data warga diekspor (UU PDP)"),
        "data_request.erase_request":
            QCoreApplication.translate("AuditLog", "Permintaan hapus data warga"),
        "data_request.erase":
            QCoreApplication.translate("AuditLog", "Data pelapor dianonimkan"),
        "data_request.retention":
            QCoreApplication.translate("AuditLog", "Masa simpan data diubah"),
    }
    return labels.get(action, action)


def detail_text(action: str, detail: str, language: str) -> str:
    """The stored detail for people: a status path (``received->verified``) in the status
    labels of the desk's language; anything else as stored (it never holds personal data)."""
    if action != "ticket.status":
        return detail

    def label(code: str) -> str:
        try:
            status = Status(code)
        except ValueError:
            return code
        return status.label_en if language == "en" else status.label_id

    return " ".join(" → ".join(label(code) for code in word.split("->")) if "->" in word
                    else word for word in detail.split(" "))


class AuditTableModel(SnapshotTableModel[AuditRecord]):
    """Read-only rows over immutable `AuditRecord` snapshots; `append` for the next page."""

    COLUMNS = ("at", "officer", "action", "ticket", "detail")

    def __init__(self, parent: Any = None, *, timezone: Any = None) -> None:
        super().__init__(parent)
        self._timezone = timezone

    def append(self, rows: Sequence[AuditRecord]) -> None:
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows = self._rows + tuple(rows)
        self.endInsertRows()

    def headers(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("AuditTableModel", "Waktu"),
            QCoreApplication.translate("AuditTableModel", "Petugas"),
            QCoreApplication.translate("AuditTableModel", "Tindakan"),
            QCoreApplication.translate("AuditTableModel", "Tiket"),
            QCoreApplication.translate("AuditTableModel", "Keterangan"),
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "action":
                return item.action
            if column == "ticket":
                return item.entity_uuid
            if column == "detail":
                return item.detail  # as stored
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == "at":
            moment = item.at.astimezone(self._timezone) if self._timezone else item.at
            return f"{moment:%d-%m-%Y %H:%M:%S}"
        if column == "officer":
            return item.officer
        if column == "action":
            return action_label(item.action)
        if column == "ticket":
            return item.tracking_code or ""
        return detail_text(item.action, item.detail, current_language())


class AuditLogDialog(QDialog):
    """`AuditLogDialog(ctx, parent).open()`; filters apply with "Tampilkan" (or Enter)."""

    loaded = Signal()  # a page (first or next) has been shown, or the filter failed
    exported = Signal(int)  # rows written by "Ekspor CSV…"

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AuditLogDialog()
        self.ui.setupUi(self)
        self._ctx = ctx
        self._filters = AuditFilter()
        self._cursor: AuditCursor | None = None
        self.export_path: Path | None = None
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        self.model = AuditTableModel(self, timezone=ctx.identity.timezone)
        table = self.ui.auditTable
        table.setModel(self.model)
        header = table.horizontalHeader()
        fit = QHeaderView.ResizeMode.ResizeToContents
        for column in range(len(AuditTableModel.COLUMNS) - 1):
            header.setSectionResizeMode(column, fit)
        self.ui.moreButton.hide()
        today = self._today()
        self.ui.toDate.setDate(QDate(today.year, today.month, today.day))
        self.ui.fromDate.setDate(self.ui.toDate.date().addDays(-DATE_RANGE_DAYS))
        self._fill_actions()
        self.ui.officerCombo.addItem(self.tr("Semua petugas"), None)
        self.ui.applyButton.clicked.connect(self.apply_filters)
        self.ui.ticketEdit.returnPressed.connect(self.apply_filters)
        self.ui.ticketEdit.textEdited.connect(lambda _t: self.ui.filterError.clear())
        self.ui.moreButton.clicked.connect(self.load_more)
        self.ui.exportButton.clicked.connect(self.ask_export)
        store = ctx.store
        ctx.runner.run(lambda: list_officers(store), self._fill_officers, self._failed,
                       key=f"audit-officers-{id(self)}")
        self.apply_filters()

    def _today(self) -> date:
        return datetime.now(self._ctx.identity.timezone).date()

    def _fill_actions(self) -> None:
        combo = self.ui.actionCombo
        combo.addItem(self.tr("Semua tindakan"), None)
        combo.addItem(self.tr("Semua perubahan tiket"), "ticket.")
        for action in AUDIT_ACTIONS:
            combo.addItem(action_label(action), action)

    def _fill_officers(self, officers: list[OfficerInfo]) -> None:
        combo = self.ui.officerCombo
        chosen = combo.currentData()
        for officer in officers:
            combo.addItem(fill(self.tr("%1 (%2)"), officer.full_name, officer.username),
                          officer.username)
        combo.addItem(self.tr("Sistem (otomatis)"), "system")
        index = combo.findData(chosen)
        combo.setCurrentIndex(max(0, index))

    # --- filters and loading -----------------------------------------------------------

    def filters(self) -> AuditFilter:
        """The filter the fields describe now."""
        ui = self.ui
        first = last = None
        if ui.dateGroup.isChecked():
            first, last = ui.fromDate.date().toPython(), ui.toDate.date().toPython()
            if first > last:
                first, last = last, first
        return AuditFilter(officer=ui.officerCombo.currentData() or None,
                           date_from=first, date_to=last,
                           ticket=ui.ticketEdit.text().strip() or None,
                           action=ui.actionCombo.currentData() or None)

    def apply_filters(self) -> None:
        self.ui.filterError.clear()
        self._filters = self.filters()
        self._cursor = None
        self.ui.moreButton.hide()
        self.ui.countLabel.setText(self.tr("Memuat…"))
        self._load(None)

    def load_more(self) -> None:
        if self._cursor is not None:
            self.ui.moreButton.setEnabled(False)
            self._load(self._cursor)

    def _load(self, after: AuditCursor | None) -> None:
        ctx, filters = self._ctx, self._filters
        ctx.runner.run(
            lambda: query_audit(ctx.store, filters, timezone=ctx.identity.timezone,
                                limit=PAGE_SIZE, after=after),
            lambda page: self._show(page, append=after is not None), self._failed,
            key=f"audit-log-{id(self)}")

    def _show(self, page: AuditPage, *, append: bool) -> None:
        if append:
            self.model.append(page.entries)
        else:
            self.model.set_rows(page.entries)
        self._cursor = page.next_cursor
        self.ui.moreButton.setVisible(page.next_cursor is not None)
        self.ui.moreButton.setEnabled(True)
        count = self.model.rowCount()
        if page.next_cursor is not None:
            text = fill(self.tr("%1 entri pertama ditampilkan"), count)
        elif count:
            text = fill(self.tr("%1 entri"), count)
        else:
            text = self.tr("Tidak ada entri yang cocok.")
        self.ui.countLabel.setText(text)
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.ui.moreButton.setEnabled(True)
        self.ui.countLabel.clear()
        if isinstance(error, DomainError):
            self.ui.filterError.setText(error.message(current_language()))
        else:
            show_error(self, error)
        self.loaded.emit()

    # --- export ------------------------------------------------------------------------

    def ask_export(self) -> None:
        """Ask where to save, then write every entry the shown filters match."""
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        folder = Path(documents) if documents else Path.home()
        suggested = folder / f"posko-audit-{self._today():%Y%m%d}.csv"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Ekspor log audit"), str(suggested),
            self.tr("Berkas CSV (*.csv)"))
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".csv":
            target = target.with_name(target.name + ".csv")
        self.export_to(target)

    def export_to(self, target: Path) -> None:
        ctx, filters = self._ctx, self._filters
        officer, language = ctx.officer_name, current_language()
        self.ui.exportButton.setEnabled(False)
        self.ui.countLabel.setText(self.tr("Mengekspor…"))

        def done(count: int) -> None:
            self.ui.exportButton.setEnabled(True)
            self.export_path = target
            self.ui.countLabel.setText(fill(self.tr("%1 entri diekspor ke %2"), count,
                                            target.name))
            self.exported.emit(count)

        def failed(error: BaseException) -> None:
            self.ui.exportButton.setEnabled(True)
            self.ui.countLabel.clear()
            if isinstance(error, OSError):
                self.ui.filterError.setText(self.tr(
                    "Berkas tidak dapat disimpan di tempat itu. Pilih folder lain."))
            else:
                self._failed(error)

        ctx.runner.run(lambda: export_csv(ctx.store, filters, target, officer=officer,
                                          timezone=ctx.identity.timezone, language=language),
                       done, failed)
