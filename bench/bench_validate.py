"""Time ``load_and_validate`` on N synthetic valid case studies (written to a temp dir).

``python -m bench.bench_validate [N]`` prints the figures; ``make bench`` calls
``bench_validate(n)`` through ``python -m bench``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from bench.synth import write_corpus

TODAY = date(2026, 11, 23)


def bench_validate(n: int = 5000) -> dict[str, Any]:
    """Write ``n`` valid files into a temporary folder (never ``content/``) and time validation."""
    from generator.pipeline import load_and_validate

    with tempfile.TemporaryDirectory(prefix="katalog-bench-") as tmp:
        corpus = Path(tmp) / "content"
        write_corpus(corpus, n)
        start = time.perf_counter()
        result = load_and_validate(corpus, today=TODAY)
        seconds = time.perf_counter() - start
    errors = sum(1 for d in result.diagnostics if d.is_error)
    return {
        "seconds": round(seconds, 3),
        "files_checked": result.files_checked,
        "files_per_second": round(result.files_checked / seconds, 1) if seconds else None,
        "errors": errors,
        "warnings": len(result.diagnostics) - errors,
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    n = int(args[0]) if args else 5000
    figures = bench_validate(n)
    print(f"Validasi {figures['files_checked']} berkas sintetis: {figures['seconds']:.2f} s "
          f"({figures['files_per_second']} berkas/s; target < 5 s untuk 5.000), "
          f"{figures['errors']} kesalahan, {figures['warnings']} peringatan.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
