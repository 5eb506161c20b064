"""One registry of desk settings over QSettings. Secrets never go here (see posko.secrets)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QSettings

T = TypeVar("T", str, int, float, bool)


@dataclass(frozen=True, slots=True)
class Setting(Generic[T]):
    key: str
    default: T
    choices: tuple[T, ...] = ()


LANGUAGE = Setting("ui/language", "id", ("id", "en"))
FONT_SCALE = Setting("ui/font_scale_percent", 100)
ASSISTED_FONT_PT = Setting("assisted/font_pt", 22)
PAPER_SIZE = Setting("printing/paper", "58mm", ("58mm", "80mm", "a5", "a4"))
PRINTER_NAME = Setting("printing/printer", "")
SERVER_URL = Setting("sync/server_url", "http://127.0.0.1:8765")
AUTOSAVE_SECONDS = Setting("intake/autosave_seconds", 5)
LAST_OFFICER = Setting("session/last_officer", "")
# An extra lookup source: a GeoReport v2 base URL ("" = none). Its api key is a secret and
# lives in the keyring only (OPEN311_API_KEY_SECRET), never here.
OPEN311_URL = Setting("open311/url", "")
OPEN311_JURISDICTION = Setting("open311/jurisdiction_id", "")
OPEN311_API_KEY_SECRET = "open311-api-key"

ALL_SETTINGS: tuple[Setting[str] | Setting[int] | Setting[float] | Setting[bool], ...] = (
    LANGUAGE, FONT_SCALE, ASSISTED_FONT_PT, PAPER_SIZE, PRINTER_NAME, SERVER_URL,
    AUTOSAVE_SECONDS, LAST_OFFICER, OPEN311_URL, OPEN311_JURISDICTION,
)


class Settings:
    """Typed access; a stored value of the wrong type or outside its choices reads as default."""

    def __init__(self, backend: QSettings | None = None) -> None:
        self._backend = backend if backend is not None else QSettings("Posko", "Posko")

    def get(self, setting: Setting[T]) -> T:
        raw = self._backend.value(setting.key, setting.default)
        kind = type(setting.default)
        try:
            if kind is bool:
                value = raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true", "yes")
            else:
                value = kind(raw)
        except (TypeError, ValueError):
            return setting.default
        if setting.choices and value not in setting.choices:
            return setting.default
        return value  # type: ignore[return-value]

    def set(self, setting: Setting[T], value: T) -> None:
        if setting.choices and value not in setting.choices:
            raise ValueError(f"{setting.key}: {value!r} is not one of {setting.choices}")
        self._backend.setValue(setting.key, value)
        self._backend.sync()
