"""Fixtures for the desk screens: a signed-in DeskContext over the temp DB of tests/conftest.py."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox, QTreeWidget

from posko import catalogues
from posko.paths import DataPaths
from posko.secrets import KeyringSecrets
from posko.store.crypto import NikCipher
from posko.store.database import Store
from posko.store.desk import desk_identity
from posko.store.officers import OfficerInfo, Role
from posko.ui.background import BackgroundRunner
from posko.ui.context import DeskContext
from posko.ui.settings import Settings

OFFICER = OfficerInfo("budi", "Budi Santoso", Role.OFFICER)
SUPERVISOR = OfficerInfo("sekcam", "Dewi Lestari", Role.SUPERVISOR)


@pytest.fixture(autouse=True)
def no_blocking_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message box nobody answers would hang the run: fail loudly instead. A test that
    expects one patches the static method itself (its patch wins, it is applied later)."""
    def unexpected(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"unexpected message box: {args[1:3]!r}")

    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, unexpected)


@pytest.fixture
def desk_settings(tmp_path: Path) -> Settings:
    """Settings backed by an ini file of this test only (never the user's real settings)."""
    return Settings(QSettings(str(tmp_path / "posko-settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def desk_context(qtbot, store: Store, secrets: KeyringSecrets,  # type: ignore[no-untyped-def]
                 cipher: NikCipher, desk_settings: Settings,
                 isolated_data_dir: Path) -> Iterator[DeskContext]:
    """A desk signed in as an ordinary officer (budi); set `.officer = SUPERVISOR` to switch.

    Depends on qtbot so that it is torn down before qtbot closes the test's widgets: every
    background job has finished and delivered its callback while the widgets still exist.
    """
    identity = desk_identity(store)
    runner = BackgroundRunner()
    context = DeskContext(
        store=store, identity=identity,
        kecamatan_name=catalogues.kecamatan(identity.kecamatan_code).name,
        paths=DataPaths(data_dir=isolated_data_dir, db_file=store.path),
        secrets=secrets, cipher=cipher, settings=desk_settings, runner=runner,
        officer=OFFICER)
    yield context
    assert runner.wait_for_idle(10_000)
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)


def pdf_text(pdf: bytes) -> str:
    """The text of a PDF (a receipt handed to the print preview)."""
    assert pdf.startswith(b"%PDF")
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


# --- ticket detail helpers shared by several test files -----------------------------------


def open_detail(qtbot, ctx: DeskContext, key: str):  # type: ignore[no-untyped-def]
    """The real ticket detail dialog for `key`, shown and loaded."""
    from posko.ui.ticket_detail import TicketDetailDialog

    dialog = TicketDetailDialog(ctx, key)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.show()
    return dialog


def rows(tree: QTreeWidget) -> list[list[str]]:
    return [[tree.topLevelItem(r).text(c) for c in range(tree.columnCount())]
            for r in range(tree.topLevelItemCount())]


def click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    assert widget.isEnabled()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
