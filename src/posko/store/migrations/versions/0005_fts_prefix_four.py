"""search index with prefix indexes for 2-6 typed characters, doclists without positions

0001 built ticket_fts with prefix indexes for 2 and 3 characters only. A longer typed prefix
made FTS5 merge the doclists of every term starting with it before it could hand back the
newest 50 rows: at 1,000,000 tickets a 4-letter prefix or a whole common word took 35-38 ms
(p95), well over the 30 ms the desk allows while an officer types. This rebuilds ticket_fts
with:

- ``prefix = '2 3 4 5 6'``: every typed token of 2-6 characters is one lookup in a prefix
  index, read newest-first and stopped after the page (posko.store.search checks tokens of
  7+ letters against the 6-character index's rows, see there);
- ``detail = none``: doclists hold rowids only. Search asks for "every typed word as a
  prefix, anywhere in the ticket" (an AND of single-token prefixes), never phrases, NEAR or
  column filters, so positions were dead weight; without them the index with five prefix
  lengths is smaller than 0001's with two (at 1M: ticket_fts_data 407 -> ~160 MiB);
- ``columnsize = 0``: no per-row token counts (only bm25 ranking reads them; search orders
  by rowid).

Same columns, tokenizer and row text as 0001, and the same triggers (re-created: they name
the table). The rows are copied from the old index, so every ticket is found exactly as
before. The whole rebuild is one step of the migration transaction (Store.open: BEGIN
IMMEDIATE), so a crash or error leaves the old index and triggers in place. At 1,000,000
tickets on a 2-core PC: 30 s (50 s with the machine busy), one progress line per 100,000
rows to the ``posko.store.migrations`` log. The old index's pages are freed first and reused
by the new one, so the DB file does not grow (it keeps ~260 MiB of free pages at 1M until a
VACUUM; a DB built fresh is that much smaller).

Idempotent: a DB whose ticket_fts already has this definition keeps its index (only the
triggers are re-created); a DB without ticket_fts gets one built from the tickets.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27

"""
import logging
import time
from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0005'
down_revision: str | Sequence[str] | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("posko.store.migrations")

_COLUMNS = "tracking_code, external_refs, reporter_name, phone, address, description"
_CREATE = """
    CREATE VIRTUAL TABLE ticket_fts USING fts5(
        tracking_code, external_refs, reporter_name, phone, address, description,
        tokenize = 'unicode61 remove_diacritics 2',
        {options}
    )
"""
NEW_OPTIONS = "prefix = '2 3 4 5 6',\n        detail = none,\n        columnsize = 0"
OLD_OPTIONS = "prefix = '2 3'"  # 0001's

# The row text, as 0001's insert trigger writes it (only for a DB that lost its ticket_fts).
_ROWS_FROM_TICKETS = f"""
    INSERT INTO ticket_fts(rowid, {_COLUMNS})
    SELECT t.id,
           t.tracking_code || ' ' || replace(t.tracking_code, '-', ''),
           coalesce((SELECT group_concat(source || ' ' || number, ' ')
                     FROM external_refs WHERE ticket_id = t.id), ''),
           coalesce(t.reporter_name, ''),
           CASE WHEN t.reporter_phone LIKE '+62%'
                THEN substr(t.reporter_phone, 2) || ' 0' || substr(t.reporter_phone, 4)
                ELSE coalesce(t.reporter_phone, '') END,
           t.address,
           t.description
    FROM tickets AS t
"""

