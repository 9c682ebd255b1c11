"""A small content-addressed build cache for costly derived files (QR codes, share images).

A value is stored under a hash of everything that determines it, so a stale entry is never
read: change the input (or ``VERSION`` of the producer) and the key changes. The cache is an
optimisation only: an unwritable or missing folder means the value is produced every time.
The folder is ``$KATALOG_CACHE_DIR`` or ``.cache/katalog`` under the working directory.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def cache_dir() -> Path:
    configured = os.environ.get("KATALOG_CACHE_DIR")
    return Path(configured) if configured else Path.cwd() / ".cache" / "katalog"


def key_of(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8")
        digest.update(len(data).to_bytes(8, "big"))  # length-prefixed: no two inputs share a key
        digest.update(data)
    return digest.hexdigest()


def cached(kind: str, key: str, produce: Callable[[], bytes], suffix: str = "") -> bytes:
    """The bytes stored for ``key`` in the ``kind`` folder, produced (and stored) when absent."""
    folder = cache_dir() / kind / key[:2]
    path = folder / (key + suffix)
    try:
        return path.read_bytes()
    except OSError:
        pass
    value = produce()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        with os.fdopen(fd, "wb") as handle:
            handle.write(value)
        os.replace(temp, path)  # atomic: a forked renderer may write the same key at once
    except OSError:
        pass
    return value
