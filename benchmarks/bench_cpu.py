#!/usr/bin/env python3
"""Per-call CPU time next to wall time for the desk DB goals, on an existing desk DB.

On a machine shared with other jobs, wall-clock percentiles of millisecond calls mostly
measure the scheduler; the CPU time the calling thread spends (time.thread_time) does not.
Same calls as bench_store.py (find_ticket, search, record_intake) and the same raw-sqlite3
baselines, alternated call by call:

    .venv/bin/python benchmarks/bench_cpu.py --db DESK.sqlite3 --write

The DB must be a copy you can write to: one intake per sample is saved into it.
"""

from __future__ import annotations

import argparse
import random
import re
import shlex
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from results_file import write_section

ROOT = Path(__file__).resolve().parent.parent
SECTION_START = "<!-- cpu:start -->"
SECTION_END = "<!-- cpu:end -->"
GOALS = {"lookup": 5.0, "search": 30.0, "save": 15.0}
_WORD = re.compile(r"[^\W\d_]{5,}")


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def measure(fn: Callable[[object], object], base: Callable[[object], object],
            inputs: list[object]) -> dict[str, float]:
    for x in inputs[:5]:
        fn(x)
        base(x)
    wall: list[float] = []
    cpu: list[float] = []
    bwall: list[float] = []
    bcpu: list[float] = []
    for x in inputs:
        for f, w, c in ((fn, wall, cpu), (base, bwall, bcpu)):
            t, p = time.perf_counter(), time.thread_time()
            f(x)
            c.append((time.thread_time() - p) * 1000)
            w.append((time.perf_counter() - t) * 1000)
    return {"wall50": statistics.median(wall), "wall95": pct(wall, 95),
            "cpu50": statistics.median(cpu), "cpu95": pct(cpu, 95),
            "bwall95": pct(bwall, 95), "bcpu95": pct(bcpu, 95)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--machine", default="")
    parser.add_argument("--date", default=date.today().isoformat())
    args = parser.parse_args()

    from posko.domain.models import Location, Origin, Reporter
    from posko.secrets import MemorySecrets
    from posko.store.crypto import NikCipher
    from posko.store.database import Store
    from posko.store.search import DEFAULT_LIMIT, find_ticket, fts_query, search
    from posko.store.tickets import record_intake

    rng = random.Random(1)
    store = Store.open(args.db, check_integrity=False)
    raw = sqlite3.connect(args.db, isolation_level=None)
    raw.execute("PRAGMA synchronous = FULL")
    top = int(raw.execute("SELECT max(id) FROM tickets").fetchone()[0])
    rows = [raw.execute("SELECT tracking_code, description FROM tickets WHERE id >= ? "
                        "ORDER BY id LIMIT 1", (rng.randint(1, top),)).fetchone()
            for _ in range(args.samples)]
    refs = [f"{s} {n}" for s, n in (raw.execute(
        "SELECT source, number FROM external_refs WHERE id >= ? ORDER BY id LIMIT 1",
        (rng.randint(1, top // 3),)).fetchone() for _ in range(args.samples))]
    words = [w.lower() for _code, text in rows for w in _WORD.findall(text)]
    n = args.samples
    picks = {k: [rng.choice(words)[:k] for _ in range(n)] for k in (2, 3, 4)}
    picks[5] = [rng.choice(words) for _ in range(n)]
    sql = ("SELECT t.uuid, t.tracking_code, t.status, t.category, t.kelurahan_code, t.address, "
           "t.description, t.created_at, ticket_fts.external_refs, t.origin, "
           "t.needs_field_check FROM ticket_fts JOIN tickets t ON t.id = ticket_fts.rowid "
           "WHERE ticket_fts MATCH ? ORDER BY ticket_fts.rowid DESC LIMIT ?")
    raw.execute("CREATE TABLE IF NOT EXISTS bench_cpu_baseline (id INTEGER PRIMARY KEY, "
                "uuid TEXT, payload TEXT)")
    cipher = NikCipher(b"\1" * 32)
    _ = MemorySecrets
    figures: list[tuple[str, str, dict[str, float]]] = []

    def lookup(x: object) -> object:
        return find_ticket(store, str(x))

    figures.append(("lookup by tracking code", "lookup", measure(
        lookup, lambda x: raw.execute("SELECT * FROM tickets WHERE tracking_code = ?",
                                      (x,)).fetchone(), [r[0] for r in rows])))
    figures.append(("lookup by external ref", "lookup", measure(
        lookup, lambda x: raw.execute(
            "SELECT t.* FROM external_refs e JOIN tickets t ON t.id = e.ticket_id WHERE "
            "e.source = ? AND e.number = ?", tuple(str(x).split(" ", 1))).fetchone(),
        list(refs))))
    for k, label in ((2, "2 typed characters"), (3, "3 typed characters"),
                     (4, "4 typed characters"), (5, "a whole word of 5+ letters")):
        figures.append((f"search, {label}", "search", measure(
            lambda x: search(store, str(x)),
            lambda x: raw.execute(sql, (fts_query(str(x)), DEFAULT_LIMIT)).fetchall(),
            list(picks[k]))))

    def save(x: object) -> object:
        return record_intake(store, cipher, origin=Origin.DESK, category="sampah",
                             location=Location("31.75.04.1005", address="Jl. Bench"),
                             description=str(x), reporter=Reporter(name="Warga Bench"),
                             consent=True, officer="bench")

    def raw_save(x: object) -> object:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("INSERT INTO bench_cpu_baseline (uuid, payload) VALUES (?, ?)", ("u", x))
        raw.execute("COMMIT")
        return None

    figures.append(("save one intake (durable commit)", "save", measure(
        save, raw_save, [f"Sampah menumpuk {i}" for i in range(n)])))
    tickets = int(raw.execute("SELECT count(*) FROM tickets").fetchone()[0])
    raw.close()
    store.close()

    command = ".venv/bin/python benchmarks/bench_cpu.py " + shlex.join(sys.argv[1:])
    machine = f"{args.machine}; " if args.machine else ""
    lines = [SECTION_START, "## CPU time per call (`benchmarks/bench_cpu.py`)", "",
             f"Machine: {machine}date {args.date}; {tickets:,} tickets in the desk DB; "
             f"{n} samples each. Command: `{command}`. Wall = elapsed time (includes waiting "
             "for a core on a shared machine, and for the disk on a save); CPU = time the "
             "calling thread ran. A save also waits for fsync, which CPU time does not "
             "count.", "",
             "| measure | wall p50 ms | wall p95 ms | CPU p50 ms | CPU p95 ms | raw sqlite3 "
             "wall p95 / CPU p95 ms | goal p95 | wall | CPU |",
             "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |"]
    for name, goal, f in figures:
        limit = GOALS[goal]
        lines.append(
            f"| {name} | {f['wall50']:.2f} | {f['wall95']:.2f} | {f['cpu50']:.2f} | "
            f"{f['cpu95']:.2f} | {f['bwall95']:.2f} / {f['bcpu95']:.2f} | < {limit:g} ms | "
            f"{'met' if f['wall95'] < limit else '**missed**'} | "
            f"{'met' if f['cpu95'] < limit else '**missed**'} |")
    lines.append(SECTION_END)
    report = "\n".join(lines)
    print(report)
    if args.write:
        write_section(report, SECTION_START, SECTION_END)
    return 0


if __name__ == "__main__":
    sys.exit(main())
