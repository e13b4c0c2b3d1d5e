"""What a user of scenario-sdk writes to list every model: ``python bench/scripts/list_scenario_sdk.py BASE_URL``.

Credentials from ``SCENARIO_SDK_API_KEY`` / ``SCENARIO_SDK_API_SECRET``, the SDK's defaults
(100 a page), one id a line.
"""

import sys

from scenario_sdk import Scenario

client = Scenario(base_url=sys.argv[1] + "/v1")
for model in client.models.list():
    print(model.id)
client.close()
