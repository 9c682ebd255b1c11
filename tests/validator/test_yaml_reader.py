"""The YAML reader: PyYAML's YAML 1.1 scalars, plus what the reader adds (a line for every key
path, dates kept as text, anchors, aliases and tags reported, never expanded or applied)."""

from __future__ import annotations

import math

import pytest

from generator.loading import parse_document
from generator.yaml_reader import MAX_DEPTH, parse_yaml

WITH_ODD_BREAK = "\u2028"  # NEL, LS and PS make the reader use PyYAML's Python parser


def _codes(problems: list[tuple[str, int, str, str, str]]) -> list[tuple[str, int, str]]:
    return [(code, line, path) for code, line, path, _message, _hint in problems]


@pytest.mark.parametrize("anchor", ["", "x: &a 1\n"])  # libyaml's composer, and the reader's own
def test_yaml_11_scalars_and_dates(anchor: str) -> None:
    text = (anchor + "a: no\nb: 01234\nc: 1:20\nd: 0x1F\ne: -.inf\nf: 0b101\ng: 1_000\nh: +12\n"
            "i: 2024-01-02\nj: 2024-01-02 10:00:00\nk: ~\nl: 3.5\nm: On\nn: '01234'\n")
    parsed = parse_yaml(text)
    value = {k: v for k, v in parsed.value.items() if k != "x"}
    assert value == {"a": False, "b": 668, "c": 80, "d": 31, "e": -math.inf, "f": 5, "g": 1000,
                     "h": 12, "i": "2024-01-02", "j": "2024-01-02 10:00:00", "k": None, "l": 3.5,
                     "m": True, "n": "01234"}
    # the written text of every plain scalar YAML did not read as a string, for the hints
    assert {k: v for k, v in parsed.scalars.items() if k != "x"} == {
        "a": "no", "b": "01234", "c": "1:20", "d": "0x1F", "e": "-.inf", "f": "0b101", "g": "1_000",
        "h": "+12", "k": "~", "l": "3.5", "m": "On"}
    assert math.isnan(parse_yaml("a: .NaN").value["a"])


def test_an_explicit_standard_tag_that_does_not_fit_keeps_the_text() -> None:
    parsed = parse_yaml("a: !!bool mungkin\nb: !!int abc\nc: !!float ''\nd: !!str 12\n"
                        "e: !!bool yes\n")
    assert parsed.value == {"a": "mungkin", "b": "abc", "c": "", "d": "12", "e": True}
    assert parsed.problems == [] and parsed.ok


@pytest.mark.parametrize("text", ["a: !!binary aGFsbw==\n", "a: !!set {b}\n", "a: !lokal x\n",
                                  "a: !!omap [b: 1]\n", "a: &j !!binary aGFsbw==\n"])
def test_other_tags_are_reported_not_applied(text: str) -> None:
    parsed = parse_yaml(text)
    assert "yaml-tag" in [code for code, *_ in parsed.problems]
    assert not isinstance(parsed.value["a"], bytes | set)


@pytest.mark.parametrize("odd", ["", WITH_ODD_BREAK])
def test_repeated_nested_and_undefined_anchor_names_are_each_reported(odd: str) -> None:
    """PyYAML would stop at a repeated anchor name ("found duplicate anchor") or an alias
    without its anchor ("found undefined alias"); the reader reports each one where it is."""
    text = f"a: &x [1, &x 2]{odd}\nb: *x\nc: *tidak_ada\nd: &x teks\n"
    parsed = parse_yaml(text)
    assert _codes(parsed.problems) == [("yaml-anchor", 1, "a"), ("yaml-anchor", 1, "a.1"),
                                       ("yaml-alias", 2, "b"), ("yaml-alias", 3, "c"),
                                       ("yaml-anchor", 4, "d")]
    assert parsed.problems[3][3] == "Alias YAML `*tidak_ada` tidak diizinkan."
    assert parsed.value == {"a": [1, 2], "b": None, "c": None, "d": "teks"}
    assert parsed.lines == {"a": 1, "a.0": 1, "a.1": 1, "b": 2, "c": 3, "d": 4}


def test_anchors_and_aliases_on_keys_are_reported() -> None:
    parsed = parse_yaml("&k a: 1\n*k : 2\nb: 3\n")
    assert _codes(parsed.problems) == [("yaml-anchor", 1, ""), ("yaml-alias", 2, "")]
    assert parsed.value == {"b": 3}


@pytest.mark.parametrize("anchor", ["", "&a "])
def test_a_second_document_is_one_syntax_error_with_or_without_an_anchor(anchor: str) -> None:
    front = f"id: {anchor}kasus\ntitle: Uji\n--- lagi\n"
    parsed = parse_yaml(front, line_offset=2)
    assert not parsed.ok
    assert [p for p in parsed.problems if p[0] == "yaml-syntax"] == [
        ("yaml-syntax", 4, "", "Front matter hanya boleh berisi satu dokumen YAML.",
         "Hapus baris `---`, `...` atau `%` tambahan di dalam front matter.")]
    doc, problems = parse_document(f"---\n{front}---\nIsi.\n".encode(), "kasus.md", "kasus")
    assert doc is None
    assert [(d.code, d.line) for d in problems] == [("yaml-syntax", 4)]


@pytest.mark.parametrize("odd", ["", WITH_ODD_BREAK])
@pytest.mark.parametrize("anchor", ["", "&a "])
def test_deep_indentation_is_reported_at_the_depth_limit(anchor: str, odd: str) -> None:
    """A few hundred levels of indentation fit in the 64 KiB limit, below the nesting scan's
    bound; the reader reports the first level past MAX_DEPTH, whichever composer reads it."""
    levels = 350
    nested = "".join(" " * n + "k:\n" for n in range(levels)) + " " * levels + "x: 1\n"
    text = f"a: {anchor}1{odd}\n" + nested
    assert len(text.encode()) < 64 * 1024
    parsed = parse_yaml(text)
    deep = [(line, message) for code, line, _path, message, _hint in parsed.problems
            if code == "yaml-syntax"]
    # `a` is on line 1, the first `k` on line 2; the mapping at depth d starts on line d + 2
    assert deep == [(MAX_DEPTH + 3,
                     f"Front matter bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat).")]
    others = [code for code, *_ in parsed.problems if code != "yaml-syntax"]
    assert others == (["yaml-anchor"] if anchor else [])


def test_duplicate_keys_report_both_lines_and_keep_the_first() -> None:
    parsed = parse_yaml("a: 1\nb:\n  c: 2\n  c: 3\na: 4\n")
    found = [(code, line, path, message) for code, line, path, message, _hint in parsed.problems]
    assert found == [
        ("yaml-duplicate-key", 4, "b.c", "Kunci `c` ditulis dua kali (baris 3 dan baris 4)."),
        ("yaml-duplicate-key", 5, "a", "Kunci `a` ditulis dua kali (baris 1 dan baris 5)."),
    ]
    assert parsed.value == {"a": 1, "b": {"c": 2}}
