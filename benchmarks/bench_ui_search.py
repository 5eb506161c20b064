#!/usr/bin/env python3
"""Is the lookup screen responsive while an officer types, on a large desk DB?

Types a query one key every 120 ms into the real LookupPage (offscreen) and measures:
  - GUI stall: the longest gap between 5 ms heartbeat ticks of the GUI event loop while
    typing and searching (what the officer feels as a frozen window);
  - result latency: from the last key of each query to its results on screen.
Baseline in the same run: the same FTS query through raw sqlite3.

    .venv/bin/python benchmarks/bench_ui_search.py --db PATH [--write]

PATH is a desk DB with demo data (e.g. made by `posko --db PATH init ...` and
`posko --db PATH demo-data --tickets 100000`); it is opened read-mostly and never changed
except for a WAL checkpoint.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from datetime import date
from pathlib import Path

from results_file import write_section

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
QUERIES = ["jalan rusak", "sampah", "0812", "siti", "qlue 31", "got mampet", "kramat"]
KEY_INTERVAL_S = 0.12


def raw_baseline(db: Path, query: str) -> float:
    from posko.store.search import fts_query

    match = fts_query(query)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    started = time.perf_counter()
    # The plain query in the lookup's order (newest first, one page of 200), not bm25 rank:
    # `search` stopped ranking, and the index (migration 0005) keeps no per-row sizes for it.
    conn.execute("SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH ? ORDER BY rowid DESC "
                 "LIMIT 200", (match,)).fetchall()
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    parser.add_argument("--machine", default="2 cores, 24 GiB")
    args = parser.parse_args()

    import keyring
    from keyring.backend import KeyringBackend
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    class _NoSecrets(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            return None

        def set_password(self, service: str, username: str, password: str) -> None:
            raise RuntimeError("benchmark never stores secrets")

        def delete_password(self, service: str, username: str) -> None:
            return None

    keyring.set_keyring(_NoSecrets())
    app = QApplication(sys.argv[:1])
    from posko.paths import resolve_paths
    from posko.secrets import KeyringSecrets
    from posko.store.crypto import NikCipher
    from posko.store.database import Store
    from posko.store.desk import desk_identity
    from posko.store.search import count_tickets
    from posko.ui.background import BackgroundRunner
    from posko.ui.context import DeskContext
    from posko.ui.lookup_page import LookupPage
    from posko.ui.settings import Settings

    store = Store.open(args.db, check_integrity=False)
    tickets = count_tickets(store)
    settings = Settings(QSettings(str(Path("/tmp") / "posko-bench-ui.ini"),
                                  QSettings.Format.IniFormat))
    ctx = DeskContext(store=store, identity=desk_identity(store), kecamatan_name="bench",
                      paths=resolve_paths(db_file=args.db), secrets=KeyringSecrets(),
                      cipher=NikCipher(b"\0" * 32), settings=settings,
                      runner=BackgroundRunner())
    page = LookupPage(ctx)
    page.show()

    gaps: list[float] = []
    last_tick = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last_tick[0]) * 1000)
        last_tick[0] = now

    heartbeat = QTimer(interval=5)
    heartbeat.timeout.connect(tick)
    heartbeat.start()

    def pump(seconds: float) -> None:
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.001)

    latencies: list[float] = []
    shown: list[float] = []
    page.resultsShown.connect(lambda _n: shown.append(time.perf_counter()))
    for query in QUERIES:
        page.ui.searchBox.clear()
        pump(0.3)
        for index in range(1, len(query) + 1):
            page.ui.searchBox.setText(query[:index])
            pump(KEY_INTERVAL_S)
        typed_at = time.perf_counter()
        before = len(shown)
        deadline = typed_at + 10
        while time.perf_counter() < deadline and not (
                len(shown) > before and shown[-1] > typed_at):
            app.processEvents()
            time.sleep(0.001)
        latencies.append((shown[-1] - typed_at) * 1000)
        pump(0.3)
    heartbeat.stop()
    ctx.runner.wait_for_idle()
    baselines = [raw_baseline(args.db, q) for q in QUERIES]
    store.close()

    worst_gap = max(gaps)
    p99_gap = statistics.quantiles(gaps, n=100)[98]
    lines = [
        "<!-- ui-search:start -->",
        "## Lookup while typing (`benchmarks/bench_ui_search.py`)",
        "",
        f"Machine: {args.machine}; date {date.today().isoformat()}; {tickets:,} tickets in the "
        f"desk DB; one key every {int(KEY_INTERVAL_S * 1000)} ms; queries: "
        + ", ".join(f"`{q}`" for q in QUERIES) + ".",
        "",
        "| what | value |",
        "| --- | ---: |",
        f"| GUI event loop, longest stall while typing (5 ms heartbeat) | {worst_gap:.0f} ms |",
        f"| GUI event loop, p99 gap | {p99_gap:.0f} ms |",
        f"| last key to results shown, median | {statistics.median(latencies):.0f} ms |",
        f"| last key to results shown, worst | {max(latencies):.0f} ms |",
        f"| baseline: the same FTS queries in raw sqlite3, median | "
        f"{statistics.median(baselines):.1f} ms |",
        "",
        "Searching runs on the background runner (newest query wins), so the window never "
        "waits for SQLite; the latency includes the 120 ms typing pause the page waits for.",
        "<!-- ui-search:end -->",
    ]
    report = "\n".join(lines)
    print(report)
    if args.write:
        write_section(report, "<!-- ui-search:start -->", "<!-- ui-search:end -->")
    return 0


if __name__ == "__main__":
    sys.exit(main())
