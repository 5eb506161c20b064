"""Pytest plugin: no test may leave personal data in logs, exception texts or crash files.

For every test, from the start of its setup to the end of its teardown:

* logging is turned up (levels restored afterwards): the root logger and ``posko``,
  ``posko_central``, ``uvicorn``, ``alembic`` to DEBUG (``uvicorn.access`` excepted: see
  LEVELS). ``sqlalchemy`` stays at WARNING:
  its DEBUG logs every *result row* (the data read back on purpose, never logged unless
  someone sets ``echo="debug"``), and its INFO logs every statement, which through pytest's
  own log handlers costs more than the guard may (~40k records for tests/store alone).
  What INFO would show is checked directly instead: a class-level ``before_cursor_execute``
  listener keeps every SQL statement's text (inlined literals would show there, and in the
  text of any error about that statement); the bound parameters are not logged, because
  both engines use ``hide_parameters=True``. ``urllib3`` stays at INFO and
  ``httpx``/``httpcore`` at WARNING: their request lines are the *tests'* own HTTP clients,
  which put typed phone numbers into URLs on purpose (tests/sync/test_logs.py);
* every log record any logger handles (``logging.Logger.handle`` is wrapped, so a logger
  that does not propagate or has its own handlers is seen too) is captured fully
  formatted: the message, the traceback of ``exc_info``, ``stack_info`` and any ``extra``
  values;
* exception texts pytest sees outside a failure are captured: exceptions caught by
  ``pytest.raises`` (their ``str()``, causes and notes; not the source lines of the test
  that raised them), skip/xfail reasons, and warnings pytest records;
* files that look like logs or crash reports (``*.log*``, ``crash*``, ``*.dmp``,
  ``faulthandler*``) under the test's ``tmp_path`` (the data dir lives there) are read at
  the end.

At the end of the teardown the captured text is searched for the known test personal data
(tests/pii_registry.py) and for anything shaped like a NIK or an Indonesian mobile number;
a hit fails the test (an error at teardown) naming the datum and its context.

Cheap by design: messages are kept in a set (SQL statements repeat), exception tracebacks
are formatted once, and the search is one regex pass for digit runs plus a dict lookup per
word. ``POSKO_PII_GUARD=0`` (or ``-p no:tests.pii_guard``) switches it off, e.g. to measure
its cost.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.pii_registry import Leak, registry

LEVELS: dict[str, int] = {
    "": logging.DEBUG,  # root
    "posko": logging.DEBUG,
    "posko_central": logging.DEBUG,
    "uvicorn": logging.DEBUG,
    # uvicorn's access log prints request lines with their query strings (a phone typed
    # into the lookup). The server never runs it: `posko-central serve` passes
    # access_log=False and posko_central.logs.configure() disables the logger. In a test
    # process, pytest's own capture handlers on this non-propagating logger make uvicorn
    # believe an access log is wanted, so at DEBUG it would report the tests' own requests.
    "uvicorn.access": logging.WARNING,
    "alembic": logging.DEBUG,
    "sqlalchemy": logging.WARNING,
    "urllib3": logging.INFO,
    "httpx": logging.WARNING,
    "httpcore": logging.WARNING,
}
_LOG_FILE_SUFFIXES = (".log", ".dmp", ".crash")
_LOG_FILE_PREFIXES = ("crash", "faulthandler", "core.")
_MAX_FILE_BYTES = 20 << 20
_STANDARD_ATTRS = frozenset(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {
    "message", "asctime", "taskName"}
_FORMATTER = logging.Formatter()


class _Capture:
    """Keeps the full text of every record (deduplicated)."""

    def __init__(self) -> None:
        self.texts: set[str] = set()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            texts = self.texts
            texts.add(record.getMessage())
            if record.exc_info:
                if not record.exc_text:
                    record.exc_text = _FORMATTER.formatException(record.exc_info)
                texts.add(record.exc_text)
            elif record.exc_text:
                texts.add(record.exc_text)
            if record.stack_info:
                texts.add(record.stack_info)
            for key, value in record.__dict__.items():
                if key not in _STANDARD_ATTRS and value is not None:
                    texts.add(str(value))
        except Exception as exc:  # never break the code under test, but say so
            self.texts.add(f"(pii guard could not format a record: {type(exc).__name__})")


def _exception_text(exc: BaseException) -> str:
    """str() of an exception, its causes/contexts and notes (no source lines)."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        parts.append(f"{type(current).__name__}: {current}")
        parts.extend(str(note) for note in getattr(current, "__notes__", ()) or ())
        if isinstance(current, BaseExceptionGroup):
            parts.extend(_exception_text(inner) for inner in current.exceptions)
        current = current.__cause__ or current.__context__
    return "\n".join(parts)


