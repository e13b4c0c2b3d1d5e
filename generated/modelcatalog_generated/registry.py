"""The providers of specs/providers.toml, in its order (machine-written, never edit).

provider name -> the generated package that holds its clients (``modelcatalog_generated.<package>``
and ``modelcatalog_generated.structs.<package>``). Importing this module imports nothing else.
"""

PACKAGES: dict[str, str] = {
    "scenario": "scenario",
    "truefoundry": "truefoundry",
    "openwebui": "openwebui",
    "modelslab": "modelslab",
    "openai": "openai",
}
PROVIDERS: tuple[str, ...] = tuple(PACKAGES)
