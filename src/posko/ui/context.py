"""What every screen of a signed-in desk needs, passed explicitly (no globals)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from posko.domain.errors import PoskoError
from posko.paths import DataPaths
from posko.secrets import Secrets
from posko.store.crypto import NikCipher
from posko.store.database import Store
from posko.store.desk import DeskIdentity
from posko.store.officers import OfficerInfo
from posko.ui.background import BackgroundRunner
from posko.ui.i18n import current_language
from posko.ui.settings import LANGUAGE, Settings

log = logging.getLogger(__name__)


@dataclass
class DeskContext:
    store: Store
    identity: DeskIdentity
    kecamatan_name: str
    paths: DataPaths
    secrets: Secrets
    cipher: NikCipher
    settings: Settings
    runner: BackgroundRunner
    officer: OfficerInfo | None = field(default=None)

    @property
    def language(self) -> str:
        return self.settings.get(LANGUAGE)

    @property
    def officer_name(self) -> str:
        return self.officer.username if self.officer else "system"


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """A message box saying what happened and what to do; never a traceback.

    Known errors carry their own bilingual text; anything else is logged by type only
    (exception text may quote personal data) and reported as unexpected.
    """
    title = QCoreApplication.translate("Errors", "Posko")
    if isinstance(error, PoskoError):
        QMessageBox.warning(parent, title, error.message(current_language()))
        return
    log.error("unexpected error in the desk window: %s", type(error).__name__)
    QMessageBox.critical(parent, title, QCoreApplication.translate(
        "Errors", "Terjadi kesalahan tak terduga. Data yang sudah tersimpan aman; coba lagi. "
        "Jika berulang, hubungi admin."))


# `posko.sync.enrolment.META_SERVER_URL`, read here so that showing the window does not
# import posko.sync (and `requests` with it): only a desk that syncs needs those, and they
# load on the worker that first talks to the server. tests/ui/test_sync_status.py checks it.
SYNC_SERVER_URL_META = "sync.server_url"


def enrolled_server_url(store: Store) -> str | None:
    """The city server this desk is enrolled with, or None (the desk works offline)."""
    return store.get_meta(SYNC_SERVER_URL_META)
