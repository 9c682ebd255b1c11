"""Build the whole site: validate, render through the builder adapter, swap the result in.

The output folder is replaced only after a complete, successful build: the builder writes
into a fresh temporary folder beside it (same filesystem) which is then renamed into place.
"""

from __future__ import annotations

import errno
import importlib
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.diagnostics import Diagnostic
from generator.errors import ConfigError
from generator.loading import load_pages
from generator.model import Catalog
from generator.offline import write_offline_zip
from generator.output import Output
from generator.pipeline import load_catalog
from generator.render import SiteSettings, render_site
from generator.render.parallel import run_beside
from generator.search.render import render_search
from generator.source import SourceDocument

# The builder adapters: modules with build(config_file, content_dir, site_dir, today, catalog)
# (ARCHITECTURE.md, "What a builder adapter must provide"). `katalog build --builder NAME`
# picks one; BUILDER is the default. Adding a builder means adding one line here.
BUILDERS = {
    "mkdocs": "generator.mkdocs_adapter.build",
    "zensical": "generator.zensical_adapter.build",
}
DEFAULT_BUILDER = "mkdocs"
BUILDER = BUILDERS[DEFAULT_BUILDER]


@dataclass(frozen=True, slots=True)
class BuildResult:
    out_dir: Path
    innovations: int
    pages: int
    files: int
    warnings: tuple[Diagnostic, ...] = field(default_factory=tuple)

    def summary_lines(self) -> list[str]:
        lines = [f"Situs dibangun di {self.out_dir}: {self.innovations} studi kasus, "
                 f"{self.pages} halaman, {self.files} berkas."]
        if self.warnings:
            lines.append(
                f"{len(self.warnings)} peringatan (jalankan `katalog validate` untuk rinciannya)."
            )
        return lines


def settings_from(repo_url: str = "", site_url: str = "",
                  prose: tuple[tuple[str, str], ...] = ()) -> SiteSettings:
    return SiteSettings(repo_url=repo_url, site_url=site_url, prose=prose)


def read_prose(content_dir: Path) -> tuple[tuple[str, str], ...]:
    """``content/pages/*.md`` as (name, text), sorted; the About page is ``tentang.md``.

    Only pages the loader can read (``katalog validate`` reports the others, and a build with
    such a page stops before this).
    """
    pages, _problems = load_pages(Path(content_dir))
    return tuple((Path(page.file).stem, _page_text(page)) for page in pages)


def _page_text(page: SourceDocument) -> str:
    """The page's text as written (front matter included), from its loaded form."""
    if page.body_line == 1:  # no front matter
        return page.body
    try:
        return Path(page.file).read_bytes().decode("utf-8-sig", "replace")
    except OSError:
        return page.body


def collect_outputs(catalog: Catalog, settings: SiteSettings, *, fork: bool = True) -> list[Output]:
    """Every page and file of the site: rendered pages, exports and the search outputs
    (``fork=False``: all in this process, see generator/render/parallel.py)."""
    pages, search_outputs = run_beside(len(catalog.innovations),
                                       lambda: render_site(catalog, settings, fork=fork),
                                       lambda: render_search(catalog), fork=fork)
    return pages + list(search_outputs)


# Every folder this generator writes (the site, and its temporary folders beside it) carries
# this file; a folder without it is never replaced or deleted.
MARKER = ".katalog-situs"
MARKER_TEXT = (
    "Folder ini dibangun oleh `katalog build` (Katalog Inovasi Pelayanan Publik). "
    "`katalog build` boleh menggantinya; folder tanpa berkas ini tidak pernah dihapus.\n"
)
_NEW, _OLD = "baru", "lama"


