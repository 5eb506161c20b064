"""Mode pendampingan, driven through the real wizard: clicks, typing and key presses."""

from __future__ import annotations

import json

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QListWidget, QStyle, QStyleOptionButton, QWizard

from posko.domain.models import Origin, ReporterKind
from posko.store.database import Store
from posko.store.desk import master_key
from posko.store.drafts import DraftBox
from posko.store.models import OutboxRow
from posko.store.search import count_tickets, find_ticket
from posko.ui import printing
from posko.ui.assisted import DRAFT_NAME, MIN_FONT_PT, AssistedWizard
from posko.ui.context import DeskContext
from posko.ui.settings import ASSISTED_FONT_PT, AUTOSAVE_SECONDS
from tests.conftest import SAMPLE_NIK
from tests.ui.conftest import pdf_text

Button = QWizard.WizardButton


def open_wizard(qtbot, ctx: DeskContext) -> AssistedWizard:  # type: ignore[no-untyped-def]
    wizard = AssistedWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    qtbot.waitActive(wizard)
    qtbot.waitUntil(lambda: wizard.autosave_ready, timeout=5000)
    return wizard


def click(qtbot, wizard: AssistedWizard, which: QWizard.WizardButton) -> None:  # type: ignore[no-untyped-def]
    button = wizard.button(which)
    assert button.isVisible()
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_button(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_item(qtbot, widget: QListWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    (item,) = widget.findItems(text, Qt.MatchFlag.MatchExactly)
    widget.scrollToItem(item)
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton,
                     pos=widget.visualItemRect(item).center())
    assert widget.selectedItems() == [item]


def click_check(qtbot, box: QCheckBox) -> None:  # type: ignore[no-untyped-def]
    """Click where a person would: on the box itself (a wide row is not all clickable)."""
    option = QStyleOptionButton()
    box.initStyleOption(option)
    target = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=target.center())


def answer_up_to_phone(qtbot, wizard: AssistedWizard) -> None:  # type: ignore[no-untyped-def]
    ui = wizard.ui
    click_item(qtbot, ui.categoryList, "Jalan rusak")
    click(qtbot, wizard, Button.NextButton)
    assert wizard.currentPage() is ui.locationPage
    click_item(qtbot, ui.kelurahanList, "Balekambang")
    qtbot.keyClicks(ui.rwEdit, "005")
    qtbot.keyClicks(ui.rtEdit, "3")
    qtbot.keyClicks(ui.addressEdit, "Gang Kelinci, depan musala")
    click(qtbot, wizard, Button.NextButton)
    assert wizard.currentPage() is ui.descriptionPage
    qtbot.keyClicks(ui.descriptionEdit, "Jalan berlubang besar, motor sering jatuh")
    click(qtbot, wizard, Button.NextButton)
    assert wizard.currentPage() is ui.namePage
    qtbot.keyClicks(ui.nameEdit, "Mbah Sarinah")
    qtbot.keyClick(ui.nameEdit, Qt.Key.Key_Return)  # Enter goes on, like the Next button
    assert wizard.currentPage() is ui.phonePage


