"""posko.receipts is core code: it must not pull in Qt."""

from __future__ import annotations

import subprocess
import sys


def test_receipts_import_no_qt_and_no_store() -> None:
    code = (
        "import sys\n"
        "import posko.receipts, posko.receipts.recap\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', "
        "'sqlalchemy')))\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
