"""Credentials and base URLs: from arguments or the environment, prefixes, and the http policy."""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

import pytest
from modelcatalog import Client, ConfigurationError, InsecureTransportError, MissingCredentialError, Secret
from modelcatalog.events import InsecureTransportWarning
from modelcatalog.providers import PROVIDERS
from support import payloads, providers
from support.clients import CREDENTIALS, environment, fast_http
from support.fault_server import FaultServer
from support.providers import scenario

if TYPE_CHECKING:
    from collections.abc import Iterator

#: each provider's credential variables, set to what the server expects
ENV = {name: environment(name) for name in PROVIDERS}
BASE_URL_ENV = {name: str(spec.base_url_env) for name, spec in PROVIDERS.items()}
#: the paths a listing asks for, in the provider's order
PATHS = {name: [route.path for route in data.ROUTES] for name, data in providers.every()}


@pytest.fixture
def prefixed() -> Iterator[FaultServer]:
    """A server that serves everything below ``/gateway/tenant-a``."""
    with FaultServer(prefix="/gateway/tenant-a") as running:
        yield running


@pytest.mark.parametrize("provider", list(ENV))
def test_credentials_and_base_url_from_the_environment(
    server: FaultServer, monkeypatch: pytest.MonkeyPatch, provider: str
) -> None:
    for name, value in {**ENV[provider], BASE_URL_ENV[provider]: server.url}.items():
        monkeypatch.setenv(name, value)
    with Client(provider, http=fast_http()) as client:
        assert list(client.list_models()) == []
    assert [request.path for request in server.requests] == PATHS[provider]  # the server accepted the credentials


#: each provider's credential variables a client cannot do without, anywhere
REQUIRED = {name: [c.env_var for c in provider.credentials if c.required] for name, provider in PROVIDERS.items()}


@pytest.mark.parametrize("provider", [name for name, required in REQUIRED.items() if required])
def test_a_missing_variable_is_named(monkeypatch: pytest.MonkeyPatch, provider: str) -> None:
    for missing in REQUIRED[provider]:
        for name, value in ENV[provider].items():
            if name != missing:
                monkeypatch.setenv(name, value)
        monkeypatch.delenv(missing, raising=False)
        with pytest.raises(MissingCredentialError) as caught:
            Client(provider, base_url="https://example.test")
        assert caught.value.variable == missing
        argument = next(spec.argument for spec in PROVIDERS[provider].credentials if spec.env_var == missing)
        assert str(caught.value) == f"{provider}: missing credential: set {missing} (or pass {argument}=)"


@pytest.mark.parametrize("provider", ["truefoundry", "openwebui"])
def test_a_self_hosted_base_url_is_required(provider: str) -> None:
    with pytest.raises(MissingCredentialError) as caught:
        Client(provider, **CREDENTIALS[provider])
    assert caught.value.variable == BASE_URL_ENV[provider]
    assert "missing base URL" in str(caught.value)


def test_cloud_providers_default_to_their_documented_hosts() -> None:
    with Client("scenario", **CREDENTIALS["scenario"]) as client:
        assert str(client.base_url) == "https://api.cloud.scenario.com"
    with Client("modelslab", **CREDENTIALS["modelslab"]) as client:
        assert str(client.base_url) == "https://modelslab.com"


