"""A safe YAML reader that keeps a line for every key path.

It composes PyYAML nodes (which carry marks) and builds plain Python values itself, so
anchors/aliases and duplicate keys are reported instead of silently expanded or overwritten,
explicit tags are refused, and timestamps stay the ISO text that was written. YAML 1.1
implicit typing (``no`` → False, ``01234`` → 668) is kept, but the raw text of every plain
non-string scalar is remembered so the validator can explain the surprise.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.yaml_messages import syntax_hint, syntax_message

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
    problems: list[tuple[str, int, str, str, str]] = field(default_factory=list)  # code, line, path, msg, hint
    ok: bool = True
    # (path, text, is a key) of every string value or key that ``str.isprintable`` rejects: the
    # only candidates for the validator's invisible-character check (most files have none).
    unprintable: list[tuple[str, str, bool]] = field(default_factory=list)


# --- YAML 1.1 scalar construction (mirrors PyYAML's SafeConstructor, minus dates) -------------

_BOOL = {"yes": True, "true": True, "on": True, "y": True, "no": False, "false": False, "off": False, "n": False}


def _split_sign(value: str) -> tuple[int, str]:
    if value[:1] == "-":
        return -1, value[1:]
    return 1, value[1:] if value[:1] == "+" else value


def _sexagesimal(value: str, number: type) -> Any:
    """YAML 1.1 base 60: ``1:20`` is 80 (the surprise the hints explain)."""
    total = number(0)
    for part in value.split(":"):
        total = total * 60 + number(part)
    return total


def _to_int(text: str) -> int:
    sign, value = _split_sign(text.replace("_", ""))
    if value == "0":
        return 0
    if value.startswith("0b"):
        return sign * int(value[2:], 2)
    if value.startswith("0x"):
        return sign * int(value[2:], 16)
    if value[0] == "0":
        return sign * int(value, 8)
    if ":" in value:
        return sign * _sexagesimal(value, int)
    return sign * int(value)


def _to_float(text: str) -> float:
    sign, value = _split_sign(text.replace("_", "").lower())
    if value == ".inf":
        return sign * float("inf")
    if value == ".nan":
        return float("nan")
    if ":" in value:
        return sign * _sexagesimal(value, float)
    return sign * float(value)


def _scalar(node: yaml.ScalarNode) -> tuple[Any, bool]:
    """Plain value of a scalar node, and whether its tag is one we accept."""
    tag = node.tag
    text = node.value
    if not tag.startswith(_TAG):
        return text, False
    kind = tag[len(_TAG):]
    try:
        if kind == "str":
            return text, True
        if kind == "null":
            return None, True
        if kind == "bool":
            return _BOOL.get(text.lower(), bool(text)), True
        if kind == "int":
            return _to_int(text), True
        if kind == "float":
            return _to_float(text), True
        if kind == "timestamp":
            return text, True  # dates stay the ISO text the contributor wrote
    except (ValueError, IndexError):
        return text, True
    # merge ("<<"), value ("="), binary and other tags: keep the text, flag the tag
    return text, kind in ("merge", "value")


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
        self.seen: set[int] = set()
        self.anchors: dict[int, str] = {}  # id(node) → anchor name (event path only)
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
                         f"Front matter bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat).",
                         "Periksa indentasi dan tanda kurung `[`/`{` yang tidak ditutup.")
            return None
        if type(node) is yaml.ScalarNode and node.tag == _STR_TAG and not self.anchors and not self.aliases:
            value = node.value  # the common case: a plain string
            if not value.isascii():
                value = normalize_text(value)
            if not value.isprintable():
                self.out.unprintable.append((path, value, False))
            return value
        anchor = self.anchors.get(id(node)) if self.anchors else None
        if anchor is not None:
            self.problem("yaml-anchor", self.line(node), path,
                         f"Jangkar YAML `&{anchor}` tidak diizinkan.",
                         "Hapus `&nama` dan tulis nilainya lengkap di setiap tempat; bila `&` memang "
                         "bagian dari teks, beri tanda kutip pada nilainya.")
        alias = self.aliases.get(id(node)) if self.aliases else None
        if alias is not None:
            self.problem("yaml-alias", self.line(node), path,
                         f"Alias YAML `*{alias}` tidak diizinkan.",
                         "Tulis nilainya lengkap, tanpa `&jangkar` dan `*alias`; bila `*` memang bagian "
                         "dari teks, beri tanda kutip pada nilainya.")
            return None
        if id(node) in self.seen:
            # The C composer hands back the anchored node again for an alias.
            self.problem("yaml-alias", self.line(node), path,
                         "Alias YAML (`*nama`) tidak diizinkan.",
                         "Tulis nilainya lengkap, tanpa `&jangkar` dan `*alias`; bila `*` memang bagian "
                         "dari teks, beri tanda kutip pada nilainya.")
            return None
        if isinstance(node, yaml.ScalarNode):
            value, tag_ok = _scalar(node)
            if isinstance(value, str) and not value.isascii():
                value = normalize_text(value)
            if isinstance(value, str) and not value.isprintable():
                self.out.unprintable.append((path, value, False))
            if not tag_ok:
                self.problem("yaml-tag", self.line(node), path,
                             f"Tag YAML `{node.tag}` tidak diizinkan.",
                             "Hapus tag yang diawali `!`; tulis nilainya apa adanya.")
            elif not node.style and not isinstance(value, str) and (value is not None or node.value):
                # plain style is None in PyYAML's composer and "" in libyaml's
                self.out.scalars[path] = node.value
            elif value is None and not node.value and self.text_lines is not None:
                comment = self._comment_after(node)
                if comment:
                    self.out.scalars[path] = comment
            return value
        self.seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _TAG + "seq":
                self.problem("yaml-tag", self.line(node), path,
                             f"Tag YAML `{node.tag}` tidak diizinkan.", "Hapus tag yang diawali `!`.")
            items = []
            prefix = f"{path}." if path else ""
            for index, child in enumerate(node.value):
                child_path = f"{prefix}{index}"
                self.out.lines.setdefault(child_path, self.line(child))
                items.append(self.build(child, child_path, depth + 1))
            return items
        # MappingNode
        if node.tag != _TAG + "map":
            self.problem("yaml-tag", self.line(node), path,
                         f"Tag YAML `{node.tag}` tidak diizinkan.", "Hapus tag yang diawali `!`.")
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
                self.problem("yaml-alias" if id(key_node) in self.aliases else "yaml-anchor", key_line, path,
                             "Jangkar dan alias YAML (`&nama`, `*nama`) tidak diizinkan.",
                             "Tulis kuncinya secara lengkap.")
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
                self.problem("yaml-duplicate-key", key_line, child_path,
                             f"Kunci `{key}` ditulis dua kali (baris {first_line[key]} dan baris {key_line}).",
                             "Hapus salah satunya; YAML biasa diam-diam hanya memakai yang terakhir.")
                continue
            first_line[key] = key_line
            self.out.lines[child_path] = key_line
            result[key] = self.build(value_node, child_path, depth + 1)
        return result


def _compose_checked(text: str, builder: _Builder, loader_class: Any) -> yaml.Node | None:
    """Compose with the event stream so anchors and aliases can be reported, not expanded."""
    loader = loader_class(text)
    try:
        stack: list[tuple[yaml.Node, list[Any]]] = []
        root: yaml.Node | None = None
        while True:
            event = loader.get_event()
            if isinstance(event, (yaml.StreamStartEvent, yaml.DocumentStartEvent)):
                continue
            if isinstance(event, (yaml.DocumentEndEvent, yaml.StreamEndEvent)):
                if isinstance(event, yaml.StreamEndEvent):
                    break
                if root is not None and loader.check_event(yaml.DocumentStartEvent):
                    mark = loader.peek_event().start_mark
                    builder.problem("yaml-syntax", builder.mark_line(mark), "",
                                    "Front matter hanya boleh berisi satu dokumen YAML.",
                                    "Hapus baris `---` atau `...` tambahan di dalam front matter.")
                    return None
                continue
            node: yaml.Node | None = None
            if isinstance(event, yaml.AliasEvent):
                node = yaml.ScalarNode(_TAG + "null", "", event.start_mark, event.end_mark)
                builder.aliases[id(node)] = event.anchor
            else:
                if isinstance(event, yaml.ScalarEvent):
                    tag = event.tag
                    if tag is None or tag == "!":
                        tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
                    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
                    if event.anchor is not None:
                        builder.anchors[id(node)] = event.anchor
                elif isinstance(event, yaml.SequenceStartEvent):
                    tag = event.tag if event.tag not in (None, "!") else loader.resolve(yaml.SequenceNode, None, event.implicit)
                    seq = yaml.SequenceNode(tag, [], event.start_mark, None)
                    if event.anchor is not None:
                        builder.anchors[id(seq)] = event.anchor
                    stack.append((seq, seq.value))
                    continue
                elif isinstance(event, yaml.MappingStartEvent):
                    tag = event.tag if event.tag not in (None, "!") else loader.resolve(yaml.MappingNode, None, event.implicit)
                    mapping = yaml.MappingNode(tag, [], event.start_mark, None)
                    if event.anchor is not None:
                        builder.anchors[id(mapping)] = event.anchor
                    stack.append((mapping, []))
                    continue
                elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                    container, items = stack.pop()
                    if isinstance(container, yaml.MappingNode):
                        container.value = list(zip(items[0::2], items[1::2]))
                    node = container
            if node is None:
                continue
            if stack:
                stack[-1][1].append(node)
            else:
                root = node
        return root
    finally:
        loader.dispose()


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
                        f"Front matter bersarang terlalu dalam (lebih dari {MAX_NESTING} tingkat "
                        "kurung `[`/`{` atau tanda `-` dalam satu baris).",
                        "Periksa tanda kurung `[`/`{` yang tidak ditutup; daftar ditulis `- butir` "
                        "satu per baris.")
        return builder.out
    loader_class = yaml.SafeLoader if builder.breaks is not None else _Loader
    try:
        if "&" in text or "*" in text:
            root = _compose_checked(text, builder, loader_class)
        else:
            root = yaml.compose(text, Loader=loader_class)
    except RecursionError:
        builder.out.ok = False
        builder.problem("yaml-syntax", line_offset, "", "Front matter bersarang terlalu dalam.",
                        "Periksa tanda kurung `[`/`{` yang tidak ditutup.")
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
        builder.problem("yaml-syntax", line, "", f"Front matter memuat karakter kontrol yang tidak diizinkan{shown}.",
                        "Hapus karakter tak terlihat (sering terbawa saat menyalin dari PDF atau pengolah kata).")
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
