"""Mode pendampingan: a wizard for elderly and non-tech-literate citizens.

One question per page in plain Bahasa Indonesia, large high-contrast text (Settings
ASSISTED_FONT_PT, Ctrl+= / Ctrl++ / Ctrl+- while the wizard is open), a summary the officer
reads back, spoken consent recorded with the officer's name, then the same ticket model as
the officer's intake with origin `assisted`. The answers are autosaved every few seconds in
an encrypted draft, offered back when the wizard is opened again after a crash.
"""

from __future__ import annotations

import html
import logging
import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget, QWizard

from posko import catalogues
from posko.domain.errors import DomainError
from posko.domain.models import ContactPreference, Location, Origin, Reporter, ReporterKind, Ticket
from posko.domain.nik import mask_nik, validate_nik
from posko.domain.phone import national_format, normalize_phone
from posko.domain.text import MAX_ADDRESS, MAX_DESCRIPTION, MAX_NAME, clean_line, clean_text
from posko.store.desk import master_key
from posko.store.drafts import DraftBox
from posko.store.tickets import record_intake
from posko.ui.context import DeskContext, show_error
from posko.ui.forms.ui_assisted_wizard import Ui_AssistedWizard
from posko.ui.i18n import current_language, fill
from posko.ui.printing import preview_ticket_receipt
from posko.ui.settings import ASSISTED_FONT_PT, AUTOSAVE_SECONDS

log = logging.getLogger(__name__)

DRAFT_NAME = "assisted"
MIN_FONT_PT = 20  # never smaller than this, whatever the officer presses
MAX_FONT_PT = 48
FONT_STEP_PT = 2
QUESTION_SCALE = 1.3
CODE_SCALE = 2.6

_CODE_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # catalogue code of a list item

ZOOM_IN_KEYS = ("Ctrl+=", "Ctrl++")
ZOOM_OUT_KEYS = ("Ctrl+-",)


@dataclass(frozen=True, slots=True)
class AssistedAnswers:
    """What the citizen said, validated: what record_intake needs."""

    category: str
    needs_field_check: bool
    location: Location
    description: str
    reporter: Reporter


class _DraftKeeper:
    """The encrypted draft, written from worker threads one at a time.

    Once `close()`d (the ticket is saved) every later write is ignored, so an autosave that
    was already running cannot bring a saved complaint back as a draft.
    """

    def __init__(self, box: DraftBox) -> None:
        self._box = box
        self._lock = threading.Lock()
        self._closed = False

    def load(self) -> dict[str, Any] | None:
        return self._box.load(DRAFT_NAME)

    def save(self, fields: dict[str, Any]) -> None:
        with self._lock:
            if not self._closed:
                self._box.save(DRAFT_NAME, fields)

    def forget(self) -> None:
        """Drop the stored draft; later autosaves still write."""
        with self._lock:
            self._box.discard(DRAFT_NAME)

    def close(self) -> None:
        """Drop the stored draft for good (the complaint is saved)."""
        with self._lock:
            self._closed = True
            self._box.discard(DRAFT_NAME)


def _open_drafts(ctx: DeskContext) -> tuple[_DraftKeeper, dict[str, Any] | None]:
    keeper = _DraftKeeper(DraftBox(ctx.paths.data_dir, master_key(ctx.store, ctx.secrets)))
    return keeper, keeper.load()