# 0001's triggers, unchanged (they must be dropped while the table they name is replaced).
_TRIGGERS = {
    "tickets_fts_insert": """
    CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets BEGIN
        INSERT INTO ticket_fts(rowid, tracking_code, external_refs, reporter_name, phone,
                               address, description)
        VALUES (
            new.id,
            new.tracking_code || ' ' || replace(new.tracking_code, '-', ''),
            coalesce((SELECT group_concat(source || ' ' || number, ' ')
                      FROM external_refs WHERE ticket_id = new.id), ''),
            coalesce(new.reporter_name, ''),
            CASE WHEN new.reporter_phone LIKE '+62%'
                 THEN substr(new.reporter_phone, 2) || ' 0' || substr(new.reporter_phone, 4)
                 ELSE coalesce(new.reporter_phone, '') END,
            new.address,
            new.description
        );
    END
    """,
    "tickets_fts_update": """
    CREATE TRIGGER tickets_fts_update
    AFTER UPDATE OF tracking_code, reporter_name, reporter_phone, address, description
    ON tickets BEGIN
        UPDATE ticket_fts SET
            tracking_code = new.tracking_code || ' ' || replace(new.tracking_code, '-', ''),
            reporter_name = coalesce(new.reporter_name, ''),
            phone = CASE WHEN new.reporter_phone LIKE '+62%'
                 THEN substr(new.reporter_phone, 2) || ' 0' || substr(new.reporter_phone, 4)
                 ELSE coalesce(new.reporter_phone, '') END,
            address = new.address,
            description = new.description
        WHERE rowid = new.id;
    END
    """,
    "tickets_fts_delete": """
    CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets BEGIN
        DELETE FROM ticket_fts WHERE rowid = old.id;
    END
    """,
    "external_refs_fts_insert": """
    CREATE TRIGGER external_refs_fts_insert AFTER INSERT ON external_refs BEGIN
        UPDATE ticket_fts SET external_refs = coalesce(
            (SELECT group_concat(source || ' ' || number, ' ')
             FROM external_refs WHERE ticket_id = new.ticket_id), '')
        WHERE rowid = new.ticket_id;
    END
    """,
    "external_refs_fts_delete": """
    CREATE TRIGGER external_refs_fts_delete AFTER DELETE ON external_refs BEGIN
        UPDATE ticket_fts SET external_refs = coalesce(
            (SELECT group_concat(source || ' ' || number, ' ')
             FROM external_refs WHERE ticket_id = old.ticket_id), '')
        WHERE rowid = old.ticket_id;
    END
    """,
}

_CHUNK = 100_000  # rows per INSERT ... SELECT, one progress line each


def _squash(sql: str) -> str:
    return " ".join(sql.split()).lower()


def _current_definition() -> str | None:
    return op.get_bind().exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'ticket_fts'"
    ).scalar()


def rebuild(options: str) -> None:
    """Replace ticket_fts with one created with `options`, keeping every row's text, and
    re-create the triggers that write to it. Runs in the caller's transaction."""
    conn = op.get_bind()
    for name in reversed(list(_TRIGGERS)):
        conn.exec_driver_sql(f'DROP TRIGGER IF EXISTS "{name}"')
    conn.exec_driver_sql("DROP TABLE IF EXISTS temp.ticket_fts_rebuild")
    current = _current_definition()
    wanted = _CREATE.format(options=options)
    if current is not None and _squash(current) == _squash(wanted):
        log.info("search index already in the wanted form; triggers re-created")
    else:
        started = time.monotonic()
        total = conn.exec_driver_sql("SELECT count(*) FROM tickets").scalar() or 0
        log.info("rebuilding the search index for %d tickets (about 30 s per million)", total)
        if current is not None:
            # The rows' text is kept aside (temp store) so the old index can go first and
            # the new one reuse its pages: the DB file does not grow.
            conn.exec_driver_sql(
                "CREATE TEMP TABLE ticket_fts_rebuild (id INTEGER PRIMARY KEY, tracking_code, "
                "external_refs, reporter_name, phone, address, description)")
            conn.exec_driver_sql(
                f"INSERT INTO temp.ticket_fts_rebuild (id, {_COLUMNS}) "
                f"SELECT rowid, {_COLUMNS} FROM ticket_fts")
            conn.exec_driver_sql("DROP TABLE ticket_fts")
            conn.exec_driver_sql(wanted)
            bounds = conn.exec_driver_sql(
                "SELECT min(id), max(id) FROM temp.ticket_fts_rebuild").one()
            done = 0
            if bounds[0] is not None:
                for low in range(bounds[0], bounds[1] + 1, _CHUNK):
                    done += conn.exec_driver_sql(
                        f"INSERT INTO ticket_fts(rowid, {_COLUMNS}) "
                        f"SELECT id, {_COLUMNS} FROM temp.ticket_fts_rebuild "
                        "WHERE id >= ? AND id < ?", (low, low + _CHUNK)).rowcount
                    log.info("search index: %d of %d rows", done, total)
            conn.exec_driver_sql("DROP TABLE temp.ticket_fts_rebuild")
        else:
            conn.exec_driver_sql(wanted)
            conn.exec_driver_sql(_ROWS_FROM_TICKETS)
        log.info("search index rebuilt in %.1f s", time.monotonic() - started)
    for sql in _TRIGGERS.values():
        conn.exec_driver_sql(sql)


def upgrade() -> None:
    """Upgrade schema."""
    rebuild(NEW_OPTIONS)


def downgrade() -> None:
    """Downgrade schema."""
    rebuild(OLD_OPTIONS)
