"""Hypothesis settings for the property tests: the same examples on every run, no deadline.

``modelcatalog`` (the default) derandomizes, so CI and a developer see the same
examples and a failure reproduces from the test name alone; it keeps no example
database (nothing written into the tree). ``HYPOTHESIS_PROFILE=explore`` draws fresh
random examples instead, for hunting new failures locally; a failure it finds prints
the ``@reproduce_failure`` line to pin it.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,  # 1 MB strings and 10,000-deep nesting take longer than the default 200 ms
    "database": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    "print_blob": True,
}
settings.register_profile("modelcatalog", derandomize=True, **_COMMON)
settings.register_profile("explore", derandomize=False, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "modelcatalog"))
