"""The printing path without a real printer: PDF-file QPrinters, the preview dialog driven
offscreen, a printer that fails, and the remembered printer."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from posko.receipts import PaperSize, ReceiptSettings, build_queue_slip, build_receipt
from posko.ui import printing
from posko.ui.background import BackgroundRunner
from posko.ui.printing import PrintJob, configure_printer, paint_pages, rasterise
from posko.ui.settings import LANGUAGE, PAPER_SIZE, PRINTER_NAME, Settings
from tests.receipts.helpers import CODE, decode_qr, page_sizes, ticket

STATUS_URL = f"https://posko.example/cek?kode={CODE}"


@pytest.fixture(autouse=True)
def _application(qapp) -> None:  # type: ignore[no-untyped-def]
    """QPrinter and QImage need the Qt application (pytest-qt's, offscreen)."""


@pytest.fixture(scope="module")
def receipt_pdf() -> bytes:
    return build_receipt(ticket())


@pytest.fixture
def runner(qtbot) -> Iterator[BackgroundRunner]:  # type: ignore[no-untyped-def]
    shared = BackgroundRunner()
    yield shared
    assert shared.wait_for_idle(10_000)
    qtbot.waitUntil(lambda: not shared.busy, timeout=10_000)


@pytest.fixture
def job(qtbot, receipt_pdf: bytes, desk_settings: Settings, runner: BackgroundRunner,  # type: ignore[no-untyped-def]
        tmp_path: Path) -> Iterator[PrintJob]:
    made = PrintJob(receipt_pdf, file_name=f"tanda-terima-{CODE}", title=f"Tanda terima {CODE}",
                    settings=desk_settings, runner=runner, keep_dir=tmp_path / "kept")
    yield made
    for window in (made.dialog, made.error_box):
        if window is not None:
            window.close()


def pdf_printer(path: Path, pdf: bytes | None = None) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    if pdf is not None:
        width, height = printing.page_sizes(pdf)[0]
        configure_printer(printer, width, height)
    return printer


def test_rasterise_rolls_at_thermal_resolution_and_sheets_lower(receipt_pdf: bytes) -> None:
    (page,) = rasterise(receipt_pdf)
    assert page.width_pt == pytest.approx(PaperSize.THERMAL_58.width)
    assert page.image.width() == pytest.approx(page.width_pt * 203 / 72, abs=1)
    assert not page.image.isNull()
    sheet = build_receipt(ticket(), ReceiptSettings(size=PaperSize.A4))
    (a4,) = rasterise(sheet)
    assert a4.image.width() == pytest.approx(595.28 * 150 / 72, abs=1)
    assert rasterise(sheet, 72)[0].image.width() == pytest.approx(595, abs=1)


def test_printed_receipt_keeps_its_size_and_a_readable_qr(receipt_pdf: bytes,
                                                          tmp_path: Path) -> None:
    out = tmp_path / "printed.pdf"
    printer = pdf_printer(out, receipt_pdf)
    paint_pages(printer, rasterise(receipt_pdf, 300))
    printed = out.read_bytes()
    assert page_sizes(printed) == [pytest.approx(page_sizes(receipt_pdf)[0], abs=1)]
    assert decode_qr(printed) == [STATUS_URL]


def test_a_long_receipt_continues_on_the_next_sheet(receipt_pdf: bytes, tmp_path: Path) -> None:
    out = tmp_path / "a6.pdf"
    printer = pdf_printer(out)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))
    paint_pages(printer, rasterise(receipt_pdf, 100))
    assert len(page_sizes(out.read_bytes())) >= 2


