#!/usr/bin/env python3
"""Sync at scale against the reference server (posko-central) over 127.0.0.1.

Run from the repository root:

    .venv/bin/python benchmarks/bench_sync.py --write              # 100,000 tickets pulled
    .venv/bin/python benchmarks/bench_sync.py --pull-tickets 20000  # quicker

What it measures (issue 9), each with a baseline from the same run:

1. **Pull**: a server DB pre-filled with N app tickets of one kecamatan (the server's bulk
   demo path, `posko_central.importer`), `posko-central serve` in its own process, and a
   fresh desk that pulls everything with the real sync engine (`SyncEngine.run_once`).
   Baseline: the very rows the desk ended up with (tickets, external refs, status events,
   follow-ups), inserted with raw `sqlite3.executemany` into a fresh DB with the desk's own
   DDL (same tables, indexes, FTS table and triggers), one transaction. Goal: pull within
   2.5x of that. A second, stricter baseline without the search index is shown too.
2. **Push**: 1,000 outbox rows (1,000 saved intakes) pushed by the engine. Baseline: GET
   /healthz on the same server (p95 of an empty request, times the number of calls).
   Goal: < 10 s.
3. **10 desks at once**, on SQLite and on PostgreSQL (a throwaway cluster started like
   tests/sync/conftest.py; skipped with a line in the results only when no initdb exists):
   each desk (its own process, its own kecamatan) holds 100 new intakes and pulls its
   kecamatan's app tickets; all start together. Reported: pull throughput (feed items and
   tickets per second, all desks together), push batch p95, pull page p95, errors (must be 0).
"""

from __future__ import annotations

import argparse
import glob
import multiprocessing as mp
import os
import platform
import pwd
import shlex
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from results_file import publish

ROOT = Path(__file__).resolve().parent.parent
SECTION_START = "<!-- sync:start -->"
SECTION_END = "<!-- sync:end -->"
KECAMATAN = "31.75.04"
PULL_RATIO_GOAL = 2.5
PUSH_GOAL_S = 10.0
TODAY = date(2026, 11, 28)


def pct(values: list[float], q: int) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# ------------------------------------------------------------------------------ server


def fill_server(db_url: str, kecamatan: str, count: int, seed: int,
                used_refs: set[tuple[str, str]]) -> tuple[int, float]:
    """`count` app tickets for `kecamatan` through the server's bulk demo path (10k per
    transaction). Returns (tickets, seconds)."""
    from posko_central.db import Database, migrate
    from posko_central.importer import _bulk_demo

    from posko import demo_data
    from posko.domain.models import Origin

    db = Database(db_url)
    migrate(db)
    started = time.perf_counter()
    chunk: list[Any] = []
    total = 0
    # 35 % of demo cases are app tickets; ask for enough and stop at `count`.
    for case in demo_data.generate(kecamatan, int(count / 0.33) + 100, seed=seed, desk=1,
                                   today=TODAY):
        if case.ticket.origin is not Origin.APP:
            continue
        chunk.append(case)
        if len(chunk) == 10_000 or total + len(chunk) == count:
            total += _bulk_demo(db, kecamatan, chunk, used_refs)
            chunk = []
            if total >= count:
                break
    if chunk:
        total += _bulk_demo(db, kecamatan, chunk, used_refs)
    db.close()
    return total, time.perf_counter() - started


def add_devices(db_url: str, kecamatans: list[str]) -> list[str]:
    from posko_central.auth import add_device
    from posko_central.db import Database

    db = Database(db_url)
    try:
        return [add_device(db, kec, f"Meja bench {i}", desk=1)[1]
                for i, kec in enumerate(kecamatans)]
    finally:
        db.close()


class ServerProcess:
    """`python -m posko_central.cli --db URL serve` on a free 127.0.0.1 port."""

    def __init__(self, db_url: str, workdir: Path, workers: int = 1) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = workdir / f"server-{self.port}.log"
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(
            [str(ROOT / "sync"), str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]))
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "posko_central.cli", "--db", db_url, "serve", "--host",
                 "127.0.0.1", "--port", str(self.port), "--workers", str(workers),
                 "--log-level", "warning"], stdout=log, stderr=log, env=env)

    def __enter__(self) -> ServerProcess:
        import requests

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"posko-central exited; see {self.log}")
            try:
                if requests.get(self.url + "/healthz", timeout=2).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.1)
        self.__exit__()
        raise RuntimeError(f"posko-central did not answer; see {self.log}")

    def __exit__(self, *exc: object) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(20)


