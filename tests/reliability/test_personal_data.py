"""Personal data at rest (issue 8): NIKs never in plaintext on disk, secrets only in the keyring.

Every test here looks at raw bytes (the SQLite main file, its -wal and -shm, backups,
drafts, settings and log files, the central server's DB) rather than through the store,
because a leak is exactly what the store's API would not show. Each also checks that the
bytes it scans do hold the data that *is* stored in clear (the reporter's name), so a scan of
the wrong file, or of an empty one, cannot pass.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from posko import app as app_module
from posko.domain.models import Location, Origin, Reporter
from posko.paths import DataPaths
from posko.secrets import KeyringSecrets, SecretsUnavailable, nik_key_name
from posko.store.backup import backup_database
from posko.store.crypto import NikCipher
from posko.store.database import Store, wal_checkpoint
from posko.store.desk import desk_identity, master_key, nik_cipher
from posko.store.drafts import DraftBox
from posko.store.search import find_by_nik
from posko.sync import SyncEngine
from posko.sync.enrolment import token_name
from posko.ui.context import DeskContext
from posko.ui.intake_page import DRAFT_NAME, IntakePage
from posko.ui.main_window import MainWindow
from tests.conftest import SAMPLE_NAME, SAMPLE_NIK, SAMPLE_PHONE, MemoryKeyring
from tests.reliability.conftest import Central
from tests.ui.conftest import (  # noqa: F401 - the desk's fixtures, shared with tests/ui
    desk_context,
    desk_settings,
    no_blocking_message_boxes,
)

SECOND_NIK = "3171015708450003"
SECOND_NAME = "Rahmawati Kusumaningrum"
GROUPED_NIK = "3171 0157 0845 0003"  # SECOND_NIK as officers copy it from a KTP photocopy


def forms(text: str) -> list[bytes]:
    """How a text can sit in a file: UTF-8 (SQLite's default), UTF-16 (either order)."""
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]


def files_under(*folders: Path) -> Iterator[Path]:
    for folder in folders:
        if folder.is_file():
            yield folder
        elif folder.exists():
            yield from (p for p in sorted(folder.rglob("*")) if p.is_file())


def holding(secret: str, paths: Iterator[Path] | list[Path]) -> list[str]:
    """The files whose raw bytes contain `secret` in any of its forms."""
    needles = forms(secret)
    return [str(p) for p in paths if any(n in p.read_bytes() for n in needles)]


