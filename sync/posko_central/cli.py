"""`posko-central` command line (placeholder until the central server lands)."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    print("posko-central: not built yet / belum tersedia", file=sys.stderr)
    return 2
