"""The data editors' edit protocol: rows for ``st.data_editor`` and their edits read back.

Streamlit's data editor keeps its edits as a delta against the rows it was given
(``edited_rows``, ``added_rows``, ``deleted_rows``). These functions build those
rows from a :class:`~planner.draft.Draft` and apply an editor's state to get
the draft the user sees. Pure: no Streamlit import, so they are tested directly.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from planner.catalog import Catalog
from planner.draft import Cell, Draft, OfferDraft, TermRow
from planner.numbers import typed


def apply_editor_state(
    rows: list[dict[str, Any]], state: Mapping[str, Any] | None
) -> list[tuple[int | None, dict[str, Any]]]:
    """Apply a Streamlit data editor's edit state to the rows it was given.

    The state is ``{"edited_rows": {position: {column: value}}, "added_rows":
    [{column: value}], "deleted_rows": [position]}``. Returns each remaining
    row with the position it came from (``None`` for an added row).
    """
    state = state or {}
    edited = state.get("edited_rows") or {}
    deleted = {int(i) for i in state.get("deleted_rows") or []}
    out: list[tuple[int | None, dict[str, Any]]] = []
    for i, row in enumerate(rows):
        if i in deleted:
            continue
        changes = edited.get(i, edited.get(str(i), {})) or {}
        out.append((i, {**row, **changes}))
    for added in state.get("added_rows") or []:
        out.append((None, dict(added)))
    return out


TERM_COLUMNS = (
    "name",
    "type",
    "per",
    "unit",
    "better",
    "variable",
    "options",
    "bottom_line",
    "target",
    "priority",
)
OFFER_COLUMNS = ("term", "line", "value", "stance", "note", "advice")


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return typed(value)
    return str(value)


def _priority(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return None if math.isnan(value) else float(value)
    try:
        return float(str(value).strip())
    except ValueError:
        return math.nan


def term_editor_rows(draft: Draft) -> list[dict[str, Any]]:
    """The terms table as the editor shows it: a row per term."""
    return [{column: getattr(row, column) for column in TERM_COLUMNS} for row in draft.terms]


def terms_from_editor(
    base: list[TermRow], state: Mapping[str, Any] | None, version: int
) -> list[TermRow]:
    """The terms after the edits in the editor's state (ids stay with their rows)."""
    rows = [{column: getattr(row, column) for column in TERM_COLUMNS} for row in base]
    out: list[TermRow] = []
    added = 0
    for origin, row in apply_editor_state(rows, state):
        if origin is None:
            term_id = f"n{version}.{added}"
            added += 1
        else:
            term_id = base[origin].id
        out.append(
            TermRow(
                id=term_id,
                name=_text(row.get("name")),
                type=_text(row.get("type")) or "money",
                per=_text(row.get("per")) or None,
                unit=_text(row.get("unit")),
                better=_text(row.get("better")) or None,
                variable=bool(row.get("variable")),
                options=_text(row.get("options")),
                bottom_line=_text(row.get("bottom_line")),
                target=_text(row.get("target")),
                priority=_priority(row.get("priority", 3)),
            )
        )
    return out


def _line(row: TermRow) -> str:
    parts = []
    if row.bottom_line.strip():
        parts.append(f"at least {row.bottom_line.strip()}")
    if row.target.strip():
        parts.append(f"target {row.target.strip()}")
    if row.type == "choice" and row.options.strip():
        parts.append(f"options, worst first: {row.options.strip()}")
    return "; ".join(parts)


def _advice(row: TermRow, catalog: Catalog | None) -> str:
    if catalog is None:
        return ""
    entry = catalog.entry(row.name)
    if entry is None:
        return ""
    tips = [f"{rule} ({source})" for rule, source in catalog.advice(entry.name)]
    return f"Rule of thumb: usually {entry.stance}. " + " ".join(tips)


def offer_editor_rows(
    draft: Draft, offer: OfferDraft, catalog: Catalog | None = None
) -> list[dict[str, Any]]:
    """One offer as its editor shows it: a row per named term."""
    rows = []
    for row in draft.terms:
        if not row.name.strip():
            continue
        cell = offer.cell(row.id)
        rows.append(
            {
                "term": row.name.strip(),
                "line": _line(row),
                "value": cell.value,
                "stance": cell.stance,
                "note": cell.note,
                "advice": _advice(row, catalog),
            }
        )
    return rows


def offer_row_ids(draft: Draft) -> list[str]:
    """The term ids of the offer editors' rows, in order (named terms only)."""
    return [row.id for row in draft.terms if row.name.strip()]


def offer_from_editor(
    offer: OfferDraft, term_ids: list[str], state: Mapping[str, Any] | None
) -> OfferDraft:
    """The offer after the edits in its editor's state (rows are fixed: a row per term)."""
    rows = [
        {"value": offer.cell(t).value, "stance": offer.cell(t).stance, "note": offer.cell(t).note}
        for t in term_ids
    ]
    cells = dict(offer.cells)
    for origin, row in apply_editor_state(rows, state):
        if origin is None or origin >= len(term_ids):
            continue
        cells[term_ids[origin]] = Cell(
            value=_text(row.get("value")),
            stance=_text(row.get("stance")) or "unknown",
            note=_text(row.get("note")),
        )
    return offer.model_copy(update={"cells": cells})
