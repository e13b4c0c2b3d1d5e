"""Where requests go and with what credentials: base URLs, environment, and the http policy.

A base URL replaces scheme, host, port and any prefix in front of the documented
paths. Plain http to a host other than loopback is refused for the cloud providers
unless ``allow_insecure_http=True``, and warned about for self-hosted Open WebUI:
credentials would cross the network in clear text.
"""

from __future__ import annotations

import ipaddress
import os
import warnings
from typing import TYPE_CHECKING

import httpx

from modelcatalog.errors import ConfigurationError, InsecureTransportError, MissingCredentialError
from modelcatalog.events import InsecureTransportWarning
from modelcatalog.secrets import Secret

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
    try:
        url = httpx.URL(raw.rstrip("/"))
    except httpx.InvalidURL as exc:
        raise ConfigurationError(f"invalid base URL {raw!r}: {exc}", provider=provider) from None
    if url.scheme not in ("http", "https") or not url.host:
        raise ConfigurationError(f"base URL must be http(s)://host[:port][/prefix], got {raw!r}", provider=provider)
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
    *, provider: str, explicit: str | Secret | None, env_var: str, environ: Mapping[str, str] | None = None
) -> Secret:
    """A credential from the argument or the environment; the error names the variable."""
    if isinstance(explicit, Secret):
        return explicit
    env = os.environ if environ is None else environ
    value = explicit if explicit is not None else env.get(env_var)
    if not value or not value.strip():
        raise MissingCredentialError(env_var, provider=provider)
    return Secret(value.strip())
