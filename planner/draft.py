"""The scenario as the user is typing it: every cell kept as typed, problems by place.

The app edits a :class:`Draft`, never a :class:`Scenario` directly, so that a bad
cell (text in a number, an option that is not in the list, two terms with one
name) is kept exactly as typed and reported beside the place it came from,
while the rest of the scenario still plans. :func:`build_scenario` turns a draft
into a valid scenario or a list of :class:`Problem`. How the page's data
editors show a draft and read their edits back is the page's business
(``ui/editor.py``); numbers as people type them are in :mod:`planner.numbers`.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable
from typing import Any, Literal

from pydantic import Field, ValidationError

from planner.catalog import Catalog
from planner.errors import ScenarioError, show
from planner.models import (
    FORMAT,
    KINDS,
    STANCES,
    Frozen,
    Market,
    Round,
    Scenario,
    Term,
    name_key,
)
from planner.numbers import parse_number, typed
from planner.scenario_file import parse_scenario

Place = Literal["scenario", "term", "offer", "cell"]


class TermRow(Frozen):
    """One row of the terms table, as typed. Fields that do not apply to the type are ignored."""

    id: str
    name: str = ""
    type: str = "money"
    per: str | None = "year"
    unit: str = ""
    better: str | None = "higher"
    variable: bool = False
    """The earlier spelling of ``kind: "variable"``; kept so that a file reads back the same."""
    kind: str | None = None
    """``pay``, ``variable``, ``equity`` or ``benefit``; ``None`` is the default (pay)."""
    expected: str = ""
    vesting: str = ""
    """Yearly percents as typed: ``25/25/25/25``."""
    step: str = ""
    options: str = ""
    bottom_line: str = ""
    target: str = ""
    priority: float | None = 3
    market: Market | None = None
    """What the market pays (edited elsewhere); carried through untouched."""

    @property
    def money_kind(self) -> str:
        """The kind the planner will use: an explicit kind, else variable or pay."""
        if self.kind:
            return self.kind
        return "variable" if self.variable else "pay"


class Cell(Frozen):
    """One term of one offer, as typed.

    ``note`` is private (your research); ``reason`` is what you will tell the company.
    """

    value: str = ""
    stance: str = "unknown"
    note: str = ""
    reason: str = ""


class RoundDraft(Frozen):
    """A recorded round of the negotiation, tied to its term's row (it follows a renamed term)."""

    term_id: str
    round: Round


class OfferDraft(Frozen):
    id: str
    name: str = ""
    current: bool = False
    deadline: str = ""
    """``YYYY-MM-DD``, or empty."""
    cells: dict[str, Cell] = Field(default_factory=dict)
    rounds: list[RoundDraft] = Field(default_factory=list)

    def cell(self, term_id: str) -> Cell:
        return self.cells.get(term_id, Cell())

    def nothing_entered(self) -> bool:
        """No value typed for any term and none recorded from the company: no verdict yet."""
        return not any(c.value.strip() for c in self.cells.values()) and not any(
            r.round.value is not None for r in self.rounds
        )


class Draft(Frozen):
    title: str = ""
    currency: str = "USD"
    max_asks: int = 3
    years: int = 4
    hours_per_week: float = 40.0
    disclose_competing: bool = False
    terms: list[TermRow]
    offers: list[OfferDraft]

    def term_row(self, term_id: str) -> TermRow:
        return next(t for t in self.terms if t.id == term_id)

    def offer(self, offer_id: str) -> OfferDraft | None:
        return next((o for o in self.offers if o.id == offer_id), None)


class Problem(Frozen):
    """Something in the draft that keeps it from being a valid scenario."""

    place: Place
    field: str
    message: str
    term_id: str | None = None
    offer_id: str | None = None

    def text(self, draft: Draft) -> str:
        """The problem with its place in words: ``Term "Bonus", target: ...``."""
        where: list[str] = []
        if self.offer_id is not None:
            offer = next((o for o in draft.offers if o.id == self.offer_id), None)
            where.append(f"Offer {show(offer.name) if offer and offer.name else '(no name)'}")
        if self.term_id is not None:
            row = next((t for t in draft.terms if t.id == self.term_id), None)
            position = draft.terms.index(row) + 1 if row else 0
            label = show(row.name) if row and row.name.strip() else f"in row {position}"
            where.append(f"term {label}" if where else f"Term {label}")
        prefix = ", ".join(where)
        field = f"{self.field}: " if self.field else ""
        return f"{prefix}, {field}{self.message}" if prefix else f"{field}{self.message}"


