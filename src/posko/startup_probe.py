"""Start-up measurement hook for `benchmarks/bench_start.py` (inactive unless asked for).

With ``POSKO_STARTUP_PROBE=1`` in the environment, `posko-desk` calls `arm` right before
its event loop starts. Once the loop runs (the first window is on screen), one line goes to
standard error::

    posko-startup shown <unix time> <sign_in|main_window> rss_kib=<VmRSS> cpu_s=<CPU> ...

With ``POSKO_STARTUP_PROBE_SEARCH=<text>`` and the main window up (``--sign-in``), the text
is searched on the lookup page as an officer would, and when the results are shown::

    posko-startup search <unix time> results=<n> rss_kib=<VmRSS>

Then the process ends at once (`os._exit`: no exit backup, which may copy the whole DB and
is not part of starting). Nothing here reads or prints ticket data.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

ENV = "POSKO_STARTUP_PROBE"
ENV_SEARCH = "POSKO_STARTUP_PROBE_SEARCH"


def enabled() -> bool:
    return bool(os.environ.get(ENV))


def rss_kib() -> int:
    try:
        with open(f"/proc/{os.getpid()}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1


HEAVY_MODULES = ("reportlab", "pypdfium2", "requests", "posko.sync", "posko.receipts",
                 "sqlalchemy", "alembic", "PySide6.QtPrintSupport", "lokal", "holidays",
                 "phonenumbers")


def loaded_heavy() -> str:
    return ",".join(m for m in HEAVY_MODULES if m in sys.modules) or "-"


def _say(*parts: object) -> None:
    print("posko-startup", *parts, file=sys.stderr, flush=True)


def _end() -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def arm(app: Any, controller: Any) -> None:
    from PySide6.QtCore import QTimer

    def shown() -> None:
        window = getattr(controller, "window", None)
        _say("shown", f"{time.time():.6f}", "main_window" if window else "sign_in",
             f"rss_kib={rss_kib()}", f"cpu_s={time.process_time():.3f}",
             f"modules={loaded_heavy()}")
        text = os.environ.get(ENV_SEARCH, "")
        if window is None or not text:
            _end()
            return
        page = window.lookup_page

        def results(count: int) -> None:
            _say("search", f"{time.time():.6f}", f"results={count}", f"rss_kib={rss_kib()}")
            _end()

        page.resultsShown.connect(results)
        window.ui.tabs.setCurrentWidget(window.ui.lookupTab)
        page.ui.searchBox.setText(text)
        page.run_search()
        QTimer.singleShot(60_000, _end)  # never hang a benchmark

    QTimer.singleShot(0, shown)
