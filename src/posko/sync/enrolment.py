"""Enrolment: exchange a one-time code for a device token kept only in the keyring.

The exchange is safely repeatable. The desk makes a random nonce for each enrolment (kept
in the keyring beside the token, bound to this server and code, never in a file) and sends
it with the code; when the answer is lost (the network drops it after the server used the
code, a 5xx, a cut-off answer) the desk sends the same code with the same nonce again, a
few times with backoff, and the server answers like the first time with a fresh token. A
later `enrol` with the same URL and code (the officer tries again once the network is back)
reuses the kept nonce; it is deleted once the server has answered for good.
"""

from __future__ import annotations

import hashlib
import logging
import random
import re
import secrets as random_secrets
import time
from collections.abc import Callable
from datetime import UTC, datetime

from posko.secrets import Secrets
from posko.store.database import Store, audit, set_meta
from posko.store.desk import desk_identity
from posko.sync.client import (
    BadAnswer,
    Enrolment,
    NotEnrolled,
    Offline,
    RequestRefused,
    ServerBusy,
    SyncClient,
    SyncError,
)

log = logging.getLogger("posko.sync")

META_SERVER_URL = "sync.server_url"
META_DEVICE_ID = "sync.device_id"
META_DEVICE_NAME = "sync.device_name"


class EnrolmentMismatch(SyncError):
    code = "enrolment_mismatch"


# The exchange is tried this many times while the network or the server fails, with capped
# exponential backoff (equal jitter), at most ENROL_MAX_WAIT seconds of waiting in all, and
# no new attempt once ENROL_BUDGET seconds have passed (each request has its own timeouts).
ENROL_ATTEMPTS = 5
ENROL_BACKOFF = 1.0
ENROL_BACKOFF_CAP = 8.0
ENROL_MAX_WAIT = 30.0
ENROL_BUDGET = 120.0


def token_name(installation_id: str) -> str:
    return f"device-token/{installation_id}"


def nonce_name(installation_id: str) -> str:
    return f"enrolment-nonce/{installation_id}"


def _binding(url: str, code: str) -> str:
    """Which server and code a kept nonce belongs to (a hash: the code is a secret)."""
    normalised = re.sub(r"[\s\-]", "", code).upper()
    return hashlib.sha256(f"{url.rstrip('/')}\n{normalised}".encode()).hexdigest()[:32]


def _nonce_for(secrets: Secrets, name: str, binding: str) -> str:
    """The kept nonce of this server and code, or a new one (kept before it is sent)."""
    kept = secrets.get(name) or ""
    kept_binding, _, kept_nonce = kept.partition(":")
    if kept_binding == binding and kept_nonce:
        return kept_nonce
    nonce = random_secrets.token_urlsafe(32)
    secrets.set(name, f"{binding}:{nonce}")
    return nonce


def _exchange(http: SyncClient, code: str, nonce: str, *, attempts: int,
              sleep: Callable[[float], None], rng: random.Random) -> Enrolment:
    """POST /v1/enrolments, repeated with the same code and nonce while the answer is lost
    (unreachable, cut off, unreadable, 5xx). A refusal (4xx) and 429 are not retried: the
    brake's Retry-After is minutes, and a refusal will not change (except a 422 for the
    nonce from a server that does not know it: then once more without)."""
    waited = 0.0
    started = time.monotonic()
    sent_nonce: str | None = nonce
    for attempt in range(1, max(1, attempts) + 1):
        try:
            return http.enrol(code, nonce=sent_nonce)
        except RequestRefused as exc:
            if exc.status != 422 or sent_nonce is None or attempt >= attempts:
                raise
            # A server of the contract before the nonce refuses the unknown field: enrol
            # the old way (the answer of this request cannot be lost and then repeated).
            log.info("enrol: the server takes no nonce; enrolling without one")
            sent_nonce = None
        except (Offline, ServerBusy) as exc:
            if (isinstance(exc, ServerBusy) and not isinstance(exc, BadAnswer)
                    and exc.status < 500) or attempt >= attempts:
                raise
            ceiling = min(ENROL_BACKOFF_CAP, ENROL_BACKOFF * 2.0 ** (attempt - 1))
            delay = ceiling / 2 + rng.uniform(0, ceiling / 2)
            if isinstance(exc, ServerBusy) and exc.retry_after is not None:
                delay = max(delay, exc.retry_after)
            if (waited + delay > ENROL_MAX_WAIT
                    or time.monotonic() - started + delay > ENROL_BUDGET):
                raise
            waited += delay
            log.info("enrol: %s, retry %d in %.1f s", exc.code, attempt, delay)
            sleep(delay)
    raise AssertionError("unreachable")  # the loop returns or raises


