#!/usr/bin/env python3
"""The desk DB at scale: bulk load, lookup, search-as-you-type and saving one intake.

Run from the repository root:

    .venv/bin/python benchmarks/bench_store.py                       # 1,000,000 tickets
    .venv/bin/python benchmarks/bench_store.py --tickets 100000 --write
    .venv/bin/python benchmarks/bench_store.py --db KEPT.sqlite3 --only search

Creates a fresh desk DB in a temporary directory (deleted afterwards unless --keep), loads
demo tickets with the real bulk path (posko.demo_data.generate + posko.store.tickets.bulk_insert)
and reports how long that took. Or, with --db, measures an existing desk DB (kept from an
earlier --keep run, say: generation takes ~5 min at 1M); the query pools are then drawn from
random tickets of that DB, and pending migrations run first (timed). Then it measures
p50/p95 of (--only picks some):

  - lookup by tracking code and by external ref (posko.store.search.find_ticket);
  - search-as-you-type (posko.store.search.search) for 2, 3 and 4 typed characters, whole
    words, a word and 3 letters of the next, and 7 letters of a longer word, all drawn from
    the demo descriptions, reporter names and streets;
  - saving one intake (posko.store.tickets.record_intake: ticket + event + outbox + audit,
    durable commit).

Each figure has a raw-sqlite3 baseline measured in the same run, interleaved sample by sample
with the measured call so machine noise hits both alike: a SELECT by the unique index, the
plain FTS5 MATCH query (every typed word a prefix, newest first, one page), and one INSERT +
commit with synchronous=FULL in the same DB file. The report also names the search index's
options and size (dbstat). Goals (issue 9): lookup p95 < 5 ms, search p95 < 30 ms, save p95
< 15 ms.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import shlex
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from results_file import publish

if TYPE_CHECKING:
    from posko.store.crypto import NikCipher
    from posko.store.database import Store

ROOT = Path(__file__).resolve().parent.parent
SECTION_START = "<!-- store:start -->"
SECTION_END = "<!-- store:end -->"
KECAMATAN = "31.75.04"  # Pasar Rebo, Jakarta Timur (the demo's home kecamatan)
GOALS_MS = {"lookup": 5.0, "search": 30.0, "save": 15.0}
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class Figure:
    name: str
    goal: str  # key of GOALS_MS, or "" for no goal
    samples: int
    p50_ms: float
    p95_ms: float
    base_p50_ms: float
    base_p95_ms: float
    note: str = ""


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def measure_pair(name: str, goal: str, inputs: list[object],
                 fn: Callable[[object], object], base: Callable[[object], object],
                 note: str = "") -> Figure:
    """Time fn(x) and base(x) for every x, alternating, after a short warm-up."""
    for x in inputs[:5]:
        fn(x)
        base(x)
    times: list[float] = []
    base_times: list[float] = []
    for x in inputs:
        started = time.perf_counter()
        fn(x)
        times.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        base(x)
        base_times.append((time.perf_counter() - started) * 1000)
    figure = Figure(name, goal, len(inputs), statistics.median(times), pct(times, 95),
                    statistics.median(base_times), pct(base_times, 95), note)
    print(f"  {name}: p50 {figure.p50_ms:.2f} ms, p95 {figure.p95_ms:.2f} ms "
          f"(raw sqlite3 p95 {figure.base_p95_ms:.2f} ms)", flush=True)
    return figure


@dataclass
class Pools:
    """What the benchmark queries for, drawn from the generated cases as they stream past."""

    codes: list[str]
    refs: list[str]
    words: list[str]  # every word of the sampled descriptions, names and streets, with repeats
    cases: list[object]  # sampled DemoCase objects, for realistic intakes


def sampling(cases: Iterator[object], keep: float, rng: random.Random, pools: Pools,
             gen_seconds: list[float]) -> Iterator[object]:
    """Pass the cases through, keeping a random share for the pools and timing generation."""
    while True:
        started = time.perf_counter()
        try:
            case = next(cases)
        except StopIteration:
            gen_seconds[0] += time.perf_counter() - started
            return
        gen_seconds[0] += time.perf_counter() - started
        if rng.random() < keep:
            ticket = case.ticket  # type: ignore[attr-defined]
            pools.codes.append(ticket.tracking_code)
            pools.refs.extend(str(ref) for ref in ticket.external_refs)
            street = ticket.location.address.split(",")[0]
            text = " ".join(filter(None, (ticket.description, ticket.reporter.name, street)))
            pools.words.extend(w.lower() for w in _WORD_RE.findall(text))
            pools.cases.append(case)
        yield case


def pools_from_db(db: Path, count: int, rng: random.Random) -> Pools:
    """The same pools as `sampling`, drawn from `count` random tickets of an existing DB."""
    pools = Pools([], [], [], [])
    raw = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        top = int(raw.execute("SELECT max(id) FROM tickets").fetchone()[0])
        for _ in range(count):
            code, description, name, address, ticket_id = raw.execute(
                "SELECT tracking_code, description, reporter_name, address, id FROM tickets "
                "WHERE id >= ? ORDER BY id LIMIT 1", (rng.randint(1, top),)).fetchone()
            pools.codes.append(code)
            pools.refs.extend(f"{source} {number}" for source, number in raw.execute(
                "SELECT source, number FROM external_refs WHERE ticket_id = ?", (ticket_id,)))
            street = address.split(",")[0]
            text = " ".join(filter(None, (description, name, street)))
            pools.words.extend(w.lower() for w in _WORD_RE.findall(text))
    finally:
        raw.close()
    return pools


def index_facts(db: Path) -> str:
    """The search index's options and size, for the report."""
    raw = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        sql = raw.execute("SELECT sql FROM sqlite_master WHERE name = 'ticket_fts'").fetchone()
        options = re.findall(r"(prefix|detail|columnsize)\s*=\s*('[^']*'|\w+)",
                             sql[0] if sql else "")
        sizes = Counter({name: size for name, size in raw.execute(
            "SELECT name, sum(pgsize) FROM dbstat WHERE name LIKE 'ticket_fts%' GROUP BY name")})
    finally:
        raw.close()
    total = sum(sizes.values()) / 2**20
    return (f"Search index `ticket_fts`: {', '.join(f'{k} = {v}' for k, v in options)}; "
            f"{total:,.0f} MiB in all (doclists `ticket_fts_data` "
            f"{sizes['ticket_fts_data'] / 2**20:,.0f} MiB, row text `ticket_fts_content` "
            f"{sizes['ticket_fts_content'] / 2**20:,.0f} MiB).")


