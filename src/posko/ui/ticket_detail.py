"""Ticket detail: every field, the timeline, SLA deadlines, and what an officer can do next.

Everything shown comes from one immutable snapshot loaded off the GUI thread; after each
action (status, note, external ref, chase) the snapshot is loaded again and `ticketChanged`
is emitted with the ticket's uuid. Open sync conflicts of the ticket (a change of this desk the
city server answered with `conflict`) come with the snapshot and are listed above the body,
each with "Tandai selesai"; the panel is hidden when there are none.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTreeWidgetItem,
    QWidget,
)

from posko import catalogues
from posko.domain.errors import DomainError, PoskoError
from posko.domain.models import (
    Attachment,
    ContactPreference,
    EventSource,
    ExternalRef,
    Origin,
    ReporterKind,
)
from posko.domain.nik import mask_nik
from posko.domain.phone import mask_phone
from posko.domain.sla import default_calendar, default_policy, tier_due
from posko.domain.status import (
    ALLOWED_TRANSITIONS,
    Status,
    check_transition,
)
from posko.store.attachments import blob_path
from posko.store.case_file import CaseSla, sla_lines
from posko.store.casework import (
    SUPERVISOR_ONLY,
    add_external_ref,
    add_note,
    change_status,
    confirm_done,
    reject_follow_up,
)
from posko.store.crypto import NikCipher
from posko.store.database import Store
from posko.store.merge import MergeRecord, merges_of, undo_allowed, undo_merge
from posko.store.search import NoteEntry, TicketDetail, find_ticket
from posko.store.sync_state import RecordState, TicketSyncDetail, resend, ticket_sync_detail
from posko.sync.engine import ConflictEntry, conflicts, resolve_conflict
from posko.ui.chase import ChaseDialog
from posko.ui.context import DeskContext, show_error
from posko.ui.forms.ui_ticket_detail import Ui_TicketDetailDialog
from posko.ui.i18n import current_language, fill
from posko.ui.nik_reveal import NikReveal
from posko.ui.printing import preview_ticket_receipt
from posko.ui.sync_status import sync_events
from posko.ui.ticket_table import SYNC_COLORS, sync_label, sync_tooltip

OVERDUE_COLOR = "#b00020"
_STATUS_COLORS = {
    Status.DONE: "#1b6e20",
    Status.REJECTED: "#555555",
    Status.NOT_OUR_AUTHORITY: "#555555",
    Status.MERGED: "#555555",
}
_OPEN_COLOR = "#0b4f9c"
# Statuses with a flow of their own, never offered by the generic status combo: merging (the
# merge dialog), rejecting an agency's follow-up (the validation panel) and reopening (the
# chase screen, when a citizen says "belum beres").
TIMELINE_COLUMN_CAP = 140  # px: widest a fitted timeline column (who, promise) may grow
OWN_FLOW_STATUSES = frozenset({Status.MERGED, Status.FOLLOWUP_REJECTED, Status.REOPENED})


# --------------------------------------------------------------------------- snapshot


@dataclass(frozen=True, slots=True)
class TicketSnapshot:
    """What the dialog shows, read in one go off the GUI thread."""

    detail: TicketDetail
    notes: tuple[NoteEntry, ...]
    attachments: tuple[Attachment, ...]
    sla: tuple[CaseSla, ...]
    followup_due: date | None  # default promise of a chase
    category_id: str
    category_en: str
    kelurahan: str
    loaded_at: datetime
    conflicts: tuple[ConflictEntry, ...] = ()  # open sync conflicts, oldest first
    merges: tuple[MergeRecord, ...] = ()  # merges this ticket took part in, oldest first
    sync: TicketSyncDetail | None = None  # per-record sync state (posko.store.sync_state)

    @property
    def ticket_uuid(self) -> str:
        return self.detail.ticket.uuid

    @property
    def overdue(self) -> bool:
        return any(line.overdue for line in self.sla)


def load_snapshot(store: Store, cipher: NikCipher | None, key: str, timezone: tzinfo,
                  now: datetime | None = None) -> TicketSnapshot | None:
    """The ticket by uuid, tracking code or external ref, or None when there is none."""
    detail = find_ticket(store, key, cipher)
    if detail is None:
        return None
    ticket = detail.ticket
    notes, attachments = detail.notes, detail.attachments
    moment = (now or datetime.now(UTC)).astimezone(timezone)
    created = ticket.created_at.astimezone(timezone)
    policy, calendar = default_policy(), default_calendar()
    lines = sla_lines(detail, timezone, moment, policy=policy, calendar=calendar)
    followup_due: date | None = None
    for tier in policy.applicable(ticket.needs_field_check):
        if tier.key == "followup":
            due = tier_due(tier, calendar, created)
            # A date already gone is no promise: count the same tier again from today.
            followup_due = (due if due >= moment else tier_due(tier, calendar, moment)).date()
    try:
        category = catalogues.category(ticket.category)
        category_id, category_en = category.name_id, category.name_en
    except DomainError:  # an app ticket may carry a category this desk does not know
        category_id = category_en = ticket.category
    try:
        kelurahan = catalogues.kelurahan(ticket.location.kelurahan_code).label
    except DomainError:
        kelurahan = ticket.location.kelurahan_code
    return TicketSnapshot(detail, notes, attachments, lines, followup_due, category_id,
                          category_en, kelurahan, moment,
                          tuple(conflicts(store, ticket_uuid=ticket.uuid)),
                          merges=tuple(merges_of(store, ticket.uuid)),
                          sync=ticket_sync_detail(store, ticket.uuid))


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    at: datetime
    kind: str
    text: str
    actor: str
    source: str
    promise: str
    record: str = ""  # uuid of the status event / follow-up (its sync state), if any


# --------------------------------------------------------------------------- dialog


class TicketDetailDialog(QDialog):
    """`TicketDetailDialog(ctx, ticket_uuid_or_code, parent).open()`."""

    ticketChanged = Signal(str)  # noqa: N815 - Qt signal naming; the ticket uuid
    loaded = Signal()  # each time a snapshot (or "not found") has been shown
    syncShown = Signal()  # noqa: N815 - each time the sync badges have been shown

    def __init__(self, ctx: DeskContext, ticket_uuid_or_code: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_TicketDetailDialog()
        self.ui.setupUi(self)
        self._ctx = ctx
        self._key = ticket_uuid_or_code
        self.snapshot: TicketSnapshot | None = None
        self.chase_dialog: ChaseDialog | None = None
        self._busy = False
        self.ui.overdueBadge.hide()
        self.ui.statusBadge.hide()
        self.ui.conflictsGroup.hide()
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        fit, stretch = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch
        # The timeline's text gets the room; who (an agency's long name) and the promise fit
        # their text up to a cap, and wrap beyond it.
        self.ui.timelineTree.header().setMaximumSectionSize(TIMELINE_COLUMN_CAP)
        for header, modes in ((self.ui.timelineTree.header(), (fit, fit, stretch, fit, fit,
                                                                fit, fit)),
                              (self.ui.slaTree.header(), (fit, fit, stretch)),
                              (self.ui.conflictsTree.header(), (fit, fit, stretch, stretch,
                                                                fit))):
            header.setStretchLastSection(False)
            for column, mode in enumerate(modes):
                header.setSectionResizeMode(column, mode)
        self._wire_reprint()
        self._wire_sync()
        self._wire_validation()
        self._wire_merge()
        self.nik_reveal = NikReveal(ctx, self.ui.nikValue, self.ui.detailsForm, self)
        self.ui.statusCombo.currentIndexChanged.connect(self._status_chosen)
        self.ui.changeStatusButton.clicked.connect(self.change_status)
        self.ui.addNoteButton.clicked.connect(self.add_note)
        self.ui.noteEdit.returnPressed.connect(self.add_note)
        self.ui.addRefButton.clicked.connect(self.add_external_ref)
        self.ui.refEdit.returnPressed.connect(self.add_external_ref)
        self.ui.chaseButton.clicked.connect(self.open_chase)
        self.ui.statusNoteEdit.textEdited.connect(lambda _t: self.ui.statusError.clear())
        self.ui.agencyEdit.textEdited.connect(lambda _t: self.ui.statusError.clear())
        self._set_actions_enabled(False)
        self._status_chosen()
        self.reload()

    # --- loading ---------------------------------------------------------------------

    def reload(self, *, announce: bool = False) -> None:
        ctx = self._ctx
        key = self.snapshot.ticket_uuid if self.snapshot is not None else self._key
        ctx.runner.run(
            lambda: load_snapshot(ctx.store, ctx.cipher, key, ctx.identity.timezone),
            lambda snapshot: self._show(snapshot, announce), self._load_failed,
            key=f"ticket-detail-{id(self)}")

    def _load_failed(self, error: BaseException) -> None:
        self._busy = False
        self._set_actions_enabled(self.snapshot is not None)
        show_error(self, error)

    def _show(self, snapshot: TicketSnapshot | None, announce: bool) -> None:
        self._busy = False
        if snapshot is None:
            self.snapshot = None
            self.ui.codeLabel.setText(self.tr("Tiket tidak ditemukan"))
            self.setWindowTitle(self.tr("Tiket tidak ditemukan"))
            self.ui.conflictsTree.clear()
            self.ui.conflictsGroup.hide()
            self.ui.validationGroup.hide()
            self.ui.mergeBanner.hide()
            self._set_actions_enabled(False)
            self.loaded.emit()
            return
        self.snapshot = snapshot
        language = current_language()
        ticket = snapshot.detail.ticket
        self.setWindowTitle(fill(self.tr("Tiket %1"), ticket.tracking_code))
        self.ui.codeLabel.setText(ticket.tracking_code)
        self.ui.statusBadge.setText(_status_label(ticket.status, language))
        self.ui.statusBadge.setStyleSheet(
            "padding: 4px 12px; border-radius: 10px; font-weight: bold; color: #ffffff; "
            f"background: {_STATUS_COLORS.get(ticket.status, _OPEN_COLOR)};")
        self.ui.statusBadge.show()
        self.ui.overdueBadge.setVisible(snapshot.overdue)
        self.ui.originLabel.setText(self._origin_text(ticket.origin))
        self._show_fields(snapshot, language)
        self._show_timeline(snapshot, language)
        self._show_sla(snapshot, language)
        self._show_conflicts(snapshot, language)
        self._show_merge(snapshot)
        self._show_sync(snapshot.sync)
        self._fill_status_combo(ticket.status)
        self._show_validation(ticket.status)
        self._set_actions_enabled(True)
        self.loaded.emit()
        if announce:
            self.ticketChanged.emit(ticket.uuid)

    def _origin_text(self, origin: Origin) -> str:
        return {
            Origin.DESK: self.tr("Datang langsung ke meja"),
            Origin.ASSISTED: self.tr("Dibantu petugas (mode pendampingan)"),
            Origin.APP: self.tr("Dari aplikasi"),
        }[origin]

    def _show_fields(self, snapshot: TicketSnapshot, language: str) -> None:
        ui = self.ui
        ticket = snapshot.detail.ticket
        tz = self._ctx.identity.timezone
        ui.categoryValue.setText(snapshot.category_en if language == "en"
                                 else snapshot.category_id)
        location = ticket.location
        parts = [snapshot.kelurahan]
        if location.rw is not None:
            parts.append(fill(self.tr("RW %1"), f"{location.rw:03d}"))
        if location.rt is not None:
            parts.append(fill(self.tr("RT %1"), f"{location.rt:03d}"))
        if location.address:
            parts.append(location.address)
        if location.latitude is not None:
            parts.append(f"({location.latitude:.6f}, {location.longitude:.6f})")
        ui.locationValue.setText(", ".join(parts))
        ui.descriptionValue.setText(ticket.description)
        reporter = ticket.reporter
        if reporter.kind is ReporterKind.ANONYMOUS:
            who = self.tr("Anonim (identitas hanya disimpan di kecamatan)")
            if reporter.name:
                who = fill(self.tr("Anonim: %1 (tidak diteruskan ke instansi)"), reporter.name)
        elif reporter.kind is ReporterKind.KECAMATAN:
            who = self.tr("Atas nama kecamatan (temuan petugas)")
        else:
            who = reporter.name or "-"
        ui.reporterValue.setText(who)
        ui.phoneValue.setText(_masked(mask_phone, reporter.phone) or self.tr("tidak ada"))
        ui.nikValue.setText(_masked(mask_nik, reporter.nik) or self.tr("tidak ada"))
        self.nik_reveal.set_ticket(ticket.uuid, bool(reporter.nik))
        ui.contactValue.setText({
            ContactPreference.PHONE: self.tr("Telepon"),
            ContactPreference.SMS: self.tr("SMS"),
            ContactPreference.WHATSAPP: self.tr("WhatsApp"),
            ContactPreference.NONE: self.tr("Tidak perlu dihubungi"),
        }[reporter.contact])
        ui.officerValue.setText(fill(self.tr("%1, %2"), ticket.officer or "-",
                                     _when(ticket.created_at, tz)))
        ui.consentValue.setText(self.tr("Ya, dicatat") if ticket.consent
                                else self.tr("Tidak dicatat"))
        ui.refsList.clear()
        for ref in ticket.external_refs:
            ui.refsList.addItem(str(ref))
        if not ticket.external_refs:
            ui.refsList.addItem(self.tr("(belum ada)"))
        ui.attachmentsList.clear()
        for attachment in snapshot.attachments:
            item = QListWidgetItem(f"{attachment.filename} ({_size(attachment.size)})")
            item.setToolTip(attachment.media_type)
            if not blob_path(self._ctx.paths.attachment_dir, attachment.sha256).is_file():
                # A placeholder, not an error box: the rest of the ticket is fine.
                item.setText(fill(self.tr("%1 — berkas hilang; pulihkan folder 'attachments' "
                                          "dari cadangan"), attachment.filename))
            item.setData(Qt.ItemDataRole.UserRole, attachment.uuid)  # its sync state
            ui.attachmentsList.addItem(item)
        if not snapshot.attachments:
            ui.attachmentsList.addItem(self.tr("(tidak ada)"))

    def timeline(self, snapshot: TicketSnapshot, language: str) -> list[TimelineEntry]:
        """Status events, chases and notes merged by time (oldest first)."""
        sources = {
            EventSource.DESK: self.tr("Meja"),
            EventSource.SERVER: self.tr("Server kota"),
            EventSource.AGENCY: self.tr("Instansi"),
            EventSource.CITIZEN: self.tr("Warga"),
        }
        entries: list[TimelineEntry] = []
        for event in snapshot.detail.events:
            text = _status_label(event.status, language)
            if event.agency:
                text += " — " + fill(self.tr("diteruskan ke %1"), event.agency)
            if event.merged_into:
                text += " — " + fill(self.tr("digabung ke %1"),
                                     _merge_code(snapshot, event.merged_into))
            if event.note:
                text += f": {event.note}"
            entries.append(TimelineEntry(event.at, self.tr("Status"), text, event.actor,
                                         sources[event.source], "", event.uuid))
        for chase in snapshot.detail.follow_ups:
            asked = (fill(self.tr("Ditanyakan oleh %1"), chase.requested_by)
                     if chase.requested_by else self.tr("Ditanyakan oleh warga"))
            if chase.note:
                asked += f": {chase.note}"
            promise = chase.promise
            if chase.promised_by is not None:
                promise = fill(self.tr("%1 (paling lambat %2)"), promise,
                               f"{chase.promised_by:%d-%m-%Y}")
            entries.append(TimelineEntry(chase.asked_at, self.tr("Tindak lanjut"), asked,
                                         chase.officer, sources[EventSource.DESK], promise,
                                         chase.uuid))
        for note in snapshot.notes:
            entries.append(TimelineEntry(note.at, self.tr("Catatan"), note.text, note.officer,
                                         sources[EventSource.DESK], ""))
        entries += self._merge_entries(snapshot)
        entries.sort(key=lambda e: e.at)  # stable: same instant keeps events, chases, notes
        return entries

    def _show_timeline(self, snapshot: TicketSnapshot, language: str) -> None:
        tree = self.ui.timelineTree
        tree.clear()
        tz = self._ctx.identity.timezone
        for entry in self.timeline(snapshot, language):
            item = QTreeWidgetItem([_when(entry.at, tz), entry.kind, entry.text, entry.actor,
                                    entry.source, entry.promise])
            item.setToolTip(2, entry.text)
            item.setToolTip(5, entry.promise)
            item.setData(6, Qt.ItemDataRole.UserRole, entry.record)
            tree.addTopLevelItem(item)
        newest = tree.topLevelItem(tree.topLevelItemCount() - 1)
        if newest is not None:
            tree.scrollToItem(newest)

    def _show_sla(self, snapshot: TicketSnapshot, language: str) -> None:
        tree = self.ui.slaTree
        tree.clear()
        ticket = snapshot.detail.ticket
        for line in snapshot.sla:
            if line.overdue:
                state = self.tr("LEWAT TENGGAT")
            elif line.met_at is not None:
                state = fill(self.tr("terpenuhi %1, terlambat") if line.met_late
                             else self.tr("terpenuhi %1"), f"{line.met_at:%d-%m-%Y}")
            elif not ticket.status.is_open:
                state = self.tr("tiket sudah ditutup")
            else:
                left = line.working_days_left
                state = (fill(self.tr("sisa %1 hari kerja"), left) if left > 0
                         else self.tr("hari ini tenggat terakhir"))
            item = QTreeWidgetItem([line.label(language), f"{line.due:%d-%m-%Y}", state])
            item.setData(0, Qt.ItemDataRole.UserRole, line.key)
            if line.overdue:
                bold = QFont(tree.font())
                bold.setBold(True)
                for column in range(3):
                    item.setForeground(column, QBrush(QColor(OVERDUE_COLOR)))
                    item.setFont(column, bold)
            tree.addTopLevelItem(item)

    def _show_conflicts(self, snapshot: TicketSnapshot, language: str) -> None:
        tree = self.ui.conflictsTree
        tree.clear()
        tz = self._ctx.identity.timezone
        for conflict in snapshot.conflicts:
            local, server = self.conflict_values(conflict, language)
            item = QTreeWidgetItem([_when(conflict.created_at, tz),
                                    self._conflict_kind(conflict), local, server, ""])
            item.setData(0, Qt.ItemDataRole.UserRole, conflict.id)
            item.setToolTip(2, local)
            item.setToolTip(3, server)
            tree.addTopLevelItem(item)
            button = QPushButton(self.tr("Tandai selesai"), tree)
            button.setObjectName(f"resolveConflict{conflict.id}")
            button.setToolTip(self.tr("Sudah diperiksa: hapus dari daftar konflik (data di "
                                      "meja ini tidak berubah)."))
            button.clicked.connect(lambda _checked=False, cid=conflict.id:
                                   self.resolve_conflict(cid))
            tree.setItemWidget(item, 4, button)
        self.ui.conflictsGroup.setTitle(fill(self.tr("Konflik sinkronisasi (%1)"),
                                             len(snapshot.conflicts)))
        self.ui.conflictsGroup.setVisible(bool(snapshot.conflicts))

    def _conflict_kind(self, conflict: ConflictEntry) -> str:
        text = self._record_kind(conflict.kind)
        if conflict.field:
            text = fill(self.tr("%1 (kolom %2)"), text, conflict.field)
        return text

    def conflict_values(self, conflict: ConflictEntry, language: str) -> tuple[str, str]:
        """(what this desk sent, what the server has) for the conflicting field."""

        def show_status(value: Any) -> str:
            try:
                return _status_label(Status(str(value)), language)
            except ValueError:
                return str(value)

        field = conflict.field or ("status" if conflict.kind == "status.changed" else None)
        server = conflict.server_version or {}
        if field is None:
            # No single field: what was sent, and the server ticket's status. Never a dump
            # of the payloads (they may hold the reporter's name and phone).
            payload = conflict.local_payload
            local_text = str(payload.get("text") or payload.get("note") or "").strip()
            if not local_text and payload.get("source") and payload.get("number"):
                local_text = f"{payload['source']} {payload['number']}"
            server_text = self.tr("(tidak ada)")
            if server.get("status"):
                server_text = fill(self.tr("status %1"), show_status(server["status"]))
            return _brief(local_text) or self.tr("(lihat riwayat)"), server_text

        def show(value: Any, present: bool) -> str:
            if not present or value is None:
                return self.tr("(tidak ada)")
            if field.startswith("reporter"):
                return self.tr("(data pelapor, tidak ditampilkan)")
            return show_status(value) if field == "status" else _brief(value)

        return (show(conflict.local_payload.get(field), field in conflict.local_payload),
                show(server.get(field), field in server))

    def resolve_conflict(self, conflict_id: int) -> None:
        """Mark one conflict as dealt with (off the GUI thread), then reload."""
        store = self._ctx.store
        for button in self.ui.conflictsTree.findChildren(QPushButton):
            button.setEnabled(False)
        self._ctx.runner.run(lambda: resolve_conflict(store, conflict_id),
                             lambda _r: self.reload(announce=True), self._load_failed)

    # --- actions ---------------------------------------------------------------------

    def _set_actions_enabled(self, enabled: bool) -> None:
        self.ui.actionsGroup.setEnabled(enabled and not self._busy)

    def _fill_status_combo(self, current: Status) -> None:
        combo = self.ui.statusCombo
        combo.blockSignals(True)
        combo.clear()
        allowed = [s for s in Status
                   if s in ALLOWED_TRANSITIONS[current] and s not in OWN_FLOW_STATUSES]
        if allowed:
            prompt = self.tr("— pilih status baru —")
        elif current is Status.DONE:
            prompt = self.tr("— selesai; buka kembali lewat \"Minta tindak lanjut\" —")
        else:
            prompt = self.tr("— status akhir, tidak dapat diubah —")
        combo.addItem(prompt, None)
        language = current_language()
        supervisor = self._ctx.officer is not None and self._ctx.officer.is_supervisor
        model: Any = combo.model()
        for status in allowed:
            label = _status_label(status, language)
            locked = status in SUPERVISOR_ONLY and not supervisor
            if locked:
                label = fill(self.tr("%1 (khusus supervisor)"), label)
            combo.addItem(label, status.value)
            if locked:
                item = model.item(combo.count() - 1)
                item.setEnabled(False)
                item.setToolTip(self.tr("Hanya camat/sekcam (supervisor) yang boleh memilih "
                                        "status ini."))
        combo.setCurrentIndex(0)
        combo.blockSignals(False)
        combo.setEnabled(bool(allowed))
        self._status_chosen()

    def chosen_status(self) -> Status | None:
        value = self.ui.statusCombo.currentData()
        return Status(value) if value else None

    def _status_chosen(self, *_args: object) -> None:
        status = self.chosen_status()
        form = self.ui.statusForm
        form.setRowVisible(self.ui.agencyEdit, status is Status.NOT_OUR_AUTHORITY)
        self.ui.statusNoteEdit.setPlaceholderText(self.tr("boleh dikosongkan"))
        self.ui.changeStatusButton.setEnabled(status is not None)
        self.ui.statusError.clear()

    def _start(self, work: Any, error_label: Any, used: tuple[Any, ...]) -> None:
        """Run one action off the GUI thread; then clear the fields it `used`, reload and
        announce the change. On failure everything typed stays for another try."""
        self._busy = True
        self._set_actions_enabled(False)

        def done(_result: object) -> None:
            for edit in used:
                edit.clear()
            self.reload(announce=True)

        def failed(error: BaseException) -> None:
            self._busy = False
            self._set_actions_enabled(True)
            if isinstance(error, DomainError):
                error_label.setText(error.message(current_language()))
            else:
                show_error(self, error)

        self._ctx.runner.run(work, done, failed)

    def change_status(self) -> None:
        snapshot = self.snapshot
        new = self.chosen_status()
        if snapshot is None or new is None or self._busy:
            return
        ticket = snapshot.detail.ticket
        language = current_language()
        officer = self._ctx.officer
        is_supervisor = officer is not None and officer.is_supervisor
        error = self.ui.statusError
        if new in SUPERVISOR_ONLY and not is_supervisor:
            error.setText(self.tr("Hanya camat/sekcam (supervisor) yang boleh memilih status "
                                  "ini."))
            return
        agency = self.ui.agencyEdit.text().strip() if new is Status.NOT_OUR_AUTHORITY else None
        note = self.ui.statusNoteEdit.text().strip()
        try:
            check_transition(ticket.status, new, agency=agency or None, note=note)
        except DomainError as problem:
            error.setText(problem.message(language))
            return
        store, name = self._ctx.store, self._ctx.officer_name

        def work() -> None:
            change_status(store, ticket.uuid, new, officer=name, is_supervisor=is_supervisor,
                          note=note, agency=agency or None)

        self._start(work, error, (self.ui.agencyEdit, self.ui.statusNoteEdit))

    def add_note(self) -> None:
        snapshot = self.snapshot
        text = self.ui.noteEdit.text().strip()
        if snapshot is None or self._busy:
            return
        if not text:
            self.ui.noteError.setText(self.tr("Tulis catatannya dulu."))
            return
        self.ui.noteError.clear()
        store, name, uuid = self._ctx.store, self._ctx.officer_name, snapshot.ticket_uuid
        self._start(lambda: add_note(store, uuid, text, officer=name), self.ui.noteError,
                    (self.ui.noteEdit,))

    def add_external_ref(self) -> None:
        snapshot = self.snapshot
        if snapshot is None or self._busy:
            return
        try:
            ref = ExternalRef.parse(self.ui.refEdit.text())
        except DomainError as problem:
            self.ui.refError.setText(problem.message(current_language()))
            return
        self.ui.refError.clear()
        store, name, uuid = self._ctx.store, self._ctx.officer_name, snapshot.ticket_uuid
        self._start(lambda: add_external_ref(store, uuid, ref, officer=name), self.ui.refError,
                    (self.ui.refEdit,))

    def open_chase(self) -> None:
        snapshot = self.snapshot
        if snapshot is None or self._busy:
            return
        dialog = ChaseDialog(self._ctx, snapshot.ticket_uuid,
                             snapshot.detail.ticket.tracking_code, snapshot.followup_due, self,
                             status=snapshot.detail.ticket.status)
        dialog.chaseRecorded.connect(lambda _uuid: self.reload(announce=True))
        self.chase_dialog = dialog
        dialog.open()

    # --- validation of an agency's "done" -----------------------------------------------

    def _wire_validation(self) -> None:
        ui = self.ui
        ui.validationGroup.hide()
        ui.rejectPanel.hide()
        ui.confirmDoneButton.setToolTip(self.tr(
            "Hasil tindak lanjut sudah diperiksa dan masalahnya beres: tiket menjadi selesai."))
        ui.rejectFollowUpButton.setToolTip(self.tr(
            "Masalahnya belum beres: tiket dikembalikan ke instansi (diproses), dengan alasan."))
        ui.confirmDoneButton.clicked.connect(self.confirm_validation)
        ui.rejectFollowUpButton.clicked.connect(self.ask_rejection_reason)
        ui.sendRejectButton.clicked.connect(self.send_rejection)
        ui.rejectReasonEdit.returnPressed.connect(self.send_rejection)
        ui.cancelRejectButton.clicked.connect(self._close_rejection)
        ui.rejectReasonEdit.textEdited.connect(lambda _t: ui.validationError.clear())

    def _show_validation(self, status: Status) -> None:
        """The panel is there only while the agency's "done" waits for the kecamatan."""
        awaiting = status is Status.AWAITING_VALIDATION
        self.ui.validationGroup.setVisible(awaiting)
        if not awaiting:
            self._close_rejection()

    def _close_rejection(self) -> None:
        self.ui.rejectPanel.hide()
        self.ui.rejectReasonEdit.clear()
        self.ui.validationError.clear()
        self.ui.rejectFollowUpButton.setEnabled(True)

    def ask_rejection_reason(self) -> None:
        self.ui.rejectPanel.show()
        self.ui.rejectFollowUpButton.setEnabled(False)
        self.ui.validationError.clear()
        self.ui.rejectReasonEdit.setFocus()

    def confirm_validation(self) -> None:
        """awaiting_validation -> done (off the GUI thread), then reload."""
        snapshot = self.snapshot
        if snapshot is None or self._busy:
            return
        self.ui.validationError.clear()
        store, name, uuid = self._ctx.store, self._ctx.officer_name, snapshot.ticket_uuid
        self._start(lambda: confirm_done(store, uuid, officer=name), self.ui.validationError,
                    ())

    def send_rejection(self) -> None:
        """followup_rejected (with the reason) -> in_progress; the reason is required."""
        snapshot = self.snapshot
        if snapshot is None or self._busy:
            return
        reason = self.ui.rejectReasonEdit.text().strip()
        if not reason:
            self.ui.validationError.setText(self.tr(
                "Tuliskan alasan penolakan: apa yang belum beres dari tindak lanjut instansi?"))
            self.ui.rejectReasonEdit.setFocus()
            return
        self.ui.validationError.clear()
        store, name, uuid = self._ctx.store, self._ctx.officer_name, snapshot.ticket_uuid
        self._start(lambda: reject_follow_up(store, uuid, reason, officer=name),
                    self.ui.validationError, (self.ui.rejectReasonEdit,))

    # --- sync state per record (posko.store.sync_state) --------------------------------

    def _wire_sync(self) -> None:
        self.sync_state: TicketSyncDetail | None = None
        self.ui.syncBadge.hide()
        self.ui.resendButton.hide()
        self.ui.syncReasonLabel.hide()
        self.ui.resendButton.clicked.connect(self.resend_parked)
        events = sync_events(self._ctx)
        # A sync run ended or changes were put back in line: fresh states (not the whole
        # snapshot: what the officer is typing or choosing stays as it is).
        events.statesChanged.connect(self.reload_sync)
        # This dialog's own changes wait in the outbox now: the lookup's badges follow.
        self.ticketChanged.connect(lambda _uuid: events.statesChanged.emit())

    def reload_sync(self) -> None:
        snapshot = self.snapshot
        if snapshot is None or not self.isVisible():  # a closed dialog waits for its reopening
            return
        store, uuid = self._ctx.store, snapshot.ticket_uuid
        self._ctx.runner.run(lambda: ticket_sync_detail(store, uuid), self._show_sync,
                             key=f"ticket-sync-{id(self)}")

    def _show_sync(self, detail: TicketSyncDetail | None) -> None:
        self.sync_state = detail
        ui = self.ui
        if detail is None or self.snapshot is None \
                or detail.ticket_uuid != self.snapshot.ticket_uuid:
            return
        language = current_language()
        badge = detail.badge
        ui.syncBadge.setText(fill(self.tr("Sinkron: %1"), sync_label(badge.state)))
        ui.syncBadge.setStyleSheet(
            "padding: 4px 12px; border-radius: 10px; font-weight: bold; color: #ffffff; "
            f"background: {SYNC_COLORS[badge.state]};")
        lines = [sync_tooltip(badge, language)]
        for record in detail.records:
            line = fill(self.tr("%1, %2: %3"), self._record_kind(record.kind),
                        _when(record.created_at, self._ctx.identity.timezone),
                        sync_label(record.state))
            if record.reason is not None:
                line += " — " + record.reason.message(language)
            lines.append("• " + line)
        ui.syncBadge.setToolTip("\n".join(lines))
        ui.syncBadge.show()
        attention = badge.state is RecordState.NEEDS_ATTENTION and badge.reason is not None
        ui.syncReasonLabel.setText(badge.reason.message(language)
                                   if attention and badge.reason is not None else "")
        ui.syncReasonLabel.setVisible(attention)
        ui.resendButton.setVisible(badge.can_resend)
        ui.resendButton.setEnabled(badge.can_resend)
        tree = ui.timelineTree
        for row in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(row)
            record = item.data(6, Qt.ItemDataRole.UserRole) if item is not None else None
            if item is None or not record:
                continue
            state = detail.state_of(record)
            item.setText(6, sync_label(state.state))
            item.setToolTip(6, sync_tooltip(state, language))
            item.setForeground(6, QBrush(QColor(SYNC_COLORS[state.state])))
        attachments = ui.attachmentsList
        for row in range(attachments.count()):
            entry = attachments.item(row)
            record = entry.data(Qt.ItemDataRole.UserRole) if entry is not None else None
            if entry is None or not record:
                continue
            state = detail.state_of(record)
            pending = state.state is not RecordState.SENT
            entry.setToolTip(sync_label(state.state) + (
                " — " + state.reason.message(language) if state.reason is not None else ""))
            entry.setForeground(QBrush(QColor(SYNC_COLORS[state.state])) if pending
                                else QBrush())
        self.syncShown.emit()

    def _record_kind(self, kind: str) -> str:
        return {
            "ticket.created": self.tr("Tiket baru"),
            "status.changed": self.tr("Perubahan status"),
            "note.added": self.tr("Catatan"),
            "external_ref.added": self.tr("Nomor aplikasi"),
            "followup.created": self.tr("Tindak lanjut"),
            "attachment.added": self.tr("Lampiran"),
            "ticket.merged": self.tr("Penggabungan"),
            "ticket.merge_undone": self.tr("Pembatalan penggabungan"),
            "reporter.erased": self.tr("Penghapusan data pelapor"),
        }.get(kind, kind)

    def resend_parked(self) -> None:
        """"Kirim ulang": the ticket's parked changes back in line (audited, nothing
        deleted), then a sync run when the desk is enrolled; the badges follow."""
        snapshot = self.snapshot
        if snapshot is None:
            return
        ctx = self._ctx
        store, name, uuid = ctx.store, ctx.officer_name, snapshot.ticket_uuid
        self.ui.resendButton.setEnabled(False)

        def done(_count: int) -> None:
            events = sync_events(ctx)
            events.statesChanged.emit()  # "menunggu" here and in the lookup
            events.request_sync()

        def failed(error: BaseException) -> None:
            self.ui.resendButton.setEnabled(True)
            show_error(self, error)

        self._ctx.runner.run(lambda: resend(store, uuid, officer=name), done, failed)

    def _wire_reprint(self) -> None:
        self.print_job: Any = None
        self.ui.reprintButton.setToolTip(self.tr(
            "Buka pratinjau tanda terima (ditandai sebagai cetak ulang)."))
        self.ui.reprintButton.clicked.connect(self.reprint_receipt)
        self.case_print_job: Any = None
        self.ui.printCaseButton.clicked.connect(self.print_case_file)

    def reprint_receipt(self) -> None:
        snapshot = self.snapshot
        if snapshot is None:
            return
        preview_ticket_receipt(self._ctx, snapshot.detail.ticket, self, reprint=True,
                               button=self.ui.reprintButton, keep_job=self._keep_job)

    def _keep_job(self, job: Any) -> None:
        self.print_job = job

    def print_case_file(self) -> None:
        """The full case file (A4): built off the GUI thread from a fresh read of the ticket,
        audited (who printed which ticket, with or without internal notes), then shown in the
        print preview, where "Save as PDF" is always available."""
        snapshot = self.snapshot
        if snapshot is None:
            return
        from posko.receipts.case import build_case_pdf
        from posko.store.case_file import case_snapshot, record_case_printout
        from posko.ui import printing
        from posko.ui.settings import LANGUAGE

        ctx = self._ctx
        uuid, code = snapshot.ticket_uuid, snapshot.detail.ticket.tracking_code
        internal = self.ui.internalNotesCheck.isChecked()
        language = ctx.settings.get(LANGUAGE)
        officer = ctx.officer
        printed_by = officer.full_name if officer is not None else ctx.officer_name
        username = ctx.officer_name
        button = self.ui.printCaseButton

        def work() -> bytes:
            now = datetime.now(UTC)
            case = case_snapshot(ctx.store, ctx.cipher, uuid,
                                 attachment_dir=ctx.paths.attachment_dir, now=now,
                                 timezone=ctx.identity.timezone)
            pdf = build_case_pdf(case, lang=language, printed_by=printed_by, printed_at=now,
                                 include_internal_notes=internal)
            record_case_printout(ctx.store, uuid, officer=username, internal_notes=internal,
                                 now=now)
            return pdf

        def done(pdf: bytes) -> None:
            button.setEnabled(True)
            self.case_print_job = printing.preview_pdf(
                pdf, file_name=f"berkas-kasus-{code}.pdf",
                title=fill(self.tr("Berkas kasus %1"), code), parent=self,
                settings=ctx.settings, runner=ctx.runner)

        def failed(error: BaseException) -> None:
            button.setEnabled(True)
            show_error(self, error)

        button.setEnabled(False)
        ctx.runner.run(work, done, failed)

    # --- merges (store/merge.py; merging itself is the lookup's "Gabungkan…") ------------

    def _wire_merge(self) -> None:
        self.survivor_dialog: TicketDetailDialog | None = None
        self.ui.mergeBanner.hide()
        self.ui.openSurvivorButton.clicked.connect(self.open_survivor)
        self.ui.undoMergeButton.clicked.connect(self.undo_merge)
        self.ui.undoMergeButton.setToolTip(self.tr(
            "Kembalikan tiket-tiket ke status sebelum digabung; nomor aplikasi dan tindak "
            "lanjut kembali ke tiket asalnya. Hanya hari ini, oleh supervisor."))

    def merged_into(self) -> MergeRecord | None:
        """The active merge that merged this ticket away (None: it is not merged)."""
        snapshot = self.snapshot
        if snapshot is None:
            return None
        uuid = snapshot.ticket_uuid
        return next((m for m in reversed(snapshot.merges)
                     if m.is_active and uuid in m.merged_uuids), None)

    def _show_merge(self, snapshot: TicketSnapshot) -> None:
        ui = self.ui
        ui.mergeError.clear()
        uuid = snapshot.ticket_uuid
        record = self.merged_into()
        tz = self._ctx.identity.timezone
        if record is not None:
            text = fill(self.tr("Digabung ke %1"), record.survivor_code or record.survivor_uuid)
            text += " — " + fill(self.tr("oleh %1, %2"), record.officer, _when(record.at, tz))
            if record.note:
                text += f": {record.note}"
            officer = self._ctx.officer
            can_undo = (officer is not None and officer.is_supervisor
                        and undo_allowed(record, timezone=tz))
            ui.mergeLabel.setText(text)
            ui.openSurvivorButton.setText(fill(self.tr("Buka tiket %1"),
                                               record.survivor_code or "utama"))
            ui.openSurvivorButton.setVisible(bool(record.survivor_code))
            ui.undoMergeButton.setVisible(can_undo)
            ui.undoMergeButton.setEnabled(can_undo and not self._busy)
            ui.mergeBanner.show()
            return
        refused = next((m for m in reversed(snapshot.merges) if m.state == "refused"), None)
        if refused is not None:
            if uuid == refused.survivor_uuid:
                text = fill(self.tr("Server kota menolak penggabungan tiket %1 ke tiket ini "
                                    "(%2). Semua tiket dikembalikan seperti sebelum "
                                    "digabung; lihat konflik sinkronisasi."),
                            ", ".join(refused.merged_codes), self._refusal(refused))
            else:
                text = fill(self.tr("Server kota menolak penggabungan tiket ini ke %1 (%2). "
                                    "Tiket ini dikembalikan seperti sebelum digabung; lihat "
                                    "konflik sinkronisasi."),
                            refused.survivor_code or refused.survivor_uuid,
                            self._refusal(refused))
            ui.mergeLabel.setText(text)
            ui.openSurvivorButton.hide()
            ui.undoMergeButton.hide()
            ui.mergeBanner.show()
            return
        ui.mergeBanner.hide()

    def _refusal(self, record: MergeRecord) -> str:
        if record.refused_code == "already_merged":
            return self.tr("salah satu tiket sudah digabung di server")
        return record.refused_code or self.tr("konflik")

    def _merge_entries(self, snapshot: TicketSnapshot) -> list[TimelineEntry]:
        """On the survivor: "Tiket KODE digabung ke tiket ini" (and its undo) per merge."""
        entries: list[TimelineEntry] = []
        source = self.tr("Meja")
        kind = self.tr("Penggabungan")
        for record in snapshot.merges:
            if record.survivor_uuid != snapshot.ticket_uuid:
                continue
            for uuid, code in zip(record.merged_uuids, record.merged_codes, strict=False):
                text = fill(self.tr("Tiket %1 digabung ke tiket ini"), code or uuid)
                if record.note:
                    text += f": {record.note}"
                if record.state == "refused":
                    text += " — " + self.tr("ditolak server kota, dikembalikan")
                entries.append(TimelineEntry(record.at, kind, text, record.officer, source, ""))
                if record.undone_at is not None:
                    entries.append(TimelineEntry(
                        record.undone_at, kind,
                        fill(self.tr("Penggabungan tiket %1 dibatalkan"), code or uuid),
                        record.undone_by or "", source, ""))
        return entries

    def open_survivor(self) -> None:
        record = self.merged_into()
        if record is None:
            return
        dialog = TicketDetailDialog(self._ctx, record.survivor_uuid, self.parentWidget())
        dialog.ticketChanged.connect(self.ticketChanged)
        self.survivor_dialog = dialog
        dialog.open()

    def undo_merge(self) -> None:
        """Undo the merge (supervisor, same day), after a yes from the officer."""
        record = self.merged_into()
        officer = self._ctx.officer
        if record is None or self._busy or officer is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Batalkan penggabungan"),
            fill(self.tr("Batalkan penggabungan ke %1? Tiket yang digabung kembali ke status "
                         "sebelumnya; nomor aplikasi dan tindak lanjutnya kembali."),
                 record.survivor_code))
        if answer != QMessageBox.StandardButton.Yes:
            return
        store, name, zone = self._ctx.store, officer.username, self._ctx.identity.timezone
        supervisor = officer.is_supervisor
        self._busy = True
        self._set_actions_enabled(False)
        self.ui.undoMergeButton.setEnabled(False)
        self.ui.mergeError.clear()

        def failed(error: BaseException) -> None:
            self._busy = False
            self._set_actions_enabled(True)
            self.ui.undoMergeButton.setEnabled(True)
            if isinstance(error, PoskoError):
                self.ui.mergeError.setText(error.message(current_language()))
            else:
                show_error(self, error)

        self._ctx.runner.run(lambda: undo_merge(store, record.uuid, officer=name,
                                                is_supervisor=supervisor, timezone=zone),
                             lambda _none: self.reload(announce=True), failed)


def _merge_code(snapshot: TicketSnapshot, ticket_uuid: str) -> str:
    """A survivor named by uuid (merges of this desk) as its tracking code."""
    for record in snapshot.merges:
        code = record.code_of(ticket_uuid)
        if code != ticket_uuid:
            return code
    return ticket_uuid


def _status_label(status: Status, language: str) -> str:
    return status.label_en if language == "en" else status.label_id


def _brief(value: Any, limit: int = 160) -> str:
    """One line of a conflict value: text as is, anything else as compact JSON; cut short."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False,
                                                           separators=(", ", ": "))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _when(moment: datetime, tz: tzinfo) -> str:
    return f"{moment.astimezone(tz):%d-%m-%Y %H:%M}"


def _masked(mask: Any, value: str | None) -> str:
    if not value:
        return ""
    try:
        return str(mask(value))
    except DomainError:  # stored before a rule became stricter: show nothing of it
        return "****"


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, size // 1024)} kB"
