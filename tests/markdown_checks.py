"""What a Markdown renderer would make of text: the checks the escaping tests share."""

from __future__ import annotations

import re

# The autolinks GitHub-flavoured Markdown makes out of plain text (remark-gfm, which
# Streamlit uses): a scheme and //, a www. name, an e-mail address.
GFM_AUTOLINK = re.compile(
    r"(?i)(https?://|www\.)[-.\w]+|[-.\w+]+@[-\w]+(\.[-\w]+)+|(mailto|xmpp):[-.\w+]+@"
)
STREAMLIT_DIRECTIVE = re.compile(r":[a-z]+(-background|-badge)?\[|:material/|:[a-z_]+:")


def unescaped(markdown: str) -> str:
    """The text a Markdown renderer shows: backslash escapes resolved (ZWJ still in)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def live(markdown: str) -> list[str]:
    """Punctuation a renderer could read as markup: every one not escaped by a backslash."""
    found = []
    i = 0
    while i < len(markdown):
        if markdown[i] == "\\":
            i += 2
            continue
        if markdown[i] in "`*_[]()#+-.!|<>~:$&=/@":
            found.append(markdown[i])
        i += 1
    return found
