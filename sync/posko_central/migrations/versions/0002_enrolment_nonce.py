"""Enrolment nonce: a desk whose enrolment answer was lost can repeat the exchange.

``devices.enrolment_nonce_hash`` holds the SHA-256 of the nonce the desk sent with its
one-time code; the same code with the same nonce may be exchanged again (for a fresh token)
until the code expires. Existing rows need nothing: their used codes are already gone.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 08:30:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("enrolment_nonce_hash", sa.String(length=64),
                                      nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    # Without the nonce a used code must not stay usable: forget codes already exchanged.
    op.execute("UPDATE devices SET enrolment_code_hash = NULL, enrolment_expires_at = NULL "
               "WHERE enrolled_at IS NOT NULL")
    # A plain DROP COLUMN (SQLite >= 3.35): a batch copy of `devices` would fail on the
    # foreign keys that point at it.
    op.drop_column("devices", "enrolment_nonce_hash")
