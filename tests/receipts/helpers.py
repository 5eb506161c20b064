"""Reading receipts back: text (pypdf), font sizes, page sizes, and the QR code (PDFium
renders the page, zxing-cpp decodes it)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pypdf
import pypdfium2 as pdfium
import zxingcpp

from posko.domain.models import (
    ExternalRef,
    FollowUp,
    Location,
    Origin,
    Reporter,
    ReporterKind,
    StatusEvent,
    Ticket,
    new_uuid,
)
from posko.domain.status import Status
from posko.domain.text import MAX_ADDRESS, MAX_NAME

NIK = "3175046708800003"
MASKED_NIK = "3175********0003"
PHONE = "+6281234567890"
MASKED_PHONE = "+62 ***-****-7890"
CODE = "8YXQ-3592-222J"
NON_ASCII_NAME = "Ñoño Łukasz Ğül Đặng Thị"
# Saturday 28 November 2026, 09:15 WIB: verification due Wednesday 2 December 2026.
CREATED = datetime(2026, 11, 28, 2, 15, tzinfo=UTC)


def reader(pdf: bytes) -> pypdf.PdfReader:
    assert pdf.startswith(b"%PDF-")
    return pypdf.PdfReader(io.BytesIO(pdf))


def pdf_text(pdf: bytes) -> str:
    """All text of all pages, whitespace runs (line breaks included) folded to one space."""
    text = " ".join(page.extract_text() or "" for page in reader(pdf).pages)
    return re.sub(r"\s+", " ", text).strip()


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader(pdf).pages]


@dataclass(frozen=True)
class Run:
    text: str
    size: float


def text_runs(pdf: bytes, page: int = 0) -> list[Run]:
    """Every text run of a page with its font size in points."""
    runs: list[Run] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            runs.append(Run(text.strip(), float(size) * abs(tm[3]) * abs(cm[3])))

    reader(pdf).pages[page].extract_text(visitor_text=visit)
    return runs


def font_names(pdf: bytes) -> set[str]:
    names: set[str] = set()
    for page in reader(pdf).pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            names.add(str(ref.get_object()["/BaseFont"]))
    return names


def decode_qr(pdf: bytes, page: int = 0, dpi: int = 300) -> list[str]:
    """Texts of the QR codes found on a rendered page."""
    document = pdfium.PdfDocument(pdf)
    try:
        image = document[page].render(scale=dpi / 72).to_pil()
    finally:
        document.close()
    return [r.text for r in zxingcpp.read_barcodes(image)
            if r.format == zxingcpp.BarcodeFormat.QRCode]


def ticket(**overrides: object) -> Ticket:
    values: dict[str, object] = {
        "uuid": new_uuid(),
        "tracking_code": CODE,
        "origin": Origin.DESK,
        "category": "sampah",
        "location": Location("31.75.04.1005", rw=5, rt=3, address="Jl. Raya Bogor No. 12"),
        "description": "Sampah menumpuk di pinggir jalan sudah tiga hari.",
        "reporter": Reporter(name="Siti Aminah", phone=PHONE, nik=NIK),
        "consent": True,
        "officer": "budi",
        "created_at": CREATED,
        "updated_at": CREATED,
        "status": Status.RECEIVED,
        "external_refs": (),
    }
    values.update(overrides)
    return Ticket(**values)  # type: ignore[arg-type]


LONG_DESCRIPTION = ("Saluran air di depan rumah warga tersumbat lumpur dan sampah plastik. " * 40
                    + "AKHIR-URAIAN-YANG-TIDAK-BOLEH-TERCETAK")
UNBROKEN = "x" * 300


def long_ticket() -> Ticket:
    """Every free-text field far past its limit, diacritics everywhere, five app refs."""
    return ticket(
        description=LONG_DESCRIPTION,
        # As long as the domain lets them be (posko.domain.text: the sync contract's limits).
        reporter=Reporter(name=((NON_ASCII_NAME + " ") * 12)[:MAX_NAME], phone=PHONE, nik=NIK),
        location=Location("31.75.04.1005", rw=999, rt=999,
                          address=("Jl. Đặng Thị Ğül № 5 Gang Ñoño " * 20)[:MAX_ADDRESS - 300]
                          + UNBROKEN),
        external_refs=tuple(ExternalRef.parse(f"QLUE {1234560 + i}") for i in range(5)),
        officer="petugas.dengan.nama.pengguna.yang.sangat.panjang.sekali",
    )


def empty_ticket() -> Ticket:
    """An app ticket: anonymous, no NIK, no phone, no address, no RW/RT, no officer."""
    return ticket(
        origin=Origin.APP,
        consent=False,
        officer="",
        description="Jalan berlubang",
        category="jalan_rusak",
        reporter=Reporter(kind=ReporterKind.ANONYMOUS),
        location=Location("31.75.04.1005"),
    )


def non_ascii_ticket() -> Ticket:
    return ticket(
        reporter=Reporter(name=NON_ASCII_NAME, phone=PHONE, nik=NIK),
        location=Location("31.75.04.1005", rw=1, rt=2, address="Jl. Ğül <Đặng> & Ñoño № 7"),
        description="Lampu jalan padam — «tolong» diperbaiki; café ĳ Œuvre ß ø å <b>&amp;</b>",
        external_refs=(ExternalRef.parse("QLUE 1234567"),),
    )


def chase(t: Ticket, **overrides: object) -> FollowUp:
    values: dict[str, object] = {
        "ticket_uuid": t.uuid,
        "asked_at": datetime(2026, 11, 28, 3, 0, tzinfo=UTC),
        "officer": "sari",
        "requested_by": "Pak Slamet",
        "promise": "Dinas LH dihubungi ulang, sampah diangkut",
        "promised_by": date(2026, 12, 2),
    }
    values.update(overrides)
    return FollowUp(**values)  # type: ignore[arg-type]


def dispatched(t: Ticket) -> StatusEvent:
    return StatusEvent(t.uuid, Status.DISPATCHED, datetime(2026, 11, 20, 3, 0, tzinfo=UTC),
                       "sari", note="Diteruskan ke Suku Dinas Lingkungan Hidup")
