"""Alembic environment of the central server database.

posko-central runs migrations from code (:func:`posko_central.db.migrate`) with an open
connection in ``config.attributes["connection"]``; ``sqlalchemy.url`` is only for a developer
running the alembic command line to autogenerate a revision.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from posko_central.models import Base

config = context.config
target_metadata = Base.metadata


def _configure_and_run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _configure_and_run(connection)
else:
    url = config.get_main_option("sqlalchemy.url") or "sqlite:///central-autogenerate.sqlite3"
    with create_engine(url).connect() as conn:
        _configure_and_run(conn)
