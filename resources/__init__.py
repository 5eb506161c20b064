"""Data files shipped with Posko (catalogues, fonts, translations), read via importlib.resources."""
