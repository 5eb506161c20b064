"""Schema migrations, run from code on every start.

A DB whose revision this build does not know was written by a newer Posko: refuse it rather
than guess (an older app could corrupt data it does not understand).
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from posko.domain.errors import PoskoError


class DatabaseTooNew(PoskoError):
    code = "database_too_new"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", "posko.store:migrations")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def check_not_newer(connection: Connection) -> str | None:
    """Return the DB's revision; raise DatabaseTooNew if this build does not know it."""
    revision = current_revision(connection)
    if revision is not None and revision not in known_revisions():
        raise DatabaseTooNew(
            "Basis data ini dibuat oleh versi Posko yang lebih baru. Perbarui aplikasi ini; "
            "data tidak diubah.",
            "This database was written by a newer version of Posko. Update this application; "
            "the data was not changed.",
        )
    return revision


def needs_upgrade(connection: Connection) -> bool:
    return check_not_newer(connection) != head_revision()


def upgrade_to_head(connection: Connection) -> None:
    check_not_newer(connection)
    command.upgrade(alembic_config(connection), "head")
