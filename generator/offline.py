"""The offline copy: a zip of the built site that works unpacked and opened from disk.

Opened over ``file://`` a site with ``use_directory_urls`` breaks in three ways, each fixed
here on a copy of the built pages (the online site is not touched):

- links point at folders (``../inovasi/x/``): they are rewritten to ``…/index.html``;
- ``fetch()`` of local files is refused: every JSON file under ``search/`` ships beside it as
  ``<name>.json.js``, a script that stores the data (``assets/katalog/offline.js`` answers
  ``fetch`` from it), so the search index loads without ``fetch``;
- links that scripts build at run time are sent to ``index.html`` by the same shim.

Share images (``og.png``), the sitemap, source maps and the theme's unused search files are
left out: nobody needs them offline. The zip is
deterministic (sorted entries, fixed timestamps) so two builds give the same bytes.
"""

from __future__ import annotations

import json
import re
import struct
import zipfile
import zlib
from functools import lru_cache
from pathlib import Path

from generator.render.parallel import run_beside

ZIP_PATH = "data/katalog-inovasi-luring.zip"
ROOT = "katalog-inovasi-luring/"
SHIM = "assets/katalog/offline.js"
_TIMESTAMP = (2000, 1, 1, 0, 0, 0)
_SKIP_NAMES = {"og.png", "sitemap.xml", "sitemap.xml.gz"}
# The theme's own search (not used: the katalog has its own), and source maps.
_SKIP_PREFIXES = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
# Relative values that name a folder ("…/", ".", "..", "../..", query and fragment kept) after
# `="`; the match is kept only when the attribute is href, src or action. Anchoring on `="`
# (a literal) is about five times quicker on big pages than an alternation of attribute names.
_ATTR = re.compile(r'="(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)((?:[^"?#]*/)?(?:\.\.?)?)([?#][^"]*)?"')
_ATTR_NAMES = ("href", "src", "action")
_HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|/|#)")

README = """\
Katalog Inovasi Pelayanan Publik — salinan luring (offline)

1. Ekstrak (unzip) seluruh berkas ini ke sebuah folder.
2. Buka folder katalog-inovasi-luring, lalu buka index.html dengan peramban
   (Chrome, Edge, Firefox). Tidak perlu internet.

Semua halaman, tautan antarhalaman, dan pencarian berjalan dari disk. Tautan ke sumber di
luar katalog (situs instansi, berita) tetap membutuhkan internet.
Salinan ini dibuat saat situs dibangun; versi terbaru ada di situs daringnya.
"""


@lru_cache(maxsize=65536)  # pages repeat the same links (navigation, facets)
def rewrite_link(value: str) -> str:
    """A relative link to a folder → the folder's ``index.html`` (query and fragment kept)."""
    if not value or _EXTERNAL.match(value):
        return value
    cut = min((i for i in (value.find("?"), value.find("#")) if i >= 0), default=len(value))
    path, rest = value[:cut], value[cut:]
    if path == "" or path.rsplit("/", 1)[-1] in (".", ".."):
        path += "/"  # "", ".", "../.." name folders too
    if path.endswith("/"):
        path += "index.html"
    return path + rest


def _rewrite_match(match: re.Match[str]) -> str:
    path, rest = match.groups()
    if not path and not rest:
        return match.group(0)  # href="" is this page
    text, start = match.string, match.start()
    name = next((n for n in _ATTR_NAMES if text.endswith(n, 0, start)), None)
    if name is None or text[start - len(name) - 1: start - len(name)] not in (" ", "\n", "\t"):
        return match.group(0)  # another attribute, or text that only looks like one
    return '="' + rewrite_link(path + (rest or "")) + '"'


def offline_html(html: str, depth: int) -> str:
    """A built page prepared for ``file://``: folder links rewritten, the shim loaded first."""
    html = _ATTR.sub(_rewrite_match, html)
    shim = f'<script src="{"../" * depth}{SHIM}"></script>'
    match = _HEAD.search(html)
    if match is None:
        return shim + html
    return html[: match.end()] + shim + html[match.end():]


def data_script(data_bytes: bytes) -> bytes:
    """``<name>.json.js``: stores the JSON under the script's own address minus ``.js``."""
    data = json.loads(data_bytes)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return ("(window.katalogOffline=window.katalogOffline||{})"
            "[document.currentScript.src.replace(/\\.js$/,\"\")]=" + text + ";\n").encode("utf-8")


