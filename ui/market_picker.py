"""Market data beside a money term: BLS figures picked by job and area, or your own.

Drawn by the Terms page under each money term (``ui/terms.py``). It shows the
term's ``market`` (the figures and their source) with a button to remove it;
a picker of BLS OEWS figures (an occupation by job title, an area by name, a
preview of the percentiles in the term's unit: yearly for yearly pay, hourly
for ``per: "hour"``); and a form for your own percentiles and their source (work
outside the US, a salary survey, Levels.fyi for your level).

The BLS figures come from the extract shipped with the planner (``planner.market``):
nothing goes online. Every widget's key names the term's id (and the draft's
version), so a renamed or moved term keeps what was typed in its picker. What was
typed in a form that could not be used stays as typed, with the reason beside it.

The helpers above the page code are pure (no Streamlit state), and tested directly.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st
from pydantic import ValidationError

from planner import formatting
from planner.draft import TermRow
from planner.errors import ScenarioError
from planner.market import (
    PERCENTILES,
    WAGE_NOTE,
    Area,
    Figure,
    Occupation,
    Percentiles,
    Unavailable,
    dollars,
    find_areas,
    find_occupations,
    market_for,
    wages,
)
from planner.models import Market
from planner.numbers import parse_number, typed
from planner.wording import escape_page
from ui import session
from ui.workspace import Workspace

NATION = "United States"
BLS_CURRENCY = "USD"
PERCENTILE_WORDS = {
    "p10": "10th",
    "p25": "25th",
    "p50": "median",
    "p75": "75th",
    "p90": "90th",
}
UNIT_WORDS = {"year": "a year", "month": "a month", "hour": "an hour", "once": "once"}
OWN_HINT = (
    "Work outside the US, or better data for your level (a salary survey, Levels.fyi)? "
    "Type its percentiles, two or more, and where they come from."
)
VARIABLE_NOTE = (
    "BLS figures are whole wages (base pay plus commission): compare them with a term "
    "that holds your whole on-target pay, not with a bonus or commission alone."
)


# --- pure helpers --------------------------------------------------------------------------


def bls_basis(kind: str, per: str | None) -> tuple[str | None, str]:
    """Which BLS figures fit a money term: ``("annual", "")``, ``("hourly", "")``, or
    ``(None, why not)`` in plain words."""
    if kind in ("equity", "benefit"):
        return None, (
            f"BLS figures do not fit this term: {WAGE_NOTE[0].lower()}{WAGE_NOTE[1:]} "
            "Stock and benefits are not in them. Type figures from a source that covers "
            "them below, if you have one."
        )
    per = per or "year"
    if per == "year":
        return "annual", ""
    if per == "hour":
        return "hourly", ""
    if per == "month":
        return None, (
            "BLS gives yearly and hourly wages only, not monthly ones. Type monthly figures "
            "below, or make the term paid by the year or by the hour to use BLS's."
        )
    return None, (
        "BLS gives yearly and hourly wages, not one-off payments such as a signing bonus. "
        "Type figures from another source below, if you have one."
    )


def figure_words(value: Figure) -> str:
    """A BLS figure in words: ``$128,260``; a missing one says why instead of a number."""
    if not isinstance(value, Unavailable):
        return dollars(value)
    if value.kind == "top_coded" and value.at_least is not None:
        return f"at least {dollars(value.at_least)} (BLS does not publish figures this high)"
    if value.kind == "not_released":
        return "not released by BLS"
    return "not published by BLS"


def preview_line(figures: Percentiles) -> str:
    """The five percentiles in one line: ``10th $99,020 · 25th $104,540 · ...``."""
    return " · ".join(
        f"{PERCENTILE_WORDS[name]} {figure_words(value)}"
        for name, value in zip(PERCENTILES, figures.figures(), strict=True)
    )


def market_line(market: Market, currency: str) -> str:
    """The percentiles of a term's market data: ``25th 61,000 USD · median 72,000 USD``."""
    return " · ".join(
        f"{PERCENTILE_WORDS[f'p{p}']} {formatting.money(value, currency)}"
        for p, value in market.points()
    )


def form_values(market: Market | None) -> dict[str, str]:
    """What the own-figures form shows for a term's market data (empty without one)."""
    if market is None:
        return {"source": "", **dict.fromkeys(PERCENTILES, "")}
    return {
        "source": market.source,
        **{name: typed(getattr(market, name)) for name in PERCENTILES},
    }


