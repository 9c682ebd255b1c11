"""The MkDocs adapter stays thin: public MkDocs API only, no global state, narrow log filtering.

- No code in generator/mkdocs_adapter/ reads or writes an underscore attribute of another
  object, imports a private name, replaces a method or sets a flag on a library object or a
  module (an AST check, so it stays true). Our ``Page`` subclass may set what a page's
  ``render`` sets (``content``, ``toc``) on itself: MkDocs builds the Page a plugin puts on
  ``File.page`` (since 1.5.3).
- Under ``mkdocs serve`` nothing forks, and no module variable is flipped to get there.
- Generated pages outside the nav are declared NOT_IN_NAV, so MkDocs does not list them.
- Only MkDocs' three build-progress INFO records are dropped; its warnings still get through.
- The site name reaches Material's (uncopied) partials escaped.
"""

from __future__ import annotations

import ast
import logging
from pathlib import Path

import pytest

from generator.mkdocs_adapter import build as adapter
from generator.mkdocs_adapter.plugin import GeneratedPage

from .conftest import CONFIG, FIXTURE, ROOT, TODAY

ADAPTER = ROOT / "generator" / "mkdocs_adapter"

# Attributes of objects other than our own that the adapter may set, each public and documented:
# MkDocs' Page.meta and Page.toc (set by plugins in page events), Page.update_date (the date
# the sitemap prints, set to the build's reference date in on_pre_page), MkDocsConfig.site_name (in
# on_config), Jinja's Environment.auto_reload and bytecode_cache (in on_env), and the plugin's
# own inputs that build.py hands over (KatalogPlugin.content_override, today, preloaded).
ALLOWED_WRITES = {"meta", "toc", "update_date", "site_name", "auto_reload", "bytecode_cache",
                  "content_override", "today", "preloaded"}
# Attributes the Python language itself defines on exceptions (read to unwrap MkDocs' Abort).
LANGUAGE_ATTRIBUTES = {"__cause__", "__context__"}


def _violations(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []

    def where(node: ast.AST) -> str:
        return f"{path.name}:{getattr(node, 'lineno', '?')}"

    def own(node: ast.expr) -> bool:  # self, cls or super(): our own object or class
        return (isinstance(node, ast.Name) and node.id in ("self", "cls")) or (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "super"
        )

    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and node.attr.startswith("_") and not own(node.value)
                and node.attr not in LANGUAGE_ATTRIBUTES):
            found.append(f"{where(node)}: underscore attribute .{node.attr} of another object")
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if alias.name.startswith("_"):
                    found.append(
                        f"{where(node)}: private name {alias.name} imported from {node.module}"
                    )
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = [
                t
                for target in node.targets
                for t in (target.elts if isinstance(target, ast.Tuple) else [target])
            ]
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.Delete)):
            targets = node.targets if isinstance(node, ast.Delete) else [node.target]
        for target in targets:
            if (
                isinstance(target, ast.Attribute)
                and not own(target.value)
                and target.attr not in ALLOWED_WRITES
            ):
                found.append(f"{where(target)}: sets .{target.attr} on another object")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("setattr", "delattr")
        ):
            found.append(f"{where(node)}: {node.func.id}() on another object")
    return found


def test_the_check_catches_what_the_old_adapter_did(tmp_path):
    old = tmp_path / "old.py"
    old.write_text(
        "from mkdocs.utils import _removesuffix\n"
        "def f(page, parallel, render):\n"
        "    page.render = render\n"
        "    page._title_from_render = None\n"
        "    page.present_anchor_ids, page.links_to_anchors = set(), {}\n"
        "    parallel.ENABLED = False\n"
        "    del page.render\n"
        "    setattr(page, 'x', 1)\n"
        "    return page.file._content\n", encoding="utf-8")
    text = "\n".join(_violations(old))
    for expected in ("_removesuffix", ".render", "._title_from_render", ".present_anchor_ids",
                     ".links_to_anchors", ".ENABLED", "setattr()", "._content"):
        assert expected in text, expected


def test_adapter_uses_no_private_attributes_and_patches_nothing():
    files = sorted(ADAPTER.rglob("*.py"))
    assert len(files) >= 4
    assert [v for f in files for v in _violations(f)] == []


