"""The one definition of *ready to replicate* (``generator.model.Readiness``), each condition on
its own, and the "Inovasi serupa" computed once in the model."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from generator.model import (
    RELATED_LIMIT,
    RELATED_WINDOW,
    AgencyRef,
    Contact,
    Innovation,
    KitItem,
    Outcome,
    related_cases,
)
from generator.pipeline import load_catalog

from .conftest import FIXTURE

CONTACT = Contact(unit="Bidang Pelayanan", email="layanan@contoh.go.id")


def _case(**changes) -> Innovation:
    """A case that meets every condition; each test takes one away."""
    base = Innovation(
        id="siap",
        title="Siap",
        summary="Ringkasan",
        category="kesehatan",
        year=2020,
        agency=AgencyRef(
            name="Pemerintah Kota Contoh",
            slug="pemerintah-kota-contoh",
            type="pemerintah-kota",
            province="jawa-timur",
        ),
        status="berjalan",
        last_verified=date(2026, 3, 1),
        stale=False,
        body="",
        contact=CONTACT,
        kit=(KitItem("SOP", "https://example.org/sop.pdf"),),
        requirements="Petugas pendaftaran.",
    )
    return replace(base, **changes)


def test_a_case_meeting_every_condition_is_ready():
    case = _case()
    assert case.ready_to_replicate is True
    assert case.readiness.missing == ()


@pytest.mark.parametrize(
    "status, ready",
    [
        ("berjalan", True),
        ("uji-coba", True),
        ("vakum", False),
        ("berhenti", False),
        ("direncanakan", False),
    ],
)
def test_only_running_or_pilot_cases_are_ready(status, ready):
    case = _case(status=status)
    assert case.ready_to_replicate is ready
    assert ("running" in case.readiness.missing) is not ready


def test_a_case_not_verified_within_twelve_months_is_not_ready():
    case = _case(stale=True)
    assert case.ready_to_replicate is False
    assert case.readiness.missing == ("verified",)


def test_the_twelve_months_count_from_the_reference_date():
    """layanan-induk (verified 2026-03-01) is ready 365 days later and not a day after."""
    verified = date(2026, 3, 1)
    on_time, _ = load_catalog(FIXTURE, verified + timedelta(days=365))
    late, _ = load_catalog(FIXTURE, verified + timedelta(days=366))
    assert on_time.by_id["layanan-induk"].ready_to_replicate is True
    assert late.by_id["layanan-induk"].ready_to_replicate is False
    assert late.by_id["layanan-induk"].readiness.missing == ("verified",)


def test_a_case_without_a_contact_is_not_ready():
    case = _case(contact=Contact())
    assert case.ready_to_replicate is False
    assert case.readiness.missing == ("contact",)


def test_a_contact_needs_a_channel_not_only_a_unit_or_address():
    for contact in (
        Contact(unit="Bidang Pelayanan"),
        Contact(address="Jl. Contoh 1"),
        Contact(note="Senin"),
    ):
        assert _case(contact=contact).ready_to_replicate is False
    for contact in (
        Contact(website="https://contoh.go.id"),
        Contact(email="a@contoh.go.id"),
        Contact(phone="112"),
    ):
        assert _case(contact=contact).ready_to_replicate is True


def test_a_kit_document_or_requirements_is_enough_but_one_is_needed():
    assert _case(requirements="").ready_to_replicate is True  # kit only
    assert _case(kit=()).ready_to_replicate is True  # requirements only
    neither = _case(kit=(), requirements="  ")
    assert neither.ready_to_replicate is False
    assert neither.readiness.missing == ("kit_or_requirements",)


def test_cost_legal_basis_and_evidence_are_shown_but_do_not_decide():
    case = _case(cost="", legal_basis="", outcomes=())
    assert case.ready_to_replicate is True
    r = case.readiness
    assert (r.cost, r.legal_basis, r.best_evidence) == (False, False, None)
    with_evidence = _case(
        outcomes=(
            Outcome(indicator="a", value=1, unit="x", evidence_level=2, source=1),
            Outcome(indicator="b", value=2, unit="x", evidence_level=3, source=1),
            Outcome(description="c"),
        )
    )
    assert with_evidence.readiness.best_evidence == 3


def test_every_failed_condition_is_listed_in_order():
    case = _case(status="vakum", stale=True, contact=Contact(), kit=(), requirements="")
    assert case.readiness.missing == ("running", "verified", "contact", "kit_or_requirements")


def test_catalogue_and_every_consumer_use_the_same_definition(catalog, outputs):
    """Home count, /replikasi/, exports, the search facet: the same set as the model's."""
    import csv
    import io
    import json

    from generator.exports import export_csv, export_json, export_stats
    from generator.output import PageOutput
    from generator.search.render import index_files

    ready = {i.id for i in catalog.innovations if i.ready_to_replicate}
    assert ready == {"layanan-induk"}  # the only fixture case with a contact
    assert {i.id for i in catalog.ready_to_replicate} == ready
    records = json.loads(export_json(catalog))["innovations"]
    assert {r["id"] for r in records if r["ready_to_replicate"]} == ready
    rows = list(csv.DictReader(io.StringIO(export_csv(catalog).decode("utf-8-sig"))))
    assert {r["id"] for r in rows if r["ready_to_replicate"] == "true"} == ready
    assert json.loads(export_stats(catalog))["ready_to_replicate"] == len(ready)
    facets = {f["name"]: f for f in index_files(catalog)["search/facets.json"]["facets"]}
    ids = [i.id for i in catalog.innovations]  # search documents follow catalogue order
    assert {ids[n] for n, d in enumerate(facets["ready"]["docs"]) if d} == ready
    pages = {o.src_uri: o.html for o in outputs if isinstance(o, PageOutput)}
    assert '<strong>1</strong> siap direplikasi' in pages["index.md"]
    assert "inovasi/layanan-induk/" in pages["replikasi/siap-direplikasi/index.md"]
    assert "inovasi/replika-anak/" not in pages["replikasi/siap-direplikasi/index.md"]