def healthz_times(url: str, count: int) -> list[float]:
    import requests

    times = []
    with requests.Session() as session:
        for _ in range(count):
            started = time.perf_counter()
            session.get(url + "/healthz", timeout=10).raise_for_status()
            times.append((time.perf_counter() - started) * 1000)
    return times


# ------------------------------------------------------------------------------ desk


def timed_client_factory(calls: dict[str, list[float]]) -> Any:
    from posko.sync.client import SyncClient

    class TimedClient(SyncClient):
        def push(self, changes: list[dict[str, Any]], idempotency_key: str) -> Any:
            started = time.perf_counter()
            try:
                return super().push(changes, idempotency_key)
            finally:
                calls.setdefault("push", []).append((time.perf_counter() - started) * 1000)

        def pull(self, cursor: str | None, limit: int = 500) -> Any:
            started = time.perf_counter()
            try:
                return super().pull(cursor, limit)
            finally:
                calls.setdefault("pull", []).append((time.perf_counter() - started) * 1000)

    return lambda url, token: TimedClient(url, token)


def new_desk(path: Path, kecamatan: str, url: str, code: str) -> tuple[Any, Any, Any]:
    from posko.secrets import MemorySecrets
    from posko.store.database import Store
    from posko.store.desk import initialise_desk, nik_cipher
    from posko.sync import enrol

    store = Store.open(path)
    secrets = MemorySecrets()
    initialise_desk(store, secrets, kecamatan_code=kecamatan, desk_number=1)
    enrol(store, secrets, url, code)
    return store, secrets, nik_cipher(store, secrets)


def save_intakes(store: Any, cipher: Any, kecamatan: str, count: int, seed: int) -> None:
    """`count` walk-in intakes through the real save path (each leaves one outbox row)."""
    from posko import demo_data
    from posko.domain.models import Origin
    from posko.store.tickets import record_intake

    saved = 0
    for case in demo_data.generate(kecamatan, count * 3 + 50, seed=seed, desk=1, today=TODAY):
        t = case.ticket
        if t.origin is Origin.APP:
            continue
        record_intake(store, cipher, origin=t.origin, category=t.category, location=t.location,
                      description=t.description, reporter=t.reporter, consent=True,
                      officer="budi")
        saved += 1
        if saved == count:
            return
    raise RuntimeError("not enough walk-in cases generated")


@dataclass
class SyncRun:
    seconds: float = 0.0
    push_seconds: float = 0.0
    pushed: int = 0
    pulled: int = 0
    pages: int = 0
    tickets: int = 0
    error: str | None = None
    calls: dict[str, list[float]] = field(default_factory=dict)


def run_sync(store: Any, secrets: Any, pull_page: int | None = None) -> SyncRun:
    from posko.sync import SyncEngine
    from posko.sync.engine import PULL_PAGE

    run = SyncRun()
    marks: dict[str, float] = {}
    engine = SyncEngine(store, secrets, client_factory=timed_client_factory(run.calls),
                        pull_page=pull_page or PULL_PAGE, sleep=lambda s: time.sleep(min(s, 2.0)))

    def progress(p: Any) -> None:
        marks[p.phase] = time.perf_counter()

    started = time.perf_counter()
    report = engine.run_once(progress)
    run.seconds = time.perf_counter() - started
    run.push_seconds = (marks["push"] - started) if "push" in marks else 0.0
    run.pushed, run.pulled, run.pages = report.pushed, report.pulled, report.pages
    if report.error or report.parked or report.conflicts:
        run.error = f"{report.error} parked={report.parked} conflicts={report.conflicts}"
    with store.engine.connect() as conn:
        run.tickets = int(conn.exec_driver_sql("SELECT count(*) FROM tickets").scalar() or 0)
    return run


# ------------------------------------------------------------------------------ baseline

_COPY = {
    "tickets": "SELECT * FROM tickets ORDER BY id",
    "external_refs": "SELECT * FROM external_refs ORDER BY id",
    "status_events": "SELECT * FROM status_events ORDER BY id",
    "follow_ups": "SELECT * FROM follow_ups ORDER BY id",
}


