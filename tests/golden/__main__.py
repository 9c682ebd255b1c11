"""``python -m tests.golden update|check``: see tests/golden/__init__.py."""

import sys

from tests.golden import main

sys.exit(main(sys.argv[1:]))
