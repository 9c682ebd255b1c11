"""Glue for ``.github/workflows/intake.yml``: ``katalog intake``'s JSON → step outputs.

``python -m generator.intake.github STATUS RESULT.json`` prints ``key=value`` lines for
``$GITHUB_OUTPUT``: ``ok`` (true/false), ``id``, ``file`` (the written file, base64) and
``report`` (the problems as text, base64). Every value is one line of ``[A-Za-z0-9+/=-]``, so
nothing a contributor typed can add an output or break the format. An exit status above 1
(usage or configuration error) is passed on: the workflow fails instead of blaming the author.
"""

from __future__ import annotations

import base64
import json
import sys
from pathlib import Path

from generator.intake import FieldDiagnostic, render_text
from generator.values import is_id


def _b64(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def outputs(status: int, result: dict) -> dict[str, str]:
    diagnostics = [
        FieldDiagnostic(
            **{
                k: d.get(k, "")
                for k in ("field", "label", "line", "severity", "code", "message", "hint")
            }
        )
        for d in result.get("diagnostics", [])
    ]
    case_id, path = result.get("id"), result.get("path")
    ok = status == 0 and isinstance(case_id, str) and is_id(case_id) and isinstance(path, str)
    file_text = Path(path).read_text(encoding="utf-8") if ok else ""
    return {"ok": "true" if ok else "false", "id": case_id if ok else "", "file": _b64(file_text),
            "report": _b64(render_text(diagnostics, written_path=path if ok else None))}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or not args[0].isdigit():
        print("pakai: python -m generator.intake.github STATUS RESULT.json", file=sys.stderr)
        return 2
    status = int(args[0])
    if status > 1:
        print(
            f"katalog intake berhenti dengan kode {status} (kesalahan konfigurasi)", file=sys.stderr
        )
        return status
    try:
        result = json.loads(Path(args[1]).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"hasil intake tidak bisa dibaca: {exc}", file=sys.stderr)
        return 2
    for key, value in outputs(status, result).items():
        print(f"{key}={value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
