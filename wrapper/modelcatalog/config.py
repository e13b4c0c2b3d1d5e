"""The configuration file: base URLs, credential variables, named instances and profiles.

>>> from modelcatalog.config import load_config
>>> from modelcatalog.catalog import Query, list_catalog
>>> config = load_config()  # doctest: +SKIP
>>> result = list_catalog(Query(), config.select(profile="local"))  # doctest: +SKIP
>>> with config.instance("webui_b").client() as webui:  # doctest: +SKIP
...     print(webui.base_url)

Where it is (``config_location``): the path given (``--config PATH``), else
``$MODELCATALOG_CONFIG``, else ``$XDG_CONFIG_HOME/modelcatalog/config.toml`` (default
``~/.config/modelcatalog/config.toml``). Only the default location may be missing.

What it holds (TOML, read with the standard library's ``tomllib``)::

    default_profile = "local"

    [providers.truefoundry]            # a provider under its own name
    base_url = "https://acme.truefoundry.cloud"
    api_key_env = "TFY_API_KEY_ACME"   # which variable holds the credential, never the credential

    [instances.webui_b]                # another server of a provider, under its own name
    provider = "openwebui"
    base_url = "https://chat-b.example.com"
    api_key_env = "WEBUI_B_KEY"

    [profiles.local]                   # what to list, and settings that differ there
    providers = ["webui_b", "truefoundry"]
    [profiles.local.override.webui_b]
    base_url = "http://127.0.0.1:8080"

Precedence, highest first: a flag, an environment variable, the configuration file
(a profile's override above the rest of the file), the provider's default. A profile is
chosen with ``--profile``, else ``$MODELCATALOG_PROFILE``, else ``default_profile``.

A file that cannot be used is a ``ConfigFileError`` (a ``ConfigurationError``; the
command exits 2) of one line naming the file and the key. A credential written into
the file is refused, and the message never shows it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from modelcatalog.errors import ConfigurationError
from modelcatalog.instances import Instance
from modelcatalog.providers import NAMES, get_provider
from modelcatalog.secrets import mask_user_info

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

#: names the configuration file's path (below ``--config``)
CONFIG_ENV = "MODELCATALOG_CONFIG"
#: names the profile to use (below ``--profile``, above ``default_profile``)
PROFILE_ENV = "MODELCATALOG_PROFILE"

_TOP_KEYS = ("default_profile", "providers", "instances", "profiles")
_PROFILE_KEYS = ("providers", "override")
_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: keys that would hold a credential's value: refused, whatever the value
_SECRET_WORDS = ("key", "secret", "token", "password", "passwd", "credential", "auth", "bearer")


class ConfigFileError(ConfigurationError):
    """A configuration file that cannot be used; ``path`` and ``key`` say where (``key`` may be None)."""

    def __init__(self, path: Path, key: str | None, problem: str) -> None:
        self.path = path
        self.key = key
        super().__init__(f"{path}: {key}: {problem}" if key else f"{path}: {problem}")


class Profile(msgspec.Struct, frozen=True):
    """A named selection of providers and instances, with the settings that differ there."""

    name: str
    #: provider or instance names to list when none are asked for
    providers: tuple[str, ...] = ()
    #: name -> setting -> value, over the file's own settings
    override: Mapping[str, Mapping[str, str]] = msgspec.field(default_factory=dict)


class Config(msgspec.Struct, frozen=True):
    """What a configuration file says; an empty one when there is no file.

    ``instances`` holds every provider and instance the file configures, by name (a
    provider under its own name); ``origins`` says, for ``(name, setting)``, where its
    value was set (``config file PATH``, ``--instance``), for ``modelcatalog providers``.
    """

    path: Path | None = None
    instances: Mapping[str, Instance] = msgspec.field(default_factory=dict)
    profiles: Mapping[str, Profile] = msgspec.field(default_factory=dict)
    default_profile: str | None = None
    origins: Mapping[tuple[str, str], str] = msgspec.field(default_factory=dict)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name ``instance`` takes: the providers, then the named instances."""
        return _names(self.instances)

    def instance(self, name: str) -> Instance:
        """The provider or instance called ``name`` (a provider the file does not configure: its defaults)."""
        if name in self.instances:
            return self.instances[name]
        if name in NAMES:
            return Instance(name, name)
        msg = f"unknown provider or instance {name!r} (known: {', '.join(self.names)})"
        raise ConfigurationError(msg)

    def with_instances(self, declared: Iterable[Instance]) -> Config:
        """The configuration with ``declared`` added (the command's ``--instance``: they replace the file's)."""
        instances = dict(self.instances)
        origins = dict(self.origins)
        for instance in declared:
            instances[instance.name] = instance
            # the declaration replaces the file's instance whole: none of its settings' origins stay
            origins = {key: origin for key, origin in origins.items() if key[0] != instance.name}
            origins.update({(instance.name, key): "the --instance flag" for key in ("provider", "base_url")})
        return msgspec.structs.replace(self, instances=instances, origins=origins)

    def profile_name(self, profile: str | None = None, environ: Mapping[str, str] | None = None) -> str | None:
        """The profile in use: ``profile``, else ``$MODELCATALOG_PROFILE``, else ``default_profile``; None: none."""
        env = os.environ if environ is None else environ
        chosen = profile or env.get(PROFILE_ENV, "").strip() or self.default_profile
        if chosen is not None and chosen not in self.profiles:
            where = f"in {self.path}" if self.path else "(no configuration file)"
            known = ", ".join(self.profiles) or "none"
            msg = f"unknown profile {chosen!r} {where} (known: {known})"
            raise ConfigurationError(msg)
        return chosen

    def with_profile(self, name: str | None) -> Config:
        """The configuration with profile ``name``'s overrides applied (None: unchanged)."""
        if name is None:
            return self
        profile = self.profiles[name]
        instances = dict(self.instances)
        origins = dict(self.origins)
        for target, settings in profile.override.items():
            current = self.instance(target)
            instances[target] = msgspec.structs.replace(current, **settings)
            origins.update({(target, key): f"profile {name} in config file {self.path}" for key in settings})
        return msgspec.structs.replace(self, instances=instances, origins=origins)

    def select(
        self, names: Sequence[str] = (), *, profile: str | None = None, environ: Mapping[str, str] | None = None
    ) -> list[Instance]:
        """The instances to list: ``names`` (provider or instance names), else the profile's.

        The profile (``profile``, else ``$MODELCATALOG_PROFILE``, else ``default_profile``)
        also applies its overrides. Nothing selected is a ``ConfigurationError``.
        """
        chosen = self.profile_name(profile, environ)
        config = self.with_profile(chosen)
        wanted = list(dict.fromkeys(names)) or list(self.profiles[chosen].providers if chosen else ())
        if not wanted:
            msg = "nothing to list: name providers or instances (-p NAME), or choose a profile that lists some"
            raise ConfigurationError(msg)
        return [config.instance(name) for name in wanted]


