"""A safe YAML reader that keeps a line for every key path.

PyYAML composes the node tree (which carries marks) and its ``SafeConstructor`` reads the
scalars, YAML 1.1 typing included (``no`` → False, ``01234`` → 668). What is new here: the
values are built by walking the tree, so every key path gets its line; duplicate keys,
anchors, aliases and explicit tags are reported instead of silently overwritten, expanded or
applied; timestamps stay the ISO text that was written; and the raw text of every plain
non-string scalar is remembered so the validator can explain the surprise.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from generator.yaml_messages import (
    ALIAS_HINT,
    ANCHOR_HINT,
    KEY_ANCHOR_HINT,
    KEY_ANCHOR_MESSAGE,
    TAG_HINT,
    TAG_VALUE_HINT,
    TOO_DEEP_HINT,
    alias_message,
    anchor_message,
    syntax_hint,
    syntax_message,
    tag_message,
    too_deep_message,
)

MAX_DEPTH = 40
# libyaml's scanner is quadratic in the depth of flow collections, and PyYAML's C composer
# recurses once a level: about 25,000 nested `[` (well inside the 64 KiB front-matter limit)
# take seconds and then overflow the C stack (the process dies with SIGSEGV). So the nesting is
# bounded by a linear scan before libyaml sees the text. The scan may overestimate (brackets
# in a multi-line quoted or block scalar count), never underestimate; the bound is far above
# MAX_DEPTH, which the builder enforces exactly.
MAX_NESTING = 100
_DEEP_BLOCK = re.compile(r"^[ \t]*(?:[-?][ \t]+){%d}" % (MAX_NESTING // 2), re.MULTILINE)
_OPENERS = "[{"
_CLOSERS = "]}"
_SCALAR_STARTS = "[{,:?-"
# Text is normalised to NFC, so ``é`` written as e + U+0301 is the same name as ``é``. Zero-width
# characters, which would make two names that look the same different, are reported by the
# validator (``control-character``), not removed silently.


def normalize_text(value: str) -> str:
    """NFC; ASCII text comes back as it is."""
    if value.isascii():
        return value
    return value if unicodedata.is_normalized("NFC", value) else unicodedata.normalize("NFC", value)


_ODD_BREAKS = ("\x85", "\u2028", "\u2029")

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TAG = "tag:yaml.org,2002:"
_STR_TAG = _TAG + "str"


@dataclass(slots=True)
class ParsedYaml:
    """The result of reading one YAML text: value, line map, raw scalars, problems."""

    value: Any = None
    lines: dict[str, int] = field(default_factory=dict)
    # dotted path → raw text of a plain scalar YAML typed as something other than a string
    scalars: dict[str, str] = field(default_factory=dict)
    problems: list[tuple[str, int, str, str, str]] = field(
        default_factory=list
    )  # code, line, path, msg, hint
    ok: bool = True
    # (path, text, is a key) of every string value or key that ``str.isprintable`` rejects: the
    # only candidates for the validator's invisible-character check (most files have none).
    unprintable: list[tuple[str, str, bool]] = field(default_factory=list)


class _ScalarConstructor(SafeConstructor):
    """PyYAML's YAML 1.1 scalars, except that a date stays the ISO text that was written."""

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> str:
        return node.value


_CONSTRUCTOR = _ScalarConstructor()
# Only these tags build a value; any other (``!!binary``, ``!!set``, ``!local``) is reported.
_CONSTRUCT = {_TAG + kind: getattr(_CONSTRUCTOR, f"construct_yaml_{kind}")
              for kind in ("str", "null", "bool", "int", "float", "timestamp")}
# YAML 1.1 resolves a plain ``<<`` (merge) and ``=`` (value) key to their own tags: kept as text.
_TEXT_TAGS = (_TAG + "merge", _TAG + "value")


def _scalar(node: yaml.ScalarNode) -> tuple[Any, bool]:
    """Plain value of a scalar node, and whether its tag is one we accept."""
    construct = _CONSTRUCT.get(node.tag)
    if construct is None:
        return node.value, node.tag in _TEXT_TAGS
    try:
        return construct(node), True
    except (ValueError, IndexError, KeyError):  # `!!int abc`, `!!bool mungkin`: keep the text
        return node.value, True


