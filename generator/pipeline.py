"""The front half of every command: load taxonomies and case studies, validate, model.

``load_and_validate`` returns everything found (for ``katalog validate``);
``load_catalog`` is what build and search use: it raises ContentError on any error.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from generator.codes import diagnostic
from generator.collections import Collection, load_collections
from generator.diagnostics import Diagnostic, has_errors, sort_key
from generator.errors import ConfigError, ContentError
from generator.loading import (
    find_ignored_files,
    find_innovation_files,
    link_diagnostic,
    load_documents,
)
from generator.model import Catalog, build_catalog
from generator.paths import link_outside
from generator.search.analysis import build_analyzer
from generator.source import SourceDocument
from generator.taxonomy import REQUIRED_VOCABULARIES, Taxonomies, load_taxonomies
from generator.validate import validate_documents
from generator.validate.pages import check_docs, check_pages


@dataclass(slots=True)
class LoadResult:
    documents: list[SourceDocument]
    taxonomies: Taxonomies
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files_checked: int = 0
    # Remarks about the run rather than about a file (e.g. whose vocabularies were used);
    # the CLI prints them to stderr so machine-readable output holds only diagnostics.
    notes: list[str] = field(default_factory=list)
    collections: list[Collection] = field(default_factory=list)  # content/collections/*.yml


# The project's own vocabularies and data files (synonyms.yml, acronyms.yml). What a content
# folder's taxonomies/ lacks — all of it when there is no such folder, e.g. one holding only
# innovations/ to check a few files — comes from here, with a note.
DEFAULT_TAXONOMIES = Path(__file__).resolve().parent.parent / "content" / "taxonomies"
# Data files (not vocabularies) that search reads; borrowed like vocabularies when absent.
SEARCH_DATA = ("synonyms", "acronyms")


def load_content_taxonomies(content_dir: Path) -> tuple[Taxonomies, list[Diagnostic], list[str]]:
    """The content folder's taxonomies, completed from the project's own; in the project's own
    folder a missing vocabulary stays an error."""
    if not content_dir.is_dir():
        raise ConfigError(f"folder konten `{content_dir}` tidak ditemukan "
                          "(pakai --content DIR, folder yang berisi innovations/ dan taxonomies/)")
    own = content_dir / "taxonomies"
    root = content_dir.resolve()
    # a link out of the content folder is refused (_folder_links reports it): read as absent
    has_own = own.is_dir() and link_outside(own, root) is None
    borrow = DEFAULT_TAXONOMIES.is_dir() and not (
        has_own and own.resolve() == DEFAULT_TAXONOMIES.resolve()
    )
    if not has_own and not borrow:
        raise ConfigError(
            f"folder `{own}` tidak ditemukan; "
            "--content harus menunjuk folder yang berisi innovations/ dan taxonomies/"
        )
    taxonomies, diagnostics = load_taxonomies(own, root) if has_own else (Taxonomies(), [])
    diagnostics += _check_synonyms(
        own, taxonomies
    )  # only the folder's own file: the project's is checked at home
    absent = [name for name in REQUIRED_VOCABULARIES if name not in taxonomies]
    if not borrow or not (absent or any(name not in taxonomies.data for name in SEARCH_DATA)):
        return taxonomies, diagnostics, []
    defaults, _ = load_taxonomies(DEFAULT_TAXONOMIES)
    vocabularies = {name: vocab for name, vocab in defaults.vocabularies.items() if name in absent}
    data = {name: value for name, value in defaults.data.items() if name not in taxonomies.data}
    if not has_own:
        note = f"folder `{own}` tidak ada; kosakata diambil dari `{DEFAULT_TAXONOMIES}`."
    else:
        note = (f"{', '.join([*vocabularies, *data])} tidak ada di `{own}`; diambil dari "
                f"`{DEFAULT_TAXONOMIES}`.")
    borrowed = {str(own / f"{name}.yml") for name in vocabularies}
    kept = [d for d in diagnostics if not (d.code == "taxonomy-missing" and d.file in borrowed)]
    return (
        Taxonomies({**vocabularies, **taxonomies.vocabularies}, {**data, **taxonomies.data}),
        kept,
        [note] if vocabularies or data else [],
    )


def load_and_validate(
    content_dir: Path, files: list[Path] | None = None, *, today: date
) -> LoadResult:
    """Load and validate the content folder; with ``files``, report only on those files."""
    content_dir = Path(content_dir)
    link_problems = _folder_links(content_dir)
    taxonomies, diagnostics, notes = load_content_taxonomies(content_dir)
    diagnostics += link_problems
    if files:
        chosen = _chosen_files(files)
        # A collection file named on the command line is checked as a collection, against
        # every case study in the content folder.
        collection_files = [
            p for p in chosen if p.parent.name == "collections" and p.suffix in (".yml", ".yaml")
        ]
        chosen = [p for p in chosen if p not in collection_files]
        chosen_keys = {_key(f) for f in chosen}
        others = [
            p
            for p in find_innovation_files(content_dir / "innovations")
            if _key(p) not in chosen_keys
        ]
        documents, problems, files_checked = (
            load_documents(content_dir, chosen) if chosen else ([], [], 0)
        )
        context, _, _ = load_documents(content_dir, others)
        only = {doc.file for doc in documents} | {d.file for d in problems}
        diagnostics += problems
        if documents or problems:
            diagnostics += _without_echoes(
                validate_documents(documents + context, taxonomies, today, only_files=only),
                problems,
            )
        if collection_files:
            _collections_found, collection_problems = _collections(content_dir, documents + context)
            wanted = {_key(p) for p in collection_files}
            diagnostics += [d for d in collection_problems if _key(Path(d.file)) in wanted]
            files_checked += len(collection_files)
    else:
        documents, problems, files_checked = load_documents(content_dir, None)
        diagnostics += problems
        refused = {d.file for d in link_problems}
        innovations = content_dir / "innovations"
        for stray in ([] if str(innovations) in refused else find_ignored_files(innovations)):
            diagnostics.append(
                diagnostic(
                    "ignored-file",
                    str(stray),
                    1,
                    "",
                    "Berkas ini tidak dibaca sebagai studi kasus.",
                    "Studi kasus ditulis sebagai `innovations/<id>.md` atau "
                    "`innovations/<id>/index.md` "
                    "(huruf kecil `.md`).",
                )
            )
        if files_checked == 0 and str(innovations) not in refused:
            diagnostics.append(diagnostic("no-innovations", str(content_dir / "innovations"), 0, "",
                                          "Belum ada studi kasus di folder `innovations/`.",
                                          "Buat yang pertama dengan `katalog new <id>`."))
        diagnostics += _without_echoes(validate_documents(documents, taxonomies, today), problems)
        diagnostics += check_pages(content_dir)  # prose pages are contributor-editable too
        diagnostics += check_docs(content_dir)  # and docs/ must stay empty
        collections, collection_problems = _collections(content_dir, documents)
        diagnostics += collection_problems
        files_checked += len(collections) + len({d.file for d in collection_problems})
        return LoadResult(
            documents,
            taxonomies,
            sorted(diagnostics, key=sort_key),
            files_checked,
            notes,
            collections,
        )
    return LoadResult(
        documents, taxonomies, sorted(diagnostics, key=sort_key), files_checked, notes
    )


CONTENT_FOLDERS = ("innovations", "pages", "taxonomies", "collections")


def _folder_links(content_dir: Path) -> list[Diagnostic]:
    """``innovations/``, ``pages/`` or ``taxonomies/`` as a symbolic link out of the content
    folder."""
    root = content_dir.resolve()
    found = []
    for name in CONTENT_FOLDERS:
        target = link_outside(content_dir / name, root)
        if target is not None:
            found.append(link_diagnostic(content_dir / name, target))
    return found


def _collections(
    content_dir: Path, documents: list[SourceDocument]
) -> tuple[list[Collection], list[Diagnostic]]:
    """The collections, checked against the case ids (and former ids, for a helpful hint)."""
    ids = {
        str(d.front_matter.get("id"))
        for d in documents
        if isinstance(d.front_matter.get("id"), str)
    }
    former = {}
    for doc in documents:
        for old in doc.front_matter.get("former_ids") or ():
            if isinstance(old, str) and isinstance(doc.front_matter.get("id"), str):
                former[old] = doc.front_matter["id"]
    return load_collections(content_dir, ids, former)


def _check_synonyms(taxonomy_dir: Path, taxonomies: Taxonomies) -> list[Diagnostic]:
    """A malformed ``synonyms.yml`` or ``acronyms.yml`` is a content error here, not only when the
    site is built."""
    found: list[Diagnostic] = []
    try:
        build_analyzer(taxonomies.data.get("synonyms"))
    except ConfigError as exc:
        found.append(
            diagnostic(
                "synonyms-invalid",
                str(taxonomy_dir / "synonyms.yml"),
                1,
                "groups",
                str(exc),
                "Setiap grup adalah daftar; entri pertama satu kata (kuncinya), "
                "mis. `- [ktp, kartu tanda penduduk]`.",
            )
        )
    try:
        build_analyzer(None, taxonomies.data.get("acronyms"))
    except ConfigError as exc:
        found.append(
            diagnostic(
                "acronyms-invalid",
                str(taxonomy_dir / "acronyms.yml"),
                1,
                "acronyms",
                str(exc),
                "Tulis `acronyms:` lalu satu akronim per baris, mis. "
                "`APBD: Anggaran Pendapatan dan Belanja Daerah`.",
            )
        )
    return found


def _without_echoes(found: list[Diagnostic], loading: list[Diagnostic]) -> list[Diagnostic]:
    """Drop validation errors at a key the loader already reported (e.g. an alias read as empty)."""
    taken = {(d.file, d.path) for d in loading if d.path}
    if not taken:
        return found
    return [d for d in found if (d.file, d.path) not in taken]


def _chosen_files(files: list[Path]) -> list[Path]:
    """The FILE arguments: each once; a folder-form folder means its ``index.md``."""
    chosen: list[Path] = []
    seen: set[Path] = set()
    missing: list[str] = []
    for given in files:
        path = Path(given)
        try:
            if path.is_dir() and (path / "index.md").is_file():
                path = path / "index.md"
            found = path.is_file()
        except OSError:  # e.g. a name too long for the file system
            found = False
        if not found:
            missing.append(str(given))
            continue
        if _key(path) not in seen:
            seen.add(_key(path))
            chosen.append(path)
    if missing:
        raise ConfigError("berkas tidak ditemukan: " + ", ".join(missing))
    return chosen


def _key(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path


def load_catalog(content_dir: Path, today: date) -> tuple[Catalog, list[Diagnostic]]:
    """The validated catalogue and its warnings; raises ContentError when there are errors."""
    result = load_and_validate(content_dir, today=today)
    if has_errors(result.diagnostics):
        raise ContentError(result.diagnostics, result.files_checked)
    catalog = build_catalog(result.documents, result.taxonomies, today)
    if result.collections:
        catalog = replace(
            catalog, collections=tuple(sorted(result.collections, key=lambda c: c.id))
        )
    return catalog, result.diagnostics
