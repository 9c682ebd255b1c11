"""Where content may come from: never through a symbolic link that leaves the content folder.

A link such as ``content/pages/env.md → /proc/self/environ`` would otherwise publish whatever
it points at. Links that stay inside the content folder are followed as usual.
"""

from __future__ import annotations

import os
from pathlib import Path


def link_outside(
    path: Path, root: Path, *, through: Path | None = None, parents: int | None = None
) -> str | None:
    """The link text when ``path``, or a folder between ``through`` and ``path`` (or its first
    ``parents`` folders), is a symbolic link whose target lies outside ``root`` (an already
    resolved folder); otherwise None."""
    if parents is not None:
        link = next((p for p in (path, *path.parents[:parents]) if os.path.islink(p)), None)
    else:
        link = _first_link(path, through)
    if link is None:
        return None
    target = Path(os.path.realpath(path))
    if target == root or target.is_relative_to(root):
        return None
    try:
        return os.readlink(link)
    except OSError:
        return str(target)


def _first_link(path: Path, through: Path | None) -> Path | None:
    if os.path.islink(path):
        return path
    if through is None:
        return None
    for parent in path.parents:
        if parent == through or len(parent.parts) <= len(through.parts):
            return None
        if os.path.islink(parent):
            return parent
    return None


LINK_MESSAGE = (
    "Tautan simbolik ini menunjuk ke luar folder konten (`{target}`); katalog tidak mengikutinya."
)
LINK_HINT = ("Salin berkasnya ke dalam folder konten sebagai berkas biasa, atau hapus tautannya; "
             "katalog hanya membaca berkas yang ada di dalam folder konten.")

__all__ = ["LINK_HINT", "LINK_MESSAGE", "link_outside"]