def pick(pool: list[str], count: int, rng: random.Random) -> list[object]:
    if not pool:
        raise SystemExit("nothing sampled to query for; use more --tickets")
    return [rng.choice(pool) for _ in range(count)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=200, help="samples per measure (>= 200)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path, default=None,
                        help="where to create the temporary desk DB (default: system temp)")
    parser.add_argument("--keep", action="store_true", help="keep the DB and print its path")
    parser.add_argument("--db", type=Path, default=None,
                        help="measure this existing desk DB instead of generating one "
                             "(--tickets is then ignored; saves write into it)")
    parser.add_argument("--only", action="append", choices=("lookup", "search", "save"),
                        help="measure only these (repeatable; default: all)")
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    parser.add_argument("--machine", default="2 cores, 24 GiB")
    parser.add_argument("--date", default=date.today().isoformat())
    args = parser.parse_args()
    if args.samples < 200:
        parser.error("--samples must be at least 200")
    if args.tickets < 1000:
        parser.error("--tickets must be at least 1000")
    if args.db is not None and not args.db.is_file():
        parser.error(f"--db {args.db}: no such file")
    only = set(args.only or ("lookup", "search", "save"))

    from posko.store.crypto import NikCipher
    from posko.store.database import Store

    start_load = os.getloadavg()
    existing = args.db is not None
    workdir = None if existing else Path(tempfile.mkdtemp(prefix="posko-bench-store-",
                                                          dir=args.dir))
    db = args.db if existing else workdir / "desk.sqlite3"  # type: ignore[operator]
    rng = random.Random(args.seed)
    try:
        started = time.perf_counter()
        store = Store.open(db, check_integrity=False)
        open_seconds = time.perf_counter() - started
    except BaseException:
        if workdir is not None:
            shutil.rmtree(workdir, ignore_errors=True)
        raise
    try:
        if existing:
            print(f"opened {db} in {open_seconds:.1f} s (incl. pending migrations)", flush=True)
            cipher = NikCipher(b"\1" * 32)  # saves only: this run's NIKs are not read back
            pools = pools_from_db(db, 20 * args.samples, rng)
            with store.engine.connect() as conn:
                inserted = int(conn.exec_driver_sql("SELECT count(*) FROM tickets").scalar()
                               or 0)
            load_seconds = gen_seconds = load_cpu = float("nan")
            db_mib = db.stat().st_size / 2**20
        else:
            inserted, load_seconds, gen_seconds, load_cpu, db_mib, pools, cipher = load(
                args, store, db, rng)
        loads = [("at the start", start_load), ("before the measures", os.getloadavg())]
        figures = measure_all(args, only, store, cipher, db, pools, rng)
        loads.append(("at the end", os.getloadavg()))
        store.close()
        facts = index_facts(db)
    finally:
        if args.keep or existing:
            print(f"kept {db}")
        elif workdir is not None:
            shutil.rmtree(workdir, ignore_errors=True)

    command = ".venv/bin/python benchmarks/bench_store.py " + shlex.join(sys.argv[1:])
    report = render(figures, args, inserted, load_seconds, gen_seconds, db_mib,
                    command.strip(), load_cpu, facts=facts,
                    open_seconds=open_seconds if existing else None, loads=loads)
    publish(report, SECTION_START, SECTION_END, write=args.write)
    return 0


