"""reporter erasure on the server (no schema change)

A desk's ``reporter.erased`` change (posko_central.erasure) blanks columns the server
already has (tickets.reporter_*, follow_ups.requested_by, free text) and writes audit and
feed rows of the existing kinds: no table or column is needed. The revision stays, a no-op,
so the chain is whole and a later change has its number.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27

"""
from collections.abc import Sequence

# revision identifiers, used by Alembic.
revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""


def downgrade() -> None:
    """Downgrade schema."""