def build_site(content_dir: Path, out_dir: Path, config_file: Path | None, today: date,
               builder: str = DEFAULT_BUILDER) -> BuildResult:
    """Validate, build into a temporary folder with ``builder`` (a name in BUILDERS), then
    replace ``out_dir``. Raises ContentError (nothing touched) or ConfigError (an unknown
    builder, an unusable ``out_dir``, a file-system error: the previous site stays as it was)."""
    if builder not in BUILDERS:
        raise ConfigError(
            f"builder {builder!r} tidak dikenal; pilih salah satu: {', '.join(BUILDERS)}"
        )

    config_file = Path(config_file) if config_file is not None else Path("mkdocs.yml")
    if not config_file.is_file():
        raise ConfigError(f"berkas konfigurasi {config_file} tidak ditemukan")
    out_dir = check_out_dir(Path(out_dir), Path(content_dir), config_file)
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        with OutLock(out_dir):
            clean_stale(out_dir)
            catalog, warnings = load_catalog(Path(content_dir), today)
            check_out_dir(
                out_dir, Path(content_dir), config_file
            )  # again, now that no other build runs
            _build_and_swap(
                out_dir, config_file, Path(content_dir), today, catalog, BUILDERS[builder]
            )
            files = [p for p in out_dir.rglob("*") if p.is_file()]  # one walk of the (large) tree
    except OSError as exc:
        raise ConfigError(os_error_message(exc, out_dir)) from exc
    pages = sum(1 for p in files if p.suffix == ".html")
    return BuildResult(out_dir, len(catalog.innovations), pages, len(files), tuple(warnings))


def _build_and_swap(
    out_dir: Path,
    config_file: Path,
    content_dir: Path,
    today: date,
    catalog: Catalog,
    adapter: str = BUILDER,
) -> None:
    temp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.{_NEW}-", dir=out_dir.parent))
    try:
        _mark(temp)
        importlib.import_module(adapter).build(
            config_file.resolve(), content_dir.resolve(), temp, today, catalog
        )
        write_offline_zip(temp)  # the offline copy, from the finished pages (generator/offline.py)
        _mark(temp)  # a builder that emptied the folder must not leave it unmarked
        _swap(temp, out_dir)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)  # ours: created above
        raise


def _mark(folder: Path) -> None:
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def is_generated(folder: Path) -> bool:
    """Whether ``folder`` is a site (or a temporary folder) this generator wrote."""
    marker = folder / MARKER
    try:
        return (
            marker.is_file()
            and not marker.is_symlink()
            and marker.read_text(encoding="utf-8") == MARKER_TEXT
        )
    except (OSError, UnicodeDecodeError):
        return False


def check_out_dir(out_dir: Path, content_dir: Path, config_file: Path) -> Path:
    """The resolved output folder, or ConfigError when replacing it could destroy something that
    is not a site this generator wrote: the content, the repository, a folder of other files."""
    out = out_dir.resolve()
    content = content_dir.resolve()
    repo = config_file.resolve().parent
    refuse = f"--out {out_dir} ditolak: "
    for protected, what in (
        (content, "folder konten"),
        (repo, "folder repositori (tempat berkas konfigurasi)"),
    ):
        if out == protected:
            raise ConfigError(refuse + f"itu {what} `{protected}`; folder itu akan terhapus. "
                              "Pakai folder keluaran tersendiri, mis. `--out site`.")
        if protected.is_relative_to(out):
            raise ConfigError(
                refuse + f"folder itu memuat {what} `{protected}`, yang akan ikut terhapus. "
                "Pakai folder keluaran tersendiri, mis. `--out site`."
            )
    for inside, what in ((content, "folder konten"), (repo / ".git", "folder .git")):
        if out.is_relative_to(inside):
            raise ConfigError(refuse + f"folder itu berada di dalam {what} `{inside}`. "
                              "Pakai folder keluaran di luarnya, mis. `--out site`.")
    if out.exists() or out.is_symlink():
        if not out.is_dir():
            raise ConfigError(refuse + "itu berkas, bukan folder.")
        if os.path.ismount(out):
            raise ConfigError(
                refuse + "folder itu titik kait (mount point) dan tidak bisa diganti utuh. "
                "Pakai subfolder di dalamnya, mis. `--out " + str(out_dir / "site") + "`."
            )
        try:
            empty = next(os.scandir(out), None) is None
        except OSError as exc:
            raise ConfigError(refuse + os_error_message(exc, out)) from exc
        if not empty and not is_generated(out):
            raise ConfigError(
                refuse + "folder itu sudah berisi berkas dan bukan situs yang dibangun "
                f"`katalog build` (tidak ada berkas {MARKER}); isinya tidak akan dihapus. "
                "Pakai folder baru atau kosong, atau hapus sendiri folder itu bila memang situs "
                "lama."
            )
    return out


