"""A virtual environment with a small `open_webui` app standing in for the installed package."""

from __future__ import annotations

import venv
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

APP = """\
import json, os, sys
print("INFO  [alembic.runtime.migration] Running upgrade -> 7e5b5dc7342b")  # what the real one prints on import
if os.environ.get("PYTHONHASHSEED") != "0":
    raise RuntimeError("PYTHONHASHSEED must be 0: the real document lists a set of methods in set order")
if not os.environ["DATA_DIR"].startswith(os.environ["STATIC_DIR"].rsplit("/", 1)[0]):
    raise RuntimeError("DATA_DIR must be a scratch directory")
class _App:
    def openapi(self):
        with open(os.environ["ACME_DOCUMENT"], encoding="utf-8") as handle:
            return json.load(handle)
app = _App()
"""


def make_environment(root: Path, version: str, app: str = APP) -> Path:
    """A real virtual environment with `open_webui` ``version`` installed: an app that describes itself."""
    venv.EnvBuilder(with_pip=False, symlinks=True).create(root)
    (site,) = root.glob("lib/python*/site-packages")
    (site / "open_webui").mkdir()
    (site / "open_webui" / "__init__.py").write_text("")
    (site / "open_webui" / "main.py").write_text(app)
    info = site / f"open_webui-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: open-webui\nVersion: {version}\n")
    return root
