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
import zipfile
from functools import lru_cache
from pathlib import Path

ZIP_PATH = "data/katalog-inovasi-luring.zip"
ROOT = "katalog-inovasi-luring/"
SHIM = "assets/katalog/offline.js"
_TIMESTAMP = (2000, 1, 1, 0, 0, 0)
_SKIP_NAMES = {"og.png", "sitemap.xml", "sitemap.xml.gz"}
# The theme's own search (not used: the katalog has its own), and source maps.
_SKIP_PREFIXES = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
# Only relative values that name a folder: "…/", ".", "..", "../.." (query and fragment kept).
_ATTR = re.compile(r'(\s(?:href|src|action)=")(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)'
                   r'((?:[^"?#]*/)?(?:\.\.?)?)([?#][^"]*)?(")')
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
    head, path, rest, quote = match.groups()
    if not path and not rest:
        return match.group(0)  # href="" (this page) stays
    return head + rewrite_link(path + (rest or "")) + quote


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


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(ROOT + name, date_time=_TIMESTAMP)
    info.external_attr = 0o644 << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def write_offline_zip(site: Path, level: int = 1) -> Path:
    """Write ``data/katalog-inovasi-luring.zip`` into the built ``site`` folder. Deflate level 1:
    the build stays quick; the pages are repetitive, so the zip is only slightly larger."""
    site = Path(site)
    target = site / ZIP_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(target.name + ".tmp")
    files = sorted(p for p in site.rglob("*") if p.is_file() and not p.is_symlink())
    with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr(_entry("BACA-SAYA.txt"), README.encode("utf-8"))
        archive.writestr(_entry(SHIM), (Path(__file__).parent / "assets" / "kit" / "offline.js").read_bytes())
        for path in files:
            rel = path.relative_to(site).as_posix()
            if (path.name in _SKIP_NAMES or path.name.startswith(".") or path.suffix == ".map" or rel.startswith(_SKIP_PREFIXES)
                    or rel == ZIP_PATH or path == temp):
                continue
            data = path.read_bytes()
            if path.suffix == ".html":
                data = offline_html(data.decode("utf-8"), rel.count("/")).encode("utf-8")
            elif rel.startswith("search/") and path.suffix == ".json":
                rel, data = rel + ".js", data_script(data)  # loaded as a script: no fetch()
            archive.writestr(_entry(rel), data, compresslevel=level)
    temp.replace(target)
    return target
