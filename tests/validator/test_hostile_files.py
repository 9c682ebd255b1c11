"""Hostile files under content/: every one is a diagnostic with a file and a line, never a crash,
a traceback or a hang. The CLI runs in a subprocess, so a segfault fails the test instead of
killing the test run."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.yaml_reader import MAX_NESTING, parse_yaml
from tests.validator.conftest import make_content
from tests.validator.test_cli import katalog, no_traceback

DEEP_FLOW = "tags: " + "[" * 25_000  # inside the 64 KiB front-matter limit
DEEP_BLOCK = "tags:\n" + "- " * 25_000 + "x"


def _case(content: Path, front: str) -> Path:
    path = content / "innovations" / "kasus.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("\nlast_verified:", f"\n{front}\nlast_verified:", 1), encoding="utf-8"
    )
    return path


@pytest.mark.parametrize(
    "front", [DEEP_FLOW, DEEP_BLOCK, "tags: " + "{a: " * 15_000, "tags: " + "[{" * 12_000]
)
def test_deep_front_matter_is_a_diagnostic_not_a_segfault(tmp_path: Path, front: str) -> None:
    content = make_content("valid-minimal", tmp_path)
    case = _case(content, front)
    start = time.perf_counter()
    proc = katalog("validate", "--content", str(content))
    assert proc.returncode == 1, (proc.returncode, proc.stderr[-500:])  # 139/-11 was a segfault
    assert time.perf_counter() - start < 60
    no_traceback(proc)
    line = case.read_text(encoding="utf-8").split("\n").index(front.split("\n")[-1]) + 1
    assert f"  baris {line}  -  kesalahan [yaml-syntax]" in proc.stdout
    assert "bersarang terlalu dalam" in proc.stdout


def test_deep_taxonomy_is_a_diagnostic_not_a_segfault(tmp_path: Path) -> None:
    content = make_content("valid-minimal", tmp_path)
    (content / "taxonomies" / "statuses.yml").write_text(
        "vocabulary: statuses\nterms: " + "[" * 25_000, encoding="utf-8"
    )
    proc = katalog("validate", "--content", str(content))
    assert proc.returncode == 1, (proc.returncode, proc.stderr[-500:])
    no_traceback(proc)
    assert "statuses.yml\n  baris 2" in proc.stdout and "bersarang terlalu dalam" in proc.stdout


@pytest.mark.parametrize("text", [
    "a: [[[1], [2]], {b: [c, {d: e}]}]",
    "a: '[[[[[[[[[[' \nb: \"[[[[[[[[[[\\\"[[[[\"",
    "a: [" + ", ".join(["[1]"] * 5_000) + "]",  # many brackets, shallow
    "a:\n" + "".join(" " * n + f"k{n}:\n" for n in range(0, 35)) + " " * 35 + "x: 1",
    "# " + "[" * 500 + "\na: 1",
])
def test_ordinary_nesting_is_not_flagged(text: str) -> None:
    parsed = parse_yaml(text)
    assert not any("bersarang" in p[3] for p in parsed.problems), parsed.problems[:1]


def test_the_scan_never_underestimates_after_a_false_quote() -> None:
    """A quote that YAML does not read as one (inside a block scalar) cannot hide a bomb."""
    text = "a: |\n  'x\nb: " + "[" * (MAX_NESTING * 3) + "\nc: 'y'"
    parsed = parse_yaml(text)
    assert not parsed.ok and parsed.problems[0][1] == 3


def _page(content: Path, name: str, data: bytes) -> Path:
    (content / "pages").mkdir(exist_ok=True)
    path = content / "pages" / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("data", "code", "line"), [
    (b"---\ntitle: " + b"[" * 30_000 + b"\n---\n# Halaman\n", "yaml-syntax", 2),
    (b"---\ntitle: Halaman\n---\n\nCaf\xe9 di desa\n", "not-utf8", 5),
    (b"---\ntitle: [a\n---\nteks\n", "yaml-syntax", 2),
    (b"---\n- a\n---\nteks\n", "front-matter-not-mapping", 1),
    (b"---\ntitle: a\ntitle: b\n---\nteks\n", "yaml-duplicate-key", 3),
    (b"---\ntitle: Halaman\n\n# Tanpa penutup\n", "front-matter-unclosed", 1),
])
def test_page_problems_are_diagnostics(tmp_path: Path, data: bytes, code: str, line: int) -> None:
    """content/pages/ parse errors were tracebacks (RecursionError, UnicodeDecodeError) while
    `validate` said 0 errors."""
    content = make_content("valid-minimal", tmp_path)
    page = _page(content, "panduan.md", data)
    proc = katalog("validate", "--content", str(content))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    no_traceback(proc)
    assert f"{page}\n  baris {line}  " in proc.stdout and f"kesalahan [{code}]" in proc.stdout
    out = tmp_path / "site"
    build = katalog("build", "--content", str(content), "--out", str(out))
    assert build.returncode == 1 and not out.exists()
    no_traceback(build)
    assert f"kesalahan [{code}]" in build.stderr


def test_plain_and_front_matter_pages_still_render(tmp_path: Path) -> None:
    from generator.render.pages import split_front_matter
    from generator.site import read_prose

    content = make_content("valid-minimal", tmp_path)
    _page(
        content,
        "panduan.md",
        "\ufeff---\r\ntitle: Panduan\r\ndescription: 2024\r\n---\r\n\r\n# Judul\r\n".encode(),
    )
    _page(content, "tanpa.md", b"# Tanpa front matter\n\nteks\n")
    prose = dict(read_prose(content))
    assert split_front_matter(prose["panduan"]) == (
        {"title": "Panduan", "description": "2024"},
        "# Judul\n",
    )
    assert split_front_matter(prose["tanpa"]) == ({}, "# Tanpa front matter\n\nteks\n")


SECRET = "RAHASIA_LINGKUNGAN=jangan-terbit"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the content folder with a secret file and a copy of a valid case."""
    folder = tmp_path / "luar"
    folder.mkdir()
    (folder / "env.md").write_text(f"# Rahasia\n\n{SECRET}\n", encoding="utf-8")
    (folder / "gambar.png").write_bytes(b"\x89PNG\r\n\x1a\n" + SECRET.encode())
    return folder


