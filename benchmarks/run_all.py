#!/usr/bin/env python3
"""Every benchmark in one go, written to benchmarks/RESULTS.md (issue 9).

Run from the repository root (about an hour at 1,000,000 tickets on 2 cores):

    .venv/bin/python benchmarks/run_all.py                        # 1,000,000 tickets
    .venv/bin/python benchmarks/run_all.py --tickets 100000 --pull-tickets 20000   # quicker

Steps, each a script of its own that writes its section of RESULTS.md:

1. a demo-profile desk folder with N tickets, built with the real CLI (`posko --demo init`,
   `posko --demo demo-data --tickets N`), timed: the generation figure;
2. `bench_store.py --tickets N` (its own fresh DB: bulk load, lookup, search, save);
3. `bench_start.py --data-dir <folder>` (cold start, memory);
4. `bench_ui_search.py --db <folder>/posko.sqlite3` (typing in the lookup page);
5. `bench_cpu.py --db <copy of that DB>` (CPU time per call next to wall time);
6. `bench_receipts.py`;
7. `bench_sync.py --pull-tickets P` (pull, push, 10 desks on SQLite and PostgreSQL).

The summary section at the top of RESULTS.md says which machine (CPU model, cores, RAM,
versions), when, how long each step took, and the generation time.
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from results_file import write_section

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
SECTION_START = "<!-- summary:start -->"
SECTION_END = "<!-- summary:end -->"
PY = sys.executable
BIN = Path(sys.executable).parent


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def ram_gib() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 2**20
    except OSError:
        pass
    return float("nan")


def load_average() -> str:
    try:
        return " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


def versions() -> str:
    from PySide6 import __version__ as pyside

    return (f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
            f"PySide6 {pyside}")


def run(step: str, args: list[str], log: list[tuple[str, float, int, str]]) -> None:
    print(f"\n=== {step}: {shlex.join(args)}", flush=True)
    started = time.perf_counter()
    load = load_average()
    result = subprocess.run(args, cwd=ROOT, timeout=6 * 3600)
    log.append((step, time.perf_counter() - started, result.returncode, load))
    if result.returncode != 0:
        print(f"!!! {step} failed with exit code {result.returncode}", flush=True)


def build_demo(folder: Path, tickets: int) -> tuple[float, float]:
    posko = [str(BIN / "posko"), "--demo", "--data-dir", str(folder)]
    subprocess.run([*posko, "init", "--kecamatan", "31.75.04", "--desk", "1"], check=True,
                   capture_output=True, timeout=120, cwd=ROOT)
    before = os.times()
    started = time.perf_counter()
    subprocess.run([*posko, "demo-data", "--tickets", str(tickets)], check=True,
                   timeout=6 * 3600, cwd=ROOT)
    wall = time.perf_counter() - started
    after = os.times()
    cpu = (after.children_user - before.children_user
           + after.children_system - before.children_system)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--pull-tickets", type=int, default=100_000)
    parser.add_argument("--skip", action="append", default=[],
                        choices=["store", "start", "ui", "cpu", "receipts", "sync"])
    parser.add_argument("--dir", type=Path, default=None, help="where the demo folder goes")
    parser.add_argument("--note", default="The machine was shared with other jobs during "
                        "the run (load averages below): absolute times are inflated and "
                        "noisy; rely on the ratios, whose two sides were measured "
                        "alternately or back to back in the same run.")
    args = parser.parse_args()

    today = date.today().isoformat()
    machine = f"{cpu_model()}, {os.cpu_count()} cores, {ram_gib():.0f} GiB RAM"
    common = ["--machine", machine]
    started_at = datetime.now(UTC)
    log: list[tuple[str, float, int, str]] = []
    if args.dir is not None:
        args.dir.mkdir(parents=True, exist_ok=True)  # a new folder for a big run is fine
    workdir = Path(tempfile.mkdtemp(prefix="posko-bench-all-", dir=args.dir))
    folder = workdir / "demo"
    try:
        print(f"=== demo folder with {args.tickets:,} tickets ({folder})", flush=True)
        load = load_average()
        gen_wall, gen_cpu = build_demo(folder, args.tickets)
        log.append((f"`posko --demo demo-data --tickets {args.tickets}`", gen_wall, 0, load))
        print(f"    {gen_wall:.1f} s (CPU {gen_cpu:.1f} s)", flush=True)
        db = folder / "posko.sqlite3"
        db_mib = db.stat().st_size / 2**20
        if "store" not in args.skip:
            run("bench_store", [PY, str(BENCH / "bench_store.py"), "--tickets",
                                str(args.tickets), "--write", "--date", today, *common], log)
        if "start" not in args.skip:
            run("bench_start", [PY, str(BENCH / "bench_start.py"), "--data-dir", str(folder),
                                "--write", "--date", today, *common], log)
        if "ui" not in args.skip:
            run("bench_ui_search", [PY, str(BENCH / "bench_ui_search.py"), "--db", str(db),
                                    "--write", *common], log)
        if "cpu" not in args.skip:
            copy = workdir / "cpu.sqlite3"  # it saves intakes: not into the shared folder
            shutil.copyfile(db, copy)
            run("bench_cpu", [PY, str(BENCH / "bench_cpu.py"), "--db", str(copy), "--write",
                              "--date", today, *common], log)
            copy.unlink()
        if "receipts" not in args.skip:
            run("bench_receipts", [PY, str(BENCH / "bench_receipts.py"), "--write", "--date",
                                   today, *common], log)
        if "sync" not in args.skip:
            run("bench_sync", [PY, str(BENCH / "bench_sync.py"), "--pull-tickets",
                               str(args.pull_tickets), "--write", "--date", today, *common],
                log)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    command = ".venv/bin/python benchmarks/run_all.py " + shlex.join(sys.argv[1:])
    lines = [
        SECTION_START, "## This run", "",
        f"Command: `{command.strip()}` (all sections below were written by it unless their "
        "own line says otherwise).", "",
        f"- Machine: {machine}; {versions()}; {platform.platform()}.",
        f"- Started {started_at:%Y-%m-%d %H:%M} UTC, took "
        f"{(datetime.now(UTC) - started_at).total_seconds() / 60:.0f} min.",
        f"- Demo data: **{args.tickets:,} tickets generated and loaded in {gen_wall:.0f} s** "
        f"({args.tickets / gen_wall:,.0f} tickets/s wall; CPU time of the process "
        f"{gen_cpu:.0f} s) with `posko --demo demo-data`; DB file {db_mib:,.0f} MiB.",
        f"- {args.note}", "",
        "| step | wall time | exit code | load average (1/5/15 min) at its start |",
        "| --- | ---: | ---: | --- |",
    ]
    lines += [f"| {step} | {seconds:.0f} s | {code} | {load} |"
              for step, seconds, code, load in log]
    lines.append(SECTION_END)
    report = "\n".join(lines)
    write_section(report, SECTION_START, SECTION_END, first=True)
    print("\n" + report)
    return 0 if all(code == 0 for _s, _t, code, _l in log) else 1


if __name__ == "__main__":
    sys.exit(main())
