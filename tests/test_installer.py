"""The office bundle: build_installer.py builds a one-folder PyInstaller bundle that runs on a PC
without Python, and the bundled programs work (CLI first-day steps, the window).

A few minutes: marked `installer` (and `slow`), run by `scripts/dev.py test` as a separate step
after the main suite (`pytest -m installer`).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = [pytest.mark.installer, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = sys.platform == "win32"
EXE = ".exe" if WINDOWS else ""
# A regression guard, not a target: the Linux bundle is ~185 MB (~275 MB without the trimming).
SIZE_BUDGET_MB = 230


def _load_build_installer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_installer", ROOT / "build_installer.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_installer"] = module
    spec.loader.exec_module(module)
    return module


build_installer = _load_build_installer()


@pytest.fixture(scope="module")
def bundle() -> Path:
    """Built once for this module, into dist/posko (PyInstaller's work files in build/ are
    reused between runs, so an unchanged tree rebuilds quickly)."""
    return build_installer.build_bundle()


def _archive_modules(executable: Path) -> set[str]:
    from PyInstaller.archive.readers import pkg_archive_contents

    return set(pkg_archive_contents(str(executable)))


def test_one_folder_two_programs_one_internal(bundle: Path) -> None:
    assert (bundle / f"posko-desk{EXE}").is_file()
    assert (bundle / f"posko{EXE}").is_file()
    assert sorted(p.name for p in bundle.iterdir()) == sorted(
        ["_internal", f"posko-desk{EXE}", f"posko{EXE}"])


def test_data_is_inside_the_package_folders(bundle: Path) -> None:
    internal = bundle / "_internal"
    resources = internal / "posko" / "resources"
    for name in ("catalogues/categories.json", "fonts/DejaVuSans.ttf",
                 "fonts/DejaVuSans-Bold.ttf", "translations/posko_en.qm", "sla.toml"):
        assert (resources / name).is_file(), name
    assert not list(resources.rglob("*.ts"))
    migrations = internal / "posko" / "store" / "migrations"
    assert (migrations / "env.py").is_file()
    assert (migrations / "script.py.mako").is_file()
    shipped = {p.name for p in (migrations / "versions").glob("0*.py")}
    in_tree = {p.name for p in (ROOT / "src/posko/store/migrations/versions").glob("0*.py")}
    assert shipped == in_tree
    assert list((internal / "holidays" / "locale" / "id").rglob("*.mo"))
    assert list((internal / "lokal").rglob("*"))


def test_every_desk_module_is_inside(bundle: Path) -> None:
    """Also those imported by name only (the main window's optional screens)."""
    src = ROOT / "src"
    expected = {
        ".".join(path.with_suffix("").relative_to(src).parts).removesuffix(".__init__")
        for path in (src / "posko").rglob("*.py")
    }
    expected = {name for name in expected if not name.startswith("posko.store.migrations")}
    for program in (f"posko-desk{EXE}", f"posko{EXE}"):
        missing = expected - _archive_modules(bundle / program)
        assert not missing, (program, sorted(missing))


def test_unused_qt_parts_are_left_out(bundle: Path) -> None:
    internal = bundle / "_internal"
    qt = internal / "PySide6"
    plugins = {p.relative_to(qt).as_posix() for p in qt.rglob("plugins/*/*")}
    plugin_names = {Path(p).name for p in plugins}
    assert any("qoffscreen" in name for name in plugin_names), plugins
    assert any("printsupport/" in p for p in plugins), plugins
    if not WINDOWS:
        assert any("qxcb" in name for name in plugin_names), plugins
    for unused in ("qgtk3", "qsvg", "qtiff", "qwebp", "qvnc", "qeglfs"):
        assert not any(unused in name for name in plugin_names), unused
    files = {p.name for p in internal.rglob("*")}
    for unused in ("Qt6Network", "Qt6Qml", "Qt6Quick", "Qt6WebEngine", "Qt6Pdf", "Qt6Sql"):
        assert not any(unused in name for name in files), unused
    assert not list(qt.rglob("translations/*.qm"))  # Qt's own translations
    bindings = {p.name.split(".")[0] for p in qt.glob("Qt*.*") if p.is_file()}
    assert {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport"} <= bindings
    assert not bindings & {"QtNetwork", "QtQml", "QtQuick", "QtSvg", "QtSql", "QtDBus"}
    modules = _archive_modules(bundle / f"posko-desk{EXE}")
    assert "posko.ui.main_window" in modules
    for unused in ("phonenumbers.geodata", "posko_central", "fastapi", "pytest", "tkinter"):
        assert not any(m == unused or m.startswith(unused + ".") for m in modules), unused


def test_real_keyring_backends_are_bundled_and_the_file_one_is_never_discovered(
        bundle: Path) -> None:
    for program in (f"posko-desk{EXE}", f"posko{EXE}"):
        modules = _archive_modules(bundle / program)
        assert "keyring.backends.SecretService" in modules
        assert "keyring.backends.Windows" in modules
        if WINDOWS:
            assert "win32ctypes.core" in modules
        else:
            assert {"secretstorage", "jeepney"} <= modules
        assert "keyrings.alt.file" in modules  # only for `--demo` and this smoke test
    internal = bundle / "_internal"
    # keyring's entry points name its backends; keyrings.alt's must not be there, or keyring's
    # discovery would fall back to the plaintext file on a PC without a Secret Service.
    assert list(internal.glob("keyring-*.dist-info/entry_points.txt"))
    assert not list(internal.glob("keyrings.alt-*.dist-info"))
    assert not list(internal.glob("keyrings_alt-*.dist-info"))


def test_size_stays_within_budget(bundle: Path) -> None:
    size_mb = build_installer.folder_size(bundle) / 1e6
    print(f"bundle size: {size_mb:.1f} MB")
    assert size_mb < SIZE_BUDGET_MB


def test_bundled_programs_work_on_a_first_day(bundle: Path, tmp_path: Path) -> None:
    """CLI: init, demo-data --tickets 100, search, print-receipt to a PDF, check; the window
    starts (offscreen without a display), signs in, shows its main window, exits cleanly; and
    without a keyring the CLI refuses instead of keeping keys in a plain file."""
    result = build_installer.smoke_test(bundle, home=tmp_path)
    assert result.receipt is not None
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(result.receipt).pages)
    assert result.tracking_code in text
    if not WINDOWS:
        assert "init without keyring" in result.timings
    assert "posko-desk" in result.timings
