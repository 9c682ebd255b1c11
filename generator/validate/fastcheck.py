"""A fast yes/no check for the subset of JSON Schema the innovation schema uses.

Most documents are valid, and ``jsonschema`` spends about a millisecond on each. This compiles
the same schema into closures that only answer "valid?"; when the answer is no, the caller
runs ``jsonschema`` for the full, translated error list. So ``jsonschema`` stays the
authority on errors, and this module can only make a valid document cheaper. A keyword it
does not know makes ``compile_check`` raise ``Unsupported``; the caller then always uses
``jsonschema``. Tests compare the two on every fixture and on generated documents.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from generator.values import is_int

Check = Callable[[Any], bool]

# Keywords with no effect on validity (annotations) or handled by the parent.
_IGNORED = {"$schema", "$id", "title", "description", "x-vocabulary", "x-vocabulary-levels",
            "then", "else", "$comment", "examples", "default"}


class Unsupported(Exception):
    """The schema uses a keyword this checker does not implement."""


def _is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda x: isinstance(x, str),
    "integer": is_int,
    "number": _is_number,
    "object": lambda x: isinstance(x, dict),
    "array": lambda x: isinstance(x, list),
    "boolean": lambda x: isinstance(x, bool),
    "null": lambda x: x is None,
}


def _equal(a: Any, b: Any) -> bool:
    # JSON Schema equality: 1 == 1.0, but true != 1.
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    return a == b


def compile_check(schema: Any) -> Check:
    """Compile a (sub)schema into a function instance → bool."""
    if schema is True:
        return lambda x: True
    if schema is False:
        return lambda x: False
    if not isinstance(schema, dict):
        raise Unsupported(repr(schema))
    checks: list[Check] = []
    for key in schema:
        if key not in _IGNORED and key not in _KEYWORDS:
            raise Unsupported(key)
    for key, build in _KEYWORDS.items():
        if key in schema:
            check = build(schema[key], schema)
            if check is not None:
                checks.append(check)
    if not checks:
        return lambda x: True
    if len(checks) == 1:
        return checks[0]
    return lambda x: all(c(x) for c in checks)


def _type(value: Any, schema: dict) -> Check:
    names = value if isinstance(value, list) else [value]
    tests = [_TYPES[n] for n in names]
    if len(tests) == 1:
        return tests[0]
    return lambda x: any(t(x) for t in tests)


def _properties(value: dict, schema: dict) -> Check:
    compiled = {k: compile_check(v) for k, v in value.items()}

    def check(x: Any) -> bool:
        if not isinstance(x, dict):
            return True
        for k, c in compiled.items():
            if k in x and not c(x[k]):
                return False
        return True
    return check


def _additional(value: Any, schema: dict) -> Check:
    allowed = set(schema.get("properties", {}))
    if "patternProperties" in schema:
        raise Unsupported("patternProperties")
    extra = compile_check(value)

    def check(x: Any) -> bool:
        if not isinstance(x, dict):
            return True
        return all(extra(v) for k, v in x.items() if k not in allowed)
    return check


def _required(value: list, schema: dict) -> Check:
    return lambda x: not isinstance(x, dict) or all(k in x for k in value)


def _items(value: Any, schema: dict) -> Check:
    item = compile_check(value)
    return lambda x: not isinstance(x, list) or all(item(i) for i in x)


def _min_items(value: int, schema: dict) -> Check:
    return lambda x: not isinstance(x, list) or len(x) >= value


def _unique(value: bool, schema: dict) -> Check | None:
    if not value:
        return None

    def check(x: Any) -> bool:
        if not isinstance(x, list):
            return True
        for i, a in enumerate(x):
            for b in x[i + 1:]:
                if _equal(a, b):
                    return False
        return True
    return check


def _min_length(value: int, schema: dict) -> Check:
    return lambda x: not isinstance(x, str) or len(x) >= value


def _max_length(value: int, schema: dict) -> Check:
    return lambda x: not isinstance(x, str) or len(x) <= value


def _pattern(value: str, schema: dict) -> Check:
    regex = re.compile(value)
    return lambda x: not isinstance(x, str) or regex.search(x) is not None


def _enum(value: list, schema: dict) -> Check:
    return lambda x: any(_equal(x, v) for v in value)


def _const(value: Any, schema: dict) -> Check:
    return lambda x: _equal(x, value)


def _minimum(value: float, schema: dict) -> Check:
    return lambda x: not _is_number(x) or x >= value


def _maximum(value: float, schema: dict) -> Check:
    return lambda x: not _is_number(x) or x <= value


def _all_of(value: list, schema: dict) -> Check:
    parts = [compile_check(s) for s in value]
    return lambda x: all(p(x) for p in parts)


def _any_of(value: list, schema: dict) -> Check:
    parts = [compile_check(s) for s in value]
    return lambda x: any(p(x) for p in parts)


def _if(value: Any, schema: dict) -> Check:
    condition = compile_check(value)
    then = compile_check(schema.get("then", True))
    otherwise = compile_check(schema.get("else", True))
    return lambda x: then(x) if condition(x) else otherwise(x)


_KEYWORDS: dict[str, Callable[[Any, dict], Check | None]] = {
    "type": _type,
    "enum": _enum,
    "const": _const,
    "properties": _properties,
    "additionalProperties": _additional,
    "required": _required,
    "items": _items,
    "minItems": _min_items,
    "uniqueItems": _unique,
    "minLength": _min_length,
    "maxLength": _max_length,
    "pattern": _pattern,
    "minimum": _minimum,
    "maximum": _maximum,
    "allOf": _all_of,
    "anyOf": _any_of,
    "if": _if,
}