def load(args: argparse.Namespace, store: Store, db: Path, rng: random.Random,
         ) -> tuple[int, float, float, float, float, Pools, NikCipher]:
    """Generate and bulk-load the demo tickets, sampling the query pools on the way."""
    from posko import demo_data
    from posko.secrets import MemorySecrets
    from posko.store.database import wal_checkpoint
    from posko.store.desk import initialise_desk, nik_cipher
    from posko.store.tickets import bulk_insert

    secrets = MemorySecrets()
    initialise_desk(store, secrets, kecamatan_code=KECAMATAN, desk_number=1)
    cipher = nik_cipher(store, secrets)

    # --- generation + bulk load ----------------------------------------------------
    pools = Pools([], [], [], [])
    keep = min(1.0, 20 * args.samples / args.tickets)
    gen_seconds = [0.0]
    print(f"generating and loading {args.tickets:,} tickets into {db} ...", flush=True)
    started = time.perf_counter()
    cpu_started = time.process_time()
    cases = demo_data.generate(KECAMATAN, args.tickets, seed=args.seed, desk=1)
    inserted = bulk_insert(
        store, cipher,
        ((c.ticket, c.events, c.follow_ups)  # type: ignore[attr-defined]
         for c in sampling(iter(cases), keep, rng, pools, gen_seconds)),
        progress=lambda n: print(f"  {n:,}", end="\r", flush=True)
        if n % 100_000 == 0 else None,
    )
    load_seconds = time.perf_counter() - started
    load_cpu = time.process_time() - cpu_started
    wal_checkpoint(store.engine)
    db_mib = db.stat().st_size / 2**20
    print(f"  {inserted:,} tickets in {load_seconds:.1f} s "
          f"({inserted / load_seconds:,.0f} tickets/s; generation {gen_seconds[0]:.1f} s); "
          f"DB {db_mib:,.0f} MiB", flush=True)
    return inserted, load_seconds, gen_seconds[0], load_cpu, db_mib, pools, cipher