def test_an_openai_compatible_server_without_a_key_gets_no_authorization_header(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with FaultServer() as local:  # a local vLLM or Ollama: no key asked
        local.models["openai"] = providers.data("openai").ROUTES[0].records(3)
        monkeypatch.setenv("OPENAI_BASE_URL", local.url)
        with Client("openai", http=fast_http()) as client:
            assert [model.id for model in client.list_models()] == [m["id"] for m in local.models["openai"]]
        assert [request.path for request in local.requests] == ["/models"]
        assert "authorization" not in local.requests[0].headers


def test_a_named_openai_compatible_instance_without_a_key_gets_no_authorization_header(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A named instance makes its server the default base URL; OpenAI's own default still rules the key."""
    from modelcatalog.instances import Instance  # noqa: PLC0415

    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with FaultServer() as local:
        local.models["openai"] = providers.data("openai").ROUTES[0].records(2)
        with Instance("vllm", "openai", base_url=local.url).client(http=fast_http()) as client:
            assert [model.id for model in client.list_models()] == [m["id"] for m in local.models["openai"]]
        assert "authorization" not in local.requests[0].headers
    with pytest.raises(MissingCredentialError):  # an instance on OpenAI's own URL still needs the key
        Instance("work", "openai", base_url="https://api.openai.com/v1").client()


def test_an_openai_compatible_server_with_a_key_gets_it_as_bearer(server: FaultServer) -> None:
    with Client("openai", base_url=server.url, api_key=CREDENTIALS["openai"]["api_key"], http=fast_http()) as client:
        assert list(client.list_models()) == []
    assert server.requests[0].headers["authorization"] == f"Bearer {CREDENTIALS['openai']['api_key']}"


@pytest.mark.parametrize("base_url", [None, "https://api.openai.com/v1", "https://api.openai.com/v1/"])
def test_openai_itself_still_needs_its_key(monkeypatch: pytest.MonkeyPatch, base_url: str | None) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    with pytest.raises(MissingCredentialError) as caught:
        Client("openai", base_url=base_url)
    assert caught.value.variable == "OPENAI_API_KEY"
    with Client("openai", api_key="sk-x") as client:
        assert str(client.base_url) == "https://api.openai.com/v1"


def test_blank_credentials_count_as_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TFY_API_KEY", "   ")
    with pytest.raises(MissingCredentialError, match="TFY_API_KEY"):
        Client("truefoundry", base_url="https://tfy.example.test")


def test_arguments_win_over_the_environment(server: FaultServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENWEBUI_API_KEY", "sk-from-env")
    monkeypatch.setenv("OPENWEBUI_BASE_URL", "http://127.0.0.1:9")
    with Client("openwebui", base_url=server.url, api_key=Secret("sk-owui-0001"), http=fast_http()) as client:
        list(client.list_models())
    assert server.requests[0].headers["authorization"] == "Bearer sk-owui-0001"


@pytest.mark.parametrize("provider", list(ENV))
def test_the_base_url_replaces_scheme_host_port_and_prefix(prefixed: FaultServer, provider: str) -> None:
    with Client(provider, base_url=prefixed.url + "/", http=fast_http(), **CREDENTIALS[provider]) as client:
        assert list(client.list_models()) == []
    assert [request.path for request in prefixed.requests] == [f"/gateway/tenant-a{p}" for p in PATHS[provider]]


def test_the_wire_shape_of_each_provider(server: FaultServer, make_client: Any) -> None:
    server.models["scenario"] = payloads.many(scenario.model, 1)
    list(make_client("scenario").list_models(filters={"types": ["sd-xl-lora", "flux.1-lora"], "tags": "sci-fi"}))
    [request] = server.requests
    assert request.headers["authorization"] == "Basic c2Mta2V5LTAwMDE6c2Mtc2VjcmV0LTAwMDE="
    assert request.query["types"] == "sd-xl-lora,flux.1-lora"  # explode: false
    assert request.query["tags"] == "sci-fi"
    list(make_client("modelslab").list_models())
    modelslab = list(server.requests)[1:]
    assert [r.json() for r in modelslab] == [{"key": "ml-key-0001"}] * 2
    assert all("authorization" not in r.headers for r in modelslab)


@pytest.mark.parametrize("provider", ["scenario", "truefoundry", "modelslab"])
def test_plain_http_to_a_remote_host_is_refused_for_cloud_providers(provider: str) -> None:
    with pytest.raises(InsecureTransportError) as caught:
        Client(provider, base_url="http://models.example.test", **CREDENTIALS[provider])
    assert caught.value.provider == provider
    assert "plain http to models.example.test" in str(caught.value)
    assert isinstance(caught.value, ConfigurationError)
    with pytest.warns(InsecureTransportWarning):
        Client(provider, base_url="http://models.example.test", allow_insecure_http=True, **CREDENTIALS[provider])


def test_plain_http_to_a_remote_open_webui_is_warned_about() -> None:
    with pytest.warns(InsecureTransportWarning, match="openwebui: plain http to webui.lan"):
        client = Client("openwebui", base_url="http://webui.lan:8080", api_key="sk-1")
    assert str(client.base_url) == "http://webui.lan:8080"


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "localhost", "[::1]", "api.localhost"])
@pytest.mark.parametrize("provider", list(ENV))
def test_loopback_http_is_allowed_silently(provider: str, host: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Client(provider, base_url=f"http://{host}:8080", **CREDENTIALS[provider]).close()


@pytest.mark.parametrize("url", ["ftp://example.test", "example.test", "https://"])
def test_a_malformed_base_url_is_a_configuration_error(url: str) -> None:
    with pytest.raises(ConfigurationError, match="base URL"):
        Client("scenario", base_url=url, **CREDENTIALS["scenario"])


def test_https_is_accepted_anywhere() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Client("truefoundry", base_url="https://tfy.example.test/proxy", api_key="t").close()


def test_log_records_stay_scrubbed_of_a_secret_while_an_equal_one_lives(caplog: pytest.LogCaptureFixture) -> None:
    """Two clients with the same key: the first one going away must not unlist the second's."""
    import gc  # noqa: PLC0415
    import logging  # noqa: PLC0415

    from modelcatalog.secrets import scrub_library_logs  # noqa: PLC0415

    scrub_library_logs()
    first, second = Secret("tfy-token-equal-0042"), Secret("tfy-token-equal-0042")
    del first
    gc.collect()
    caplog.set_level(logging.DEBUG)
    logging.getLogger("httpcore.http11").debug("headers %s", [(b"x-echo", b"Bearer tfy-token-equal-0042")])
    logging.getLogger("httpx").info("got %s", "tfy-token-equal-0042")
    assert "tfy-token-equal-0042" not in caplog.text
    assert second.reveal() == "tfy-token-equal-0042"


@pytest.mark.parametrize("provider", list(ENV))
def test_every_missing_setting_is_named_at_once(provider: str) -> None:
    """A first run learns every variable to set from one error (Scenario has two credentials)."""
    spec = PROVIDERS[provider]
    with pytest.raises(MissingCredentialError) as caught:
        Client(provider, environ={})
    error = caught.value
    needs_url = spec.default_base_url is None
    expected = [credential.env_var for credential in spec.credentials]
    if needs_url:
        expected.append(spec.base_url_env)
    assert list(error.variables) == expected
    assert error.base_url_variable == (spec.base_url_env if needs_url else None)
    assert " and ".join(expected) in str(error)
    assert "explicitly" not in str(error)
