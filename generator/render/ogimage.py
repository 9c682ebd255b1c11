"""Share images (``og:image``): a 1200×630 PNG per case, drawn at build time with Pillow.

The text is drawn as plain glyphs (Pillow interprets no markup), with control and other
invisible characters removed first. Images are cached by a hash of what they show
(``generator.cache``), so a rebuild only draws the cases that changed.
"""

from __future__ import annotations

import io
import unicodedata
from functools import cache
from pathlib import Path

from generator.cache import cached, key_of

WIDTH, HEIGHT = 1200, 630
VERSION = "2"  # bump when the drawing changes: every cached image is then redrawn
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
REGULAR, BOLD = "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"

# Drawn in one 8-bit channel (0 = ink, 255 = paper) and stored as a palette PNG whose palette
# runs from indigo to white: anti-aliased text, about 20 KB, quick to draw and to write.
INK_RGB, PAPER_RGB = (26, 35, 126), (255, 255, 255)  # Material indigo 900 on white
INK, TEXT, BAND, CHIP, PAPER = 0, 30, 60, 232, 255
_PALETTE = [round(i + (p - i) * v / 255) for v in range(256) for i, p in zip(INK_RGB, PAPER_RGB)]


def clean(text: str) -> str:
    """One line of visible text: control, format and separator characters become spaces."""
    out = []
    for ch in text:
        kind = unicodedata.category(ch)
        out.append(" " if kind[0] in "CZ" and ch != " " or kind == "Zs" else ch)
    return " ".join("".join(out).split())


@cache
def _font_file(name: str) -> str:
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return str(folder / name)
    return ""


@cache
def _font(name: str, size: int):
    from PIL import ImageFont

    path = _font_file(name)
    if path:
        return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)  # Pillow's bundled font when DejaVu is absent


def _wrap(text: str, font, width: int, max_lines: int) -> list[str]:
    """Greedy word wrap to ``width`` pixels; the last line ends with … when text is left over."""
    words = text.split()
    lines: list[str] = []
    current = ""
    while words:
        word = words[0]
        trial = f"{current} {word}" if current else word
        if font.getlength(trial) <= width:
            current, words = trial, words[1:]
            continue
        if not current:  # one word wider than the line: cut it
            cut = len(word)
            while cut > 1 and font.getlength(word[:cut]) > width:
                cut -= 1
            current, words = word[:cut], [word[cut:], *words[1:]]
        lines.append(current)
        current = ""
        if len(lines) == max_lines:
            break
    if current and len(lines) < max_lines:
        lines.append(current)
    if words and lines:
        last = lines[-1]
        while last and font.getlength(last + " …") > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + " …"
    return lines


def draw_card(title: str, agency: str, category: str, status: str, site: str) -> bytes:
    """The PNG bytes of one share image."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 18), fill=BAND)
    margin = 72
    width = WIDTH - 2 * margin
    small = _font(REGULAR, 30)
    y = 64
    draw.text((margin, y), clean(site) or "Katalog Inovasi Pelayanan Publik", font=small, fill=BAND)
    y += 70
    title_font = _font(BOLD, 62)
    for line in _wrap(clean(title), title_font, width, 3):
        draw.text((margin, y), line, font=title_font, fill=INK)
        y += 76
    y += 24
    agency_font = _font(REGULAR, 38)
    for line in _wrap(clean(agency), agency_font, width, 2):
        draw.text((margin, y), line, font=agency_font, fill=TEXT)
        y += 50
    chips = [c for c in (clean(category), clean(status)) if c]
    x, chip_y = margin, HEIGHT - 110
    chip_font = _font(BOLD, 30)
    for chip in chips:
        text = _wrap(chip, chip_font, width // 2 - 60, 1)[0]
        w = int(chip_font.getlength(text)) + 44
        draw.rounded_rectangle((x, chip_y, x + w, chip_y + 56), radius=28, fill=CHIP)
        draw.text((x + 22, chip_y + 11), text, font=chip_font, fill=INK)
        x += w + 20
    draw.rectangle((0, HEIGHT - 18, WIDTH, HEIGHT), fill=BAND)
    card = Image.frombytes("P", image.size, image.tobytes())
    card.putpalette(_PALETTE)
    buffer = io.BytesIO()
    card.save(buffer, format="PNG", compress_level=6)
    return buffer.getvalue()


def share_image(title: str, agency: str, category: str, status: str, site: str) -> bytes:
    """``draw_card`` through the build cache."""
    key = key_of(
        VERSION, _font_file(REGULAR), _font_file(BOLD), title, agency, category, status, site
    )
    return cached("og", key, lambda: draw_card(title, agency, category, status, site), ".png")
