"""Opening the desk DB at start-up, with the safe way out of a damaged file.

A corrupt or truncated DB file is not opened. When the data folder holds a sound backup,
the officer is asked whether to restore the newest one (the damaged file is kept beside it,
never deleted); otherwise the start-up error box says what to do.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from posko.domain.errors import PoskoError
from posko.paths import DataPaths
from posko.store.backup import backup_is_sound, list_backups
from posko.store.database import Store
from posko.store.errors import DatabaseCorrupt
from posko.ui.i18n import current_language, fill

log = logging.getLogger(__name__)

TITLE = "Posko"


def newest_sound_backup(backup_dir: Path) -> Path | None:
    """The newest backup that passes `integrity_check` (a damaged one is skipped)."""
    for candidate in list_backups(backup_dir):
        if backup_is_sound(candidate):
            return candidate
    return None


def _backup_time(backup: Path) -> str:
    try:
        moment = datetime.fromtimestamp(backup.stat().st_mtime, UTC).astimezone()
    except OSError:
        return backup.name
    return moment.strftime("%Y-%m-%d %H:%M")


def offer_restore(paths: DataPaths, error: DatabaseCorrupt,
                  parent: QWidget | None = None) -> bool:
    """Ask to restore the newest sound backup; True once it is in place of the DB file."""
    backup = newest_sound_backup(paths.backup_dir)
    if backup is None:
        return False
    question = "\n\n".join((
        error.message_id, error.message_en,
        fill(QCoreApplication.translate(
            "Startup", "Pulihkan cadangan terbaru (%1)? Berkas yang rusak disimpan dengan "
            "nama lain, tidak dihapus. Perubahan setelah waktu cadangan itu yang belum "
            "tersinkron tidak ada di cadangan."), _backup_time(backup)),
    ))
    answer = QMessageBox.question(
        parent, TITLE, question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes)
    if answer != QMessageBox.StandardButton.Yes:
        log.info("restore of the newest backup declined")
        return False
    try:
        # Also skips the tracking codes issued after the backup: they are on receipts.
        from posko.store.tickets import restore_desk_backup

        moved = restore_desk_backup(backup, paths.db_file, backup_dir=paths.backup_dir)
    except (PoskoError, OSError) as exc:
        log.error("restore failed: %s", type(exc).__name__)
        message = (exc.message(current_language()) if isinstance(exc, PoskoError)
                   else QCoreApplication.translate(
                       "Startup", "Cadangan tidak dapat dipulihkan (berkas tidak dapat "
                       "ditulis). Hubungi admin."))
        QMessageBox.critical(parent, TITLE, message)
        return False
    log.info("restored the newest backup")
    QMessageBox.information(parent, TITLE, fill(
        QCoreApplication.translate(
            "Startup", "Cadangan %1 dipulihkan. Berkas yang rusak disimpan sebagai %2. "
            "Sinkronkan sekarang agar perubahan dari server kembali."),
        backup.name, moved.name if moved is not None else "-"))
    return True


class UpgradeNotice:
    """A small window saying the database is being upgraded: a new version's migration of a
    big DB (plus the backup taken first) can take a minute before the sign-in appears, and
    an officer who sees nothing may switch the PC off. Shown only when an upgrade runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._parent = parent
        self.label: QLabel | None = None

    def show(self) -> None:
        log.info("database upgrade started")
        label = QLabel(QCoreApplication.translate(
            "Startup", "Memperbarui basis data Posko ke versi baru… Ini dapat memakan waktu "
            "beberapa menit. Jangan matikan komputer."), self._parent)
        label.setWindowFlags(Qt.WindowType.SplashScreen | Qt.WindowType.WindowStaysOnTopHint)
        label.setWordWrap(True)
        label.setMargin(24)
        label.setMinimumWidth(420)
        label.show()
        QApplication.processEvents()  # painted before the GUI thread is busy migrating
        self.label = label

    def close(self) -> None:
        if self.label is not None:
            self.label.close()
            self.label.deleteLater()
            self.label = None
            log.info("database upgrade finished")


def open_desk_store(paths: DataPaths, parent: QWidget | None = None) -> Store:
    """`Store.open` for the window; a damaged file may be swapped for the newest backup.

    Raises the original error when there is no backup or the officer says no (the start-up
    error box then shows it). A pending upgrade shows `UpgradeNotice` while it runs.
    """
    notice = UpgradeNotice(parent)
    try:
        # The full integrity check runs after the window is up (app.py); at open only the
        # header and schema checks (a whole-file check takes seconds per 100k tickets).
        return Store.open(paths.db_file, backup_dir=paths.backup_dir, check_integrity=False,
                          on_upgrade=notice.show)
    except DatabaseCorrupt as exc:
        if not offer_restore(paths, exc, parent):
            raise
    finally:
        notice.close()
    try:
        return Store.open(paths.db_file, backup_dir=paths.backup_dir, on_upgrade=notice.show)
    finally:
        notice.close()
