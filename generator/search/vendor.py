"""The browser's Indonesian stemmer, vendored from ``@orama/stemmers`` (Apache-2.0).

``@orama/stemmers`` ships ``dist/id.js``, JavaScript generated from Snowball's Indonesian
algorithm, as an ES module. The site loads its scripts as classic scripts (and the offline
copy from ``file://``, where modules cannot load), so the vendored file is that module's text
unchanged between a short prologue and epilogue: ``export function stemmer`` becomes a plain
function exposed as ``stemIndonesian`` (a browser global and a CommonJS export).

``python -m generator.search.vendor`` rewrites the vendored file from ``node_modules``;
``tests/search/test_stemmer_parity.py`` checks that it is still the pinned upstream text and
that it stems exactly like ``snowballstemmer`` on every word form the tests have.
"""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGE = "@orama/stemmers"
VERSION = "3.1.18"
LICENSE = "Apache-2.0"
UPSTREAM = Path("node_modules") / "@orama" / "stemmers" / "dist" / "id.js"
VENDORED = Path(__file__).resolve().parent.parent / "assets" / "search" / "stemmer-id.orama.js"

_EXPORT = "export function stemmer("
_TAIL = 'export const language="indonesian";'

PROLOGUE = f"""\
/*! {PACKAGE} {VERSION} dist/id.js ({LICENSE}; Copyright 2023 OramaSearch Inc.;
 * generated from the Snowball Indonesian stemmer, BSD-3-Clause, https://snowballstem.org/).
 * Vendored unchanged between this prologue and the epilogue by generator/search/vendor.py,
 * which only turns the ES module's exports into stemIndonesian(word). */
(function (root) {{
"""
EPILOGUE = """
root.stemIndonesian = stemmer;
if (typeof module !== "undefined" && module.exports) module.exports = stemmer;
})(typeof window !== "undefined" ? window : this);
"""


def wrap(upstream: str) -> str:
    """The vendored file for the upstream module text; ValueError if its exports changed."""
    body = upstream.rstrip("\n")
    if body.count(_EXPORT) != 1 or not body.endswith(_TAIL) or body.count("export ") != 2:
        raise ValueError(
            f"{PACKAGE} {VERSION}: dist/id.js no longer ends with the exports this wrapper expects"
        )
    body = body[: -len(_TAIL)].replace(_EXPORT, "function stemmer(")
    return PROLOGUE + body + EPILOGUE


def main(root: Path | None = None) -> int:
    source = (root or Path.cwd()) / UPSTREAM
    if not source.is_file():
        print(f"{source} tidak ada: jalankan `npm ci` dulu.", file=sys.stderr)
        return 2
    VENDORED.write_text(wrap(source.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"{VENDORED} ditulis dari {PACKAGE} {VERSION}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
