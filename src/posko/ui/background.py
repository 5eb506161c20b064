"""The one way to run work off the GUI thread (after Anki's QueryOp/CollectionOp).

`BackgroundRunner.run(fn, on_done, on_error, key=...)` runs `fn()` on a worker thread and calls
`on_done(result)` or `on_error(exc)` on the GUI thread. With a `key`, only the newest call for
that key delivers: a slow older search can never overwrite the results of a newer one.
A result whose window was closed and deleted meanwhile is dropped, not delivered to a widget
that no longer exists.

Workers never touch widgets: results travel back through a queued signal to this QObject,
which lives on the GUI thread, and only there are the callbacks called.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

ErrorHandler = Callable[[BaseException], None]


class _Relay(QObject):
    # Only the job id crosses threads. Passing Python objects through a queued signal
    # crashes PySide6 6.12 with refcount errors ("deallocating None"), so outcomes wait in
    # a lock-guarded dict until the GUI thread collects them.
    finished = Signal(int)


class _Outcomes:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict[int, tuple[bool, Any]] = {}

    def put(self, job_id: int, ok: bool, value: Any) -> None:
        with self._lock:
            self._items[job_id] = (ok, value)

    def take(self, job_id: int) -> tuple[bool, Any] | None:
        with self._lock:
            return self._items.pop(job_id, None)


class BackgroundRunner(QObject):
    def __init__(self, parent: QObject | None = None, *,
                 default_error_handler: ErrorHandler | None = None,
                 max_workers: int = 2) -> None:
        super().__init__(parent)
        # A plain Python pool: Python QRunnable subclasses on QThreadPool hit refcount
        # crashes in PySide6 6.12 ("deallocating True/None") under load.
        self._pool = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="posko-bg")
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._outcomes = _Outcomes()
        self._futures: set[Future[None]] = set()
        self._futures_lock = threading.Lock()
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
        future = self._pool.submit(self._work, job_id, fn)
        with self._futures_lock:
            self._futures.add(future)
        future.add_done_callback(self._forget)
        return job_id

    def _forget(self, future: Future[None]) -> None:
        with self._futures_lock:
            self._futures.discard(future)

    def _work(self, job_id: int, fn: Callable[[], Any]) -> None:
        """Runs on a worker thread: never touches widgets, only records and signals."""
        try:
            result = fn()
        except BaseException as exc:  # delivered to the GUI thread, never lost
            self._outcomes.put(job_id, False, exc)
        else:
            self._outcomes.put(job_id, True, result)
        self._relay.finished.emit(job_id)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait_for_idle(self, timeout_ms: int = 10_000) -> bool:
        """Block until submitted work finished (for shutdown); callbacks still arrive later."""
        with self._futures_lock:
            running = list(self._futures)
        _done, not_done = wait(running, timeout=timeout_ms / 1000)
        return not not_done

    def _take(self, job_id: int) -> tuple[Callable[[Any], None], ErrorHandler] | None:
        entry = self._pending.pop(job_id, None)
        if entry is None:
            return None
        key, on_done, on_error = entry
        if key is not None and self._latest.get(key) != job_id:
            return None  # a newer call with the same key supersedes this one
        return on_done, on_error

    @Slot(int)
    def _deliver(self, job_id: int) -> None:
        outcome = self._outcomes.take(job_id)
        callbacks = self._take(job_id)
        if outcome is None or callbacks is None:
            return
        ok, value = outcome
        callback = callbacks[0] if ok else callbacks[1]
        if _owner_deleted(callback):
            log.debug("background result dropped: its widget was deleted")
            return
        callback(value)


def _owner_deleted(callback: Callable[[Any], None]) -> bool:
    """True when the callback belongs to a Qt object that is gone: a bound method of a
    deleted widget, or a closure holding one (``done``/``failed`` defined in a method)."""
    held = [getattr(callback, "__self__", None)]
    for cell in getattr(callback, "__closure__", None) or ():
        try:
            held.append(cell.cell_contents)
        except ValueError:  # an empty cell
            continue
    return any(isinstance(item, QObject) and not shiboken6.isValid(item) for item in held)


def _log_error(exc: BaseException) -> None:
    # Type only: exception text may quote what a citizen typed.
    log.error("background task failed: %s", type(exc).__name__)
