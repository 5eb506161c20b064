"""Reliability and security harness (issue 8): the real reference server and desk stores.

The `central` fixture and the other-device helpers are shared with tests/sync_client.
"""

from __future__ import annotations

from tests.sync_client.conftest import (  # noqa: F401  (fixtures re-exported for this folder)
    Central,
    Device,
    central,
    engine_factory,
    enrol_device,
    enrolled,
)
