"""``python -m bench`` (``make bench``): measurements on synthetic corpora, printed as one table.

From one run:
- time to validate 5,000 synthetic files;
- for N = 1,000 and 5,000: our full build (``python -m generator build``) against plain
  mkdocs-material 9.8.1 building the same bodies as bare pages left out of the nav, and the ratio;
- the size of the offline copy (the zip linked from /data/) at each N;
- the gzipped weight of one case page with everything it loads, measured in Chromium;
- the search figures from ``bench/bench_search.py`` beside the goals and the figures before;
- Lighthouse's four mobile scores and the layout shift of the home page, a case page and
  ``/cari/?q=sampah`` on the real content (``bench/bench_lighthouse.py``).

Corpora and sites go to ``.bench/work/`` (never ``content/``); results to
``.bench/bench-results.json``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from bench.bench_lighthouse import bench_lighthouse, format_lighthouse
from bench.bench_search import CHROMIUM, CHROMIUM_ARGS, Server, bench_search_browser
from bench.bench_validate import bench_validate
from bench.synth import REPO, write_body_pages, write_corpus

# Issue targets and the figures measured before the work on them (first query at 5,000 cases).
SEARCH_GOALS = {
    "kb": 184,
    "kb_before": 297.8,
    "ms": 200,
    "ms_slow": 500,
    "ms_before": 151,
    "ms_slow_before": 468,
}

BENCH_DIR = REPO / ".bench"
WORK = BENCH_DIR / "work"
TODAY = "2026-11-23"

PLAIN_MKDOCS_YML = """\
site_name: Katalog (plain Material)
theme:
  name: material
  language: id
plugins:
  - search
nav:
  - index.md
validation:
  nav:
    omitted_files: ignore
