"""Whatever is typed at the desk: a saved ticket and its receipt, or a field error (issue 8).

Any Unicode (emoji with joiners, right-to-left text, combining marks, 10,000 characters,
control characters including NUL, unpaired surrogates, whitespace at both ends) goes into
every free-text field of an intake. The only allowed outcomes are

* the ticket is saved, reads back as saved, and its receipt is a PDF that shows the tracking
  code and never the NIK in clear; or
* a PoskoError naming the field that is wrong (what the desk shows next to that field).

Anything else (a UnicodeEncodeError from SQLite, a reportlab parser error, a KeyError) is a
bug. The store-and-receipt property runs many examples; the real Qt intake page and the
assisted wizard run a fixed list of nasty strings plus a few generated ones (each example is
a whole form, so they are slower). `pytest -m slow` runs many more of each.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QMessageBox, QWizard

from posko.domain.errors import PoskoError
from posko.domain.models import Location, Origin, Reporter, ReporterKind, Ticket
from posko.domain.nik import mask_nik, validate_nik
from posko.domain.phone import normalize_phone
from posko.receipts.receipt import build_receipt
from posko.receipts.settings import PaperSize, ReceiptSettings
from posko.store.crypto import NikCipher
from posko.store.database import Store
from posko.store.search import find_ticket
from posko.store.tickets import record_intake
from posko.ui.assisted import AssistedWizard
from posko.ui.context import DeskContext
from posko.ui.intake_page import IntakePage
from tests.ui.conftest import (  # noqa: F401 - the desk's fixtures, shared with tests/ui
    desk_context,
    desk_settings,
    no_blocking_message_boxes,
)

KELURAHAN = "31.75.04.1005"
#: The fields a PoskoError may name for an intake (the store's and the UI's names).
FIELDS = {"description", "address", "reporter_name", "phone", "nik", "rw", "rt", "location",
          "name", "consent", "category", "map", "latitude", "longitude"}

NASTY = (
    "",
    "   ",
    " Siti Aminah ",
    "\x00",
    "Siti\x00Aminah",
    "a\x1b[31mmerah\x1b[0m",
    "tab\there\r\nwindows\rmac\x0bvt\x0cff\x85nel\u2028ls\u2029ps",
    "\x7f\x80\x9f",
    "<b>tebal</b> & <i>miring</i> <br/> <para>",
    "&amp; &lt; &#x41; &#0; &bogus;",
    "'; DROP TABLE tickets; --",
    "\"quoted\" 'single' `back`",
    "ٱلسَّلَامُ عَلَيْكُمْ",  # Arabic with harakat (right to left, combining marks)
    "שלום \u202eevil\u202c mixed עברית",  # Hebrew with a right-to-left override
    "e\u0301\u0301\u0301\u0301 Zalgo Z\u0351\u0352\u0353\u0354\u0355",
    "\u0301 starts with a combining mark",
    "👨‍👩‍👧‍👦 keluarga 🏳️‍🌈 🇮🇩 👍🏽",
    "\U0001f4a9" * 50,
    "\ufeffBOM\u200b\u200c\u200d\u2060zero width",
    "\ufffe\uffff\U0010ffff\ue000 private",
    "\ud800",
    "lone \udfff surrogate",
    "\ud83d\ude00 pair as two surrogates",
    "ｆｕｌｌｗｉｄｔｈ　ＩＤＥＯＧＲＡＰＨＩＣ",
    "x" * 10_000,
    ("Jalan rusak berlubang " * 500)[:10_001],
    "\n\n\nhanya baris baru\n\n\n",
    "\u00a0\u2003\u3000",
    "१२३४ ٣٤٥ ০১২",  # non-ASCII digits
)
VALID_NIKS = ("3175046708800003", "3171 0157 0845 0003", " 3171.01.170845.0001 ")
VALID_PHONES = ("0812-3456-7890", "+62 812 3456 7890", "6281234567890", " 081234567890 ")

# Any code point, surrogates included (hypothesis leaves them out unless told).
ANY_CHAR = st.characters(exclude_categories=())
ANY_TEXT = st.text(ANY_CHAR, max_size=60)
FREE_TEXT = st.one_of(ANY_TEXT, st.sampled_from(NASTY),
                      st.builds(lambda a, b, c: a + b + c, st.sampled_from(NASTY), ANY_TEXT,
                                st.sampled_from(NASTY)),
                      st.text(ANY_CHAR, min_size=9_990, max_size=10_010))
# Mostly empty or valid (so that most forms get as far as a receipt), sometimes anything.
PHONE_TEXT = st.one_of(st.sampled_from(("", "", *VALID_PHONES)),
                       st.sampled_from(("", "", *VALID_PHONES)), ANY_TEXT,
                       st.from_regex(r"\A[+ ]?(62|0)8[0-9 \-]{8,13}\Z"))
NIK_TEXT = st.one_of(st.sampled_from(("", "", *VALID_NIKS)),
                     st.sampled_from(("", "", *VALID_NIKS)), ANY_TEXT,
                     st.from_regex(r"\A[0-9 .\-]{14,20}\Z"))


@dataclass(frozen=True)
class Typed:
    """One intake form as typed."""

    description: str
    address: str
    name: str
    phone: str
    nik: str
    kind: ReporterKind = ReporterKind.NAMED
    size: PaperSize = PaperSize.THERMAL_58


FORMS = st.builds(Typed, description=FREE_TEXT, address=FREE_TEXT, name=FREE_TEXT,
                  phone=PHONE_TEXT, nik=NIK_TEXT, kind=st.sampled_from(ReporterKind),
                  size=st.sampled_from(PaperSize))


def pdf_text(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF")
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def digits_of(text: str) -> str:
    return re.sub(r"[^0-9]", "", text)


def check_receipt(ticket: Ticket, size: PaperSize) -> None:
    pdf = build_receipt(ticket, ReceiptSettings(size=size))
    text = pdf_text(pdf)
    assert ticket.tracking_code in text.replace("\n", "")
    if ticket.reporter.nik:
        assert mask_nik(ticket.reporter.nik) in text
        assert ticket.reporter.nik not in digits_of(text)


def save_typed(store: Store, cipher: NikCipher, typed: Typed) -> Ticket:
    """What the desk does with a typed form, in domain and store terms."""
    phone = normalize_phone(typed.phone) if typed.phone.strip() else None
    nik = validate_nik(typed.nik) if typed.nik.strip() else None
    reporter = Reporter(kind=typed.kind,
                        name=typed.name if typed.kind is not ReporterKind.KECAMATAN else None,
                        phone=phone, nik=nik)
    return record_intake(store, cipher, origin=Origin.DESK, category="sampah",
                         location=Location(KELURAHAN, address=typed.address),
                         description=typed.description, reporter=reporter, consent=True,
                         officer="budi")


def expect_saved_or_field_error(action: Callable[[], Any]) -> Any:
    try:
        return action()
    except PoskoError as error:
        refused = (error.code, error.field)
    assert refused[1] in FIELDS, refused
    return None


def stored_text_is_clean(text: str | None) -> None:
    """What was saved can go to SQLite, the server and reportlab."""
    if text is None:
        return
    text.encode("utf-8")  # no unpaired surrogate
    assert text == text.strip()
    assert not any(unicodedata.category(c) == "Cc" and c not in "\t\n" for c in text)


def run_store_and_receipt(store: Store, cipher: NikCipher, typed: Typed) -> None:
    ticket = expect_saved_or_field_error(lambda: save_typed(store, cipher, typed))
    if ticket is None:
        return
    detail = find_ticket(store, ticket.tracking_code, cipher)
    assert detail is not None
    back = detail.ticket
    assert (back.description, back.location.address, back.reporter.name, back.reporter.nik) \
        == (ticket.description, ticket.location.address, ticket.reporter.name,
            ticket.reporter.nik)
    for text in (back.description, back.location.address, back.reporter.name):
        stored_text_is_clean(text)
    assert len(back.description) <= 10_000
    check_receipt(back, typed.size)


STORE_SETTINGS = settings(max_examples=60, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                 HealthCheck.too_slow,
                                                 HealthCheck.data_too_large])


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
def test_every_nasty_string_in_every_field_saves_or_names_the_field(
        store: Store, cipher: NikCipher, text: str) -> None:
    for typed in (Typed(description=text, address="Jl. Raya Bogor", name="Siti Aminah",
                        phone="", nik=""),
                  Typed(description="Lampu padam", address=text, name="Siti Aminah",
                        phone="", nik="", size=PaperSize.A5),
                  Typed(description="Lampu padam", address="", name=text, phone=text,
                        nik=text, size=PaperSize.THERMAL_80),
                  Typed(description=text, address=text, name=text, phone="", nik="",
                        kind=ReporterKind.ANONYMOUS, size=PaperSize.A4)):
        run_store_and_receipt(store, cipher, typed)


@STORE_SETTINGS
@given(typed=FORMS)
def test_any_form_saves_with_a_receipt_or_names_the_field(
        store: Store, cipher: NikCipher, typed: Typed) -> None:
    run_store_and_receipt(store, cipher, typed)


@pytest.mark.slow
@settings(STORE_SETTINGS, max_examples=1500, derandomize=False)
@given(typed=FORMS)
def test_any_form_saves_with_a_receipt_or_names_the_field_many(
        store: Store, cipher: NikCipher, typed: Typed) -> None:
    run_store_and_receipt(store, cipher, typed)


# --------------------------------------------------------------------------- the real UI


@pytest.fixture
def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every message box is recorded (none may appear: errors belong next to the field)."""
    shown: list[str] = []
    for kind in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind,
                            lambda *args, _kind=kind, **_kw: shown.append(
                                f"{_kind}: {args[2] if len(args) > 2 else args}"))
    return shown