# --- scenario <-> draft ---------------------------------------------------------------


def row_of(term: Term, row_id: str) -> TermRow:
    """A term as a row of the terms table, every value as it would be typed."""
    return TermRow(
        id=row_id,
        name=term.name,
        type=term.type,
        per=term.per,
        unit=term.unit or "",
        better=term.better,
        variable=term.variable,
        kind=term.kind,
        expected=typed(term.expected),
        vesting=vesting_text(term.vesting),
        step=typed(term.step),
        options=options_text(term.options),
        bottom_line=typed(term.bottom_line),
        target=typed(term.target),
        priority=term.priority,
        market=term.market,
    )


def vesting_text(vesting: list[float] | None) -> str:
    """Yearly vesting percents as typed: ``25/25/25/25``."""
    return "/".join(typed(v) for v in vesting) if vesting else ""


def draft_from_scenario(scenario: Scenario) -> Draft:
    """The draft that shows this scenario in the editors."""
    terms = [row_of(t, f"t{i}") for i, t in enumerate(scenario.terms)]
    row_ids = {t.name: row.id for row, t in zip(terms, scenario.terms, strict=True)}
    offers = [
        OfferDraft(
            id=f"o{i}",
            name=o.name,
            current=o.current,
            deadline=o.deadline or "",
            cells={
                row.id: Cell(
                    value=typed(o.values.get(t.name)),
                    stance=o.flexibility.get(t.name, "unknown"),
                    note=o.notes.get(t.name, ""),
                    reason=o.reasons.get(t.name, ""),
                )
                for row, t in zip(terms, scenario.terms, strict=True)
            },
            rounds=[RoundDraft(term_id=row_ids[r.term], round=r) for r in o.rounds],
        )
        for i, o in enumerate(scenario.offers)
    ]
    return Draft(
        title=scenario.title,
        currency=scenario.currency,
        max_asks=scenario.max_asks,
        years=scenario.years,
        hours_per_week=scenario.hours_per_week,
        disclose_competing=scenario.disclose_competing,
        terms=terms,
        offers=offers,
    )


def blank_draft() -> Draft:
    """A fresh start: base salary and one offer to fill in."""
    return Draft(
        terms=[TermRow(id="t0", name="Base salary", priority=5)],
        offers=[OfferDraft(id="o0", name="Offer 1", cells={"t0": Cell(stance="negotiable")})],
    )


def _is_blank(row: TermRow) -> bool:
    return not (
        row.name.strip()
        or row.options.strip()
        or row.bottom_line.strip()
        or row.target.strip()
        or row.unit.strip()
        or row.expected.strip()
        or row.vesting.strip()
        or row.step.strip()
    )


def _options(row: TermRow) -> list[str]:
    """Options as typed: separated by commas, or by | when an option has a comma in it."""
    separator = "|" if "|" in row.options else ","
    return [part.strip() for part in row.options.split(separator) if part.strip()]


def parse_vesting(text: str) -> list[float]:
    """Yearly percents as typed: ``25/25/25/25``, ``25, 25, 25, 25`` or ``5 15 40 40``."""
    parts = [p for p in text.replace("/", " ").replace(",", " ").replace(";", " ").split() if p]
    return [parse_number(p) for p in parts]


def options_text(options: list[str] | None) -> str:
    options = options or []
    separator = " | " if any("," in option for option in options) else ", "
    return separator.join(options)


def _term_value(text: str, kind: str, options: list[str], currency: str) -> float | str | None:
    """A bottom line, target or offer value as typed, converted for its term."""
    if not text.strip():
        return None
    if kind == "choice":
        for option in options:
            if name_key(option) == name_key(text):
                return option
        listed = ", ".join(show(o) for o in options) or "(none yet)"
        raise ValueError(f"{show(text.strip())} is not one of the options {listed}")
    return parse_number(text, currency)


