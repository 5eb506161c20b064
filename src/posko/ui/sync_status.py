"""The status bar's sync side: online/offline indicator, pending count, last sync, Sync now.

All network work runs on the background runner; the engine's progress callback (called on
the worker thread) only stores the latest figures, and a GUI-thread timer shows them.
"""

from __future__ import annotations

import threading
import time
import weakref
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from posko.ui.context import DeskContext, enrolled_server_url
from posko.ui.i18n import current_language, fill

if TYPE_CHECKING:  # posko.sync (requests, the engine) loads when the desk first syncs
    from posko.sync import SyncEngine, SyncProgress, SyncReport

PROBE_MS = 15_000
AUTO_SYNC_MS = 60_000
# A server's Retry-After quiets the automatic rounds for at most this long (s); the officer's
# own "Sync now" is never held back.
MAX_QUIET_S = 15 * 60
AFTER_SAVE_MS = 2_000
PROGRESS_MS = 150


class SyncEvents(QObject):
    """One per desk (`sync_events(ctx)`): lets screens that do not own the status bar
    (the lookup, a ticket detail) hear that sync states may have changed (a sync run ended,
    or parked changes were put back in line) and ask for a sync run ("Kirim ulang")."""

    statesChanged = Signal()  # noqa: N815

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._status: weakref.ref[SyncStatus] | None = None

    def attach(self, status: SyncStatus) -> None:
        self._status = weakref.ref(status)

    def request_sync(self) -> bool:
        """Sync now (or right after the run in progress); False when no enrolled status bar
        runs syncs for this desk (the changes then go with a later run)."""
        status = self._status() if self._status is not None else None
        if status is None or not status.enrolled:
            return False
        status.sync_again()
        return True


def sync_events(ctx: DeskContext) -> SyncEvents:
    """The desk's relay (GUI thread only). A child of the desk's background runner: it lives
    exactly as long as the desk's context, and Qt, not Python's garbage collector (which
    may run on any thread), ends it."""
    events = ctx.runner.findChild(SyncEvents)
    if events is None:
        events = SyncEvents(ctx.runner)
    return events


