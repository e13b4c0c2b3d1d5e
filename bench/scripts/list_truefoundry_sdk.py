"""What a user of truefoundry-sdk writes to list every model: ``python bench/scripts/list_truefoundry_sdk.py BASE_URL``.

The key from ``TFY_API_KEY``, the SDK's pager with its defaults, one id a line.
"""

import sys

from truefoundry_sdk import TrueFoundry

client = TrueFoundry(base_url=sys.argv[1])
for model in client.models.list():
    print(model.id)
