"""Alembic environment for the desk DB.

Posko runs migrations from code (posko.store.migrate) and hands Alembic an open connection
through `config.attributes["connection"]`; a `sqlalchemy.url` main option is used only when
a developer runs the alembic command line to autogenerate a revision.
"""

from __future__ import annotations

from typing import Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy import create_engine

from posko.store.models import Base

config = context.config
target_metadata = Base.metadata

# FTS5 tables and their shadow tables are created by hand in the migrations; autogenerate
# must not try to drop them.
_UNMANAGED_PREFIXES = ("ticket_fts",)


def include_object(obj: object, name: str | None, type_: str, reflected: bool,
                   compare_to: object) -> bool:
    return not (type_ == "table" and name is not None and name.startswith(_UNMANAGED_PREFIXES))


def render_item(type_: str, obj: object, autogen_context: AutogenContext) -> str | Literal[False]:
    """Render our UTCDateTime as a plain DateTime: migrations must not import live models."""
    from posko.store.models import UTCDateTime

    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


def _configure_and_run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move tables
        include_object=include_object,
        render_item=render_item,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _configure_and_run(connection)
else:
    url = config.get_main_option("sqlalchemy.url") or "sqlite:///posko-autogenerate.sqlite3"
    with create_engine(url).connect() as conn:
        _configure_and_run(conn)