class _ReportingComposer(Composer):
    """PyYAML's composer, except that anchors and aliases are recorded to be reported, never
    resolved (an alias becomes an empty placeholder node, an anchor name may repeat), and that
    nodes deeper than the builder reads are skipped without recursion."""

    def __init__(self) -> None:
        super().__init__()
        self.anchored: dict[int, str] = {}  # id(node) → anchor name
        self.aliased: dict[int, str] = {}  # id(placeholder node) → alias name
        self.depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            self.get_event()
            node = yaml.ScalarNode(_TAG + "null", "", event.start_mark, event.end_mark)
            self.aliased[id(node)] = event.anchor
            return node
        if self.depth > MAX_DEPTH + 1:
            return self._skip_node()
        anchor, event.anchor = event.anchor, None  # recorded here; the composer never registers it
        self.depth += 1
        node = super().compose_node(parent, index)
        self.depth -= 1
        if anchor is not None:
            self.anchored[id(node)] = anchor
        return node

    def _skip_node(self) -> yaml.Node:
        """The builder stops at MAX_DEPTH and reports it; what lies below is consumed in a loop,
        so indentation nesting (a few hundred levels fit in the size limit) cannot reach Python's
        recursion limit."""
        first = self.peek_event()
        level = 0
        while True:
            event = self.get_event()
            if isinstance(event, yaml.CollectionStartEvent):
                level += 1
            elif isinstance(event, yaml.CollectionEndEvent):
                level -= 1
            if level == 0:
                return yaml.ScalarNode(_TAG + "null", "", first.start_mark, event.end_mark)


class _ReportingLoader(Reader, Scanner, Parser, _ReportingComposer, Resolver):
    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        _ReportingComposer.__init__(self)
        Resolver.__init__(self)


if yaml.__with_libyaml__:
    from yaml.cyaml import CParser

    class _ReportingCLoader(_ReportingComposer, CParser, Resolver):  # libyaml's events
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _ReportingComposer.__init__(self)
            Resolver.__init__(self)
else:  # pragma: no cover (PyYAML without libyaml)
    _ReportingCLoader = _ReportingLoader  # type: ignore[misc]


