"""PyYAML syntax errors are explained in Indonesian, whichever loader (C or Python) reports them."""

from __future__ import annotations

import pytest
import yaml

from generator.yaml_messages import syntax_hint, syntax_message


@pytest.mark.parametrize("loader", [yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)])
@pytest.mark.parametrize(("text", "expected"), [
    ('a: "\\ud8"\n', "Urutan `\\x`, `\\u` atau `\\U` di dalam tanda kutip ganda tidak lengkap."),
    ("a: [\n", "Nilai yang diharapkan tidak ada di sini"),
])
def test_known_errors_are_explained(loader: type, text: str, expected: str) -> None:
    with pytest.raises(yaml.MarkedYAMLError) as raised:
        yaml.load(text, Loader=loader)  # noqa: S506 (safe loaders only)
    assert syntax_message(raised.value).startswith(expected)
    assert "YAML tidak valid" not in syntax_message(raised.value)
    assert syntax_hint(raised.value)
