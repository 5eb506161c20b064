"""Crash safety of the desk: SIGKILL the desk process at random moments, many times.

The driver (crash_driver.py, a real child process) saves walk-in intakes and chases in a real
SQLite desk DB and syncs with the real reference server (`central`, in this process; it is
never killed). Meanwhile another device of the same kecamatan pushes its own tickets and status
changes straight to the server, so every desk sync has something to pull. The supervisor
(this test) kills the driver with SIGKILL at seeded random moments and starts it again.

At the end one last run without a kill syncs everything, and then:
- every intake and chase the driver journaled (after its commit returned) exists exactly once
  locally and exactly once on the server;
- nothing the desk saved is missing on the server, nothing is there twice, the outbox is empty
  (no row lost, none parked);
- `PRAGMA integrity_check` is ok;
- the pull cursor skipped nothing: every item of the server's full change feed (read with
  another device's token) is in the desk DB, with the server's latest status.

Default: 20 kills (about half a minute). Long run: `POSKO_KILLS=500 .venv/bin/pytest -m slow
tests/reliability/test_kill_loop.py` (the slow test does 200 unless POSKO_KILLS says more).
"""

from __future__ import annotations

import json
import os
import random
import selectors
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests

from posko.domain.status import Status
from posko.store.database import Store
from posko.store.desk import initialise_desk
from posko.sync import enrol
from tests.reliability.crash_driver import READY, file_secrets
from tests.sync_client.conftest import Central, Device, enrol_device

DRIVER = Path(__file__).with_name("crash_driver.py")
ROOT = Path(__file__).resolve().parents[2]
DEFAULT_KILLS = 20
LONG_KILLS = 200
MAX_DELAY = 0.9  # seconds of work after "ready" before the kill
START_TIMEOUT = 60.0


def kills_wanted(default: int) -> int:
    override = os.environ.get("POSKO_KILLS")
    return max(1, int(override)) if override else default


@dataclass
class OtherDevice:
    """The other desk of the kecamatan, pushing to the server in a thread while we kill."""

    device: Device
    max_changes: int
    stop: threading.Event = field(default_factory=threading.Event)
    pushed_tickets: list[str] = field(default_factory=list)
    errors: list[BaseException] = field(default_factory=list)
    thread: threading.Thread | None = None

    def run(self) -> None:
        rng = random.Random(7)
        created: list[dict[str, Any]] = []
        try:
            for n in range(1, self.max_changes + 1):
                if self.stop.wait(0.05):
                    return
                fresh = [t for t in created if t["status"] == Status.RECEIVED.value]
                if fresh and rng.random() < 0.4:
                    ticket = rng.choice(fresh)
                    self.device.change_status(ticket, Status.VERIFIED)
                    ticket["status"] = Status.VERIFIED.value
                else:
                    created.append(self.device.create_ticket(sequence=n))
                    self.pushed_tickets.append(created[-1]["uuid"])
        except BaseException as exc:  # reported by the test, not lost in the thread
            self.errors.append(exc)

    def start(self) -> None:
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def finish(self) -> None:
        self.stop.set()
        assert self.thread is not None
        self.thread.join(30)
        assert not self.thread.is_alive()
        assert not self.errors, self.errors


@dataclass
class Desk:
    db: Path
    keyring: Path
    journal: Path
    log: Path


def set_up_desk(tmp_path: Path, central: Central) -> Desk:
    desk = Desk(db=tmp_path / "desk.sqlite3", keyring=tmp_path / "keys" / "keyring.cfg",
                journal=tmp_path / "journal.jsonl", log=tmp_path / "driver.log")
    desk.keyring.parent.mkdir()
    secrets = file_secrets(desk.keyring)
    with Store.open(desk.db) as store:
        initialise_desk(store, secrets, kecamatan_code="31.75.04", desk_number=1)
        enrol(store, secrets, central.url, central.add_device())
    assert desk.keyring.is_file()
    return desk


