"""Named instances: several servers of one provider, each listed under its own name.

Two Open WebUI servers, a vLLM and a LiteLLM gateway behind one OpenAI-compatible
provider: an ``Instance`` is one of them, with its name, its provider, its base URL and
the environment variables that hold its credentials (never the credentials
themselves). ``Instance.client()`` makes a ``Client`` that carries the name into every
record, event, error and failure; the catalog takes instances as sources and owns the
clients it makes from them.

>>> from modelcatalog.instances import Instance
>>> webui_b = Instance("webui_b", "openwebui", base_url="https://chat-b.example.com", api_key_env="WEBUI_B_KEY")
>>> with webui_b.client() as client:  # doctest: +SKIP
...     print(client.name, client.base_url)

A provider configured under its own name is an instance too (``Instance("openwebui",
"openwebui", ...)``): its base URL then ranks below the provider's environment variable
(a flag beats the variable, which beats the configuration file, which beats the
default). A *named* instance reads no base URL from the provider's variable, so two
instances never end up listing one server by accident: its base URL is its own, else
the provider's default, else it is refused. Its credentials come from the variables it
names, else from the provider's usual ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

import msgspec

from modelcatalog.errors import ConfigurationError
from modelcatalog.providers import NAMES, get_provider
from modelcatalog.secrets import mask_user_info
from modelcatalog.settings import check_instance_name

if TYPE_CHECKING:
    from modelcatalog.client import AsyncClient, Client, ClientOptions
    from modelcatalog.providers import Provider


class Instance(msgspec.Struct, frozen=True):
    """One server to list: its ``name``, its ``provider``, its base URL, its credential variables.

    ``api_key_env``/``api_secret_env`` name the environment variables holding the
    credentials (None: the provider's usual variable). ``declared_in`` says where the
    instance was declared (``config file PATH``, ``--instance``), for messages.
    """

    name: str
    provider: str
    base_url: str | None = None
    api_key_env: str | None = None
    api_secret_env: str | None = None
    declared_in: str | None = None

    def __post_init__(self) -> None:
        try:
            provider = get_provider(self.provider)
        except ValueError as exc:
            raise ConfigurationError(f"instance {self.name!r}: {exc}") from None
        check_instance_name(self.name, self.provider, NAMES)
        if self.base_url is not None and (shown := mask_user_info(self.base_url)) != self.base_url:
            msg = f"base URL {shown} holds user info: credentials come from environment variables, never from URLs"
            raise ConfigurationError(msg, provider=self.provider, instance=self.name)
        arguments = {spec.argument for spec in provider.credentials}
        for argument, variable in self._variables.items():
            if variable is not None and argument not in arguments:
                msg = f"{argument}_env: {self.provider} takes no {argument}"
                raise ConfigurationError(msg, provider=self.provider, instance=self.name)

    @property
    def _variables(self) -> dict[str, str | None]:
        """Credential argument -> the variable this instance names for it (None: the provider's own)."""
        return {"api_key": self.api_key_env, "api_secret": self.api_secret_env}

    @property
    def named(self) -> bool:
        """Whether this is a named instance rather than the provider under its own name."""
        return self.name != self.provider

    def definition(self) -> Provider:
        """The provider as this instance sees it: its base URL as the default, its credential variables."""
        provider = get_provider(self.provider)
        variables = self._variables
        credentials = tuple(
            msgspec.structs.replace(spec, env_var=variables.get(spec.argument) or spec.env_var)
            for spec in provider.credentials
        )
        return msgspec.structs.replace(
            provider,
            default_base_url=self.base_url or provider.default_base_url,
            base_url_env=None if self.named else provider.base_url_env,
            credentials=credentials,
        )

    def client(self, **options: Unpack[ClientOptions]) -> Client:
        """A ``Client`` for this server, named after it; ``options`` are ``Client``'s (``base_url`` wins)."""
        from modelcatalog.client import Client  # noqa: PLC0415 - the client pulls in httpx

        definition = self.definition()
        self._check_base_url(definition, options.get("base_url"))
        return Client(definition, name=self.name, **options)

    def async_client(self, **options: Unpack[ClientOptions]) -> AsyncClient:
        """The async twin of ``client``."""
        from modelcatalog.client import AsyncClient  # noqa: PLC0415

        definition = self.definition()
        self._check_base_url(definition, options.get("base_url"))
        return AsyncClient(definition, name=self.name, **options)

    def _check_base_url(self, definition: Provider, base_url: str | None) -> None:
        """A named instance without any base URL: say where to give one (the provider's variable is not read)."""
        if base_url or not self.named or definition.default_base_url:
            return
        where = f" in {self.declared_in}" if self.declared_in else ""
        msg = (
            f"no base URL for instance {self.name!r}{where}: set base_url in [instances.{self.name}] of the "
            f"configuration file, or declare it with --instance {self.name}={self.provider}:URL"
        )
        raise ConfigurationError(msg, provider=self.provider, instance=self.name)


def parse_declaration(text: str) -> Instance:
    """``NAME=PROVIDER:BASE_URL`` (the command's ``--instance``) -> an ``Instance``."""
    shown = mask_user_info(text)
    name, equals, rest = text.partition("=")
    provider, colon, base_url = rest.partition(":")
    if not (equals and colon and name and provider and base_url):
        msg = f"--instance {shown!r}: expected NAME=PROVIDER:BASE_URL, for example webui_b=openwebui:https://chat-b.example.com"
        raise ConfigurationError(msg)
    return Instance(name.strip(), provider.strip(), base_url=base_url.strip(), declared_in="the --instance flag")
