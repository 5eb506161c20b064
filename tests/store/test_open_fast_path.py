"""Opening an up-to-date desk DB skips Alembic (start-up time); anything else still goes
through Alembic's checks and migrations."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

from posko.store import database, migrate
from posko.store.database import DeferredIntegrityCheck, Store

ROOT = Path(__file__).resolve().parents[2]
VERSIONS = ROOT / "src" / "posko" / "store" / "migrations" / "versions"


def test_migration_files_are_named_after_their_revision_in_one_chain() -> None:
    """The fast check reads the head from the file names: keep NNNN_name.py = revision NNNN,
    each revising the one before (add 0004_... after 0003_...)."""
    files = sorted(p for p in VERSIONS.glob("*.py") if p.name != "__init__.py")
    previous = None
    for path in files:
        text = path.read_text()
        revision = re.search(r"^revision: str = '(\w+)'", text, re.M)
        down = re.search(r"^down_revision: .* = (None|'\w+')", text, re.M)
        assert revision, path.name
        assert down, path.name
        assert path.name.startswith(revision.group(1) + "_"), path.name
        assert down.group(1).strip("'") == (previous or "None"), path.name
        previous = revision.group(1)
    assert database._head_from_files() == previous == migrate.head_revision()


def test_an_up_to_date_db_opens_without_importing_alembic(store: Store, db_path: Path) -> None:
    store.close()
    script = textwrap.dedent(f"""
        import sys
        from posko.store.database import Store
        Store.open({str(db_path)!r}, check_integrity=False).close()
        print("alembic" in sys.modules)
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=60, cwd=ROOT, env=dict(os.environ))
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "False"


def test_an_older_db_is_still_migrated(store: Store, db_path: Path) -> None:
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE sync_conflicts")
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0002'")
    store.close()
    with Store.open(db_path) as reopened, reopened.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
        assert conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE name = 'sync_conflicts'").scalar() == 1


def test_the_deferred_integrity_check(store: Store, db_path: Path, intake) -> None:  # type: ignore[no-untyped-def]
    intake()
    check = store.deferred_integrity_check()
    assert isinstance(check, DeferredIntegrityCheck)
    assert check.run() is True
    cancelled = store.deferred_integrity_check()
    cancelled.cancel()
    assert cancelled.run() is None


def test_the_deferred_integrity_check_reports_damage_as_corrupt(
        store: Store, db_path: Path, tmp_path: Path, intake) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from posko.store.database import wal_checkpoint
    from posko.store.errors import DatabaseCorrupt

    for n in range(30):
        intake(description=f"Jalan berlubang nomor {n} " + "panjang " * 40)
    wal_checkpoint(store.engine)
    store.close()
    data = bytearray(db_path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for start in range(len(data) // 2 // page_size * page_size, len(data), page_size):
        data[start + page_size // 2 : start + page_size] = b"\xff" * (page_size // 2)
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(bytes(data))
    with pytest.raises(DatabaseCorrupt) as caught:
        DeferredIntegrityCheck(damaged).run()
    assert "posko restore" in caught.value.message_en


def test_a_db_file_cut_short_is_corrupt_at_open_without_the_full_check(
        store: Store, db_path: Path, tmp_path: Path, intake) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from posko.store.database import wal_checkpoint
    from posko.store.errors import DatabaseCorrupt

    for n in range(30):
        intake(description=f"Jalan berlubang nomor {n} " + "panjang " * 40)
    wal_checkpoint(store.engine)
    store.close()
    data = db_path.read_bytes()
    cut = tmp_path / "cut.sqlite3"
    cut.write_bytes(data[: len(data) * 9 // 10])  # the schema pages are all still there
    with pytest.raises(DatabaseCorrupt) as caught:
        Store.open(cut, check_integrity=False)
    assert "cut short" in caught.value.message_en
    whole = tmp_path / "whole.sqlite3"
    whole.write_bytes(data)
    Store.open(whole, check_integrity=False).close()
