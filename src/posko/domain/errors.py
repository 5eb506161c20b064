"""Domain errors carry a stable code and a message in Bahasa Indonesia and English.

Messages must never contain personal data (NIK, phone, name): they end up in logs and
crash reports. Say what is wrong with the input, not what the input was.
"""

from __future__ import annotations


class PoskoError(Exception):
    """Base of every error Posko shows to a person: a code plus Bahasa and English text."""

    code: str = "posko_error"

    def __init__(self, message_id: str, message_en: str, *, code: str | None = None,
                 field: str | None = None) -> None:
        self.message_id = message_id
        self.message_en = message_en
        self.field = field
        if code is not None:
            self.code = code
        super().__init__(f"{message_id} / {message_en}")

    def message(self, language: str = "id") -> str:
        """The message in one language ("id" or "en")."""
        return self.message_en if language == "en" else self.message_id


class DomainError(PoskoError, ValueError):
    """A rule of the domain was broken by the caller's input."""

    code = "domain_error"


class InvalidTransition(DomainError):
    code = "invalid_transition"


class InvalidTrackingCode(DomainError):
    code = "invalid_tracking_code"


class InvalidNik(DomainError):
    code = "invalid_nik"


class InvalidPhone(DomainError):
    code = "invalid_phone"


class InvalidLocation(DomainError):
    code = "invalid_location"


class InvalidTicket(DomainError):
    code = "invalid_ticket"
