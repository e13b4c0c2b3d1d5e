"""ModelsLab's request body: built without the generated attrs model, and still the body that model builds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs
import pytest
from modelcatalog.providers import get_provider
from modelcatalog.providers.modelslab import KeyBody
from modelcatalog.secrets import Secret
from modelcatalog_generated.modelslab.api.model_management import get_trained_model_list
from modelcatalog_generated.modelslab.api.public_models import get_public_model_list
from modelcatalog_generated.modelslab.models.api_key_request import ApiKeyRequest

if TYPE_CHECKING:
    from types import ModuleType

    from modelcatalog.providers._base import ListOperation

KEY = "ml-canary-4b1d"


def test_the_generated_body_model_has_only_the_key() -> None:
    # a field added to the spec's body must reach KeyBody too: this fails first
    assert [field.name for field in attrs.fields(ApiKeyRequest)] == ["key", "additional_properties"]


@pytest.mark.parametrize("operation", [get_trained_model_list, get_public_model_list])
def test_key_body_gives_each_operation_the_generated_models_request(operation: ModuleType) -> None:
    get_kwargs = operation._get_kwargs
    assert get_kwargs(body=KeyBody(Secret(KEY))) == get_kwargs(body=ApiKeyRequest(key=KEY))


@pytest.mark.parametrize("operation", get_provider("modelslab").operations, ids=lambda op: op.name)
def test_each_list_operation_sends_the_key_in_its_body(operation: ListOperation[Any]) -> None:
    built = operation.build_request(1, 1, {}, {"api_key": Secret(KEY)})
    assert built["json"] == {"key": KEY}


def test_the_key_body_shows_no_key() -> None:
    body = KeyBody(Secret(KEY))
    assert KEY not in repr(body)
    assert KEY not in str(body)
