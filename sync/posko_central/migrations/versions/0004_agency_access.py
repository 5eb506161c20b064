"""read-only agency access (no reporter identity)

``agencies`` (a dinas / suku dinas with a bearer token, stored as SHA-256 only, like a
device's), ``agency_kecamatan`` (the kecamatan whose tickets it may read) and
``agency_categories`` (the complaint categories it handles). Nothing else changes: which
tickets an agency sees is computed from the status events (see ``posko_central.agency``).
Each table is created only when missing, so a database that got them already ends the same.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from posko.store.models import UTCDateTime

# revision identifiers, used by Alembic.
revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    if "agencies" not in existing:
        op.create_table(
            "agencies",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("public_id", sa.String(length=36), nullable=False),
            sa.Column("name", sa.String(length=200), nullable=False),
            sa.Column("token_hash", sa.String(length=64), nullable=False),
            sa.Column("created_at", UTCDateTime(), nullable=False),
            sa.Column("revoked_at", UTCDateTime(), nullable=True),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_agencies")),
            sa.UniqueConstraint("public_id", name=op.f("uq_agencies_public_id")),
            sa.UniqueConstraint("token_hash", name=op.f("uq_agencies_token_hash")),
        )
    if "agency_kecamatan" not in existing:
        op.create_table(
            "agency_kecamatan",
            sa.Column("agency_id", sa.Integer(), nullable=False),
            sa.Column("kecamatan_code", sa.String(length=8), nullable=False),
            sa.ForeignKeyConstraint(["agency_id"], ["agencies.id"],
                                    name=op.f("fk_agency_kecamatan_agency_id_agencies"),
                                    ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("agency_id", "kecamatan_code",
                                    name=op.f("pk_agency_kecamatan")),
        )
    if "agency_categories" not in existing:
        op.create_table(
            "agency_categories",
            sa.Column("agency_id", sa.Integer(), nullable=False),
            sa.Column("category", sa.String(length=64), nullable=False),
            sa.ForeignKeyConstraint(["agency_id"], ["agencies.id"],
                                    name=op.f("fk_agency_categories_agency_id_agencies"),
                                    ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("agency_id", "category", name=op.f("pk_agency_categories")),
        )


def downgrade() -> None:
    """Downgrade schema (agency tokens end with their tables)."""
    op.drop_table("agency_categories", if_exists=True)
    op.drop_table("agency_kecamatan", if_exists=True)
    op.drop_table("agencies", if_exists=True)