def _names(instances: Iterable[str]) -> tuple[str, ...]:
    """The providers, then the named instances among ``instances``."""
    return (*NAMES, *(name for name in instances if name not in NAMES))


def config_location(path: str | Path | None = None, environ: Mapping[str, str] | None = None) -> tuple[Path, bool]:
    """Where the configuration file is, and whether it was asked for (a file asked for must exist).

    ``path`` (``--config``), else ``$MODELCATALOG_CONFIG``, else
    ``$XDG_CONFIG_HOME/modelcatalog/config.toml`` (``~/.config`` when the variable is unset or empty).
    """
    env = os.environ if environ is None else environ
    if path:
        return Path(path).expanduser(), True
    if env.get(CONFIG_ENV, "").strip():
        return Path(env[CONFIG_ENV].strip()).expanduser(), True
    xdg = env.get("XDG_CONFIG_HOME", "").strip()
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path(env.get("HOME") or Path.home()) / ".config"
    return base / "modelcatalog" / "config.toml", False


def load_config(path: str | Path | None = None, *, environ: Mapping[str, str] | None = None) -> Config:
    """The configuration at ``config_location(path)``; an empty ``Config`` when the default file does not exist."""
    location, asked = config_location(path, environ)
    try:
        raw = location.read_bytes()
    except FileNotFoundError:
        if asked:
            raise ConfigFileError(location, None, "no such file") from None
        return Config()
    except OSError as exc:
        raise ConfigFileError(location, None, f"cannot read it: {exc.strerror or type(exc).__name__}") from None
    import tomllib  # noqa: PLC0415 - only when there is a file: most runs have none

    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigFileError(location, None, f"not UTF-8 text (byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigFileError(location, None, f"not valid TOML: {exc}") from None
    return _Reader(location).config(document)


class _Reader:
    """Checks a parsed file key by key; each problem is a ``ConfigFileError`` naming the key."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.origin = f"config file {path}"

    def fail(self, key: str | None, problem: str) -> ConfigFileError:
        return ConfigFileError(self.path, key, problem)

    def config(self, document: dict[str, Any]) -> Config:
        self.keys(document, _TOP_KEYS, "the top level")
        instances: dict[str, Instance] = {}
        origins: dict[tuple[str, str], str] = {}
        for name in self.table(document, "providers"):
            key = f"providers.{name}"
            if name not in NAMES:
                raise self.fail(key, f"unknown provider (known: {', '.join(NAMES)})")
            settings = self.settings(self.table(document["providers"], name, key), key, name)
            instances[name] = self.instance(key, name, name, settings)
            origins.update({(name, setting): self.origin for setting in settings})
        for name, table in self.table(document, "instances").items():
            key = f"instances.{name}"
            if name in NAMES:
                raise self.fail(key, f"{name} is a provider's name: configure it under [providers.{name}]")
            provider = self.table(document["instances"], name, key).get("provider")
            if not isinstance(provider, str) or provider not in NAMES:
                problem = "missing" if provider is None else "unknown provider"
                raise self.fail(f"{key}.provider", f"{problem} (one of {', '.join(NAMES)})")
            settings = self.settings({k: v for k, v in table.items() if k != "provider"}, key, provider, "provider")
            instances[name] = self.instance(key, name, provider, settings)
            origins.update({(name, setting): self.origin for setting in ("provider", *settings)})
        known = _names(instances)
        profiles = {
            name: self.profile(name, self.table(document["profiles"], name, f"profiles.{name}"), instances, known)
            for name in self.table(document, "profiles")
        }
        default = document.get("default_profile")
        if default is not None and (not isinstance(default, str) or default not in profiles):
            listed = ", ".join(profiles) or "none"
            raise self.fail("default_profile", f"not one of the [profiles.*] tables (known: {listed})")
        return Config(self.path, instances, profiles, default, origins)

    def instance(self, key: str, name: str, provider: str, settings: dict[str, str]) -> Instance:
        try:
            return Instance(name, provider, **settings, declared_in=self.origin)
        except ConfigurationError as exc:
            raise self.fail(key, exc.message) from None

    def profile(
        self, name: str, table: dict[str, Any], instances: Mapping[str, Instance], known: Sequence[str]
    ) -> Profile:
        key = f"profiles.{name}"
        self.keys(table, _PROFILE_KEYS, f"[{key}]")
        selected = table.get("providers", [])
        if not isinstance(selected, list) or not all(isinstance(item, str) for item in selected):
            raise self.fail(f"{key}.providers", "expected a list of provider or instance names")
        for item in selected:
            if item not in known:
                raise self.fail(
                    f"{key}.providers", f"unknown provider or instance {item!r} (known: {', '.join(known)})"
                )
        override: dict[str, dict[str, str]] = {}
        for target in self.table(table, "override", f"{key}.override"):
            where = f"{key}.override.{target}"
            if target not in known:
                raise self.fail(where, f"unknown provider or instance (known: {', '.join(known)})")
            provider = instances[target].provider if target in instances else target
            override[target] = self.settings(self.table(table["override"], target, where), where, provider)
        return Profile(name, tuple(selected), override)

    def settings(self, table: Mapping[str, Any], key: str, provider: str, *also: str) -> dict[str, str]:
        """``base_url`` and ``<credential>_env`` of a provider or instance, each checked."""
        spec = get_provider(provider)
        allowed = ("base_url", *(f"{c.argument}_env" for c in spec.credentials))
        for name in table:
            if name not in allowed and name not in also and _looks_secret(name):
                variables = [a for a in allowed if a.endswith("_env")]
                variable = next(
                    (a for a in variables if a.startswith(name)), variables[0] if variables else "api_key_env"
                )
                raise self.fail(
                    f"{key}.{name}",
                    "a credential does not belong in the file (its value is not shown): keep it in an environment "
                    f'variable and name that variable here, for example {variable} = "MY_VARIABLE"',
                )
        self.keys(table, (*also, *allowed), f"[{key}]")
        settings: dict[str, str] = {}
        for name, value in table.items():
            if name in also:
                continue
            where = f"{key}.{name}"
            if not isinstance(value, str):
                raise self.fail(where, f"expected a string, got {_toml_type(value)}")
            if name == "base_url":
                shown = mask_user_info(value)
                if shown != value:
                    raise self.fail(where, f"holds user info ({shown}): credentials come from variables, not URLs")
            elif not _VARIABLE.fullmatch(value):
                raise self.fail(
                    where,
                    "not an environment variable name (letters, digits and _, not starting with a digit; its value "
                    "is not shown): if this is the credential itself, put it in a variable and name the variable",
                )
            settings[name] = value
        return settings

    def table(self, parent: Mapping[str, Any], name: str, key: str | None = None) -> dict[str, Any]:
        value = parent.get(name, {})
        if not isinstance(value, dict):
            raise self.fail(key or name, f"expected a table, got {_toml_type(value)}")
        return value

    def keys(self, table: Mapping[str, Any], allowed: Sequence[str], where: str) -> None:
        for name in table:
            if name not in allowed:
                key = name if where == "the top level" else f"{where.strip('[]')}.{name}"
                raise self.fail(key, f"unknown key in {where} (valid: {', '.join(allowed)})")


def _looks_secret(key: str) -> bool:
    """A key that names a credential's value rather than the variable holding it."""
    lowered = key.lower()
    return not lowered.endswith("_env") and any(word in lowered for word in _SECRET_WORDS)


def _toml_type(value: object) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a float", str: "a string", list: "an array", dict: "a table"}
    return names.get(type(value), "a date or time")


__all__ = ["CONFIG_ENV", "PROFILE_ENV", "Config", "ConfigFileError", "Profile", "config_location", "load_config"]