def raw_baseline(desk_db: Path, target: Path, *, search_index: bool) -> tuple[float, int]:
    """Raw sqlite3: the desk's rows into a fresh DB with the desk's DDL, one executemany per
    table in one transaction. Returns (seconds, rows)."""
    src = sqlite3.connect(desk_db)
    ddl = [sql for (sql,) in src.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'ticket_fts_%' "
        "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid")]
    if not search_index:
        ddl = [d for d in ddl if "ticket_fts" not in d]
    data = {table: src.execute(query).fetchall() for table, query in _COPY.items()}
    src.close()
    dst = sqlite3.connect(target, isolation_level=None)
    dst.execute("PRAGMA journal_mode = WAL")
    dst.execute("PRAGMA synchronous = NORMAL")
    for statement in ddl:
        dst.execute(statement)
    rows = 0
    started = time.perf_counter()
    dst.execute("BEGIN")
    for table, values in data.items():
        if values:
            marks = ", ".join("?" for _ in values[0])
            dst.executemany(f"INSERT INTO {table} VALUES ({marks})", values)
            rows += len(values)
    dst.execute("COMMIT")
    seconds = time.perf_counter() - started
    dst.close()
    return seconds, rows


# ------------------------------------------------------------------------------ PostgreSQL


@dataclass
class PgCluster:
    url_base: str
    stop: Any


