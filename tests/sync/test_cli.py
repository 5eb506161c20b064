"""`posko-central` commands, the app-ticket importer, demo data and the demo server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from posko_central.cli import main
from posko_central.db import Database
from posko_central.demo import start_demo_server
from posko_central.importer import path_to

from posko.domain.status import Status
from tests.sync.conftest import PgCluster, free_port


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_device_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ("--data-dir", str(tmp_path))
    code, out, _ = run(capsys, *base, "add-device", "--kecamatan", "31.75.04", "--name",
                       "Meja 1", "--json")
    assert code == 0
    added = json.loads(out)
    assert added["desk_number"] == 1
    assert len(added["enrolment_code"]) == 14
    code, out, _ = run(capsys, *base, "add-device", "--kecamatan", "31.75.04", "--name",
                       "Meja 2")
    assert code == 0
    assert "Kode pendaftaran" in out
    code, out, _ = run(capsys, *base, "list-devices")
    assert out.count("31.75.04") == 2
    assert "pending" in out
    code, out, _ = run(capsys, *base, "revoke-device", added["device_id"][:8])
    assert code == 0
    assert "revoked" in out
    code, _, err = run(capsys, *base, "add-device", "--kecamatan", "99.99.99", "--name", "X")
    assert code == 2
    assert "Unknown kecamatan" in err
    code, _, err = run(capsys, *base, "add-device", "--kecamatan", "31.75.04", "--name", "X",
                       "--desk", "31")
    assert code == 2
    assert "desk number" in err


def test_import_app_tickets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [
        {"source": "JAKI", "number": "10000001", "kelurahan_code": "31.75.04.1001",
         "category": "sampah", "description": "Sampah menumpuk",
         "created_at": "2025-01-06T08:00:00+07:00", "reporter": {"kind": "anonymous"},
         "history": [{"status": "Menunggu", "at": "2025-01-06T08:00:00+07:00"},
                     {"status": "Disposisi", "at": "2025-01-07T09:00:00+07:00",
                      "actor": "Dinas Lingkungan Hidup"}]},
        {"source": "QLUE", "number": "2000002", "kelurahan_code": "31.75.02.1001",
         "category": "pju", "description": "Lampu mati",
         "created_at": "2025-01-06T10:00:00+07:00",
         "more_refs": [{"source": "LAPOR", "number": "30000003"}]},
        {"source": "QLUE", "number": "bad", "kelurahan_code": "31.75.04.1001"},
    ]
    source = tmp_path / "app.jsonl"
    source.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    base = ("--data-dir", str(tmp_path / "data"))
    code, out, err = run(capsys, *base, "import-app-tickets", str(source))
    assert code == 2  # one bad line
    assert "created: 2" in out
    assert "line 3" in err
    # The agencies moved on: importing again adds only the newer history.
    lines[0]["history"].append({"status": "Selesai", "at": "2025-01-20T09:00:00+07:00",
                                "actor": "Dinas Lingkungan Hidup"})
    source.write_text("\n".join(json.dumps(x) for x in lines[:2]) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, *base, "import-app-tickets", str(source))
    assert code == 0
    assert "updated: 1" in out
    assert "unchanged: 1" in out
    db = Database(f"sqlite:///{tmp_path / 'data' / 'central.sqlite3'}")
    from posko_central.models import StatusEventRow, TicketRow
    from sqlalchemy import select

    with db.read() as session:
        ticket = session.scalar(select(TicketRow).where(TicketRow.kecamatan_code == "31.75.04"))
        assert ticket is not None
        statuses = session.scalars(select(StatusEventRow.status).where(
            StatusEventRow.ticket_id == ticket.id).order_by(StatusEventRow.at,
                                                            StatusEventRow.id)).all()
    db.close()
    # Menunggu, Koordinasi (implied), Disposisi, Proses (implied), Selesai -> awaiting
    assert statuses == ["received", "verified", "dispatched", "in_progress",
                        "awaiting_validation"]
    assert ticket.status == "awaiting_validation"


def test_path_through_the_state_machine() -> None:
    assert path_to(Status.RECEIVED, Status.IN_PROGRESS) == [
        Status.VERIFIED, Status.DISPATCHED, Status.IN_PROGRESS]
    assert path_to(Status.DONE, Status.DONE) == []
    with pytest.raises(ValueError, match="unreachable"):
        path_to(Status.REJECTED, Status.DONE)


def test_demo_data_delete_and_openapi(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ("--data-dir", str(tmp_path))
    code, out, _ = run(capsys, *base, "demo-data", "--tickets", "300")
    assert code == 0
    assert "demo" in out
    code, _, err = run(capsys, *base, "demo-data", "--tickets", "300")
    assert code == 2
    assert "already" in err
    db = Database(f"sqlite:///{tmp_path / 'central.sqlite3'}")
    from posko_central.models import ExternalRefRow, TicketRow
    from sqlalchemy import func, select

    with db.read() as session:
        per_kecamatan = {k: n for k, n in session.execute(
            select(TicketRow.kecamatan_code, func.count()).group_by(TicketRow.kecamatan_code))}
        open_old = session.scalar(select(func.count()).select_from(TicketRow).where(
            TicketRow.status.in_(["in_progress", "dispatched"])))
        code_of_one = session.scalar(select(TicketRow.tracking_code).limit(1))
        refs = session.scalar(select(func.count()).select_from(ExternalRefRow))
    db.close()
    assert len(per_kecamatan) == 10
    assert all(k.startswith("31.75.") for k in per_kecamatan)
    assert sum(per_kecamatan.values()) >= 250
    assert refs
    assert open_old
    code, out, _ = run(capsys, *base, "delete-ticket", str(code_of_one), "--kecamatan",
                       str(code_of_one and "31.75.01"))
    # (the first ticket need not be in 31.75.01: either way the answer is clean)
    assert code in (0, 2)
    target = tmp_path / "openapi.yaml"
    assert run(capsys, "openapi", "--output", str(target))[0] == 0
    shipped = Path(__file__).resolve().parents[2] / "sync" / "openapi.yaml"
    assert target.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")


def test_start_demo_server(tmp_path: Path) -> None:
    port = free_port()
    server = start_demo_server(tmp_path / "demo", port, tickets=100, desk_tickets=200)
    try:
        enrolled = requests.post(server.url + "/v1/enrolments",
                                 json={"code": server.enrolment_code}, timeout=10)
        assert enrolled.status_code == 201
        token = enrolled.json()["token"]
        pulled = requests.get(server.url + "/v1/changes", params={"limit": 1000},
                              headers={"Authorization": f"Bearer {token}"}, timeout=30).json()
        tickets = [i["data"] for i in pulled["changes"] if i["kind"] == "ticket"]
        assert tickets
        assert all(t["kecamatan_code"] == "31.75.04" for t in tickets)
        assert all(t["origin"] == "app" for t in tickets)
        # Same app tickets as the demo desk's own demo data (posko demo-data, seed 1).
        from posko import demo_data

        desk_apps = {c.ticket.uuid for c in demo_data.generate("31.75.04", 200, seed=1)
                     if c.ticket.origin.value == "app"}
        assert {t["uuid"] for t in tickets} == desk_apps
    finally:
        server.stop()
    # A second start reuses the data and issues a new code.
    again = start_demo_server(tmp_path / "demo", free_port(), tickets=100, desk_tickets=200)
    try:
        assert again.enrolment_code != server.enrolment_code
    finally:
        again.stop()


def test_serve_with_workers_on_postgresql(pg_cluster: PgCluster, tmp_path: Path) -> None:
    url = pg_cluster.new_database()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("POSKO_CENTRAL")}
    code = subprocess.run([sys.executable, "-m", "posko_central.cli", "--db", url,
                           "add-device", "--kecamatan", "31.75.04", "--name", "Meja 1",
                           "--json"], capture_output=True, text=True, check=True, env=env,
                          timeout=120)
    enrolment = json.loads(code.stdout)["enrolment_code"]
    process = subprocess.Popen([sys.executable, "-m", "posko_central.cli", "--db", url,
                                "serve", "--port", str(port), "--workers", "2"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(base + "/healthz", timeout=2).json()["database"] == \
                        "postgresql":
                    break
            except (requests.RequestException, ValueError):
                pass
            assert time.monotonic() < deadline
            assert process.poll() is None
            time.sleep(0.2)
        answer = requests.post(base + "/v1/enrolments", json={"code": enrolment}, timeout=10)
        assert answer.status_code == 201
    finally:
        process.terminate()
        try:
            process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate(timeout=30)


def test_demo_setup_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ("--data-dir", str(tmp_path))
    code, out, _ = run(capsys, *base, "demo-setup", "--tickets", "50", "--desk-tickets", "100")
    assert code == 0
    first = json.loads(out)
    assert first["kecamatan_code"] == "31.75.04"
    code, out, _ = run(capsys, *base, "demo-setup", "--tickets", "50", "--desk-tickets", "100")
    second = json.loads(out)  # data loaded once; a new device and code each time
    assert second["enrolment_code"] != first["enrolment_code"]
    assert second["db"] == first["db"]
