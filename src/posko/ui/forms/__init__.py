"""Python modules generated from forms/*.ui by `python scripts/build_forms.py` (pyside6-uic).

Do not edit by hand; edit the .ui file in Qt Designer and rebuild. A test fails when a
generated module is older than its .ui file.
"""
