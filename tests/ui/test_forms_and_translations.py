"""Generated forms and translations are fresh and complete; English can be switched on."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from posko.ui.i18n import current_language, set_language

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "posko_en.ts"


def test_generated_forms_and_qm_are_fresh() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_forms.py"), "--check"],
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_ui_file_has_a_generated_module() -> None:
    forms = {p.stem for p in (ROOT / "forms").glob("*.ui")}
    generated = {p.stem.removeprefix("ui_")
                 for p in (ROOT / "src" / "posko" / "ui" / "forms").glob("ui_*.py")}
    assert forms == generated


def test_english_translation_is_complete_and_current(tmp_path: Path) -> None:
    """lupdate over today's code finds no string missing from the committed .ts file."""
    fresh = tmp_path / "fresh.ts"
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_forms
    finally:
        sys.path.pop(0)
    subprocess.run([build_forms.tool("lupdate"), "-silent", "-source-language", "id_ID",
                    "-target-language", "en", *build_forms.translation_sources(), "-ts",
                    str(fresh)], check=True, timeout=300)

    def sources(path: Path) -> set[tuple[str, str]]:
        root = ET.parse(path).getroot()
        return {(ctx.findtext("name") or "", msg.findtext("source") or "")
                for ctx in root.iter("context") for msg in ctx.iter("message")}

    committed = ET.parse(TS_FILE).getroot()
    missing = sources(fresh) - sources(TS_FILE)
    assert not missing, f"run: python scripts/build_forms.py --lupdate, then translate {missing}"
    unfinished = [m.findtext("source") for m in committed.iter("message")
                  if m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
                  or not (m.findtext("translation") or "").strip()]
    assert unfinished == []


@pytest.fixture
def english(qapp):  # type: ignore[no-untyped-def]
    assert set_language("en")
    yield
    set_language("id")


def test_switch_to_english_and_back(english) -> None:  # type: ignore[no-untyped-def]
    assert current_language() == "en"
    assert QCoreApplication.translate("MainWindow", "&Antrean") == "&Queue"
    set_language("id")
    assert QCoreApplication.translate("MainWindow", "&Antrean") == "&Antrean"