def test_preview_renders_off_the_gui_thread_and_offers_save_as_pdf(  # type: ignore[no-untyped-def]
        qtbot, job: PrintJob, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    threads: list[threading.Thread] = []
    real = printing.rasterise

    def spy(pdf: bytes, dpi: float | None = None) -> list[printing.RenderedPage]:
        threads.append(threading.current_thread())
        return real(pdf, dpi)

    monkeypatch.setattr(printing, "rasterise", spy)
    with qtbot.waitSignal(job.preview_opened, timeout=10_000):
        job.preview()
        assert job.dialog is None  # nothing rendered on the GUI thread yet
    assert threads
    assert threads[0] is not threading.main_thread()
    dialog = job.dialog
    assert isinstance(dialog, QPrintPreviewDialog)
    assert dialog.isVisible()
    assert not dialog.isModal() or dialog.windowModality().name != "ApplicationModal"
    assert CODE in dialog.windowTitle()
    save = dialog.findChild(QAction, "savePdfAction")
    assert save is not None

    # What the preview paints is the receipt: paint it into a PDF file and read the QR.
    out = tmp_path / "preview.pdf"
    dialog.paintRequested.emit(pdf_printer(out, job.pdf))
    assert decode_qr(out.read_bytes()) == [STATUS_URL]

    target = tmp_path / "simpan" / "salinan.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), "PDF"))
    with qtbot.waitSignal(job.saved) as saved:
        save.trigger()
    assert saved.args == [str(target)]
    assert target.read_bytes() == job.pdf  # the original vector PDF, not a raster copy

    dialog.reject()
    qtbot.waitUntil(lambda: job.dialog is None)


def test_cancelled_save_dialog_writes_nothing(qtbot, job: PrintJob,  # type: ignore[no-untyped-def]
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    with qtbot.assertNotEmitted(job.saved):
        job.ask_save_pdf()


def test_save_pdf_adds_the_extension(job: PrintJob, tmp_path: Path) -> None:
    saved = job.save_pdf(tmp_path / "tanda-terima")
    assert saved.name == "tanda-terima.pdf"
    assert saved.read_bytes() == job.pdf


def test_print_in_the_background(qtbot, job: PrintJob, tmp_path: Path,  # type: ignore[no-untyped-def]
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[threading.Thread] = []
    real = printing.paint_pages

    def spy(printer: QPrinter, pages: list[printing.RenderedPage]) -> None:
        threads.append(threading.current_thread())
        real(printer, pages)

    monkeypatch.setattr(printing, "paint_pages", spy)
    out = tmp_path / "direct.pdf"
    with qtbot.waitSignal(job.printed, timeout=10_000) as printed:
        job.print_to(pdf_printer(out, job.pdf))
        job.print_to(pdf_printer(tmp_path / "twice.pdf", job.pdf))  # a double click
    assert printed.args == [str(out)]
    assert threads == [threads[0]]
    assert threads[0] is not threading.main_thread()
    assert decode_qr(out.read_bytes()) == [STATUS_URL]
    assert not (tmp_path / "twice.pdf").exists()
    assert job.kept_pdf is None


# Qt's own log line for the refused printer: the failure this test provokes.
@pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false")
def test_a_printer_error_keeps_the_pdf_and_says_what_to_do(qtbot, job: PrintJob,  # type: ignore[no-untyped-def]
                                                           tmp_path: Path) -> None:
    broken = pdf_printer(tmp_path / "no-such-folder" / "out.pdf", job.pdf)
    with qtbot.waitSignal(job.failed, timeout=10_000) as failed:
        job.print_to(broken)
    message = failed.args[0]
    assert "Periksa" in message
    assert job.kept_pdf is not None
    assert job.kept_pdf.read_bytes() == job.pdf
    assert job.kept_pdf.parent == tmp_path / "kept"
    assert str(job.kept_pdf) in message
    box = job.error_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert str(job.kept_pdf) in box.text()
    box.close()
    # The job can print again afterwards.
    with qtbot.waitSignal(job.printed, timeout=10_000):
        job.print_to(pdf_printer(tmp_path / "retry.pdf", job.pdf))


def test_remembered_printer_is_used_only_while_installed(job: PrintJob, desk_settings: Settings,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    desk_settings.set(PRINTER_NAME, "Kasir-58")
    monkeypatch.setattr(printing.QPrinterInfo, "availablePrinterNames",
                        staticmethod(lambda: ["Kasir-58", "Laser-A4"]))
    assert job.remembered_printer() == "Kasir-58"
    monkeypatch.setattr(printing.QPrinterInfo, "availablePrinterNames",
                        staticmethod(lambda: ["Laser-A4"]))
    assert job.remembered_printer() == ""


def test_the_chosen_printer_is_remembered(job: PrintJob, desk_settings: Settings) -> None:
    class Chosen:
        def outputFormat(self) -> QPrinter.OutputFormat:  # noqa: N802 - Qt's name
            return QPrinter.OutputFormat.NativeFormat

        def printerName(self) -> str:  # noqa: N802 - Qt's name
            return "Laser-A4"

    job._remember(Chosen())  # type: ignore[arg-type]
    assert desk_settings.get(PRINTER_NAME) == "Laser-A4"


def test_print_to_file_is_not_remembered_as_the_printer(qtbot, job: PrintJob,  # type: ignore[no-untyped-def]
                                                        desk_settings: Settings,
                                                        tmp_path: Path) -> None:
    with qtbot.waitSignal(job.printed, timeout=10_000):
        job.print_to(pdf_printer(tmp_path / "file.pdf", job.pdf))
    assert desk_settings.get(PRINTER_NAME) == ""


def test_make_printer_uses_the_document_size(job: PrintJob) -> None:
    printer = job.make_printer()
    size = printer.pageLayout().pageSize().size(QPageSize.Unit.Point)
    assert size.width() == pytest.approx(PaperSize.THERMAL_58.width, abs=1)
    assert printer.fullPage()
    assert printer.docName() == f"Tanda terima {CODE}"


def test_preview_pdf_helper_and_queue_slip(qtbot, desk_settings: Settings,  # type: ignore[no-untyped-def]
                                           runner: BackgroundRunner) -> None:
    slip = build_queue_slip(7, datetime(2026, 11, 28, 1, 0, tzinfo=UTC), "31.75.04")
    shown = printing.preview_pdf(slip, file_name="antrean-007", settings=desk_settings,
                                 runner=runner)
    qtbot.waitUntil(lambda: shown.dialog is not None, timeout=10_000)
    assert shown.file_name == "antrean-007.pdf"
    shown.dialog.reject()


def test_not_a_pdf_is_refused(desk_settings: Settings) -> None:
    with pytest.raises(ValueError, match="PDF"):
        PrintJob(b"hello", file_name="x", settings=desk_settings)


def test_receipt_settings_follow_the_desk_settings(desk_settings: Settings) -> None:
    from zoneinfo import ZoneInfo

    desk_settings.set(PAPER_SIZE, "a5")
    desk_settings.set(LANGUAGE, "en")
    chosen = printing.receipt_settings(desk_settings, ZoneInfo("Asia/Makassar"),
                                       office_copy=True)
    assert chosen.size is PaperSize.A5
    assert chosen.language == "en"
    assert chosen.office_copy
    assert str(chosen.timezone) == "Asia/Makassar"


@pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false")
def test_printing_from_the_preview_reports_the_outcome(qtbot, job: PrintJob,  # type: ignore[no-untyped-def]
                                                      tmp_path: Path) -> None:
    with qtbot.waitSignal(job.preview_opened, timeout=10_000):
        job.preview()
    assert job.dialog is not None
    job.dialog.paintRequested.emit(pdf_printer(tmp_path / "ok.pdf", job.pdf))
    with qtbot.waitSignal(job.printed):
        job.dialog.accept()  # what the dialog does after it printed
    assert job.kept_pdf is None

    with qtbot.waitSignal(job.preview_opened, timeout=10_000):
        job.preview()  # pages are cached: opens straight away
    assert job.dialog is not None
    job.dialog.paintRequested.emit(pdf_printer(tmp_path / "missing" / "x.pdf", job.pdf))
    with qtbot.waitSignal(job.failed):
        job.dialog.accept()
    assert job.kept_pdf is not None
    assert job.kept_pdf.read_bytes() == job.pdf
