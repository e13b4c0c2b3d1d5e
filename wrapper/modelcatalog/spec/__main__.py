"""``python -m modelcatalog.spec``: the regenerate and drift jobs."""

import sys

from modelcatalog.spec.pipeline import main

sys.exit(main())
