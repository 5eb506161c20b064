"""The package is what pyproject says it is, and the core never pulls in Qt."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed_in_pyproject() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "packages"])
    on_disk = {
        ".".join(init.parent.relative_to(base).parts)
        for base, top in ((ROOT / "src", "posko"), (ROOT / "sync", "posko_central"))
        for init in (base / top).rglob("__init__.py")
    } | {"posko.resources"}
    assert on_disk == listed


def test_resources_are_reachable_through_importlib() -> None:
    catalogue = files("posko.resources") / "catalogues" / "categories.json"
    assert catalogue.is_file()


def test_core_imports_no_qt() -> None:
    code = (
        "import sys\n"
        "import posko.domain.models, posko.domain.status, posko.domain.tracking\n"
        "import posko.domain.nik, posko.domain.phone, posko.domain.sla, posko.domain.duplicates\n"
        "import posko.store.database, posko.store.tickets, posko.store.search\n"
        "import posko.cli, posko.catalogues, posko.demo_data\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_domain_imports_no_sqlalchemy() -> None:
    code = (
        "import sys, pkgutil, importlib, posko.domain\n"
        "for m in pkgutil.iter_modules(posko.domain.__path__):\n"
        "    importlib.import_module('posko.domain.' + m.name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'PySide6')))\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
