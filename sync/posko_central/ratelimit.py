"""Brute-force brakes: a small in-memory sliding window of *failed* attempts.

Used for enrolment codes (``POST /v1/enrolments``): a code has about 59 bits and expires in
24 hours, so guessing is hopeless already; the brake makes it hopeless *and* visible, and
keeps a script from filling the audit log. Failures are counted per client address and for
the whole server; while either window is full, every enrolment attempt (right code or not)
is answered 429 with ``Retry-After`` before the code is even looked at, so a blocked client
learns nothing. Successful enrolments are not counted.

Device tokens (Bearer / Open311 ``api_key``) are not braked: they carry 256 random bits, so
a limit would protect nothing, while one misconfigured desk behind an office NAT could lock
out its neighbours.

The windows live in the process: with ``serve --workers N`` each worker keeps its own, so
the effective limits are N times higher. Behind a reverse proxy, run uvicorn with its
proxy headers trusted so that the client address is the citizen's, not the proxy's (the
global window applies either way).
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass

from posko_central.errors import ApiError

Clock = Callable[[], float]

# Defaults: 10 failed codes per address and 100 for the whole server per 15 minutes.
PER_ADDRESS = 10
GLOBAL = 100
WINDOW_SECONDS = 15 * 60
MAX_ADDRESSES = 10_000  # memory bound: the least recently failing addresses are forgotten


class SlidingWindow:
    """At most `limit` events per `window` seconds for each key (thread-safe, bounded)."""

    def __init__(self, limit: int, window: float, *, clock: Clock = time.monotonic,
                 max_keys: int = MAX_ADDRESSES) -> None:
        if limit < 1 or window <= 0 or max_keys < 1:
            raise ValueError("limit, window and max_keys must be positive")
        self.limit = limit
        self.window = window
        self.clock = clock
        self.max_keys = max_keys
        self._events: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def _fresh(self, key: str, now: float) -> deque[float] | None:
        events = self._events.get(key)
        if events is None:
            return None
        while events and events[0] <= now - self.window:
            events.popleft()
        if not events:
            del self._events[key]
            return None
        return events

    def retry_after(self, key: str) -> float | None:
        """Seconds until `key` may try again, or None when it may try now."""
        with self._lock:
            now = self.clock()
            events = self._fresh(key, now)
            if events is None or len(events) < self.limit:
                return None
            return max(events[0] + self.window - now, 0.001)

    def hit(self, key: str) -> None:
        with self._lock:
            now = self.clock()
            events = self._fresh(key, now)
            if events is None:
                events = self._events[key] = deque(maxlen=self.limit)
                while len(self._events) > self.max_keys:
                    self._events.popitem(last=False)
            else:
                self._events.move_to_end(key)
            events.append(now)

    def __len__(self) -> int:
        return len(self._events)


@dataclass
class AttemptLimiter:
    """Failed attempts per client address and for the whole server."""

    per_address: SlidingWindow
    overall: SlidingWindow

    @classmethod
    def create(cls, per_address: int = PER_ADDRESS, overall: int = GLOBAL,
               window: float = WINDOW_SECONDS, clock: Clock = time.monotonic) -> AttemptLimiter:
        return cls(SlidingWindow(per_address, window, clock=clock),
                   SlidingWindow(overall, window, clock=clock, max_keys=1))

    def set_clock(self, clock: Clock) -> None:
        self.per_address.clock = clock
        self.overall.clock = clock

    def check(self, address: str) -> None:
        """Raise 429 (with Retry-After) while the address or the server is over its limit."""
        waits = [w for w in (self.per_address.retry_after(address),
                             self.overall.retry_after("*")) if w is not None]
        if waits:
            seconds = math.ceil(max(waits))
            raise ApiError(
                429, "too_many_attempts",
                f"Terlalu banyak kode pendaftaran yang salah. Coba lagi dalam {seconds} detik.",
                f"Too many wrong enrolment codes. Try again in {seconds} seconds.",
                field="code", headers={"Retry-After": str(seconds)})

    def failed(self, address: str) -> None:
        self.per_address.hit(address)
        self.overall.hit("*")
