"""posko-central: the reference city complaint server that Posko desks sync with."""