def typed_market(source: str, figures: Mapping[str, str], currency: str = "") -> Market:
    """Market data from the own-figures form, as typed (``61k``, ``61,000``, empty).

    Raises ``ValueError`` with one line that names the field and what is wrong.
    """
    text = " ".join(source.split())
    if not text:
        raise ValueError("Source: say where the figures come from (a survey, a site, a year)")
    if len(text) > 200:
        raise ValueError(f"Source: must be at most 200 characters, got {len(text)}")
    given: dict[str, float] = {}
    for name in PERCENTILES:
        entry = str(figures.get(name) or "").strip()
        if not entry:
            continue
        label = f"{PERCENTILE_WORDS[name]} percentile ({name})"
        try:
            value = parse_number(entry, currency)
        except ValueError as error:
            raise ValueError(f"{label}: {error}") from None
        if value < 0:
            raise ValueError(f"{label}: money cannot be negative, got {entry}")
        given[name] = value
    if len(given) < 2:
        raise ValueError("Percentiles: give at least two of p10, p25, p50, p75, p90")
    try:
        return Market.model_validate({"source": text, **given})
    except ValidationError as error:
        message = str(error.errors(include_url=False)[0]["msg"])
        raise ValueError(f"Percentiles: {message.removeprefix('Value error, ')}") from None


# --- the page ------------------------------------------------------------------------------


def _key(ws: Workspace, term_id: str, field: str) -> str:
    """A picker widget's key: by the draft's version and the term's id, never its name."""
    return f"market-{ws.version}-{term_id}-{field}"


def _form_keys(ws: Workspace, term_id: str) -> dict[str, str]:
    return {field: _key(ws, term_id, f"own-{field}") for field in ("source", *PERCENTILES)}


def _own_error_key(keys: Mapping[str, str]) -> str:
    return f"{keys['source']}-error"


def _fill_form(keys: Mapping[str, str], market: Market | None) -> None:
    """Show the term's market data in the own-figures form (after it was set or removed)."""
    for field, value in form_values(market).items():
        st.session_state[keys[field]] = value
    st.session_state[_own_error_key(keys)] = None


def _remove(term_id: str, keys: Mapping[str, str]) -> None:
    session.set_market(term_id, None)
    _fill_form(keys, None)


def _use_bls(
    term_id: str, occupation_key: str, area_key: str, hourly: bool, keys: Mapping[str, str]
) -> None:
    """Write BLS's figures for the chosen occupation and area into the term's draft."""
    error_key = f"{occupation_key}-error"
    code = st.session_state.get(occupation_key)
    area = st.session_state.get(area_key)
    if not code or not area:
        st.session_state[error_key] = "Choose an occupation and an area first."
        return
    try:
        market = Market.model_validate(market_for(str(code), str(area), hourly=hourly))
    except ScenarioError as error:
        st.session_state[error_key] = f"Not used: {error.problem}."
        return
    st.session_state[error_key] = None
    session.set_market(term_id, market)
    _fill_form(keys, market)


def _use_own(term_id: str, keys: Mapping[str, str], currency: str) -> None:
    """Write the typed figures into the term's draft; on a problem keep them and say why."""
    state = st.session_state
    error_key = _own_error_key(keys)
    try:
        market = typed_market(
            str(state.get(keys["source"]) or ""),
            {name: str(state.get(keys[name]) or "") for name in PERCENTILES},
            currency,
        )
    except ValueError as error:
        state[error_key] = f"Not used: {error}"
        return
    state[error_key] = None
    session.set_market(term_id, market)


def _choose(label: str, key: str, options: dict[str, str]) -> str:
    """A list of what the search found; a choice no longer in it falls back to the first."""
    if st.session_state.get(key) not in options:
        st.session_state[key] = next(iter(options))
    chosen: str = st.selectbox(label, list(options), key=key, format_func=options.__getitem__)
    return chosen


def _occupation_words(occupation: Occupation) -> str:
    return f"{occupation.title} ({occupation.code})"


def _area_words(area: Area) -> str:
    kind = {"national": "the nation", "metro": "metro area", "nonmetro": "nonmetro area"}
    return f"{area.name} ({kind.get(area.type, area.type)})"


