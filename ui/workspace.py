"""What the app keeps per browser session: the draft, and the version in its inputs' keys.

The draft is the one source of truth: every input writes what the user typed
into it as soon as it changes (:func:`ui.editor.apply_edit`), so an input
that is not drawn (another offer, another tab) loses nothing. The version goes
into every input's key and is bumped only when the whole draft is replaced (a
sample, a file, a link, a blank start), so that no input shows a value of the
draft before.

Pure: no Streamlit import.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from planner.draft import Draft, OfferDraft, TermRow
from planner.models import Frozen
from ui import editor


class Workspace(Frozen):
    version: int = 0
    draft: Draft

    @classmethod
    def of(cls, draft: Draft, version: int = 0) -> Workspace:
        return cls(version=version, draft=draft)

    @property
    def terms(self) -> list[TermRow]:
        return self.draft.terms

    @property
    def offers(self) -> list[OfferDraft]:
        return self.draft.offers

    # --- input keys: by id, never by name or position

    def scenario_key(self, field: str) -> str:
        return editor.scenario_key(self.version, field)

    def term_key(self, term_id: str, field: str, variant: str = "") -> str:
        return editor.term_key(self.version, term_id, field, variant)

    def offer_key(self, offer_id: str, field: str) -> str:
        return editor.offer_key(self.version, offer_id, field)

    def cell_key(self, offer_id: str, term_id: str, field: str, variant: str = "") -> str:
        return editor.cell_key(self.version, offer_id, term_id, field, variant)

    def owns(self, key: str) -> bool:
        """Whether an input key belongs to this version of the draft."""
        return key.startswith(f"e{self.version}-")

    # --- changes

    def start_value(self, key: str) -> Any:
        return editor.field_value(self.draft, key)

    def edited(self, key: str, value: Any) -> Workspace:
        """What the user typed in one input, written into the draft."""
        if not self.owns(key):
            return self  # an input of a draft that has since been replaced
        return self.model_copy(update={"draft": editor.apply_edit(self.draft, key, value)})

    def with_draft(self, draft: Draft) -> Workspace:
        """A change made by a button (a term or offer added or removed, a round recorded)."""
        return self.model_copy(update={"draft": draft})

    def outdated(self, draft: Draft, keys: Iterable[Any]) -> list[str]:
        """The inputs among ``keys`` that would show something else for ``draft``.

        After a button changes the draft, these inputs must start afresh from it
        (an input keeps what it shows until the user types, so it would show the
        value from before). Inputs of a term or offer that is gone are outdated too.
        """
        out = []
        for key in keys:
            if not isinstance(key, str) or not self.owns(key):
                continue
            try:
                if editor.field_value(draft, key) != editor.field_value(self.draft, key):
                    out.append(key)
            except (ValueError, StopIteration):
                out.append(key)
        return out

    def replace(self, draft: Draft) -> Workspace:
        """A whole new draft (a sample, a file, a link, a blank start): every input starts afresh."""
        return Workspace.of(draft, version=self.version + 1)