class PiiGuard:
    def __init__(self) -> None:
        self.known = registry()
        self.capture = _Capture()
        self.extra: list[str] = []
        self._saved_levels: dict[str, int] = {}
        self._active = False
        self.tests = 0  # checked so far
        self.scanned = 0  # characters searched so far
        self._patch_raises()
        self._patch_loggers()
        self._listen_to_sql()

    # --- pytest.raises -------------------------------------------------------------

    def _patch_raises(self) -> None:
        from _pytest._code.code import ExceptionInfo

        original = ExceptionInfo.fill_unfilled
        guard = self
        if getattr(original, "_pii_guard", False):
            return

        def fill_unfilled(self: Any, exc_info: Any) -> None:
            original(self, exc_info)
            if guard._active and exc_info and exc_info[1] is not None:
                guard.extra.append(_exception_text(exc_info[1]))

        fill_unfilled._pii_guard = True  # type: ignore[attr-defined]
        ExceptionInfo.fill_unfilled = fill_unfilled  # type: ignore[method-assign]

    # --- log records ---------------------------------------------------------------

    def _patch_loggers(self) -> None:
        """Every record any logger handles, whatever its handlers and `propagate` (a logger
        that does not propagate, or one set up while the test runs, is seen too). Records
        a logger's own filter would drop are seen as well: stricter, never looser."""
        original = logging.Logger.handle
        if getattr(original, "_pii_guard", False):
            return
        capture = self.capture
        guard = self

        def handle(logger: logging.Logger, record: logging.LogRecord) -> None:
            if guard._active and not logger.disabled:
                capture.emit(record)
            original(logger, record)

        handle._pii_guard = True  # type: ignore[attr-defined]
        logging.Logger.handle = handle  # type: ignore[method-assign]

    # --- SQL statements ------------------------------------------------------------

    def _listen_to_sql(self) -> None:
        from sqlalchemy import event
        from sqlalchemy.engine import Engine

        statements = self.capture

        def before_cursor_execute(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            if self._active:
                statements.texts.add(statement)

        event.listen(Engine, "before_cursor_execute", before_cursor_execute)

    # --- per test ------------------------------------------------------------------

    def start(self) -> None:
        self.capture.texts = set()
        self.extra = []
        self._saved_levels = {}
        for name, level in LEVELS.items():
            logger = logging.getLogger(name)
            self._saved_levels[name] = logger.level
            logger.setLevel(level)
        self._active = True

    def stop(self) -> None:
        self._active = False
        for name, level in self._saved_levels.items():
            logging.getLogger(name).setLevel(level)

    def collected(self, item: pytest.Item) -> Iterator[tuple[str, str]]:
        # One search over all of it: far cheaper than one per message.
        yield "log", "\n".join(self.capture.texts)
        yield "exception", "\n".join(self.extra)
        tmp_path = item.funcargs.get("tmp_path") if hasattr(item, "funcargs") else None
        if isinstance(tmp_path, Path):
            for path in _log_files(tmp_path):
                try:
                    data = path.read_bytes()[:_MAX_FILE_BYTES]
                except OSError:
                    continue
                yield f"file {path.relative_to(tmp_path)}", data.decode("utf-8", "replace")

    def check(self, item: pytest.Item) -> None:
        leaks: list[tuple[str, Leak]] = []
        self.tests += 1
        for where, text in self.collected(item):
            self.scanned += len(text)
            leaks.extend((where, leak) for leak in self.known.leaks(text))
        if leaks:
            shown = "\n".join(f"  {where}: {leak}" for where, leak in leaks[:10])
            more = f"\n  … and {len(leaks) - 10} more" if len(leaks) > 10 else ""
            pytest.fail(f"personal data left in logs/exceptions/crash files "
                        f"(tests/pii_guard.py):\n{shown}{more}", pytrace=False)

    # --- hooks -----------------------------------------------------------------------

    @pytest.hookimpl(wrapper=True, tryfirst=True)
    def pytest_runtest_setup(self, item: pytest.Item) -> Iterator[None]:
        self.start()
        return (yield)

    @pytest.hookimpl(wrapper=True, tryfirst=True)
    def pytest_runtest_teardown(self, item: pytest.Item,
                                nextitem: pytest.Item | None) -> Iterator[None]:
        try:
            result = yield
        finally:
            self.stop()
        # Checked after every fixture's teardown (a server stopping may still log); a
        # teardown that failed already reports its own error.
        self.check(item)
        return result

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item,
                                  call: pytest.CallInfo[None]) -> Iterator[pytest.TestReport]:
        report: pytest.TestReport = yield
        # Skip and xfail reasons are exception texts pytest shows; failures are left alone
        # (their tracebacks quote the test's own data by design).
        if report.skipped and self._active:
            self.extra.append(str(report.longrepr))
        return report

    def pytest_warning_recorded(self, warning_message: Any, when: str, nodeid: str,
                                location: Any) -> None:
        if self._active:
            self.extra.append(str(warning_message.message))


    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if self.tests:
            terminalreporter.write_line(
                f"personal-data guard: {self.tests} tests checked, "
                f"{self.scanned / 1e6:.1f} M characters of logs/exceptions/crash files searched")


def _log_files(folder: Path) -> Iterator[Path]:
    for root, _dirs, files in os.walk(folder):
        for name in files:
            lower = name.lower()
            if (lower.endswith(_LOG_FILE_SUFFIXES) or ".log." in lower
                    or lower.startswith(_LOG_FILE_PREFIXES)):
                yield Path(root) / name


def pytest_configure(config: pytest.Config) -> None:
    if os.environ.get("POSKO_PII_GUARD", "1") == "0":
        return
    if not config.pluginmanager.has_plugin("posko-pii-guard"):
        config.pluginmanager.register(PiiGuard(), "posko-pii-guard")

