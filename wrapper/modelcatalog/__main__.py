"""``python -m modelcatalog``: the same command as the ``modelcatalog`` console script."""

from modelcatalog.cli import main

raise SystemExit(main())
