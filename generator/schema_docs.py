"""The contributor reference, generated: front-matter keys from the JSON Schema, codes from the
table.

``CONTRIBUTING.md`` holds both between markers; ``update_contributing()`` rewrites them and a
test fails when they are out of date. Run ``python -m generator.schema_docs`` after changing
the schema or the diagnostic codes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.codes import CODES
from generator.validate.schema import load_static_schema
from generator.values import ID_REGEX

CONTRIBUTING = Path(__file__).resolve().parent.parent / "CONTRIBUTING.md"
SCHEMA_MARKERS = ("<!-- schema:start -->", "<!-- schema:end -->")
CODES_MARKERS = ("<!-- codes:start -->", "<!-- codes:end -->")

_TYPE_NAMES = {
    "string": "teks",
    "integer": "bilangan bulat",
    "number": "bilangan",
    "array": "daftar",
    "object": "pemetaan",
    "boolean": "true/false",
}
_PATTERNS = {
    ID_REGEX: "kebab-case (a–z, 0–9, tanda hubung)",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "tanggal YYYY-MM-DD",
    "^https?://[^\\s/?#][^\\s]*$": "URL `http://` atau `https://`",
    "^([1-9]|1[0-7])\\.([1-9][0-9]?|[a-z])$": "`tujuan.target`, mis. `\"4.6\"`, `\"16.b\"`",
}


def _cell(text: str) -> str:
    """A table cell: pipes escaped, one line, and ``<`` outside code shown as typed."""
    parts = text.replace("|", "\\|").replace("\n", " ").split("`")
    return "`".join(p.replace("<", "&lt;") if i % 2 == 0 else p for i, p in enumerate(parts))


def _type_text(node: dict[str, Any]) -> str:
    kind = node.get("type")
    kinds = kind if isinstance(kind, list) else [kind] if kind else []
    if kinds == ["array"]:
        items = node.get("items", {})
        inner = _type_text(items) if isinstance(items, dict) else ""
        return f"daftar {inner}".strip() if inner and items.get("type") != "object" else "daftar"
    return " atau ".join(_TYPE_NAMES.get(k, k) for k in kinds)


def _rules_text(node: dict[str, Any]) -> str:
    rules: list[str] = []
    if "x-vocabulary" in node:
        rules.append(f"id dari `content/taxonomies/{node['x-vocabulary']}.yml`")
    if "enum" in node:
        rules.append("salah satu: " + ", ".join(f"`{v}`" for v in node["enum"]))
    if "pattern" in node:
        rules.append(_PATTERNS.get(node["pattern"], f"pola `{node['pattern']}`"))
    low, high = node.get("minLength"), node.get("maxLength")
    if low and high:
        rules.append(f"{low}–{high} karakter")
    elif high:
        rules.append(f"≤ {high} karakter")
    elif low and low > 1:
        rules.append(f"≥ {low} karakter")
    elif low == 1:
        rules.append("tidak kosong")
    low, high = node.get("minimum"), node.get("maximum")
    if low is not None and high is not None:
        rules.append(f"{low}–{high}")
    elif low is not None:
        rules.append(f"≥ {low}")
    if node.get("minItems"):
        rules.append(f"minimal {node['minItems']} butir")
    if node.get("uniqueItems"):
        rules.append("tanpa pengulangan")
    items = node.get("items")
    if isinstance(items, dict) and items.get("type") != "object":
        inner = _rules_text(items)
        if inner:
            rules.append(f"tiap butir: {inner}")
    return "; ".join(rules)


def _rows(node: dict[str, Any], prefix: str, required: set[str]) -> list[str]:
    rows = []
    for key, child in node.get("properties", {}).items():
        path = f"{prefix}{key}"
        mark = "ya" if key in required else ""
        rows.append(
            f"| `{path}` | {mark} | {_cell(_type_text(child))} | {_cell(_rules_text(child))} | "
            f"{_cell(child.get('description', ''))} |"
        )
        target = child
        suffix = "."
        if child.get("type") == "array" and isinstance(child.get("items"), dict):
            target = child["items"]
            suffix = "[]."
        if target.get("type") == "object" and target.get("properties"):
            rows.extend(_rows(target, f"{path}{suffix}", set(target.get("required", []))))
    return rows


def render_schema_reference(schema: dict[str, Any] | None = None) -> str:
    """A Markdown table of every key in the schema, in the schema's order."""
    schema = schema or load_static_schema()
    lines = [
        f"_{_cell(schema.get('description', ''))}_",
        "",
        "| kunci | wajib | jenis | aturan | penjelasan |",
        "|---|---|---|---|---|",
        *_rows(schema, "", set(schema.get("required", []))),
    ]
    return "\n".join(lines) + "\n"


def render_codes_reference() -> str:
    """A Markdown table of every diagnostic code, its severity and meaning."""
    lines = ["| kode | jenis | artinya |", "|---|---|---|"]
    for code in sorted(CODES):
        severity, meaning = CODES[code]
        kind = "kesalahan" if severity == "error" else "peringatan"
        lines.append(f"| `{code}` | {kind} | {_cell(meaning)} |")
    return "\n".join(lines) + "\n"


def _replace_between(text: str, markers: tuple[str, str], body: str) -> str:
    start, end = markers
    head, found_start, rest = text.partition(start)
    if not found_start:
        raise ValueError(f"penanda {start} tidak ditemukan")
    _, found_end, tail = rest.partition(end)
    if not found_end:
        raise ValueError(f"penanda {end} tidak ditemukan")
    return f"{head}{start}\n{body}{end}{tail}"


def render_contributing(text: str) -> str:
    """``text`` with both generated references brought up to date."""
    text = _replace_between(text, SCHEMA_MARKERS, render_schema_reference())
    return _replace_between(text, CODES_MARKERS, render_codes_reference())


def update_contributing(path: Path = CONTRIBUTING) -> bool:
    """Rewrite the generated parts of CONTRIBUTING.md; returns whether anything changed."""
    current = path.read_text(encoding="utf-8")
    updated = render_contributing(current)
    if updated != current:
        path.write_text(updated, encoding="utf-8")
    return updated != current


if __name__ == "__main__":
    update_contributing()
