"""Schema migrations, run from code (the desk on every start; the central server before it
serves).

A DB whose revision this build does not know was written by a newer release: refuse it rather
than guess (an older program could corrupt data it does not understand).
"""

from __future__ import annotations

from dataclasses import dataclass

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from posko.domain.errors import PoskoError


class DatabaseTooNew(PoskoError):
    code = "database_too_new"


@dataclass(frozen=True)
class Migrations:
    """One Alembic script directory, addressed as a package resource ("pkg:folder")."""

    script_location: str
    product: str  # named in the refusal message

    def config(self, connection: Connection | None = None) -> Config:
        config = Config()
        config.set_main_option("script_location", self.script_location)
        if connection is not None:
            config.attributes["connection"] = connection
        return config

    def head(self) -> str:
        head = ScriptDirectory.from_config(self.config()).get_current_head()
        assert head is not None
        return head

    def known(self) -> set[str]:
        return {rev.revision for rev in ScriptDirectory.from_config(self.config()).walk_revisions()}

    def check_not_newer(self, connection: Connection) -> str | None:
        """Return the DB's revision; raise DatabaseTooNew if this build does not know it."""
        revision = current_revision(connection)
        if revision is not None and revision not in self.known():
            raise DatabaseTooNew(
                f"Basis data ini dibuat oleh versi {self.product} yang lebih baru. Perbarui "
                "aplikasi ini; data tidak diubah.",
                f"This database was written by a newer version of {self.product}. Update this "
                "application; the data was not changed.",
            )
        return revision

    def needs_upgrade(self, connection: Connection) -> bool:
        return self.check_not_newer(connection) != self.head()

    def upgrade(self, connection: Connection) -> None:
        self.check_not_newer(connection)
        command.upgrade(self.config(connection), "head")


DESK = Migrations("posko.store:migrations", "Posko")


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


# The desk's migrations, as functions (what the store, the CLI and the tests call).
def alembic_config(connection: Connection | None = None) -> Config:
    return DESK.config(connection)


def head_revision() -> str:
    return DESK.head()


def known_revisions() -> set[str]:
    return DESK.known()


def check_not_newer(connection: Connection) -> str | None:
    return DESK.check_not_newer(connection)


def needs_upgrade(connection: Connection) -> bool:
    return DESK.needs_upgrade(connection)


def upgrade_to_head(connection: Connection) -> None:
    DESK.upgrade(connection)
