"""The status bar against the real reference server: online/offline and Sync now."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from posko.sync import enrol
from posko.ui.context import DeskContext
from posko.ui.main_window import MainWindow
from tests.sync_client.conftest import Central, central  # noqa: F401 - the server fixture


@pytest.fixture
def enrolled_window(qtbot, desk_context: DeskContext, central: Central) -> MainWindow:  # type: ignore[no-untyped-def]  # noqa: F811
    enrol(desk_context.store, desk_context.secrets, central.url, central.add_device())
    shown = MainWindow(desk_context)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_indicator_follows_the_server(qtbot, enrolled_window: MainWindow,  # type: ignore[no-untyped-def]
                                      central: Central) -> None:  # noqa: F811
    status = enrolled_window.sync_status
    qtbot.waitUntil(lambda: status.online is True, timeout=10_000)
    assert "Daring" in enrolled_window.online_label.text()
    assert enrolled_window.sync_button.isEnabled()

    central.stop()
    with qtbot.waitSignal(status.onlineChanged, timeout=10_000) as changed:
        status.probe()
    assert changed.args == [False]
    assert "Luring" in enrolled_window.online_label.text()

    central.start()
    with qtbot.waitSignal(status.onlineChanged, timeout=10_000) as changed:
        status.probe()
    assert changed.args == [True]


def test_sync_now_shows_progress_and_finishes(qtbot, enrolled_window: MainWindow,  # type: ignore[no-untyped-def]
                                              intake) -> None:
    intake()
    intake()
    status = enrolled_window.sync_status
    qtbot.waitUntil(lambda: status.online is True, timeout=10_000)
    with qtbot.waitSignal(status.syncFinished, timeout=30_000):
        qtbot.mouseClick(enrolled_window.sync_button, Qt.MouseButton.LeftButton)
        assert enrolled_window.sync_button.text() == "Menyinkronkan…"
        assert not enrolled_window.sync_button.isEnabled()
    assert status.last_report is not None
    assert status.last_report.pushed == 2
    assert status.last_report.error is None
    assert enrolled_window.last_sync_label.text().startswith("Sinkron terakhir:")
    qtbot.waitUntil(lambda: enrolled_window.pending_label.text() == "Menunggu dikirim: 0",
                    timeout=5_000)


def test_not_enrolled_desk_explains_itself(qtbot, desk_context: DeskContext) -> None:  # type: ignore[no-untyped-def]
    shown = MainWindow(desk_context)
    qtbot.addWidget(shown)
    assert not shown.sync_button.isEnabled()
    assert "posko enrol" in shown.sync_button.toolTip()


def test_enrol_from_settings_then_sync(qtbot, desk_context: DeskContext,  # type: ignore[no-untyped-def]
                                       central: Central) -> None:  # noqa: F811
    shown = MainWindow(desk_context)
    qtbot.addWidget(shown)
    assert not shown.sync_button.isEnabled()
    shown.ui.actionSettings.trigger()
    dialog = shown.settings_dialog
    dialog.ui.serverUrlEdit.setText(central.url)
    qtbot.keyClicks(dialog.ui.enrolCodeEdit, "WRONG-CODE")
    qtbot.mouseClick(dialog.ui.enrolButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.ui.enrolButton.isEnabled()
                    and "Mendaftarkan" not in dialog.ui.enrolStatus.text(), timeout=10_000)
    assert "Belum terdaftar" not in dialog.ui.enrolStatus.text()  # the server's reason
    assert "WRONG-CODE" not in dialog.ui.enrolStatus.text()
    dialog.ui.enrolCodeEdit.clear()
    qtbot.keyClicks(dialog.ui.enrolCodeEdit, central.add_device())
    with qtbot.waitSignal(dialog.enrolled, timeout=10_000):
        qtbot.mouseClick(dialog.ui.enrolButton, Qt.MouseButton.LeftButton)
    assert central.url in dialog.ui.enrolStatus.text()
    qtbot.waitUntil(lambda: shown.sync_status.online is True, timeout=10_000)
    assert shown.sync_button.isEnabled()
    dialog.reject()


def test_retry_after_quiets_automatic_rounds_but_not_sync_now(  # type: ignore[no-untyped-def]
        qtbot, enrolled_window: MainWindow, central: Central, intake) -> None:  # noqa: F811
    from posko.store.database import set_meta
    from posko.sync.enrolment import META_SERVER_URL
    from tests.reliability.fault_proxy import Fault, FaultProxy

    intake()
    status = enrolled_window.sync_status
    qtbot.waitUntil(lambda: status.online is True, timeout=10_000)
    with FaultProxy(("127.0.0.1", central.port),
                    plan=lambda _exchange: Fault("status", status=429, retry_after="600")
                    ) as proxy:
        with enrolled_window.ctx.store.unit_of_work() as session:
            set_meta(session, META_SERVER_URL, proxy.url)
        with qtbot.waitSignal(status.syncFinished, timeout=30_000):
            status.sync_now()
        assert status.last_report is not None
        assert status.last_report.error == "server_busy"
        asked = len(proxy.log)
        assert asked >= 1

        status._auto_timer.timeout.emit()  # the minute timer fires: the server said wait
        status._soon.timeout.emit()  # and so does the after-save timer
        assert not status.syncing
        assert len(proxy.log) == asked

        with qtbot.waitSignal(status.syncFinished, timeout=30_000):
            qtbot.mouseClick(enrolled_window.sync_button, Qt.MouseButton.LeftButton)
        assert len(proxy.log) > asked  # the officer's own Sync now still asks


def test_enrolment_is_read_without_importing_posko_sync() -> None:
    """The window reads the enrolment from meta itself (posko.sync loads `requests`): the
    key must stay the one posko.sync.enrolment writes."""
    from posko.sync.enrolment import META_SERVER_URL
    from posko.ui.context import SYNC_SERVER_URL_META

    assert SYNC_SERVER_URL_META == META_SERVER_URL
