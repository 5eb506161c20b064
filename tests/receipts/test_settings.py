"""Paper sizes, the kecamatan's status channels, receipt settings."""

from __future__ import annotations

import pytest

from posko.domain.errors import PoskoError
from posko.receipts import KecamatanContact, PaperSize, ReceiptSettings


@pytest.mark.parametrize(("typed", "size"), [
    ("58mm", PaperSize.THERMAL_58), ("58", PaperSize.THERMAL_58), ("80 mm", PaperSize.THERMAL_80),
    ("A5", PaperSize.A5), ("a4", PaperSize.A4)])
def test_paper_sizes_parse(typed: str, size: PaperSize) -> None:
    assert PaperSize.parse(typed) is size


@pytest.mark.parametrize("typed", ["", "57mm", "letter", "a3"])
def test_unknown_sizes_are_refused_in_both_languages(typed: str) -> None:
    with pytest.raises(PoskoError) as caught:
        PaperSize.parse(typed)
    assert "58mm, 80mm, a5, a4" in caught.value.message_id
    assert "58mm, 80mm, a5, a4" in caught.value.message_en


def test_roll_and_sheet_widths() -> None:
    assert PaperSize.THERMAL_58.is_roll
    assert PaperSize.THERMAL_80.is_roll
    assert not PaperSize.A5.is_roll
    assert PaperSize.THERMAL_58.width == pytest.approx(164.41, abs=0.01)
    assert PaperSize.A4.width == pytest.approx(595.28, abs=0.01)


def test_status_url_carries_the_code() -> None:
    contact = KecamatanContact()
    assert contact.status_url("8YXQ-3592-222J") == "https://posko.example/cek?kode=8YXQ-3592-222J"
    assert KecamatanContact(status_url_template="").status_url("X") == ""


def test_contact_from_settings_keeps_defaults_for_missing_keys() -> None:
    contact = KecamatanContact.from_mapping({"contact_phone": "(021) 8090-1234",
                                             "status_url": "https://x.example/{code}"})
    assert contact.phone == "(021) 8090-1234"
    assert contact.sms == KecamatanContact().sms
    assert contact.status_url("AB") == "https://x.example/AB"


def test_settings_check_the_language_and_accept_a_size_string() -> None:
    with pytest.raises(PoskoError):
        ReceiptSettings(language="fr")
    assert ReceiptSettings(size="80mm").size is PaperSize.THERMAL_80  # type: ignore[arg-type]
