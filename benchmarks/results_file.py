"""benchmarks/RESULTS.md: each benchmark owns one section between its own
`<!-- name:start -->` / `<!-- name:end -->` markers and rewrites only that section, so
hand-written text between the sections survives every run."""

from __future__ import annotations

import re
from pathlib import Path

RESULTS = Path(__file__).resolve().with_name("RESULTS.md")


def write_section(report: str, start: str, end: str, *, first: bool = False) -> None:
    """Put `report` (which begins with `start` and ends with `end`) in place of the old
    section; a new section goes to the end of the file, or right under its title (`first`)."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmarks\n"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _match: report, text)
    elif first:
        title, _, rest = text.partition("\n")
        text = f"{title}\n\n{report}\n{rest}"
    else:
        text = text.rstrip() + "\n\n" + report + "\n"
    RESULTS.write_text(text, encoding="utf-8")


def publish(report: str, start: str, end: str, *, write: bool) -> None:
    """Print `report`; with `write` (a script's --write) also put it into its section."""
    print()
    print(report)
    if write:
        write_section(report, start, end)
        print(f"\nwrote {RESULTS.parent.name}/{RESULTS.name}")
