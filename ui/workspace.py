"""What the app keeps per browser session: the draft the editors started from.

Streamlit's data editors keep their edits as a delta against the rows they were
given, so the rows they were given (the *base*) must stay put while the user
types. A :class:`Workspace` holds that base and the version numbers that go
into the editors' keys. The draft the user sees is always the base with the
editors' current state applied (:meth:`Workspace.current`); the base changes
only when something replaces it (a sample, a file, a link) or when the offers'
rows must be rebuilt because a term was added, removed or renamed.

Pure: the app passes in its session state as a plain mapping.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import Field

from planner.draft import Draft, OfferDraft, TermRow
from planner.models import Frozen
from ui.editor import offer_from_editor, offer_row_ids, terms_from_editor

Signature = list[tuple[str, str, str, str, str]]


def offer_rows_signature(draft: Draft) -> Signature:
    """What the offer editors show of the terms: rebuilt when this changes."""
    return [
        (row.id, row.name.strip(), row.bottom_line, row.target, row.options)
        for row in draft.terms
        if row.name.strip()
    ]


class Workspace(Frozen):
    version: int = 0
    """Bumped when the whole draft is replaced: every editor and input starts afresh."""
    offers_version: int = 0
    """Bumped when the offer editors are rebuilt (terms added, removed, renamed)."""
    title: str = ""
    currency: str = "USD"
    max_asks: int = 3
    terms: list[TermRow]
    offers: list[OfferDraft]
    offer_rows: list[str] = Field(default_factory=list)
    signature: Signature = Field(default_factory=list)

    @classmethod
    def of(cls, draft: Draft, version: int = 0) -> Workspace:
        return cls(
            version=version,
            title=draft.title,
            currency=draft.currency,
            max_asks=draft.max_asks,
            terms=draft.terms,
            offers=draft.offers,
            offer_rows=offer_row_ids(draft),
            signature=offer_rows_signature(draft),
        )

    # --- widget keys: a new version means new widgets, so nothing stale is shown

    @property
    def terms_key(self) -> str:
        return f"terms_{self.version}"

    def field_key(self, field: str) -> str:
        return f"{field}_{self.version}"

    def offer_key(self, offer_id: str, what: str = "editor") -> str:
        return f"offer_{what}_{self.version}_{self.offers_version}_{offer_id}"

    # --- the draft as the user sees it

    def base(self) -> Draft:
        return Draft(
            title=self.title,
            currency=self.currency,
            max_asks=self.max_asks,
            terms=self.terms,
            offers=self.offers,
        )

    def current(self, state: Mapping[str, Any]) -> Draft:
        """The base with every editor's and input's current state applied."""
        terms = terms_from_editor(self.terms, state.get(self.terms_key), self.version)
        offers = []
        for offer in self.offers:
            edited = offer_from_editor(offer, self.offer_rows, state.get(self.offer_key(offer.id)))
            name = state.get(self.offer_key(offer.id, "name"), offer.name)
            current = state.get(self.offer_key(offer.id, "current"), offer.current)
            offers.append(
                edited.model_copy(update={"name": str(name or ""), "current": bool(current)})
            )
        max_asks = state.get(self.field_key("max_asks"), self.max_asks)
        return Draft(
            title=str(state.get(self.field_key("title"), self.title) or ""),
            currency=str(state.get(self.field_key("currency"), self.currency) or "").strip(),
            max_asks=int(max_asks) if isinstance(max_asks, (int, float)) else self.max_asks,
            terms=terms,
            offers=offers,
        )

    # --- changes

    def replace(self, draft: Draft) -> Workspace:
        """A whole new draft (a sample, a file, a link, a blank start)."""
        return Workspace.of(draft, version=self.version + 1)

    def needs_new_offer_rows(self, draft: Draft) -> bool:
        return offer_rows_signature(draft) != self.signature

    def with_offers(self, draft: Draft) -> Workspace:
        """Rebuild the offer editors from the current draft (keeps the terms editor as it is)."""
        return self.model_copy(
            update={
                "offers_version": self.offers_version + 1,
                "offers": draft.offers,
                "offer_rows": offer_row_ids(draft),
                "signature": offer_rows_signature(draft),
            }
        )
