"""Guards for the Qt binding itself: a broken PySide6 release must fail here, not at a desk."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    ping = Signal(int)


def test_signal_emit_keeps_reference_counts(qapp) -> None:  # type: ignore[no-untyped-def]
    """PySide6 6.12.0 dropped a reference to True on every emit() and aborted the process
    after a few thousand signals; pyproject excludes it. This fails on such a release."""
    emitter = _Emitter()
    received: list[int] = []
    emitter.ping.connect(received.append)
    emits = 1000
    before = sys.getrefcount(True)
    for value in range(emits):
        emitter.ping.emit(value)
    assert len(received) == emits
    # Unrelated code may hold a few references to True at any moment; a broken binding
    # loses one per emit.
    assert abs(sys.getrefcount(True) - before) < emits // 10
