"""`posko enrol`, `posko sync --once` and `posko outbox` against the real reference server."""

from __future__ import annotations

import io
from pathlib import Path

from posko import cli
from posko.store.database import Store
from tests.sync_client.conftest import Central


def posko(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_enrol_sync_and_outbox(store: Store, intake, central: Central, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    intake()
    intake()
    db = str(db_path)
    code, out, _err = posko("--db", db, "outbox")
    assert code == 0
    assert "2 perubahan belum terkirim" in out
    assert out.count("ticket.created") == 2

    code, out, err = posko("--db", db, "enrol", central.url, central.add_device())
    assert code == 0, err
    assert "Kramatjati" in out

    code, out, err = posko("--db", db, "sync", "--once")
    assert code == 0, err
    assert "Terkirim 2" in out
    assert "push" in err  # progress shown

    code, out, _err = posko("--db", db, "outbox")
    assert "0 perubahan belum terkirim" in out


def test_sync_while_offline_fails_clearly(store: Store, intake, central: Central,  # type: ignore[no-untyped-def]
                                          db_path: Path) -> None:
    db = str(db_path)
    assert posko("--db", db, "enrol", central.url, central.add_device())[0] == 0
    intake()
    central.stop()
    code, out, err = posko("--db", db, "sync", "--once")
    assert code == cli.EXIT_USER_ERROR
    assert "Terkirim 0" in out
    assert "Traceback" not in err
    assert "1 perubahan belum terkirim" in posko("--db", db, "outbox")[1]


def test_enrol_with_a_wrong_code(store: Store, central: Central, db_path: Path) -> None:
    code, _out, err = posko("--db", str(db_path), "enrol", central.url, "WRONG-CODE-1234")
    assert code == cli.EXIT_USER_ERROR
    assert err.startswith("Galat: ")
    assert "WRONG-CODE-1234" not in err
