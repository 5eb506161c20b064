"""The demo central server that ``scripts/dev.py run`` starts beside the demo desk.

    server = start_demo_server(data_dir, port)      # migrates, loads demo data once
    server.url, server.enrolment_code               # give these to the desk
    ...
    server.stop()

The server runs as a child process (``python -m posko_central.cli serve``) on 127.0.0.1, with
its SQLite database in ``data_dir``. Each call registers a fresh device ("Meja 1 (demo)")
for the demo kecamatan and returns its one-time enrolment code.

Demo data for the desk's own kecamatan is generated exactly as ``posko demo-data`` does for
the demo desk (same count, seed and day), so when the desk pulls, the app tickets it already
holds arrive with the same UUIDs and tracking codes instead of colliding.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests

from posko_central.auth import add_device, list_devices, revoke_device
from posko_central.db import Database, migrate, sqlite_url
from posko_central.importer import DEMO_META_KEY, load_demo
from posko_central.models import ServerMeta

DEMO_KECAMATAN = "31.75.04"


@dataclass
class DemoServer:
    url: str
    enrolment_code: str
    device_id: str
    process: subprocess.Popen[bytes]
    log_file: Path

    def stop(self, timeout: float = 10) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout)


DEMO_DESK = 1


def prepare_demo(data_dir: Path, *, kecamatan: str = DEMO_KECAMATAN,
                 desk_name: str = "Meja 1 (demo)", tickets: int = 3000, seed: int = 1,
                 desk_tickets: int = 2000, desk_seed: int = 1) -> tuple[str, str, str]:
    """Migrate, load demo data once, register a device: (db url, code, device id)."""
    url = sqlite_url(Path(data_dir) / "central.sqlite3")
    db = Database(url)
    try:
        migrate(db)
        with db.read() as session:
            loaded = session.get(ServerMeta, DEMO_META_KEY) is not None
        if not loaded:
            load_demo(db, tickets=tickets, seed=seed,
                      same_as_desk=(kecamatan, desk_tickets, desk_seed))
        # The demo desk is desk 1: a fresh enrolment code each start, the previous demo
        # device revoked, so the desk number always matches the desk's tracking codes.
        for device in list_devices(db, kecamatan):
            if device.desk_number == DEMO_DESK and device.revoked_at is None:
                revoke_device(db, device.public_id)
        info, code = add_device(db, kecamatan, desk_name, desk=DEMO_DESK)
    finally:
        db.close()
    return url, code, info.public_id


def start_demo_server(data_dir: Path, port: int, *, host: str = "127.0.0.1",
                      kecamatan: str = DEMO_KECAMATAN, tickets: int = 3000, seed: int = 1,
                      desk_tickets: int = 2000, desk_seed: int = 1,
                      startup_timeout: float = 60) -> DemoServer:
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    url, code, device_id = prepare_demo(data_dir, kecamatan=kecamatan, tickets=tickets,
                                        seed=seed, desk_tickets=desk_tickets,
                                        desk_seed=desk_seed)
    log_file = data_dir / "server.log"
    with log_file.open("ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "posko_central.cli", "--db", url, "serve", "--host", host,
             "--port", str(port)], stdout=log, stderr=log, env=dict(os.environ))
    base = f"http://{host}:{port}"
    server = DemoServer(base, code, device_id, process, log_file)
    deadline = time.monotonic() + startup_timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"posko-central exited early; see {log_file}")
        try:
            if requests.get(base + "/healthz", timeout=2).status_code == 200:
                return server
        except requests.RequestException:
            pass
        time.sleep(0.1)
    server.stop()
    raise RuntimeError(f"posko-central did not answer on {base}; see {log_file}")
