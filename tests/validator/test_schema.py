"""The JSON Schema: one static file, vocabularies injected from the taxonomies."""

from __future__ import annotations

import json

from jsonschema import Draft202012Validator

from generator.taxonomy import load_taxonomies
from generator.validate import schema_with_vocabularies
from generator.validate.schema import SCHEMA_PATH, load_static_schema
from tests.validator.conftest import TAXONOMIES


def test_static_schema_is_draft_2020_12_without_vocabulary_enums() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    # Vocabularies are data: a field that names one carries no enum in the file.
    named = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "x-vocabulary" in node:
                named.append(node["x-vocabulary"])
                assert "enum" not in node, node
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(schema)
    assert set(named) == {
        "agency_types",
        "provinces",
        "categories",
        "statuses",
        "awards",
        "evidence_levels",
        "sdgs",
        "relations",
    }


def test_vocabularies_are_injected_from_the_taxonomies() -> None:
    taxonomies, problems = load_taxonomies(TAXONOMIES)
    assert problems == []
    schema = schema_with_vocabularies(taxonomies)
    Draft202012Validator.check_schema(schema)
    props = schema["properties"]
    assert props["category"]["enum"] == ["pendidikan", "kesehatan", "tata-kelola-pemerintahan"]
    assert props["agency"]["properties"]["province"]["enum"] == [
        "dki-jakarta",
        "jawa-barat",
        "jawa-timur",
        "di-yogyakarta",
    ]
    assert props["sdgs"]["items"]["enum"] == list(range(1, 18))
    levels = {
        rule["if"]["properties"]["program"]["const"]: rule["then"]["properties"]["level"]["enum"]
        for rule in props["awards"]["items"]["allOf"]
    }
    assert levels == {
        "kipp": ["top-99", "top-45"],
        "unpsa": ["pemenang", "finalis"],
        "lainnya": ["penghargaan"],
    }
    # the static schema is not modified by the injection
    assert "enum" not in load_static_schema()["properties"]["category"]


def test_adding_a_term_is_a_data_change(tmp_path) -> None:
    import shutil

    shutil.copytree(TAXONOMIES, tmp_path / "taxonomies")
    path = tmp_path / "taxonomies" / "categories.yml"
    path.write_text(
        path.read_text(encoding="utf-8") + "  - id: pariwisata\n    label: Pariwisata\n",
        encoding="utf-8",
    )
    taxonomies, _ = load_taxonomies(tmp_path / "taxonomies")
    assert "pariwisata" in schema_with_vocabularies(taxonomies)["properties"]["category"]["enum"]
