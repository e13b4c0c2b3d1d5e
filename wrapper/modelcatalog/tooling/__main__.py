"""``python -m modelcatalog.tooling``: the regenerate and drift jobs."""

import sys

from modelcatalog.tooling.pipeline import main

sys.exit(main())
