"""What a receipt looks like and what it promises: paper size, language, the kecamatan's
status channels, the SLA policy. Plain frozen values, chosen in the desk's Settings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import tzinfo
from enum import StrEnum
from urllib.parse import quote
from zoneinfo import ZoneInfo

from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm

from posko.domain.errors import PoskoError
from posko.domain.sla import SlaPolicy, WorkingCalendar

DEFAULT_TIMEZONE = ZoneInfo("Asia/Jakarta")


class PaperSize(StrEnum):
    """Receipt layouts. Thermal rolls grow with their content; sheets are fixed."""

    THERMAL_58 = "58mm"
    THERMAL_80 = "80mm"
    A5 = "a5"
    A4 = "a4"

    @property
    def is_roll(self) -> bool:
        return self in (PaperSize.THERMAL_58, PaperSize.THERMAL_80)

    @property
    def width(self) -> float:
        """Page width in points."""
        return _WIDTHS[self]

    @classmethod
    def parse(cls, text: str) -> PaperSize:
        """`58mm`, `58`, `80 mm`, `A5`, `a4` -> the size; PoskoError otherwise."""
        cleaned = text.strip().lower().replace(" ", "")
        for size in cls:
            if cleaned in (size.value, size.value.removesuffix("mm")):
                return size
        raise PoskoError(
            "Ukuran kertas harus salah satu dari: 58mm, 80mm, a5, a4.",
            "The paper size must be one of: 58mm, 80mm, a5, a4.",
            code="invalid_paper_size",
        )


_WIDTHS: dict[PaperSize, float] = {
    PaperSize.THERMAL_58: 58 * mm,
    PaperSize.THERMAL_80: 80 * mm,
    PaperSize.A5: A5[0],
    PaperSize.A4: A4[0],
}


@dataclass(frozen=True, slots=True)
class KecamatanContact:
    """How a citizen checks the status of a ticket: the channels of this kecamatan's posko.

    The defaults are demo values (the ``.example`` domain is reserved and never resolves; the
    numbers are placeholders): a real desk sets its own in Settings. An empty channel is left
    off the receipt.
    """

    phone: str = "(021) 555-0100"
    sms: str = "0812-0000-0100"
    whatsapp: str = "0812-0000-0100"
    web: str = "posko.example/cek"
    #: The status page of one ticket; ``{code}`` is replaced by the tracking code. Encoded
    #: in the receipt's QR code. Empty: the QR code holds the tracking code alone.
    status_url_template: str = "https://posko.example/cek?kode={code}"

    def status_url(self, tracking_code: str) -> str:
        if not self.status_url_template:
            return ""
        return self.status_url_template.replace("{code}", quote(tracking_code, safe="-"))

    #: Keys of the desk's ``meta`` table (or a settings dict) read by :meth:`from_mapping`.
    KEYS = ("contact_phone", "contact_sms", "contact_whatsapp", "contact_web", "status_url")

    @classmethod
    def from_mapping(cls, values: Mapping[str, str]) -> KecamatanContact:
        """Channels from settings (keys :data:`KEYS`); a missing key keeps the default."""
        default = cls()
        return cls(
            phone=values.get("contact_phone", default.phone),
            sms=values.get("contact_sms", default.sms),
            whatsapp=values.get("contact_whatsapp", default.whatsapp),
            web=values.get("contact_web", default.web),
            status_url_template=values.get("status_url", default.status_url_template),
        )


@dataclass(frozen=True, slots=True)
class ReceiptSettings:
    size: PaperSize = PaperSize.THERMAL_58
    language: str = "id"  # "id" (default) or "en"
    contact: KecamatanContact = field(default_factory=KecamatanContact)
    #: Print "SALINAN" (office copy) on the receipt.
    office_copy: bool = False
    #: The desk's time zone (WIB/WITA/WIT): every date and time is printed in it.
    timezone: tzinfo = DEFAULT_TIMEZONE
    #: SLA tiers and working-day calendar for the promise; None: the defaults of posko.domain.sla.
    policy: SlaPolicy | None = None
    calendar: WorkingCalendar | None = None
    #: Longest description printed before "…"; None: a limit that suits the paper size.
    description_limit: int | None = None

    def __post_init__(self) -> None:
        if self.language not in ("id", "en"):
            raise PoskoError(
                "Bahasa tanda terima harus 'id' atau 'en'.",
                "The receipt language must be 'id' or 'en'.",
                code="invalid_language",
            )
        if not isinstance(self.size, PaperSize):
            object.__setattr__(self, "size", PaperSize.parse(str(self.size)))
