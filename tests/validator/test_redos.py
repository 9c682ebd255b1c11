"""Every pattern over contributor text is linear: about 1 MB of adversarial text per checker
finishes well inside a generous bound (a quadratic or cubic pattern takes minutes to hours)."""

from __future__ import annotations

import time

import pytest

from generator.loading import parse_document
from generator.render import pages
from generator.search import analysis, index
from generator.source import SourceDocument
from generator.taxonomy import load_taxonomies
from generator.validate import validate_document
from generator.validate.body import check_body, check_body_limits
from tests.conftest import TODAY
from tests.validator.conftest import FIXTURES, TAXONOMIES

MB = 1_000_000
BOUND = 10.0  # seconds; generous on a loaded 2-core machine, hours for the patterns this replaced
BASE = (FIXTURES / "valid-full" / "innovations" / "kasus.md").read_text(encoding="utf-8")


def _fill(unit: str, size: int = MB) -> str:
    return unit * (size // len(unit))


# Bodies that made a pattern of generator/validate/body.py quadratic or worse.
HOSTILE_BODIES = {
    "heading-spaces": "## a" + " " * MB + "b",
    "heading-tabs": "## a" + _fill(" \t") + "#",
    "unsafe-tag-spaces": "<" + " " * MB,
    "unsafe-tag-slash": _fill("< / "),
    "reference-labels": _fill("[a\n"),
    "link-openers": _fill("]("),
    "link-angle-openers": _fill("](<"),
    "backtick-runs": "".join("`" * k + "a" for k in range(1, 1400)),
    "backtick-pairs": "`a" + _fill("``a"),
    "tags": _fill("<a "),
    "event-handlers": _fill(" on" + "a" * 50),
    "attribute-urls": _fill("<a href= "),
    "quotes": "<a " + _fill("\"'"),
    "autolinks": _fill("<a:"),
    "entities": _fill("&#"),
    "data-scheme": _fill("d\ta\nt\ta:"),
    "deep-quote-lines": _fill(" " * 30 + "> " * 20 + "\n"),
    "deep-list-lines": _fill(" " * 100 + "x\n"),
}


def _doc(body: str) -> SourceDocument:
    return SourceDocument(file="kasus.md", doc_id="kasus", front_matter={}, body=body, body_line=10)


def _timed(func, *args):
    start = time.perf_counter()
    result = func(*args)
    return time.perf_counter() - start, result


@pytest.mark.parametrize("name", sorted(HOSTILE_BODIES))
def test_body_checker_is_linear(name: str) -> None:
    seconds, _ = _timed(lambda d: (check_body(d), check_body_limits(d)), _doc(HOSTILE_BODIES[name]))
    assert seconds < BOUND, f"{name}: {seconds:.1f} s"


def test_heading_titles_still_found_after_the_rewrite() -> None:
    body = ("## Latar Belakang ##\n\n##\tInovasi   \n\n## Hasil dan Dampak\n## Pembelajaran #\n## "
            "Cara Mereplikasi")
    assert [d.code for d in check_body(_doc(body))] == []
    masked = check_body(_doc("`<script>` and ``<iframe>`` are code\n\n<script>"))
    assert [d.line for d in masked if d.code == "unsafe-html"] == [12]


@pytest.mark.parametrize("front", [
    "title: " + "\"" + _fill("\\\"", 60_000),
    "title: '" + _fill("''", 60_000),
    _fill(" " * 50 + "a\n", 60_000),
    _fill("-" * 30 + "\n", 60_000),
    "title:" + "\u00a0" * 60_000,
    _fill("a" * 40 + ":x\n", 60_000),
])
def test_loader_is_linear(front: str) -> None:
    text = f"---\n{front}\n---\n" + _fill("-- \n")
    seconds, _ = _timed(parse_document, text.encode(), "kasus.md", "kasus")
    assert seconds < BOUND


def test_loader_without_closing_fence_is_linear() -> None:
    text = "---\n" + _fill("  --\n")
    seconds, (doc, problems) = _timed(parse_document, text.encode(), "kasus.md", "kasus")
    assert doc is None and problems and seconds < BOUND


def test_schema_patterns_are_linear() -> None:
    """The URL pattern ``[^\\s/?#]+[^\\s]*$`` was quadratic on a long URL ending in a space."""
    taxonomies, _ = load_taxonomies(TAXONOMIES)
    long_url = "https://" + "a" * 60_000 + " x"
    doc, _ = parse_document(BASE.encode(), "kasus.md", "kasus")
    assert doc is not None
    front = dict(doc.front_matter)
    front["sources"] = [{"title": "a", "url": long_url, "publisher": "b"}]
    front["contact"] = {"website": long_url, "email": "a@" + "a" * 60_000 + "!"}
    hostile = SourceDocument(doc.file, doc.doc_id, front, doc.body, doc.body_line, doc.lines)
    seconds, problems = _timed(validate_document, hostile, taxonomies, TODAY)
    assert seconds < BOUND
    assert any(d.path == "sources.0.url" for d in problems)


@pytest.mark.parametrize("text", [_fill("]("), _fill("](http"), _fill("https://a "), _fill("é-")])
def test_search_analysis_is_linear(text: str) -> None:
    seconds, _ = _timed(lambda t: analysis.words(index._URL.sub(" ", t)), text)
    assert seconds < BOUND


@pytest.mark.parametrize("body", ["# a" + " " * MB + "b", "#" + " " * MB, _fill("(http://"),
                                  _fill("# a #\n"), _fill("(https://a"), "#\t" + _fill("# ")])
def test_prose_page_helpers_are_linear(body: str) -> None:
    seconds, _ = _timed(lambda b: (pages._H1.search(b), pages._first_paragraph(b)), body)
    assert seconds < BOUND


def test_prose_page_title_comes_from_the_first_heading() -> None:
    match = pages._H1.search("intro\n# Judul halaman ##  \n\nteks")
    assert match and match.group(1).rstrip().rstrip("#").rstrip() == "Judul halaman"
