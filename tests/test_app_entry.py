"""Data entry through AppTest: values land where typed, the page keeps its place, words fit."""

from __future__ import annotations

from planner import make_plan
from tests.apptest import open_tab, page_text, start_app


def sidebar_text(at) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(m.value for m in at.sidebar.markdown)


def test_renaming_the_open_offer_keeps_it_open_on_the_offers_tab() -> None:
    at = open_tab(start_app(), "offers")
    ws = at.session_state["workspace"]
    at.pills(key="offer_pick").set_value("o1").run()

    at.text_input(key=ws.offer_key("o1", "name")).input("Harbor Freight").run()

    assert not at.exception
    assert at.session_state["offer_pick"] == "o1"
    assert at.session_state["main_tab"] == "③ Offers"
    assert at.text_input(key=ws.offer_key("o1", "name")).value == "Harbor Freight"
    assert at.session_state["scenario"].offers[1].name == "Harbor Freight"
    assert "Harbor Freight" in sidebar_text(at)
    assert any("Walk away" in m.value for m in at.main.markdown)  # its verdict stays in view


def test_adding_an_offer_opens_it_and_confirms() -> None:
    at = open_tab(start_app(), "offers")

    at.text_input(key="new_offer_name").input("Contoso").run()
    at.button(key="add_offer").click().run()

    assert not at.exception
    ws = at.session_state["workspace"]
    new = ws.offers[-1]
    assert new.name == "Contoso"
    assert at.session_state["offer_pick"] == new.id
    assert at.session_state["main_tab"] == "③ Offers"
    assert [t.value for t in at.toast] == ["Added the offer “Contoso”: it is open below."]
    assert at.text_input(key=ws.offer_key(new.id, "name")).value == "Contoso"
    assert "nothing entered yet" in sidebar_text(at).split("Contoso")[1]


def test_removing_an_offer_opens_the_one_before_it() -> None:
    at = open_tab(start_app(), "offers")
    at.pills(key="offer_pick").set_value("o1").run()

    at.button(key="remove-offer-1-o1").click().run()

    assert not at.exception
    assert [o.name for o in at.session_state["scenario"].offers] == [
        "Brightline Software",
        "Current job",
    ]
    assert at.session_state["offer_pick"] == "o0"
    assert at.session_state["main_tab"] == "③ Offers"


def test_a_value_typed_for_one_offer_is_still_there_after_looking_at_another() -> None:
    at = open_tab(start_app(), "offers")
    ws = at.session_state["workspace"]
    key = ws.cell_key("o0", "t4", "value")

    at.text_input(key=key).input("22").run()
    at.pills(key="offer_pick").set_value("o2").run()
    open_tab(at, "plan")
    open_tab(at, "offers")
    at.pills(key="offer_pick").set_value("o0").run()

    assert at.text_input(key=key).value == "22"
    assert at.session_state["scenario"].offers[0].values["Vacation days"] == 22
    assert at.session_state["scenario"].offers[2].values["Vacation days"] == 20


def test_adding_common_terms_keeps_the_terms_tab_open_and_says_so() -> None:
    at = open_tab(start_app(), "terms")

    at.multiselect(key="catalog_pick").select("Hourly base pay").select("Learning budget").run()
    at.button(key="catalog_add").click().run()

    assert not at.exception
    assert at.session_state["main_tab"] == "② Your terms"
    names = [t.name for t in at.session_state["scenario"].terms]
    assert names[-2:] == ["Hourly base pay", "Learning budget"]
    assert at.session_state["scenario"].term("Learning budget").money_kind == "benefit"
    assert at.toast


def test_changing_a_terms_type_changes_its_fields() -> None:
    at = open_tab(start_app(), "terms")
    ws = at.session_state["workspace"]
    labels = lambda: {w.label for w in [*at.text_input, *at.selectbox] if w.key and "-t2-" in w.key}  # noqa: E731

    money = labels()
    at.selectbox(key=ws.term_key("t2", "type")).select("number").run()
    number = labels()
    at.selectbox(key=ws.term_key("t2", "type")).select("choice").run()
    choice = labels()

    assert {"Paid", "Kind of money"} <= money
    assert "Unit" not in money
    assert "Unit" in number
    assert "Paid" not in number
    assert "Options, worst first" in choice
    assert "Paid" not in choice
    assert "Unit" not in choice
    assert any("worst first, best last" in c.value for c in at.caption)


def test_equity_paid_once_asks_for_vesting_and_variable_pay_for_what_you_expect() -> None:
    at = open_tab(start_app(), "terms")
    ws = at.session_state["workspace"]

    assert not [t for t in at.text_input if t.key == ws.term_key("t2", "vesting")]
    at.selectbox(key=ws.term_key("t2", "kind")).select("equity").run()
    at.text_input(key=ws.term_key("t2", "vesting")).input("5/15/40/40").run()
    at.text_input(key=ws.term_key("t1", "expected")).input("80").run()

    assert not at.exception
    scenario = at.session_state["scenario"]
    assert scenario.term("Signing bonus").vesting == [5, 15, 40, 40]
    assert scenario.term("Commission (on-target)").expected == 80
    captions = " ".join(c.value for c in at.caption)
    assert "5/15/40/40" in captions  # back-loading, labelled
    assert "quota attainment" in captions


def test_empty_fields_read_not_set_and_never_none() -> None:
    at = open_tab(start_app(sample=None), "offers")

    values = [t for t in at.text_input if t.label == "Their offer"]

    assert values
    assert all(t.value == "" and t.proto.placeholder == "not set" for t in values)
    assert "None" not in page_text(at)


