"""ticket merges (survivor, moved children, undo)

``ticket_merges``: one row per merge (survivor, who, when, note, state active / undone /
refused, the undo's uuid and time). ``ticket_merge_items``: each ticket merged away, with its
status before the merge and the uuids of its MERGED (and restoring) status events.
``ticket_merge_moves``: each external ref and follow-up the merge moved to the survivor, so
an undo or a server refusal moves back exactly those. Tickets are named by uuid (as in
sync_conflicts): a merge record outlives nothing it describes.

Each step is idempotent (``if_not_exists``), and runs inside the opener's one transaction.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0006'
down_revision: str | Sequence[str] | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('ticket_merges',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('survivor_uuid', sa.String(length=36), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('officer', sa.String(length=64), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('undo_uuid', sa.String(length=36), nullable=True),
    sa.Column('undone_at', sa.DateTime(), nullable=True),
    sa.Column('undone_by', sa.String(length=64), nullable=True),
    sa.Column('refused_code', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket_merges')),
    sa.UniqueConstraint('uuid', name=op.f('uq_ticket_merges_uuid')),
    if_not_exists=True,
    )
    op.create_index(op.f('ix_ticket_merges_survivor_uuid'), 'ticket_merges', ['survivor_uuid'],
                    unique=False, if_not_exists=True)
    op.create_table('ticket_merge_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('merge_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('ticket_uuid', sa.String(length=36), nullable=False),
    sa.Column('previous_status', sa.String(length=32), nullable=False),
    sa.Column('event_uuid', sa.String(length=36), nullable=False),
    sa.Column('restore_event_uuid', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['merge_id'], ['ticket_merges.id'],
                            name=op.f('fk_ticket_merge_items_merge_id_ticket_merges'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket_merge_items')),
    if_not_exists=True,
    )
    op.create_index(op.f('ix_ticket_merge_items_merge_id'), 'ticket_merge_items', ['merge_id'],
                    unique=False, if_not_exists=True)
    op.create_index(op.f('ix_ticket_merge_items_ticket_uuid'), 'ticket_merge_items',
                    ['ticket_uuid'], unique=False, if_not_exists=True)
    op.create_table('ticket_merge_moves',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('merge_id', sa.Integer(), nullable=False),
    sa.Column('from_ticket_uuid', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('follow_up_uuid', sa.String(length=36), nullable=True),
    sa.Column('ref_source', sa.String(length=16), nullable=True),
    sa.Column('ref_number', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['merge_id'], ['ticket_merges.id'],
                            name=op.f('fk_ticket_merge_moves_merge_id_ticket_merges'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket_merge_moves')),
    if_not_exists=True,
    )
    op.create_index(op.f('ix_ticket_merge_moves_merge_id'), 'ticket_merge_moves', ['merge_id'],
                    unique=False, if_not_exists=True)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f('ix_ticket_merge_moves_merge_id'), table_name='ticket_merge_moves',
                  if_exists=True)
    op.drop_table('ticket_merge_moves', if_exists=True)
    op.drop_index(op.f('ix_ticket_merge_items_ticket_uuid'), table_name='ticket_merge_items',
                  if_exists=True)
    op.drop_index(op.f('ix_ticket_merge_items_merge_id'), table_name='ticket_merge_items',
                  if_exists=True)
    op.drop_table('ticket_merge_items', if_exists=True)
    op.drop_index(op.f('ix_ticket_merges_survivor_uuid'), table_name='ticket_merges',
                  if_exists=True)
    op.drop_table('ticket_merges', if_exists=True)
