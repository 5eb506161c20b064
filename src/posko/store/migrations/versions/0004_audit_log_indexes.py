"""audit log indexes for the supervisors' viewer

The viewer filters by ticket, officer or action and lists newest first; with millions of
rows, (entity_uuid, at), (officer, at) and (action, at) let SQLite read just those rows,
already in time order (no sort). The (entity_uuid, at) index replaces 0001's (entity_uuid),
which is its prefix; ``at`` keeps its own index from 0001.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27

"""
from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0004'
down_revision: str | Sequence[str] | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema (each step idempotent: a DB restored halfway, or already at head
    under an older version number, still ends with exactly these indexes)."""
    op.drop_index('ix_audit_log_entity_uuid', table_name='audit_log', if_exists=True)
    op.create_index('ix_audit_log_entity_uuid_at', 'audit_log', ['entity_uuid', 'at'],
                    unique=False, if_not_exists=True)
    op.create_index('ix_audit_log_officer_at', 'audit_log', ['officer', 'at'], unique=False,
                    if_not_exists=True)
    op.create_index('ix_audit_log_action_at', 'audit_log', ['action', 'at'], unique=False,
                    if_not_exists=True)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index('ix_audit_log_action_at', table_name='audit_log', if_exists=True)
    op.drop_index('ix_audit_log_officer_at', table_name='audit_log', if_exists=True)
    op.drop_index('ix_audit_log_entity_uuid_at', table_name='audit_log', if_exists=True)
    op.create_index('ix_audit_log_entity_uuid', 'audit_log', ['entity_uuid'], unique=False,
                    if_not_exists=True)
