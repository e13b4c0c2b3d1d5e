"""``python -m modelcatalog.tooling``: the generate, drift and upstream jobs."""

import sys

from modelcatalog.tooling.command import main

sys.exit(main())
