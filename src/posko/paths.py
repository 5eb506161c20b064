"""Where Posko keeps its files: one data directory per profile (platformdirs).

The default profile lives in the OS user data dir (``~/.local/share/posko`` on Linux,
``%LOCALAPPDATA%\\posko`` on Windows). The demo profile (``posko --demo``) lives in a
``demo`` folder beside it so that demo tickets never mix with real ones. ``POSKO_DATA_DIR``
or ``--data-dir`` override the directory; ``POSKO_DB`` or ``--db`` override the DB file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "posko"
DB_FILENAME = "posko.sqlite3"


@dataclass(frozen=True, slots=True)
class DataPaths:
    data_dir: Path
    db_file: Path

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def attachment_dir(self) -> Path:
        return self.db_file.parent / "attachments"

    @property
    def demo_keyring_file(self) -> Path:
        return self.data_dir / "demo-keyring.cfg"


def resolve_paths(
    *, data_dir: str | os.PathLike[str] | None = None,
    db_file: str | os.PathLike[str] | None = None, demo: bool = False,
) -> DataPaths:
    """Explicit arguments win over environment variables, which win over platform defaults."""
    chosen_dir = data_dir or os.environ.get("POSKO_DATA_DIR")
    if chosen_dir:
        base = Path(chosen_dir).expanduser()
    else:
        base = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        if demo:
            base = base / "demo"
    chosen_db = db_file or os.environ.get("POSKO_DB")
    db = Path(chosen_db).expanduser() if chosen_db else base / DB_FILENAME
    return DataPaths(data_dir=base, db_file=db)
