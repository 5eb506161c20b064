"""A restored backup must never hand out again a tracking code issued after it was taken:
that code is on a receipt in a citizen's pocket, and maybe on the server."""

from __future__ import annotations

from pathlib import Path

from posko.domain import tracking
from posko.domain.models import Location, Origin, Reporter
from posko.secrets import KeyringSecrets
from posko.store.backup import backup_database, restore_backup
from posko.store.database import Store
from posko.store.desk import nik_cipher
from posko.store.tickets import (
    RESTORE_SEQUENCE_GAP,
    record_intake,
    restore_desk_backup,
)


def save_one(store: Store, secrets: KeyringSecrets) -> str:
    ticket = record_intake(
        store, nik_cipher(store, secrets), origin=Origin.DESK, category="sampah",
        location=Location("31.75.04.1005", rw=5, rt=3, address="Jl. Raya Bogor No. 12"),
        description="Sampah menumpuk di pinggir jalan", reporter=Reporter(name="Warga Uji"),
        consent=True, officer="budi", external_refs=())
    return ticket.tracking_code


def restore_and_save(db_path: Path, backup: Path, secrets: KeyringSecrets, *,
                     skip: bool) -> str:
    if skip:
        restore_desk_backup(backup, db_path)
    else:
        restore_backup(backup, db_path)
    with Store.open(db_path) as restored:
        return save_one(restored, secrets)


def test_codes_issued_after_the_backup_are_not_issued_again(
        store: Store, secrets: KeyringSecrets, db_path: Path, tmp_path: Path) -> None:
    save_one(store, secrets)
    backup = backup_database(db_path, tmp_path / "backups")
    on_a_receipt = {save_one(store, secrets) for _ in range(3)}  # then the disk dies
    store.close()

    after = restore_and_save(db_path, backup, secrets, skip=True)

    assert after not in on_a_receipt
    assert tracking.parse(after).sequence > RESTORE_SEQUENCE_GAP


def test_without_the_skip_the_first_lost_code_comes_back(
        store: Store, secrets: KeyringSecrets, db_path: Path, tmp_path: Path) -> None:
    """The hazard the skip exists for (so the test above can fail)."""
    save_one(store, secrets)
    backup = backup_database(db_path, tmp_path / "backups")
    lost = save_one(store, secrets)
    store.close()

    assert restore_and_save(db_path, backup, secrets, skip=False) == lost