def _term_data(row: TermRow, currency: str) -> tuple[dict[str, Any], list[Problem]]:
    problems: list[Problem] = []

    def problem(field: str, message: str) -> None:
        problems.append(Problem(place="term", term_id=row.id, field=field, message=message))

    kind = row.type if row.type in ("money", "number", "choice") else ""
    if not kind:
        problem("type", f"must be money, number or choice, got {show(row.type)}")
    data: dict[str, Any] = {"name": row.name.strip(), "type": kind or "number"}
    if not row.name.strip():
        problem("name", "every term needs a name")
    if kind == "money":
        data["per"] = row.per or "year"
        if row.variable:
            data["variable"] = True
        if row.kind:
            if row.kind in KINDS:
                data["kind"] = row.kind
            else:
                problem("kind", f"must be one of {', '.join(KINDS)}, got {show(row.kind)}")
        if row.expected.strip():
            try:
                data["expected"] = parse_number(row.expected)
            except ValueError as error:
                problem("expected", str(error))
        if row.vesting.strip():
            try:
                data["vesting"] = parse_vesting(row.vesting)
            except ValueError as error:
                problem("vesting", str(error))
        if row.market is not None:
            data["market"] = row.market
    if kind == "number" and row.unit.strip():
        data["unit"] = row.unit.strip()
    if kind in ("money", "number") and row.step.strip():
        try:
            data["step"] = parse_number(row.step, currency)
        except ValueError as error:
            problem("step", str(error))
    if kind in ("money", "number"):
        data["better"] = row.better or "higher"
    options = _options(row)
    if kind == "choice":
        data["options"] = options
        if len(options) < 2:
            problem("options", "list at least 2 options, separated by commas, worst first")
    for field in ("bottom_line", "target"):
        try:
            value = _term_value(getattr(row, field), kind, options, currency)
        except ValueError as error:
            problem(field.replace("_", " "), str(error))
            continue
        if value is not None:
            data[field] = value
    priority = row.priority
    if priority is None or (isinstance(priority, float) and math.isnan(priority)):
        data["priority"] = 3
    elif float(priority).is_integer():
        data["priority"] = int(priority)
    else:
        problem("priority", f"must be a whole number from 1 to 5, got {show(priority)}")
    if not problems:
        try:
            Term.model_validate(data)
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            field = ".".join(str(p) for p in first["loc"]) or ""
            message = str(first["msg"]).removeprefix("Value error, ")
            problem(field.replace("_", " "), message)
    return data, problems


def build_scenario(draft: Draft) -> tuple[Scenario | None, list[Problem]]:
    """The scenario a draft describes, or the problems that keep it from being one."""
    problems: list[Problem] = []
    terms: list[tuple[TermRow, dict[str, Any]]] = []
    seen: dict[str, str] = {}
    for row in draft.terms:
        if _is_blank(row):
            continue
        data, found = _term_data(row, draft.currency)
        problems += found
        key = name_key(row.name)
        if key and key in seen:
            problems.append(
                Problem(
                    place="term",
                    term_id=row.id,
                    field="name",
                    message=f"another term is already called {show(seen[key])}",
                )
            )
            continue
        if key:
            seen[key] = row.name.strip()
        if not found:
            terms.append((row, data))
    if not any(not _is_blank(row) for row in draft.terms):
        problems.append(Problem(place="scenario", field="terms", message="add at least one term"))
    if not draft.offers:
        problems.append(Problem(place="scenario", field="offers", message="add at least one offer"))
    offer_names: dict[str, str] = {}
    offers: list[dict[str, Any]] = []
    for offer in draft.offers:
        data, found = _offer_data(offer, terms, draft.currency)
        key = name_key(offer.name)
        if key in offer_names:
            found.append(
                Problem(
                    place="offer",
                    offer_id=offer.id,
                    field="name",
                    message=f"another offer is already called {show(offer_names[key])}",
                )
            )
        elif key:
            offer_names[key] = offer.name.strip()
        problems += found
        offers.append(data)
    if problems:
        return None, problems
    try:
        scenario = parse_scenario(
            {
                "format": FORMAT,
                "title": draft.title,
                "currency": draft.currency,
                "max_asks": draft.max_asks,
                "years": draft.years,
                "hours_per_week": draft.hours_per_week,
                "disclose_competing": draft.disclose_competing,
                "terms": [data for _, data in terms],
                "offers": offers,
            }
        )
    except ScenarioError as error:
        return None, [Problem(place="scenario", field=error.path, message=error.problem)]
    return scenario, []


