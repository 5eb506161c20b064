"""Language switching through Qt's translation system.

Bahasa Indonesia is the source language written in the code and the .ui files; English comes
from resources/translations/posko_en.qm (built from posko_en.ts by scripts/build_forms.py).
"""

from __future__ import annotations

from importlib.resources import as_file, files

from PySide6.QtCore import QCoreApplication, QTranslator

SUPPORTED = ("id", "en")
_state: dict[str, object] = {"language": "id", "translator": None}


def current_language() -> str:
    return str(_state["language"])


def set_language(language: str) -> bool:
    """Install the translator for `language` (removing the previous one). False if missing."""
    app = QCoreApplication.instance()
    if app is None or language not in SUPPORTED:
        return False
    previous = _state["translator"]
    if isinstance(previous, QTranslator):
        app.removeTranslator(previous)
        _state["translator"] = None
    _state["language"] = "id"
    if language == "id":
        return True
    resource = files("posko.resources") / "translations" / f"posko_{language}.qm"
    translator = QTranslator(app)
    with as_file(resource) as path:
        if not translator.load(str(path)):
            return False
    app.installTranslator(translator)
    _state["translator"] = translator
    _state["language"] = language
    return True


def fill(template: str, *values: object) -> str:
    """Qt-style placeholders for translated text: fill("Nomor %1 dari %2", 3, 9)."""
    text = template
    for position in range(len(values), 0, -1):  # %10 before %1
        text = text.replace(f"%{position}", str(values[position - 1]))
    return text
