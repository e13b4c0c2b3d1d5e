"""The configuration file as the library reads it: location, contents, profiles, precedence, and every refusal.

Each refusal is one line naming the file and the key; a credential written into the
file is refused without being shown (the canary is searched in everything the error holds).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from modelcatalog.config import CONFIG_ENV, PROFILE_ENV, ConfigFileError, config_location, load_config
from modelcatalog.errors import ConfigurationError
from modelcatalog.instances import Instance
from modelcatalog.providers import NAMES
from support.hostile import KEY, assert_clean, everything_about

EXAMPLE = """
default_profile = "local"

[providers.truefoundry]
base_url = "https://acme.truefoundry.cloud"
api_key_env = "TFY_KEY_ACME"

[providers.scenario]
api_key_env = "SCENARIO_KEY_WORK"
api_secret_env = "SCENARIO_SECRET_WORK"

[instances.webui_a]
provider = "openwebui"
base_url = "https://chat-a.example.com"
api_key_env = "WEBUI_A_KEY"

[instances.webui-b]
provider = "openwebui"
base_url = "https://chat-b.example.com"

[profiles.local]
providers = ["webui_a", "truefoundry"]
[profiles.local.override.webui_a]
base_url = "http://127.0.0.1:8080"

[profiles.cloud]
providers = ["scenario", "truefoundry"]
"""


def write(tmp_path: Path, text: str, name: str = "config.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def refusal(tmp_path: Path, text: str) -> ConfigFileError:
    path = write(tmp_path, text)
    with pytest.raises(ConfigFileError) as caught:
        load_config(path, environ={})
    error = caught.value
    assert str(error).startswith(f"{path}: ")
    assert "\n" not in str(error)
    assert isinstance(error, ConfigurationError)
    return error


# ----------------------------------------------------------------------------------
# where the file is


def test_the_flag_beats_the_variable_which_beats_xdg(tmp_path: Path) -> None:
    env = {CONFIG_ENV: str(tmp_path / "from-env.toml"), "XDG_CONFIG_HOME": str(tmp_path / "xdg")}
    assert config_location(tmp_path / "flag.toml", env) == (tmp_path / "flag.toml", True)
    assert config_location(None, env) == (tmp_path / "from-env.toml", True)
    del env[CONFIG_ENV]
    assert config_location(None, env) == (tmp_path / "xdg" / "modelcatalog" / "config.toml", False)


def test_without_xdg_the_file_is_under_home_dot_config(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": ""}
    assert config_location(None, env) == (tmp_path / ".config" / "modelcatalog" / "config.toml", False)
    relative = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": "relative/dir"}  # the spec says: ignore a relative one
    assert config_location(None, relative)[0] == tmp_path / ".config" / "modelcatalog" / "config.toml"


def test_the_xdg_file_is_read_from_the_environment(tmp_path: Path) -> None:
    (tmp_path / "modelcatalog").mkdir()
    write(tmp_path / "modelcatalog", EXAMPLE)
    config = load_config(environ={"XDG_CONFIG_HOME": str(tmp_path)})
    assert config.path == tmp_path / "modelcatalog" / "config.toml"
    assert set(config.instances) == {"truefoundry", "scenario", "webui_a", "webui-b"}


def test_a_missing_default_file_is_an_empty_configuration(tmp_path: Path) -> None:
    config = load_config(environ={"XDG_CONFIG_HOME": str(tmp_path)})
    assert config.path is None
    assert not config.instances
    assert config.instance("scenario") == Instance("scenario", "scenario")


def test_a_file_asked_for_must_exist(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    with pytest.raises(ConfigFileError, match=r"nope\.toml: no such file"):
        load_config(environ={CONFIG_ENV: str(missing)})
    with pytest.raises(ConfigFileError, match=r"nope\.toml: no such file"):
        load_config(missing, environ={})


def test_a_directory_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigFileError, match="cannot read it"):
        load_config(tmp_path, environ={})


# ----------------------------------------------------------------------------------
# what it holds


def test_every_section_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, EXAMPLE)
    config = load_config(path, environ={})
    assert config.default_profile == "local"
    assert config.instances["webui_a"] == Instance(
        "webui_a", "openwebui", base_url="https://chat-a.example.com", api_key_env="WEBUI_A_KEY",
        declared_in=f"config file {path}",
    )  # fmt: skip
    assert config.instances["truefoundry"].definition().credentials[0].env_var == "TFY_KEY_ACME"
    scenario = config.instances["scenario"].definition()
    assert [spec.env_var for spec in scenario.credentials] == ["SCENARIO_KEY_WORK", "SCENARIO_SECRET_WORK"]
    assert config.profiles["local"].providers == ("webui_a", "truefoundry")
    assert config.names[-2:] == ("webui_a", "webui-b")
    assert config.origins[("webui_a", "base_url")] == f"config file {path}"


def test_an_instance_flag_replaces_the_files_instance_and_where_its_settings_came_from(tmp_path: Path) -> None:
    path = write(tmp_path, EXAMPLE)
    config = load_config(path, environ={}).with_instances([Instance("webui_a", "openwebui", base_url="http://x")])
    assert config.instances["webui_a"].api_key_env is None  # the file's WEBUI_A_KEY went with its instance
    assert {key: origin for key, origin in config.origins.items() if key[0] == "webui_a"} == {
        ("webui_a", "provider"): "the --instance flag",
        ("webui_a", "base_url"): "the --instance flag",
    }
    assert config.origins[("truefoundry", "api_key_env")] == f"config file {path}"  # the others keep theirs


def test_the_default_profile_selects_and_overrides(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, EXAMPLE), environ={})
    selected = config.select(environ={})
    assert [instance.name for instance in selected] == ["webui_a", "truefoundry"]
    assert selected[0].base_url == "http://127.0.0.1:8080"  # the profile's override
    assert config.instances["webui_a"].base_url == "https://chat-a.example.com"  # the file's own is unchanged


def test_the_flag_beats_the_profile_variable_which_beats_default_profile(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, EXAMPLE), environ={})
    assert config.profile_name(None, {PROFILE_ENV: "cloud"}) == "cloud"
    assert config.profile_name("local", {PROFILE_ENV: "cloud"}) == "local"
    assert config.profile_name(None, {}) == "local"
    assert [i.name for i in config.select(environ={PROFILE_ENV: "cloud"})] == ["scenario", "truefoundry"]


def test_names_asked_for_beat_the_profiles_selection(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, EXAMPLE), environ={})
    chosen = config.select(["webui-b", "modelslab"], environ={})
    assert [(i.name, i.provider) for i in chosen] == [("webui-b", "openwebui"), ("modelslab", "modelslab")]


def test_unknown_names_and_profiles_say_what_is_known(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, EXAMPLE), environ={})
    with pytest.raises(
        ConfigurationError, match=r"unknown provider or instance 'webui_c' \(known: scenario, .*webui-b\)"
    ):
        config.select(["webui_c"], environ={})
    with pytest.raises(ConfigurationError, match=r"unknown profile 'staging' in .* \(known: local, cloud\)"):
        config.select(environ={PROFILE_ENV: "staging"})


def test_nothing_selected_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="nothing to list"):
        load_config(environ={"XDG_CONFIG_HOME": "/nonexistent"}).select(environ={})


def test_environment_variable_beats_the_files_base_url_which_beats_the_default(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, EXAMPLE), environ={})
    truefoundry = config.instance("truefoundry")
    env = {"TFY_KEY_ACME": "k"}
    with truefoundry.client(environ=env) as client:
        assert str(client.base_url) == "https://acme.truefoundry.cloud"
    with truefoundry.client(environ={**env, "TFY_HOST": "https://env.example.com"}) as client:
        assert str(client.base_url) == "https://env.example.com"
    with truefoundry.client(base_url="https://flag.example.com", environ={**env, "TFY_HOST": "https://x"}) as client:
        assert str(client.base_url) == "https://flag.example.com"
    with config.instance("modelslab").client(environ={"MODELSLAB_API_KEY": "k"}) as client:
        assert str(client.base_url) == "https://modelslab.com"


def test_a_named_instance_never_reads_the_providers_base_url_variable(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, '[instances.lab]\nprovider = "openwebui"\n'), environ={})
    with pytest.raises(ConfigurationError, match=r"no base URL for instance 'lab' in config file .*: set base_url"):
        config.instance("lab").client(environ={"OPENWEBUI_BASE_URL": "http://127.0.0.1:1", "OPENWEBUI_API_KEY": "k"})


def test_an_instance_reads_its_own_credential_variable_and_names_it_when_missing(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, EXAMPLE), environ={})
    with pytest.raises(ConfigurationError, match=r"webui_a \(openwebui\): missing credential: .*WEBUI_A_KEY"):
        config.instance("webui_a").client(environ={"OPENWEBUI_API_KEY": "the provider's, not this server's"})


# ----------------------------------------------------------------------------------
# refusals: one line, the file and the key


@pytest.mark.parametrize(
    ("text", "key", "message"),
    [
        ("[providers.scenario\n", None, "not valid TOML: "),
        (
            "colour = 'blue'\n",
            "colour",
            "unknown key in the top level (valid: default_profile, providers, instances, profiles)",
        ),
        (
            "[providers.acme]\n",
            "providers.acme",
            f"unknown provider (known: {', '.join(NAMES)})",
        ),
        (
            "[providers.openwebui]\nbase = 'x'\n",
            "providers.openwebui.base",
            "unknown key in [providers.openwebui] (valid: base_url, api_key_env)",
        ),
        ("[providers.openwebui]\nbase_url = 3\n", "providers.openwebui.base_url", "expected a string, got an integer"),
        ("providers = 3\n", "providers", "expected a table, got an integer"),
        ("[providers.openwebui]\napi_secret_env = 'X'\n", "providers.openwebui.api_secret_env", "unknown key"),
        ("[instances.lab]\nbase_url = 'https://x'\n", "instances.lab.provider", "missing (one of scenario, "),
        ("[instances.lab]\nprovider = 'acme'\n", "instances.lab.provider", "unknown provider (one of scenario, "),
        ("[instances.Lab]\nprovider = 'openwebui'\n", "instances.Lab", "invalid instance name 'Lab'"),
        ("[instances.scenario]\nprovider = 'openwebui'\n", "instances.scenario", "scenario is a provider's name"),
        (
            "[instances.lab]\nprovider = 'openwebui'\nregion = 'eu'\n",
            "instances.lab.region",
            "(valid: provider, base_url, api_key_env)",
        ),
        ("[profiles.p]\nproviders = ['nope']\n", "profiles.p.providers", "unknown provider or instance 'nope'"),
        (
            "[profiles.p]\nproviders = 'scenario'\n",
            "profiles.p.providers",
            "expected a list of provider or instance names",
        ),
        ("[profiles.p]\nlimit = 3\n", "profiles.p.limit", "unknown key in [profiles.p] (valid: providers, override)"),
        ("[profiles.p.override.nope]\nbase_url = 'x'\n", "profiles.p.override.nope", "unknown provider or instance"),
        ("[profiles.p.override.scenario]\nprovider = 'x'\n", "profiles.p.override.scenario.provider", "unknown key"),
        ("default_profile = 'p'\n", "default_profile", "not one of the [profiles.*] tables (known: none)"),
        (
            "[providers.openwebui]\nbase_url = 'https://u:pw@host'\n",
            "providers.openwebui.base_url",
            "holds user info (https://***@host)",
        ),
    ],
)
def test_every_bad_file_is_one_line_naming_the_file_and_the_key(
    tmp_path: Path, text: str, key: str | None, message: str
) -> None:
    error = refusal(tmp_path, text)
    assert error.key == key
    assert message in str(error)
    if key is not None:
        assert str(error).startswith(f"{error.path}: {key}: ")


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"default_profile = '\xff'\n")
    with pytest.raises(ConfigFileError, match="not UTF-8 text"):
        load_config(path, environ={})


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (f"[providers.openwebui]\napi_key = '{KEY}'\n", "providers.openwebui.api_key"),
        (f"[providers.scenario]\napi_secret = '{KEY}'\n", "providers.scenario.api_secret"),
        (f"[instances.lab]\nprovider = 'openwebui'\ntoken = '{KEY}'\n", "instances.lab.token"),
        (f"[profiles.p.override.openwebui]\npassword = '{KEY}'\n", "profiles.p.override.openwebui.password"),
        (f"[providers.openwebui]\napi_key_env = '{KEY}'\n", "providers.openwebui.api_key_env"),
        (f"[providers.openwebui]\nbase_url = 'https://me:{KEY}@host'\n", "providers.openwebui.base_url"),
        (f"[providers.openwebui]\napi_key = {KEY}\n", None),  # not even TOML: the parser's text is checked too
    ],
)
def test_a_credential_in_the_file_is_refused_without_showing_it(tmp_path: Path, text: str, key: str | None) -> None:
    error = refusal(tmp_path, text)
    assert error.key == key
    assert_clean(everything_about(error))
    if key is not None and not key.endswith("base_url"):
        assert "not shown" in str(error)
        assert "_env" in str(error)  # it says what to write instead


def readme_example() -> str:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Configuration file", 1)[1]
    return section.split("```toml\n", 1)[1].split("```", 1)[0]


def test_the_readme_example_is_a_valid_file(tmp_path: Path) -> None:
    text = readme_example()
    providers = set(re.findall(r'^provider = "([a-z]+)"', text, flags=re.MULTILINE))
    missing = providers - set(NAMES)
    if missing:  # the example shows the OpenAI-compatible provider, which arrives with issue 12
        pytest.skip(f"the README's example uses providers this checkout lacks: {', '.join(sorted(missing))}")
    config = load_config(write(tmp_path, text), environ={})
    for profile in config.profiles:
        assert config.select(profile=profile, environ={})
    staging = {i.name: i for i in config.select(profile="staging", environ={})}
    assert staging["gateway"].base_url == "https://llm-staging.example.com/v1"