UI_FORMS = [
    Typed(description=text, address=NASTY[(i + 7) % len(NASTY)],
          name=NASTY[(i + 3) % len(NASTY)], phone=VALID_PHONES[i % len(VALID_PHONES)]
          if i % 3 else NASTY[(i + 5) % len(NASTY)],
          nik=VALID_NIKS[i % len(VALID_NIKS)] if i % 2 else NASTY[(i + 11) % len(NASTY)],
          size=list(PaperSize)[i % 4])
    for i, text in enumerate(NASTY)
]


def fill_intake(page: IntakePage, typed: Typed) -> None:
    ui = page.ui
    page.clear()
    ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData("sampah"))
    ui.kelurahanCombo.setCurrentIndex(ui.kelurahanCombo.findData(KELURAHAN))
    ui.reporterKindCombo.setCurrentIndex(ui.reporterKindCombo.findData(typed.kind.value))
    ui.addressEdit.setText(typed.address)
    ui.descriptionEdit.setPlainText(typed.description)
    if ui.nameEdit.isEnabled():
        ui.nameEdit.setText(typed.name)
    ui.phoneEdit.setText(typed.phone)
    ui.nikEdit.setText(typed.nik)
    ui.nikEdit.editingFinished.emit()
    ui.consentCheck.setChecked(True)


