"""The upstream check: what a provider publishes now (a document or an official SDK) against what we vendored.

``main`` is the command (``modelcatalog upstream``, ``python -m modelcatalog.tooling
upstream``, ``nox -s upstream``):

- :mod:`.check`: each source of each provider, read and compared with our document;
- :mod:`.sources`: where they are read (a URL or file, a package index, an installed
  Open WebUI); :mod:`.sdk`: an SDK wheel read as a small OpenAPI document;
- :mod:`.diff`: what changed, graded for a client of ours;
- :mod:`.update`: ``--update``, accepting what still derives and regenerating;
- :mod:`.report`: markdown, JSON and GitHub annotations; :mod:`.statuses`: the exit statuses.
"""

from modelcatalog.tooling.upstream.command import main

__all__ = ["main"]
