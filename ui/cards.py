"""Each offer's terms as an HTML table that reads as a card per term on a narrow screen.

Built once per scenario (in :func:`ui.views.views_of`), drawn with ``st.html``.
"""

from __future__ import annotations

import html

import pandas as pd

CARD_CSS = """
<style>
.plan-terms { width: 100%; border-collapse: collapse; font-size: 0.9rem; color: #262730; }
.plan-terms th, .plan-terms td {
  text-align: left; vertical-align: top; padding: 0.35rem 0.5rem;
  border-bottom: 1px solid #d5d7de;
}
.plan-terms th { background: #f0f2f6; font-weight: 600; }
.plan-terms td.term { font-weight: 600; }
.plan-terms td.status { min-width: 7rem; }
@media (max-width: 640px) {
  .plan-terms thead {
    position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  }
  .plan-terms, .plan-terms tbody, .plan-terms tr, .plan-terms td { display: block; width: 100%; }
  .plan-terms tr {
    border: 1px solid #b9bcc6; border-radius: 0.5rem; margin: 0 0 0.6rem 0;
    padding: 0.45rem 0.65rem; box-sizing: border-box;
  }
  .plan-terms td { border: none; padding: 0.1rem 0; }
  .plan-terms td.term { font-size: 1rem; }
  .plan-terms td.status { font-weight: 600; }
  .plan-terms td.figure { display: inline-block; width: auto; margin-right: 1rem; }
  .plan-terms td.figure::before { content: attr(data-label) ": "; font-weight: 600; }
  .plan-terms td:empty { display: none; }
}
</style>
"""
"""The plan's terms: a table on a wide screen, a card per term on a phone (status and reason
first, then each figure with its label)."""

_FIRST = {"Term": "term", "Status": "status", "Why": "why"}


def terms_html(table: pd.DataFrame) -> str:
    """One offer's plan table as HTML that the page's CSS turns into cards on a narrow screen.

    Every cell is HTML-escaped: user text is shown as written, never as markup.
    """
    names = [str(c) for c in table.columns]
    head = "".join(f"<th scope='col'>{html.escape(name)}</th>" for name in names)
    opening = [
        f"<td class='{_FIRST.get(name, 'figure')}' data-label='{html.escape(name, quote=True)}'>"
        for name in names
    ]
    columns = [table[name].tolist() for name in table.columns]
    body = []
    for row in zip(*columns, strict=True):
        cells = [
            start + ("" if value is None or value == "" else html.escape(str(value))) + "</td>"
            for start, value in zip(opening, row, strict=True)
        ]
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f"<table class='plan-terms'><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )
