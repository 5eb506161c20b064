"""Reporter as contributed (issue 11 part 3), through the real widgets: the intake page and
the assisted wizard offer named / anonymous / on behalf of the kecamatan, each with its own
fields; the saved ticket has the right kind and data; the lookup shows an anonymous
reporter as "Anonim", never the name they left at the kecamatan."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from posko.domain.models import ContactPreference, Origin, ReporterKind
from posko.domain.status import Status
from posko.store.database import Store
from posko.store.search import find_ticket
from posko.ui.context import DeskContext
from posko.ui.intake_page import IntakePage
from posko.ui.lookup_page import LookupPage
from tests.conftest import SAMPLE_NIK, SAMPLE_PHONE
from tests.ui.test_assisted import click, click_check, click_item, open_wizard

Button = QWizard.WizardButton
KEPT_NAME = "Mbah Sarinah"  # an anonymous reporter's name, kept at the kecamatan only


def intake_page(qtbot, ctx: DeskContext) -> IntakePage:  # type: ignore[no-untyped-def]
    page = IntakePage(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def fill_complaint(qtbot, page: IntakePage, kind: ReporterKind) -> None:  # type: ignore[no-untyped-def]
    ui = page.ui
    ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData("sampah"))
    ui.kelurahanCombo.setCurrentIndex(ui.kelurahanCombo.findData("31.75.04.1005"))
    qtbot.keyClicks(ui.descriptionEdit, "Sampah menumpuk di depan pasar")
    ui.reporterKindCombo.setCurrentIndex(ui.reporterKindCombo.findData(kind.value))


def save(qtbot, page: IntakePage):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.ticketSaved, timeout=10_000) as saved:
        qtbot.mouseClick(page.ui.saveButton, Qt.MouseButton.LeftButton)
    return saved.args[1]  # the ticket's uuid


def test_intake_offers_three_kinds_each_with_its_fields(  # type: ignore[no-untyped-def]
        qtbot, desk_context: DeskContext, store: Store) -> None:
    page = intake_page(qtbot, desk_context)
    ui = page.ui
    combo = ui.reporterKindCombo
    assert [combo.itemData(i) for i in range(combo.count())] == [
        "named", "anonymous", "kecamatan"]
    assert "Nama wajib" in ui.reporterKindHint.text()

    # Named: the name is required.
    fill_complaint(qtbot, page, ReporterKind.NAMED)
    ui.consentCheck.setChecked(True)
    qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)
    assert ui.nameError.isVisibleTo(page)
    assert "Nama pelapor wajib" in ui.nameError.text()
    qtbot.keyClicks(ui.nameEdit, "Rahmawati Kusumaningrum")
    named = find_ticket(store, save(qtbot, page), desk_context.cipher)
    assert named is not None
    assert named.ticket.reporter.kind is ReporterKind.NAMED
    assert named.ticket.reporter.name == "Rahmawati Kusumaningrum"

    # Anonymous: name, phone and NIK are optional, and the form says where they stay.
    fill_complaint(qtbot, page, ReporterKind.ANONYMOUS)
    assert "Disimpan di kecamatan saja" in ui.reporterKindHint.text()
    assert "tidak dikirim ke dinas" in ui.reporterKindHint.text()
    assert ui.nameEdit.isEnabled()
    assert ui.nameEdit.placeholderText() == "tidak wajib"
    ui.consentCheck.setChecked(True)
    bare = find_ticket(store, save(qtbot, page), desk_context.cipher)
    assert bare is not None
    reporter = bare.ticket.reporter
    assert (reporter.kind, reporter.name, reporter.phone, reporter.nik) == (
        ReporterKind.ANONYMOUS, None, None, None)
    fill_complaint(qtbot, page, ReporterKind.ANONYMOUS)
    qtbot.keyClicks(ui.nameEdit, KEPT_NAME)
    qtbot.keyClicks(ui.phoneEdit, "0812-3456-7890")
    ui.contactCombo.setCurrentIndex(ui.contactCombo.findData("sms"))
    ui.consentCheck.setChecked(True)
    kept = find_ticket(store, save(qtbot, page), desk_context.cipher)
    assert kept is not None
    reporter = kept.ticket.reporter
    assert (reporter.kind, reporter.name, reporter.phone, reporter.contact) == (
        ReporterKind.ANONYMOUS, KEPT_NAME, SAMPLE_PHONE, ContactPreference.SMS)

    # On behalf of the kecamatan: no citizen field, no consent; the officer is recorded.
    fill_complaint(qtbot, page, ReporterKind.NAMED)
    qtbot.keyClicks(ui.phoneEdit, "0812-3456-7890")  # typed before the kind was changed
    ui.nikEdit.setText(SAMPLE_NIK)
    combo.setCurrentIndex(combo.findData("kecamatan"))
    assert "Petugas yang mengetik tercatat" in ui.reporterKindHint.text()
    for widget in (ui.nameEdit, ui.phoneEdit, ui.nikEdit, ui.contactCombo, ui.consentCheck):
        assert not widget.isEnabled(), widget.objectName()
    assert not ui.consentCheck.isChecked()
    own = find_ticket(store, save(qtbot, page), desk_context.cipher)
    assert own is not None
    reporter = own.ticket.reporter
    assert (reporter.kind, reporter.name, reporter.phone, reporter.nik, reporter.contact) == (
        ReporterKind.KECAMATAN, None, None, None, ContactPreference.NONE)
    assert own.ticket.officer == "budi"
    assert own.ticket.origin is Origin.DESK
    assert own.ticket.status is Status.RECEIVED


def walk_to_name(qtbot, wizard) -> None:  # type: ignore[no-untyped-def]
    ui = wizard.ui
    click_item(qtbot, ui.categoryList, "Sampah")
    click(qtbot, wizard, Button.NextButton)
    click_item(qtbot, ui.kelurahanList, "Cawang")
    click(qtbot, wizard, Button.NextButton)
    qtbot.keyClicks(ui.descriptionEdit, "Sampah tidak diangkut seminggu")
    click(qtbot, wizard, Button.NextButton)
    assert wizard.currentPage() is ui.namePage


def finish(qtbot, wizard, *, tick_consent: bool = True) -> str:  # type: ignore[no-untyped-def]
    ui = wizard.ui
    assert wizard.currentPage() is ui.summaryPage
    click(qtbot, wizard, Button.NextButton)
    assert wizard.currentPage() is ui.consentPage
    if tick_consent:
        ui.consentCheck.setFocus()
        qtbot.keyClick(ui.consentCheck, Qt.Key.Key_Space)
    with qtbot.waitSignal(wizard.ticketSaved, timeout=5000) as saved:
        click(qtbot, wizard, Button.CommitButton)
    return str(saved.args[0])


def test_assisted_anonymous_citizen_may_leave_a_name_and_phone(  # type: ignore[no-untyped-def]
        qtbot, desk_context: DeskContext, store: Store) -> None:
    wizard = open_wizard(qtbot, desk_context)
    ui = wizard.ui
    walk_to_name(qtbot, wizard)
    click_check(qtbot, ui.anonymousCheck)
    assert ui.nameEdit.isEnabled()
    assert "hanya disimpan di kecamatan" in ui.nameHint.text()
    assert "tidak diberikan kepada dinas" in ui.nameHint.text()
    qtbot.keyClicks(ui.nameEdit, KEPT_NAME)
    click(qtbot, wizard, Button.NextButton)
    assert wizard.currentPage() is ui.phonePage
    qtbot.keyClicks(ui.phoneEdit, "0812 3456 7890")
    click(qtbot, wizard, Button.NextButton)
    click(qtbot, wizard, Button.NextButton)  # NIK left empty
    assert "hanya disimpan di kecamatan: Mbah Sarinah" in ui.summaryLabel.text()
    code = finish(qtbot, wizard)
    detail = find_ticket(store, code, desk_context.cipher)
    assert detail is not None
    reporter = detail.ticket.reporter
    assert (reporter.kind, reporter.name, reporter.phone) == (
        ReporterKind.ANONYMOUS, KEPT_NAME, SAMPLE_PHONE)
    assert detail.ticket.origin is Origin.ASSISTED


def test_assisted_on_behalf_of_the_kecamatan_asks_nothing_of_a_citizen(  # type: ignore[no-untyped-def]
        qtbot, desk_context: DeskContext, store: Store) -> None:
    wizard = open_wizard(qtbot, desk_context)
    ui = wizard.ui
    walk_to_name(qtbot, wizard)
    click_check(qtbot, ui.anonymousCheck)
    click_check(qtbot, ui.kecamatanCheck)
    assert not ui.anonymousCheck.isChecked()  # one kind at a time
    assert not ui.nameEdit.isEnabled()
    assert "Petugas yang mengisi tercatat" in ui.nameHint.text()
    click(qtbot, wizard, Button.NextButton)
    assert wizard.currentPage() is ui.summaryPage  # no phone or NIK page
    assert "Atas nama kecamatan" in ui.summaryLabel.text()
    assert "Telepon" not in ui.summaryLabel.text()
    # Back and forth keeps the answer; the consent of a citizen is not asked.
    click(qtbot, wizard, Button.BackButton)
    assert wizard.currentPage() is ui.namePage
    click(qtbot, wizard, Button.NextButton)
    click(qtbot, wizard, Button.NextButton)
    assert not ui.consentCheck.isEnabled()
    assert "persetujuan warga tidak diperlukan" in ui.consentOfficerLabel.text()
    with qtbot.waitSignal(wizard.ticketSaved, timeout=5000) as saved:
        click(qtbot, wizard, Button.CommitButton)
    detail = find_ticket(store, str(saved.args[0]), desk_context.cipher)
    assert detail is not None
    reporter = detail.ticket.reporter
    assert (reporter.kind, reporter.name, reporter.phone, reporter.nik) == (
        ReporterKind.KECAMATAN, None, None, None)
    assert detail.ticket.officer == "budi"


def test_lookup_shows_an_anonymous_reporter_as_anonim(  # type: ignore[no-untyped-def]
        qtbot, desk_context: DeskContext, intake) -> None:
    from posko.domain.models import Reporter

    anonymous = intake(reporter=Reporter(kind=ReporterKind.ANONYMOUS, name=KEPT_NAME,
                                         phone=SAMPLE_PHONE, nik=SAMPLE_NIK))
    named = intake(reporter=Reporter(name="Rahmawati Kusumaningrum"))
    own = intake(reporter=Reporter(kind=ReporterKind.KECAMATAN))
    page = LookupPage(desk_context)
    qtbot.addWidget(page)
    page.show()

    def reporters(text: str) -> dict[str, str]:
        with qtbot.waitSignal(page.resultsShown, timeout=5000):
            page.ui.searchBox.setText(text)
            page.run_search()
        model = page.model
        column = model.COLUMNS.index("reporter")
        return {model.row_at(r).uuid: model.index(r, column).data()
                for r in range(model.rowCount())}

    assert model_header(page) == "Pelapor"
    assert reporters("sampah") == {anonymous.uuid: "Anonim",
                                   named.uuid: "Rahmawati Kusumaningrum",
                                   own.uuid: "Kecamatan"}
    # Found by the kept name (the kecamatan may look its own citizen up), shown as Anonim.
    assert reporters("Sarinah") == {anonymous.uuid: "Anonim"}
    row = page.model.row_at(0)
    assert row.reporter_name is None
    assert KEPT_NAME not in repr(row)


def model_header(page: LookupPage) -> str:
    return page.model.headers()[page.model.COLUMNS.index("reporter")]
