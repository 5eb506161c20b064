"""SQLAlchemy 2 table models (typed `Mapped[]`). Rows stay inside the store; domain
dataclasses cross the boundary (see posko.store.mapping).

Every datetime is stored as naive UTC text and comes back timezone-aware (UTC).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names keep Alembic batch migrations on SQLite predictable.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware (UTC) datetimes out; naive UTC on disk."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use timezone-aware values")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Meta(Base):
    """Key/value facts about this desk: installation id, kecamatan, desk number."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Officer(Base):
    __tablename__ = "officers"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32), default="officer")
    pin_hash: Mapped[str | None] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Sign-in throttling: after repeated wrong PINs the officer waits before trying again.
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())


class TicketRow(Base):
    __tablename__ = "tickets"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    tracking_code: Mapped[str] = mapped_column(String(16), unique=True)
    origin: Mapped[str] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(String(64), index=True)
    kelurahan_code: Mapped[str] = mapped_column(String(16), index=True)
    rw: Mapped[int | None] = mapped_column(Integer)
    rt: Mapped[int | None] = mapped_column(Integer)
    address: Mapped[str] = mapped_column(Text, default="")
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    description: Mapped[str] = mapped_column(Text)
    reporter_kind: Mapped[str] = mapped_column(String(16))
    reporter_name: Mapped[str | None] = mapped_column(String(200))
    reporter_phone: Mapped[str | None] = mapped_column(String(20), index=True)
    # NIK: AES-GCM ciphertext and a keyed hash for exact lookup; never plaintext.
    reporter_nik_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    reporter_nik_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    contact_preference: Mapped[str] = mapped_column(String(16), default="none")
    consent: Mapped[bool] = mapped_column(Boolean)
    officer: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(32), index=True)
    needs_field_check: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    external_refs: Mapped[list[ExternalRefRow]] = relationship(
        back_populates="ticket", cascade="all, delete-orphan", order_by="ExternalRefRow.id"
    )
    events: Mapped[list[StatusEventRow]] = relationship(
        back_populates="ticket", cascade="all, delete-orphan", order_by="StatusEventRow.at"
    )
    follow_ups: Mapped[list[FollowUpRow]] = relationship(
        back_populates="ticket", cascade="all, delete-orphan", order_by="FollowUpRow.asked_at"
    )
    attachments: Mapped[list[AttachmentRow]] = relationship(
        back_populates="ticket", cascade="all, delete-orphan"
    )
    notes: Mapped[list[NoteRow]] = relationship(
        back_populates="ticket", cascade="all, delete-orphan", order_by="NoteRow.at"
    )


