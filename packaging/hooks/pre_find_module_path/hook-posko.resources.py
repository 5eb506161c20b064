# `posko.resources` is the top-level resources/ folder, mapped into the package by pyproject
# (package-dir). In an editable install only the import system knows that mapping, so tell
# PyInstaller's module finder where the package is: it looks for "resources" in the checkout.
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[3]


def pre_find_module_path(api):
    if (CHECKOUT / "resources" / "__init__.py").is_file():
        api.search_dirs = [str(CHECKOUT)]
