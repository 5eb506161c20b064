"""The desk window officers live in on Saturdays: queue, intake, lookup, and the status bar."""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QPushButton

from posko.store.database import Store
from posko.ui.context import DeskContext, show_error
from posko.ui.forms.ui_main_window import Ui_MainWindow
from posko.ui.i18n import fill
from posko.ui.intake_page import IntakePage
from posko.ui.lookup_page import LookupPage
from posko.ui.queue_page import QueuePage
from posko.ui.settings import FONT_SCALE
from posko.ui.sync_status import SyncStatus

STATUS_REFRESH_MS = 10_000
# Waiting erasures run this long after the window opens: not on the way to a usable window
# (the worker's imports and queries would compete with the GUI thread for the interpreter).
PENDING_ERASURES_DELAY_MS = 5_000
MIN_SCALE, MAX_SCALE, SCALE_STEP = 70, 200, 10


def pending_outbox(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.exec_driver_sql(
            "SELECT count(*) FROM outbox WHERE parked = 0").scalar() or 0)


class MainWindow(QMainWindow):
    signOutRequested = Signal()  # noqa: N815
    # Emitted after Settings changed the language: the controller rebuilds the window in
    # the new language, carrying over what was typed in the intake form.
    languageChanged = Signal(str)  # noqa: N815

    def __init__(self, ctx: DeskContext, *, catalogue_ready: bool = True) -> None:
        """`catalogue_ready=False` (the desk's first window, while the region catalogue
        still loads on a worker): the kecamatan shows as its code and the intake lists stay
        empty until `catalogue_loaded`."""
        super().__init__()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.ctx = ctx
        self._show_titles()

        self.queue_page = QueuePage(ctx, self.ui.queueTab)
        self.ui.queueTabLayout.addWidget(self.queue_page)
        self.intake_page = IntakePage(ctx, self.ui.intakeTab, fill_catalogue=catalogue_ready)
        self.ui.intakeTabLayout.addWidget(self.intake_page)
        self.lookup_page = LookupPage(ctx, self.ui.lookupTab)
        self.ui.lookupTabLayout.addWidget(self.lookup_page)

        self.online_label = QLabel(self.tr("● Luring (offline)"))
        self.online_label.setStyleSheet("color: #6d6d6d; font-weight: bold;")
        self.pending_label = QLabel()
        self.last_sync_label = QLabel(self.tr("Sinkron terakhir: belum pernah"))
        self.sync_button = QPushButton(self.tr("Sinkronkan sekarang"))
        for widget in (self.online_label, self.pending_label, self.last_sync_label,
                       self.sync_button):
            self.statusBar().addPermanentWidget(widget)
        self.sync_status = SyncStatus(ctx, self, online_label=self.online_label,
                                      last_sync_label=self.last_sync_label,
                                      button=self.sync_button)
        self.sync_status.syncFinished.connect(self.refresh_status)
        self.sync_status.syncFinished.connect(self.run_pending_erasures)

        self.queue_page.numberCalled.connect(self.serve_number)
        self.intake_page.ticketSaved.connect(self._ticket_saved)
        self.intake_page.openTicket.connect(self.open_ticket)
        self.lookup_page.openTicket.connect(self.open_ticket)
        self.ui.actionAssisted.triggered.connect(self.open_assisted)
        self.ui.actionSettings.triggered.connect(self.open_settings)
        self.ui.actionAuditLog.triggered.connect(self.open_audit_log)
        # The audit log is for the camat/sekcam only: officers do not see the action.
        self.ui.actionAuditLog.setVisible(bool(ctx.officer and ctx.officer.is_supervisor))
        # A citizen's data request (UU PDP art. 32): supervisors only, like the audit log.
        self.action_data_request = QAction(self.tr("Permintaan &data warga…"), self)
        self.action_data_request.setToolTip(self.tr(
            "Ekspor atau hapus semua data seseorang (khusus supervisor)"))
        self.action_data_request.triggered.connect(self.open_data_request)
        self.action_data_request.setVisible(bool(ctx.officer and ctx.officer.is_supervisor))
        self.ui.menuDesk.addAction(self.action_data_request)
        self.ui.actionSignOut.triggered.connect(self._sign_out)
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionZoomIn.triggered.connect(lambda: self.scale_font(+SCALE_STEP))
        self.ui.actionZoomOut.triggered.connect(lambda: self.scale_font(-SCALE_STEP))
        self.ui.actionZoomReset.triggered.connect(lambda: self.scale_font(0))
        self._base_point_size = QApplication.font().pointSizeF()
        self._apply_font_scale(ctx.settings.get(FONT_SCALE))
        self._optional_screens()

        self._status_timer = QTimer(self, interval=STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_timer.start()
        self.refresh_status()
        QTimer.singleShot(PENDING_ERASURES_DELAY_MS, self, self.run_pending_erasures)
        self._rebuilding = False

    def _show_titles(self) -> None:
        ctx, officer = self.ctx, self.ctx.officer
        kecamatan = ctx.kecamatan_name or ctx.identity.kecamatan_code
        self.setWindowTitle(fill(self.tr("Posko — Kecamatan %1, Meja %2"), kecamatan,
                                 ctx.identity.desk_number))
        self.ui.sessionLabel.setText(fill(
            self.tr("Petugas: %1 · Kecamatan %2 · Meja %3"),
            officer.full_name if officer else "-", kecamatan, ctx.identity.desk_number))

    def catalogue_loaded(self) -> None:
        """The region catalogue is loaded (ctx.kecamatan_name set): names and lists."""
        self._show_titles()
        self.intake_page.fill_catalogue_choices()

    # --- screens built by other modules (absent until they land) ------------------------

    def _screen(self, module: str, name: str) -> Any | None:
        try:
            return getattr(importlib.import_module(f"posko.ui.{module}"), name)
        except (ImportError, AttributeError):
            return None

    def _optional_screens(self) -> None:
        # Only whether the module exists: importing it (and what it imports) waits until
        # the officer opens the screen.
        for module, action in (("assisted", self.ui.actionAssisted),
                               ("settings_dialog", self.ui.actionSettings)):
            if importlib.util.find_spec(f"posko.ui.{module}") is None:
                action.setEnabled(False)

    def open_assisted(self) -> None:
        wizard_class = self._screen("assisted", "AssistedWizard")
        if wizard_class is None:
            return
        wizard = wizard_class(self.ctx, self)
        if hasattr(wizard, "ticketSaved"):
            wizard.ticketSaved.connect(lambda *_: self.refresh_status())
        wizard.open()
        self.assisted_wizard = wizard

    def open_audit_log(self) -> None:
        officer = self.ctx.officer
        if officer is None or not officer.is_supervisor:
            return
        dialog_class = self._screen("audit_log", "AuditLogDialog")
        if dialog_class is None:
            return
        dialog = dialog_class(self.ctx, self)
        dialog.open()
        self.audit_log_dialog = dialog

    def open_data_request(self) -> None:
        officer = self.ctx.officer
        if officer is None or not officer.is_supervisor:
            return
        dialog_class = self._screen("data_request", "DataRequestDialog")
        if dialog_class is None:
            return
        dialog = dialog_class(self.ctx, self)
        dialog.erased.connect(lambda *_: self.refresh_status())
        dialog.open()
        self.data_request_dialog = dialog

    def run_pending_erasures(self, *_args: object) -> None:
        """Erase what waiting erasure requests may erase by now (at start-up and after each
        sync; bounded work, on the worker; nothing to do is one indexed query)."""
        ctx = self.ctx

        def work() -> int:
            from posko.store.data_request import run_pending_erasures
            from posko.store.desk import master_key
            from posko.store.drafts import DraftBox

            drafts = DraftBox(ctx.paths.data_dir, master_key(ctx.store, ctx.secrets))
            return run_pending_erasures(ctx.store, ctx.cipher, drafts=drafts,
                                        backup_dir=ctx.paths.backup_dir)

        ctx.runner.run(work, lambda erased: self.refresh_status() if erased else None,
                       key="pending-erasures")

    def open_settings(self) -> None:
        dialog_class = self._screen("settings_dialog", "SettingsDialog")
        if dialog_class is None:
            return
        dialog = dialog_class(self.ctx, self)
        dialog.languageChanged.connect(self.languageChanged)
        dialog.settingsSaved.connect(
            lambda: self._apply_font_scale(self.ctx.settings.get(FONT_SCALE)))
        dialog.enrolled.connect(self.sync_status.start)
        dialog.open()
        self.settings_dialog = dialog

    def open_ticket(self, ticket_uuid: str) -> None:
        dialog_class = self._screen("ticket_detail", "TicketDetailDialog")
        if dialog_class is None:
            self.statusBar().showMessage(self.tr("Rincian tiket belum tersedia."), 5000)
            return
        try:
            dialog = dialog_class(self.ctx, ticket_uuid, self)
        except Exception as exc:
            show_error(self, exc)
            return
        if hasattr(dialog, "ticketChanged"):
            dialog.ticketChanged.connect(lambda *_: self.refresh_status())
        dialog.open()
        self.ticket_dialog = dialog

    # --- flows --------------------------------------------------------------------------

    def serve_number(self, number: int) -> None:
        self.ui.tabs.setCurrentWidget(self.ui.intakeTab)
        self.intake_page.start_for_queue_number(number)

    def _ticket_saved(self, code: str, uuid: str, queue_number: int) -> None:
        if queue_number:
            try:
                self.queue_page.mark_served(queue_number, uuid)
            except Exception as exc:
                show_error(self, exc)
        self.statusBar().showMessage(fill(self.tr("Tiket %1 tersimpan."), code), 8000)
        self.refresh_status()
        self.sync_status.schedule_soon()

    def refresh_status(self) -> None:
        store = self.ctx.store
        self.ctx.runner.run(lambda: pending_outbox(store), self._show_pending,
                            lambda exc: None, key="status")

    def _show_pending(self, count: int) -> None:
        self.pending_label.setText(fill(self.tr("Menunggu dikirim: %1"), count))

    # --- font scale ---------------------------------------------------------------------

    def scale_font(self, step: int) -> None:
        current = self.ctx.settings.get(FONT_SCALE)
        scale = 100 if step == 0 else min(MAX_SCALE, max(MIN_SCALE, current + step))
        self.ctx.settings.set(FONT_SCALE, scale)
        self._apply_font_scale(scale)

    def _apply_font_scale(self, scale: int) -> None:
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, self._base_point_size * scale / 100))
        self.setFont(font)

    # --- closing ------------------------------------------------------------------------

    def _sign_out(self) -> None:
        if self.close():
            self.signOutRequested.emit()

    def close_for_rebuild(self) -> dict[str, object]:
        """Close without asking, handing back the intake form for the replacement window."""
        fields = self.intake_page.fields() if self.intake_page.has_unsaved_input() else {}
        self._rebuilding = True
        self.close()
        return fields

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.intake_page.has_unsaved_input() and not self._rebuilding:
            answer = QMessageBox.question(
                self, self.tr("Formulir belum disimpan"),
                self.tr("Pengaduan yang sedang diisi belum disimpan. Tutup juga? Isian disimpan "
                        "sebagai draf dan ditawarkan lagi saat Posko dibuka."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.intake_page.save_draft()
        self._status_timer.stop()
        self.sync_status.stop_timers()
        self.ctx.runner.wait_for_idle(5000)
        event.accept()

    def offer_draft(self) -> bool:
        """On start: offer to restore an intake interrupted by a crash. True if restored."""
        draft = self.intake_page.saved_draft()
        if not draft:
            return False
        answer = QMessageBox.question(
            self, self.tr("Pulihkan isian?"),
            self.tr("Ada pengaduan yang belum sempat disimpan (misalnya karena listrik padam). "
                    "Pulihkan isiannya?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            self.intake_page.set_fields(draft)
            self.ui.tabs.setCurrentWidget(self.ui.intakeTab)
            return True
        self.intake_page.discard_draft()
        return False