def test_a_recorded_answer_shows_next_to_the_first_value_where_it_is_edited() -> None:
    at = open_tab(start_app(), "coach")
    ws = at.session_state["workspace"]
    at.selectbox(key="round_term").select("t0")
    at.text_input(key="round_value").input("76000")
    at.selectbox(key="round_stance").select("limited")
    next(b for b in at.button if b.label == "Record the answer").click().run()
    open_tab(at, "offers")

    said = " ".join(i.value for i in at.info)

    assert "74,000 → 76,000 after round 1" in said
    assert "The plan uses their latest figure and stance" in said
    assert at.text_input(key=ws.cell_key("o0", "t0", "value")).value == "74000"


def test_a_blank_start_says_nothing_entered_then_shows_the_verdict_once_a_value_is() -> None:
    at = start_app(sample=None)
    at.button(key="start_blank").click().run()

    assert at.session_state["main_tab"] == "② Your terms"
    assert "nothing entered yet" in sidebar_text(at)
    ws = at.session_state["workspace"]
    at.text_input(key=ws.term_key("t0", "bottom_line")).input("60000").run()
    open_tab(at, "offers")
    assert any("nothing entered yet" in m.value for m in at.main.markdown)

    at.text_input(key=ws.cell_key("o0", "t0", "value")).input("55k").run()

    assert "nothing entered yet" not in sidebar_text(at)
    assert "Negotiate" in sidebar_text(at)
    assert make_plan(at.session_state["scenario"]).offers[0].verdict == "negotiate"


def test_scenario_wide_settings_reach_the_scenario() -> None:
    at = start_app(sample=None)
    ws = at.session_state["workspace"]

    at.number_input(key=ws.scenario_key("years")).set_value(6).run()
    at.number_input(key=ws.scenario_key("hours_per_week")).set_value(36.0).run()
    at.toggle(key=ws.scenario_key("disclose_competing")).set_value(True).run()

    scenario = at.session_state["scenario"]
    assert (scenario.years, scenario.hours_per_week, scenario.disclose_competing) == (6, 36, True)
    assert any("x 52 weeks" in c.value for c in at.caption)


def test_a_link_pasted_on_the_first_screen_opens_its_plan() -> None:
    from planner import read_scenario_bytes
    from planner.catalog import sample_files
    from planner.share import make_link

    engineer = read_scenario_bytes(sample_files()["Two engineering offers"].read_bytes())
    at = start_app(sample=None)

    at.text_input(key="link_text").input(make_link(engineer)).run()
    at.button(key="open_link").click().run()

    assert at.session_state["scenario"] == engineer
    assert at.session_state["main_tab"] == "④ Plan"
    assert any("Opened the plan from the link" in s.value for s in at.success)


def test_user_text_in_names_and_notices_is_escaped() -> None:
    at = open_tab(start_app(), "offers")
    ws = at.session_state["workspace"]

    at.text_input(key=ws.offer_key("o0", "name")).input("**Acme** [x](http://e.example)").run()

    shown = sidebar_text(at) + " ".join(str(o) for o in at.get("button_group")[0].proto.options)
    assert "[x](http://e.example)" not in shown
    assert "\\*\\*Acme\\*\\*" in shown


def test_a_title_typed_freely_can_become_one_of_the_options() -> None:
    at = open_tab(start_app(), "offers")
    ws = at.session_state["workspace"]
    key = ws.cell_key("o0", "t5", "value", "choice")

    # AppTest cannot type a new option into a list; write what typing it would write.
    at.session_state["workspace"] = ws.edited(key, "Enterprise AE")
    at.run()

    assert any("not one of the options" in e.value for e in at.error)
    at.button(key="add-option-1-o0-t5").click().run()

    assert not at.exception
    title = at.session_state["scenario"].term("Title")
    assert title.options[-1] == "Enterprise AE"
    assert at.session_state["scenario"].offers[0].values["Title"] == "Enterprise AE"
    assert not at.error


def test_the_plan_shows_no_verdict_for_an_offer_with_nothing_entered() -> None:
    at = start_app(sample=None)
    at.button(key="start_blank").click().run()

    open_tab(at, "plan")

    assert not at.exception
    text = page_text(at)
    assert "nothing entered yet" in text
    for verdict in ("Negotiate]", "Accept]", "Walk away]"):
        assert verdict not in text


def test_a_long_list_of_terms_is_shown_a_page_at_a_time_and_keeps_what_was_typed() -> None:
    at = start_app(sample=None)
    at.button(key="start_blank").click().run()
    open_tab(at, "terms")
    for _ in range(29):
        at.button(key="add_term").click().run()
    ws = at.session_state["workspace"]
    ids = [row.id for row in ws.draft.terms]
    assert len(ids) == 30

    names = [t for t in at.text_input if t.label == "Term"]
    assert len(names) == 25  # the first page only
    at.segmented_control(key="terms_page").set_value(25).run()
    ws = at.session_state["workspace"]
    at.text_input(key=ws.term_key(ids[27], "name")).input("Parking").run()
    at.segmented_control(key="terms_page").set_value(0).run()
    at.segmented_control(key="terms_page").set_value(25).run()

    assert not at.exception
    ws = at.session_state["workspace"]
    assert ws.draft.terms[27].name == "Parking"
    assert at.text_input(key=ws.term_key(ids[27], "name")).value == "Parking"
