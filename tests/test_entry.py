"""Data entry without the page: the inputs' protocol, the new contract fields, uploads, the catalog."""

from __future__ import annotations

import datetime
import json

import pytest

from planner import ScenarioError, read_scenario_bytes
from planner.catalog import load_catalog, sample_files
from planner.draft import (
    add_offer,
    add_option,
    add_round,
    blank_draft,
    build_scenario,
    draft_from_scenario,
    remove_term,
)
from planner.upload import read_upload
from tests.builders import make_scenario, offer, term
from ui.editor import (
    answers,
    apply_edit,
    cell_key,
    field_value,
    offer_key,
    overridden,
    scenario_key,
    term_key,
)
from ui.workspace import Workspace

SALES = read_scenario_bytes(sample_files()["Account executive offers"].read_bytes())

FULL = make_scenario(
    [
        term("Base salary", per="month", bottom_line=5000, target=6000, step=100, priority=5),
        term("Commission", kind="variable", expected=80),
        term("RSUs", per="once", kind="equity", vesting=[5, 15, 40, 40], expected=70),
        term("Learning budget", kind="benefit"),
        term("Health plan", "choice", options=["HMO", "PPO"], bottom_line="HMO"),
    ],
    [
        offer(
            "Acme",
            values={"Base salary": 5500, "Health plan": "HMO"},
            reasons={"Base salary": "The role covers two regions."},
            notes={"Base salary": "Band tops at 6,200 (recruiter)"},
            deadline="2026-12-01",
        ),
        offer("Current job", current=True, values={"Base salary": 4800}),
    ],
    years=5,
    hours_per_week=37.5,
    disclose_competing=True,
)


def test_every_new_contract_field_survives_the_editors_unchanged() -> None:
    rebuilt, problems = build_scenario(draft_from_scenario(FULL))

    assert problems == []
    assert rebuilt == FULL


def test_each_input_starts_at_the_drafts_value_and_writing_it_back_changes_nothing() -> None:
    draft = draft_from_scenario(FULL)
    keys = [
        scenario_key(0, "title"),
        scenario_key(0, "years"),
        scenario_key(0, "hours_per_week"),
        scenario_key(0, "disclose_competing"),
        *(term_key(0, "t2", field) for field in ("name", "per", "kind", "vesting", "expected")),
        term_key(0, "t0", "priority"),
        offer_key(0, "o0", "deadline"),
        offer_key(0, "o1", "current"),
        *(cell_key(0, "o0", "t0", field) for field in ("value", "stance", "note", "reason")),
    ]

    for key in keys:
        assert apply_edit(draft, key, field_value(draft, key)) == draft, key


def test_a_key_names_the_offer_and_term_so_an_edit_lands_on_exactly_that_cell() -> None:
    draft = draft_from_scenario(SALES)

    edited = apply_edit(draft, cell_key(4, "o1", "t2", "value"), "7500")

    changed = [
        (o.id, t.id)
        for o, before in zip(edited.offers, draft.offers, strict=True)
        for t in draft.terms
        if o.cell(t.id) != before.cell(t.id)
    ]
    assert changed == [("o1", "t2")]
    assert edited.offers[1].cell("t2").value == "7500"


def test_a_reason_goes_to_the_scenario_as_a_reason_and_a_note_stays_a_note() -> None:
    draft = draft_from_scenario(SALES)

    draft = apply_edit(draft, cell_key(0, "o0", "t0", "reason"), "Two product lines")
    draft = apply_edit(draft, cell_key(0, "o0", "t0", "note"), "Band goes to 85k")
    scenario, _ = build_scenario(draft)

    assert scenario is not None
    assert scenario.offers[0].reasons == {"Base salary": "Two product lines"}
    assert scenario.offers[0].notes["Base salary"] == "Band goes to 85k"


