"""Ticket merges on the server (change kinds ``ticket.merged`` / ``ticket.merge_undone``).

``ticket_merges``: one row per merge (survivor, who, when, note, the undo's uuid and time).
``ticket_merge_items``: each ticket merged away, with its status before the merge and the
uuids of its MERGED (and restoring) status events. ``ticket_merge_moves``: each external ref
and follow-up the merge moved to the survivor, so that an undo moves back exactly those.
Everything cascades with the tickets, refs and follow-ups it names.

New tables only (existing rows need nothing); each step is idempotent (``if_not_exists``)
and runs inside ``migrate``'s one transaction.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from posko.store.models import UTCDateTime

# revision identifiers, used by Alembic.
revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "ticket_merges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("kecamatan_code", sa.String(length=8), nullable=False),
        sa.Column("survivor_id", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=True),
        sa.Column("undo_uuid", sa.String(length=36), nullable=True),
        sa.Column("undone_at", UTCDateTime(), nullable=True),
        sa.Column("undone_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["survivor_id"], ["tickets.id"],
                                name=op.f("fk_ticket_merges_survivor_id_tickets"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["device_id"], ["devices.id"],
                                name=op.f("fk_ticket_merges_device_id_devices")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_merges")),
        sa.UniqueConstraint("uuid", name=op.f("uq_ticket_merges_uuid")),
        sa.UniqueConstraint("undo_uuid", name=op.f("uq_ticket_merges_undo_uuid")),
        if_not_exists=True,
    )
    op.create_index(op.f("ix_ticket_merges_survivor_id"), "ticket_merges", ["survivor_id"],
                    unique=False, if_not_exists=True)
    op.create_table(
        "ticket_merge_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("merge_id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("previous_status", sa.String(length=32), nullable=False),
        sa.Column("event_uuid", sa.String(length=36), nullable=False),
        sa.Column("restore_event_uuid", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["merge_id"], ["ticket_merges.id"],
                                name=op.f("fk_ticket_merge_items_merge_id_ticket_merges"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"],
                                name=op.f("fk_ticket_merge_items_ticket_id_tickets"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_merge_items")),
        if_not_exists=True,
    )
    op.create_index(op.f("ix_ticket_merge_items_merge_id"), "ticket_merge_items",
                    ["merge_id"], unique=False, if_not_exists=True)
    op.create_index(op.f("ix_ticket_merge_items_ticket_id"), "ticket_merge_items",
                    ["ticket_id"], unique=False, if_not_exists=True)
    op.create_table(
        "ticket_merge_moves",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("merge_id", sa.Integer(), nullable=False),
        sa.Column("from_ticket_id", sa.Integer(), nullable=False),
        sa.Column("external_ref_id", sa.Integer(), nullable=True),
        sa.Column("follow_up_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["merge_id"], ["ticket_merges.id"],
                                name=op.f("fk_ticket_merge_moves_merge_id_ticket_merges"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["from_ticket_id"], ["tickets.id"],
                                name=op.f("fk_ticket_merge_moves_from_ticket_id_tickets"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["external_ref_id"], ["external_refs.id"],
                                name=op.f("fk_ticket_merge_moves_external_ref_id_external_refs"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["follow_up_id"], ["follow_ups.id"],
                                name=op.f("fk_ticket_merge_moves_follow_up_id_follow_ups"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_merge_moves")),
        if_not_exists=True,
    )
    for column in ("merge_id", "from_ticket_id", "external_ref_id", "follow_up_id"):
        op.create_index(op.f(f"ix_ticket_merge_moves_{column}"), "ticket_merge_moves",
                        [column], unique=False, if_not_exists=True)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("ticket_merge_moves", if_exists=True)
    op.drop_table("ticket_merge_items", if_exists=True)
    op.drop_table("ticket_merges", if_exists=True)
