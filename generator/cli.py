"""Command line: ``python -m generator <command>`` (also installed as ``katalog``).

The boundary of the program: it turns library results into exit codes and text for people.
Exit codes: 0 no errors (warnings allowed), 1 content errors, 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

from generator.errors import ConfigError, ContentError
from generator.textsafety import json_safe, terminal_safe

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that exits with 2 and an Indonesian prefix instead of a traceback."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: kesalahan: {message}\n")


def today() -> date:
    """The reference date for staleness; ``KATALOG_TODAY=YYYY-MM-DD`` pins it (tests, rebuilds)."""
    pinned = os.environ.get("KATALOG_TODAY")
    if pinned:
        try:
            return date.fromisoformat(pinned)
        except ValueError as exc:
            raise ConfigError(f"KATALOG_TODAY harus tanggal YYYY-MM-DD, bukan {pinned!r}") from exc
    return date.today()


def _content_dir(value: str) -> Path:
    return Path(value)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="katalog",
        description="Katalog Inovasi Pelayanan Publik: validasi, bangun situs, cari.",
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def content_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--content", type=_content_dir, default=Path("content"), metavar="DIR",
                       help="folder berisi innovations/ dan taxonomies/ (bawaan: ./content)")

    p = sub.add_parser("validate", help="periksa studi kasus")
    content_option(p)
    p.add_argument("--format", choices=("text", "github", "json"), default="text")
    p.add_argument(
        "files", nargs="*", type=Path, metavar="FILE", help="hanya berkas ini (bawaan: semua)"
    )

    p = sub.add_parser("build", help="validasi lalu bangun situs")
    content_option(p)
    p.add_argument(
        "--out",
        type=Path,
        default=Path("site"),
        metavar="DIR",
        help="folder keluaran (bawaan: ./site)",
    )
    p.add_argument(
        "--config",
        type=Path,
        default=None,
        metavar="FILE",
        help="mkdocs.yml (bawaan: ./mkdocs.yml)",
    )
    p.add_argument(
        "--builder",
        choices=("mkdocs", "zensical"),
        default="mkdocs",
        help="pembangun situs (bawaan: mkdocs; zensical membangun situs yang sama dengan Zensical)",
    )

    p = sub.add_parser("search", help="cari dengan indeks yang sama dengan situs")
    content_option(p)
    p.add_argument("--limit", type=int, default=10, metavar="N")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("query", nargs="+", metavar="QUERY")

    p = sub.add_parser("new", help="tulis berkas studi kasus baru dari templat")
    content_option(p)
    p.add_argument("id", nargs="?", help="id kebab-case, mis. antrean-puskesmas-online")
    p.add_argument("--stdout", action="store_true", help="cetak templat, jangan tulis berkas")

    p = sub.add_parser(
        "intake", help="ubah isi issue formulir Usulkan inovasi menjadi berkas studi kasus"
    )
    content_option(p)
    p.add_argument("--body-file", type=Path, required=True, metavar="FILE",
                   help="isi issue seperti dirender GitHub (`-` untuk stdin)")
    p.add_argument("--form", type=Path, default=None, metavar="FILE",
                   help="templat formulir (bawaan: .github/ISSUE_TEMPLATE/usulkan-inovasi.yml)")
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = sub.add_parser("forms", help="perbarui pilihan formulir issue dari taksonomi")
    content_option(p)
    p.add_argument(
        "--check", action="store_true", help="jangan tulis; keluar 1 bila ada yang usang"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except ConfigError as exc:
        print(f"katalog {args.command}: {terminal_safe(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("katalog: dihentikan", file=sys.stderr)
        return 130
    except OSError as exc:  # a file-system error outside the build's own handling
        reason = exc.strerror or str(exc)
        where = f" ({exc.filename})" if exc.filename else ""
        print(
            terminal_safe(f"katalog {args.command}: kesalahan sistem berkas: {reason}{where}"),
            file=sys.stderr,
        )
        return EXIT_USAGE


def _validate(args: argparse.Namespace) -> int:
    from generator import report
    from generator.pipeline import load_and_validate

    result = load_and_validate(args.content, files=args.files or None, today=today())
    for note in result.notes:
        print(f"Catatan: {terminal_safe(note)}", file=sys.stderr)
    diagnostics = result.diagnostics
    if args.format == "json":
        print(report.render_json(diagnostics))
    elif args.format == "github":
        print(report.render_github(diagnostics), end="")
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            report.append_step_summary(Path(summary), diagnostics)
    else:
        print(report.render_text(diagnostics, files_checked=result.files_checked), end="")
    return EXIT_CONTENT if any(d.is_error for d in diagnostics) else EXIT_OK


def _build(args: argparse.Namespace) -> int:
    from generator import report
    from generator.site import build_site

    try:
        result = build_site(
            args.content, args.out, config_file=args.config, today=today(), builder=args.builder
        )
    except ContentError as exc:
        print(
            report.render_text(exc.diagnostics, files_checked=exc.files_checked),
            end="",
            file=sys.stderr,
        )
        print(
            f"Situs tidak dibangun; {terminal_safe(str(args.out))} tidak diubah.", file=sys.stderr
        )
        return EXIT_CONTENT
    for line in result.summary_lines():
        print(terminal_safe(line))
    return EXIT_OK


def _search(args: argparse.Namespace) -> int:
    from generator import report
    from generator.pipeline import load_catalog
    from generator.search.query import search_with_suggestions

    if args.limit < 1:
        raise ConfigError("--limit harus bilangan bulat ≥ 1")
    try:
        catalog, _warnings = load_catalog(Path(args.content), today())
    except ContentError as exc:
        print(
            report.render_text(exc.diagnostics, files_checked=exc.files_checked),
            end="",
            file=sys.stderr,
        )
        return EXIT_CONTENT
    hits, offer = search_with_suggestions(catalog, " ".join(args.query), limit=args.limit)
    if args.format == "json":
        print(
            json_safe(
                json.dumps(
                    [
                        {
                            "id": h.id,
                            "title": h.title,
                            "score": h.score,
                            "approximate": h.approximate,
                            "matched": list(h.matched),
                        }
                        for h in hits
                    ],
                    ensure_ascii=False,
                )
            )
        )
    elif not hits:
        print("Tidak ada hasil.")
        if offer.did_you_mean:
            print("Mungkin maksud Anda: " + terminal_safe(", ".join(offer.did_you_mean)))
        for _cid, label, count, _refs in offer.categories:
            print(f"Kategori terkait: {terminal_safe(label)} ({count} studi kasus)")
    else:
        if offer.did_you_mean:
            print(
                "Tidak ada yang persis cocok. Mungkin maksud Anda: "
                + terminal_safe(", ".join(offer.did_you_mean))
            )
        for n, hit in enumerate(hits, start=1):
            approx = "  (perkiraan)" if hit.approximate else ""
            print(
                f"{n:>2}. {terminal_safe(hit.title)}  [{terminal_safe(hit.id)}]  skor "
                f"{hit.score:.3f}{approx}"
            )
            print(f"    cocok pada: {', '.join(hit.matched)}")
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    from generator.scaffold import new_case_text, write_new_case

    if args.stdout:
        sys.stdout.write(new_case_text(args.id, args.content)[1])
        return EXIT_OK
    target = write_new_case(args.content, args.id)
    print(f"Berkas baru: {terminal_safe(str(target))}")
    print("Ganti setiap GANTI, lalu periksa dengan: katalog validate " + target.as_posix())
    return EXIT_OK


def _read_body(path: Path) -> str:
    if str(path) == "-":
        return sys.stdin.read()
    try:
        return path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise ConfigError(
            f"berkas isi issue `{path}` tidak bisa dibaca ({exc.strerror or exc})."
        ) from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"berkas isi issue `{path}` bukan UTF-8.") from exc


def _intake(args: argparse.Namespace) -> int:
    from generator.intake import render_text, run_intake

    body = _read_body(args.body_file)
    result = run_intake(body, args.content, today(), form_path=args.form)
    if args.format == "json":
        print(json.dumps(result.to_json(), ensure_ascii=False, sort_keys=True))
    else:
        print(
            render_text(
                result.diagnostics,
                result.path.as_posix() if result.written and result.path else None,
            ),
            end="",
        )
    return EXIT_OK if result.written else EXIT_CONTENT


def _forms(args: argparse.Namespace) -> int:
    from generator.intake.form import form_paths, synced_form_text
    from generator.pipeline import load_content_taxonomies

    taxonomies, problems, _ = load_content_taxonomies(args.content)
    if any(d.is_error for d in problems):
        raise ConfigError(
            f"kosakata di `{args.content / 'taxonomies'}` tidak sah; jalankan `katalog validate`."
        )
    stale = []
    for path in form_paths():
        text = synced_form_text(path, taxonomies)
        if path.read_text(encoding="utf-8") != text:
            stale.append(path)
            if not args.check:
                path.write_text(text, encoding="utf-8", newline="\n")
    for path in stale:
        print(f"{'Usang' if args.check else 'Diperbarui'}: {path}")
    if args.check and stale:
        print(
            "Jalankan `katalog forms` agar pilihan formulir sama dengan taksonomi.", file=sys.stderr
        )
        return EXIT_CONTENT
    if not stale:
        print("Formulir sudah sesuai taksonomi.")
    return EXIT_OK


_COMMANDS = {
    "validate": _validate,
    "build": _build,
    "search": _search,
    "new": _new,
    "intake": _intake,
    "forms": _forms,
}
