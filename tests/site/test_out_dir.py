"""`build --out DIR` replaces only a site this generator wrote; file-system errors are Indonesian
messages with exit 2 and the previous site intact; killed and parallel builds leave nothing
behind and cannot interleave; the forked renderer dies with its parent and fails loudly."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from generator.errors import ConfigError
from generator.site import MARKER, OutLock, build_site, is_generated
from tests.site.conftest import CONFIG, FIXTURE, ROOT, TODAY


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _katalog(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KATALOG_TODAY": TODAY.isoformat()}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def fake_builder(monkeypatch):
    """The MkDocs adapter replaced by one that writes two files (the checks around it are the
    subject here, not MkDocs)."""
    import generator.mkdocs_adapter.build as adapter

    calls: list[Path] = []

    def build(config_file, content_dir, site_dir, today, catalog=None):
        calls.append(Path(site_dir))
        (Path(site_dir) / "index.html").write_text("<p>baru</p>", "utf-8")
        (Path(site_dir) / "data").mkdir()
        (Path(site_dir) / "data" / "a.json").write_text("{}", "utf-8")

    monkeypatch.setattr(adapter, "build", build)
    return calls


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository-like folder: mkdocs.yml, content/ and a .git folder."""
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE, root / "content")
    shutil.copy(CONFIG, root / "mkdocs.yml")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", "utf-8")
    return root


@pytest.mark.parametrize(
    "out", [".", "content", "content/innovations", "content/baru", "..", ".git/site", "mkdocs.yml"]
)
def test_out_folders_that_would_destroy_the_checkout_are_refused(repo: Path, out: str) -> None:
    before = _tree(repo.parent)
    proc = _katalog("build", "--out", out, cwd=repo)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    assert f"katalog build: --out {out} ditolak: " in proc.stderr
    assert _tree(repo.parent) == before
    assert not (repo / "content" / "baru").exists()


def test_a_folder_of_other_files_is_refused_and_kept(tmp_path: Path, fake_builder) -> None:
    out = tmp_path / "dokumen"
    out.mkdir()
    (out / "skripsi.docx").write_bytes(b"penting")
    with pytest.raises(ConfigError, match="bukan situs yang dibangun"):
        build_site(FIXTURE, out, CONFIG, TODAY)
    assert _tree(out) == {"skripsi.docx": b"penting"}
    assert fake_builder == []


def test_a_forged_or_symlinked_marker_does_not_count(tmp_path: Path, fake_builder) -> None:
    out = tmp_path / "dokumen"
    out.mkdir()
    (out / "catatan.txt").write_text("penting", "utf-8")
    (out / MARKER).write_text("bukan penanda kami", "utf-8")
    assert not is_generated(out)
    with pytest.raises(ConfigError):
        build_site(FIXTURE, out, CONFIG, TODAY)
    assert (out / "catatan.txt").read_text("utf-8") == "penting"


def test_own_sites_and_empty_folders_are_replaced(tmp_path: Path, fake_builder) -> None:
    out = tmp_path / "site"
    out.mkdir()  # empty: fine
    build_site(FIXTURE, out, CONFIG, TODAY)
    assert is_generated(out) and (out / "index.html").is_file()
    (out / "sisa.html").write_text("dari build lama", "utf-8")
    build_site(FIXTURE, out, CONFIG, TODAY)  # marked: replaced, leftovers gone
    assert not (out / "sisa.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no temp folder, no lock file


def test_a_real_build_is_marked(built_site: Path) -> None:
    assert is_generated(built_site)


def _stale(tmp_path: Path, name: str, marked: bool) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "index.html").write_text("setengah", "utf-8")
    if marked:
        (folder / MARKER).write_text(is_generated.__globals__["MARKER_TEXT"], "utf-8")
    return folder


def test_stale_temporaries_of_a_killed_build_are_cleaned_but_only_ours(
    tmp_path: Path, fake_builder
) -> None:
    out = tmp_path / "site"
    build_site(FIXTURE, out, CONFIG, TODAY)
    ours = [
        _stale(tmp_path, ".site.baru-abc123", True),
        _stale(tmp_path, ".site.lama-def456", True),
    ]
    foreign = _stale(tmp_path, ".site.baru-bukan-kami", False)
    build_site(FIXTURE, out, CONFIG, TODAY)
    assert not any(p.exists() for p in ours)
    assert foreign.is_dir() and (foreign / "index.html").is_file()


def test_a_site_moved_aside_by_a_killed_build_is_restored_first(
    tmp_path: Path, fake_builder, monkeypatch
) -> None:
    out = tmp_path / "site"
    build_site(FIXTURE, out, CONFIG, TODAY)
    os.rename(out, tmp_path / ".site.lama-xyz")  # killed between the two renames
    import generator.mkdocs_adapter.build as adapter

    def failing(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "x"))

    monkeypatch.setattr(adapter, "build", failing)
    with pytest.raises(ConfigError):
        build_site(FIXTURE, out, CONFIG, TODAY)
    assert (out / "index.html").read_text("utf-8") == "<p>baru</p>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_two_builds_into_one_folder_cannot_interleave(tmp_path: Path, fake_builder) -> None:
    out = tmp_path / "site"
    with OutLock(out.resolve()):
        with pytest.raises(ConfigError, match="build lain sedang menulis"):
            build_site(FIXTURE, out, CONFIG, TODAY)
    assert not out.exists() and fake_builder == []
    build_site(FIXTURE, out, CONFIG, TODAY)  # the lock is free again
    assert is_generated(out)


