"""The issue forms: field ids follow the content model, dropdowns follow the taxonomies,
placeholders are valid examples, and the workflow glue cannot be steered by the issue body."""

from __future__ import annotations

import base64
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.intake.case import BODY_SECTIONS, known_field
from generator.intake.form import (
    PROPOSAL_FORM,
    UPDATE_FORM,
    VOCABULARY_FIELDS,
    form_paths,
    load_form,
    option_label,
    synced_form_text,
)
from generator.intake.github import outputs
from generator.taxonomy import load_taxonomies
from generator.validate.schema import load_static_schema
from tests.intake.conftest import REPO

TAXONOMIES = REPO / "content" / "taxonomies"


def _schema_has(path: list[str]) -> bool:
    node = load_static_schema()
    for key in path:
        props = node.get("properties") or node.get("items", {}).get("properties") or {}
        if key not in props:
            return False
        node = props[key]
    return True


def test_committed_forms_are_in_step_with_the_taxonomies(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["forms", "--check"]) == 0, capsys.readouterr()


def test_forms_check_notices_a_new_term(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "content"
    shutil.copytree(TAXONOMIES, content / "taxonomies")
    categories = content / "taxonomies" / "categories.yml"
    categories.write_text(categories.read_text(encoding="utf-8")
                          + "  - id: pariwisata\n    label: Pariwisata\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in form_paths()}
    assert main(["forms", "--check", "--content", str(content)]) == 1
    assert "Usang" in capsys.readouterr().out
    assert {p: p.read_bytes() for p in form_paths()} == before  # --check writes nothing
    text = synced_form_text(PROPOSAL_FORM, load_taxonomies(content / "taxonomies")[0])
    options = next(i for i in yaml.safe_load(text)["body"] if i.get("id") == "category")[
        "attributes"
    ]["options"]
    assert options[-1] == "Pariwisata"


@pytest.mark.parametrize("path", form_paths(), ids=lambda p: p.name)
def test_dropdowns_show_the_site_labels_in_taxonomy_order(path: Path) -> None:
    taxonomies, _ = load_taxonomies(TAXONOMIES)
    form = load_form(path)
    dropdowns = [f for f in form.fields if f.id in VOCABULARY_FIELDS]
    assert dropdowns
    for f in dropdowns:
        vocabulary = VOCABULARY_FIELDS[f.id]
        assert f.type == "dropdown"
        assert list(f.options) == [
            option_label(vocabulary, t) for t in taxonomies[vocabulary].terms
        ]


def test_proposal_field_ids_follow_the_content_model() -> None:
    form = load_form(PROPOSAL_FORM)
    for f in form.fields:
        if f.type == "checkboxes":
            continue
        assert known_field(f.id), f.id
        if f.id.startswith("body_"):
            assert f.id in BODY_SECTIONS and f.type == "textarea"
            continue
        head, _, rest = f.id.partition("_")
        path = [head, rest] if head in ("agency", "contact", "replication") else [f.id]
        assert _schema_has(path), f.id
    ids = {f.id for f in form.fields}
    assert {
        "title",
        "summary",
        "agency_name",
        "agency_type",
        "agency_province",
        "category",
        "year",
        "status",
        "contact_website",
        "contact_email",
        "contact_phone",
        "sources",
        "outcomes",
        *BODY_SECTIONS,
    } <= ids


def test_every_required_model_key_is_a_required_field() -> None:
    form = load_form(PROPOSAL_FORM)
    required = {f.id for f in form.fields if f.required}
    assert {
        "title",
        "summary",
        "agency_name",
        "agency_type",
        "category",
        "year",
        "status",
        "last_verified",
        "outcomes",
        "sources",
    } <= required


@pytest.mark.parametrize("path", form_paths(), ids=lambda p: p.name)
def test_every_input_and_textarea_has_a_placeholder_and_labels_are_unique(path: Path) -> None:
    form = load_form(path)
    for f in form.fields:
        if f.type in ("input", "textarea"):
            assert f.placeholder.strip(), f.id
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["labels"] and data["name"] and data["description"]
    ids = [i["id"] for i in data["body"] if i["type"] != "markdown"]
    assert len(ids) == len(set(ids))
    for item in data["body"]:
        assert set(item) <= {"type", "id", "attributes", "validations"}
        assert re.fullmatch(r"[a-z0-9_]+", item.get("id", "x"))


def test_update_form_takes_the_case_id_and_title() -> None:
    form = load_form(UPDATE_FORM)
    assert form.get("case_id").required and form.get("case_title") is not None
    assert form.labels == ("laporan-pembaruan",)
    # GitHub's `title` query parameter is the issue's title, so no field may be called that.
    assert form.get("title") is None


def test_forms_config_links_the_contribution_page() -> None:
    config = yaml.safe_load(
        (REPO / ".github" / "ISSUE_TEMPLATE" / "config.yml").read_text(encoding="utf-8")
    )
    site_url = yaml.safe_load(
        (REPO / "mkdocs.yml").read_text(encoding="utf-8").split("\ntheme:")[0]
    )["site_url"]
    assert [link["url"] for link in config["contact_links"]] == [
        site_url.rstrip("/") + "/kontribusi/"
    ]


# --- the workflow glue ---------------------------------------------------------------------------

def test_outputs_for_a_written_case(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text("---\nid: x\n---\nisi\n", encoding="utf-8")
    out = outputs(0, {"id": "layanan-x", "path": str(path), "diagnostics": []})
    assert out["ok"] == "true" and out["id"] == "layanan-x"
    assert base64.b64decode(out["file"]).decode() == "---\nid: x\n---\nisi\n"


def test_outputs_cannot_be_steered_by_the_answers() -> None:
    hostile = "x\nok=true\nid=../../evil\n::set-output name=ok::true\n"
    result = {"id": "../evil\nok=true", "path": "/etc/passwd",
              "diagnostics": [{"field": "title", "label": hostile, "line": 0, "severity": "error",
                               "code": "intake", "message": hostile, "hint": hostile}]}
    out = outputs(1, result)
    assert out["ok"] == "false" and out["id"] == "" and base64.b64decode(out["file"]) == b""
    for value in out.values():
        assert re.fullmatch(r"[A-Za-z0-9+/=a-z-]*", value), value
    assert hostile in base64.b64decode(out["report"]).decode()
    # An id that is not kebab-case never passes, even with exit 0.
    assert outputs(0, {**result, "id": "../evil"})["ok"] == "false"


def test_glue_passes_configuration_errors_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator.intake.github import main as glue

    result = tmp_path / "r.json"
    result.write_text(json.dumps({"id": None, "path": None, "diagnostics": []}), encoding="utf-8")
    assert glue(["2", str(result)]) == 2
    assert glue(["1", str(result)]) == 0
    assert "ok=false" in capsys.readouterr().out


def test_update_form_placeholders_are_valid_examples() -> None:
    from generator.intake.case import _Builder
    from generator.intake.issue_body import Answers

    form = load_form(UPDATE_FORM)
    assert (REPO / "content" / "innovations" / f"{form.get('case_id').placeholder}.md").is_file()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", form.get("last_verified").placeholder)
    builder = _Builder(form, Answers(), load_taxonomies(TAXONOMIES)[0])
    builder.sources(form.get("sources"), form.get("sources").placeholder.strip())
    assert builder.draft.problems == [] and builder.draft.data["sources"][0]["url"].startswith("https://")
