"""The vendored lunr.min.js is byte-identical to the pinned npm package's file."""

from __future__ import annotations

import hashlib
import json

from tests.conftest import ROOT

VENDORED = ROOT / "generator" / "assets" / "search" / "lunr.min.js"
# sha256 of lunr@2.3.9/lunr.min.js as published on npm.
LUNR_2_3_9_MIN_SHA256 = "0c50d9002b85780a842afffb567bb54ede402dae7c6dc5997a018614d8044fc8"


def test_vendored_lunr_is_the_pinned_release() -> None:
    assert hashlib.sha256(VENDORED.read_bytes()).hexdigest() == LUNR_2_3_9_MIN_SHA256
    assert json.loads((ROOT / "package.json").read_text())["devDependencies"]["lunr"] == "2.3.9"


def test_vendored_lunr_matches_node_modules() -> None:
    installed = ROOT / "node_modules" / "lunr" / "lunr.min.js"
    package = json.loads((ROOT / "node_modules" / "lunr" / "package.json").read_text())
    assert package["version"] == "2.3.9"
    assert installed.read_bytes() == VENDORED.read_bytes()
