"""Entry point for ``python -m geo``."""

import sys

from geo.cli.utama import main

sys.exit(main())
