"""What the planner says about its labels, in one place: the words every surface uses.

Escaping for Markdown lives here too, so that user text is shown as written.
"""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$&\"'=/%^])")


def escape(text: str) -> str:
    """Markdown-escape user text: every ASCII punctuation mark that Markdown reads."""
    flat = " ".join(text.split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat)
