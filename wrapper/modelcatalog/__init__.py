"""modelcatalog: list the models of every AI-model provider through one typed API."""

__all__: list[str] = []
