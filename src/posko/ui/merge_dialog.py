"""Gabungkan tiket: the supervisor merges two or more tickets about one problem into one.

Lists the chosen tickets (code, category, kelurahan, status, created, how many app numbers and
follow-ups each holds), offers the survivor (default: the oldest open ticket), an optional
note, and says plainly what will happen before anything is written. Loading and the merge
itself run on the BackgroundRunner; an error is said in the dialog, never as a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTreeWidgetItem,
    QWidget,
)

from posko import catalogues
from posko.domain.errors import DomainError, PoskoError
from posko.domain.status import Status, can_transition
from posko.store.merge import (
    MergeCandidate,
    MergeRecord,
    default_survivor,
    merge_candidates,
    merge_tickets,
)
from posko.ui.context import DeskContext, show_error
from posko.ui.forms.ui_merge_dialog import Ui_MergeDialog
from posko.ui.i18n import current_language, fill

SURVIVOR_BACKGROUND = "#e8f5e9"
BLOCKED_COLOR = "#b00020"


class MergeDialog(QDialog):
    """`MergeDialog(ctx, ticket_uuids, parent).open()`; `merged` carries the survivor's uuid."""

    merged = Signal(str)  # the survivor's uuid, after the merge was saved
    loaded = Signal()  # the tickets are listed (for tests)

    def __init__(self, ctx: DeskContext, ticket_uuids: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MergeDialog()
        self.ui.setupUi(self)
        self._ctx = ctx
        self._uuids = tuple(dict.fromkeys(ticket_uuids))
        self.candidates: tuple[MergeCandidate, ...] = ()
        self.record: MergeRecord | None = None
        self._saving = False
        self.confirm_button.setText(self.tr("Gabungkan"))
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.confirm_button.setEnabled(False)
        self.ui.buttons.accepted.connect(self.confirm)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.survivorCombo.currentIndexChanged.connect(self._survivor_changed)
        self.ui.noteEdit.textEdited.connect(lambda _t: self.ui.errorLabel.clear())
        header = self.ui.ticketsTree.header()
        header.setStretchLastSection(False)
        for column in range(self.ui.ticketsTree.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.ui.summaryLabel.setText(self.tr("Memuat tiket…"))
        store, uuids = ctx.store, self._uuids
        ctx.runner.run(lambda: merge_candidates(store, uuids), self._show, self._load_failed)

    @property
    def confirm_button(self) -> QPushButton:
        return self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)

    # --- loading -----------------------------------------------------------------------

    def _load_failed(self, error: BaseException) -> None:
        self.ui.summaryLabel.setText("")
        self._say_error(error)
        self.loaded.emit()

    def _show(self, candidates: list[MergeCandidate]) -> None:
        self.candidates = tuple(candidates)
        combo = self.ui.survivorCombo
        combo.blockSignals(True)
        combo.clear()
        language = current_language()
        for candidate in self.candidates:
            combo.addItem(fill(self.tr("%1 — %2, %3"), candidate.tracking_code,
                               _status_label(candidate.status, language),
                               self._category(candidate.category, language)), candidate.uuid)
            if candidate.status is Status.MERGED:
                item = combo.model().item(combo.count() - 1)  # type: ignore[attr-defined]
                item.setEnabled(False)
                item.setToolTip(self.tr("Tiket yang sudah digabung tidak dapat menjadi tiket "
                                        "utama."))
        chosen = default_survivor(self.candidates)
        if chosen is not None:
            combo.setCurrentIndex(combo.findData(chosen))
        combo.blockSignals(False)
        self._survivor_changed()
        self.loaded.emit()

    def _category(self, code: str, language: str) -> str:
        try:
            return catalogues.category(code).name(language)
        except DomainError:
            return code

    def _kelurahan(self, code: str) -> str:
        try:
            return catalogues.kelurahan(code).name
        except DomainError:
            return code

    # --- the choice and what it means --------------------------------------------------

    def survivor_uuid(self) -> str | None:
        value = self.ui.survivorCombo.currentData()
        return str(value) if value else None

    def set_survivor(self, ticket_uuid: str) -> None:
        index = self.ui.survivorCombo.findData(ticket_uuid)
        if index >= 0:
            self.ui.survivorCombo.setCurrentIndex(index)

    def blocked(self) -> list[MergeCandidate]:
        """Tickets (other than the survivor) whose status does not allow merging."""
        survivor = self.survivor_uuid()
        return [c for c in self.candidates
                if c.uuid != survivor and not can_transition(c.status, Status.MERGED)]

    def _survivor_changed(self, *_args: object) -> None:
        self.ui.errorLabel.clear()
        self._fill_tree()
        self.ui.summaryLabel.setText(self.summary())
        self.confirm_button.setEnabled(self._can_confirm())

    def _can_confirm(self) -> bool:
        survivor = self.survivor_uuid()
        return (not self._saving and survivor is not None and len(self.candidates) >= 2
                and not self.blocked())

    def _fill_tree(self) -> None:
        tree = self.ui.ticketsTree
        tree.clear()
        survivor = self.survivor_uuid()
        blocked = {c.uuid for c in self.blocked()}
        language = current_language()
        tz = self._ctx.identity.timezone
        for candidate in self.candidates:
            if candidate.uuid == survivor:
                role = self.tr("Tiket utama")
            elif candidate.uuid in blocked:
                role = self.tr("Tidak dapat digabung")
            else:
                role = self.tr("Akan digabung")
            item = QTreeWidgetItem([
                role, candidate.tracking_code, self._category(candidate.category, language),
                self._kelurahan(candidate.kelurahan_code),
                _status_label(candidate.status, language),
                f"{candidate.created_at.astimezone(tz):%d-%m-%Y}",
                str(candidate.ref_count), str(candidate.follow_up_count)])
            item.setData(0, Qt.ItemDataRole.UserRole, candidate.uuid)
            if candidate.uuid == survivor:
                bold = QFont(tree.font())
                bold.setBold(True)
                for column in range(tree.columnCount()):
                    item.setBackground(column, QBrush(QColor(SURVIVOR_BACKGROUND)))
                    item.setFont(column, bold)
            elif candidate.uuid in blocked:
                item.setForeground(0, QBrush(QColor(BLOCKED_COLOR)))
            tree.addTopLevelItem(item)

    def summary(self) -> str:
        """What the merge will do, in words, for the officer to read before confirming."""
        survivor_uuid = self.survivor_uuid()
        if not self.candidates:
            return self.tr("Tidak ada tiket meja ini yang dapat digabung.")
        if len(self.candidates) < 2:
            return self.tr("Pilih sedikitnya dua tiket di meja ini untuk digabung.")
        survivor = next((c for c in self.candidates if c.uuid == survivor_uuid), None)
        if survivor is None:
            return self.tr("Pilih tiket utama.")
        blocked = self.blocked()
        if blocked:
            language = current_language()
            names = ", ".join(f"{c.tracking_code} ({_status_label(c.status, language)})"
                              for c in blocked)
            return fill(self.tr("Tidak dapat digabung: %1. Tiket yang sudah selesai, ditolak, "
                                "bukan wewenang atau sudah digabung tidak dapat digabung; "
                                "jadikan tiket utama atau keluarkan dari pilihan."), names)
        others = [c for c in self.candidates if c.uuid != survivor.uuid]
        refs = sum(c.ref_count for c in others)
        follow_ups = sum(c.follow_up_count for c in others)
        text = fill(self.tr("%1 tiket akan berstatus digabung ke %2: %3."), len(others),
                    survivor.tracking_code, ", ".join(c.tracking_code for c in others))
        text += " " + fill(self.tr("%1 nomor aplikasi dan %2 tindak lanjut (termasuk "
                                   "dukungan warga) pindah ke %3."), refs, follow_ups,
                           survivor.tracking_code)
        text += " " + self.tr("Catatan dan foto tetap di tiket asalnya.")
        text += " " + self.tr("Penggabungan dapat dibatalkan oleh supervisor hanya hari ini.")
        return text

    # --- merging -----------------------------------------------------------------------

    def _say_error(self, error: BaseException) -> None:
        if isinstance(error, PoskoError):
            self.ui.errorLabel.setText(error.message(current_language()))
        else:
            show_error(self, error)

    def confirm(self) -> None:
        survivor = self.survivor_uuid()
        if self._saving or survivor is None or not self._can_confirm():
            return
        officer = self._ctx.officer
        if officer is None or not officer.is_supervisor:
            self.ui.errorLabel.setText(self.tr("Hanya camat/sekcam (supervisor) yang boleh "
                                               "menggabungkan tiket."))
            return
        others = [c.uuid for c in self.candidates if c.uuid != survivor]
        note = self.ui.noteEdit.text().strip()
        store, name = self._ctx.store, officer.username
        self._saving = True
        self.ui.errorLabel.clear()
        self.confirm_button.setEnabled(False)
        self.ui.summaryLabel.setText(self.tr("Menggabungkan…"))
        self._ctx.runner.run(
            lambda: merge_tickets(store, survivor, others, officer=name, is_supervisor=True,
                                  note=note, now=datetime.now(UTC)),
            self._done, self._failed)

    def _done(self, record: MergeRecord) -> None:
        self._saving = False
        self.record = record
        self.merged.emit(record.survivor_uuid)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._saving = False
        self.ui.summaryLabel.setText(self.summary())
        self.confirm_button.setEnabled(self._can_confirm())
        self._say_error(error)


def _status_label(status: Status, language: str) -> str:
    return status.label_en if language == "en" else status.label_id