@pytest.mark.parametrize(
    "where",
    [
        "page",
        "case-file",
        "case-folder",
        "asset",
        "asset-folder",
        "taxonomy",
        "pages-folder",
        "innovations-folder",
        "taxonomies-folder",
    ],
)
def test_links_leaving_the_content_folder_are_refused(
    tmp_path: Path, outside: Path, where: str
) -> None:
    content = make_content("valid-minimal", tmp_path / "repo")
    case = content / "innovations" / "kasus.md"
    (content / "pages").mkdir()
    if where == "page":
        link = content / "pages" / "env.md"
        link.symlink_to(outside / "env.md")
    elif where == "case-file":
        (outside / "salinan.md").write_text(
            case.read_text(encoding="utf-8").replace("id: kasus", "id: salinan"), encoding="utf-8"
        )
        link = content / "innovations" / "salinan.md"
        link.symlink_to(outside / "salinan.md")
    elif where == "case-folder":
        (outside / "index.md").write_text(
            case.read_text(encoding="utf-8").replace("id: kasus", "id: luar"), encoding="utf-8"
        )
        link = content / "innovations" / "luar"
        link.symlink_to(outside, target_is_directory=True)
    elif where in ("asset", "asset-folder"):
        folder = content / "innovations" / "kasus"
        folder.mkdir()
        case.rename(folder / "index.md")
        link = folder / ("gambar.png" if where == "asset" else "lampiran")
        link.symlink_to(outside / "gambar.png" if where == "asset" else outside)
    elif where == "taxonomy":
        link = content / "taxonomies" / "rahasia.yml"
        link.symlink_to("/etc/passwd")
    else:
        name = where.removesuffix("-folder")
        moved = tmp_path / f"{name}-asli"
        (content / name).rename(moved)
        link = content / name
        link.symlink_to(moved, target_is_directory=True)
    proc = katalog("validate", "--content", str(content))
    no_traceback(proc)
    assert proc.returncode == 1, proc.stdout
    reported = link / "index.md" if where == "case-folder" else link
    code = (
        "asset-link" if where.startswith("asset") else "symlink-outside"
    )  # every link in a case folder is refused
    assert f"{reported}\n  baris 1  -  kesalahan [{code}]" in proc.stdout
    assert SECRET not in proc.stdout + proc.stderr
    out = tmp_path / "site"
    build = katalog("build", "--content", str(content), "--out", str(out))
    assert build.returncode == 1 and not out.exists()


