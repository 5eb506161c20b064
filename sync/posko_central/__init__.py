"""posko-central: the reference city complaint server that Posko desks sync with.

The HTTP contract lives in ``sync/openapi.yaml`` (generated from this package with
``posko-central openapi`` and checked by the test suite). Rules about tickets, statuses,
tracking codes, NIKs and phone numbers come from :mod:`posko.domain`; this package adds the
server's storage, tenancy, the change feed and the Open311 GeoReport v2 facade.
"""

__version__ = "0.1.0"
