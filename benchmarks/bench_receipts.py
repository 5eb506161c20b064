"""How long it takes to build receipts, slips and the recap PDF (goal: 58 mm receipt < 80 ms).

Run from the repository root:

    .venv/bin/python benchmarks/bench_receipts.py            # print the table
    .venv/bin/python benchmarks/bench_receipts.py --write    # also update benchmarks/RESULTS.md

Every figure is measured in the same process and run as a baseline that does the least a
PDF needs (an empty reportlab page, and one line of text in the embedded font), so a slower
machine shows up in the baseline too. "Warm" means the fonts are registered and the region
catalogue is loaded, as in a desk that has printed once; the cold start (a new process: imports,
font registration, catalogue) is measured separately in a subprocess.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import shlex
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from results_file import RESULTS, write_section

ROOT = Path(__file__).resolve().parent.parent
SECTION_START = "<!-- receipts:start -->"
SECTION_END = "<!-- receipts:end -->"
GOAL_MS = 80.0


@dataclass(frozen=True)
class Figure:
    name: str
    runs: int
    median_ms: float
    p95_ms: float
    min_ms: float


def measure(name: str, fn: Callable[[], object], runs: int) -> Figure:
    fn()  # warm-up: caches, font subsets, catalogue
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return Figure(name, runs, statistics.median(times), times[int(0.95 * (runs - 1))], times[0])


def cold_start_ms() -> float:
    """A fresh interpreter: import posko.receipts, build one 58 mm receipt."""
    code = (
        "import time; t = time.perf_counter()\n"
        "from bench_receipts import sample_ticket\n"
        "from posko.receipts import build_receipt\n"
        "build_receipt(sample_ticket())\n"
        "print((time.perf_counter() - t) * 1000)\n"
    )
    # As a script runs: benchmarks/ on the path (bench_receipts imports results_file).
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "benchmarks"),
                                                        str(ROOT / "src")]))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=ROOT, env=env)
    return float(result.stdout.strip().splitlines()[-1])


def sample_ticket():  # type: ignore[no-untyped-def]
    from posko.domain.models import ExternalRef, Location, Origin, Reporter, Ticket, new_uuid

    created = datetime(2026, 11, 28, 2, 15, tzinfo=UTC)
    return Ticket(
        uuid=new_uuid(), tracking_code="8YXQ-3592-222J", origin=Origin.DESK, category="sampah",
        location=Location("31.75.04.1005", rw=5, rt=3, address="Jl. Raya Bogor No. 12, "
                          "depan warung Bu Ñoño"),
        description=("Sampah menumpuk di pinggir jalan sudah tiga hari, bau dan banyak lalat. "
                     "Warga sudah lapor ke RT tapi belum ada tindakan dari petugas kebersihan."),
        reporter=Reporter(name="Đặng Thị Ğül Łukasz", phone="+6281234567890",
                          nik="3175046708800003"),
        consent=True, officer="budi", created_at=created, updated_at=created,
        external_refs=(ExternalRef.parse("QLUE 1234567"),),
    )


def sample_recap():  # type: ignore[no-untyped-def]
    from posko.domain.status import Status
    from posko.store.recap import (
        ChaseSummary,
        Count,
        OfficerSummary,
        OverdueTicket,
        QueueSummary,
        Recap,
    )

    wib = ZoneInfo("Asia/Jakarta")
    due = datetime(2026, 10, 1, 23, 59, tzinfo=wib)
    overdue = tuple(
        OverdueTicket(f"8YXQ-2RG{n % 10}-22{n % 10}X", "pju", "31.75.04.1005", Status.IN_PROGRESS,
                      due - timedelta(days=20), due + timedelta(days=n % 40), 30, ("QLUE 9",))
        for n in range(200))
    chases = tuple(
        ChaseSummary("8YXQ-2RMZ-2253", ("JAKI 52000988",), datetime(2026, 11, 28, 9, tzinfo=wib),
                     "sari", "Ditanyakan ke Suku Dinas Lingkungan Hidup", date(2026, 12, 2),
                     Status.DISPATCHED) for _ in range(12))
    return Recap(
        day=date(2026, 11, 28), kecamatan_code="31.75.04", timezone="Asia/Jakarta",
        as_of=datetime(2026, 11, 28, 23, 59, tzinfo=wib), new_tickets=48, chased_tickets=12,
        by_category=tuple(Count(c, 20 - i) for i, c in enumerate(
            ("sampah", "pju", "jalan_rusak", "banjir_saluran", "parkir_liar", "pkl", "pohon",
             "trotoar", "kemacetan", "lainnya"))),
        by_kelurahan=(Count("31.75.04.1005", 30), Count("31.75.04.1004", 30)),
        by_origin=(Count("desk", 40), Count("assisted", 8), Count("chase", 12)),
        by_status=(Count("received", 50), Count("verified", 10)),
        overdue=overdue, chases=chases,
        officers=(OfficerSummary("budi", "Budi Santoso", 30, 6, 10),
                  OfficerSummary("sari", "Sari Dewi", 18, 6, 4)),
        queue=QueueSummary(served=55, waiting=2, left=3),
    )


def run(runs: int) -> tuple[list[Figure], float]:
    from reportlab.pdfgen.canvas import Canvas

    from posko.domain.models import FollowUp
    from posko.receipts import (
        PaperSize,
        ReceiptSettings,
        build_chase_receipt,
        build_queue_slip,
        build_recap_pdf,
        build_receipt,
    )
    from posko.receipts.fonts import REGULAR, register_fonts

    register_fonts()
    ticket = sample_ticket()
    chase = FollowUp(ticket_uuid=ticket.uuid, asked_at=ticket.created_at, officer="sari",
                     requested_by="Pak Slamet", promise="Dinas LH dihubungi",
                     promised_by=date(2026, 12, 2))
    recap = sample_recap()

    def empty_page() -> bytes:
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=(164.4, 600), pageCompression=1)
        canvas.showPage()
        canvas.save()
        return buffer.getvalue()

    def one_line() -> bytes:
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=(164.4, 600), pageCompression=1)
        canvas.setFont(REGULAR, 9)
        canvas.drawString(10, 500, "Ñoño Łukasz Ğül Đặng Thị 8YXQ-3592-222J")
        canvas.showPage()
        canvas.save()
        return buffer.getvalue()

    settings = {size: ReceiptSettings(size=size) for size in PaperSize}
    slip_time = datetime(2026, 11, 28, 1, 5, tzinfo=UTC)
    figures = [
        measure("baseline: empty reportlab page", empty_page, runs),
        measure("baseline: one line in DejaVu Sans (embedded)", one_line, runs),
        measure("receipt 58 mm", lambda: build_receipt(ticket, settings[PaperSize.THERMAL_58]),
                runs),
        measure("receipt 80 mm", lambda: build_receipt(ticket, settings[PaperSize.THERMAL_80]),
                runs),
        measure("receipt A5", lambda: build_receipt(ticket, settings[PaperSize.A5]), runs),
        measure("receipt A4", lambda: build_receipt(ticket, settings[PaperSize.A4]), runs),
        measure("chase receipt 58 mm",
                lambda: build_chase_receipt(ticket, chase, (), settings[PaperSize.THERMAL_58]),
                runs),
        measure("queue slip 58 mm", lambda: build_queue_slip(12, slip_time, "31.75.04"), runs),
        measure("recap A4 (60 tickets, 200 overdue, 12 chases)",
                lambda: build_recap_pdf(recap), max(5, runs // 10)),
    ]
    return figures, cold_start_ms()


def table(figures: list[Figure], cold_ms: float) -> str:
    lines = ["| what | runs | median ms | p95 ms | min ms |", "| --- | ---: | ---: | ---: | ---: |"]
    for f in figures:
        lines.append(f"| {f.name} | {f.runs} | {f.median_ms:.1f} | {f.p95_ms:.1f} | "
                     f"{f.min_ms:.1f} |")
    lines.append(f"| cold start: new process, import + fonts + catalogue + one 58 mm receipt "
                 f"| 1 | {cold_ms:.0f} | | |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    parser.add_argument("--date", default=date.today().isoformat(), help="date for RESULTS.md")
    parser.add_argument("--machine", default=f"{os.cpu_count()} cores",
                        help="machine description for RESULTS.md")
    args = parser.parse_args(argv)
    sys.path[:0] = [str(ROOT), str(ROOT / "src")]
    figures, cold = run(args.runs)
    receipt = next(f for f in figures if f.name == "receipt 58 mm")
    verdict = "met" if receipt.median_ms < GOAL_MS else "NOT met"
    body = table(figures, cold)
    print(body)
    print(f"\n58 mm receipt median {receipt.median_ms:.1f} ms: goal < {GOAL_MS:.0f} ms {verdict}.")
    if args.write:
        section = "\n".join([
            SECTION_START,
            "## Receipts and reports (`benchmarks/bench_receipts.py`)",
            "",
            f"Machine: {args.machine}; Python {platform.python_version()}; "
            f"date {args.date}. Command: `.venv/bin/python benchmarks/bench_receipts.py "
            f"{' '.join(shlex.quote(a) for a in argv)}`.",
            "",
            body,
            "",
            f"Goal: a 58 mm receipt in < {GOAL_MS:.0f} ms — **{verdict}** "
            f"(median {receipt.median_ms:.1f} ms).",
            SECTION_END,
        ])
        write_section(section, SECTION_START, SECTION_END)
        print(f"written to {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
