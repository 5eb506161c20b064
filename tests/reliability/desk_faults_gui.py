"""`posko-desk` in a real child process whose message boxes answer themselves.

Run as `python tests/reliability/desk_faults_gui.py ANSWER -- <posko-desk arguments>`:
every QMessageBox.question is answered ANSWER ("yes" or "no"), and every box's kind and
text is printed to stdout as one JSON line, so the test sees exactly what the officer saw.
The rest is the real entry point, `posko.app.main`, on Qt's offscreen platform.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def main() -> int:
    answer, separator, *desk_args = sys.argv[1:]
    assert separator == "--"
    from PySide6.QtWidgets import QMessageBox

    def recorder(kind: str) -> Any:
        def shown(_parent: object, _title: str, text: str, *_args: object,
                  **_kwargs: object) -> QMessageBox.StandardButton:
            print(json.dumps({"box": kind, "text": text}), flush=True)
            if kind == "question":
                return (QMessageBox.StandardButton.Yes if answer == "yes"
                        else QMessageBox.StandardButton.No)
            return QMessageBox.StandardButton.Ok

        return staticmethod(shown)

    for kind in ("question", "information", "warning", "critical"):
        setattr(QMessageBox, kind, recorder(kind))
    from posko import app

    return app.main(desk_args)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    sys.exit(main())