def test_a_deadline_picked_in_the_calendar_is_written_as_an_iso_date() -> None:
    draft = apply_edit(
        draft_from_scenario(SALES), offer_key(0, "o1", "deadline"), datetime.date(2026, 3, 20)
    )

    scenario, _ = build_scenario(draft)

    assert scenario is not None
    assert scenario.offers[1].deadline == "2026-03-20"
    cleared = apply_edit(draft, offer_key(0, "o1", "deadline"), None)
    assert build_scenario(cleared)[0].offers[1].deadline is None  # type: ignore[union-attr]


def test_choosing_a_kind_replaces_the_earlier_variable_flag() -> None:
    draft = draft_from_scenario(SALES)  # the commission is written "variable": true

    assert field_value(draft, term_key(0, "t1", "kind")) == "variable"
    draft = apply_edit(draft, term_key(0, "t1", "kind"), "equity")
    scenario, _ = build_scenario(draft)

    assert scenario is not None
    commission = scenario.term("Commission (on-target)")
    assert commission.money_kind == "equity"
    assert commission.variable is False


@pytest.mark.parametrize(
    ("field", "typed", "words"),
    [
        ("vesting", "25/25/25", "add up to 100"),
        ("vesting", "half then half", "not a number"),
        ("expected", "most", "not a number"),
        ("expected", "250", "200"),
        ("step", "0", "greater than 0"),
    ],
)
def test_a_bad_contract_field_is_named_beside_its_term_and_kept_as_typed(
    field: str, typed: str, words: str
) -> None:
    draft = apply_edit(draft_from_scenario(FULL), term_key(0, "t2", field), typed)

    scenario, problems = build_scenario(draft)

    assert scenario is None
    assert [(p.term_id, p.field) for p in problems] == [("t2", field)]
    assert words in problems[0].message
    assert getattr(draft.term_row("t2"), field) == typed


def test_a_reason_longer_than_the_format_allows_is_named_beside_its_cell() -> None:
    draft = apply_edit(draft_from_scenario(SALES), cell_key(0, "o0", "t0", "reason"), "x" * 301)

    _, problems = build_scenario(draft)

    assert [(p.offer_id, p.term_id, p.field) for p in problems] == [("o0", "t0", "reason")]


def test_an_offer_with_nothing_typed_has_nothing_entered_until_a_value_is() -> None:
    draft = add_offer(blank_draft(), "Contoso", load_catalog())
    new = draft.offers[-1]

    assert new.nothing_entered()
    assert draft.offers[0].nothing_entered()  # stances alone are not an offer's terms
    typed = apply_edit(draft, cell_key(0, new.id, "t0", "value"), "70k")
    assert not typed.offer(new.id).nothing_entered()  # type: ignore[union-attr]


def test_a_recorded_answer_reads_next_to_the_first_value() -> None:
    draft = draft_from_scenario(SALES)
    draft = add_round(draft, "o0", "t0", value="76000", stance="limited")
    draft = add_round(draft, "o0", "t0", value="77,500")
    brightline = draft.offers[0]

    assert answers(brightline, "t0") == (
        "74,000 → 76,000 after round 1 → 77,500 after round 2; stance: limited after round 1"
    )
    assert overridden(brightline, "t0") == (True, True)
    assert answers(brightline, "t1") is None
    assert overridden(brightline, "t1") == (False, False)


def test_removing_a_term_takes_its_values_and_answers_with_it() -> None:
    draft = add_round(draft_from_scenario(SALES), "o0", "t0", value="76000")

    without = remove_term(draft, "t0")
    scenario, problems = build_scenario(without)

    assert problems == []
    assert scenario is not None
    assert [t.name for t in scenario.terms] == [t.name for t in SALES.terms[1:]]
    assert scenario.offers[0].rounds == []


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        (
            "offer.pdf",
            b"%PDF-1.7\n...",
            "this is a PDF; open a scenario file saved from this planner (.json)",
        ),
        ("offer.docx", b"PK\x03\x04rest", "this is a ZIP archive or an Office document"),
        ("photo.jpg", b"\xff\xd8\xff\xe0rest", "this is a JPEG image"),
        ("notes.json", b'{"terms": []}', 'this file is not a scenario: it has no "format" field'),
        ("list.json", b"[1, 2]", "this file is not a scenario: it is not a JSON object"),
        ("table.csv", b"Term,Value\nBase,1\n", "this is a CSV table, not a scenario"),
        ("empty.json", b"", "this file is empty"),
        ("latin.json", b"\xe9t\xe9", "this is not a text file"),
        (
            "other.json",
            b'{"format": "other-tool/2"}',
            'its "format" is "other-tool/2", where a scenario has "negotiation-planner/1"',
        ),
    ],
)
def test_a_file_that_is_not_a_scenario_is_named_in_plain_words(
    name: str, data: bytes, said: str
) -> None:
    with pytest.raises(ScenarioError) as error:
        read_upload(name, data)

    assert said in str(error.value)
    assert "open a scenario file saved from this planner (.json)" in str(error.value)
    assert "UTF-8" not in str(error.value)