def intake_outcome(qtbot, page: IntakePage, typed: Typed,  # type: ignore[no-untyped-def]
                   shown: list[str]) -> bool:
    """Save the form on the page: True when saved (with a receipt), False when a field
    error is shown next to its field; anything else fails."""
    fill_intake(page, typed)
    page.last_saved = None
    page.save()
    qtbot.waitUntil(lambda: page.ui.saveButton.isEnabled(), timeout=10_000)
    assert shown == [], typed
    errors = [name for name, label in page._errors.items() if label.isVisibleTo(page)]
    if page.last_saved is None:
        assert errors, f"neither saved nor a field error: {typed!r}"
        for name in errors:
            assert page._errors[name].text().strip(), name
        return False
    assert errors == []
    assert page.ui.resultCodeLabel.text() == page.last_saved.tracking_code
    check_receipt(page.last_saved, typed.size)
    return True


@pytest.fixture
def intake_page(qtbot, desk_context: DeskContext) -> IntakePage:  # type: ignore[no-untyped-def]  # noqa: F811
    page = IntakePage(desk_context)
    qtbot.addWidget(page)
    page.show()
    return page


def test_intake_page_with_nasty_input_saves_or_shows_the_field_error(  # type: ignore[no-untyped-def]
        qtbot, intake_page: IntakePage, no_message_boxes: list[str]) -> None:
    saved = [intake_outcome(qtbot, intake_page, typed, no_message_boxes) for typed in UI_FORMS]
    assert any(saved)  # both outcomes are exercised
    assert not all(saved)


