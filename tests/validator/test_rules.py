"""One fixture per rule: each case must produce exactly these (code, line, path, file)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.validator.conftest import FIXTURES, run_case

# (case, [(code, line, path, file)]) — every diagnostic the case must produce, no more.
CASES = [
    ("award-before-year", [("award-before-year", 20, "awards.0.year", "kasus.md")]),
    ("award-year-future", [("year-future", 20, "awards.0.year", "kasus.md")]),
    ("body-data-image", [("unsafe-url", 24, "", "kasus.md")]),
    (
        "body-encoded-markup",
        [("encoded-markup", n, "", "kasus.md") for n in (24, 25, 26, 28, 30, 33)],
    ),
    ("body-embed", [("unsafe-html", 24, "", "kasus.md")]),
    ("body-event-handler", [("unsafe-attribute", 25, "", "kasus.md")]),
    ("body-html-javascript-href", [("unsafe-url", 24, "", "kasus.md")]),
    ("body-iframe", [("unsafe-html", 24, "", "kasus.md")]),
    ("body-javascript-link", [("unsafe-url", 24, "", "kasus.md")]),
    ("body-object", [("unsafe-html", 24, "", "kasus.md")]),
    ("body-script", [("unsafe-html", 24, "", "kasus.md")]),
    ("body-style", [("unsafe-html", 24, "", "kasus.md")]),
    ("contact-channel-required", [("contact-channel-required", 13, "contact", "kasus.md")]),
    ("contact-email-format", [("invalid-format", 14, "contact.email", "kasus.md")]),
    ("contact-phone-format", [("invalid-format", 14, "contact.phone", "kasus.md")]),
    ("crosswalk-unknown-key", [("unknown-key", 19, "crosswalk.sinovic", "kasus.md")]),
    (
        "duplicate-id",
        [("duplicate-id", 2, "id", "kasus.md"), ("duplicate-id", 2, "id", "kasus/index.md")],
    ),
    ("empty-file", [("empty-file", 1, "", "kasus.md")]),
    (
        "evidence-level-out-of-range",
        [("out-of-range", 18, "outcomes.0.evidence_level", "kasus.md")],
    ),
    (
        "former-id-conflict",
        [
            ("former-id-conflict", 13, "former_ids.0", "kasus.md"),
            ("former-id-conflict", 13, "former_ids.1", "kasus.md"),
        ],
    ),
    ("front-matter-missing", [("front-matter-missing", 1, "", "kasus.md")]),
    ("front-matter-not-mapping", [("front-matter-not-mapping", 1, "", "kasus.md")]),
    ("front-matter-too-large", [("front-matter-too-large", 1, "", "kasus.md")]),
    ("front-matter-unclosed", [("front-matter-unclosed", 1, "", "kasus.md")]),
    ("id-mismatch", [("id-mismatch", 2, "id", "kasus.md")]),
    ("ignored-file", [("ignored-file", 1, "", "catatan.markdown")]),
    ("invalid-id-format", [("invalid-format", 2, "id", "Kasus_Satu.md")]),
    ("kit-url-not-http", [("invalid-format", 21, "replication.kit.0.url", "kasus.md")]),
    ("last-verified-format", [("invalid-format", 12, "last_verified", "kasus.md")]),
    ("last-verified-future", [("date-future", 12, "last_verified", "kasus.md")]),
    ("last-verified-invalid-date", [("invalid-date", 12, "last_verified", "kasus.md")]),
    (
        "likely-duplicate",
        [
            ("likely-duplicate", 3, "title", "kasus-dua.md"),
            ("likely-duplicate", 3, "title", "kasus.md"),
        ],
    ),
    ("missing-key-nested", [("missing-key", 5, "agency.name", "kasus.md")]),
    ("missing-key-top", [("missing-key", 1, "category", "kasus.md")]),
    ("missing-section", [("missing-section", 22, "", "kasus.md")]),
    ("not-utf8", [("not-utf8", 24, "", "kasus.md")]),
    ("outcome-shape", [("outcome-shape", 14, "outcomes.0.value", "kasus.md")]),
    ("outcome-source-required", [("outcome-source-required", 14, "outcomes.0.source", "kasus.md")]),
    ("outcome-unknown-key", [("unknown-key", 18, "outcomes.0.sumber", "kasus.md")]),
    ("outcomes-empty", [("empty-list", 13, "outcomes", "kasus.md")]),
    ("outcomes-mapping", [("wrong-type", 13, "outcomes", "kasus.md")]),
    ("placeholder", [("placeholder", 9, "category", "kasus.md")]),
    ("province-required", [("province-required", 5, "agency.province", "kasus.md")]),
    ("province-required-bumd", [("province-required", 5, "agency.province", "kasus.md")]),
    (
        "replicates-duplicate",
        [
            ("replicates-duplicate", 22, "replication.replicates.1.id", "kasus.md"),
            ("replicates-duplicate", 27, "replication.replicates.3.name", "kasus.md"),
        ],
    ),
    ("replicates-self", [("replicates-self", 20, "replication.replicates.0.id", "kasus.md")]),
    (
        "replicates-shape",
        [
            ("replicates-shape", 20, "replication.replicates.0.agency", "kasus.md"),
            ("replicates-shape", 20, "replication.replicates.0.name", "kasus.md"),
        ],
    ),
    ("replicates-unknown", [("replicates-unknown", 20, "replication.replicates.0.id", "kasus.md")]),
    ("sdg-duplicate", [("duplicate-item", 20, "sdgs.1", "kasus.md")]),
    ("sdg-out-of-range", [("out-of-range", 18, "sdgs.1", "kasus.md")]),
    ("sdg-quoted", [("wrong-type", 18, "sdgs.0", "kasus.md")]),
    ("sdg-target-outside", [("sdg-target-outside", 19, "sdg_targets.1", "kasus.md")]),
    ("sdg-target-unquoted", [("wrong-type", 20, "sdg_targets.0", "kasus.md")]),
    ("section-order", [("section-order", 22, "", "kasus.md")]),
    ("source-accessed-future", [("date-future", 21, "sources.0.accessed", "kasus.md")]),
    ("source-index", [("source-index", 17, "outcomes.0.source", "kasus.md")]),
    ("source-index-award", [("source-index", 22, "awards.0.source", "kasus.md")]),
    ("source-index-zero", [("out-of-range", 17, "outcomes.0.source", "kasus.md")]),
    ("sources-empty", [("empty-list", 18, "sources", "kasus.md")]),
    ("sources-url-javascript", [("invalid-format", 20, "sources.0.url", "kasus.md")]),
    ("sources-url-not-http", [("invalid-format", 20, "sources.0.url", "kasus.md")]),
    ("stale", [("stale", 12, "last_verified", "kasus.md")]),
    ("status-note-required", [("status-note-required", 1, "status_note", "kasus.md")]),
    ("status-note-required-planned", [("status-note-required", 1, "status_note", "kasus.md")]),
    ("tags-not-kebab", [("invalid-format", 18, "tags.0", "kasus.md")]),
    (
        "too-long-id",
        [
            (
                "too-long",
                2,
                "id",
                "a-bcd-bcd-bcd-bcd-bcd-bcd-bcd-bcd-bcd-bcd-bcd-bcd-bcd-bcd-bcd-bcd-bcd-bcd-bcd-bcd.md",
            )
        ],
    ),
    ("too-long-title", [("too-long", 3, "title", "kasus.md")]),
    ("too-short-summary", [("too-short", 4, "summary", "kasus.md")]),
    (
        "unknown-key-nested",
        [
            ("province-required", 5, "agency.province", "kasus.md"),
            ("unknown-key", 8, "agency.provinsi", "kasus.md"),
        ],
    ),
    ("unknown-key-top", [("unknown-key", 10, "judul", "kasus.md")]),
    (
        "unknown-key-wrong-indent",
        [
            ("province-required", 5, "agency.province", "kasus.md"),
            ("unknown-key", 8, "province", "kasus.md"),
        ],
    ),
    ("unknown-value-agency-type", [("unknown-value", 7, "agency.type", "kasus.md")]),
    ("unknown-value-award-level", [("unknown-value", 21, "awards.0.level", "kasus.md")]),
    ("unknown-value-award-program", [("unknown-value", 19, "awards.0.program", "kasus.md")]),
    ("unknown-value-category", [("unknown-value", 9, "category", "kasus.md")]),
    ("unknown-value-lang", [("unknown-value", 18, "lang", "kasus.md")]),
    ("unknown-value-province-label", [("unknown-value", 8, "agency.province", "kasus.md")]),
    (
        "unknown-value-relation",
        [("unknown-value", 22, "replication.replicates.0.relation", "kasus.md")],
    ),
    ("unknown-value-status", [("unknown-value", 11, "status", "kasus.md")]),
    ("wrong-type-bool-title", [("wrong-type", 3, "title", "kasus.md")]),
    ("wrong-type-empty-value", [("wrong-type", 3, "title", "kasus.md")]),
    ("wrong-type-list-for-mapping", [("wrong-type", 5, "agency", "kasus.md")]),
    ("wrong-type-mapping-for-list", [("wrong-type", 18, "sources", "kasus.md")]),
    ("wrong-type-number-as-string", [("wrong-type", 15, "outcomes.0.value", "kasus.md")]),
    ("wrong-type-octal", [("wrong-type", 19, "crosswalk.sinovik", "kasus.md")]),
    ("wrong-type-quoted-year", [("wrong-type", 10, "year", "kasus.md")]),
    ("wrong-type-sexagesimal", [("wrong-type", 9, "agency.unit", "kasus.md")]),
    (
        "yaml-anchor-alias",
        [
            ("yaml-anchor", 6, "agency.name", "kasus.md"),
            ("yaml-alias", 7, "agency.unit", "kasus.md"),
        ],
    ),
    ("yaml-anchor-only", [("yaml-anchor", 11, "status", "kasus.md")]),
    ("yaml-duplicate-key", [("yaml-duplicate-key", 12, "status", "kasus.md")]),
    ("yaml-syntax-colon", [("yaml-syntax", 3, "", "kasus.md")]),
    ("yaml-syntax-colon-no-space", [("yaml-syntax", 3, "", "kasus.md")]),
    ("yaml-syntax-dash-no-space", [("yaml-syntax", 19, "", "kasus.md")]),
    ("yaml-syntax-inner-quotes", [("yaml-syntax", 3, "", "kasus.md")]),
    ("yaml-syntax-indent", [("yaml-syntax", 7, "", "kasus.md")]),
    ("yaml-syntax-no-colon", [("yaml-syntax", 11, "", "kasus.md")]),
    ("yaml-syntax-unclosed-bracket", [("yaml-syntax", 10, "", "kasus.md")]),
    ("yaml-syntax-unclosed-quote", [("yaml-syntax", 3, "", "kasus.md")]),
    ("yaml-tab", [("yaml-tab", 6, "", "kasus.md")]),
    ("yaml-tag", [("yaml-tag", 9, "category", "kasus.md")]),
    ("year-float", [("wrong-type", 10, "year", "kasus.md")]),
    ("year-future", [("year-future", 10, "year", "kasus.md")]),
    ("year-too-early", [("out-of-range", 10, "year", "kasus.md")]),
]
VALID = [
    "valid-bom-crlf",
    "valid-contact",
    "valid-comments",
    "valid-dots-closing",
    "valid-float-value",
    "valid-folded-summary",
    "valid-folder-form",
    "valid-full",
    "valid-minimal",
    "valid-non-government",
    "valid-quoted-date",
    "valid-text-with-markup",
    "body-code-is-allowed",
]


def _found(diagnostics):
    return sorted(
        (d.code, d.line, d.path, d.file.replace("\\", "/").split("/innovations/")[-1])
        for d in diagnostics
    )


@pytest.mark.parametrize(("case", "expected"), CASES, ids=[c for c, _ in CASES])
def test_case_reports_exactly(
    case: str, expected: list[tuple[str, int, str, str]], tmp_path: Path
) -> None:
    assert _found(run_case(case, tmp_path)) == sorted(expected)


@pytest.mark.parametrize("case", VALID)
def test_valid_case_has_no_problem(case: str, tmp_path: Path) -> None:
    assert run_case(case, tmp_path) == []


def test_every_fixture_folder_is_in_a_table() -> None:
    folders = {p.name for p in FIXTURES.iterdir() if p.is_dir()}
    assert folders == {c for c, _ in CASES} | set(VALID)


def _one(case: str, tmp_path: Path, code: str):
    found = [d for d in run_case(case, tmp_path) if d.code == code]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("case", "code", "needle"), [
    ("wrong-type-bool-title", "wrong-type", "`no` tanpa kutip sebagai false"),
    ("wrong-type-octal", "wrong-type", "oktal 668"),
    ("wrong-type-sexagesimal", "wrong-type", "basis 60 (80)"),
    ("wrong-type-quoted-year", "wrong-type", "Hapus tanda kutip"),
    ("sdg-target-unquoted", "wrong-type", "sebagai bilangan 4.1;"),
    ("unknown-key-nested", "unknown-key", "Maksud Anda `province`?"),
    ("unknown-key-top", "unknown-key", "Maksud Anda `title`?"),
    ("unknown-key-wrong-indent", "unknown-key", "di dalam `agency`"),
    ("unknown-value-category", "unknown-value", "Maksud Anda `kesehatan`?"),
    ("unknown-value-province-label", "unknown-value", "Maksud Anda `jawa-timur`?"),
    ("unknown-value-award-level", "unknown-value", "`top-99`"),
    ("unknown-value-award-program", "unknown-value", "Maksud Anda `kipp`?"),
    ("unknown-value-relation", "unknown-value", "`replikasi`"),
    ("crosswalk-unknown-key", "unknown-key", "Maksud Anda `sinovik`?"),
    ("replicates-unknown", "replicates-unknown", "Maksud Anda `kasus`?"),
    ("source-index", "source-index", "1–2"),
    ("placeholder", "placeholder", "`kesehatan`"),
    ("contact-phone-format", "invalid-format", "`+62 361 223344`"),
])
def test_hint_explains(case: str, code: str, needle: str, tmp_path: Path) -> None:
    assert needle in _one(case, tmp_path, code).hint


def test_duplicate_key_message_names_both_lines(tmp_path: Path) -> None:
    message = _one("yaml-duplicate-key", tmp_path, "yaml-duplicate-key").message
    assert "baris 11" in message and "baris 12" in message


def test_duplicate_id_names_the_other_file(tmp_path: Path) -> None:
    found = [d for d in run_case("duplicate-id", tmp_path) if d.code == "duplicate-id"]
    assert any("kasus/index.md" in d.message for d in found)
    assert any("kasus.md" in d.message and "index.md" not in d.message for d in found)


def test_not_utf8_names_the_line_of_the_first_bad_byte(tmp_path: Path) -> None:
    assert "baris 24" in _one("not-utf8", tmp_path, "not-utf8").message


def test_every_message_and_hint_is_indonesian_text(tmp_path: Path) -> None:
    # English words from PyYAML or jsonschema must not leak into what contributors read.
    for case, _ in CASES:
        case_dir = tmp_path / case
        case_dir.mkdir()
        for d in run_case(case, case_dir):
            text = f"{d.message} {d.hint}"
            for leak in (
                "is not of type",
                "is a required property",
                "was unexpected",
                "while scanning",
                "is not one of",
                "does not match",
            ):
                assert leak not in text, (case, text)
