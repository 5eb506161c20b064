"""sync conflicts

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0003'
down_revision: str | Sequence[str] | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('sync_conflicts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ticket_uuid', sa.String(length=36), nullable=False),
    sa.Column('outbox_uuid', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('field', sa.String(length=64), nullable=True),
    sa.Column('local_payload', sa.Text(), nullable=False),
    sa.Column('server_version', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflicts')),
    sa.UniqueConstraint('outbox_uuid', name=op.f('uq_sync_conflicts_outbox_uuid'))
    )
    with op.batch_alter_table('sync_conflicts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_conflicts_ticket_uuid'), ['ticket_uuid'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('sync_conflicts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_conflicts_ticket_uuid'))

    op.drop_table('sync_conflicts')
