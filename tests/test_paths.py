from __future__ import annotations

from pathlib import Path

import pytest

from posko.paths import resolve_paths


def test_arguments_win_over_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSKO_DATA_DIR", str(tmp_path / "env"))
    monkeypatch.setenv("POSKO_DB", str(tmp_path / "env.sqlite3"))
    paths = resolve_paths(data_dir=tmp_path / "arg", db_file=tmp_path / "arg.sqlite3")
    assert paths.data_dir == tmp_path / "arg"
    assert paths.db_file == tmp_path / "arg.sqlite3"
    assert resolve_paths().db_file == tmp_path / "env.sqlite3"


def test_platform_default_and_demo_profile(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POSKO_DATA_DIR")
    normal = resolve_paths()
    demo = resolve_paths(demo=True)
    assert normal.db_file.name == "posko.sqlite3"
    assert demo.data_dir == normal.data_dir / "demo"
    assert demo.backup_dir == demo.data_dir / "backups"