def test_under_mkdocs_serve_nothing_forks_and_no_module_flag_is_set(tmp_path, monkeypatch):
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from generator.render import parallel

    monkeypatch.setattr(parallel, "PARALLEL_MIN", 1)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    forks: list[str] = []

    def no_fork(method):
        forks.append(method)
        raise AssertionError("a fork was started")

    monkeypatch.setattr(parallel.multiprocessing, "get_context", no_fork)
    module_state = {k: v for k, v in vars(parallel).items() if not k.startswith("__")}

    def run(command: str) -> None:
        config = load_config(str(CONFIG), site_dir=str(tmp_path / command))
        plugin = config.plugins["katalog"]
        plugin.content_override, plugin.today = FIXTURE, TODAY
        config.plugins.on_startup(command=command, dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()

    run("serve")
    assert forks == []
    assert (tmp_path / "serve" / "inovasi" / "layanan-induk" / "index.html").is_file()
    assert {k: v for k, v in vars(parallel).items() if not k.startswith("__")} == module_state
    with pytest.raises(
        AssertionError, match="a fork was started"
    ):  # the same build outside serve does fork (the check works)
        run("build")
    assert forks == ["fork"]


def _project(tmp_path: Path, edit) -> Path:
    """A checkout-shaped folder with an edited mkdocs.yml."""
    root = tmp_path / "repo"
    root.mkdir()
    text = CONFIG.read_text(encoding="utf-8")
    edited = edit(text)
    assert edited != text
    (root / "mkdocs.yml").write_text(edited, encoding="utf-8")
    (root / "overrides").symlink_to(ROOT / "overrides")
    (root / "docs").mkdir()
    return root / "mkdocs.yml"


def test_pages_outside_the_nav_are_declared_so_and_not_reported(tmp_path, caplog):
    config = _project(
        tmp_path, lambda t: t.replace("    omitted_files: ignore\n", "    omitted_files: warn\n")
    )
    caplog.set_level(logging.INFO)
    adapter.build(config, FIXTURE, tmp_path / "site", TODAY)
    assert (tmp_path / "site" / "inovasi" / "layanan-induk" / "index.html").is_file()
    assert [r.getMessage() for r in caplog.records if r.name.startswith("mkdocs")] == []


def test_generated_files_carry_their_nav_inclusion():
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files, InclusionLevel

    config = load_config(str(CONFIG))
    plugin = config.plugins["katalog"]
    plugin.content_override, plugin.today = FIXTURE, TODAY
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    files = plugin.on_files(Files([]), config=config)
    assert (
        files.get_file_from_path("inovasi/layanan-induk/index.md").inclusion
        is InclusionLevel.NOT_IN_NAV
    )
    assert (
        files.get_file_from_path("jelajahi/index.md").inclusion is InclusionLevel.UNDEFINED
    )  # in the nav
    assert files.get_file_from_path("index.md").inclusion.is_in_nav()
    # Pages outside the nav skip Markdown (our Page subclass); nav pages are MkDocs' own,
    # titled from mkdocs.yml's nav.
    case = files.get_file_from_path("inovasi/layanan-induk/index.md")
    assert isinstance(case.page, GeneratedPage) and case.page.file is case
    assert files.get_file_from_path("jelajahi/index.md").page is None


def test_a_real_mkdocs_warning_still_gets_through_and_the_filter_is_removed(tmp_path, caplog):
    config = _project(
        tmp_path,
        lambda t: t.replace(
            "  - Tentang: tentang/index.md\n",
            "  - Tentang: tentang/index.md\n  - Hilang: tidak-ada.md\n",
        ),
    )
    caplog.set_level(logging.INFO)
    adapter.build(config, FIXTURE, tmp_path / "site", TODAY)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("tidak-ada.md" in w for w in warnings), warnings
    infos = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert not any(
        m.startswith(("Building documentation", "Documentation built", "Cleaning site"))
        for m in infos
    )
    assert logging.getLogger("mkdocs.commands.build").filters == []
    # Outside our build the same logger is left alone.
    logging.getLogger("mkdocs.commands.build").info("Documentation built in 1.00 seconds")
    assert caplog.records[-1].getMessage() == "Documentation built in 1.00 seconds"


def test_the_filter_drops_only_the_three_progress_records():
    quiet = adapter.QuietBuildInfo()

    def record(level: int, msg: str) -> logging.LogRecord:
        return logging.LogRecord("mkdocs.commands.build", level, __file__, 1, msg, None, None)

    assert not quiet.filter(record(logging.INFO, "Building documentation to directory: /tmp/x"))
    assert not quiet.filter(record(logging.INFO, "Documentation built in 0.50 seconds"))
    assert not quiet.filter(record(logging.INFO, "Cleaning site directory"))
    assert quiet.filter(record(logging.INFO, "The following pages exist in the docs directory"))
    assert quiet.filter(record(logging.WARNING, "Documentation built in 0.50 seconds"))
    assert quiet.filter(
        record(
            logging.WARNING, "Doc file 'a.md' contains a link 'b.md', but the target is not found"
        )
    )


def test_site_name_reaches_the_uncopied_partials_escaped(tmp_path):
    hostile = 'Katalog <img src=x onerror=alert(1)> & "kutip"'
    config = _project(tmp_path, lambda t: t.replace("site_name: Katalog Inovasi Pelayanan Publik\n",
                                                    f"site_name: '{hostile}'\n"))
    adapter.build(config, FIXTURE, tmp_path / "site", TODAY)
    escaped = "Katalog &lt;img src=x onerror=alert(1)&gt; &amp; &#34;kutip&#34;"
    for page in (
        "index.html",
        "jelajahi/index.html",
        "inovasi/layanan-induk/index.html",
        "404.html",
    ):
        html = (tmp_path / "site" / page).read_text(encoding="utf-8")
        assert "<img src=x" not in html, page
        assert "&amp;lt;" not in html and "&amp;amp;" not in html, page  # escaped once, not twice
        assert escaped in html, page


def test_a_build_hands_nothing_to_the_next_build_in_the_same_process(tmp_path: Path) -> None:
    """MkDocs reuses the plugin instance (plugins with startup/shutdown events are cached per
    process): a catalogue handed to one build must not be what the next configuration builds."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from generator.pipeline import load_catalog
    from tests.conftest import CATALOG_TODAY

    real, _ = load_catalog(ROOT / "content", CATALOG_TODAY)
    adapter.build(CONFIG, ROOT / "content", tmp_path / "real", CATALOG_TODAY, real)
    assert (tmp_path / "real" / "inovasi" / "akuwaras-denpasar" / "index.html").is_file()

    config = load_config(str(CONFIG), site_dir=str(tmp_path / "fixture"))
    plugin = config.plugins["katalog"]
    assert (plugin.preloaded, plugin.content_override, plugin.today) == (None, None, None)
    plugin.content_override, plugin.today = FIXTURE, TODAY
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
    built = sorted(p.name for p in (tmp_path / "fixture" / "inovasi").iterdir())
    assert "layanan-induk" in built and "akuwaras-denpasar" not in built

