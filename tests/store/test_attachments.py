"""Attachments are stored once by content hash, beside the DB, with an outbox row."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from posko.domain.errors import DomainError
from posko.store import attachments as attachments_module
from posko.store.attachments import add_attachment, blob_path, open_attachment
from posko.store.database import Store
from posko.store.errors import NotFound
from posko.store.models import AttachmentRow, OutboxRow


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "jalan berlubang.jpg"
    path.write_bytes(b"\xff\xd8\xff" + b"pixels" * 1000)
    return path


def test_same_file_twice_is_stored_once(store: Store, intake, photo: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ticket = intake()
    folder = tmp_path / "attachments"
    first = add_attachment(store, folder, ticket.uuid, photo, officer="budi")
    second = add_attachment(store, folder, ticket.uuid, photo, officer="budi")
    assert first.sha256 == second.sha256
    assert first.uuid != second.uuid
    assert first.media_type == "image/jpeg"
    assert first.size == photo.stat().st_size
    assert [p for p in folder.rglob("*") if p.is_file()] == [blob_path(folder, first.sha256)]
    with store.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(AttachmentRow)) == 2
        kinds = list(session.scalars(select(OutboxRow.kind)))
    assert kinds.count("attachment.added") == 2
    assert open_attachment(folder, first).read_bytes() == photo.read_bytes()


def test_missing_or_altered_file_is_a_clear_error(store: Store, intake, photo: Path,  # type: ignore[no-untyped-def]
                                                  tmp_path: Path) -> None:
    folder = tmp_path / "attachments"
    attachment = add_attachment(store, folder, intake().uuid, photo, officer="budi")
    stored = blob_path(folder, attachment.sha256)
    stored.write_bytes(b"tampered")
    with pytest.raises(NotFound) as caught:
        open_attachment(folder, attachment)
    assert "rusak" in caught.value.message_id
    stored.unlink()
    with pytest.raises(NotFound) as caught:
        open_attachment(folder, attachment)
    assert "cadangan" in caught.value.message_id
    assert "backup" in caught.value.message_en


def test_oversize_and_missing_sources_are_refused(store: Store, intake, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  photo: Path) -> None:
    ticket = intake()
    with pytest.raises(DomainError):
        add_attachment(store, tmp_path / "a", ticket.uuid, tmp_path / "nope.jpg", officer="b")
    monkeypatch.setattr(attachments_module, "MAX_ATTACHMENT_BYTES", 10)
    with pytest.raises(DomainError) as caught:
        add_attachment(store, tmp_path / "a", ticket.uuid, photo, officer="b")
    assert caught.value.code == "attachment_too_large"
    assert not (tmp_path / "a").exists()


def test_unknown_ticket_leaves_no_row(store: Store, photo: Path, tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        add_attachment(store, tmp_path / "a", "no-such-uuid", photo, officer="b")
    with store.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(AttachmentRow)) == 0