def test_the_lock_holds_across_processes(tmp_path: Path) -> None:
    out = tmp_path / "site"
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from generator.site import OutLock
        with OutLock(Path({str(out)!r})):
            print("terkunci", flush=True)
            time.sleep(30)
        """)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "terkunci"
        proc = _katalog("build", "--content", str(FIXTURE), "--out", str(out))
        assert proc.returncode == 2 and "build lain sedang menulis" in proc.stderr, proc.stderr
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "disk penuh"),
        (errno.EROFS, "hanya-baca"),
        (errno.EBUSY, "titik kait"),
        (errno.EACCES, "izin akses"),
    ],
)
def test_os_errors_are_indonesian_config_errors_and_keep_the_site(
    tmp_path: Path, fake_builder, monkeypatch, code: int, words: str
) -> None:
    out = tmp_path / "site"
    build_site(FIXTURE, out, CONFIG, TODAY)
    before = _tree(out)
    real_rename = os.rename

    def rename(src, dst):
        if Path(dst) == out.resolve() and ".site.baru-" in str(src):  # moving the new site in
            raise OSError(code, os.strerror(code), str(dst))
        return real_rename(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(ConfigError, match=words) as caught:
        build_site(FIXTURE, out, CONFIG, TODAY)
    assert "tidak diubah" in str(caught.value)
    monkeypatch.undo()
    assert _tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_disk_full_mid_build_through_the_cli(tmp_path: Path) -> None:
    """The real adapter runs and the disk fills up while MkDocs writes: exit 2, a message, the site
    kept."""
    out = tmp_path / "site"
    first = _katalog("build", "--content", str(FIXTURE), "--out", str(out))
    assert first.returncode == 0, first.stderr
    before = _tree(out)
    script = textwrap.dedent(f"""
        import builtins, errno, sys
        real_open = builtins.open
        def full(file, mode="r", *args, **kwargs):
            if "w" in mode and str(file).endswith(".html") and ".site.baru-" in str(file):
                raise OSError(errno.ENOSPC, "No space left on device", str(file))
            return real_open(file, mode, *args, **kwargs)
        builtins.open = full
        from generator.cli import main
        sys.exit(main(["build", "--content", {str(FIXTURE)!r}, "--out", {str(out)!r}]))
        """)
    proc = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "KATALOG_TODAY": TODAY.isoformat()},
    )
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    assert "situs tidak dibangun: disk penuh" in proc.stderr
    assert _tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_mount_point_is_refused_before_anything_is_written(
    tmp_path: Path, fake_builder, monkeypatch
) -> None:
    out = tmp_path / "site"
    out.mkdir()
    real_ismount = os.path.ismount
    monkeypatch.setattr(os.path, "ismount", lambda p: Path(p) == out.resolve() or real_ismount(p))
    with pytest.raises(ConfigError, match="titik kait"):
        build_site(FIXTURE, out, CONFIG, TODAY)
    assert fake_builder == []


def test_an_unusable_jinja_cache_does_not_fail_the_build(tmp_path: Path) -> None:
    """Jinja's default cache folder exists as a file: the build goes on without the cache."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    (tmp / f"_jinja2-cache-{os.getuid()}").write_text("bukan folder", "utf-8")
    out = tmp_path / "site"
    env = {**os.environ, "KATALOG_TODAY": TODAY.isoformat(), "TMPDIR": str(tmp)}
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--content", str(FIXTURE), "--out", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr and (out / "index.html").is_file()


# --------------------------------------------------------------------------- the forked renderer
def _state(pid: int) -> str:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return "gone"
    return next(line.split()[1] for line in status.splitlines() if line.startswith("State:"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_forked_renderer_dies_with_its_parent(tmp_path: Path) -> None:
    pid_file = tmp_path / "anak.pid"
    script = textwrap.dedent(f"""
        import os, time
        from generator.render import parallel
        parallel.PARALLEL_MIN = 1
        os.cpu_count = lambda: 2
        def side():
            open({str(pid_file)!r}, "w").write(str(os.getpid()))
            time.sleep(120)
        parallel.run_beside(5, lambda: time.sleep(120), side)
        """)
    parent = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        while not (pid_file.exists() and pid_file.read_text()) and time.monotonic() < deadline:
            time.sleep(0.1)
        child = int(pid_file.read_text())
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 15
        while _state(child) not in ("gone", "Z") and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _state(child) in ("gone", "Z"), "the child renders on after its parent was killed"
    finally:
        parent.kill()
        if (
            pid_file.exists()
            and pid_file.read_text()
            and _state(int(pid_file.read_text())) not in ("gone", "Z")
        ):
            os.kill(int(pid_file.read_text()), signal.SIGKILL)


def _parallel(monkeypatch):
    from generator.render import parallel

    monkeypatch.setattr(parallel, "PARALLEL_MIN", 1)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    return parallel


def test_a_crashed_child_fails_loudly_instead_of_running_again(monkeypatch) -> None:
    parallel = _parallel(monkeypatch)
    parent = os.getpid()

    def side():
        if os.getpid() != parent:
            os._exit(3)  # the child dies without a word
        return "diulang di induk"

    with pytest.raises(ConfigError, match="kode keluar 3"):
        parallel.run_beside(5, lambda: 1, side)


def test_a_failing_child_reports_its_error(monkeypatch) -> None:
    parallel = _parallel(monkeypatch)

    def side():
        raise ValueError("indeks rusak")

    with pytest.raises(ConfigError, match="ValueError: indeks rusak"):
        parallel.run_beside(5, lambda: 1, side)
