"""The personal-data guard (tests/pii_guard.py) finds what it must and nothing else."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from posko.domain.nik import mask_nik
from posko.domain.phone import mask_phone, national_format
from posko.domain.tracking import make_tracking_code
from tests.conftest import SAMPLE_NAME, SAMPLE_NIK, SAMPLE_PHONE
from tests.pii_registry import registry
from tests.sync_client.conftest import REPORTER_NAME, REPORTER_PHONE

REPO = Path(__file__).resolve().parent.parent


def kinds(text: str) -> set[str]:
    return {leak.kind for leak in registry().leaks(text)}


def test_the_registry_holds_the_suites_samples() -> None:
    known = registry()
    assert SAMPLE_NIK in known.niks
    assert SAMPLE_PHONE in known.phones
    assert "+6285711223344" in known.phones  # tests/sync/test_logs.py, typed 0857-1122-3344
    assert {SAMPLE_NAME, REPORTER_NAME, "Mbah Sarinah", "Rahmawati Kusumaningrum"} <= known.names
    assert "Muhammad Rizky" in known.names  # the demo generator's lists
    assert "Budi Santoso" not in known.names  # an officer, not a reporter


@pytest.mark.parametrize("text", [
    f"saved {SAMPLE_NIK}", "nik=3175 0467 0880 0003", "3175.04.670880.0003",
    f"phone {SAMPLE_PHONE}", "call 0812-3456-7890 now", "wa 6281234567890", "81234567890",
    f"{REPORTER_PHONE}", "+62 812 3456 7890", "(0812) 3456-7890",
])
def test_numbers_in_any_written_form_are_found(text: str) -> None:
    assert kinds(text) in ({"nik"}, {"phone"}), text


def test_shapes_are_found_whatever_the_value() -> None:
    # Built at run time, so that the registry's scan of this file does not register them.
    nik = "31750541" + "09870012"
    assert nik not in registry().niks
    assert kinds(f"demo reporter {nik} saved") == {"nik"}  # a valid NIK
    assert kinds(f"demo reporter {nik[:-4]}0000 saved") == set()  # serial 0000: no NIK
    assert kinds("sms to +62899" + "12345678") == {"phone"}
    assert kinds("sms to 0899-" + "1234-5678") == {"phone"}


def test_names_are_found_as_whole_words() -> None:
    assert kinds(f"reporter {SAMPLE_NAME} saved") == {"name"}
    assert kinds("Hj. Siti Aminah") == {"name"}
    assert kinds("Muhammad Rizky called") == {"name"}
    # Names match as typed in the tests' data (tests/store/test_data_request.py types
    # "siti aminah" on purpose, so that spelling is registered too).
    assert kinds("Rahmawatia Kusumaningrum, rahmawati kusumaningrum, Rahmawati") == set()


def test_what_may_be_shown_is_not_a_leak() -> None:
    code = make_tracking_code("31.75.04", date(2026, 11, 28), 1, 7)
    shown = [
        mask_nik(SAMPLE_NIK), mask_phone(SAMPLE_PHONE), "+62 ***-****-7890", code,
        "officer Budi Santoso (budi) signed in", "kelurahan 31.75.04.1005 RT 003 / RW 005",
        "2026-11-28T08:12:34.567890+07:00 took 0.0421337 s", "ticket 1234 of 5000",
        "uuid 3f2a1b4c-9d0e-4a51-8c7b-abcdef012345", "ticket_fts MATCH :query",
        "sync: offline, retry 3 in 2.4 s", "POST /v1/changes 200 53.97",
        "sha256 9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca7",
    ]
    for text in shown:
        assert registry().leaks(text) == [], text
    assert national_format(SAMPLE_PHONE) == "0812-3456-7890"  # ... which *is* found


GUARDED_TESTS = '''
import logging
import sqlite3

import pytest
from sqlalchemy import create_engine, text

log = logging.getLogger("posko.store.example")


def test_logs_a_nik():
    log.debug("saved reporter %s", "3175046708800003")


def test_logs_an_exception_quoting_a_phone():
    try:
        raise ValueError("cannot parse 0812-3456-7890")
    except ValueError:
        log.exception("import failed")


def test_raises_an_exception_quoting_a_name():
    with pytest.raises(RuntimeError):
        raise RuntimeError("duplicate reporter Siti Aminah")


def test_leaves_a_crash_file(tmp_path):
    folder = tmp_path / "posko-data" / "logs"
    folder.mkdir(parents=True)
    (folder / "posko-desk.log").write_text("ERROR unexpected +6281234567890\\n")


def test_logs_an_unknown_but_valid_nik_through_a_private_logger():
    private = logging.getLogger("posko_central.private")
    private.propagate = False
    try:
        private.info("nik %s", "3175054109870012")
    finally:
        private.propagate = True


def test_inlines_a_nik_into_sql():
    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        conn.execute(text("SELECT '3175046708800003'"))
    engine.dispose()


def test_shows_only_masked_data():
    log.info("saved %s for %s, phone %s", "8YXQ-3592-222J", "3175********0003",
             "+62 ***-****-7890")
'''


def test_the_guard_fails_a_test_that_leaks(pytester: pytest.Pytester,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POSKO_PII_GUARD", raising=False)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(
        [str(REPO), str(REPO / "src"), str(REPO / "sync"), os.environ.get("PYTHONPATH", "")]))
    pytester.makeconftest('pytest_plugins = ("tests.pii_guard",)\n')
    pytester.makepyfile(test_leaky=GUARDED_TESTS)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-W", "error")
    result.assert_outcomes(passed=7, errors=6)
    out = result.stdout.str()
    for name, kind in (("test_logs_a_nik", "nik"),
                       ("test_logs_an_exception_quoting_a_phone", "phone"),
                       ("test_raises_an_exception_quoting_a_name", "name"),
                       ("test_leaves_a_crash_file", "phone"),
                       ("test_logs_an_unknown_but_valid_nik_through_a_private_logger", "nik"),
                       ("test_inlines_a_nik_into_sql", "nik")):
        section = out.split(f"ERROR at teardown of {name}", 1)
        assert len(section) == 2, name
        assert f": {kind} '" in section[1].split("ERROR at teardown", 1)[0], name
    assert "file posko-data/logs/posko-desk.log: phone" in out
    assert "exception: name 'Siti Aminah'" in out
    assert "test_shows_only_masked_data" not in out.split("short test summary")[-1]


def test_the_guard_can_be_switched_off(pytester: pytest.Pytester,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSKO_PII_GUARD", "0")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(
        [str(REPO), str(REPO / "src"), str(REPO / "sync"), os.environ.get("PYTHONPATH", "")]))
    pytester.makeconftest('pytest_plugins = ("tests.pii_guard",)\n')
    pytester.makepyfile(test_leaky=GUARDED_TESTS)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=7)
