"""Where requests go and with what credentials: base URLs, environment, and the http policy.

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
import warnings
from typing import TYPE_CHECKING

import httpx

from modelcatalog.errors import ConfigurationError, InsecureTransportError, MissingCredentialError
from modelcatalog.events import InsecureTransportWarning
from modelcatalog.secrets import Secret, mask_user_info, unprintable_at

if TYPE_CHECKING:
    from collections.abc import Mapping


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
