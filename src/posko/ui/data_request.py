"""A citizen's data request (UU PDP art. 32), for the camat/sekcam only: find everything held
about one person by NIK, phone or name, export it (PDF + JSON, with its processing history)
and erase it (anonymise) as far as the retention period allows. The work is done by
posko.store.data_request on the BackgroundRunner; this screen never shows a NIK or phone in
a table or a message (only tracking codes and how each ticket matched)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QWidget,
)

from posko.domain.errors import PoskoError
from posko.store import data_request as dr
from posko.ui.context import DeskContext, show_error
from posko.ui.forms.ui_data_request import Ui_DataRequestDialog
from posko.ui.i18n import current_language, fill
from posko.ui.snapshot_model import SnapshotTableModel

_Index = QModelIndex | QPersistentModelIndex
LISTED_IN_CONFIRMATION = 12  # tracking codes named per group in the confirmation


@dataclass(frozen=True, slots=True)
class FoundRow:
    """One ticket found, with what an erasure could do with it today."""

    ticket: dr.FoundTicket
    check: dr.ErasureCheck | None


def match_label(kind: str) -> str:
    return {
        "nik": QCoreApplication.translate("DataRequest", "NIK"),
        "phone": QCoreApplication.translate("DataRequest", "telepon"),
        "name": QCoreApplication.translate("DataRequest", "nama"),
    }.get(kind, kind)


def erasure_label(check: dr.ErasureCheck | None, timezone: Any) -> str:
    if check is None:
        return ""
    if check.allowed:
        return QCoreApplication.translate("DataRequest", "dapat dihapus sekarang")
    if check.reason == "retention" and check.allowed_from is not None:
        day = check.allowed_from.astimezone(timezone).date() if timezone else \
            check.allowed_from.date()
        return fill(QCoreApplication.translate(
            "DataRequest", "menunggu masa simpan (mulai %1)"), f"{day:%d-%m-%Y}")
    if check.reason == "unsent":
        return fill(QCoreApplication.translate(
            "DataRequest", "menunggu %1 perubahan terkirim ke server"), check.unsent)
    return QCoreApplication.translate("DataRequest", "menunggu: tiket masih berjalan")


class FoundTableModel(SnapshotTableModel[FoundRow]):
    COLUMNS = ("code", "role", "matched", "status", "created", "erasure")

    def __init__(self, parent: Any = None, *, timezone: Any = None) -> None:
        super().__init__(parent)
        self._timezone = timezone

    def headers(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("FoundTableModel", "Tiket"),
            QCoreApplication.translate("FoundTableModel", "Peran"),
            QCoreApplication.translate("FoundTableModel", "Cocok lewat"),
            QCoreApplication.translate("FoundTableModel", "Status"),
            QCoreApplication.translate("FoundTableModel", "Dibuat"),
            QCoreApplication.translate("FoundTableModel", "Penghapusan"),
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        ticket = row.ticket
        column = self.COLUMNS[index.column()]
        if column == "code":
            return ticket.tracking_code
        if column == "role":
            return (QCoreApplication.translate("DataRequest", "pelapor") if ticket.as_reporter
                    else fill(QCoreApplication.translate("DataRequest",
                                                         "penanya (%1 tindak lanjut)"),
                              len(ticket.follow_up_uuids)))
        if column == "matched":
            return ", ".join(match_label(k) for k in ticket.matched_by)
        if column == "status":
            return (ticket.status.label_en if current_language() == "en"
                    else ticket.status.label_id)
        if column == "created":
            moment = ticket.created_at.astimezone(self._timezone) if self._timezone \
                else ticket.created_at
            return f"{moment:%d-%m-%Y}"
        return erasure_label(row.check, self._timezone)


class DataRequestDialog(QDialog):
    """`DataRequestDialog(ctx, parent).open()`; supervisors only (the menu action is hidden
    for officers, and the store refuses them too)."""

    found = Signal(int)  # tickets found by the last search (-1: the search failed)
    exported = Signal(str, str)  # the JSON and PDF paths written
    erased = Signal(int, int)  # tickets erased now, tickets waiting

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DataRequestDialog()
        self.ui.setupUi(self)
        self._ctx = ctx
        self._findings: dr.PersonFindings | None = None
        self.export_paths: tuple[Path, Path] | None = None
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        self.model = FoundTableModel(self, timezone=ctx.identity.timezone)
        self.ui.resultsTable.setModel(self.model)
        header = self.ui.resultsTable.horizontalHeader()
        for column in range(len(FoundTableModel.COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.ui.searchButton.clicked.connect(self.search)
        for edit in (self.ui.nikEdit, self.ui.phoneEdit, self.ui.nameEdit):
            edit.returnPressed.connect(self.search)
            edit.textEdited.connect(self._query_edited)
        self.ui.exportButton.clicked.connect(self.ask_export)
        self.ui.eraseButton.clicked.connect(self.ask_erase)

    # --- searching ---------------------------------------------------------------------

    def _allowed(self) -> bool:
        officer = self._ctx.officer
        return bool(officer and officer.is_supervisor)

    def _query_edited(self, _text: str) -> None:
        self.ui.errorLabel.clear()
        # What is listed no longer answers what is typed: no export/erasure of it.
        self._set_findings(None)

    def _set_findings(self, findings: dr.PersonFindings | None) -> None:
        self._findings = findings
        has = bool(findings and findings.tickets)
        self.ui.exportButton.setEnabled(findings is not None and self._allowed())
        self.ui.eraseButton.setEnabled(has and self._allowed())
        if findings is None:
            self.model.set_rows(())
            self.ui.summaryLabel.clear()

    def search(self) -> None:
        try:
            query = dr.person_query(nik=self.ui.nikEdit.text(), phone=self.ui.phoneEdit.text(),
                                    name=self.ui.nameEdit.text())
        except PoskoError as error:
            self.ui.errorLabel.setText(error.message(current_language()))
            self.found.emit(-1)
            return
        self.ui.errorLabel.clear()
        self._set_findings(None)
        self.ui.summaryLabel.setText(self.tr("Mencari…"))
        ctx = self._ctx

        def work() -> tuple[dr.PersonFindings, list[dr.ErasureCheck]]:
            findings = dr.find_person(ctx.store, ctx.cipher, query)
            return findings, dr.erasure_plan(ctx.store, findings)

        ctx.runner.run(work, self._show, self._failed, key=f"data-request-{id(self)}")

    def _show(self, result: tuple[dr.PersonFindings, list[dr.ErasureCheck]]) -> None:
        findings, checks = result
        by_uuid = {c.ticket_uuid: c for c in checks}
        self.model.set_rows([FoundRow(t, by_uuid.get(t.uuid)) for t in findings.tickets])
        self._set_findings(findings)
        if findings.tickets:
            self.ui.summaryLabel.setText(fill(
                self.tr("%1 tiket: %2 sebagai pelapor, %3 tindak lanjut yang ia tanyakan. "
                        "%4 dapat dihapus sekarang."),
                len(findings.tickets), len(findings.reporter_tickets),
                findings.follow_up_count, sum(1 for c in checks if c.allowed)))
        else:
            self.ui.summaryLabel.setText(self.tr(
                "Tidak ada data tentang orang ini di meja ini. Ekspor tetap dapat dibuat "
                "sebagai jawaban tertulis."))
        self.found.emit(len(findings.tickets))

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self.ui.summaryLabel.clear()
        if isinstance(error, PoskoError):
            self.ui.errorLabel.setText(error.message(current_language()))
        else:
            show_error(self, error)
        self.found.emit(-1)

    def _busy(self, busy: bool, text: str = "") -> None:
        self.ui.progressBar.setVisible(busy)
        self.ui.searchButton.setEnabled(not busy)
        self.ui.exportButton.setEnabled(not busy and self._findings is not None
                                        and self._allowed())
        self.ui.eraseButton.setEnabled(not busy and bool(self._findings
                                                         and self._findings.tickets)
                                       and self._allowed())
        if text:
            self.ui.summaryLabel.setText(text)

    # --- export ------------------------------------------------------------------------

    def ask_export(self) -> None:
        if self._findings is None:
            return
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        folder = Path(documents) if documents else Path.home()
        today = datetime.now(self._ctx.identity.timezone)
        suggested = folder / f"posko-data-warga-{today:%Y%m%d-%H%M}.pdf"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Ekspor data warga"), str(suggested),
            self.tr("PDF (dengan berkas JSON di sampingnya) (*.pdf)"))
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, target: Path) -> None:
        """Write `<target>.pdf` and `<target>.json` off the GUI thread."""
        findings = self._findings
        if findings is None:
            return
        ctx = self._ctx
        officer, language, allowed = ctx.officer_name, current_language(), self._allowed()
        self._busy(True, self.tr("Mengekspor…"))

        def done(paths: tuple[Path, Path]) -> None:
            self._busy(False)
            self.export_paths = paths
            json_path, pdf_path = paths
            self.ui.summaryLabel.setText(fill(
                self.tr("Diekspor ke %1 dan %2. Serahkan hanya kepada yang bersangkutan."),
                pdf_path.name, json_path.name))
            self.exported.emit(str(json_path), str(pdf_path))

        def failed(error: BaseException) -> None:
            if isinstance(error, OSError):
                self._busy(False)
                self.ui.summaryLabel.clear()
                self.ui.errorLabel.setText(self.tr(
                    "Berkas tidak dapat disimpan di tempat itu. Pilih folder lain."))
                return
            self._failed(error)

        ctx.runner.run(lambda: dr.write_export(
            ctx.store, ctx.cipher, findings, target, officer=officer,
            is_supervisor=allowed, language=language,
            timezone=ctx.identity.timezone), done, failed)

    # --- erasure -----------------------------------------------------------------------

    def confirmation_text(self) -> str:
        """What the confirmation says: which tickets are erased now, which wait, and why."""
        rows = [self.model.row_at(i) for i in range(self.model.rowCount())]
        now = [r.ticket.tracking_code for r in rows if r.check and r.check.allowed]
        waiting = [(r.ticket.tracking_code, erasure_label(r.check, self._ctx.identity.timezone))
                   for r in rows if not (r.check and r.check.allowed)]
        lines = [self.tr("Nama, telepon dan NIK orang ini akan dihapus dari tiketnya; tiket "
                         "tetap ada tanpa identitas pelapor. Tidak dapat dibatalkan."), ""]
        if now:
            lines.append(fill(self.tr("Dihapus sekarang (%1): %2"), len(now),
                              _some(now)))
        else:
            lines.append(self.tr("Belum ada yang dapat dihapus sekarang."))
        if waiting:
            lines.append("")
            lines.append(fill(self.tr("Menunggu, lalu dihapus otomatis (%1):"), len(waiting)))
            lines += [f"• {code} — {why}" for code, why in waiting[:LISTED_IN_CONFIRMATION]]
            if len(waiting) > LISTED_IN_CONFIRMATION:
                lines.append(fill(self.tr("… dan %1 tiket lain"),
                                  len(waiting) - LISTED_IN_CONFIRMATION))
        return "\n".join(lines)

    def ask_erase(self) -> None:
        if not (self._findings and self._findings.tickets):
            return
        answer = QMessageBox.question(
            self, self.tr("Hapus data warga?"), self.confirmation_text(),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.erase_confirmed()

    def erase_confirmed(self) -> None:
        findings = self._findings
        if not (findings and findings.tickets):
            return
        ctx = self._ctx
        officer, allowed = ctx.officer_name, self._allowed()
        self._busy(True, self.tr("Menghapus…"))

        def work() -> dr.ErasureOutcome:
            from posko.store.desk import master_key
            from posko.store.drafts import DraftBox

            drafts = DraftBox(ctx.paths.data_dir, master_key(ctx.store, ctx.secrets))
            return dr.request_erasure(ctx.store, ctx.cipher, findings, officer=officer,
                                      is_supervisor=allowed, drafts=drafts,
                                      backup_dir=ctx.paths.backup_dir)

        def done(outcome: dr.ErasureOutcome) -> None:
            self._busy(False)
            self._set_findings(None)
            self.ui.summaryLabel.setText(fill(
                self.tr("Permintaan hapus dicatat: %1 tiket dianonimkan sekarang, %2 menunggu "
                        "dan akan dihapus otomatis."), len(outcome.erased),
                len(outcome.waiting)))
            self.erased.emit(len(outcome.erased), len(outcome.waiting))

        ctx.runner.run(work, done, self._failed)


def _some(codes: list[str]) -> str:
    shown = ", ".join(codes[:LISTED_IN_CONFIRMATION])
    if len(codes) > LISTED_IN_CONFIRMATION:
        shown += ", …"
    return shown