def measure_all(args: argparse.Namespace, only: set[str], store: Store, cipher: NikCipher,
                db: Path, pools: Pools, rng: random.Random) -> list[Figure]:
    from posko.domain.models import Location, Origin, Reporter
    from posko.store.search import DEFAULT_LIMIT, find_ticket, fts_query, search
    from posko.store.tickets import record_intake

    raw = sqlite3.connect(db, isolation_level=None)
    raw.execute("PRAGMA synchronous = FULL")
    n = args.samples
    figures: list[Figure] = []

    # --- lookups ---------------------------------------------------------------------
    def raw_by_code(code: object) -> object:
        return raw.execute("SELECT * FROM tickets WHERE tracking_code = ?",
                           (code,)).fetchone()

    def raw_by_ref(ref: object) -> object:
        source, number = str(ref).split(" ", 1)
        return raw.execute(
            "SELECT t.* FROM external_refs e JOIN tickets t ON t.id = e.ticket_id "
            "WHERE e.source = ? AND e.number = ?", (source, number)).fetchone()

    def product_lookup(key: object) -> object:
        found = find_ticket(store, str(key), cipher)
        if found is None:
            raise RuntimeError(f"lookup found nothing for {key!r}")
        return found

    if "lookup" in only:
        print("lookups ...", flush=True)
        figures.append(measure_pair(
            "lookup by tracking code (`find_ticket`)", "lookup", pick(pools.codes, n, rng),
            product_lookup, raw_by_code,
            "baseline: `SELECT *` by the unique tracking_code index"))
        figures.append(measure_pair(
            "lookup by external ref (`find_ticket`)", "lookup", pick(pools.refs, n, rng),
            product_lookup, raw_by_ref,
            "baseline: join on the unique (source, number) index"))

    # --- search-as-you-type ------------------------------------------------------------
    raw_search_sql = (
        "SELECT t.uuid, t.tracking_code, t.status, t.category, t.kelurahan_code, "
        "t.address, t.description, t.created_at, ticket_fts.external_refs, t.origin, "
        "t.needs_field_check FROM ticket_fts JOIN tickets t ON t.id = ticket_fts.rowid "
        "WHERE ticket_fts MATCH ? ORDER BY ticket_fts.rowid DESC LIMIT ?")

    def raw_search(typed: object) -> object:
        return raw.execute(raw_search_sql, (fts_query(str(typed)), DEFAULT_LIMIT)).fetchall()

    def product_search(typed: object) -> object:
        return search(store, str(typed))

    note = ("baseline: the plain FTS5 query (every typed word a prefix, newest first, one "
            "page: `MATCH` + join + `ORDER BY rowid DESC LIMIT 50`) in raw sqlite3")
    searches: list[tuple[str, list[object]]] = []
    for length in (2, 3, 4):
        prefixes = [w[:length] for w in pools.words if len(w) >= length]
        searches.append((f"{length} typed characters", pick(prefixes, n, rng)))
    longer = [w for w in pools.words if len(w) >= 5]
    searches.append(("a whole word of 5+ letters", pick(longer, n, rng)))
    searches.append(("a word and 3 letters of the next", [
        f"{a} {str(b)[:3]}" for a, b in zip(pick(longer, n, rng), pick(longer, n, rng),
                                            strict=True)]))
    searches.append(("7 letters of a longer word", pick(
        [w[:7] for w in pools.words if len(w) >= 8], n, rng)))
    if "search" in only:
        print("search-as-you-type ...", flush=True)
        for label, typed in searches:
            figures.append(measure_pair(f"search, {label} (`search`)", "search", typed,
                                        product_search, raw_search, note))

    # --- saving one intake ---------------------------------------------------------------
    def raw_save(case: object) -> object:
        payload = case if isinstance(case, str) else case.ticket.description  # type: ignore[attr-defined]
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("INSERT INTO bench_baseline (uuid, payload) VALUES (?, ?)",
                    (str(uuid.uuid4()), payload))
        raw.execute("COMMIT")
        return None

    def product_save(case: object) -> object:
        if isinstance(case, str):  # --db: no generated cases, a plain walk-in complaint
            return record_intake(
                store, cipher, origin=Origin.DESK, category="sampah",
                location=Location("31.75.04.1005", address="Jl. Raya Bogor No. 1"),
                description=case, reporter=Reporter(name="Warga"), consent=True,
                officer="budi")
        ticket = case.ticket  # type: ignore[attr-defined]
        return record_intake(
            store, cipher, origin=Origin.DESK, category=ticket.category,
            location=ticket.location, description=ticket.description,
            reporter=ticket.reporter, consent=True, officer="budi")

    if "save" in only:
        raw.execute("CREATE TABLE IF NOT EXISTS bench_baseline (id INTEGER PRIMARY KEY, "
                    "uuid TEXT NOT NULL, payload TEXT NOT NULL)")
        print("saving intakes ...", flush=True)
        save_cases: list[object] = (
            [rng.choice(pools.cases) for _ in range(n)] if pools.cases
            else [f"Sampah menumpuk di {w}, mohon diangkut" for w in pick(pools.words, n, rng)])
        figures.append(measure_pair(
            "save one intake (`record_intake`, durable commit)", "save", save_cases,
            product_save, raw_save,
            "baseline: one INSERT + COMMIT, synchronous=FULL, same DB file"))
        raw.execute("DROP TABLE bench_baseline")
    raw.close()
    return figures