def _bls_picker(
    ws: Workspace, row: TermRow, basis: str, currency: str, keys: Mapping[str, str]
) -> None:
    hourly = basis == "hourly"
    st.markdown(f"**From BLS** (OEWS May 2025, {'hourly' if hourly else 'yearly'} wages)")
    job_key = _key(ws, row.id, "job")
    area_text_key = _key(ws, row.id, "area-name")
    occupation_key = _key(ws, row.id, "occupation")
    area_key = _key(ws, row.id, "area")
    st.session_state.setdefault(area_text_key, NATION)
    job, place = st.columns(2)
    with job:
        st.text_input("Job title", key=job_key, placeholder="e.g. registered nurse")
    with place:
        st.text_input("Area: a state, a city, or the nation", key=area_text_key)
    occupations: dict[str, str] = {}
    areas: dict[str, str] = {}
    query = str(st.session_state.get(job_key) or "").strip()
    where = str(st.session_state.get(area_text_key) or "").strip() or NATION
    with job:
        if query:
            try:
                occupations = {o.code: _occupation_words(o) for o in find_occupations(query)}
            except ScenarioError as error:
                st.warning(f"{escape_page(error.problem)}: try other words of the job title.")
        if occupations:
            _choose("Occupation (BLS)", occupation_key, occupations)
    with place:  # the extract is read only once a job title is typed
        if query:
            try:
                areas = {a.code: _area_words(a) for a in find_areas(where)}
            except ScenarioError as error:
                st.warning(f"{escape_page(error.problem)}: try a state, a city or “United States”.")
        if areas:
            _choose("Area (BLS)", area_key, areas)
    if not query:
        st.caption("Type a job title to see what BLS says the market pays for it.")
    elif occupations and areas:
        try:
            found = wages(st.session_state[occupation_key], st.session_state[area_key])
        except ScenarioError as error:
            st.warning(f"{escape_page(error.problem)}. Try a larger area, or the nation.")
        else:
            staff = found.employment
            employed = f", {staff:,} employed" if isinstance(staff, int) else ""
            figures = found.hourly if hourly else found.annual
            st.markdown(
                f"{escape_page(found.occupation.title)} in {escape_page(found.area.name)}"
                f"{employed}, {'an hour' if hourly else 'a year'}:  \n"
                + escape_page(preview_line(figures))
            )
            for note in found.notes:
                st.caption(f"BLS: {escape_page(note)}")
    st.caption(escape_page(WAGE_NOTE))
    if row.money_kind == "variable":
        st.caption(VARIABLE_NOTE)
    usable = bool(occupations and areas)
    if currency != BLS_CURRENCY:
        st.caption(
            f"BLS figures are in US dollars and this scenario is in {escape_page(currency)}: "
            "type figures in your currency below instead."
        )
        usable = False
    st.button(
        "Use these figures",
        key=_key(ws, row.id, "use-bls"),
        on_click=_use_bls,
        args=(row.id, occupation_key, area_key, hourly, keys),
        disabled=not usable,
    )
    refused = st.session_state.get(f"{occupation_key}-error")
    if refused:
        st.error(escape_page(str(refused)), icon="⚠️")


def _own_form(ws: Workspace, row: TermRow, currency: str, keys: Mapping[str, str]) -> None:
    unit = UNIT_WORDS.get(row.per or "year", "a year")
    st.markdown("**Your own figures**")
    st.caption(f"{OWN_HINT} In {escape_page(currency)}, {unit}, as this term is paid.")
    start = form_values(row.market)
    for field, key in keys.items():
        st.session_state.setdefault(key, start[field])
    st.text_input(
        "Source",
        key=keys["source"],
        max_chars=200,
        placeholder="e.g. Levels.fyi, Senior Engineer, Berlin, 2026",
    )
    for column, name in zip(st.columns(len(PERCENTILES)), PERCENTILES, strict=True):
        with column:
            st.text_input(f"{PERCENTILE_WORDS[name]} ({name})", key=keys[name])
    st.button(
        "Use my figures",
        key=_key(ws, row.id, "use-own"),
        on_click=_use_own,
        args=(row.id, keys, currency),
    )
    refused = st.session_state.get(_own_error_key(keys))
    if refused:
        st.error(escape_page(str(refused)), icon="⚠️")


def render(ws: Workspace, row: TermRow) -> None:
    """The "Market data" expander of one money term."""
    currency = ws.draft.currency.strip().upper() or BLS_CURRENCY
    keys = _form_keys(ws, row.id)
    with st.expander("Market data", icon="📊"):
        market = row.market
        if market is not None:
            unit = UNIT_WORDS.get(row.per or "year", "a year")
            st.markdown(
                f"**In use** ({unit}): {escape_page(market_line(market, currency))}  \n"
                f"Source: {escape_page(market.source)}"
            )
            st.button(
                "Remove the market data",
                key=_key(ws, row.id, "remove"),
                on_click=_remove,
                args=(row.id, keys),
            )
        else:
            st.caption(
                "No market data for this term yet. With it, the plan shows where your "
                "bottom line, target and each offer stand against what the market pays."
            )
        basis, why = bls_basis(row.money_kind, row.per)
        if basis is None:
            st.info(why)
        else:
            _bls_picker(ws, row, basis, currency, keys)
        _own_form(ws, row, currency, keys)
