"""One error shape for every 4xx (and the rare 5xx): ``{code, message_id, message_en, field,
errors}``. Open311 paths answer in the GeoReport v2 array format instead.

Messages never echo what the client sent (it could be a NIK, a name or a phone number):
they say what is wrong and where.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from posko.domain.errors import PoskoError

log = logging.getLogger("posko_central.errors")

OPEN311_PREFIX = "/open311/"


class ApiError(PoskoError):
    """An answer other than success, with its HTTP status."""

    def __init__(self, status: int, code: str, message_id: str, message_en: str, *,
                 field: str | None = None, headers: Mapping[str, str] | None = None,
                 errors: Sequence[dict[str, Any]] = ()) -> None:
        super().__init__(message_id, message_en, code=code, field=field)
        self.status = status
        self.headers = dict(headers or {})
        self.errors = list(errors)


def error_body(code: str, message_id: str, message_en: str, field: str | None = None,
               errors: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    return {"code": code, "message_id": message_id, "message_en": message_en, "field": field,
            "errors": list(errors)}


def json_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def error_response(request_path: str, status: int, body: dict[str, Any],
                   headers: Mapping[str, str] | None = None) -> Response:
    if request_path.startswith(OPEN311_PREFIX):
        # GeoReport v2: an array of {code, description}; code is the HTTP status.
        content: Any = [{"code": status, "description": body["message_en"]}]
    else:
        content = body
    return Response(json_bytes(content), status_code=status, headers=dict(headers or {}),
                    media_type="application/json")


def not_found(what_id: str = "Tiket", what_en: str = "Ticket") -> ApiError:
    return ApiError(404, "not_found", f"{what_id} tidak ditemukan.", f"{what_en} not found.")


# ------------------------------------------------------------------------------ 422

_MESSAGES_ID = {
    "missing": "Wajib diisi.",
    "extra_forbidden": "Kolom ini tidak dikenal.",
    "string_too_long": "Teks terlalu panjang.",
    "string_too_short": "Teks terlalu pendek atau kosong.",
    "string_pattern_mismatch": "Bentuknya tidak sesuai (karakter kontrol atau format salah).",
    "string_type": "Harus berupa teks.",
    "string_unicode": "Teks mengandung karakter yang tidak sah.",
    "int_type": "Harus berupa bilangan bulat.",
    "int_parsing": "Harus berupa bilangan bulat.",
    "float_type": "Harus berupa angka.",
    "float_parsing": "Harus berupa angka.",
    "finite_number": "Harus berupa angka terhingga.",
    "bool_type": "Harus true atau false.",
    "bool_parsing": "Harus true atau false.",
    "uuid_type": "Harus berupa UUID.",
    "uuid_parsing": "Harus berupa UUID.",
    "datetime_type": "Harus berupa tanggal dan waktu ISO 8601.",
    "datetime_parsing": "Harus berupa tanggal dan waktu ISO 8601.",
    "datetime_from_date_parsing": "Harus berupa tanggal dan waktu ISO 8601.",
    "timezone_aware": "Tanggal dan waktu harus menyebut zona waktu.",
    "date_type": "Harus berupa tanggal ISO 8601.",
    "date_parsing": "Harus berupa tanggal ISO 8601.",
    "date_from_datetime_parsing": "Harus berupa tanggal ISO 8601.",
    "enum": "Nilainya tidak termasuk pilihan yang sah.",
    "literal_error": "Nilainya tidak termasuk pilihan yang sah.",
    "union_tag_invalid": "Jenis perubahan tidak dikenal.",
    "union_tag_not_found": "Jenis perubahan (kind) wajib diisi.",
    "model_type": "Harus berupa objek JSON.",
    "model_attributes_type": "Harus berupa objek JSON.",
    "dict_type": "Harus berupa objek JSON.",
    "list_type": "Harus berupa daftar (array) JSON.",
    "too_short": "Daftar terlalu pendek atau kosong.",
    "too_long": "Daftar terlalu panjang.",
    "greater_than_equal": "Nilainya terlalu kecil.",
    "less_than_equal": "Nilainya terlalu besar.",
    "value_error": "Nilainya tidak sah.",
    "json_invalid": "Badan permintaan bukan JSON yang sah.",
}

_ENGLISH_FALLBACK = "The value is not valid."


def _field_name(loc: Sequence[Any]) -> str | None:
    parts: list[str] = []
    for index, item in enumerate(loc):
        if index == 0 and item in ("body", "query", "path", "header", "cookie"):
            continue
        if isinstance(item, int):
            parts.append(f"[{item}]")
        elif isinstance(item, str) and "." in item and index > 0 and isinstance(
                loc[index - 1], int):
            continue  # a discriminated-union tag such as "ticket.created"
        elif isinstance(item, str) and item.startswith(("function-", "function_")):
            continue
        else:
            parts.append(("." if parts else "") + str(item))
    name = "".join(parts)
    if loc and loc[0] == "header":
        name = {"idempotency-key": "Idempotency-Key"}.get(name.lower(), name)
    return name or None


def _safe_message_en(error: Mapping[str, Any]) -> str:
    # pydantic's English messages describe the rule, not the input; value_error messages
    # come from our own validators. Both are safe to show. Anything else: a fixed text.
    message = error.get("msg")
    return message if isinstance(message, str) and len(message) < 300 else _ENGLISH_FALLBACK


def validation_errors(raw: Sequence[Any]) -> list[dict[str, Any]]:
    result = []
    for error in raw:
        if not isinstance(error, Mapping):
            continue
        kind = str(error.get("type", "value_error"))
        result.append({
            "code": kind,
            "message_id": _MESSAGES_ID.get(kind, "Nilainya tidak sah."),
            "message_en": _safe_message_en(error),
            "field": _field_name(error.get("loc", ())),
        })
    return result


# ------------------------------------------------------------------------------ handlers


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(request.url.path, exc.status,
                          error_body(exc.code, exc.message_id, exc.message_en, exc.field,
                                     exc.errors), exc.headers)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    fields = validation_errors(exc.errors())
    if any(f["code"] == "json_invalid" for f in fields):
        return error_response(request.url.path, 400, error_body(
            "malformed_json", "Badan permintaan bukan JSON yang sah.",
            "The request body is not valid JSON."))
    first = fields[0]["field"] if fields else None
    return error_response(request.url.path, 422, error_body(
        "invalid_request", "Data permintaan tidak sah; lihat daftar kesalahan.",
        "The request data is not valid; see the list of errors.", first, fields))


_HTTP_TEXTS = {
    # FastAPI's answer when the JSON body cannot be decoded at all: bytes that are not UTF-8,
    # or nesting deeper than the parser's recursion limit (RecursionError).
    400: ("malformed_body", "Badan permintaan tidak dapat dibaca (bukan UTF-8, bukan JSON, "
          "atau terlalu dalam bersarang).", "The request body cannot be read (not UTF-8, not "
          "JSON, or nested too deeply)."),
    404: ("not_found", "Alamat ini tidak ada.", "There is nothing at this address."),
    405: ("method_not_allowed", "Metode HTTP ini tidak didukung di alamat ini.",
          "This HTTP method is not supported at this address."),
    413: ("payload_too_large", "Badan permintaan terlalu besar.",
          "The request body is too large."),
    415: ("unsupported_media_type", "Jenis isi permintaan tidak didukung.",
          "The request content type is not supported."),
}


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    code, message_id, message_en = _HTTP_TEXTS.get(
        exc.status_code, ("http_error", "Permintaan tidak dapat diproses.",
                          "The request cannot be processed."))
    status = exc.status_code if 400 <= exc.status_code < 600 else 400
    return error_response(request.url.path, status, error_body(code, message_id, message_en),
                          exc.headers)


async def _unexpected(request: Request, exc: Exception) -> Response:
    # A bug, not the client's fault. The traceback is logged (SQL parameters are hidden by
    # the engine; exception messages from posko.domain never contain personal data).
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    return error_response(request.url.path, 500, error_body(
        "internal_error", "Terjadi kesalahan di server; sudah dicatat.",
        "Something went wrong on the server; it has been logged."))


def install(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