def test_links_inside_the_content_folder_are_followed(tmp_path: Path) -> None:
    content = make_content("valid-minimal", tmp_path)
    (content / "pages").mkdir()
    (content / "teks").mkdir()
    (content / "teks" / "panduan.md").write_text("# Panduan\n\nteks\n", encoding="utf-8")
    (content / "pages" / "panduan.md").symlink_to(Path("..") / "teks" / "panduan.md")
    proc = katalog("validate", "--content", str(content))
    assert proc.returncode == 0, proc.stdout


@pytest.mark.parametrize(("extra", "code"), [
    ("[" * 20_000, "body-too-complex"),
    ("![" * 600, "body-too-complex"),
    ("[a](" * 600, "body-too-complex"),
    ("> " * 2_000 + "kutipan", "body-too-complex"),
    ("".join("  " * i + "- butir\n" for i in range(300)), "body-too-complex"),
    ("kata " * 50_000, "body-too-large"),
])
def test_bodies_that_would_stall_the_build_fail_validation(
    tmp_path: Path, extra: str, code: str
) -> None:
    """20,000 `[` validated in 0.17 s but built in 40 s: now `validate` (the pull-request check)
    fails."""
    content = make_content("valid-minimal", tmp_path)
    case = content / "innovations" / "kasus.md"
    text = case.read_text(encoding="utf-8")
    case.write_text(text + "\n" + extra + "\n", encoding="utf-8")
    proc = katalog("validate", "--content", str(content))
    assert proc.returncode == 1
    line = text.count("\n") + 2
    if extra.startswith("- "):  # the first item indented more than MAX_LIST_INDENT (41 spaces)
        line += 21
    if code == "body-too-large":  # reported where the body starts
        line = text.split("\n").index("---", 1) + 2
    assert f"  baris {line}  -  kesalahan [{code}]" in proc.stdout
    assert f"kesalahan [{code}]" in proc.stdout


def test_bodies_within_the_limits_render_quickly() -> None:
    from generator.render.markdown import MarkdownRenderer
    from generator.source import SourceDocument
    from generator.validate.body import (
        MAX_BRACKETS,
        MAX_LIST_INDENT,
        MAX_QUOTE_DEPTH,
        check_body_limits,
    )

    renderer = MarkdownRenderer()
    worst = [
        "[" * MAX_BRACKETS,
        "![" * (MAX_BRACKETS // 1),
        "[a](" * MAX_BRACKETS,
        "> " * MAX_QUOTE_DEPTH + "a",
        "".join(" " * i + "- a\n" for i in range(0, MAX_LIST_INDENT + 1, 2)),
    ]
    for body in worst:
        assert check_body_limits(SourceDocument("k.md", "k", {}, body, 1)) == []
        start = time.perf_counter()
        renderer.render(body)
        assert time.perf_counter() - start < 10  # generous; 20,000 `[` took 40 s
