# Replaces the pyinstaller-hooks-contrib hook for phonenumbers (hooks in packaging/hooks take
# priority): Posko parses and formats numbers only, so the geocoder, carrier and time-zone data
# (~40 MB of modules) stay out. Region metadata is imported lazily by name, hence the list.
import os

from PyInstaller.utils.hooks import collect_submodules

UNUSED = ("phonenumbers.geocoder", "phonenumbers.geodata", "phonenumbers.carrier",
          "phonenumbers.carrierdata", "phonenumbers.timezone", "phonenumbers.tzdata")

if os.environ.get("POSKO_BUNDLE_NO_TRIM") == "1":
    hiddenimports = collect_submodules("phonenumbers")
else:
    hiddenimports = collect_submodules("phonenumbers",
                                       filter=lambda name: not name.startswith(UNUSED))