def start_driver(desk: Desk, seed: int, *extra: str, bug: str | None = None,
                 ) -> subprocess.Popen[str]:
    # The journal may end in a line cut by the last kill: start the next run on a new line.
    if desk.journal.exists() and desk.journal.stat().st_size:
        with desk.journal.open("rb+") as handle:
            handle.seek(-1, os.SEEK_END)
            if handle.read(1) != b"\n":
                handle.write(b"\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT), POSKO_DATA_DIR=str(desk.db.parent / "data"))
    log = desk.log.open("a", encoding="utf-8")
    try:
        return subprocess.Popen(
            [sys.executable, str(DRIVER), "--db", str(desk.db), "--keyring", str(desk.keyring),
             "--journal", str(desk.journal), "--seed", str(seed), *extra,
             *(("--bug", bug) if bug else ())],
            stdout=subprocess.PIPE, stderr=log, text=True, env=env, cwd=ROOT)
    finally:
        log.close()


def wait_ready(proc: subprocess.Popen[str], timeout: float) -> bool:
    """True once the driver printed READY; False if it died first."""
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        selector.register(proc.stdout, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if selector.select(timeout=0.5):
                line = proc.stdout.readline()
                if not line:
                    return False
                if line.strip() == READY:
                    return True
    raise AssertionError("the driver did not start in time")


def driver_log_tail(desk: Desk) -> str:
    return desk.log.read_text(encoding="utf-8")[-3000:] if desk.log.exists() else ""


def kill_loop(desk: Desk, kills: int, seed: int, time_budget: float,
              bug: str | None = None) -> int:
    """SIGKILL the driver `kills` times at seeded random moments; return the kills done."""
    rng = random.Random(seed)
    done = 0
    started = time.monotonic()
    for run in range(kills):
        assert time.monotonic() - started < time_budget, f"only {done} kills in the budget"
        proc = start_driver(desk, seed * 100_000 + run, bug=bug)
        try:
            if rng.random() < 0.1:
                time.sleep(rng.uniform(0.0, 0.5))  # sometimes mid start-up (open, checks)
            else:
                assert wait_ready(proc, START_TIMEOUT) or proc.poll() is not None
                time.sleep(rng.uniform(0.0, MAX_DELAY))
            if proc.poll() is not None:
                pytest.fail(f"driver exited by itself ({proc.returncode}) before kill "
                            f"{run + 1}:\n{driver_log_tail(desk)}")
            proc.send_signal(signal.SIGKILL)
            assert proc.wait(30) == -signal.SIGKILL
            done += 1
            check_after_kill(desk, run)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(30)
            assert proc.stdout is not None
            proc.stdout.close()
    return done


def check_after_kill(desk: Desk, run: int) -> None:
    """Right after a kill (before any restart): every journaled change is in the desk DB,
    and every change the desk made is still in its outbox or already on the server."""
    journal, _cut = read_journal(desk.journal)
    local = sqlite3.connect(f"file:{desk.db}?mode=ro", uri=True)
    server = sqlite3.connect(f"file:{desk.db.parent / 'central.sqlite3'}?mode=ro", uri=True)
    try:
        assert local.execute("PRAGMA quick_check").fetchone()[0] == "ok", run
        tickets = set(uuids(local, "SELECT uuid FROM tickets"))
        follow_ups = set(uuids(local, "SELECT uuid FROM follow_ups"))
        for record in journal:
            assert record["uuid"] in (tickets if record["kind"] == "intake" else follow_ups), (
                run, record)
        waiting = set(uuids(local, "SELECT entity_uuid FROM outbox"))
        created = set(uuids(local, "SELECT entity_uuid FROM audit_log WHERE action = "
                                   "'ticket.create'"))
        lost = created - waiting - set(uuids(server, "SELECT uuid FROM tickets"))
        assert not lost, (run, sorted(lost))
        own_follow_ups = follow_ups - set(uuids(server, "SELECT uuid FROM follow_ups"))
        assert own_follow_ups <= waiting, (run, sorted(own_follow_ups - waiting))
    finally:
        local.close()
        server.close()


def read_journal(path: Path) -> tuple[list[dict[str, Any]], int]:
    """The journaled changes, and how many lines were cut by a kill (mid-write)."""
    records, cut = [], 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except ValueError:
            cut += 1
    return records, cut


def full_feed(central: Central, token: str) -> list[dict[str, Any]]:
    """The server's whole change feed for this kecamatan, as another device reads it."""
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    for _ in range(1000):
        params: dict[str, Any] = {"limit": 500}
        if cursor:
            params["cursor"] = cursor
        answer = requests.get(central.url + "/v1/changes", params=params, timeout=10,
                              headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 200, answer.status_code
        page = answer.json()
        items.extend(page["changes"])
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return items
    raise AssertionError("the change feed did not end")


def uuids(conn: sqlite3.Connection, sql: str, *params: Any) -> list[str]:
    return [row[0] for row in conn.execute(sql, params)]


def check_everything(desk: Desk, central: Central, other: OtherDevice,
                     journal: list[dict[str, Any]]) -> dict[str, int]:
    local = sqlite3.connect(f"file:{desk.db}?mode=ro", uri=True)
    server = sqlite3.connect(f"file:{desk.db.parent / 'central.sqlite3'}?mode=ro", uri=True)
    try:
        assert local.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert local.execute("PRAGMA foreign_key_check").fetchall() == []
        # No outbox row lost: after the final sync nothing waits and nothing is parked.
        assert local.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
        assert local.execute("SELECT count(*) FROM sync_conflicts").fetchone()[0] == 0

        desk_public_id = local.execute(
            "SELECT value FROM meta WHERE key = 'sync.device_id'").fetchone()
        assert desk_public_id is not None
        (desk_device,) = server.execute("SELECT id FROM devices WHERE public_id = ?",
                                        desk_public_id).fetchone()

        # Every journaled change: exactly once here, exactly once there.
        intakes = [r for r in journal if r["kind"] == "intake"]
        chases = [r for r in journal if r["kind"] == "chase"]
        assert len({r["uuid"] for r in intakes}) == len(intakes)
        for record in intakes:
            assert local.execute("SELECT count(*) FROM tickets WHERE uuid = ? AND "
                                 "tracking_code = ?", (record["uuid"], record["code"])
                                 ).fetchone()[0] == 1, record
            assert server.execute("SELECT count(*) FROM tickets WHERE uuid = ? AND "
                                  "tracking_code = ?", (record["uuid"], record["code"])
                                  ).fetchone()[0] == 1, record
        for record in intakes:  # photos: the row here and there, the bytes on the server
            for sha256 in record.get("photos", []):
                assert local.execute(
                    "SELECT count(*) FROM attachments a JOIN tickets t ON t.id = a.ticket_id "
                    "WHERE t.uuid = ? AND a.sha256 = ?", (record["uuid"], sha256)
                ).fetchone()[0] == 1, record
                assert server.execute("SELECT count(*) FROM blobs WHERE sha256 = ?",
                                      (sha256,)).fetchone()[0] == 1, record
        assert set(uuids(local, "SELECT uuid FROM attachments")) == set(
            uuids(server, "SELECT uuid FROM attachments"))
        for record in chases:
            assert local.execute("SELECT count(*) FROM follow_ups WHERE uuid = ?",
                                 (record["uuid"],)).fetchone()[0] == 1, record
            assert server.execute("SELECT count(*) FROM follow_ups WHERE uuid = ?",
                                  (record["uuid"],)).fetchone()[0] == 1, record

        # Everything the desk created (journaled or cut off before its journal line) is on
        # the server, and the server holds nothing from this desk that the desk lacks.
        created_here = set(uuids(local, "SELECT entity_uuid FROM audit_log WHERE action = "
                                        "'ticket.create'"))
        assert {r["uuid"] for r in intakes} <= created_here
        from_desk = uuids(server, "SELECT uuid FROM tickets WHERE device_id = ?", desk_device)
        assert len(from_desk) == len(set(from_desk))
        assert set(from_desk) == created_here
        local_follow_ups = set(uuids(local, "SELECT uuid FROM follow_ups"))
        server_follow_ups = set(uuids(server, "SELECT uuid FROM follow_ups"))
        assert local_follow_ups == server_follow_ups
        assert set(uuids(local, "SELECT uuid FROM status_events")) == set(
            uuids(server, "SELECT uuid FROM status_events"))
        local_tickets = uuids(local, "SELECT uuid FROM tickets")
        assert sorted(local_tickets) == sorted(uuids(server, "SELECT uuid FROM tickets"))
        codes = uuids(local, "SELECT tracking_code FROM tickets")
        assert len(codes) == len(set(codes))

        # The pull cursor skipped nothing: the full feed, read by another device, is here.
        feed = full_feed(central, other.device.token)
        # (Attachments in the feed are all this desk's own here: the other device sends none,
        # and the desk does not download other desks' files.)
        tables = {"ticket": "tickets", "status_event": "status_events",
                  "follow_up": "follow_ups", "note": "notes", "attachment": "attachments"}
        for item in feed:
            assert item["op"] != "delete"
            found = local.execute(f"SELECT count(*) FROM {tables[item['kind']]} WHERE uuid = ?",
                                  (item["uuid"],)).fetchone()[0]
            assert found == 1, (item["kind"], item["uuid"])
            if item["kind"] == "ticket":
                (status,) = local.execute("SELECT status FROM tickets WHERE uuid = ?",
                                          (item["uuid"],)).fetchone()
                assert status == item["data"]["status"], item["uuid"]
        assert set(other.pushed_tickets) <= set(local_tickets)
        photos = sum(len(r.get("photos", [])) for r in intakes)
        return {"local_tickets": len(local_tickets), "from_desk": len(from_desk),
                "photos": photos,
                "other_device": len(other.pushed_tickets), "feed": len(feed),
                "follow_ups": len(local_follow_ups)}
    finally:
        local.close()
        server.close()


def run_crash_loop(tmp_path: Path, central: Central, monkeypatch: pytest.MonkeyPatch,
                   kills: int, seed: int, time_budget: float,
                   bug: str | None = None) -> dict[str, int]:
    # The desk's keys live in a keyrings.alt file in this test's folder, chosen the way an
    # administrator would (keyring's own setting), for this process and the driver's.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    desk = set_up_desk(tmp_path, central)
    other = OtherDevice(enrol_device(central, desk=2), max_changes=20 * kills + 50)
    other.start()
    started = time.monotonic()
    try:
        done = kill_loop(desk, kills, seed, time_budget, bug)
    finally:
        other.finish()
    assert done == kills  # every kill hit a live desk process
    final = start_driver(desk, seed * 100_000 + kills + 1, "--final")
    try:
        code = final.wait(120)
    finally:
        if final.poll() is None:
            final.kill()
            final.wait(30)
        assert final.stdout is not None
        final.stdout.close()
    assert code == 0, driver_log_tail(desk)
    journal, cut = read_journal(desk.journal)
    figures = check_everything(desk, central, other, journal)
    figures.update(kills=done, journaled=len(journal), cut_lines=cut,
                   seconds=int(time.monotonic() - started))
    print(f"\nkill loop: {figures}")
    # The loop must have done real work between the kills, or it proves nothing.
    assert sum(r["kind"] == "intake" for r in journal) >= kills // 2
    assert figures["other_device"] > 0
    return figures


def test_desk_survives_sigkill_at_random_moments(tmp_path: Path, central: Central,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    run_crash_loop(tmp_path, central, monkeypatch, kills_wanted(DEFAULT_KILLS),
                   seed=20261128, time_budget=240.0)


@pytest.mark.slow
def test_desk_survives_hundreds_of_sigkills(tmp_path: Path, central: Central,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    kills = max(kills_wanted(LONG_KILLS), LONG_KILLS)
    run_crash_loop(tmp_path, central, monkeypatch, kills, seed=8, time_budget=kills * 6.0)


@pytest.mark.slow
def test_the_kill_loop_catches_a_cursor_saved_before_its_page(
        tmp_path: Path, central: Central, monkeypatch: pytest.MonkeyPatch) -> None:
    """The harness itself: with a planted bug (cursor committed before its page) the final
    checks must fail, or a green kill loop would prove nothing."""
    with pytest.raises(AssertionError):
        run_crash_loop(tmp_path, central, monkeypatch, 40, seed=3, time_budget=400.0,
                       bug="cursor-before-page")


FIRST_START_KILLS = 6


def test_first_start_killed_at_random_moments_starts_cleanly_next_time(
        tmp_path: Path) -> None:
    """`posko init` (create the file, run every migration, store the key) SIGKILLed at
    seeded random moments: the next start must finish the job on the same folder."""
    rng = random.Random(11)
    env = dict(os.environ, PYTHONPATH=str(ROOT), XDG_CONFIG_HOME=str(tmp_path / "config"))
    killed = 0
    for run in range(FIRST_START_KILLS):
        data = tmp_path / f"desk-{run}"
        command = [sys.executable, "-m", "posko.cli", "--demo", "--data-dir", str(data),
                   "init", "--kecamatan", "31.75.04"]
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 30
            # Wait until the DB file exists, then kill somewhere in its first moments.
            while not (data / "posko.sqlite3").exists() and proc.poll() is None:
                assert time.monotonic() < deadline, "init never created the DB"
                time.sleep(0.005)
            time.sleep(rng.uniform(0.0, 0.25))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                assert proc.wait(30) == -signal.SIGKILL
                killed += 1
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait(30)
        again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120,
                               check=False)
        assert again.returncode == 0, again.stderr
        with Store.open(data / "posko.sqlite3") as store:  # migrated to head, sound, set up
            assert store.integrity_ok()
            assert store.get_meta("kecamatan_code") == "31.75.04"
    assert killed >= FIRST_START_KILLS // 2  # most kills must land while init still ran