def test_a_scenario_file_with_a_broken_rule_names_the_place() -> None:
    data = json.loads(sample_files()["Account executive offers"].read_text())
    data["terms"][0]["target"] = 1

    with pytest.raises(ScenarioError, match=r"a problem at terms\[0\]\.target: must be at least"):
        read_upload("mine.json", json.dumps(data).encode())


def test_a_scenario_file_opens() -> None:
    path = sample_files()["Account executive offers"]

    assert read_upload(path.name, path.read_bytes()) == SALES


def test_the_catalog_fits_sales_nursing_and_engineering_offers() -> None:
    catalog = load_catalog()

    def entry(name: str):  # type: ignore[no-untyped-def]
        found = catalog.entry(name)
        assert found is not None, name
        return found

    for name in ("Learning budget", "Retirement match", "Tuition reimbursement", "Health stipend"):
        assert entry(name).term().money_kind == "benefit"
    for name in ("Annual bonus", "Commission (on-target)"):
        assert entry(name).term().money_kind == "variable"
    grant = entry("Equity grant (RSUs or options)").term()
    assert (grant.money_kind, grant.per, grant.vesting) == ("equity", "once", [25, 25, 25, 25])
    assert "5/15/40/40" in entry("Equity grant (RSUs or options)").hint
    assert entry("Hourly base pay").term().per == "hour"
    assert {"HMO", "PPO"} <= set(entry("Health coverage").options or [])
    assert "None" not in (entry("Health coverage").options or [])
    assert entry("Remote days per week").term().unit == "days/week"
    for world in ("sales", "nursing", "engineering"):
        assert sum(world in e.fields for e in catalog.terms) >= 8
    for e in catalog.terms:
        assert e.stance in ("fixed", "limited", "negotiable")
        if e.type == "money":
            assert e.kind is not None, e.name


def test_a_new_option_goes_last_as_the_best_and_an_existing_one_is_not_added_twice() -> None:
    draft = draft_from_scenario(SALES)

    added = add_option(draft, "t5", "Enterprise AE, West")
    again = add_option(added, "t5", "enterprise ae, west")

    assert added.term_row("t5").options == (
        "Sales Development Rep | Account Executive | Senior Account Executive | Enterprise AE, West"
    )
    assert again == added


def test_a_change_made_by_a_button_names_exactly_the_inputs_that_must_start_afresh() -> None:
    ws = Workspace.of(draft_from_scenario(SALES), version=2)
    keys = [
        ws.cell_key("o0", "t0", "value"),
        ws.cell_key("o1", "t0", "value"),
        ws.term_key("t5", "options"),
        ws.term_key("t6", "name"),
        "e1-cell-o0-t0-value",  # an input of a draft replaced since
        "sample_choice",
    ]
    changed = add_option(
        apply_edit(ws.draft, ws.cell_key("o0", "t0", "value"), "80000"), "t5", "Principal AE"
    )

    outdated = ws.outdated(remove_term(changed, "t6"), keys)

    assert outdated == [
        ws.cell_key("o0", "t0", "value"),
        ws.term_key("t5", "options"),
        ws.term_key("t6", "name"),
    ]
