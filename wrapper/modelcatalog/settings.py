"""A provider's settings: where requests go and with what credentials, from arguments or the environment.

``require_settings`` gives a client its credentials (each read by ``credential``) and names
everything missing in one error (a first run learns every variable to set at once);
``resolve_base_url`` gives it its base URL; ``describe_settings``
says where each would come from without using or showing a credential (``modelcatalog
providers``).

A base URL replaces scheme, host, port and any prefix in front of the documented
paths. Plain http to a host other than loopback is refused for the cloud providers
unless ``allow_insecure_http=True``, and warned about for self-hosted Open WebUI:
credentials would cross the network in clear text.

A base URL with user info (``https://user:password@host``) is refused: the providers
authenticate with their own header or body, so a password there would never be used,
only printed. Any ``@`` in the URL counts (a password typed without
percent-encoding can hold ``/``), so an ``@`` in a path is written ``%40``. Every
message about a URL masks its user info.
"""

from __future__ import annotations

import ipaddress
import os
import re
import warnings
from typing import TYPE_CHECKING

import httpx
import msgspec

from modelcatalog.errors import ConfigurationError, InsecureTransportError, MissingCredentialError
from modelcatalog.events import InsecureTransportWarning
from modelcatalog.secrets import Secret, mask_user_info, unprintable_at

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from modelcatalog.providers import Provider
    from modelcatalog.providers._base import CredentialSpec


def require_settings(
    provider: Provider,
    passed: Mapping[str, str | Secret | None],
    *,
    base_url: str | None,
    environ: Mapping[str, str] | None = None,
    credentials: Sequence[CredentialSpec] | None = None,
) -> dict[str, Secret]:
    """The credentials, each read and checked by ``credential``, by argument name.

    Raises one ``MissingCredentialError`` naming every credential and base URL that is
    neither passed nor set; a credential that is set but malformed is raised first, as
    the first thing to fix. ``credentials``: the ones this client needs (default: all of
    the provider's; an optional one is needed only where the provider requires it, e.g.
    OpenAI's own URL).
    """
    env = os.environ if environ is None else environ
    found: dict[str, Secret] = {}
    missing: list[CredentialSpec] = []
    for spec in provider.credentials if credentials is None else credentials:
        try:
            found[spec.argument] = credential(
                provider=provider.name,
                explicit=passed.get(spec.argument),
                env_var=spec.env_var,
                environ=env,
                argument=spec.argument,
            )
        except MissingCredentialError:
            missing.append(spec)
    url_env = provider.base_url_env
    url_missing = not (base_url or (env.get(url_env) if url_env else None) or provider.default_base_url)
    if not missing and not url_missing:
        return found
    variables = [spec.env_var for spec in missing]
    arguments = [spec.argument for spec in missing]
    what = []
    if missing:
        what.append("credential" if len(missing) == 1 else "credentials")
    if url_missing:
        variables.append(url_env or "base_url")
        arguments.append("base_url")
        what.append("base URL")
    raise MissingCredentialError(
        variables,
        provider=provider.name,
        what=" and ".join(what),
        arguments=arguments,
        base_url_variable=(url_env or "base_url") if url_missing else None,
    )


def resolve_base_url(
    *,
    provider: str,
    explicit: str | None,
    env_var: str | None,
    default: str | None,
    cloud: bool,
    allow_insecure_http: bool,
    environ: Mapping[str, str] | None = None,
) -> httpx.URL:
    """The base URL to use: the argument, else the environment, else the provider's default."""
    env = os.environ if environ is None else environ
    raw = explicit or (env.get(env_var) if env_var else None) or default
    if not raw:
        raise MissingCredentialError(env_var or "base_url", provider=provider, what="base URL")
    shown = mask_user_info(raw)
    if shown != raw:  # before parsing: a password with a "/" in it would be read as a port, and quoted
        where = "the base_url argument" if explicit else env_var or "the base URL"
        msg = (
            f"{where} holds user info ({shown}): {provider} takes its credentials from its own "
            "variables, so a user name or password in the URL would never be used; remove it "
            "(an '@' in a path is written %40)"
        )
        raise ConfigurationError(msg, provider=provider)
    try:
        url = httpx.URL(raw.rstrip("/"))
    except httpx.InvalidURL as exc:
        raise ConfigurationError(f"invalid base URL {shown!r}: {exc}", provider=provider) from None
    if url.scheme not in ("http", "https") or not url.host:
        raise ConfigurationError(f"base URL must be http(s)://host[:port][/prefix], got {shown!r}", provider=provider)
    if url.scheme == "http" and not is_loopback(url.host):
        message = f"plain http to {url.host} would send credentials in clear text"
        if cloud and not allow_insecure_http:
            raise InsecureTransportError(f"{message}; use https or pass allow_insecure_http=True", provider=provider)
        warnings.warn(f"{provider}: {message}", InsecureTransportWarning, stacklevel=3)
    return url


