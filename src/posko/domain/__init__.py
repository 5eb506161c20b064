"""Pure-Python domain rules of Posko. Imports neither Qt nor SQLAlchemy."""