def clean_stale(out_dir: Path) -> None:
    """Remove this generator's own temporary folders left beside ``out_dir`` by a build that
    was killed (only folders carrying the marker); restore the previous site if the kill came
    between moving it aside and moving the new one in. Call with the out lock held."""
    parent = out_dir.parent
    try:
        entries = sorted(parent.iterdir())
    except OSError:
        return
    for entry in entries:
        name = entry.name
        for kind in (_NEW, _OLD):
            if (
                not name.startswith(f".{out_dir.name}.{kind}-")
                or entry.is_symlink()
                or not is_generated(entry)
            ):
                continue
            if kind == _OLD and not out_dir.exists() and not out_dir.is_symlink():
                os.rename(entry, out_dir)  # the previous site, moved aside and never put back
            else:
                shutil.rmtree(entry, ignore_errors=True)


class OutLock:
    """An exclusive ``fcntl`` lock on ``.<out>.lock`` beside the output folder: two builds into
    one folder cannot interleave their swaps. A second build stops with ConfigError."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir.parent / f".{out_dir.name}.lock"
        self.fd: int | None = None

    def __enter__(self) -> OutLock:
        import fcntl

        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                raise ConfigError(
                    f"build lain sedang menulis ke {self.path.parent / self.path.name[1:-5]} "
                    f"(kunci {self.path}); tunggu sampai selesai, lalu ulangi."
                ) from None
            except BaseException:
                os.close(fd)
                raise
            try:  # the file may have been removed by the build that held it before us
                same = os.stat(self.path).st_ino == os.fstat(fd).st_ino
            except FileNotFoundError:
                same = False
            if same:
                self.fd = fd
                return self
            os.close(fd)

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            try:
                os.unlink(self.path)  # while still holding the lock: see the inode check above
            except OSError:
                pass
            os.close(self.fd)
            self.fd = None


_OS_REASONS = {
    errno.ENOSPC: "disk penuh",
    errno.EDQUOT: "kuota disk habis",
    errno.EROFS: "sistem berkas hanya-baca",
    errno.EACCES: "izin akses ditolak",
    errno.EPERM: "operasi tidak diizinkan",
    errno.EBUSY: "folder sedang dipakai atau titik kait (mount point)",
    errno.EXDEV: "folder sementara dan folder keluaran berada di sistem berkas berbeda",
    errno.ENOENT: "berkas atau folder tidak ada",
    errno.ENOTDIR: "bagian jalurnya bukan folder",
    errno.EISDIR: "itu folder, bukan berkas",
    errno.ENAMETOOLONG: "nama terlalu panjang",
    errno.EMFILE: "terlalu banyak berkas terbuka",
    errno.EIO: "kesalahan baca/tulis perangkat",
}


def os_error_message(exc: OSError, out_dir: Path) -> str:
    """An Indonesian sentence for a file-system error during a build."""
    reason = _OS_REASONS.get(exc.errno or 0) or f"kesalahan sistem berkas ({exc.strerror or exc})"
    where = f" ({exc.filename})" if exc.filename else ""
    return (f"situs tidak dibangun: {reason}{where}. Situs sebelumnya di {out_dir} tidak diubah; "
            "bereskan penyebabnya lalu ulangi.")


def _swap(new: Path, out_dir: Path) -> None:
    """Rename ``new`` to ``out_dir``; the old folder moves aside first and is restored on
    failure."""
    os.chmod(new, 0o755)  # mkdtemp makes it 0700; a served site must be readable
    if not out_dir.exists() and not out_dir.is_symlink():
        os.rename(new, out_dir)
        return
    backup = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.{_OLD}-", dir=out_dir.parent))
    backup.rmdir()
    os.rename(out_dir, backup)
    try:
        os.rename(new, out_dir)
    except BaseException:
        os.rename(backup, out_dir)
        raise
    # The old site (checked to be ours, or empty, by check_out_dir) is deleted.
    shutil.rmtree(backup, ignore_errors=True)


__all__ = [
    "BUILDERS",
    "DEFAULT_BUILDER",
    "MARKER",
    "BuildResult",
    "OutLock",
    "build_site",
    "check_out_dir",
    "clean_stale",
    "collect_outputs",
    "is_generated",
    "os_error_message",
    "read_prose",
    "settings_from",
]