"""


def log(msg: str) -> None:
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def _env(today: str = TODAY) -> dict[str, str]:
    return {**os.environ, "KATALOG_TODAY": today, "PYTHONHASHSEED": "0"}


def _timed(cmd: list[str], cwd: Path, today: str = TODAY) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=_env(today), capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(
            f"{' '.join(cmd)} failed "
            f"({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
        )
    return elapsed


# --------------------------------------------------------------------------- measurements
def measure_validation(n: int) -> dict[str, Any]:
    log(f"validation of {n} files via bench/bench_validate.py")
    return {"n": n, "source": "bench_validate", **bench_validate(n)}


def build_ours(corpus: Path, out: Path) -> float:
    # Both builds start from nothing, their previous output deleted outside the timing:
    # build_plain deletes its whole project first; ours would otherwise also time deleting
    # the previous site (its last step, after the new one is in place: about 11,000 files
    # and 500 MB at 5,000 cases).
    if out.exists():
        shutil.rmtree(out)
    return _timed(
        [sys.executable, "-m", "generator", "build", "--content", str(corpus), "--out", str(out)],
        REPO,
    )


def build_plain(corpus: Path, project: Path) -> float:
    if project.exists():
        shutil.rmtree(project)
    docs = project / "docs"
    write_body_pages(corpus, docs)
    (docs / "index.md").write_text(
        "# Katalog\n\nHalaman yang sama tanpa generator.\n", encoding="utf-8"
    )
    (project / "mkdocs.yml").write_text(PLAIN_MKDOCS_YML, encoding="utf-8")
    mkdocs = Path(sys.executable).with_name("mkdocs")
    return _timed([str(mkdocs), "build", "--quiet", "--site-dir", str(project / "site")], project)


def page_weight(site: Path, path: str) -> dict[str, Any]:
    """Every response a page loads (until network idle), each body gzipped (level 6)."""
    from playwright.sync_api import sync_playwright

    server = Server(site)
    base = server.base + "/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page()
            responses, requested = [], []
            page.on("response", lambda r: responses.append(r))
            page.on("request", lambda r: requested.append(r.url))
            page.goto(base + path, wait_until="networkidle")
            page.wait_for_timeout(500)
            rows, raw, gz = [], 0, 0
            foreign = sorted(
                {u for u in requested if not u.startswith(base) and not u.startswith("data:")}
            )
            for r in responses:
                try:
                    body = r.body()
                except Exception:  # redirects and aborted requests have no body
                    continue
                size = len(gzip.compress(body, compresslevel=6))
                raw += len(body)
                gz += size
                rows.append({"url": r.url.removeprefix(base), "bytes": len(body), "gzip": size})
            browser.close()
    finally:
        server.close()
    return {"path": path, "requests": len(rows), "bytes": raw, "gzip_bytes": gz, "foreign": foreign,
            "files": sorted(rows, key=lambda x: -x["gzip"])}


def offline_zip_size(site: Path) -> dict[str, Any]:
    """Size of the offline copy (generator/offline.py) and of the online site without it."""
    from generator.offline import ZIP_PATH

    zipped = site / ZIP_PATH
    online = sum(p.stat().st_size for p in site.rglob("*") if p.is_file() and p != zipped)
    return {
        "offline_zip_bytes": zipped.stat().st_size if zipped.is_file() else None,
        "online_bytes": online,
    }


def first_case_path(site: Path) -> str:
    pages = sorted((site / "inovasi").glob("*/index.html"))
    if not pages:
        raise RuntimeError(f"no case pages under {site}/inovasi/")
    return pages[0].parent.relative_to(site).as_posix() + "/"


# --------------------------------------------------------------------------- report
def _s(x: float | None) -> str:
    return "—" if x is None else f"{x:.2f} s"


def _kb(x: float | None) -> str:
    return "—" if x is None else f"{x / 1024:.1f} KB"


def print_report(res: dict[str, Any]) -> None:
    out = []
    v = res.get("validation", {})
    out.append("Katalog Inovasi Pelayanan Publik — benchmark (this machine)")
    out.append("")
    if v:
        out.append(
            f"Validation, {v.get('n')} files: {_s(v.get('seconds'))}   (goal < 5 s; via "
            f"{v.get('source')}; "
            f"{v.get('errors')} errors, {v.get('warnings')} warnings)"
        )
    out.append("")
    out.append(f"Build, best of {res.get('repeat')} interleaved runs each (all runs in the JSON):")
    out.append(f"{'N':>6}  {'ours (build)':>13}  {'plain Material':>15}  {'ratio':>6}  goal ≤ 1.5×")
    for row in res.get("builds", []):
        ratio = row.get("ratio")
        out.append(
            f"{row['n']:>6}  {_s(row.get('ours_seconds')):>13}  {_s(row.get('plain_seconds')):>15} "
            " "
            f"{'—' if ratio is None else f'{ratio:.2f}×':>6}  "
            f"{'ok' if ratio and ratio <= 1.5 else 'OVER' if ratio else ''}"
        )
        if row.get("offline_zip_bytes") is not None:
            out.append(
                "        offline copy (data/katalog-inovasi-luring.zip): "
                f"{row['offline_zip_bytes'] / 1e6:.1f} MB; "
                f"online site without it: {row['online_bytes'] / 1e6:.1f} MB"
            )
        runs = "; ".join(
            f"{k} " + ", ".join(f"{x:.1f}" for x in row.get(f"{k}_runs", []))
            for k in ("ours", "plain")
        )
        out.append(f"        runs (s): {runs}")
        if row.get("error"):
            out.append(f"        error: {row['error'].splitlines()[0][:150]}")
    w = res.get("case_page_weight")
    if w:
        out.append("")
        out.append(
            f"Case page weight (N={w['n']}, /{w['path']}): {_kb(w['gzip_bytes'])} gzipped, "
            f"{_kb(w['bytes'])} raw, {w['requests']} requests, {len(w['foreign'])} third-party  "
            "(goal ≤ 250 KB)"
        )
        for f in w["files"][:8]:
            out.append(f"    {_kb(f['gzip']):>10}  {f['url']}")
        for u in w["foreign"]:
            out.append(f"    third-party request: {u}")
        pw = res.get("plain_case_page_weight")
        if pw:
            out.append(
                f"Plain Material page weight (N={pw['n']}, /{pw['path']}): {_kb(pw['gzip_bytes'])} "
                "gzipped, "
                f"{pw['requests']} requests"
            )
    s = res.get("search")
    if s:
        out.append("")
        out.append(f"Search (N={res.get('search_n')}), from bench/bench_search.py:")
        out.append(_format_search(s))
        ours, slow = s.get("katalog", {}), s.get("katalog 4x CPU", {})
        if ours:
            out.append(
                f"    first query: {_fmt(ours.get('first_query_kb_gzip'))} KB gzipped (goal ≤ "
                f"{SEARCH_GOALS['kb']} KB, "
                f"Pagefind's figure; {SEARCH_GOALS['kb_before']} KB before the card chunks); first "
                "result "
                f"{_fmt(ours.get('first_result_ms'))} ms, {_fmt(slow.get('first_result_ms'))} ms "
                "at 4× CPU "
                f"(goals {SEARCH_GOALS['ms']} and {SEARCH_GOALS['ms_slow']} ms; "
                f"{SEARCH_GOALS['ms_before']} and {SEARCH_GOALS['ms_slow_before']} ms before)"
            )
    lh = res.get("lighthouse")
    if lh:
        out.append("")
        out.append(
            "Lighthouse 12.8.2, mobile, real content (goal ≥ 0.95 in each category, layout shift < "
            "0.1):"
        )
        out.append(format_lighthouse(lh))
    for note in res.get("notes", []):
        out.append(f"note: {note}")
    print("\n".join(out))


def _format_search(s: Any) -> str:
    if isinstance(s, dict) and all(isinstance(v, dict) for v in s.values()) and s:
        cols = list(s)
        wordy = ("page", "query")
        keys = sorted({k for v in s.values() for k in v if k not in wordy})
        lines = [
            f"    {c}: query {s[c].get('query')!r} on /{str(s[c].get('page', '')).lstrip('/')}"
            for c in cols
        ]
        lines.append(f"    {'':<34}" + "".join(f"{c:>18}" for c in cols))
        for k in keys:
            lines.append(f"    {k:<34}" + "".join(f"{_fmt(s[c].get(k)):>18}" for c in cols))
        return "\n".join(lines)
    return "\n".join(
        f"    {k:<40} {_fmt(v)}" for k, v in (s.items() if isinstance(s, dict) else [("result", s)])
    )


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.3f}"
    return "—" if v is None else str(v)


# --------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench")
    ap.add_argument("--sizes", default="1000,5000", help="corpus sizes for the build comparison")
    ap.add_argument("--validate-n", type=int, default=5000)
    ap.add_argument(
        "--repeat", type=int, default=2, help="builds per tool and size; the best run counts"
    )
    ap.add_argument("--skip-plain", action="store_true", help="do not build plain Material")
    ap.add_argument("--skip-browser", action="store_true", help="no Chromium measurements")
    ap.add_argument(
        "--only",
        choices=["build"],
        help="only this part: `build` = the build comparison "
        "(no validation, no Chromium, no Lighthouse)",
    )
    args = ap.parse_args(argv)
    if args.only == "build":
        args.skip_browser = True
    sizes = [int(x) for x in args.sizes.split(",") if x]

    WORK.mkdir(parents=True, exist_ok=True)
    res: dict[str, Any] = {"today": TODAY, "builds": [], "notes": [], "repeat": args.repeat}
    if args.only is None:
        try:
            res["validation"] = measure_validation(args.validate_n)
        except Exception as exc:  # keep going: one broken stage must not hide the other figures
            res["notes"].append(f"validation: {type(exc).__name__}: {exc}")

    sites: dict[int, tuple[Path | None, Path | None]] = {}
    for n in sizes:
        corpus = WORK / f"corpus-{n}"
        log(f"writing {n} synthetic case studies to {corpus}")
        write_corpus(corpus, n)
        row: dict[str, Any] = {"n": n, "ours_runs": [], "plain_runs": []}
        ours_out, plain_project = WORK / f"site-ours-{n}", WORK / f"plain-{n}"
        # Interleaved repeats, best of each: this machine is shared, and a busy neighbour
        # slows whichever build happens to run at that moment.
        for attempt in range(args.repeat):
            if ours_out is not None:
                try:
                    log(f"building ours, N={n} (run {attempt + 1}/{args.repeat})")
                    row["ours_runs"].append(build_ours(corpus, ours_out))
                except Exception as exc:
                    row["error"] = str(exc)
                    ours_out = None
            if not args.skip_plain:
                log(f"building plain Material, N={n} (run {attempt + 1}/{args.repeat})")
                row["plain_runs"].append(build_plain(corpus, plain_project))
        if ours_out is not None:
            row.update(offline_zip_size(ours_out))
        row["ours_seconds"] = min(row["ours_runs"], default=None)
        row["plain_seconds"] = min(row["plain_runs"], default=None)
        if row.get("ours_seconds") and row.get("plain_seconds"):
            row["ratio"] = row["ours_seconds"] / row["plain_seconds"]
        res["builds"].append(row)
        sites[n] = (ours_out, None if args.skip_plain else plain_project / "site")

    if not args.skip_browser and sites:
        n = max(sites)
        ours, plain = sites[n]
        if ours is not None:
            try:
                log(f"case page weight in Chromium, N={n}")
                res["case_page_weight"] = {"n": n, **page_weight(ours, first_case_path(ours))}
            except Exception as exc:
                res["notes"].append(f"page weight: {type(exc).__name__}: {exc}")
        if plain is not None:
            try:
                first = sorted(
                    p
                    for p in plain.glob("*/index.html")
                    if p.parent.name not in ("search", "assets")
                )[0]
                res["plain_case_page_weight"] = {
                    "n": n,
                    **page_weight(plain, first.parent.name + "/"),
                }
            except Exception as exc:
                res["notes"].append(f"plain page weight: {type(exc).__name__}: {exc}")
        if ours is not None:
            try:
                log(f"search in Chromium, N={n}")
                res["search"] = bench_search_browser(ours, plain)
                res["search_n"] = n
            except Exception as exc:
                res["notes"].append(f"search: {type(exc).__name__}: {exc}")

    if not args.skip_browser:
        try:
            real = WORK / "site-real"
            log("building the real content for Lighthouse")
            _timed(
                [
                    sys.executable,
                    "-m",
                    "generator",
                    "build",
                    "--content",
                    "content",
                    "--out",
                    str(real),
                ],
                REPO,
                # The real content is dated by when it was checked, which may be after the
                # synthetic corpora's fixed date: build it as of today (or that date).
                today=max(TODAY, date.today().isoformat()),
            )
            log("Lighthouse on the home page, a case page and /cari/?q=sampah")
            res["lighthouse"] = bench_lighthouse(real)
        except Exception as exc:
            res["notes"].append(f"lighthouse: {type(exc).__name__}: {exc}")

    BENCH_DIR.mkdir(exist_ok=True)
    (BENCH_DIR / "bench-results.json").write_text(
        json.dumps(res, indent=2, sort_keys=True, ensure_ascii=False, default=str) + "\n",
        encoding="utf-8",
    )
    print_report(res)
    print(f"\n(written to {BENCH_DIR.relative_to(REPO)}/bench-results.json)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