class _Builder:
    """Walks a composed node tree into plain values with a line for every path."""

    def __init__(self, line_offset: int, text: str = "") -> None:
        self.offset = line_offset
        # YAML also breaks lines at NEL, LS and PS; the file's lines are "\n" only, so when
        # those appear, lines are counted from the character index instead.
        self.text_lines = text.split("\n") if "#" in text else None
        self.breaks: list[int] | None = None
        if any(ch in text for ch in _ODD_BREAKS):
            self.breaks = [i for i, ch in enumerate(text) if ch == "\n"]
        self.out = ParsedYaml()
        self.anchors: dict[int, str] = {}  # id(node) → anchor name (from _ReportingComposer)
        self.aliases: dict[int, str] = {}  # id(placeholder node) → alias name

    def line(self, node: yaml.Node) -> int:
        return self.mark_line(node.start_mark)

    def _comment_after(self, node: yaml.Node) -> str:
        """For an empty value, the comment that follows it on its line (``title: #Judul``)."""
        mark = node.start_mark
        if self.breaks is not None or mark.line >= len(self.text_lines):
            return ""
        rest = self.text_lines[mark.line][mark.column:].lstrip()
        return rest if rest.startswith("#") else ""

    def mark_line(self, mark: Any) -> int:
        if mark is None:
            return self.offset
        if self.breaks is not None:
            return bisect_left(self.breaks, mark.index) + self.offset
        return mark.line + self.offset

    def problem(self, code: str, line: int, path: str, message: str, hint: str = "") -> None:
        self.out.problems.append((code, line, path, message, hint))

    def build(self, node: yaml.Node, path: str, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            self.problem("yaml-syntax", self.line(node), path,
                         too_deep_message(f"lebih dari {MAX_DEPTH} tingkat"),
                         "Periksa indentasi dan tanda kurung `[`/`{` yang tidak ditutup.")
            return None
        if (type(node) is yaml.ScalarNode and node.tag == _STR_TAG
                and (not self.anchors or id(node) not in self.anchors)):
            value = node.value  # the common case: a string (an alias placeholder is never one)
            if not value.isascii():
                value = normalize_text(value)
            if not value.isprintable():
                self.out.unprintable.append((path, value, False))
            return value
        anchor = self.anchors.get(id(node)) if self.anchors else None
        if anchor is not None:
            self.problem("yaml-anchor", self.line(node), path, anchor_message(anchor), ANCHOR_HINT)
        alias = self.aliases.get(id(node)) if self.aliases else None
        if alias is not None:
            self.problem("yaml-alias", self.line(node), path, alias_message(alias), ALIAS_HINT)
            return None
        if isinstance(node, yaml.ScalarNode):
            value, tag_ok = _scalar(node)
            if isinstance(value, str) and not value.isascii():
                value = normalize_text(value)
            if isinstance(value, str) and not value.isprintable():
                self.out.unprintable.append((path, value, False))
            if not tag_ok:
                self.problem("yaml-tag", self.line(node), path, tag_message(node.tag),
                             TAG_VALUE_HINT)
            elif (
                not node.style and not isinstance(value, str) and (value is not None or node.value)
            ):
                # plain style is None in PyYAML's composer and "" in libyaml's
                self.out.scalars[path] = node.value
            elif value is None and not node.value and self.text_lines is not None:
                comment = self._comment_after(node)
                if comment:
                    self.out.scalars[path] = comment
            return value
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _TAG + "seq":
                self.problem("yaml-tag", self.line(node), path, tag_message(node.tag), TAG_HINT)
            items = []
            prefix = f"{path}." if path else ""
            for index, child in enumerate(node.value):
                child_path = f"{prefix}{index}"
                self.out.lines.setdefault(child_path, self.line(child))
                items.append(self.build(child, child_path, depth + 1))
            return items
        # MappingNode
        if node.tag != _TAG + "map":
            self.problem("yaml-tag", self.line(node), path, tag_message(node.tag), TAG_HINT)
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        prefix = f"{path}." if path else ""
        for key_node, value_node in node.value:
            key_line = self.line(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem("yaml-complex-key", key_line, path,
                             "Kunci harus berupa teks sederhana, bukan daftar atau pemetaan.",
                             "Periksa tanda `?`, `[` atau `{` di awal kunci.")
                continue
            if id(key_node) in self.aliases or id(key_node) in self.anchors:
                self.problem(
                    "yaml-alias" if id(key_node) in self.aliases else "yaml-anchor",
                    key_line,
                    path,
                    KEY_ANCHOR_MESSAGE,
                    KEY_ANCHOR_HINT,
                )
                continue
            raw_key, _ = _scalar(key_node)
            if isinstance(raw_key, str):
                key = raw_key if raw_key.isascii() else normalize_text(raw_key)
            else:
                key = key_node.value
            if raw_key is None and not key_node.style and key_node.value == "":
                key = ""
            child_path = f"{prefix}{key}"
            if isinstance(key, str) and not key.isprintable():
                self.out.unprintable.append((child_path, key, True))
            if key in first_line:
                self.problem(
                    "yaml-duplicate-key",
                    key_line,
                    child_path,
                    f"Kunci `{key}` ditulis dua kali (baris {first_line[key]} dan baris "
                    f"{key_line}).",
                    "Hapus salah satunya; YAML biasa diam-diam hanya memakai yang terakhir.",
                )
                continue
            first_line[key] = key_line
            self.out.lines[child_path] = key_line
            result[key] = self.build(value_node, child_path, depth + 1)
        return result


def _too_deep_line(text: str) -> int | None:
    """The 0-based line where the nesting may exceed MAX_NESTING, or None. Linear.

    Block nesting beyond the indentation costs one ``- `` or ``? `` indicator per level on one
    line; deep indentation needs a line per level, which the size limit keeps to a few hundred.
    Flow nesting is counted bracket by bracket, outside comments and outside quoted scalars
    that start where YAML starts them (after ``[ { , : ? -`` or at the start of a line); a
    quote is only followed to the end of its line, so a mistaken guess can only overcount.
    """
    indicators = text.count("- ") + text.count("? ") + text.count("-\t") + text.count("?\t")
    block = _DEEP_BLOCK.search(text) if indicators >= MAX_NESTING // 2 else None
    block_line = text.count("\n", 0, block.start()) if block else None
    if sum(text.count(ch) for ch in _OPENERS) <= MAX_NESTING:
        return block_line
    depth = 0
    for number, line in enumerate(text.split("\n")):
        if block_line is not None and number >= block_line:
            return block_line
        if not any(ch in line for ch in "[]{}"):
            continue
        previous = ""  # the last non-blank character outside quotes on this line
        i, end = 0, len(line)
        while i < end:
            ch = line[i]
            if ch in _OPENERS:
                depth += 1
                if depth > MAX_NESTING:
                    return number
            elif ch in _CLOSERS:
                depth = max(depth - 1, 0)
            elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
                break
            elif ch in "'\"" and (previous == "" or previous in _SCALAR_STARTS):
                i = _quote_end(line, i)
                previous = ch
                continue
            if ch not in " \t":
                previous = ch
            i += 1
    return block_line


def _quote_end(line: str, start: int) -> int:
    """Index after the quoted scalar opened at ``start`` (the line's end when it goes on)."""
    quote = line[start]
    i = start + 1
    while True:
        i = line.find(quote, i)
        if i < 0:
            return len(line)
        if quote == "'":
            if line.startswith("''", i):
                i += 2
                continue
            return i + 1
        backslashes = len(line[:i]) - len(line[:i].rstrip("\\"))
        if backslashes % 2 == 0:
            return i + 1
        i += 1


def parse_yaml(text: str, line_offset: int = 1) -> ParsedYaml:
    """Parse YAML text into plain data; ``line_offset`` is the file line of the text's line 1."""
    builder = _Builder(line_offset, text)
    deep = _too_deep_line(text)
    if deep is not None:
        builder.out.ok = False
        builder.problem("yaml-syntax", deep + line_offset, "",
                        too_deep_message(f"lebih dari {MAX_NESTING} tingkat kurung `[`/`{{` "
                                         "atau tanda `-` dalam satu baris"),
                        "Periksa tanda kurung `[`/`{` yang tidak ditutup; daftar ditulis `- butir` "
                        "satu per baris.")
        return builder.out
    # With NEL, LS or PS in the text (lines then come from mark indexes), PyYAML's Python parser.
    odd = builder.breaks is not None
    try:
        if "&" in text or "*" in text:  # only then can there be anchors or aliases
            loader = (_ReportingLoader if odd else _ReportingCLoader)(text)
            try:
                root = loader.get_single_node()
            finally:
                loader.dispose()
            builder.anchors, builder.aliases = loader.anchored, loader.aliased
        else:  # libyaml's own composer, the fast path
            root = yaml.compose(text, Loader=yaml.SafeLoader if odd else _Loader)
    except RecursionError:
        builder.out.ok = False
        builder.problem("yaml-syntax", line_offset, "", too_deep_message(), TOO_DEEP_HINT)
        return builder.out
    except yaml.MarkedYAMLError as exc:
        mark = _error_mark(exc)
        line = builder.mark_line(mark)
        builder.out.ok = False
        builder.problem("yaml-syntax", line, "", syntax_message(exc), syntax_hint(exc))
        return builder.out
    except yaml.YAMLError as exc:  # reader errors: control characters and the like
        position = getattr(exc, "position", None)
        line = (text[:position].count("\n") if isinstance(position, int) else 0) + line_offset
        character = getattr(exc, "character", None)
        shown = f" (U+{ord(character):04X})" if isinstance(character, str) and character else ""
        builder.out.ok = False
        builder.problem(
            "yaml-syntax",
            line,
            "",
            f"Front matter memuat karakter kontrol yang tidak diizinkan{shown}.",
            "Hapus karakter tak terlihat (sering terbawa saat menyalin dari PDF atau pengolah "
            "kata).",
        )
        return builder.out
    if root is None:
        builder.out.value = None
        return builder.out
    builder.out.value = builder.build(root, "")
    return builder.out


def _error_mark(exc: yaml.MarkedYAMLError) -> Any:
    """The mark closest to the contributor's mistake.

    For an unclosed quote or bracket, or a line without a colon, PyYAML's problem mark
    points past the mistake (often the end of the front matter); the context mark points
    where the quote, bracket or key began.
    """
    context = exc.context or ""
    if exc.context_mark is not None and (context.startswith("while scanning")
                                         or context.startswith("while parsing a flow")):
        return exc.context_mark
    return exc.problem_mark or exc.context_mark
