"""Files beside <id>/index.md: allowed images and PDFs are published, everything else refused."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest

from generator.pipeline import load_and_validate
from generator.validate.assets import MIB
from tests.conftest import ROOT, TODAY
from tests.validator.conftest import make_content


def png(width: int = 2, height: int = 2) -> bytes:
    """A real, tiny PNG (no image library needed)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
WEBP = (b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00"
        b"/\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00")


def _case(tmp_path: Path) -> Path:
    content = make_content("valid-folder-form", tmp_path)
    return content / "innovations" / "kasus"


def test_allowed_assets_pass(tmp_path: Path) -> None:
    folder = _case(tmp_path)
    (folder / "alur-layanan.png").write_bytes(png())
    (folder / "foto_1.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    (folder / "animasi.gif").write_bytes(b"GIF89a" + b"\x00" * 32)
    (folder / "gambar.webp").write_bytes(WEBP)
    (folder / "sop-antrean.pdf").write_bytes(PDF)
    (folder / ".DS_Store").write_bytes(b"\x00\x01")  # hidden files are ignored
    assert load_and_validate(folder.parent.parent, today=TODAY).diagnostics == []


def test_refused_assets_are_reported_with_file_and_hint(tmp_path: Path) -> None:
    folder = _case(tmp_path)
    (folder / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', encoding="utf-8"
    )
    (folder / "halaman.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (folder / "palsu.png").write_text("<html><script>alert(1)</script></html>", encoding="utf-8")
    (folder / "Foto Lomba.png").write_bytes(png())
    (folder / "FOTO.PNG").write_bytes(png())
    (folder / "besar.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * (2 * MIB))
    (folder / "catatan.md").write_text("# lain\n", encoding="utf-8")
    (folder / "sub").mkdir()
    os.symlink("/etc/passwd", folder / "rahasia.png")
    os.symlink(folder / "besar.jpg", folder / "salinan.jpg")  # even one that stays inside
    found = sorted(
        (Path(d.file).name, d.line, d.code)
        for d in load_and_validate(folder.parent.parent, today=TODAY).diagnostics
    )
    assert found == [
        ("FOTO.PNG", 1, "asset-type"),
        ("Foto Lomba.png", 1, "asset-name"),
        ("besar.jpg", 1, "asset-too-large"),
        ("catatan.md", 1, "asset-type"),
        ("halaman.html", 1, "asset-type"),
        ("logo.svg", 1, "asset-type"),
        ("palsu.png", 1, "asset-content"),
        ("rahasia.png", 1, "asset-link"),
        ("salinan.jpg", 1, "asset-link"),
        ("sub", 1, "asset-type"),
    ]
    for d in load_and_validate(folder.parent.parent, today=TODAY).diagnostics:
        assert d.hint and d.is_error


def test_a_case_may_not_carry_more_than_its_total(tmp_path: Path) -> None:
    folder = _case(tmp_path)
    for n in range(11):  # each under the PDF limit, together over 20 MiB
        (folder / f"lampiran-{n}.pdf").write_bytes(PDF + b"\x00" * (2 * MIB))
    found = [
        (Path(d.file).name, d.code)
        for d in load_and_validate(folder.parent.parent, today=TODAY).diagnostics
    ]
    assert found == [("kasus", "asset-too-large")]


def test_allowed_assets_are_published_beside_the_case_page(tmp_path: Path) -> None:
    from generator.site import build_site

    folder = _case(tmp_path)
    image, pdf = png(3, 1), PDF
    (folder / "alur-layanan.png").write_bytes(image)
    (folder / "sop.pdf").write_bytes(pdf)
    index = folder / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8")
        + "\n![Alur layanan](alur-layanan.png)\n\n[SOP](sop.pdf)\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    build_site(folder.parent.parent, out, ROOT / "mkdocs.yml", TODAY)
    page = out / "inovasi" / "kasus"
    assert (page / "alur-layanan.png").read_bytes() == image
    assert (page / "sop.pdf").read_bytes() == pdf
    html = (page / "index.html").read_text(encoding="utf-8")
    assert 'src="alur-layanan.png"' in html and 'href="sop.pdf"' in html


@pytest.mark.parametrize("name", ["gambar.svg", "skrip.html"])
def test_a_refused_asset_stops_the_build(tmp_path: Path, name: str) -> None:
    from generator.errors import ContentError
    from generator.pipeline import load_catalog

    folder = _case(tmp_path)
    (folder / name).write_text("<svg onload=alert(1)>", encoding="utf-8")
    with pytest.raises(ContentError):
        load_catalog(folder.parent.parent, TODAY)