def test_contact_tel_link_is_digits_in_international_form():
    assert Contact(phone="(0341) 551-234").tel == "+62341551234"
    assert Contact(phone="+62 21 555-0123").tel == "+62215550123"
    assert Contact(phone="0812-3456-7890").tel == "+6281234567890"
    assert Contact(phone="112").tel == "112"


# --------------------------------------------------------------------------- related cases
def _many(n: int, **per) -> list[Innovation]:
    cases = []
    for k in range(n):
        changes = {key: f(k) for key, f in per.items()}
        cases.append(_case(id=f"kasus-{k:05d}", **changes))
    return cases


def test_related_prefers_shared_tags_and_never_lists_itself():
    cases = [
        _case(id="a", tags=("antrean", "puskesmas"), category="kesehatan"),
        _case(id="b", tags=("antrean",), category="pendidikan"),
        _case(id="c", tags=(), category="kesehatan"),
        _case(id="d", tags=(), category="lingkungan-hidup"),
        _case(id="e", tags=("antrean", "puskesmas"), category="kesehatan"),
    ]
    related = dict(zip((c.id for c in cases), related_cases(cases)))
    assert related["a"] == ("e", "b", "c")  # two tags and category; one tag; category only
    assert "d" not in related["a"] and related["d"] == ()
    assert all(cid not in ids for cid, ids in related.items())


def test_related_ties_go_to_the_same_province_then_the_nearest_year():
    cases = [
        _case(id="a", year=2020),
        _case(id="b", year=2010, agency=replace(_case().agency, province="bali")),
        _case(id="c", year=2012),
        _case(id="d", year=2021),
    ]
    assert related_cases(cases)[0] == ("d", "c", "b")


def test_related_is_bounded_on_a_big_catalogue():
    """5,000 cases in one category: each lists at most five, found among its neighbours only,
    and a rare tag shared with a far-away case still wins."""
    n = 5000
    cases = _many(n, category=lambda k: "kesehatan")
    cases[0] = replace(cases[0], tags=("langka",))
    cases[n // 2] = replace(cases[n // 2], tags=("langka",))
    related = related_cases(cases)
    assert all(len(r) == RELATED_LIMIT for r in related)
    assert related[0][0] == cases[n // 2].id
    # Without a shared tag, candidates come from the window of neighbours around the case.
    middle = 2 * n // 3
    neighbours = {cases[(middle + d) % n].id for d in range(-RELATED_WINDOW, RELATED_WINDOW + 1)}
    assert set(related[middle]) <= neighbours


def test_related_is_computed_once_in_the_model(catalog):
    induk = catalog.by_id["layanan-induk"]
    assert 0 < len(induk.related) <= RELATED_LIMIT
    assert induk.related[0] == "replika-anak"  # shares the tag and the category
    assert catalog.tags["antrean"] == ("layanan-induk", "muatan-berbahaya", "replika-anak")
