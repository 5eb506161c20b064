"""`posko-desk`: the desk window.

Start-up problems (no keyring, DB locked, corrupt or too new, desk not set up) are shown in
a dialog in Bahasa Indonesia and English, with the way forward, never as a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from posko.domain.errors import PoskoError
from posko.paths import resolve_paths
from posko.secrets import DEMO_NOTICE, use_demo_file_keyring


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="posko-desk", description="Posko desk window")
    parser.add_argument("--db")
    parser.add_argument("--data-dir")
    parser.add_argument("--demo", action="store_true",
                        help="demo profile (separate data folder, keys in a plain file)")
    parser.add_argument("--lang", choices=("id", "en"),
                        default=os.environ.get("POSKO_LANG", "id"))
    parser.add_argument("--quit-after", type=int, metavar="MS",
                        help="close the window after MS milliseconds (smoke tests)")
    return parser


def install_translator(app: object, language: str) -> None:
    """Bahasa Indonesia is the source language; English comes from resources/translations."""
    if language == "id":
        return
    from importlib.resources import as_file, files

    from PySide6.QtCore import QTranslator

    resource = files("posko.resources") / "translations" / f"posko_{language}.qm"
    if not resource.is_file():
        return
    translator = QTranslator(app)  # type: ignore[arg-type]
    with as_file(resource) as path:
        if translator.load(str(path)):
            app.installTranslator(translator)  # type: ignore[attr-defined]


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Posko")
    app.setOrganizationName("Posko")
    install_translator(app, args.lang)
    paths = resolve_paths(data_dir=args.data_dir, db_file=args.db, demo=args.demo)
    try:
        if args.demo:
            use_demo_file_keyring(paths.demo_keyring_file)
            print(DEMO_NOTICE.format(path=paths.demo_keyring_file), file=sys.stderr)
        from posko import catalogues
        from posko.store.database import Store
        from posko.store.desk import desk_identity

        store = Store.open(paths.db_file, backup_dir=paths.backup_dir)
        identity = desk_identity(store)
        kecamatan_name = catalogues.kecamatan(identity.kecamatan_code).name
    except PoskoError as exc:
        QMessageBox.critical(None, "Posko", f"{exc.message_id}\n\n{exc.message_en}")
        return 2

    from posko.ui.main_window import MainWindow

    window = MainWindow(store, identity, kecamatan_name, args.lang)
    window.show()
    if args.quit_after is not None:
        QTimer.singleShot(args.quit_after, window.close)
    try:
        return int(app.exec())
    finally:
        from posko.store.backup import backup_database

        store.close()
        backup_database(paths.db_file, paths.backup_dir, reason="exit")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