UI_SETTINGS = settings(max_examples=8, deadline=None, derandomize=True,
                       suppress_health_check=[HealthCheck.function_scoped_fixture,
                                              HealthCheck.too_slow,
                                              HealthCheck.data_too_large])


@UI_SETTINGS
@given(typed=FORMS)
def test_intake_page_with_any_input_saves_or_shows_the_field_error(  # type: ignore[no-untyped-def]
        qtbot, intake_page: IntakePage, no_message_boxes: list[str], typed: Typed) -> None:
    intake_outcome(qtbot, intake_page, typed, no_message_boxes)


@pytest.mark.slow
@settings(UI_SETTINGS, max_examples=200, derandomize=False)
@given(typed=FORMS)
def test_intake_page_with_any_input_many(  # type: ignore[no-untyped-def]
        qtbot, intake_page: IntakePage, no_message_boxes: list[str], typed: Typed) -> None:
    intake_outcome(qtbot, intake_page, typed, no_message_boxes)


# --------------------------------------------------------------------------- assisted


Button = QWizard.WizardButton


def assisted_outcome(qtbot, ctx: DeskContext, typed: Typed,  # type: ignore[no-untyped-def]
                     shown: list[str]) -> bool:
    """Walk the wizard with `typed`: each page takes the answer or says why not on that page
    (False); once every page took its answer, the ticket is saved with a receipt (True)."""
    wizard = AssistedWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.autosave_ready, timeout=5000)
    ui = wizard.ui
    answers: list[tuple[Any, Callable[[], None]]] = [
        (ui.categoryPage, lambda: ui.categoryList.setCurrentRow(0)),
        (ui.locationPage, lambda: (ui.kelurahanList.setCurrentRow(0),
                                   ui.addressEdit.setText(typed.address))),
        (ui.descriptionPage, lambda: ui.descriptionEdit.setPlainText(typed.description)),
        (ui.namePage, lambda: (ui.anonymousCheck.setChecked(
            typed.kind is not ReporterKind.NAMED), ui.nameEdit.setText(typed.name))),
        (ui.phonePage, lambda: ui.phoneEdit.setText(typed.phone)),
        (ui.nikPage, lambda: (ui.nikEdit.setText(typed.nik),
                              ui.nikEdit.editingFinished.emit())),
    ]
    try:
        for page, answer in answers:
            assert wizard.currentPage() is page
            answer()
            wizard.next()
            assert shown == [], typed
            if wizard.currentPage() is page:  # refused: the reason is on this page
                label = wizard._errors[page]
                assert label.text().strip(), f"page refused without a reason: {typed!r}"
                return False
        assert wizard.currentPage() is ui.summaryPage
        wizard.next()
        assert wizard.currentPage() is ui.consentPage
        ui.consentCheck.setChecked(True)
        wizard.next()
        qtbot.waitUntil(lambda: wizard.saved_ticket is not None
                        or (not wizard._saving and ui.consentCheck.isEnabled()
                            and bool(ui.consentError.text().strip())
                            and ui.consentError.text() != "Menyimpan…"), timeout=10_000)
        assert shown == [], typed
        assert wizard.saved_ticket is not None, (
            f"every page took its answer, the save refused it: {ui.consentError.text()}")
        assert wizard.currentPage() is ui.donePage
        check_receipt(wizard.saved_ticket, typed.size)
        return True
    finally:
        wizard.reject()
        qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=10_000)


def test_assisted_wizard_with_nasty_input_saves_or_shows_the_reason(  # type: ignore[no-untyped-def]
        qtbot, desk_context: DeskContext, no_message_boxes: list[str]) -> None:  # noqa: F811
    saved = [assisted_outcome(qtbot, desk_context, typed, no_message_boxes)
             for typed in UI_FORMS[::2]]
    assert any(saved)
    assert not all(saved)


@pytest.mark.slow
@settings(UI_SETTINGS, max_examples=100, derandomize=False)
@given(typed=FORMS)
def test_assisted_wizard_with_any_input_many(  # type: ignore[no-untyped-def]
        qtbot, desk_context: DeskContext,  # noqa: F811
        no_message_boxes: list[str], typed: Typed) -> None:
    assisted_outcome(qtbot, desk_context, typed, no_message_boxes)