def start_postgres(workdir: Path) -> PgCluster | str:
    """A throwaway cluster (as tests/sync/conftest.py); a reason string when impossible."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if shutil.which("initdb"):
        found.append(str(shutil.which("initdb")))
    if not found:
        return "no PostgreSQL server binaries (initdb) on this machine"
    bindir = Path(found[0]).parent
    prefix: list[str] = []
    user = pwd.getpwuid(os.geteuid()).pw_name
    # Its own folder under the system temp dir: the postgres user must be able to reach it
    # (the benchmark's work folder is private to this user).
    folder = Path(tempfile.mkdtemp(prefix="posko-bench-pg-"))
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            return "running as root without a 'postgres' user to own the cluster"
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
        user = "postgres"
    data = folder / "data"
    port = free_port()
    env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
    made = subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(data), "-A", "trust",
                           "-U", user, "-E", "UTF8", "--no-sync"], capture_output=True,
                          timeout=120, env=env, text=True)
    if made.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        return f"initdb failed: {made.stderr.strip()[-300:]}"
    # Durable settings (unlike the tests' fsync=off): this is a benchmark.
    options = (f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c max_connections=100 "
               "-c shared_buffers=256MB")
    subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l",
                    str(folder / "log"), "-w", "-t", "60", "start"], check=True,
                   capture_output=True, timeout=90, env=env)

    def stop() -> None:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w",
                        "-t", "30", "stop"], check=False, capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)

    import psycopg

    name = f"posko_bench_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(host="127.0.0.1", port=port, user=user, dbname="postgres",
                         autocommit=True, connect_timeout=10) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return PgCluster(f"postgresql+psycopg://{user}@127.0.0.1:{port}/{name}", stop)


# ------------------------------------------------------------------------------ many desks


def _desk_worker(index: int, workdir: str, kecamatan: str, url: str, code: str,
                 intakes: int, barrier: Any, results: Any) -> None:
    try:
        store, secrets, cipher = new_desk(Path(workdir) / f"desk-{index}.sqlite3", kecamatan,
                                          url, code)
        save_intakes(store, cipher, kecamatan, intakes, seed=100 + index)
        barrier.wait(300)
        run = run_sync(store, secrets)
        store.close()
        results.put((index, run.__dict__))
    except BaseException as exc:  # reported as an error of this desk
        try:
            barrier.abort()
        finally:
            results.put((index, {"error": f"{type(exc).__name__}: {exc}"[:300]}))


@dataclass
class Concurrent:
    backend: str
    desks: int
    wall: float
    items: int
    tickets: int
    pushed: int
    push_p95: float
    pull_p95: float
    pull_p50: float
    errors: list[str]
    healthz_p95: float
    healthz_under_load_p95: float


def many_desks(backend: str, db_url: str, workdir: Path, desks: int, per_desk: int,
               intakes: int) -> Concurrent:
    from posko import catalogues

    kecamatans = [k.code for k in catalogues.subregions("31.75")][:desks]
    used: set[tuple[str, str]] = set()
    for i, kec in enumerate(kecamatans):
        fill_server(db_url, kec, per_desk, seed=500 + i, used_refs=used)
    codes = add_devices(db_url, kecamatans)
    ctx = mp.get_context("spawn")
    with ServerProcess(db_url, workdir) as server:
        idle = healthz_times(server.url, 100)
        barrier = ctx.Barrier(desks + 1)
        results = ctx.Queue()
        procs = [ctx.Process(target=_desk_worker, args=(i, str(workdir / backend), kec,
                                                        server.url, codes[i], intakes,
                                                        barrier, results))
                 for i, kec in enumerate(kecamatans)]
        (workdir / backend).mkdir(exist_ok=True)
        for p in procs:
            p.start()
        barrier.wait(600)
        started = time.perf_counter()
        loaded: list[float] = []
        got: dict[int, dict[str, Any]] = {}
        deadline = time.monotonic() + 1800
        while len(got) < desks and time.monotonic() < deadline:
            if len(loaded) < 200:
                loaded += healthz_times(server.url, 1)
            try:
                index, data = results.get(timeout=0.25)
                got[index] = data
            except Exception:  # queue.Empty
                pass
        wall = time.perf_counter() - started
        for p in procs:
            p.join(30)
            if p.is_alive():
                p.kill()
    errors = [f"desk {i}: {d['error']}" for i, d in sorted(got.items()) if d.get("error")]
    errors += [f"desk {i}: no answer" for i in range(desks) if i not in got]
    pushes = [t for d in got.values() for t in d.get("calls", {}).get("push", [])]
    pulls = [t for d in got.values() for t in d.get("calls", {}).get("pull", [])]
    return Concurrent(
        backend=backend, desks=desks, wall=wall,
        items=sum(d.get("pulled", 0) for d in got.values()),
        tickets=sum(d.get("tickets", 0) for d in got.values()),
        pushed=sum(d.get("pushed", 0) for d in got.values()),
        push_p95=pct(pushes, 95) if pushes else float("nan"),
        pull_p95=pct(pulls, 95) if pulls else float("nan"),
        pull_p50=statistics.median(pulls) if pulls else float("nan"),
        errors=errors, healthz_p95=pct(idle, 95),
        healthz_under_load_p95=pct(loaded, 95) if loaded else float("nan"))


# ------------------------------------------------------------------------------ main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pull-tickets", type=int, default=100_000)
    parser.add_argument("--push-rows", type=int, default=1000)
    parser.add_argument("--desks", type=int, default=10)
    parser.add_argument("--desk-tickets", type=int, default=2000,
                        help="app tickets on the server per desk's kecamatan (10-desk run)")
    parser.add_argument("--desk-intakes", type=int, default=100,
                        help="outbox rows each desk pushes in the 10-desk run")
    parser.add_argument("--skip", action="append", default=[],
                        choices=["pull", "push", "sqlite", "postgresql"])
    parser.add_argument("--pull-page", type=int, default=None,
                        help="page size for the big pull (default: the engine's)")
    parser.add_argument("--profile", type=Path, default=None,
                        help="write a cProfile of the desk side of the pull here")
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    parser.add_argument("--machine", default="")
    parser.add_argument("--date", default=date.today().isoformat())
    args = parser.parse_args()
    sys.path[:0] = [str(ROOT / "sync"), str(ROOT / "src")]

    from posko_central.db import sqlite_url

    workdir = Path(tempfile.mkdtemp(prefix="posko-bench-sync-", dir=args.dir))
    lines: list[str] = []
    out: dict[str, Any] = {}
    try:
        central = sqlite_url(workdir / "central.sqlite3")
        # --- pull -------------------------------------------------------------------------
        if "pull" not in args.skip:
            print(f"server: {args.pull_tickets:,} app tickets via the bulk demo path ...",
                  flush=True)
            filled, fill_s = fill_server(central, KECAMATAN, args.pull_tickets, 1, set())
            print(f"  {filled:,} in {fill_s:.1f} s", flush=True)
            out["fill"] = (filled, fill_s)
            (code,) = add_devices(central, [KECAMATAN])
            with ServerProcess(central, workdir) as server:
                store, secrets, _cipher = new_desk(workdir / "pull-desk.sqlite3", KECAMATAN,
                                                   server.url, code)
                print("desk: pull ...", flush=True)
                load_before = os.getloadavg()
                profiler = None
                if args.profile:
                    import cProfile

                    profiler = cProfile.Profile()
                    profiler.enable()
                run = run_sync(store, secrets, args.pull_page)
                out["pull_load"] = (load_before, os.getloadavg())
                if profiler is not None:
                    profiler.disable()
                    profiler.dump_stats(args.profile)
                store.close()
                idle = healthz_times(server.url, 200)
            print(f"  {run.tickets:,} tickets, {run.pulled:,} feed items, {run.pages} pages in "
                  f"{run.seconds:.1f} s; error={run.error}", flush=True)
            base_s, base_rows = raw_baseline(workdir / "pull-desk.sqlite3",
                                             workdir / "baseline.sqlite3", search_index=True)
            bare_s, _ = raw_baseline(workdir / "pull-desk.sqlite3",
                                     workdir / "baseline-bare.sqlite3", search_index=False)
            print(f"  raw sqlite3 executemany of the same {base_rows:,} rows: {base_s:.1f} s "
                  f"(without the search index {bare_s:.1f} s)", flush=True)
            out["pull"] = (run, base_s, bare_s, base_rows, idle)

        # --- push -------------------------------------------------------------------------
        if "push" not in args.skip:
            push_db = sqlite_url(workdir / "central-push.sqlite3")
            (code,) = add_devices(push_db, ["31.75.05"]) if _migrated(push_db) else ("",)
            with ServerProcess(push_db, workdir) as server:
                store, secrets, cipher = new_desk(workdir / "push-desk.sqlite3", "31.75.05",
                                                  server.url, code)
                print(f"desk: {args.push_rows:,} intakes, then push ...", flush=True)
                save_intakes(store, cipher, "31.75.05", args.push_rows, seed=2)
                run = run_sync(store, secrets)
                store.close()
                idle = healthz_times(server.url, 200)
            print(f"  pushed {run.pushed:,} in {run.push_seconds:.2f} s "
                  f"(whole sync {run.seconds:.2f} s); error={run.error}", flush=True)
            out["push"] = (run, idle)

        # --- many desks ------------------------------------------------------------------
        for backend in ("sqlite", "postgresql"):
            if backend in args.skip:
                continue
            print(f"{args.desks} desks at once on {backend} ...", flush=True)
            if backend == "sqlite":
                url = sqlite_url(workdir / "central-many.sqlite3")
                out[backend] = many_desks(backend, url, workdir, args.desks, args.desk_tickets,
                                          args.desk_intakes)
            else:
                cluster = start_postgres(workdir)
                if isinstance(cluster, str):
                    out[backend] = cluster
                    print(f"  skipped: {cluster}", flush=True)
                    continue
                try:
                    out[backend] = many_desks(backend, cluster.url_base, workdir, args.desks,
                                              args.desk_tickets, args.desk_intakes)
                finally:
                    cluster.stop()
            c = out[backend]
            print(f"  {c.items:,} items in {c.wall:.1f} s ({c.items / c.wall:,.0f}/s); push p95 "
                  f"{c.push_p95:.0f} ms; errors {len(c.errors)} {c.errors[:3]}", flush=True)
    finally:
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    command = ".venv/bin/python benchmarks/bench_sync.py " + shlex.join(sys.argv[1:])
    lines = render(out, args, command.strip())
    report = "\n".join(lines)
    publish(report, SECTION_START, SECTION_END, write=args.write)
    return 0


def _migrated(url: str) -> bool:
    from posko_central.db import Database, migrate

    db = Database(url)
    migrate(db)
    db.close()
    return True


def render(out: dict[str, Any], args: argparse.Namespace, command: str) -> list[str]:
    machine = f"{args.machine}; " if args.machine else ""
    lines = [SECTION_START, "## Sync with the reference server (`benchmarks/bench_sync.py`)", "",
             f"Machine: {machine}Python {platform.python_version()}; SQLite "
             f"{sqlite3.sqlite_version}; date {args.date}. Command: `{command}`. The server is "
             "`posko-central serve` (1 worker) in its own process on 127.0.0.1; every desk is "
             "a real `SyncEngine` with its own SQLite file.", "",
             "| measure | value | baseline (same run) | ratio | goal | |",
             "| --- | ---: | ---: | ---: | --- | --- |"]
    if "pull" in out:
        run, base_s, bare_s, rows, idle = out["pull"]
        ratio = run.seconds / base_s
        verdict = "met" if ratio <= PULL_RATIO_GOAL and not run.error else "**missed**"
        page = round(run.pulled / run.pages) if run.pages else 0
        lines.append(
            f"| pull {run.tickets:,} tickets ({run.pulled:,} feed items, {run.pages:,} pages "
            f"of ~{page:,}) into a fresh desk | {run.seconds:.1f} s "
            f"({run.tickets / run.seconds:,.0f} tickets/s) | raw sqlite3 executemany of the "
            f"same {rows:,} rows, desk DDL incl. search index: {base_s:.1f} s | "
            f"{ratio:.1f}x | <= {PULL_RATIO_GOAL}x | {verdict} |")
        lines.append(
            f"| (same pull, against a stricter baseline) | {run.seconds:.1f} s | raw sqlite3 "
            f"without the search index: {bare_s:.1f} s | {run.seconds / bare_s:.1f}x | | |")
        pulls = run.calls.get("pull", [])
        if pulls:
            lines.append(f"| pull page request (~{page:,} items, fetched one page ahead "
                         "while the previous page is applied), p50 / p95 | "
                         f"{statistics.median(pulls):.0f} / {pct(pulls, 95):.0f} ms | GET "
                         f"/healthz p50 / p95 {statistics.median(idle):.1f} / "
                         f"{pct(idle, 95):.1f} ms | {pct(pulls, 95) / pct(idle, 95):.0f}x "
                         "| | |")
    if "push" in out:
        run, idle = out["push"]
        pushes = run.calls.get("push", [])
        calls = len(pushes)
        base = statistics.median(idle) * calls / 1000
        verdict = "met" if run.push_seconds < PUSH_GOAL_S and not run.error else "**missed**"
        lines.append(
            f"| push {run.pushed:,} outbox rows ({calls} batches of 50) | "
            f"{run.push_seconds:.2f} s | {calls} empty requests (GET /healthz): {base:.2f} s | "
            f"{run.push_seconds / base:.0f}x | < {PUSH_GOAL_S:g} s | {verdict} |")
        if pushes:
            lines.append(f"| push batch request, p50 / p95 | {statistics.median(pushes):.0f} / "
                         f"{pct(pushes, 95):.0f} ms | GET /healthz p95 {pct(idle, 95):.1f} ms "
                         f"| {pct(pushes, 95) / pct(idle, 95):.0f}x | | |")
    for backend in ("sqlite", "postgresql"):
        c = out.get(backend)
        if c is None:
            continue
        if isinstance(c, str):
            lines.append(f"| {args.desks} desks at once on PostgreSQL | skipped: {c} | | | | |")
            continue
        verdict = "met" if not c.errors else "**missed**"
        lines.append(
            f"| {c.desks} desks at once on {c.backend}: pull throughput, all desks | "
            f"{c.items / c.wall:,.0f} feed items/s ({c.tickets:,} tickets, {c.items:,} items, "
            f"{c.pushed:,} pushed, in {c.wall:.1f} s) | | | report | |")
        lines.append(
            f"| {c.desks} desks on {c.backend}: push batch p95 / pull page p95 | "
            f"{c.push_p95:.0f} / {c.pull_p95:.0f} ms | GET /healthz p95 idle "
            f"{c.healthz_p95:.1f} ms, during the run {c.healthz_under_load_p95:.0f} ms | "
            f"{c.push_p95 / c.healthz_p95:.0f}x | report | |")
        lines.append(f"| {c.desks} desks on {c.backend}: errors | {len(c.errors)} | | | 0 | "
                     f"{verdict} |")
        for error in c.errors[:5]:
            lines.append(f"|   {error} | | | | | |")
    if "pull_load" in out:
        before, after = out["pull_load"]
        lines += ["", "Load average (1/5/15 min) at the start of the big pull "
                  f"{before[0]:.1f} / {before[1]:.1f} / {before[2]:.1f}, at its end "
                  f"{after[0]:.1f} / {after[1]:.1f} / {after[2]:.1f} (2 cores: above ~2 the "
                  "machine was shared with other jobs, and absolute times are inflated; the "
                  "ratio's two sides come from the same run)."]
    if "fill" in out:
        filled, fill_s = out["fill"]
        lines += ["", f"Server pre-fill: {filled:,} app tickets with their histories through "
                  f"the server's bulk demo path in {fill_s:.1f} s."]
    lines += ["", "The desks and the server share the machine's cores, as on a single test PC; "
              "the ratios compare figures taken in the same run.", SECTION_END]
    return lines





if __name__ == "__main__":
    sys.exit(main())