def _offer_data(
    offer: OfferDraft, terms: list[tuple[TermRow, dict[str, Any]]], currency: str
) -> tuple[dict[str, Any], list[Problem]]:
    problems: list[Problem] = []

    def problem(field: str, message: str, term_id: str | None = None) -> None:
        place: Place = "cell" if term_id else "offer"
        problems.append(
            Problem(place=place, offer_id=offer.id, term_id=term_id, field=field, message=message)
        )

    name = offer.name.strip()
    if not name:
        problem("name", "every offer needs a name")
    elif len(name) > 80:
        problem("name", f"must be at most 80 characters, got {len(name)}")
    values: dict[str, Any] = {}
    flexibility: dict[str, str] = {}
    notes: dict[str, str] = {}
    reasons: dict[str, str] = {}
    for row, term in terms:
        cell = offer.cell(row.id)
        try:
            value = _term_value(cell.value, term["type"], term.get("options", []), currency)
        except ValueError as error:
            problem("value", str(error), row.id)
            value = None
        if isinstance(value, float) and term["type"] == "money" and value < 0:
            problem("value", f"money cannot be negative, got {typed(value)}", row.id)
        elif value is not None:
            values[term["name"]] = value
        if cell.stance not in STANCES:
            problem(
                "stance", f"must be one of {', '.join(STANCES)}, got {show(cell.stance)}", row.id
            )
        elif cell.stance != "unknown":
            flexibility[term["name"]] = cell.stance
        if len(cell.note) > 500:
            problem("note", f"must be at most 500 characters, got {len(cell.note)}", row.id)
        elif cell.note.strip():
            notes[term["name"]] = cell.note
        if len(cell.reason) > 300:
            problem("reason", f"must be at most 300 characters, got {len(cell.reason)}", row.id)
        elif cell.reason.strip():
            reasons[term["name"]] = cell.reason
    data: dict[str, Any] = {
        "name": name,
        "values": values,
        "flexibility": flexibility,
        "notes": notes,
    }
    if reasons:
        data["reasons"] = reasons
    if offer.current:
        data["current"] = True
    if offer.deadline.strip():
        try:
            data["deadline"] = iso_date(offer.deadline.strip())
        except ValueError as error:
            problem("deadline", str(error))
    # A round goes with its term: renamed with it, and removed with it.
    names = {row.id: term["name"] for row, term in terms}
    rounds = [
        r.round.model_copy(update={"term": names[r.term_id]}).model_dump(
            mode="json", exclude_defaults=True
        )
        for r in offer.rounds
        if r.term_id in names
    ]
    if rounds:
        data["rounds"] = rounds
    return data, problems


def iso_date(text: str) -> str:
    """A date written ``YYYY-MM-DD`` that is in the calendar, or ``ValueError`` in plain words."""
    try:
        if len(text) != 10:
            raise ValueError
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError(
            f"must be a date written YYYY-MM-DD, such as 2026-03-04, got {show(text)}"
        ) from None


# --- changes the user makes ---------------------------------------------------------


def _next_id(prefix: str, taken: Iterable[str]) -> str:
    used = set(taken)
    n = 0
    while f"{prefix}{n}" in used:
        n += 1
    return f"{prefix}{n}"


def add_offer(draft: Draft, name: str, catalog: Catalog | None = None) -> Draft:
    """A new offer; each term starts at the stance companies typically take (from the catalog)."""
    cells = {}
    for row in draft.terms:
        entry = catalog.entry(row.name) if catalog else None
        if entry is not None:
            cells[row.id] = Cell(stance=entry.stance)
    offer = OfferDraft(id=_next_id("o", (o.id for o in draft.offers)), name=name, cells=cells)
    return draft.model_copy(update={"offers": [*draft.offers, offer]})


def remove_offer(draft: Draft, offer_id: str) -> Draft:
    return draft.model_copy(update={"offers": [o for o in draft.offers if o.id != offer_id]})


def add_catalog_terms(draft: Draft, names: Iterable[str], catalog: Catalog) -> Draft:
    """Add catalog terms with their usual settings; every offer gets the typical stance."""
    terms = list(draft.terms)
    offers = list(draft.offers)
    present = {name_key(t.name) for t in terms}
    for name in names:
        entry = catalog.entry(name)
        if entry is None or name_key(entry.name) in present:
            continue
        present.add(name_key(entry.name))
        row = row_of(entry.term(), _next_id("t", (t.id for t in terms)))
        terms.append(row)
        offers = [
            o.model_copy(update={"cells": {**o.cells, row.id: Cell(stance=entry.stance)}})
            for o in offers
        ]
    return draft.model_copy(update={"terms": terms, "offers": offers})


