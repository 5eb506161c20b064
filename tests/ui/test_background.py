"""The background runner: results reach the GUI thread, never a deleted widget."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QLabel

from posko.ui.background import BackgroundRunner


def test_result_is_delivered_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = BackgroundRunner()
    seen: list[tuple[int, bool]] = []
    gui = threading.get_ident()
    runner.run(lambda: 41 + 1, lambda value: seen.append((value, threading.get_ident() == gui)))
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [(42, True)]
    assert runner.wait_for_idle()


def test_result_for_a_deleted_widget_is_dropped(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A dialog closed while its work ran: the late result must not touch its widgets
    (that raised "Internal C++ object already deleted" in the GUI thread)."""
    runner = BackgroundRunner()
    release = threading.Event()
    label = QLabel()
    closure_label = QLabel()
    calls: list[str] = []

    def show(text: str) -> None:  # a closure over a widget, like done/failed in a method
        calls.append("closure")
        closure_label.setText(text)

    class Owner(QLabel):
        def show_result(self, text: str) -> None:
            calls.append("bound")
            self.setText(text)

    owner = Owner()
    runner.run(lambda: release.wait(5) and "klaar", owner.show_result)
    runner.run(lambda: release.wait(5) and "klaar", show)
    runner.run(lambda: release.wait(5) and "klaar", label.setText)
    shiboken6.delete(owner)
    shiboken6.delete(closure_label)
    release.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert calls == []
    assert label.text() == "klaar"  # a living widget still gets its result