def test_end_to_end_creates_an_assisted_ticket_with_spoken_consent(  # type: ignore[no-untyped-def]
        qtbot, desk_context: DeskContext, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    wizard = open_wizard(qtbot, desk_context)
    ui = wizard.ui
    assert wizard.font().pointSize() >= 20
    assert not ui.restoreFrame.isVisible()  # nothing to restore on a fresh desk
    answer_up_to_phone(qtbot, wizard)
    qtbot.keyClicks(ui.phoneEdit, "0812 3456 7890")
    click(qtbot, wizard, Button.NextButton)
    assert wizard.currentPage() is ui.nikPage
    qtbot.keyClicks(ui.nikEdit, SAMPLE_NIK)
    qtbot.keyClick(ui.nikEdit, Qt.Key.Key_Tab)  # leaving the field masks the NIK
    assert ui.nikEdit.text() == "3175********0003"
    click(qtbot, wizard, Button.NextButton)

    assert wizard.currentPage() is ui.summaryPage
    summary = ui.summaryLabel.text()
    for expected in ("Jalan rusak", "Kelurahan Balekambang", "RW 005", "Gang Kelinci",
                     "motor sering jatuh", "Mbah Sarinah", "0812-3456-7890",
                     "3175********0003"):
        assert expected in summary
    assert SAMPLE_NIK not in summary
    click(qtbot, wizard, Button.NextButton)

    assert wizard.currentPage() is ui.consentPage
    assert "Budi Santoso (budi)" in ui.consentOfficerLabel.text()
    assert ui.consentCheck.text() == "Persetujuan dibacakan dan disetujui secara lisan"
    click(qtbot, wizard, Button.CommitButton)  # consent not ticked yet: nothing saved
    assert wizard.currentPage() is ui.consentPage
    assert "centang" in ui.consentError.text()
    assert count_tickets(store) == 0

    click_check(qtbot, ui.consentCheck)
    assert ui.consentCheck.isChecked()
    with qtbot.waitSignal(wizard.ticketSaved, timeout=5000) as saved:
        click(qtbot, wizard, Button.CommitButton)
    code = saved.args[0]
    assert wizard.currentPage() is ui.donePage
    assert ui.trackingCodeLabel.text() == code
    assert ui.trackingCodeLabel.font().pointSize() >= 2 * wizard.font().pointSize()
    back = wizard.button(Button.BackButton)
    assert not (back.isVisible() and back.isEnabled())  # a saved complaint is not re-edited

    detail = find_ticket(store, code, desk_context.cipher)
    assert detail is not None
    ticket = detail.ticket
    assert ticket.origin is Origin.ASSISTED
    assert ticket.consent is True
    assert ticket.officer == "budi"
    assert detail.events[0].actor == "budi"
    assert ticket.category == "jalan_rusak"
    assert ticket.location.kelurahan_code == "31.75.04.1005"
    assert (ticket.location.rw, ticket.location.rt) == (5, 3)
    assert ticket.reporter.kind is ReporterKind.NAMED
    assert ticket.reporter.name == "Mbah Sarinah"
    assert ticket.reporter.phone == "+6281234567890"
    assert ticket.reporter.nik == SAMPLE_NIK
    with store.unit_of_work() as session:
        kinds = [row.kind for row in session.query(OutboxRow)]
    assert kinds == ["ticket.created"]

    # the tanda terima of this very ticket
    previews: list[bytes] = []
    monkeypatch.setattr(printing, "preview_pdf",
                        lambda pdf, **_kwargs: previews.append(pdf) or "print-job")
    click_button(qtbot, ui.printButton)
    qtbot.waitUntil(lambda: wizard.print_job == "print-job", timeout=10_000)
    text = pdf_text(previews[0])
    assert code in text
    assert "3175********0003" in text
    assert SAMPLE_NIK not in text

    # The draft is gone once the complaint is saved, and Finish closes the wizard.
    box = DraftBox(desk_context.paths.data_dir, master_key(store, desk_context.secrets))
    qtbot.waitUntil(lambda: box.load(DRAFT_NAME) is None, timeout=5000)
    click(qtbot, wizard, Button.FinishButton)
    assert not wizard.isVisible()


def test_anonymous_citizen_without_phone_or_nik(qtbot, desk_context: DeskContext,  # type: ignore[no-untyped-def]
                                                store: Store) -> None:
    wizard = open_wizard(qtbot, desk_context)
    ui = wizard.ui
    click_item(qtbot, ui.categoryList, "Sampah")
    click(qtbot, wizard, Button.NextButton)
    click_item(qtbot, ui.kelurahanList, "Cawang")
    click(qtbot, wizard, Button.NextButton)
    qtbot.keyClicks(ui.descriptionEdit, "Sampah tidak diangkut seminggu")
    click(qtbot, wizard, Button.NextButton)
    click(qtbot, wizard, Button.NextButton)  # no name and not anonymous: refused
    assert wizard.currentPage() is ui.namePage
    assert "Tanpa nama" in ui.nameError.text()
    click_check(qtbot, ui.anonymousCheck)
    # Anonymous: a name is optional (one left stays at the kecamatan, the hint says so).
    assert ui.nameEdit.isEnabled()
    assert "hanya disimpan di kecamatan" in ui.nameHint.text()
    click(qtbot, wizard, Button.NextButton)
    click(qtbot, wizard, Button.NextButton)  # phone left empty
    click(qtbot, wizard, Button.NextButton)  # NIK left empty
    assert wizard.currentPage() is ui.summaryPage
    assert "Tanpa nama (anonim)" in ui.summaryLabel.text()
    click(qtbot, wizard, Button.NextButton)
    ui.consentCheck.setFocus()
    qtbot.keyClick(ui.consentCheck, Qt.Key.Key_Space)
    with qtbot.waitSignal(wizard.ticketSaved, timeout=5000) as saved:
        click(qtbot, wizard, Button.CommitButton)
    detail = find_ticket(store, saved.args[0], desk_context.cipher)
    assert detail is not None
    reporter = detail.ticket.reporter
    assert reporter.kind is ReporterKind.ANONYMOUS
    assert (reporter.name, reporter.phone, reporter.nik) == (None, None, None)


def test_bad_phone_and_nik_show_the_reason_and_are_not_saved(  # type: ignore[no-untyped-def]
        qtbot, desk_context: DeskContext, store: Store) -> None:
    wizard = open_wizard(qtbot, desk_context)
    ui = wizard.ui
    answer_up_to_phone(qtbot, wizard)

    qtbot.keyClicks(ui.phoneEdit, "0812-ABC")
    click(qtbot, wizard, Button.NextButton)
    assert wizard.currentPage() is ui.phonePage
    assert "hanya boleh berisi angka" in ui.phoneError.text()
    assert ui.phoneError.isVisible()
    ui.phoneEdit.clear()
    qtbot.keyClicks(ui.phoneEdit, "0812")
    qtbot.keyClick(ui.phoneEdit, Qt.Key.Key_Tab)
    assert "tidak valid" in ui.phoneError.text()  # too short for any Indonesian number
    qtbot.keyClicks(ui.phoneEdit, "34567890")  # fixing it clears the reason while typing
    assert ui.phoneError.text() == ""
    assert "0812-3456-7890" in ui.phoneHint.text()
    click(qtbot, wizard, Button.NextButton)

    assert wizard.currentPage() is ui.nikPage
    qtbot.keyClicks(ui.nikEdit, "31750467088")
    click(qtbot, wizard, Button.NextButton)
    assert wizard.currentPage() is ui.nikPage
    assert "terlalu pendek" in ui.nikError.text()
    ui.nikEdit.clear()
    qtbot.keyClicks(ui.nikEdit, "3175049908800003")  # day 99: impossible birth date
    qtbot.keyClick(ui.nikEdit, Qt.Key.Key_Return)
    assert wizard.currentPage() is ui.nikPage
    assert "Tanggal lahir" in ui.nikError.text()
    assert ui.nikEdit.text() == "3175049908800003"  # a wrong NIK is not masked: it is fixed
    assert count_tickets(store) == 0


def test_font_is_large_and_scales_with_the_keyboard(qtbot, desk_context: DeskContext) -> None:  # type: ignore[no-untyped-def]
    default = desk_context.settings.get(ASSISTED_FONT_PT)
    assert default >= 20
    wizard = open_wizard(qtbot, desk_context)
    ui = wizard.ui
    assert wizard.font().pointSize() == default
    assert ui.categoryList.font().pointSize() == default
    assert ui.categoryQuestion.font().pointSize() > default

    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(ui.categoryList, Qt.Key.Key_Equal, ctrl)
    assert wizard.font().pointSize() == default + 2
    qtbot.keyClick(ui.categoryList, Qt.Key.Key_Plus, ctrl)
    assert wizard.font().pointSize() == default + 4
    assert ui.categoryList.font().pointSize() == default + 4
    assert wizard.button(Button.NextButton).font().pointSize() == default + 4
    qtbot.keyClick(ui.categoryList, Qt.Key.Key_Minus, ctrl)
    assert wizard.font().pointSize() == default + 2
    assert desk_context.settings.get(ASSISTED_FONT_PT) == default + 2  # remembered

    for _ in range(10):
        qtbot.keyClick(ui.categoryList, Qt.Key.Key_Minus, ctrl)
    assert wizard.font().pointSize() == MIN_FONT_PT  # never below the large-print minimum

    again = open_wizard(qtbot, desk_context)
    assert again.font().pointSize() == MIN_FONT_PT


def test_draft_is_restored_after_a_crash(qtbot, desk_context: DeskContext,  # type: ignore[no-untyped-def]
                                         store: Store) -> None:
    desk_context.settings.set(AUTOSAVE_SECONDS, 1)
    box = DraftBox(desk_context.paths.data_dir, master_key(store, desk_context.secrets))
    first = AssistedWizard(desk_context)
    first.show()
    qtbot.waitUntil(lambda: first.autosave_ready, timeout=5000)
    click_item(qtbot, first.ui.categoryList, "Pohon tumbang atau rawan tumbang")
    click(qtbot, first, Button.NextButton)
    click_item(qtbot, first.ui.kelurahanList, "Dukuh")
    qtbot.keyClicks(first.ui.rwEdit, "7")
    # Typed after the last page change: only the timer's autosave can have kept it.
    qtbot.keyClicks(first.ui.addressEdit, "Jl. Dukuh V")
    qtbot.waitUntil(lambda: (box.load(DRAFT_NAME) or {}).get("address") == "Jl. Dukuh V",
                    timeout=5000)
    raw = (desk_context.paths.data_dir / f"draft-{DRAFT_NAME}.bin").read_bytes()
    assert b"Dukuh" not in raw  # encrypted at rest

    # The crash: the wizard is destroyed without finishing, cancelling or closing.
    qtbot.waitUntil(lambda: not desk_context.runner.busy, timeout=5000)
    shiboken6.delete(first)

    second = open_wizard(qtbot, desk_context)
    assert second.draft_offered
    assert second.ui.restoreFrame.isVisible()
    qtbot.mouseClick(second.ui.restoreButton, Qt.MouseButton.LeftButton)
    assert not second.ui.restoreFrame.isVisible()
    assert second.currentPage() is second.ui.locationPage  # back where the citizen was
    assert [i.text() for i in second.ui.categoryList.selectedItems()] == [
        "Pohon tumbang atau rawan tumbang"]
    assert [i.text() for i in second.ui.kelurahanList.selectedItems()] == ["Dukuh"]
    assert second.ui.rwEdit.text() == "7"
    assert second.ui.addressEdit.text() == "Jl. Dukuh V"
    assert not second.ui.consentCheck.isChecked()  # consent is always asked afresh


def test_declined_draft_is_discarded(qtbot, desk_context: DeskContext, store: Store) -> None:  # type: ignore[no-untyped-def]
    box = DraftBox(desk_context.paths.data_dir, master_key(store, desk_context.secrets))
    box.save(DRAFT_NAME, {"page": 2, "category": "sampah", "description": "lama"})
    wizard = open_wizard(qtbot, desk_context)
    assert wizard.ui.restoreFrame.isVisible()
    qtbot.mouseClick(wizard.ui.discardDraftButton, Qt.MouseButton.LeftButton)
    assert not wizard.ui.restoreFrame.isVisible()
    assert wizard.ui.categoryList.selectedItems() == []
    qtbot.waitUntil(lambda: box.load(DRAFT_NAME) is None, timeout=5000)


def test_closing_keeps_the_answers_as_a_draft(qtbot, desk_context: DeskContext,  # type: ignore[no-untyped-def]
                                              store: Store) -> None:
    wizard = open_wizard(qtbot, desk_context)
    click_item(qtbot, wizard.ui.categoryList, "Parkir liar")
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible()
    box = DraftBox(desk_context.paths.data_dir, master_key(store, desk_context.secrets))
    draft = box.load(DRAFT_NAME)
    assert draft is not None
    assert draft["category"] == "parkir_liar"
    assert "consent" not in json.dumps(draft)
