"""SQLAlchemy 2 tables of the central server (typed ``Mapped[]``).

Every row that belongs to a kecamatan carries its ``kecamatan_code``: the device that asks
is scoped to exactly one, and every query filters on it. Datetimes are stored as naive UTC
and come back timezone-aware (the desk's :class:`posko.store.models.UTCDateTime`).

Personal data (reporter name and phone, the name of whoever asked for a follow-up) lives
only in ``tickets`` and ``follow_ups``. NIKs are never received: a desk sends ``has_nik``.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from posko.store.models import NAMING_CONVENTION, UTCDateTime

FEED_COUNTER = "feed"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ServerMeta(Base):
    """Facts about this server database (``server_id``: part of every cursor)."""

    __tablename__ = "server_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Counter(Base):
    """The change-feed sequence. Its row is locked (``SELECT ... FOR UPDATE``) by every
    write transaction, which serialises writers: a later sequence number can never be
    committed before an earlier one, so a pull can never skip a change."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class Device(Base):
    """A registered desk of one kecamatan. Codes, nonces and tokens are stored as SHA-256
    only."""

    __tablename__ = "devices"
    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(36), unique=True)
    kecamatan_code: Mapped[str] = mapped_column(String(8), index=True)
    name: Mapped[str] = mapped_column(String(100))
    desk_number: Mapped[int] = mapped_column(Integer)
    enrolment_code_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    enrolment_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # SHA-256 of the desk's enrolment nonce: the same code with this nonce may be exchanged
    # again until the code expires (a desk whose answer was lost retries). Code hash and
    # nonce hash are kept after use until then.
    enrolment_nonce_hash: Mapped[str | None] = mapped_column(String(64))
    enrolled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class TicketRow(Base):
    __tablename__ = "tickets"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    tracking_code: Mapped[str] = mapped_column(String(16), unique=True)
    kecamatan_code: Mapped[str] = mapped_column(String(8), index=True)
    origin: Mapped[str] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(String(64))
    kelurahan_code: Mapped[str] = mapped_column(String(16))
    rw: Mapped[int | None] = mapped_column(Integer)
    rt: Mapped[int | None] = mapped_column(Integer)
    address: Mapped[str] = mapped_column(Text, default="")
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    description: Mapped[str] = mapped_column(Text)
    reporter_kind: Mapped[str] = mapped_column(String(16))
    reporter_name: Mapped[str | None] = mapped_column(String(200))
    reporter_phone: Mapped[str | None] = mapped_column(String(20))
    reporter_has_nik: Mapped[bool] = mapped_column(Boolean, default=False)
    contact_preference: Mapped[str] = mapped_column(String(16), default="none")
    consent: Mapped[bool] = mapped_column(Boolean)
    officer: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(32))
    needs_field_check: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    device_id: Mapped[int | None] = mapped_column(ForeignKey("devices.id"))

    external_refs: Mapped[list[ExternalRefRow]] = relationship(
        back_populates="ticket", cascade="all, delete-orphan", order_by="ExternalRefRow.id"
    )


