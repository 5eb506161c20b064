"""The desk window, driven for real with pytest-qt (offscreen)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from posko import app as app_module
from posko.store.database import Store
from posko.store.desk import desk_identity
from posko.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, store: Store, intake):  # type: ignore[no-untyped-def]
    intake(external_refs=["QLUE 1234567"])
    intake(description="Lampu jalan padam di gang Kelinci")
    shown = MainWindow(store, desk_identity(store), "Kramatjati")
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_title_and_count(window: MainWindow) -> None:
    assert window.windowTitle() == "Posko — Kecamatan Kramatjati, Meja 1"
    assert window.statusBar().currentMessage() == "2 tiket tersimpan di meja ini"


def test_typing_searches_after_a_pause(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(window.search_box, "kelinci")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=3000)
    assert "Kelinci" in window.model.row_at(0).description
    assert window.statusBar().currentMessage() == "1 hasil"

    window.search_box.clear()
    qtbot.keyClicks(window.search_box, "qlue 1234")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1
                    and "QLUE 1234567" in window.model.row_at(0).external_refs, timeout=3000)


def test_startup_error_is_a_bilingual_dialog(qapp, tmp_path: Path,  # type: ignore[no-untyped-def]
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []

    def fake_critical(parent: object, title: str, text: str) -> None:
        shown.append(text)

    monkeypatch.setattr(QMessageBox, "critical", fake_critical)
    code = app_module.main(["--db", str(tmp_path / "never-initialised.sqlite3")])
    assert code == 2
    assert len(shown) == 1
    assert "posko init" in shown[0]
    assert "not set up" in shown[0]


def test_posko_desk_starts_and_closes_offscreen(tmp_path: Path) -> None:
    """The real entry point in its own process: window up, closed after start-up, exit 0."""
    db = tmp_path / "gui.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", POSKO_DATA_DIR=str(tmp_path / "data"))
    subprocess.run([sys.executable, "-m", "posko.cli", "--demo", "--db", str(db), "init",
                    "--kecamatan", "31.75.04"], env=env, check=True, capture_output=True,
                   timeout=120)
    result = subprocess.run([sys.executable, "-m", "posko.app", "--demo", "--db", str(db),
                             "--quit-after", "300"], env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    backups = list((tmp_path / "data" / "backups").glob("posko-*-exit.sqlite3"))
    assert len(backups) == 1  # backup on exit
