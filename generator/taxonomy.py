"""Controlled vocabularies: load ``content/taxonomies/*.yml`` into plain, frozen terms.

Each vocabulary file is ``{vocabulary, label, label_en?, terms: [{id, label, label_en?,
description?, levels?}]}`` (or just the list of terms). Award programmes carry their ``levels`` as
nested terms.
Adding a term is a data change; no code names a category or a province.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.diagnostics import Diagnostic
from generator.entities import unescape
from generator.paths import LINK_HINT, LINK_MESSAGE, link_outside
from generator.textsafety import CONTROL_HINT, candidate_problems, control_message
from generator.yaml_reader import ParsedYaml, parse_yaml

# libyaml's safe loader, for the line map of a file parse_yaml has already read (so its
# nesting is bounded).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Vocabularies the content model refers to, by file stem.
REQUIRED_VOCABULARIES = (
    "provinces",
    "categories",
    "agency_types",
    "statuses",
    "relations",
    "awards",
    "sdgs",
    "evidence_levels",
)


@dataclass(frozen=True, slots=True)
class Term:
    id: str | int
    label: str
    label_en: str = ""
    description: str = ""
    levels: tuple[Term, ...] = ()
    aliases: tuple[str, ...] = ()  # other names people search for (provinces: "NTT", "Jatim")
    keywords: tuple[str, ...] = ()  # problem words that point to it (categories: "stunting")

    def level(self, level_id: str) -> Term | None:
        return next((t for t in self.levels if t.id == level_id), None)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    name: str
    label: str
    label_en: str
    terms: tuple[Term, ...]

    def ids(self) -> list[str | int]:
        return [t.id for t in self.terms]

    def get(self, term_id: object) -> Term | None:
        return next((t for t in self.terms if t.id == term_id), None)

    def label_of(self, term_id: object) -> str:
        term = self.get(term_id)
        return term.label if term else str(term_id)


@dataclass(frozen=True, slots=True)
class Taxonomies:
    vocabularies: dict[str, Vocabulary] = field(default_factory=dict)
    # Free-form data files under taxonomies/ that are not vocabularies (e.g. synonyms.yml).
    data: dict[str, object] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Vocabulary:
        return self.vocabularies.get(name) or Vocabulary(name, name, name, ())

    def __contains__(self, name: str) -> bool:
        return name in self.vocabularies


def _texts(raw: object) -> tuple[str, ...]:
    return tuple(str(x) for x in raw if isinstance(x, (str, int))) if isinstance(raw, list) else ()


def _term(raw: object) -> Term | None:
    if not isinstance(raw, dict) or "id" not in raw or "label" not in raw:
        return None
    if isinstance(raw["id"], (list, dict)):
        return None  # an id is one text or number (it is compared and hashed)
    nested = raw.get("levels")
    levels = tuple(t for t in (_term(x) for x in nested) if t) if isinstance(nested, list) else ()
    return Term(
        id=raw["id"],
        label=str(raw["label"]),
        label_en=str(raw.get("label_en") or ""),
        description=str(raw.get("description") or ""),
        levels=levels,
        aliases=_texts(raw.get("aliases")),
        keywords=_texts(raw.get("keywords")),
    )


def parse_vocabulary(
    name: str, data: object, file: str
) -> tuple[Vocabulary | None, list[Diagnostic]]:
    """Turn one parsed YAML document into a Vocabulary, reporting shape problems."""
    problems: list[Diagnostic] = []
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        problems.append(
            Diagnostic(
                file,
                1,
                "terms",
                "error",
                "taxonomy-shape",
                "Berkas kosakata harus berisi pemetaan dengan daftar `terms`.",
                "Contoh: `vocabulary: categories`, `label: Kategori`, `terms: [{id: ..., label: "
                "...}]`.",
            )
        )
        return None, problems
    terms: list[Term] = []
    seen: set[object] = set()
    for i, raw in enumerate(data["terms"]):
        term = _term(raw)
        if term is None:
            problems.append(
                Diagnostic(
                    file,
                    1,
                    f"terms.{i}",
                    "error",
                    "taxonomy-term",
                    "Setiap istilah butuh `id` (teks atau bilangan) dan `label`.",
                    "",
                )
            )
            continue
        if term.id in seen:
            problems.append(
                Diagnostic(
                    file,
                    1,
                    f"terms.{i}.id",
                    "error",
                    "taxonomy-duplicate-id",
                    f"Id `{term.id}` muncul lebih dari sekali.",
                    "Hapus salah satunya.",
                )
            )
        seen.add(term.id)
        terms.append(term)
    vocab = Vocabulary(
        name, str(data.get("label") or name), str(data.get("label_en") or ""), tuple(terms)
    )
    return vocab, problems


# Keys whose text reaches pages (labels in listings and beside evidence levels,
# descriptions on facet pages). A title attribute can become a tooltip written as HTML, so
# none of them may hold markup in any spelling.
_TEXT_KEYS = ("id", "label", "label_en", "description")
_REFERENCE = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


def has_markup(text: str) -> bool:
    """``<`` or ``>``, or a character reference that decodes to anything (``&lt;``, ``&#60;``,
    ``&amp;``, ``&LT`` …): plain labels need neither."""
    if "<" in text or ">" in text:
        return True
    return any(unescape(m.group(0)) != m.group(0) for m in _REFERENCE.finditer(text))


def markup_problems(data: dict, text: str, file: str) -> list[Diagnostic]:
    """Labels, descriptions and ids with markup, each at its line."""
    found: list[str] = []

    def walk(node: object, path: str) -> None:
        if not isinstance(node, dict):
            return
        for key in _TEXT_KEYS:
            value = node.get(key)
            if isinstance(value, str) and has_markup(value):
                found.append(f"{path}{key}")
        for key in ("terms", "levels"):
            if isinstance(node.get(key), list):
                for i, child in enumerate(node[key]):
                    walk(child, f"{path}{key}.{i}.")

    walk(data, "")
    if not found:
        return []
    lines = _line_map(text)
    return [
        Diagnostic(
            file,
            lines.get(path, 1),
            path,
            "error",
            "taxonomy-markup",
            "Teks kosakata memuat markup HTML: `<`, `>` atau entitas seperti `&lt;` atau `&amp;`.",
            "Tulis teks biasa tanpa tanda kurung sudut dan tanpa entitas HTML: `dan` sebagai "
            "ganti `&amp;`, tanda `&` sendiri (diikuti spasi) boleh.",
        )
        for path in found
    ]


def _line_map(text: str) -> dict[str, int]:
    """Dotted key path → 1-based line, from YAML's node marks (only when a problem needs it)."""
    lines: dict[str, int] = {}

    def walk(node: yaml.Node, path: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    child = f"{path}{key.value}"
                    lines[child] = key.start_mark.line + 1
                    walk(value, child + ".")
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                lines[f"{path}{i}"] = item.start_mark.line + 1
                walk(item, f"{path}{i}.")

    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError:
        return lines
    if isinstance(root, yaml.SequenceNode):  # a bare list of terms
        walk(root, "terms.")
    elif root is not None:
        walk(root, "")
    return lines


def _invisible(file: str, result: ParsedYaml) -> list[Diagnostic]:
    """Control characters, noncharacters and bidi overrides in labels, descriptions and keys."""
    return [
        Diagnostic(
            file,
            result.lines.get(path, 1),
            path,
            "error",
            "control-character",
            control_message(path, ch, is_key),
            CONTROL_HINT,
        )
        for path, ch, is_key in candidate_problems(result.unprintable, frozenset({"description"}))
    ]


def load_taxonomies(
    directory: Path, root: Path | None = None
) -> tuple[Taxonomies, list[Diagnostic]]:
    """Load every ``*.yml`` in ``directory``; vocabularies have ``terms``, other files are data.

    A symbolic link leaving ``root`` (the resolved content folder; by default the folder
    holding ``directory``) is refused unread."""
    vocabularies: dict[str, Vocabulary] = {}
    data: dict[str, object] = {}
    problems: list[Diagnostic] = []
    root = root if root is not None else directory.resolve().parent
    for path in sorted(directory.glob("*.yml")):
        file = str(path)
        target = link_outside(path, root)
        if target is not None:
            problems.append(Diagnostic(file, 1, "", "error", "symlink-outside",
                                       LINK_MESSAGE.format(target=target), LINK_HINT))
            continue
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except (UnicodeDecodeError, OSError) as exc:
            reason = (
                "bukan UTF-8"
                if isinstance(exc, UnicodeDecodeError)
                else "izin akses, atau bukan berkas biasa"
            )
            problems.append(Diagnostic(file, 1, "", "error", "taxonomy-yaml",
                                       f"Berkas kosakata tidak bisa dibaca ({reason}).", ""))
            continue
        # The same reader as front matter: nesting bounded before libyaml, anchors, aliases,
        # tags and duplicate keys reported.
        result = parse_yaml(text.replace("\r\n", "\n"), line_offset=1)
        for code, line, key, message, hint in result.problems:
            problems.append(
                Diagnostic(
                    file,
                    line,
                    key,
                    "error",
                    "taxonomy-yaml" if code == "yaml-syntax" else code,
                    message,
                    hint,
                )
            )
        if not result.ok:
            continue
        problems.extend(_invisible(file, result))
        parsed = result.value
        if (
            isinstance(parsed, list)
            and parsed
            and all(isinstance(x, dict) and "id" in x for x in parsed)
        ):
            parsed = {"terms": parsed}  # a bare list of terms is a vocabulary too
        if isinstance(parsed, dict) and "terms" in parsed:
            vocab, vocab_problems = parse_vocabulary(path.stem, parsed, file)
            problems.extend(vocab_problems)
            problems.extend(markup_problems(parsed, text, file))
            if vocab:
                vocabularies[path.stem] = vocab
        else:
            data[path.stem] = parsed
    for name in REQUIRED_VOCABULARIES:
        if name not in vocabularies:
            problems.append(
                Diagnostic(
                    str(directory / f"{name}.yml"),
                    0,
                    "",
                    "error",
                    "taxonomy-missing",
                    f"Kosakata `{name}` tidak ditemukan.",
                    f"Tambahkan berkas `{name}.yml` di folder taksonomi.",
                )
            )
    return Taxonomies(vocabularies, data), problems
