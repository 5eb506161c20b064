"""The embedded font: DejaVu Sans (regular and bold), shipped in resources/fonts/.

reportlab's built-in Helvetica only covers Latin-1, so "Łukasz", "Ğül" or "Đặng Thị" would
print as black boxes. DejaVu Sans covers every Latin script (and more); reportlab embeds
only the glyphs a document uses, so a receipt stays a few tens of kilobytes.

The TTFs are read through importlib.resources (package ``posko.resources``), which works from
a wheel, an editable install and a PyInstaller bundle alike. Registration happens once per
process (about 20 ms) and is safe to call from any thread.
"""

from __future__ import annotations

import io
import threading
from importlib.resources import files
from typing import Final

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR: Final = "PoskoSans"
BOLD: Final = "PoskoSans-Bold"

_FILES: Final = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}

_lock = threading.Lock()
_registered = False


def _load(filename: str) -> io.BytesIO:
    resource = files("posko.resources") / "fonts" / filename
    return io.BytesIO(resource.read_bytes())


def register_fonts() -> None:
    """Register the receipt fonts with reportlab (idempotent)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, _load(filename)))
        # <b> in a Paragraph set in REGULAR picks BOLD through the family mapping; there is
        # no italic face, so italic maps to the upright ones.
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
        )
        _registered = True


def string_width(text: str, bold: bool, size: float) -> float:
    """Width in points of `text` set in the receipt font."""
    register_fonts()
    return float(pdfmetrics.stringWidth(text, BOLD if bold else REGULAR, size))
