#!/usr/bin/env python3
"""Take the README screenshots of the desk UI from a fresh demo database.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots.py [--out DIR]

Writes docs/screenshots/desk-*.png, merge.png and audit-log.png (or into DIR). Uses a temporary data
folder and an in-memory keyring, so it never touches real data.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


class _MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.values.pop((service, username), None)


def _audit_demo(store, cipher, supervisor: str) -> None:  # type: ignore[no-untyped-def]
    """A few audited actions by two officers, for the audit log screenshot."""
    from posko.domain.models import FollowUp
    from posko.domain.status import Status
    from posko.store.audit_log import reveal_nik
    from posko.store.casework import add_note, change_status, record_chase
    from posko.store.officers import SignInFailed, create_officer, sign_in

    create_officer(store, username="budi.santoso", full_name="Budi Santoso", pin="1357")
    sign_in(store, "budi.santoso", "1357")
    with contextlib.suppress(SignInFailed):
        sign_in(store, supervisor, "0000")
    sign_in(store, supervisor, "1234")
    with store.engine.connect() as conn:
        received = [u for (u,) in conn.exec_driver_sql(
            "SELECT uuid FROM tickets WHERE status = 'received' ORDER BY created_at DESC "
            "LIMIT 3")]
        with_nik = conn.exec_driver_sql(
            "SELECT uuid FROM tickets WHERE reporter_nik_enc IS NOT NULL "
            "ORDER BY created_at DESC LIMIT 1").scalar()
    for uuid in received:
        change_status(store, uuid, Status.VERIFIED, officer="budi.santoso")
    add_note(store, received[0], "Sudah ditelepon, menunggu dinas", officer="budi.santoso")
    record_chase(store, FollowUp(ticket_uuid=received[1], asked_at=datetime.now(UTC),
                                 officer="budi.santoso", promise="Dinas dihubungi"))
    if with_nik:
        reveal_nik(store, cipher, with_nik, officer=supervisor, is_supervisor=True)


def _merge_shot(window, settle, out: Path) -> None:  # type: ignore[no-untyped-def]
    """The merge dialog over the lookup page: three open tickets of one category selected."""
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtGui import QColor, QPainter, QPen

    page = window.lookup_page
    window.ui.tabs.setCurrentWidget(window.ui.lookupTab)
    page.ui.searchBox.setText("sampah")
    page.run_search()
    settle(1200)
    table, selection = page.ui.resultsTable, page.ui.resultsTable.selectionModel()
    table.clearSelection()
    picked: list[str] = []  # categories of the rows picked
    for row in range(page.proxy.rowCount()):
        item = page.model.row_at(page.proxy.mapToSource(page.proxy.index(row, 0)).row())
        if len(picked) < 3 and item.status.is_open and item.category in (picked[:1] or
                                                                         [item.category]):
            selection.select(page.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                             | QItemSelectionModel.SelectionFlag.Rows)
            picked.append(item.category)
    settle(300)
    page.open_merge()
    dialog = page.merge_dialog
    dialog.resize(900, 380)
    dialog.ui.noteEdit.setText("Tumpukan sampah yang sama di ujung gang")
    settle(1200)
    # The dialog is a window of its own: paint it over the main window's picture.
    picture = window.grab()
    painter = QPainter(picture)
    corner = (dialog.mapToGlobal(dialog.rect().topLeft())
              - window.mapToGlobal(window.rect().topLeft()))
    painter.drawPixmap(corner, dialog.grab())
    painter.setPen(QPen(QColor("#555555"), 2))
    painter.drawRect(corner.x(), corner.y(), dialog.width(), dialog.height())
    painter.end()
    picture.save(str(out / "merge.png"))
    dialog.reject()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNG files")
    out = parser.parse_args().out
    keyring.set_keyring(_MemoryKeyring())
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from posko import demo_data
    from posko.paths import resolve_paths
    from posko.secrets import KeyringSecrets
    from posko.store.database import Store
    from posko.store.desk import desk_identity, initialise_desk, nik_cipher
    from posko.store.officers import Role, create_officer
    from posko.store.queue import take_number
    from posko.store.tickets import bulk_insert
    from posko.ui.background import BackgroundRunner
    from posko.ui.context import DeskContext
    from posko.ui.main_window import MainWindow
    from posko.ui.settings import Settings

    temp = Path(tempfile.mkdtemp(prefix="posko-shots-"))
    paths = resolve_paths(data_dir=temp, db_file=temp / "posko.sqlite3")
    secrets = KeyringSecrets()
    store = Store.open(paths.db_file)
    initialise_desk(store, secrets, kecamatan_code="31.75.04", desk_number=1)
    cipher = nik_cipher(store, secrets)
    bulk_insert(store, cipher, ((c.ticket, c.events, c.follow_ups)
                                for c in demo_data.generate("31.75.04", 3000, seed=5)))
    officer = create_officer(store, username="rina.kusuma", full_name="Rina Kusuma", pin="1234",
                             role=Role.SUPERVISOR)
    today = datetime.now(desk_identity(store).timezone).date()
    for _ in range(6):
        take_number(store, today, officer=officer.username)
    settings = Settings(QSettings(str(temp / "settings.ini"), QSettings.Format.IniFormat))
    ctx = DeskContext(store=store, identity=desk_identity(store), kecamatan_name="Kramatjati",
                      paths=paths, secrets=secrets, cipher=cipher, settings=settings,
                      runner=BackgroundRunner(), officer=officer)
    out.mkdir(parents=True, exist_ok=True)
    window = MainWindow(ctx)
    window.resize(1200, 760)
    window.show()

    def settle(ms: int = 600) -> None:
        deadline = datetime.now(UTC).timestamp() + ms / 1000
        while datetime.now(UTC).timestamp() < deadline:
            app.processEvents()

    settle()
    window.queue_page.call_next()
    window.queue_page.call_next()
    window.ui.tabs.setCurrentWidget(window.ui.queueTab)
    settle()
    window.grab().save(str(out / "desk-main-window.png"))

    window.serve_number(3)
    page = window.intake_page
    page.ui.categoryCombo.setCurrentIndex(page.ui.categoryCombo.findData("jalan_rusak"))
    page.ui.rwEdit.setText("5")
    page.ui.rtEdit.setText("3")
    page.ui.addressEdit.setText("Jl. Raya Bogor dekat halte")
    page.ui.descriptionEdit.setPlainText("Jalan berlubang besar, sudah ada pengendara jatuh")
    page.ui.nameEdit.setText("Hj. Siti Aminah")
    page.ui.phoneEdit.setText("0812-3456-78")
    page._validate_field("phone")
    page.look_for_duplicates()
    settle(1200)
    window.grab().save(str(out / "desk-intake.png"))

    page.clear()
    window.ui.tabs.setCurrentWidget(window.ui.lookupTab)
    window.lookup_page.ui.searchBox.setText("jalan rus")
    window.lookup_page.run_search()
    settle(1200)
    window.grab().save(str(out / "desk-lookup.png"))
    _merge_shot(window, settle, out)

    try:
        from posko.ui.assisted import AssistedWizard
    except ImportError:
        AssistedWizard = None  # noqa: N806
    if AssistedWizard is not None:
        wizard = AssistedWizard(ctx, window)
        wizard.resize(1000, 700)
        wizard.show()
        settle(800)
        wizard.grab().save(str(out / "desk-assisted.png"))
        wizard.close()
    _audit_demo(store, cipher, officer.username)
    from posko.ui.audit_log import AuditLogDialog

    audit_dialog = AuditLogDialog(ctx, window)
    audit_dialog.resize(1100, 560)
    audit_dialog.show()
    settle(1200)
    audit_dialog.grab().save(str(out / "audit-log.png"))
    audit_dialog.close()
    window.intake_page.clear()
    window.close()
    ctx.runner.wait_for_idle()
    store.close()
    print(f"screenshots written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
