"""PyInstaller entry script for `posko` (the command line); see packaging/posko.spec."""

import sys

from posko.cli import main

if __name__ == "__main__":
    sys.exit(main())