class SyncStatus(QObject):
    onlineChanged = Signal(bool)  # noqa: N815
    syncFinished = Signal()  # noqa: N815

    def __init__(self, ctx: DeskContext, parent: QWidget, *, online_label: QLabel,
                 last_sync_label: QLabel, button: QPushButton,
                 probe_ms: int = PROBE_MS, auto_sync_ms: int = AUTO_SYNC_MS) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._parent = parent
        self._online_label = online_label
        self._last_sync_label = last_sync_label
        self._button = button
        self.online: bool | None = None
        self.syncing = False
        self.last_report: SyncReport | None = None
        self._progress: SyncProgress | None = None
        self._lock = threading.Lock()
        self._quiet_until = 0.0  # time.monotonic() before which automatic rounds wait
        self._again = False  # a sync was asked for while one ran: run once more after it
        sync_events(ctx).attach(self)
        button.clicked.connect(self.sync_now)
        self._probe_timer = QTimer(self, interval=probe_ms)
        self._probe_timer.timeout.connect(self.probe)
        self._auto_timer = QTimer(self, interval=auto_sync_ms)
        self._auto_timer.timeout.connect(self._auto_sync)
        self._soon = QTimer(self, singleShot=True, interval=AFTER_SAVE_MS)
        self._soon.timeout.connect(self._auto_sync)
        self._progress_timer = QTimer(self, interval=PROGRESS_MS)
        self._progress_timer.timeout.connect(self._show_progress)
        self._show_online(False)
        self.start()

    def start(self) -> None:
        """Begin probing and syncing once the desk is enrolled (at start or after Settings)."""
        if self.enrolled:
            self._button.setToolTip("")
            self._probe_timer.start()
            self._auto_timer.start()
            self.probe()
        else:
            self._button.setEnabled(False)
            self._button.setToolTip(self.tr(
                "Meja belum terdaftar di server kota (Pengaturan, atau posko enrol URL KODE). "
                "Semua data tetap tersimpan di meja ini dan akan dikirim nanti."))

    @property
    def enrolled(self) -> bool:
        return enrolled_server_url(self._ctx.store) is not None

    def _engine(self) -> SyncEngine:
        from posko.sync import SyncEngine

        return SyncEngine(self._ctx.store, self._ctx.secrets,
                          attachment_dir=self._ctx.paths.attachment_dir)

    # --- online indicator ------------------------------------------------------------------

    def probe(self) -> None:
        self._ctx.runner.run(lambda: self._engine().probe(), self._show_online,
                             lambda _exc: self._show_online(False), key="sync-probe")

    def _show_online(self, online: bool) -> None:
        changed = online != self.online
        self.online = online
        if online:
            self._online_label.setText(self.tr("● Daring (online)"))
            self._online_label.setStyleSheet("color: #1b5e20; font-weight: bold;")
        else:
            self._online_label.setText(self.tr("● Luring (offline)"))
            self._online_label.setStyleSheet("color: #6d6d6d; font-weight: bold;")
        self._button.setEnabled(self.enrolled and not self.syncing)
        if changed:
            self.onlineChanged.emit(online)

    # --- syncing -------------------------------------------------------------------------

    def schedule_soon(self) -> None:
        """After a save: send it in a moment rather than at the next round."""
        if self.enrolled:
            self._soon.start()

    def _auto_sync(self) -> None:
        if self.online and not self.syncing and time.monotonic() >= self._quiet_until:
            self.sync_now()

    def sync_again(self) -> None:
        """Changes were put back in line ("Kirim ulang"): send them now, or as soon as the
        run in progress (which may have read the outbox already) has finished."""
        if self.syncing:
            self._again = True
        else:
            self.sync_now()

    def sync_now(self) -> None:
        if self.syncing or not self.enrolled:
            return
        self.syncing = True
        self._button.setEnabled(False)
        self._button.setText(self.tr("Menyinkronkan…"))
        with self._lock:
            self._progress = None
        self._progress_timer.start()

        def remember(progress: SyncProgress) -> None:  # worker thread: store only
            with self._lock:
                self._progress = progress

        # The engine is built on the worker too: the first one imports posko.sync.
        self._ctx.runner.run(lambda: self._engine().run_once(progress=remember),
                             self._finished, self._failed, key="sync-run")

    def _show_progress(self) -> None:
        with self._lock:
            progress = self._progress
        if progress is not None:
            self._last_sync_label.setText(fill(
                self.tr("Menyinkronkan: %1 terkirim, %2 diterima"), progress.pushed,
                progress.pulled))

    def _finished(self, report: SyncReport) -> None:
        self._stop()
        self.last_report = report
        if report.retry_after:
            self._quiet_until = time.monotonic() + min(report.retry_after, MAX_QUIET_S)
        self._show_online(report.online)
        if report.error:
            message = report.message_en if current_language() == "en" else report.message_id
            self._last_sync_label.setText(fill(self.tr("Sinkron gagal: %1"), message))
        else:
            self._last_sync_label.setText(fill(
                self.tr("Sinkron terakhir: %1 (%2 terkirim, %3 diterima)"),
                datetime.now(self._ctx.identity.timezone).strftime("%H:%M"), report.pushed,
                report.pulled))
        self._after_run()

    def _failed(self, _error: BaseException) -> None:
        self._stop()
        self._show_online(False)
        self._last_sync_label.setText(self.tr("Sinkron gagal; data tetap aman di meja ini."))
        self._after_run()

    def _after_run(self) -> None:
        self.syncFinished.emit()
        sync_events(self._ctx).statesChanged.emit()  # per-record badges refresh
        if self._again:
            self._again = False
            self.sync_now()

    def _stop(self) -> None:
        self.syncing = False
        self._progress_timer.stop()
        self._button.setText(self.tr("Sinkronkan sekarang"))

    def stop_timers(self) -> None:
        for timer in (self._probe_timer, self._auto_timer, self._soon, self._progress_timer):
            timer.stop()
