#!/usr/bin/env python3
"""Build step for the Qt layer: compile forms/*.ui and the translations.

    python scripts/build_forms.py          # forms/*.ui -> src/posko/ui/forms/ui_*.py, .ts -> .qm
    python scripts/build_forms.py --check  # exit 1 if a generated file is stale (used by tests)
    python scripts/build_forms.py --lupdate  # refresh resources/translations/*.ts from the code

Generated modules are committed (so the package works from a plain `pip install`), and never
loaded with loadUiType at run time.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
GENERATED = ROOT / "src" / "posko" / "ui" / "forms"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("en",)
# uic writes the Qt version into a header comment; it is not part of the form.
_VOLATILE_PREFIXES = ("## Created by:",)


def tool(name: str) -> str:
    candidate = Path(sys.executable).parent / f"pyside6-{name}"
    return str(candidate) if candidate.exists() else f"pyside6-{name}"


def generated_name(ui_file: Path) -> Path:
    return GENERATED / f"ui_{ui_file.stem}.py"


def compile_form(ui_file: Path, target: Path) -> None:
    subprocess.run([tool("uic"), "-g", "python", "--from-imports", str(ui_file), "-o",
                    str(target)], check=True)


def _comparable(text: str) -> list[str]:
    return [line for line in text.splitlines() if not line.startswith(_VOLATILE_PREFIXES)]


def stale_forms() -> list[Path]:
    stale = []
    with tempfile.TemporaryDirectory() as temp:
        for ui_file in sorted(FORMS.glob("*.ui")):
            fresh = Path(temp) / generated_name(ui_file).name
            compile_form(ui_file, fresh)
            current = generated_name(ui_file)
            if not current.exists() or _comparable(current.read_text()) != _comparable(
                    fresh.read_text()):
                stale.append(ui_file)
    return stale


def translation_sources() -> list[str]:
    return [str(p) for p in sorted((ROOT / "src" / "posko" / "ui").glob("*.py"))] + [
        str(p) for p in sorted(FORMS.glob("*.ui"))]


def lupdate() -> None:
    for language in LANGUAGES:
        subprocess.run([tool("lupdate"), "-no-obsolete", "-source-language", "id_ID",
                        "-target-language", language, *translation_sources(), "-ts",
                        str(TRANSLATIONS / f"posko_{language}.ts")], check=True)


def lrelease(target_dir: Path) -> list[Path]:
    outputs = []
    for ts_file in sorted(TRANSLATIONS.glob("posko_*.ts")):
        qm = target_dir / ts_file.with_suffix(".qm").name
        subprocess.run([tool("lrelease"), "-silent", str(ts_file), "-qm", str(qm)], check=True)
        outputs.append(qm)
    return outputs


def stale_translations() -> list[Path]:
    with tempfile.TemporaryDirectory() as temp:
        return [qm for qm in lrelease(Path(temp))
                if not (TRANSLATIONS / qm.name).exists()
                or (TRANSLATIONS / qm.name).read_bytes() != qm.read_bytes()]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--lupdate", action="store_true")
    args = parser.parse_args(argv)
    if args.check:
        stale = [str(p.relative_to(ROOT)) for p in stale_forms() + stale_translations()]
        for path in stale:
            print(f"stale: {path} (run python scripts/build_forms.py)")
        return 1 if stale else 0
    if args.lupdate:
        lupdate()
    GENERATED.mkdir(parents=True, exist_ok=True)
    for ui_file in sorted(FORMS.glob("*.ui")):
        compile_form(ui_file, generated_name(ui_file))
    lrelease(TRANSLATIONS)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
