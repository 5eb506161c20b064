"""The embedded font is shipped with its licence and covers every Latin name."""

from __future__ import annotations

from importlib.resources import files

from reportlab.pdfbase import pdfmetrics

from posko.receipts import fonts


def test_fonts_and_licence_are_package_resources() -> None:
    folder = files("posko.resources") / "fonts"
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE"):
        assert (folder / name).is_file(), name
    assert "Bitstream" in (folder / "LICENSE").read_text(encoding="utf-8")


def test_registration_is_idempotent_and_maps_bold() -> None:
    fonts.register_fonts()
    fonts.register_fonts()
    assert pdfmetrics.getFont(fonts.REGULAR).face.name.endswith(b"DejaVuSans")
    from reportlab.lib.fonts import tt2ps

    assert tt2ps(fonts.REGULAR, 1, 0) == fonts.BOLD


def test_glyphs_exist_for_indonesian_and_other_latin_names() -> None:
    fonts.register_fonts()
    face = pdfmetrics.getFont(fonts.REGULAR).face
    for ch in "ÑñŁłĞğĐđặịŒœßøåÉéÜü№…—«»":
        assert ord(ch) in face.charToGlyph, ch
    assert fonts.string_width("WWW", bold=True, size=10) > fonts.string_width("iii", False, 10)
