"""`python -m dev.demo`: see `dev/demo/__init__.py`."""

import sys

from dev.demo import main

sys.exit(main())
