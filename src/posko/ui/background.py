"""The one way to run work off the GUI thread (after Anki's QueryOp/CollectionOp).

`BackgroundRunner.run(fn, on_done, on_error, key=...)` runs `fn()` on a worker thread and calls
`on_done(result)` or `on_error(exc)` on the GUI thread. With a `key`, only the newest call for
that key delivers: a slow older search can never overwrite the results of a newer one.

Workers never touch widgets: results travel back through a queued signal to this QObject,
which lives on the GUI thread, and only there are the callbacks called.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

ErrorHandler = Callable[[BaseException], None]


class _Relay(QObject):
    done = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, job_id: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._job_id = job_id
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # delivered to the GUI thread, never lost
            self._relay.failed.emit(self._job_id, exc)
        else:
            self._relay.done.emit(self._job_id, result)


class BackgroundRunner(QObject):
    def __init__(self, parent: QObject | None = None, *,
                 default_error_handler: ErrorHandler | None = None,
                 pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver_result)
        self._relay.failed.connect(self._deliver_error)
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[str | None, Callable[[Any], None], ErrorHandler]] = {}
        self._latest: dict[str, int] = {}
        self._default_error_handler = default_error_handler or _log_error

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: ErrorHandler | None = None, *, key: str | None = None) -> int:
        job_id = next(self._ids)
        self._pending[job_id] = (key, on_done, on_error or self._default_error_handler)
        if key is not None:
            self._latest[key] = job_id
        self._pool.start(_Job(job_id, fn, self._relay))
        return job_id

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait_for_idle(self, timeout_ms: int = 10_000) -> bool:
        """Block until every worker finished (for shutdown); callbacks still arrive later."""
        return bool(self._pool.waitForDone(timeout_ms))

    def _take(self, job_id: int) -> tuple[Callable[[Any], None], ErrorHandler] | None:
        entry = self._pending.pop(job_id, None)
        if entry is None:
            return None
        key, on_done, on_error = entry
        if key is not None and self._latest.get(key) != job_id:
            return None  # a newer call with the same key supersedes this one
        return on_done, on_error

    @Slot(int, object)
    def _deliver_result(self, job_id: int, result: object) -> None:
        callbacks = self._take(job_id)
        if callbacks is not None:
            callbacks[0](result)

    @Slot(int, object)
    def _deliver_error(self, job_id: int, error: object) -> None:
        callbacks = self._take(job_id)
        if callbacks is not None and isinstance(error, BaseException):
            callbacks[1](error)


def _log_error(exc: BaseException) -> None:
    # Type only: exception text may quote what a citizen typed.
    log.error("background task failed: %s", type(exc).__name__)