class ExternalRefRow(Base):
    __tablename__ = "external_refs"
    __table_args__ = (UniqueConstraint("source", "number", name="uq_external_refs_source_number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(16))
    number: Mapped[str] = mapped_column(String(64))
    ticket: Mapped[TicketRow] = relationship(back_populates="external_refs")


class StatusEventRow(Base):
    __tablename__ = "status_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    agency: Mapped[str | None] = mapped_column(String(200))
    merged_into: Mapped[str | None] = mapped_column(String(36))
    ticket: Mapped[TicketRow] = relationship(back_populates="events")


class FollowUpRow(Base):
    __tablename__ = "follow_ups"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime())
    officer: Mapped[str] = mapped_column(String(64))
    requested_by: Mapped[str] = mapped_column(String(200), default="")
    promise: Mapped[str] = mapped_column(Text, default="")
    promised_by: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    ticket: Mapped[TicketRow] = relationship(back_populates="follow_ups")


class NoteRow(Base):
    """An officer's note on a ticket (desk-owned: the desk wins on its own unsynced notes)."""

    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    officer: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    internal: Mapped[bool] = mapped_column(Boolean, default=True)
    ticket: Mapped[TicketRow] = relationship(back_populates="notes")


class AttachmentRow(Base):
    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ticket: Mapped[TicketRow] = relationship(back_populates="attachments")


class TrackingSequence(Base):
    """Last sequence number issued per (day, desk): codes stay unique without the network."""

    __tablename__ = "tracking_sequences"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    desk: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_sequence: Mapped[int] = mapped_column(Integer)


class QueueSlip(Base):
    __tablename__ = "queue_slips"
    __table_args__ = (
        UniqueConstraint("session_date", "number", name="uq_queue_slips_session_number"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    session_date: Mapped[date] = mapped_column(Date)
    number: Mapped[int] = mapped_column(Integer)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())
    state: Mapped[str] = mapped_column(String(16), default="waiting")
    served_by: Mapped[str | None] = mapped_column(String(64))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id", ondelete="SET NULL"))


class OutboxRow(Base):
    """A local change waiting to be pushed; written in the same transaction as the change."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)  # the Idempotency-Key
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    kind: Mapped[str] = mapped_column(String(32))
    entity_uuid: Mapped[str] = mapped_column(String(36), index=True)
    # The ticket the change belongs to (per-record sync badges, migration 0007); None for a
    # change about several tickets or none (their payload names them).
    ticket_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    payload: Mapped[str] = mapped_column(Text)  # JSON
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    parked: Mapped[bool] = mapped_column(Boolean, default=False)


class SyncState(Base):
    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditEntry(Base):
    """Who did what. `detail` must never hold personal data (name/NIK/phone)."""

    __tablename__ = "audit_log"
    # The supervisors' viewer lists one ticket's / officer's / action's rows newest first.
    __table_args__ = (Index("ix_audit_log_entity_uuid_at", "entity_uuid", "at"),
                      Index("ix_audit_log_officer_at", "officer", "at"),
                      Index("ix_audit_log_action_at", "action", "at"))
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    officer: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_uuid: Mapped[str | None] = mapped_column(String(36))
    detail: Mapped[str] = mapped_column(Text, default="")


class SyncConflict(Base):
    """A pushed change the server answered with `conflict`: both versions, for the officer.

    `server_version` is the ticket as the server has it (JSON); `local_payload` is what the
    desk sent. The server's status has already been applied locally; nothing local is lost.
    """

    __tablename__ = "sync_conflicts"
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_uuid: Mapped[str] = mapped_column(String(36), index=True)
    outbox_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    code: Mapped[str] = mapped_column(String(64))
    field: Mapped[str | None] = mapped_column(String(64))
    local_payload: Mapped[str] = mapped_column(Text)  # JSON
    server_version: Mapped[str | None] = mapped_column(Text)  # JSON
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class TicketMergeRow(Base):
    """A merge of tickets into one survivor (store/merge.py). `state`: 'active', 'undone'
    (same-day undo) or 'refused' (the server answered conflict; reverted locally)."""

    __tablename__ = "ticket_merges"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    survivor_uuid: Mapped[str] = mapped_column(String(36), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    officer: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(16), default="active")
    undo_uuid: Mapped[str | None] = mapped_column(String(36))
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    undone_by: Mapped[str | None] = mapped_column(String(64))
    refused_code: Mapped[str | None] = mapped_column(String(64))
    items: Mapped[list[TicketMergeItemRow]] = relationship(
        back_populates="merge", cascade="all, delete-orphan",
        order_by="TicketMergeItemRow.position")
    moves: Mapped[list[TicketMergeMoveRow]] = relationship(
        back_populates="merge", cascade="all, delete-orphan", order_by="TicketMergeMoveRow.id")


class TicketMergeItemRow(Base):
    """One ticket merged away: its status before, the MERGED event, the restoring event."""

    __tablename__ = "ticket_merge_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    merge_id: Mapped[int] = mapped_column(ForeignKey("ticket_merges.id", ondelete="CASCADE"),
                                          index=True)
    position: Mapped[int] = mapped_column(Integer)
    ticket_uuid: Mapped[str] = mapped_column(String(36), index=True)
    previous_status: Mapped[str] = mapped_column(String(32))
    event_uuid: Mapped[str] = mapped_column(String(36))
    restore_event_uuid: Mapped[str | None] = mapped_column(String(36))
    merge: Mapped[TicketMergeRow] = relationship(back_populates="items")


class TicketMergeMoveRow(Base):
    """One child a merge moved to the survivor (an external ref or a follow-up), so that undo
    and a server refusal move back exactly these."""

    __tablename__ = "ticket_merge_moves"
    id: Mapped[int] = mapped_column(primary_key=True)
    merge_id: Mapped[int] = mapped_column(ForeignKey("ticket_merges.id", ondelete="CASCADE"),
                                          index=True)
    from_ticket_uuid: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(16))  # 'external_ref' | 'follow_up'
    follow_up_uuid: Mapped[str | None] = mapped_column(String(36))
    ref_source: Mapped[str | None] = mapped_column(String(16))
    ref_number: Mapped[str | None] = mapped_column(String(64))
    merge: Mapped[TicketMergeRow] = relationship(back_populates="moves")


class ErasureRequest(Base):
    """A citizen's erasure request (UU PDP art. 32; posko.store.data_request). It holds no
    personal data: what it erases is named by ticket (and follow-up) uuids."""

    __tablename__ = "erasure_requests"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime())
    officer: Mapped[str] = mapped_column(String(64))
    matched_by: Mapped[str] = mapped_column(String(32), default="")  # "nik,phone,name"
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    targets: Mapped[list[ErasureTarget]] = relationship(
        back_populates="request", cascade="all, delete-orphan", order_by="ErasureTarget.id")


class ErasureTarget(Base):
    """One ticket of an erasure request: its reporter (`reporter`) and/or the follow-ups the
    person asked (`follow_ups`, a JSON list of uuids). `erased_at` is None while it waits for
    its retention period (or for its unsent changes to reach the server)."""

    __tablename__ = "erasure_targets"
    __table_args__ = (UniqueConstraint("request_id", "ticket_uuid",
                                       name="uq_erasure_targets_request_ticket"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("erasure_requests.id", ondelete="CASCADE"), index=True)
    ticket_uuid: Mapped[str] = mapped_column(String(36), index=True)
    reporter: Mapped[bool] = mapped_column(Boolean)
    follow_ups: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of uuids
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    request: Mapped[ErasureRequest] = relationship(back_populates="targets")
