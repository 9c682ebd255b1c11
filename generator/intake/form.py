"""The GitHub issue forms under ``.github/ISSUE_TEMPLATE/``: read them, keep their dropdowns in
step with the taxonomies.

The form template is the one source of truth for what a contributor sees: field ids (the
content model's key path with ``.`` → ``_``), labels, descriptions and placeholders.
``katalog intake`` maps the rendered ``### Label`` sections back to fields through it, and
``katalog forms`` rewrites only the options of the vocabulary dropdowns from
``content/taxonomies/*.yml`` (a test checks the committed forms are up to date).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ConfigError
from generator.taxonomy import Taxonomies, Term

ROOT = Path(__file__).resolve().parent.parent.parent
FORMS_DIR = ROOT / ".github" / "ISSUE_TEMPLATE"
PROPOSAL_FORM = FORMS_DIR / "usulkan-inovasi.yml"
UPDATE_FORM = FORMS_DIR / "laporkan-pembaruan.yml"
# The template names GitHub expects in ``issues/new?template=…``.
PROPOSAL_TEMPLATE = PROPOSAL_FORM.name
UPDATE_TEMPLATE = UPDATE_FORM.name
# The labels the forms put on their issues (the workflow and the site's links use them).
PROPOSAL_LABEL = "usulan-inovasi"
UPDATE_LABEL = "laporan-pembaruan"

# Dropdown field id → the vocabulary whose labels are its options.
VOCABULARY_FIELDS = {
    "agency_type": "agency_types",
    "agency_province": "provinces",
    "category": "categories",
    "status": "statuses",
    "sdgs": "sdgs",
}

NO_RESPONSE = "_No response_"


def option_label(vocabulary: str, term: Term) -> str:
    """What a dropdown shows for a term: the label people see on the site."""
    if vocabulary == "sdgs":
        return f"SDG {term.id}: {term.label}"
    return term.label


@dataclass(frozen=True, slots=True)
class Field:
    id: str
    type: str  # input, textarea, dropdown, checkboxes
    label: str
    description: str = ""
    placeholder: str = ""
    required: bool = False
    multiple: bool = False
    options: tuple[str, ...] = ()
    # checkboxes: the options that must be ticked
    required_options: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Form:
    path: Path
    name: str
    labels: tuple[str, ...]
    fields: tuple[Field, ...]

    def get(self, field_id: str) -> Field | None:
        return next((f for f in self.fields if f.id == field_id), None)

    def label(self, field_id: str) -> str:
        found = self.get(field_id)
        return found.label if found else field_id


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(
            f"templat formulir `{path}` tidak bisa dibaca ({exc.strerror or exc})."
        ) from exc
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"templat formulir `{path}` bukan YAML yang sah: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("body"), list):
        raise ConfigError(f"templat formulir `{path}` tidak punya daftar `body`.")
    return data


def load_form(path: Path) -> Form:
    """Read an issue-form template; raises ConfigError when it is not one."""
    data = _read(path)
    fields: list[Field] = []
    seen_ids: set[str] = set()
    seen_labels: set[str] = set()
    for n, item in enumerate(data["body"], start=1):
        if not isinstance(item, dict) or not isinstance(item.get("attributes"), dict):
            raise ConfigError(f"`{path}`: butir body ke-{n} tidak punya `attributes`.")
        kind = item.get("type")
        if kind == "markdown":
            continue
        attrs = item["attributes"]
        field_id, label = item.get("id"), attrs.get("label")
        if not isinstance(field_id, str) or not isinstance(label, str) or not label.strip():
            raise ConfigError(f"`{path}`: butir body ke-{n} butuh `id` dan `attributes.label`.")
        key = normalise_label(label)
        if field_id in seen_ids or key in seen_labels:
            raise ConfigError(f"`{path}`: id `{field_id}` atau label «{label}» dipakai dua kali.")
        seen_ids.add(field_id)
        seen_labels.add(key)
        validations = item.get("validations") if isinstance(item.get("validations"), dict) else {}
        raw_options = attrs.get("options") or []
        if kind == "checkboxes":
            options = tuple(str(o.get("label", "")) for o in raw_options if isinstance(o, dict))
            required_options = tuple(str(o.get("label", "")) for o in raw_options
                                     if isinstance(o, dict) and o.get("required"))
        else:
            options = tuple(str(o) for o in raw_options)
            required_options = ()
        fields.append(Field(
            id=field_id, type=str(kind), label=label.strip(),
            description=str(attrs.get("description") or ""),
            placeholder=str(attrs.get("placeholder") or ""),
            required=bool(validations.get("required")),
            multiple=bool(attrs.get("multiple")),
            options=options, required_options=required_options,
        ))
    labels = data.get("labels") or []
    if isinstance(labels, str):
        labels = [x.strip() for x in labels.split(",")]
    return Form(
        Path(path), str(data.get("name") or ""), tuple(str(x) for x in labels), tuple(fields)
    )


def normalise_label(text: str) -> str:
    """Labels compare without case and with runs of white space as one space."""
    return " ".join(text.split()).casefold()


# --- writing the forms ---------------------------------------------------------------------

class _FormDumper(yaml.SafeDumper):
    """Block style, multi-line text as ``|`` blocks, lists indented under their key."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:  # type: ignore[override]
        super().increase_indent(flow, False)


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_FormDumper.add_representer(str, _str)


def dump_form(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_FormDumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)


def synced_form_text(path: Path, taxonomies: Taxonomies) -> str:
    """The template's text with every vocabulary dropdown's options taken from the taxonomies."""
    data = _read(path)
    for item in data["body"]:
        if not isinstance(item, dict) or item.get("type") != "dropdown":
            continue
        vocabulary = VOCABULARY_FIELDS.get(str(item.get("id")))
        if vocabulary is None:
            continue
        if vocabulary not in taxonomies:
            raise ConfigError(
                f"kosakata `{vocabulary}` untuk kolom `{item.get('id')}` tidak ditemukan."
            )
        options = [option_label(vocabulary, t) for t in taxonomies[vocabulary].terms]
        if len(set(map(normalise_label, options))) != len(options):
            raise ConfigError(
                f"kosakata `{vocabulary}` punya dua label yang sama; pilihan formulir harus "
                "berbeda."
            )
        item.setdefault("attributes", {})["options"] = options
    return dump_form(data)


def form_paths() -> list[Path]:
    return [PROPOSAL_FORM, UPDATE_FORM]
