"""reporter erasure (UU PDP art. 32) bookkeeping

A citizen's erasure request and what it is to erase, named by ticket (and follow-up) uuids
only: the request itself holds no name, phone or NIK. Tickets whose retention period has not
passed yet (open, recently closed, or with changes still waiting in the outbox) stay
``erased_at IS NULL`` until a later run erases them (posko.store.data_request).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0008'
down_revision: str | Sequence[str] | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _tables() -> set[str]:
    return set(sa.inspect(op.get_bind()).get_table_names())


def upgrade() -> None:
    """Upgrade schema (idempotent: a DB that already has the tables keeps them)."""
    existing = _tables()
    if 'erasure_requests' not in existing:
        op.create_table('erasure_requests',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('uuid', sa.String(length=36), nullable=False),
        sa.Column('requested_at', sa.DateTime(), nullable=False),
        sa.Column('officer', sa.String(length=64), nullable=False),
        sa.Column('matched_by', sa.String(length=32), nullable=False),
        sa.Column('done_at', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_erasure_requests')),
        sa.UniqueConstraint('uuid', name=op.f('uq_erasure_requests_uuid'))
        )
    if 'erasure_targets' not in existing:
        op.create_table('erasure_targets',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('request_id', sa.Integer(), nullable=False),
        sa.Column('ticket_uuid', sa.String(length=36), nullable=False),
        sa.Column('reporter', sa.Boolean(), nullable=False),
        sa.Column('follow_ups', sa.Text(), nullable=False),
        sa.Column('erased_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['request_id'], ['erasure_requests.id'],
                                name=op.f('fk_erasure_targets_request_id_erasure_requests'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_erasure_targets')),
        sa.UniqueConstraint('request_id', 'ticket_uuid',
                            name='uq_erasure_targets_request_ticket')
        )
    op.create_index('ix_erasure_targets_request_id', 'erasure_targets', ['request_id'],
                    unique=False, if_not_exists=True)
    op.create_index('ix_erasure_targets_ticket_uuid', 'erasure_targets', ['ticket_uuid'],
                    unique=False, if_not_exists=True)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index('ix_erasure_targets_ticket_uuid', table_name='erasure_targets',
                  if_exists=True)
    op.drop_index('ix_erasure_targets_request_id', table_name='erasure_targets',
                  if_exists=True)
    op.execute('DROP TABLE IF EXISTS erasure_targets')
    op.execute('DROP TABLE IF EXISTS erasure_requests')