def load_token(store: Store, secrets: Secrets) -> str:
    """The device token from the keyring (SecretsUnavailable without one; NotEnrolled)."""
    identity = desk_identity(store)
    token = secrets.get(token_name(identity.installation_id))
    if not token or store.get_meta(META_SERVER_URL) is None:
        raise NotEnrolled()
    return token


def enrolled_server_url(store: Store) -> str | None:
    """The city server this desk is enrolled with, or None (the desk works offline)."""
    return store.get_meta(META_SERVER_URL)


def server_url(store: Store) -> str:
    url = store.get_meta(META_SERVER_URL)
    if not url:
        raise NotEnrolled()
    return url


def enrol(store: Store, secrets: Secrets, url: str, code: str, *,
          client: SyncClient | None = None, officer: str = "system",
          attempts: int = ENROL_ATTEMPTS, sleep: Callable[[float], None] = time.sleep,
          rng: random.Random | None = None) -> Enrolment:
    """POST /v1/enrolments; the token goes to the keyring, URL and device id to meta.

    The keyring is checked *before* the code is spent: without a keyring backend this raises
    SecretsUnavailable (with how to install one) and the one-time code stays valid.
    A lost answer is retried with the same nonce (see the module text); when every attempt
    fails, Offline or ServerBusy is raised and the nonce stays for the next `enrol`.
    The device must belong to this desk's kecamatan and desk number (tracking codes carry
    both), else EnrolmentMismatch and nothing is stored.
    """
    identity = desk_identity(store)
    name = token_name(identity.installation_id)
    secrets.get(name)  # raises SecretsUnavailable when there is no usable keyring
    pending = nonce_name(identity.installation_id)
    code = code.strip()
    nonce = _nonce_for(secrets, pending, _binding(url, code))
    own_client = client is None
    http = client or SyncClient(url)
    try:
        result = _exchange(http, code, nonce, attempts=attempts, sleep=sleep,
                           rng=rng or random.Random())
    except (Offline, ServerBusy):
        raise  # the nonce stays: an earlier attempt may have used the code (even before a 429)
    except SyncError:
        secrets.delete(pending)  # refused for good: the nonce is of no further use
        raise
    finally:
        if own_client:
            http.close()
    secrets.delete(pending)  # answered: a later enrolment starts afresh
    if result.kecamatan_code != identity.kecamatan_code:
        raise EnrolmentMismatch(
            f"Kode ini untuk kecamatan {result.kecamatan_code}, sedangkan meja ini untuk "
            f"{identity.kecamatan_code}. Minta kode untuk kecamatan yang benar.",
            f"This code is for kecamatan {result.kecamatan_code} but this desk is set up for "
            f"{identity.kecamatan_code}. Ask for a code for the right kecamatan.")
    if result.desk_number != identity.desk_number:
        raise EnrolmentMismatch(
            f"Server memberi nomor meja {result.desk_number}, sedangkan meja ini bernomor "
            f"{identity.desk_number}. Minta admin mendaftarkan perangkat dengan nomor meja "
            f"{identity.desk_number}.",
            f"The server assigned desk number {result.desk_number} but this desk is number "
            f"{identity.desk_number}. Ask the administrator to register the device with desk "
            f"number {identity.desk_number}.")
    secrets.set(name, result.token)
    with store.unit_of_work() as session:
        set_meta(session, META_SERVER_URL, url.rstrip("/"))
        set_meta(session, META_DEVICE_ID, result.device_id)
        set_meta(session, META_DEVICE_NAME, result.device_name)
        audit(session, officer=officer, action="desk.enrol", entity="desk",
              detail=f"device={result.device_id}", at=datetime.now(UTC))
    return result


def forget_enrolment(store: Store, secrets: Secrets) -> None:
    """Remove the token from the keyring (e.g. after Revoked, before a new enrolment)."""
    installation = desk_identity(store).installation_id
    secrets.delete(token_name(installation))
    secrets.delete(nonce_name(installation))