class AssistedWizard(QWizard):
    """Open with `AssistedWizard(ctx, parent).open()` (or `.show()`); see module docstring."""

    ticketSaved = Signal(str)  # noqa: N815 - Qt signal naming; the tracking code

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AssistedWizard()
        self.ui.setupUi(self)
        self._ctx = ctx
        self.saved_ticket: Ticket | None = None
        self._saving = False
        self._nik_digits: str | None = None  # the field shows the NIK masked once entered
        self._drafts: _DraftKeeper | None = None
        self._pending_draft: dict[str, Any] | None = None  # offered, not yet restored/declined
        self._last_draft: dict[str, Any] | None = None
        self._font_pt = max(MIN_FONT_PT, min(MAX_FONT_PT, ctx.settings.get(ASSISTED_FONT_PT)))

        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Lanjut  ›"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("‹  Kembali"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Simpan pengaduan"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Selesai"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Batal"))
        self.ui.consentPage.setCommitPage(True)
        self.ui.restoreFrame.hide()
        self._phone_hint = self.ui.phoneHint.text()
        self._base_style_sheet = self.styleSheet()  # designed in assisted_wizard.ui
        self._errors: dict[QWidget, QLabel] = {
            self.ui.categoryPage: self.ui.categoryError,
            self.ui.locationPage: self.ui.locationError,
            self.ui.descriptionPage: self.ui.descriptionError,
            self.ui.namePage: self.ui.nameError,
            self.ui.phonePage: self.ui.phoneError,
            self.ui.nikPage: self.ui.nikError,
            self.ui.consentPage: self.ui.consentError,
        }
        self._fill_choices()
        self._wire_print_button()

        self._first_field: dict[QWidget, QWidget] = {
            self.ui.categoryPage: self.ui.categoryList,
            self.ui.locationPage: self.ui.kelurahanList,
            self.ui.descriptionPage: self.ui.descriptionEdit,
            self.ui.namePage: self.ui.nameEdit,
            self.ui.phonePage: self.ui.phoneEdit,
            self.ui.nikPage: self.ui.nikEdit,
            self.ui.consentPage: self.ui.consentCheck,
        }
        self.currentIdChanged.connect(self._focus_first_field)
        self.ui.anonymousCheck.toggled.connect(self._anonymous_toggled)
        self.ui.kecamatanCheck.toggled.connect(self._kecamatan_toggled)
        self._name_hint = self.ui.nameHint.text()
        self.ui.phoneEdit.textEdited.connect(self._phone_edited)
        self.ui.phoneEdit.editingFinished.connect(self._check_phone)
        self.ui.nikEdit.textEdited.connect(self._nik_edited)
        self.ui.nikEdit.editingFinished.connect(self._nik_finished)
        self.ui.consentCheck.toggled.connect(lambda _on: self.ui.consentError.clear())
        self.ui.restoreButton.clicked.connect(self.restore_draft)
        self.ui.discardDraftButton.clicked.connect(self.decline_draft)
        self.ui.categoryList.itemActivated.connect(lambda _item: self.next())
        self.ui.kelurahanList.itemActivated.connect(lambda _item: self.ui.rwEdit.setFocus())
        for edit in (self.ui.rwEdit, self.ui.rtEdit, self.ui.addressEdit, self.ui.nameEdit,
                     self.ui.phoneEdit, self.ui.nikEdit):
            edit.returnPressed.connect(self.next)

        self._shortcuts: list[QShortcut] = []
        for keys, step in ((ZOOM_IN_KEYS, FONT_STEP_PT), (ZOOM_OUT_KEYS, -FONT_STEP_PT)):
            standard = QKeySequence.StandardKey.ZoomIn if step > 0 else \
                QKeySequence.StandardKey.ZoomOut
            sequences = {QKeySequence(k).toString(): QKeySequence(k) for k in keys}
            for sequence in QKeySequence.keyBindings(standard):
                sequences.setdefault(sequence.toString(), sequence)
            for sequence in sequences.values():
                shortcut = QShortcut(sequence, self)
                shortcut.activated.connect(lambda step=step: self.change_font_size(step))
                self._shortcuts.append(shortcut)
        self._apply_font()

        self._autosave = QTimer(self)
        self._autosave.setInterval(max(1, ctx.settings.get(AUTOSAVE_SECONDS)) * 1000)
        self._autosave.timeout.connect(self.save_draft)
        ctx.runner.run(lambda: _open_drafts(ctx), self._drafts_ready, self._drafts_unavailable)

    # --- choices ---------------------------------------------------------------------

    def _fill_choices(self) -> None:
        language = current_language()
        for category in catalogues.categories():
            item = QListWidgetItem(category.name(language))
            item.setData(_CODE_ROLE, category.code)
            self.ui.categoryList.addItem(item)
        try:
            kelurahan = catalogues.kelurahan_of(self._ctx.identity.kecamatan_code)
        except DomainError as error:
            kelurahan = ()
            self.ui.locationError.setText(error.message(language))
        for region in kelurahan:
            item = QListWidgetItem(region.name)
            item.setData(_CODE_ROLE, region.code)
            self.ui.kelurahanList.addItem(item)

    def _wire_print_button(self) -> None:
        self.print_job: Any = None
        self.ui.printButton.setToolTip(self.tr("Buka pratinjau tanda terima untuk dicetak."))
        self.ui.printButton.clicked.connect(self.print_receipt)

    def print_receipt(self) -> None:
        ticket = self.saved_ticket
        if ticket is None:
            return
        preview_ticket_receipt(self._ctx, ticket, self, reprint=False,
                               button=self.ui.printButton, keep_job=self._keep_job)

    def _keep_job(self, job: Any) -> None:
        self.print_job = job

    # --- fonts -----------------------------------------------------------------------

    def change_font_size(self, step: int) -> None:
        size = max(MIN_FONT_PT, min(MAX_FONT_PT, self._font_pt + step))
        if size == self._font_pt:
            return
        self._font_pt = size
        self._ctx.settings.set(ASSISTED_FONT_PT, size)  # the next citizen gets the same size
        self._apply_font()

    def _apply_font(self) -> None:
        # Sizes go into the style sheet: with a style sheet active, Qt does not pass a
        # parent's setFont() down to the children.
        question = round(self._font_pt * QUESTION_SCALE)
        code = round(self._font_pt * CODE_SCALE)
        self.setStyleSheet(
            f"{self._base_style_sheet}\n"
            f"QWidget {{ font-size: {self._font_pt}pt; }}\n"
            f"QLabel[role=\"question\"] {{ font-size: {question}pt; font-weight: bold; }}\n"
            f"QLabel#trackingCodeLabel {{ font-size: {code}pt; font-weight: bold; "
            f"border: 3px solid #000000; padding: 0.2em; }}\n")

    # --- answers ---------------------------------------------------------------------

    def fields(self) -> dict[str, Any]:
        """The raw answers, for the (encrypted) draft. Consent is never kept: it is asked
        again, read aloud, whenever the wizard is finished."""
        category = _chosen(self.ui.categoryList)
        kelurahan = _chosen(self.ui.kelurahanList)
        return {
            "page": self.currentId(),
            "category": category.data(_CODE_ROLE) if category is not None else None,
            "kelurahan": kelurahan.data(_CODE_ROLE) if kelurahan is not None else None,
            "rw": self.ui.rwEdit.text(),
            "rt": self.ui.rtEdit.text(),
            "address": self.ui.addressEdit.text(),
            "description": self.ui.descriptionEdit.toPlainText(),
            "name": self.ui.nameEdit.text(),
            "anonymous": self.ui.anonymousCheck.isChecked(),
            "kecamatan": self.ui.kecamatanCheck.isChecked(),
            "phone": self.ui.phoneEdit.text(),
            "nik": self._nik_digits or self.ui.nikEdit.text(),
        }

    def has_answers(self) -> bool:
        values = self.fields()
        return any(values[key] for key in ("category", "kelurahan", "rw", "rt", "address",
                                           "description", "name", "anonymous", "kecamatan",
                                           "phone", "nik"))

    def set_fields(self, values: dict[str, Any]) -> None:
        _select(self.ui.categoryList, values.get("category"))
        _select(self.ui.kelurahanList, values.get("kelurahan"))
        self.ui.rwEdit.setText(str(values.get("rw") or ""))
        self.ui.rtEdit.setText(str(values.get("rt") or ""))
        self.ui.addressEdit.setText(str(values.get("address") or ""))
        self.ui.descriptionEdit.setPlainText(str(values.get("description") or ""))
        self.ui.nameEdit.setText(str(values.get("name") or ""))
        self.ui.anonymousCheck.setChecked(bool(values.get("anonymous")))
        self.ui.kecamatanCheck.setChecked(bool(values.get("kecamatan")))
        self.ui.phoneEdit.setText(str(values.get("phone") or ""))
        self._nik_digits = None
        self.ui.nikEdit.setText(str(values.get("nik") or ""))
        self._nik_finished()

    def _reporter_kind(self) -> ReporterKind:
        if self.ui.kecamatanCheck.isChecked():
            return ReporterKind.KECAMATAN
        if self.ui.anonymousCheck.isChecked():
            return ReporterKind.ANONYMOUS
        return ReporterKind.NAMED

    def _anonymous_toggled(self, anonymous: bool) -> None:
        """Anonymous: the name is not required, but a citizen who wants to be called back
        may leave it (and a phone); the hint says it stays at the kecamatan."""
        if anonymous:
            self.ui.kecamatanCheck.setChecked(False)
        self._reporter_changed()

    def _kecamatan_toggled(self, on_behalf: bool) -> None:
        """On behalf of the kecamatan (an officer's own finding): no citizen questions; the
        phone and NIK pages are skipped and nothing of a citizen is saved."""
        if on_behalf:
            self.ui.anonymousCheck.setChecked(False)
        self._reporter_changed()

    def _reporter_changed(self) -> None:
        kind = self._reporter_kind()
        self.ui.nameEdit.setEnabled(kind is not ReporterKind.KECAMATAN)
        self.ui.nameHint.setText({
            ReporterKind.NAMED: self._name_hint,
            ReporterKind.ANONYMOUS: self.tr(
                "Anonim: nama tidak wajib. Bila warga mau dihubungi, nama dan telepon boleh "
                "diisi; hanya disimpan di kecamatan, tidak diberikan kepada dinas, dan tidak "
                "dicetak selain pada tanda terima warga."),
            ReporterKind.KECAMATAN: self.tr(
                "Temuan petugas: tidak ada data warga yang dicatat. Petugas yang mengisi "
                "tercatat sebagai pelapor."),
        }[kind])
        self.ui.nameError.clear()

    def nextId(self) -> int:  # noqa: N802 - Qt override
        if (self.currentPage() is self.ui.namePage
                and self._reporter_kind() is ReporterKind.KECAMATAN):
            return self._page_id(self.ui.summaryPage)  # no phone or NIK of a citizen
        return super().nextId()

    def _phone_edited(self, _text: str) -> None:
        """While typing: a shown reason is updated (and cleared once fixed), a new reason
        waits until the field is left; a valid number is echoed back as it will be saved."""
        self._check_phone(quiet=not self.ui.phoneError.text())

    def _check_phone(self, *, quiet: bool = False) -> bool:
        typed = self.ui.phoneEdit.text().strip()
        self.ui.phoneHint.setText(self._phone_hint)
        if not typed:
            self.ui.phoneError.clear()
            return True
        try:
            e164 = normalize_phone(typed)
        except DomainError as error:
            if not quiet:
                self.ui.phoneError.setText(error.message(current_language()))
            return False
        self.ui.phoneError.clear()
        self.ui.phoneHint.setText(fill(self.tr("Akan dicatat sebagai %1."),
                                       national_format(e164)))
        return True

    def _nik_edited(self, _text: str) -> None:
        self._nik_digits = None
        if self.ui.nikError.text():
            self._check_nik()

    def _nik_finished(self) -> None:
        if self._nik_digits is None and self._check_nik() and self.ui.nikEdit.text().strip():
            self._nik_digits = validate_nik(self.ui.nikEdit.text())
            self.ui.nikEdit.setText(mask_nik(self._nik_digits))

    def _check_nik(self) -> bool:
        typed = self.ui.nikEdit.text().strip()
        if self._nik_digits is not None or not typed:
            self.ui.nikError.clear()
            return True
        try:
            validate_nik(typed)
        except DomainError as error:
            self.ui.nikError.setText(error.message(current_language()))
            return False
        self.ui.nikError.clear()
        return True

    def _page_error(self, page: QWidget) -> str | None:
        """Why the answer on `page` cannot be taken, or None."""
        language = current_language()
        if page is self.ui.categoryPage and _chosen(self.ui.categoryList) is None:
            return self.tr("Pilih salah satu jenis masalah.")
        if page is self.ui.locationPage:
            if _chosen(self.ui.kelurahanList) is None:
                return self.tr("Pilih kelurahan tempat kejadian.")
            try:
                catalogues.validate_rw_rt(self.ui.rwEdit.text(), "rw")
                catalogues.validate_rw_rt(self.ui.rtEdit.text(), "rt")
                clean_line(self.ui.addressEdit.text(), field="address", limit=MAX_ADDRESS)
            except DomainError as error:
                return error.message(language)
        # Text is checked as the domain will store it ("\x00" alone is no answer), so that
        # a wrong answer is named on its own page, not at the end.
        if page is self.ui.descriptionPage:
            try:
                description = clean_text(self.ui.descriptionEdit.toPlainText(),
                                         field="description", limit=MAX_DESCRIPTION)
            except DomainError as error:
                return error.message(language)
            if not description:
                return self.tr("Ceritakan masalahnya dulu, walau singkat.")
        kind = self._reporter_kind()
        if page is self.ui.namePage and kind is not ReporterKind.KECAMATAN:
            try:
                name = clean_line(self.ui.nameEdit.text(), field="reporter_name",
                                  limit=MAX_NAME)
            except DomainError as error:
                return error.message(language)
            if not name and kind is ReporterKind.NAMED:
                return self.tr("Tulis nama warga, atau centang 'Tanpa nama'.")
        if page is self.ui.phonePage and not self._check_phone():
            return self.ui.phoneError.text()
        if page is self.ui.nikPage:
            self._nik_finished()
            if not self._check_nik():
                return self.ui.nikError.text()
        return None

    def answers(self) -> AssistedAnswers:
        """Everything validated; raise DomainError for the first wrong answer."""
        category_item = _chosen(self.ui.categoryList)
        kelurahan_item = _chosen(self.ui.kelurahanList)
        if category_item is None or kelurahan_item is None:
            raise DomainError("Jenis masalah dan kelurahan wajib dipilih.",
                              "The kind of problem and the kelurahan are required.")
        category = catalogues.category(str(category_item.data(_CODE_ROLE)))
        location = Location(
            str(kelurahan_item.data(_CODE_ROLE)),
            rw=catalogues.validate_rw_rt(self.ui.rwEdit.text(), "rw"),
            rt=catalogues.validate_rw_rt(self.ui.rtEdit.text(), "rt"),
            address=self.ui.addressEdit.text().strip())
        kind = self._reporter_kind()
        if kind is ReporterKind.KECAMATAN:
            # An officer's own finding: whatever was typed before the box was ticked is
            # not a citizen's and is not saved; the officer is recorded with the ticket.
            reporter = Reporter(kind=kind)
        else:
            phone_text = self.ui.phoneEdit.text().strip()
            phone = normalize_phone(phone_text) if phone_text else None
            nik_text = self._nik_digits or self.ui.nikEdit.text().strip()
            nik = validate_nik(nik_text) if nik_text else None
            reporter = Reporter(
                kind=kind, name=self.ui.nameEdit.text().strip() or None, phone=phone, nik=nik,
                contact=ContactPreference.PHONE if phone else ContactPreference.NONE)
        return AssistedAnswers(category.code, category.needs_field_check, location,
                               self.ui.descriptionEdit.toPlainText().strip(), reporter)

    # --- pages -----------------------------------------------------------------------

    def initializePage(self, page_id: int) -> None:  # noqa: N802 - Qt override
        super().initializePage(page_id)
        page = self.page(page_id)
        if page is self.ui.summaryPage:
            self.ui.summaryLabel.setText(self._summary_html())
        elif page is self.ui.consentPage:
            officer = self._ctx.officer
            who = (f"{officer.full_name} ({officer.username})" if officer is not None
                   else self._ctx.officer_name)
            if self._reporter_kind() is ReporterKind.KECAMATAN:
                # No citizen's data to consent to: the officer's own finding.
                self.ui.consentCheck.setEnabled(False)
                self.ui.consentOfficerLabel.setText(fill(self.tr(
                    "Temuan petugas: tidak ada data warga, persetujuan warga tidak "
                    "diperlukan. Dicatat atas nama petugas: %1"), who))
            else:
                self.ui.consentCheck.setEnabled(True)
                self.ui.consentOfficerLabel.setText(
                    fill(self.tr("Persetujuan dicatat atas nama petugas: %1"), who))

    def _focus_first_field(self, _page_id: int) -> None:
        """Each question's answer field has the keyboard focus as soon as it is shown."""
        field = self._first_field.get(self.currentPage())
        if field is not None and field.isEnabled():
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    def validateCurrentPage(self) -> bool:  # noqa: N802 - Qt override
        page = self.currentPage()
        if page is self.ui.consentPage:
            if self.saved_ticket is not None:
                return True
            if not self._saving:
                self._start_save()
            return False  # moves on by itself once the ticket is saved
        if page is self.ui.categoryPage and self._pending_draft is not None:
            self.decline_draft()  # going on without restoring means a fresh start
        error = self._page_error(page)
        label = self._errors.get(page)
        if label is not None and error is not None:
            label.setText(error)
        elif label is not None and page not in (self.ui.phonePage, self.ui.nikPage):
            label.clear()
        if error is None:
            self.save_draft()  # each answered question is kept at once, not only on the timer
        return error is None

    def _summary_html(self) -> str:
        language = current_language()
        rows: list[tuple[str, str]] = []
        category_item = _chosen(self.ui.categoryList)
        rows.append((self.tr("Masalah"), category_item.text() if category_item else "-"))
        kelurahan_item = _chosen(self.ui.kelurahanList)
        place = [fill(self.tr("Kelurahan %1"), kelurahan_item.text())] if kelurahan_item else []
        if self.ui.rwEdit.text().strip():
            place.append(fill(self.tr("RW %1"), self.ui.rwEdit.text().strip()))
        if self.ui.rtEdit.text().strip():
            place.append(fill(self.tr("RT %1"), self.ui.rtEdit.text().strip()))
        if self.ui.addressEdit.text().strip():
            place.append(self.ui.addressEdit.text().strip())
        rows.append((self.tr("Tempat"), ", ".join(place) or "-"))
        rows.append((self.tr("Cerita"), self.ui.descriptionEdit.toPlainText().strip()))
        rows += self._reporter_rows(language)
        body = "".join(
            f"<tr><td style='padding-right:1em'><b>{html.escape(label)}</b></td>"
            f"<td>{html.escape(value).replace(chr(10), '<br>')}</td></tr>"
            for label, value in rows)
        return f"<table cellspacing='6'>{body}</table>"

    def _reporter_rows(self, language: str) -> list[tuple[str, str]]:
        kind = self._reporter_kind()
        name = self.ui.nameEdit.text().strip()
        if kind is ReporterKind.KECAMATAN:  # no citizen: no name, phone or NIK
            return [(self.tr("Nama"), self.tr("Atas nama kecamatan (temuan petugas)"))]
        if kind is ReporterKind.ANONYMOUS:
            shown = (fill(self.tr("Tanpa nama (anonim); hanya disimpan di kecamatan: %1"),
                          name) if name else self.tr("Tanpa nama (anonim)"))
        else:
            shown = name
        phone = self.ui.phoneEdit.text().strip()
        try:
            phone_shown = national_format(normalize_phone(phone)) if phone else ""
        except DomainError as error:
            phone_shown = error.message(language)
        return [(self.tr("Nama"), shown),
                (self.tr("Telepon"), phone_shown or self.tr("tidak diisi")),
                (self.tr("NIK"), mask_nik(self._nik_digits) if self._nik_digits
                 else self.tr("tidak diisi"))]

    # --- saving ----------------------------------------------------------------------

    def _start_save(self) -> None:
        language = current_language()
        citizen = self._reporter_kind() is not ReporterKind.KECAMATAN
        if citizen and not self.ui.consentCheck.isChecked():
            self.ui.consentError.setText(self.tr(
                "Bacakan teks persetujuan kepada warga, lalu centang kotak persetujuan."))
            return
        try:
            answers = self.answers()
        except DomainError as error:
            self.ui.consentError.setText(error.message(language))
            return
        ctx = self._ctx
        officer = ctx.officer_name
        drafts = self._drafts

        def work() -> Ticket:
            ticket = record_intake(ctx.store, ctx.cipher, origin=Origin.ASSISTED,
                                   category=answers.category, location=answers.location,
                                   description=answers.description, reporter=answers.reporter,
                                   consent=True, officer=officer,
                                   needs_field_check=answers.needs_field_check)
            if drafts is not None:
                try:
                    drafts.close()
                except OSError:  # the complaint is saved; a stale draft is only offered
                    log.warning("could not discard the assisted draft")
            return ticket

        self._saving = True
        self._autosave.stop()
        self.ui.consentCheck.setEnabled(False)
        self.ui.consentError.setText(self.tr("Menyimpan…"))
        ctx.runner.run(work, self._saved, self._save_failed)

    def _saved(self, ticket: Ticket) -> None:
        self._saving = False
        self.saved_ticket = ticket
        self.ui.consentError.clear()
        self.ui.trackingCodeLabel.setText(ticket.tracking_code)
        self.next()
        self.ticketSaved.emit(ticket.tracking_code)

    def _save_failed(self, error: BaseException) -> None:
        # Every answer stays as typed, so the officer can simply try again.
        self._saving = False
        self.ui.consentCheck.setEnabled(True)
        if self._drafts is not None:
            self._autosave.start()
        if isinstance(error, DomainError):
            self.ui.consentError.setText(error.message(current_language()))
        else:
            self.ui.consentError.clear()
            show_error(self, error)

    # --- drafts ----------------------------------------------------------------------

    def _drafts_ready(self, result: tuple[_DraftKeeper, dict[str, Any] | None]) -> None:
        keeper, draft = result
        self._drafts = keeper
        if self.saved_ticket is not None:
            self._ctx.runner.run(keeper.close, _ignore)
            return
        if draft and self.has_answers():
            # The officer started answering before the key came back from the keyring:
            # this is a fresh start, and the new answers must be the ones kept.
            self._ctx.runner.run(keeper.forget, _ignore, _log_draft_error)
        elif draft:
            self._pending_draft = draft
            self.ui.restoreFrame.show()
        self._autosave.start()

    def _drafts_unavailable(self, error: BaseException) -> None:
        # No key (e.g. no keyring): the wizard still works, only without autosave.
        log.warning("assisted drafts unavailable: %s", type(error).__name__)

    @property
    def autosave_ready(self) -> bool:
        """The encrypted draft box is open (its key comes from the keyring off the GUI
        thread); until then nothing is autosaved or offered."""
        return self._drafts is not None

    @property
    def draft_offered(self) -> bool:
        return self._pending_draft is not None

    def restore_draft(self) -> None:
        draft = self._pending_draft
        if draft is None:
            return
        self._pending_draft = None
        self.ui.restoreFrame.hide()
        self.set_fields(draft)
        self._last_draft = None
        # Walk forward to where the citizen was (each page checked again), never past the
        # summary: consent is always asked afresh.
        target = min(int(draft.get("page") or 0), self._page_id(self.ui.summaryPage))
        while self.currentId() < target and self.currentPage() is not self.ui.summaryPage:
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break

    def decline_draft(self) -> None:
        if self._pending_draft is None:
            return
        self._pending_draft = None
        self.ui.restoreFrame.hide()
        if self._drafts is not None:
            self._ctx.runner.run(self._drafts.forget, _ignore)

    def _page_id(self, page: QWidget) -> int:
        for page_id in self.pageIds():
            if self.page(page_id) is page:
                return page_id
        raise LookupError("page not in wizard")

    def save_draft(self) -> None:
        """Queue an encrypted autosave of the answers (only when they changed)."""
        if (self._drafts is None or self.saved_ticket is not None or self._saving
                or self._pending_draft is not None or not self.has_answers()):
            return
        values = self.fields()
        if values == self._last_draft:
            return
        self._last_draft = values
        self._ctx.runner.run(lambda: self._drafts_save(values), _ignore, _log_draft_error)

    def _drafts_save(self, values: dict[str, Any]) -> None:
        keeper = self._drafts
        if keeper is not None:
            keeper.save(values)

    def reject(self) -> None:
        # Closed without saving (Batal, Esc, window closed): keep the answers in the draft
        # right now, so nothing typed since the last autosave is lost.
        self._autosave.stop()
        if (self._drafts is not None and self.saved_ticket is None and not self._saving
                and self._pending_draft is None and self.has_answers()):
            try:
                self._drafts.save(self.fields())
            except OSError:
                log.warning("could not keep the assisted draft")
        super().reject()

    def accept(self) -> None:
        self._autosave.stop()
        super().accept()


def _select(widget: Any, code: object) -> None:
    for row in range(widget.count()):
        if code is not None and widget.item(row).data(_CODE_ROLE) == code:
            widget.setCurrentRow(row)
            return


def _chosen(widget: QListWidget) -> QListWidgetItem | None:
    """The selected item. Not currentItem(): a list that merely gets the focus has a current
    item (the first) that nobody chose."""
    selected = widget.selectedItems()
    return selected[0] if selected else None


def _ignore(_result: object) -> None:
    return None


def _log_draft_error(error: BaseException) -> None:
    log.warning("assisted draft not saved: %s", type(error).__name__)