_DOS_DATE = (_TIMESTAMP[0] - 1980) << 9 | _TIMESTAMP[1] << 5 | _TIMESTAMP[2]
_MADE_BY = 3 << 8 | 20  # Unix, zip 2.0
_UTF8 = 0x800


def _deflate(name: str, data: bytes, level: int) -> tuple[str, int, int, bytes]:
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    return name, zlib.crc32(data), len(data), compressor.compress(data) + compressor.flush()


def _write_archive(target: Path, entries: list[tuple[str, int, int, bytes]]) -> None:
    """A plain zip (deflate, UTF-8 names, fixed timestamps) from already-compressed entries."""
    central = []
    with open(target, "wb") as out:
        for name, crc, size, packed in entries:
            raw_name = (ROOT + name).encode("utf-8")
            offset = out.tell()
            out.write(struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, _UTF8, 8, 0, _DOS_DATE,
                                  crc, len(packed), size, len(raw_name), 0))
            out.write(raw_name)
            out.write(packed)
            central.append(
                struct.pack(
                    "<4s6H3I5H2I",
                    b"PK\x01\x02",
                    _MADE_BY,
                    20,
                    _UTF8,
                    8,
                    0,
                    _DOS_DATE,
                    crc,
                    len(packed),
                    size,
                    len(raw_name),
                    0,
                    0,
                    0,
                    0,
                    0o100644 << 16,
                    offset,
                )
                + raw_name
            )
        start = out.tell()
        for record in central:
            out.write(record)
        out.write(struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, len(entries), len(entries),
                              out.tell() - start, start, 0))


def _fits_plain_zip(entries: list[tuple[str, int, int, bytes]]) -> bool:
    """Without zip64: fewer than 65,535 entries and every offset and size under 4 GiB."""
    total = sum(len(e[3]) + 30 + len(ROOT) + len(e[0].encode("utf-8")) for e in entries)
    return len(entries) < 0xFFFF and total < 0xFFFFFFFF and all(e[2] < 0xFFFFFFFF for e in entries)


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(ROOT + name, date_time=_TIMESTAMP)
    info.external_attr = 0o644 << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _prepared(site: Path, rel: str, level: int) -> tuple[str, int, int, bytes]:
    path = site / rel
    if rel == SHIM:
        data = (Path(__file__).parent / "assets" / "kit" / "offline.js").read_bytes()
    elif rel == "BACA-SAYA.txt":
        data = README.encode("utf-8")
    else:
        data = path.read_bytes()
        if path.suffix == ".html":
            data = offline_html(data.decode("utf-8"), rel.count("/")).encode("utf-8")
        elif rel.startswith("search/") and path.suffix == ".json":
            rel, data = rel + ".js", data_script(data)  # loaded as a script: no fetch()
    return _deflate(rel, data, level)


def write_offline_zip(site: Path, level: int = 1) -> Path:
    """Write ``data/katalog-inovasi-luring.zip`` into the built ``site`` folder. Deflate level 1
    keeps the build quick (the pages are repetitive, so the zip is only slightly larger); on a
    big site a forked child compresses half the files (generator/render/parallel.py)."""
    site = Path(site)
    target = site / ZIP_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(target.name + ".tmp")
    names = ["BACA-SAYA.txt", SHIM]
    for path in sorted(p for p in site.rglob("*") if p.is_file() and not p.is_symlink()):
        rel = path.relative_to(site).as_posix()
        if (
            path.name in _SKIP_NAMES
            or path.name.startswith(".")
            or path.suffix == ".map"
            or rel.startswith(_SKIP_PREFIXES)
            or rel == ZIP_PATH
            or path == temp
        ):
            continue
        names.append(rel)
    half = len(names) // 2
    first, second = run_beside(
        len(names),
        lambda: [_prepared(site, n, level) for n in names[:half]],
        lambda: [_prepared(site, n, level) for n in names[half:]],
    )
    entries = first + second
    if _fits_plain_zip(entries):
        _write_archive(temp, entries)
    else:  # zip64 territory: let zipfile write it (serially)
        with zipfile.ZipFile(
            temp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=level
        ) as archive:
            for name, _crc, _size, _packed in entries:
                archive.writestr(_entry(name), zlib.decompress(_packed, -15), compresslevel=level)
    temp.replace(target)
    return target
