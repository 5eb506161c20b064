"""Opening the desk DB at start-up: an upgrade says so while it runs."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from PySide6.QtWidgets import QApplication, QLabel

from posko.paths import DataPaths
from posko.store import migrate
from posko.store.database import Store
from posko.ui import startup


def _db_at_0004(path: Path) -> None:
    store = Store.open(path)
    with store.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0004")
    store.close()


def _notices() -> list[str]:
    return [w.text() for w in QApplication.topLevelWidgets()
            if isinstance(w, QLabel) and w.isVisible() and "Memperbarui" in w.text()]


def test_an_upgrade_shows_a_notice_until_it_is_done(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                    monkeypatch) -> None:
    paths = DataPaths(data_dir=tmp_path / "data", db_file=tmp_path / "data" / "desk.sqlite3")
    paths.data_dir.mkdir()
    _db_at_0004(paths.db_file)
    seen_while_migrating: list[list[str]] = []
    upgrade = migrate.upgrade_to_head

    def watched(connection):  # type: ignore[no-untyped-def]
        seen_while_migrating.append(_notices())
        upgrade(connection)

    monkeypatch.setattr(migrate, "upgrade_to_head", watched)
    store = startup.open_desk_store(paths)
    try:
        assert len(seen_while_migrating) == 1
        assert len(seen_while_migrating[0]) == 1
        assert "Jangan matikan komputer" in seen_while_migrating[0][0]
        assert _notices() == []  # gone once the store is open
        assert list(paths.backup_dir.glob("*")), "the pre-migration backup was taken"
    finally:
        store.close()

    seen_while_migrating.clear()
    store = startup.open_desk_store(paths)  # at head now: no upgrade, no notice
    store.close()
    assert seen_while_migrating == []


def test_a_new_db_needs_no_notice(tmp_path: Path) -> None:
    calls: list[str] = []
    store = Store.open(tmp_path / "new.sqlite3", on_upgrade=lambda: calls.append("up"))
    store.close()
    store = Store.open(tmp_path / "new.sqlite3", on_upgrade=lambda: calls.append("up"))
    store.close()
    assert calls == []