class ExternalRefRow(Base):
    __tablename__ = "external_refs"
    __table_args__ = (UniqueConstraint("source", "number", name="uq_external_refs_source_number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    uuid: Mapped[str | None] = mapped_column(String(36), unique=True)
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
    merged_into: Mapped[str | None] = mapped_column(String(64))
    device_id: Mapped[int | None] = mapped_column(ForeignKey("devices.id"))


class NoteRow(Base):
    """An officer's note on a ticket (kecamatan-internal; never shown through Open311)."""

    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    officer: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    device_id: Mapped[int | None] = mapped_column(ForeignKey("devices.id"))


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
    device_id: Mapped[int | None] = mapped_column(ForeignKey("devices.id"))


class AttachmentRow(Base):
    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    officer: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    device_id: Mapped[int | None] = mapped_column(ForeignKey("devices.id"))


class BlobRow(Base):
    """Uploaded file content, addressed by SHA-256 *per kecamatan*: a shared store would let
    one kecamatan learn, by uploading a file, that another already holds it."""

    __tablename__ = "blobs"
    __table_args__ = (
        UniqueConstraint("kecamatan_code", "sha256", name="uq_blobs_kecamatan_sha256"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    kecamatan_code: Mapped[str] = mapped_column(String(8))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class FeedRow(Base):
    """The change feed: one row per entity, moved to a new sequence number whenever the
    entity changes (so a pull sends the current state once). A removal leaves a tombstone
    (``op = "delete"``)."""

    __tablename__ = "feed"
    __table_args__ = (
        UniqueConstraint("kind", "entity_uuid", name="uq_feed_kind_entity_uuid"),
        Index("ix_feed_kecamatan_code_seq", "kecamatan_code", "seq"),
    )
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    kecamatan_code: Mapped[str] = mapped_column(String(8))
    kind: Mapped[str] = mapped_column(String(16))
    op: Mapped[str] = mapped_column(String(8))
    entity_uuid: Mapped[str] = mapped_column(String(36))
    ticket_uuid: Mapped[str] = mapped_column(String(36))


class IdempotencyRow(Base):
    """The first answer to a push, kept per device and ``Idempotency-Key``."""

    __tablename__ = "idempotency_keys"
    __table_args__ = (
        UniqueConstraint("device_id", "key", name="uq_idempotency_keys_device_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(200))
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column(Integer)
    body: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class TrackingSequence(Base):
    """Last sequence issued by the server (desk 31) per kecamatan and day."""

    __tablename__ = "tracking_sequences"
    kecamatan_code: Mapped[str] = mapped_column(String(8), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    desk: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_sequence: Mapped[int] = mapped_column(Integer)


class AuditRow(Base):
    """Who did what through which device. ``detail`` never holds personal data."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    device_id: Mapped[int | None] = mapped_column(ForeignKey("devices.id"))
    officer: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    entity_uuid: Mapped[str | None] = mapped_column(String(36))
    detail: Mapped[str] = mapped_column(Text, default="")


class TicketMergeRow(Base):
    """Tickets merged into a survivor (change kind ``ticket.merged``), kept so that the
    merge can be undone (``ticket.merge_undone``) and a repeat recognised."""

    __tablename__ = "ticket_merges"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    kecamatan_code: Mapped[str] = mapped_column(String(8))
    survivor_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"),
                                             index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")
    device_id: Mapped[int | None] = mapped_column(ForeignKey("devices.id"))
    undo_uuid: Mapped[str | None] = mapped_column(String(36), unique=True)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    undone_by: Mapped[str | None] = mapped_column(String(64))
    items: Mapped[list[TicketMergeItemRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="TicketMergeItemRow.id")
    moves: Mapped[list[TicketMergeMoveRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="TicketMergeMoveRow.id")


class TicketMergeItemRow(Base):
    """One ticket merged away: its status before the merge and its status events."""

    __tablename__ = "ticket_merge_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    merge_id: Mapped[int] = mapped_column(ForeignKey("ticket_merges.id", ondelete="CASCADE"),
                                          index=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"),
                                           index=True)
    previous_status: Mapped[str] = mapped_column(String(32))
    event_uuid: Mapped[str] = mapped_column(String(36))
    restore_event_uuid: Mapped[str | None] = mapped_column(String(36))


class TicketMergeMoveRow(Base):
    """One external ref or follow-up a merge moved to the survivor (undo moves it back)."""

    __tablename__ = "ticket_merge_moves"
    id: Mapped[int] = mapped_column(primary_key=True)
    merge_id: Mapped[int] = mapped_column(ForeignKey("ticket_merges.id", ondelete="CASCADE"),
                                          index=True)
    from_ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"),
                                                index=True)
    external_ref_id: Mapped[int | None] = mapped_column(
        ForeignKey("external_refs.id", ondelete="CASCADE"), index=True)
    follow_up_id: Mapped[int | None] = mapped_column(
        ForeignKey("follow_ups.id", ondelete="CASCADE"), index=True)


class AgencyRow(Base):
    """An agency (dinas / suku dinas) with read-only access to the tickets dispatched to it
    in its kecamatan(s), without reporter identity (``posko_central.agency``). Its token is
    stored as SHA-256 only, like a device's."""

    __tablename__ = "agencies"
    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    kecamatan: Mapped[list[AgencyKecamatanRow]] = relationship(
        cascade="all, delete-orphan", order_by="AgencyKecamatanRow.kecamatan_code")
    categories: Mapped[list[AgencyCategoryRow]] = relationship(
        cascade="all, delete-orphan", order_by="AgencyCategoryRow.category")


class AgencyKecamatanRow(Base):
    """A kecamatan whose dispatched tickets an agency may read."""

    __tablename__ = "agency_kecamatan"
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id", ondelete="CASCADE"),
                                           primary_key=True)
    kecamatan_code: Mapped[str] = mapped_column(String(8), primary_key=True)


class AgencyCategoryRow(Base):
    """A complaint category an agency handles (a ticket of it dispatched in the agency's
    kecamatan is the agency's)."""

    __tablename__ = "agency_categories"
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id", ondelete="CASCADE"),
                                           primary_key=True)
    category: Mapped[str] = mapped_column(String(64), primary_key=True)
