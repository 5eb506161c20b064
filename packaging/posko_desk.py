"""PyInstaller entry script for `posko-desk` (the desk window); see packaging/posko.spec."""

import sys

from posko.app import main

if __name__ == "__main__":
    sys.exit(main())
