"""The editors' protocol: one widget per field, keyed by what it edits, never by position.

Every input on the Terms and Offers pages has a key that names the field it
edits by the ids of its term and offer (``e3-cell-o1-t0-value``: version 3 of
the draft, offer ``o1``, term ``t0``, the value). A key never depends on a
name, a label or a row's position, so renaming, adding or removing a term or
an offer leaves every other input where it was, with what was typed in it.

:func:`field_value` gives the value an input starts at; :func:`apply_edit`
writes what the user typed back into the draft. Both are pure (no Streamlit
import), so the protocol is tested directly; the page only moves values
between them and the widgets.
"""

from __future__ import annotations

import datetime
import math
from typing import Any

from planner import formatting
from planner.catalog import Catalog
from planner.draft import (
    Draft,
    OfferDraft,
    TermRow,
    change_cell,
    change_offer,
    change_term,
)
from planner.numbers import parse_number, typed

SCENARIO_FIELDS = (
    "title",
    "currency",
    "max_asks",
    "years",
    "hours_per_week",
    "disclose_competing",
)
TERM_FIELDS = (
    "name",
    "type",
    "per",
    "kind",
    "expected",
    "vesting",
    "step",
    "unit",
    "better",
    "options",
    "bottom_line",
    "target",
    "priority",
)
OFFER_FIELDS = ("name", "current", "deadline")
CELL_FIELDS = ("value", "stance", "note", "reason")


def scenario_key(version: int, field: str) -> str:
    return f"e{version}-scenario-{field}"


def term_key(version: int, term_id: str, field: str, variant: str = "") -> str:
    """A term's input; ``variant`` tells apart two inputs of one field (a list or free text)."""
    return f"e{version}-term-{term_id}-{field}" + (f"-{variant}" if variant else "")


def offer_key(version: int, offer_id: str, field: str) -> str:
    return f"e{version}-offer-{offer_id}-{field}"


def cell_key(version: int, offer_id: str, term_id: str, field: str, variant: str = "") -> str:
    return f"e{version}-cell-{offer_id}-{term_id}-{field}" + (f"-{variant}" if variant else "")


def _parts(key: str) -> list[str]:
    parts = key.split("-")
    if len(parts) < 3 or not parts[0].startswith("e"):
        raise ValueError(f"not an editor key: {key!r}")
    return parts


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return typed(value)
    return str(value)