def sqlite_files(db: Path) -> list[Path]:
    return [p for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")) if p.exists()]


def save_with_nik(intake, nik: str, name: str, origin: Origin = Origin.DESK):  # type: ignore[no-untyped-def]
    return intake(origin=origin, reporter=Reporter(name=name, phone=SAMPLE_PHONE, nik=nik))


# --------------------------------------------------------------------------- NIKs


def test_nik_is_never_plaintext_in_the_desk_db_wal_backups_or_the_server(  # type: ignore[no-untyped-def]
        enrolled: Store, central: Central, intake, cipher: NikCipher,
        secrets: KeyringSecrets, tmp_path: Path, isolated_data_dir: Path) -> None:
    store = enrolled
    saved = [save_with_nik(intake, SAMPLE_NIK, SAMPLE_NAME),
             save_with_nik(intake, SECOND_NIK, SECOND_NAME, Origin.ASSISTED),
             save_with_nik(intake, SAMPLE_NIK, SAMPLE_NAME)]
    # The NIKs are stored (and findable by their keyed hash) ...
    assert set(find_by_nik(store, cipher, SAMPLE_NIK)) == {saved[0].tracking_code,
                                                           saved[2].tracking_code}
    assert find_by_nik(store, cipher, SECOND_NIK) == [saved[1].tracking_code]

    # ... but in no byte of the DB before a checkpoint: the new pages sit in the WAL.
    before = sqlite_files(store.path)
    assert Path(f"{store.path}-wal") in before
    assert holding(SAMPLE_NAME, before), "the scan must see the plaintext columns"
    for nik in (SAMPLE_NIK, SECOND_NIK):
        assert holding(nik, before) == []

    # Synced to the real server: it keeps the ticket (and the name), never the NIK.
    report = SyncEngine(store, secrets).run_once()
    assert report.error is None, report
    assert report.pushed == 3
    central_db = tmp_path / "central.sqlite3"
    central_files = sqlite_files(central_db)
    assert holding(SECOND_NAME, central_files), "the server's copy must be where we look"
    for nik in (SAMPLE_NIK, SECOND_NIK):
        assert holding(nik, central_files) == []

    # After a checkpoint everything is in the main file: still no NIK.
    wal_checkpoint(store.engine)
    assert holding(SAMPLE_NAME, [store.path])
    for nik in (SAMPLE_NIK, SECOND_NIK):
        assert holding(nik, sqlite_files(store.path)) == []

    # Backups are byte copies of the DB: nothing to find there either.
    backup = backup_database(store.path, isolated_data_dir / "backups", reason="manual")
    assert holding(SAMPLE_NAME, [backup])
    # And nowhere else under the test's folders (data dir, drafts, logs, server files).
    everything = list(files_under(tmp_path))
    assert backup in everything
    assert store.path in everything
    for nik in (SAMPLE_NIK, SECOND_NIK):
        assert holding(nik, everything) == []


def test_nik_typed_at_the_desk_stays_out_of_drafts_and_files(  # type: ignore[no-untyped-def]
        qtbot, desk_context: DeskContext, tmp_path: Path) -> None:  # noqa: F811
    page = IntakePage(desk_context)
    qtbot.addWidget(page)
    ui = page.ui
    ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData("sampah"))
    ui.descriptionEdit.setPlainText("Sampah menumpuk sudah tiga hari")
    qtbot.keyClicks(ui.nameEdit, SECOND_NAME)
    qtbot.keyClicks(ui.phoneEdit, "0812-3456-7890")
    qtbot.keyClicks(ui.nikEdit, GROUPED_NIK)
    ui.nikEdit.editingFinished.emit()
    assert ui.nikEdit.text() == "3171********0003"  # shown masked once entered
    ui.consentCheck.setChecked(True)
    page.save_draft()
    draft = desk_context.paths.data_dir / f"draft-{DRAFT_NAME}.bin"
    assert draft.exists()
    for secret in (SECOND_NIK, GROUPED_NIK, SECOND_NAME, "0812-3456-7890"):
        assert holding(secret, [draft]) == [], secret
    # The draft still holds the NIK (encrypted): it comes back after a crash.
    box = DraftBox(desk_context.paths.data_dir,
                   master_key(desk_context.store, desk_context.secrets))
    assert (box.load(DRAFT_NAME) or {}).get("nik") == SECOND_NIK

    with qtbot.waitSignal(page.ticketSaved, timeout=10_000):
        qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)
    assert page.last_saved is not None
    assert page.last_saved.reporter.nik == SECOND_NIK
    files = list(files_under(tmp_path))
    assert holding(SECOND_NAME, files), "the saved ticket must be in the scanned files"
    for secret in (SECOND_NIK, GROUPED_NIK):
        assert holding(secret, files) == [], secret


# --------------------------------------------------------------------------- secrets


@pytest.fixture
def desk_log(isolated_data_dir: Path) -> Iterator[Path]:
    """The desk's real log file (posko.app.setup_logging), removed again afterwards."""
    logger = logging.getLogger("posko")
    before = list(logger.handlers)
    level = logger.level
    app_module.setup_logging(DataPaths(isolated_data_dir, isolated_data_dir / "x.sqlite3"))
    try:
        yield isolated_data_dir / "logs" / "posko-desk.log"
    finally:
        for handler in logger.handlers[:]:
            if handler not in before:
                logger.removeHandler(handler)
                handler.close()
        logger.setLevel(level)