#: what an instance name looks like: lowercase, a letter first, then letters, digits, ``_`` or ``-``
NAME_PATTERN = re.compile(r"[a-z][a-z0-9_-]{0,62}")


def check_instance_name(name: str | None, provider: str, known: tuple[str, ...]) -> str:
    """The name a client goes by: ``name`` checked, or the provider's own name when there is none.

    A name is lowercase and identifier-like (``NAME_PATTERN``), and may not be another
    provider's name (``known``): a record saying ``scenario`` must come from Scenario.
    """
    if name is None:
        return provider
    if not isinstance(name, str) or not NAME_PATTERN.fullmatch(name):
        shown = repr(name)[:70]
        msg = (
            f"invalid instance name {shown}: a name is 1 to 63 characters, lowercase letters, digits, '_' "
            "or '-', starting with a letter (for example 'webui_b' or 'vllm')"
        )
        raise ConfigurationError(msg, provider=provider)
    if name != provider and name in known:
        msg = f"the name {name!r} is the provider {name}'s own; give this {provider} instance another name"
        raise ConfigurationError(msg, provider=provider)
    return name


def is_loopback(host: str) -> bool:
    """``localhost`` and every loopback address (127.0.0.0/8, ::1)."""
    if host.lower() in ("localhost", "localhost.localdomain") or host.lower().endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def credential(
    *,
    provider: str,
    explicit: str | Secret | None,
    env_var: str,
    environ: Mapping[str, str] | None = None,
    argument: str = "credential",
) -> Secret:
    """A credential from the argument or the environment; errors name the variable, never the value."""
    if isinstance(explicit, Secret):
        value: str | None = explicit.reveal()
        source = f"the {argument} argument"
    else:
        env = os.environ if environ is None else environ
        value = explicit if explicit is not None else env.get(env_var)
        source = f"the {argument} argument" if explicit is not None else env_var
    if not value or not value.strip():
        raise MissingCredentialError(env_var, provider=provider)
    value = value.strip()
    position = unprintable_at(value)
    if position is not None:
        # the position helps find a pasted newline; the value itself is never shown
        kind = "a non-ASCII character" if value[position].isprintable() else "a control character"
        msg = f"{source} holds {kind} at position {position}; credentials are printable ASCII: check how it was set"
        raise ConfigurationError(msg, provider=provider)
    return explicit if isinstance(explicit, Secret) else Secret(value)


class CredentialStatus(msgspec.Struct, frozen=True):
    """Whether a credential's variable is set (never its value)."""

    env_var: str
    found: bool


class ProviderSettings(msgspec.Struct, frozen=True):
    """Where a provider's base URL and credentials come from in an environment; no credential's value."""

    #: the base URL a client would use (user info masked), None when there is none
    base_url: str | None
    #: where it comes from: the variable's name, "default", or None (unset)
    base_url_from: str | None
    #: the variable that overrides the default
    base_url_env: str | None
    #: why a client would refuse it, if it would
    base_url_problem: str | None
    credentials: tuple[CredentialStatus, ...]


def describe_settings(provider: Provider, environ: Mapping[str, str] | None = None) -> ProviderSettings:
    """Where ``provider``'s settings come from in ``environ`` (default: the process's), credentials only as found."""
    env = os.environ if environ is None else environ
    env_url = (env.get(provider.base_url_env) or "").strip() if provider.base_url_env else ""
    problem = None
    base_url: str | None
    if env_url:
        base_url, source = mask_user_info(env_url), provider.base_url_env
        if base_url != env_url:
            problem = "it holds user info (user:password@), which the client refuses"
    elif provider.default_base_url:
        base_url, source = provider.default_base_url, "default"
    else:
        base_url, source = None, None
    credentials = tuple(
        CredentialStatus(spec.env_var, found=bool((env.get(spec.env_var) or "").strip()))
        for spec in provider.credentials
    )
    return ProviderSettings(base_url, source, provider.base_url_env, problem, credentials)