def render(figures: list[Figure], args: argparse.Namespace, inserted: int,
           load_seconds: float, gen_seconds: float, db_mib: float, command: str,
           load_cpu: float = float("nan"), *, facts: str = "",
           open_seconds: float | None = None,
           loads: list[tuple[str, tuple[float, float, float]]] | None = None) -> str:
    if open_seconds is not None:  # --db: an existing DB, nothing generated in this run
        data = (f"Desk DB: **{inserted:,} tickets**, an existing file (`--db`, generated by an "
                f"earlier run), {db_mib:,.0f} MiB; opened in {open_seconds:.1f} s including any "
                "pending migrations.")
    else:
        data = (
            f"Demo data: **{inserted:,} tickets** generated and bulk-loaded in "
            f"{load_seconds:.1f} s ({inserted / load_seconds:,.0f} tickets/s; of that, "
            f"generation {gen_seconds:.1f} s, inserting incl. the search index "
            f"{load_seconds - gen_seconds:.1f} s; CPU time {load_cpu:.1f} s); DB file "
            f"{db_mib:,.0f} MiB. Bulk path: Core executemany per 5,000-ticket batch, the "
            "per-row FTS triggers suspended inside each batch's transaction and the batch "
            "indexed with one INSERT ... SELECT (before: 100,000 in 36.5 s, 29.6 s of it "
            "inserting).")
    lines = [
        SECTION_START,
        "## Desk DB at scale (`benchmarks/bench_store.py`)",
        "",
        f"Machine: {args.machine}; Python {platform.python_version()}; SQLite "
        f"{sqlite3.sqlite_version}; date {args.date}. Command: `{command}`.",
        "",
        data,
        "",
        *([("Load average (1/5/15 min; 2 cores, shared with other jobs): " + "; ".join(
            f"{when} {a:.1f} / {b:.1f} / {c:.1f}" for when, (a, b, c) in loads) + "."), ""]
          if loads else []),
        *([facts, ""] if facts else []),
        "Each row: the posko call and its raw-sqlite3 baseline, alternated sample by sample in "
        "the same run; ratio = posko p95 / baseline p95.",
        "",
        "| measure | samples | p50 ms | p95 ms | baseline p50 ms | baseline p95 ms | ratio p95 "
        "| goal p95 | |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for f in figures:
        goal = GOALS_MS.get(f.goal)
        verdict = "" if goal is None else ("met" if f.p95_ms < goal else "**missed**")
        ratio = f.p95_ms / f.base_p95_ms if f.base_p95_ms > 0 else float("inf")
        lines.append(
            f"| {f.name} | {f.samples} | {f.p50_ms:.2f} | {f.p95_ms:.2f} | {f.base_p50_ms:.2f} "
            f"| {f.base_p95_ms:.2f} | {ratio:.1f}x | "
            f"{'' if goal is None else f'< {goal:g} ms'} | {verdict} |")
    lines += ["", "Baselines:"]
    seen: set[str] = set()
    for f in figures:
        if f.note and f.note not in seen:
            seen.add(f.note)
            lines.append(f"- {f.name.split(' (')[0].split(',')[0]}: {f.note.split(': ', 1)[1]}.")
    lines.append(SECTION_END)
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