def _whole(value: Any, default: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return default
    return int(value) if math.isfinite(value) else default


def field_value(draft: Draft, key: str) -> Any:
    """What the input with this key shows for the draft (before the user types)."""
    parts = _parts(key)
    scope = parts[1]
    if scope == "scenario":
        return getattr(draft, parts[2])
    if scope == "term":
        row = draft.term_row(parts[2])
        field = parts[3]
        if field == "kind":
            return row.money_kind
        if field == "priority":
            return _whole(row.priority, 3) if row.priority is not None else 3
        if field == "per":
            return row.per or "year"
        if field == "better":
            return row.better or "higher"
        value = getattr(row, field)
        return "" if value is None else value
    if scope == "offer":
        offer = _offer(draft, parts[2])
        if parts[3] == "deadline":
            return _date(offer.deadline)
        return getattr(offer, parts[3])
    if scope == "cell":
        return getattr(_offer(draft, parts[2]).cell(parts[3]), parts[4])
    raise ValueError(f"not an editor key: {key!r}")


def apply_edit(draft: Draft, key: str, value: Any) -> Draft:
    """The draft with what the user typed in the input with this key (kept as typed)."""
    parts = _parts(key)
    scope = parts[1]
    if scope == "scenario":
        return _scenario_edit(draft, parts[2], value)
    if scope == "term":
        return _term_edit(draft, parts[2], parts[3], value)
    if scope == "offer":
        offer_id, field = parts[2], parts[3]
        if field == "current":
            return change_offer(draft, offer_id, current=bool(value))
        if field == "deadline":
            return change_offer(draft, offer_id, deadline=_iso(value))
        return change_offer(draft, offer_id, name=_text(value))
    if scope == "cell":
        offer_id, term_id, field = parts[2], parts[3], parts[4]
        text = _text(value)
        if field == "stance":
            text = text or "unknown"
        return change_cell(draft, offer_id, term_id, **{field: text})
    raise ValueError(f"not an editor key: {key!r}")


def _scenario_edit(draft: Draft, field: str, value: Any) -> Draft:
    if field in ("max_asks", "years"):
        return draft.model_copy(update={field: _whole(value, getattr(draft, field))})
    if field == "hours_per_week":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return draft.model_copy(update={field: float(value)})
        return draft
    if field == "disclose_competing":
        return draft.model_copy(update={field: bool(value)})
    if field == "currency":
        return draft.model_copy(update={field: _text(value).strip().upper()})
    return draft.model_copy(update={field: _text(value)})


def _term_edit(draft: Draft, term_id: str, field: str, value: Any) -> Draft:
    if field == "priority":
        if value is None:
            return change_term(draft, term_id, priority=None)
        return change_term(draft, term_id, priority=float(_whole(value, 3)))
    if field == "kind":
        # An explicit kind replaces the earlier spelling ``variable: true``.
        return change_term(draft, term_id, kind=_text(value) or None, variable=False)
    if field in ("per", "better"):
        return change_term(draft, term_id, **{field: _text(value) or None})
    return change_term(draft, term_id, **{field: _text(value)})


def _offer(draft: Draft, offer_id: str) -> OfferDraft:
    offer = draft.offer(offer_id)
    if offer is None:
        raise ValueError(f"no offer with id {offer_id!r}")
    return offer


def _date(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text) if text.strip() else None
    except ValueError:
        return None


def _iso(value: Any) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    return _text(value).strip()


# --- what the editors say beside the inputs -----------------------------------------

NOT_SET = "not set"


def shown(text: str) -> str:
    """A typed figure as people read it (``72000`` -> ``72,000``); other text as typed."""
    text = text.strip()
    if not text:
        return NOT_SET
    try:
        return formatting.number(parse_number(text))
    except ValueError:
        return text


def _figure(value: float | str) -> str:
    return value if isinstance(value, str) else formatting.number(value)


def your_line(row: TermRow) -> str:
    """The user's bottom line and target for a term, in a few words."""
    line = shown(row.bottom_line)
    target = shown(row.target)
    return f"bottom line {line} · target {target}"


def answers(offer: OfferDraft, term_id: str) -> str | None:
    """What the company answered on this term, next to the first value.

    ``"72,000 → 76,000 after round 1"``; a new stance is added
    (``"; stance: fixed after round 2"``). ``None`` when no round answered it.
    """
    first = shown(offer.cell(term_id).value)
    chain = [first]
    stance = ""
    for n, recorded in enumerate(offer.rounds, start=1):
        if recorded.term_id != term_id:
            continue
        answer = recorded.round
        if answer.value is not None:
            chain.append(f"{_figure(answer.value)} after round {n}")
        if answer.stance is not None:
            stance = f"stance: {answer.stance} after round {n}"
    if len(chain) == 1 and not stance:
        return None
    text = " → ".join(chain) if len(chain) > 1 else ""
    return "; ".join(part for part in (text, stance) if part)


def overridden(offer: OfferDraft, term_id: str) -> tuple[bool, bool]:
    """Whether a recorded answer replaces this term's first value, and its first stance."""
    value = stance = False
    for recorded in offer.rounds:
        if recorded.term_id == term_id:
            value = value or recorded.round.value is not None
            stance = stance or recorded.round.stance is not None
    return value, stance


def choice_options(row: TermRow) -> list[str]:
    """A choice term's options as typed: separated by commas, or by | when one has a comma."""
    separator = "|" if "|" in row.options else ","
    return [part.strip() for part in row.options.split(separator) if part.strip()]


def usual_stance(row: TermRow, catalog: Catalog | None) -> str:
    """The stance companies typically take on a catalog term (``"usually fixed"``), or empty."""
    entry = catalog.entry(row.name) if catalog else None
    return f"usually {entry.stance}" if entry else ""


def rules_of_thumb(row: TermRow, catalog: Catalog | None) -> str:
    """The rules of thumb behind a catalog term, each with its source; empty for others."""
    if catalog is None:
        return ""
    tips = [f"{rule} ({source})" for rule, source in catalog.advice(row.name)]
    return ("Rule of thumb, not data: " + " ".join(tips)) if tips else ""