def test_device_token_and_nik_key_live_only_in_the_keyring(  # type: ignore[no-untyped-def]
        qtbot, desk_context: DeskContext,  # noqa: F811
        central: Central, memory_keyring: MemoryKeyring,
        desk_log: Path, tmp_path: Path, intake, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    window = MainWindow(desk_context)
    qtbot.addWidget(window)
    window.ui.actionSettings.trigger()
    dialog = window.settings_dialog
    dialog.ui.serverUrlEdit.setText(central.url)
    qtbot.keyClicks(dialog.ui.enrolCodeEdit, central.add_device())
    with qtbot.waitSignal(dialog.enrolled, timeout=10_000):
        qtbot.mouseClick(dialog.ui.enrolButton, Qt.MouseButton.LeftButton)
    dialog.reject()
    qtbot.waitUntil(lambda: window.sync_status.online is True, timeout=10_000)
    save_with_nik(intake, SAMPLE_NIK, SAMPLE_NAME)
    qtbot.waitUntil(lambda: window.sync_button.isEnabled(), timeout=10_000)
    with qtbot.waitSignal(window.sync_status.syncFinished, timeout=20_000):
        qtbot.mouseClick(window.sync_button, Qt.MouseButton.LeftButton)
    assert window.sync_status.last_report is not None
    assert window.sync_status.last_report.pushed == 1

    installation = desk_identity(desk_context.store).installation_id
    token = memory_keyring.passwords[("posko", token_name(installation))]
    key_text = memory_keyring.passwords[("posko", nik_key_name(installation))]
    key_bytes = master_key(desk_context.store, desk_context.secrets)
    assert len(token) >= 32
    assert base64.b64decode(key_text) == key_bytes

    settings_file = tmp_path / "posko-settings.ini"  # tests/ui/conftest.py desk_settings
    default_settings = Path(QSettings("Posko", "Posko").fileName())
    scanned = [*files_under(tmp_path), *files_under(default_settings)]
    assert settings_file in scanned
    assert desk_log in scanned
    assert holding(central.url, scanned), "the server URL is stored somewhere we scan"
    assert holding(SAMPLE_NAME, scanned), "the scan must see the DB"
    for secret in (token, key_text):
        assert holding(secret, scanned) == []
        assert secret not in caplog.text
    assert all(key_bytes not in p.read_bytes() for p in scanned)


def test_no_keyring_backend_is_explained_and_nothing_falls_back_to_a_file(  # type: ignore[no-untyped-def]
        qapp, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """posko-desk on a box without a keyring: a clear message, exit 2, no plaintext key."""
    store.close()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda _parent, _title, text, *a, **k: shown.append(text))
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    keyring.set_keyring(keyring.backends.fail.Keyring())
    data_dir = tmp_path / "no-keyring-data"
    before = {p: p.read_bytes() for p in files_under(tmp_path)}

    code = app_module.main(["--db", str(store.path), "--data-dir", str(data_dir)])

    assert code == 2
    assert len(shown) == 1
    assert "keyring" in shown[0]
    assert "GNOME Keyring" in shown[0]
    assert "posko --demo" in shown[0]
    assert isinstance(keyring.get_keyring(), keyring.backends.fail.Keyring)  # not swapped
    after = {p: p.read_bytes() for p in files_under(tmp_path)}
    # The desk's log starts before the store opens (migration progress); it holds types and
    # ids only, and is no place a key could land. Anything else new would be.
    new = [p for p in after if p not in before and not str(p).startswith(str(store.path))
           and p != data_dir / "logs" / "posko-desk.log"]
    assert new == [], "nothing may be written in place of the keyring"
    assert not home.exists()

    # Saving a NIK without the key is refused, never stored some other way.
    reopened = Store.open(store.path)
    try:
        with pytest.raises(SecretsUnavailable):
            nik_cipher(reopened, KeyringSecrets())
    finally:
        reopened.close()


def test_intake_without_keyring_refuses_the_nik(store: Store) -> None:  # type: ignore[no-untyped-def]
    """The store's own guard: a NIK cannot be saved without the cipher from the keyring."""
    from posko.store.tickets import record_intake

    with pytest.raises(ValueError, match="cipher"):
        record_intake(store, None, origin=Origin.DESK, category="sampah",  # type: ignore[arg-type]
                      location=Location("31.75.04.1005"), description="Lampu padam",
                      reporter=Reporter(name=SAMPLE_NAME, nik=SAMPLE_NIK), consent=True,
                      officer="budi")
    assert holding(SAMPLE_NIK, sqlite_files(store.path)) == []
