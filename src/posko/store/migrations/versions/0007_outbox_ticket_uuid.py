"""outbox rows know their ticket (per-record sync state)

``outbox.ticket_uuid`` (indexed) names the ticket a waiting change belongs to, so the lookup
can show the sync state of a page of tickets with one indexed query instead of reading every
payload. Existing rows are backfilled from what they already hold: a ``ticket.created`` row's
entity is the ticket; other kinds carry ``ticket_uuid`` in their payload (a merge its
``survivor_uuid``). Rows about several tickets or none keep NULL: their payload names them.

Idempotent: the column and index are only added when missing, and the backfill only fills
NULLs (a payload that is not valid JSON is left alone rather than failing the start).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0007'
down_revision: str | Sequence[str] | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BACKFILL = """
    UPDATE outbox SET ticket_uuid = CASE
        WHEN kind = 'ticket.created' THEN entity_uuid
        WHEN json_valid(payload) THEN coalesce(json_extract(payload, '$.ticket_uuid'),
                                               json_extract(payload, '$.survivor_uuid'))
        END
    WHERE ticket_uuid IS NULL
"""


def _columns(table: str) -> set[str]:
    return {column['name'] for column in sa.inspect(op.get_bind()).get_columns(table)}


def upgrade() -> None:
    """Upgrade schema."""
    if 'ticket_uuid' not in _columns('outbox'):
        # A nullable column: SQLite adds it in place (no table copy, ids and order kept).
        op.add_column('outbox', sa.Column('ticket_uuid', sa.String(length=36), nullable=True))
    op.execute(BACKFILL)
    op.create_index('ix_outbox_ticket_uuid', 'outbox', ['ticket_uuid'], unique=False,
                    if_not_exists=True)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index('ix_outbox_ticket_uuid', table_name='outbox', if_exists=True)
    if 'ticket_uuid' in _columns('outbox'):
        with op.batch_alter_table('outbox', schema=None) as batch_op:
            batch_op.drop_column('ticket_uuid')