def add_round(
    draft: Draft,
    offer_id: str,
    term_id: str,
    *,
    value: str = "",
    stance: str | None = None,
    note: str = "",
    date: str | None = None,
) -> Draft:
    """Record what the company answered on one term of one offer (a new figure, a stance, a note).

    The value is read as typed for its term (``60k``, an option ignoring case).
    Raises ``ValueError`` with a message in plain words when it cannot be recorded.
    """
    offer = next((o for o in draft.offers if o.id == offer_id), None)
    row = next((t for t in draft.terms if t.id == term_id), None)
    if offer is None or row is None:
        raise ValueError("choose an offer and a term first")
    data, problems = _term_data(row, draft.currency)
    if problems:
        raise ValueError(f"fix the term {show(row.name)} first: {problems[0].message}")
    parsed = _term_value(value, data["type"], data.get("options", []), draft.currency)
    if isinstance(parsed, float) and data["type"] == "money" and parsed < 0:
        raise ValueError(f"money cannot be negative, got {value.strip()}")
    try:
        answer = Round(
            term=data["name"],
            value=parsed,
            stance=stance if stance in STANCES else None,
            note=note.strip(),
            date=date or None,
        )
    except ValidationError as error:
        raise ValueError(
            str(error.errors(include_url=False)[0]["msg"]).removeprefix("Value error, ")
        ) from None
    rounds = [*offer.rounds, RoundDraft(term_id=term_id, round=answer)]
    updated = offer.model_copy(update={"rounds": rounds})
    return draft.model_copy(
        update={"offers": [updated if o.id == offer_id else o for o in draft.offers]}
    )


def remove_last_round(draft: Draft, offer_id: str) -> Draft:
    """Take back the last answer recorded for an offer (a typo, a misheard figure)."""
    return draft.model_copy(
        update={
            "offers": [
                o.model_copy(update={"rounds": o.rounds[:-1]}) if o.id == offer_id else o
                for o in draft.offers
            ]
        }
    )


def change_term(draft: Draft, term_id: str, **changes: Any) -> Draft:
    """The draft with one term's fields changed (kept as typed)."""
    return draft.model_copy(
        update={
            "terms": [t.model_copy(update=changes) if t.id == term_id else t for t in draft.terms]
        }
    )


def change_offer(draft: Draft, offer_id: str, **changes: Any) -> Draft:
    """The draft with one offer's own fields changed (name, current, deadline)."""
    return draft.model_copy(
        update={
            "offers": [
                o.model_copy(update=changes) if o.id == offer_id else o for o in draft.offers
            ]
        }
    )


def change_cell(draft: Draft, offer_id: str, term_id: str, **changes: Any) -> Draft:
    """The draft with one term of one offer changed (value, stance, note, reason)."""
    offer = draft.offer(offer_id)
    if offer is None:
        return draft
    cell = offer.cell(term_id).model_copy(update=changes)
    return change_offer(draft, offer_id, cells={**offer.cells, term_id: cell})


def add_term(draft: Draft, name: str = "", catalog: Catalog | None = None) -> tuple[Draft, str]:
    """A new term at the end (money by default, or the catalog's settings for a known name).

    Returns the draft and the new term's id.
    """
    term_id = _next_id("t", (t.id for t in draft.terms))
    entry = catalog.entry(name) if catalog and name.strip() else None
    if entry is not None:
        row = row_of(entry.term(), term_id)
        stance = entry.stance
    else:
        row = TermRow(id=term_id, name=name.strip())
        stance = "unknown"
    offers = [
        o.model_copy(update={"cells": {**o.cells, term_id: Cell(stance=stance)}})
        for o in draft.offers
    ]
    return draft.model_copy(update={"terms": [*draft.terms, row], "offers": offers}), term_id


def remove_term(draft: Draft, term_id: str) -> Draft:
    """The draft without that term (its values and recorded answers go with it)."""
    offers = [
        o.model_copy(
            update={
                "cells": {k: v for k, v in o.cells.items() if k != term_id},
                "rounds": [r for r in o.rounds if r.term_id != term_id],
            }
        )
        for o in draft.offers
    ]
    return draft.model_copy(
        update={"terms": [t for t in draft.terms if t.id != term_id], "offers": offers}
    )


def add_option(draft: Draft, term_id: str, option: str) -> Draft:
    """A choice term with one more option, at the end (the best); the options' order is kept."""
    row = next((t for t in draft.terms if t.id == term_id), None)
    option = option.strip()
    if row is None or not option:
        return draft
    options = _options(row)
    if any(name_key(o) == name_key(option) for o in options):
        return draft
    return change_term(draft, term_id, options=options_text([*options, option]))
