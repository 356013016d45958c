"""BENCHMARKS.md: each benchmark writes its own section, the rest of the file stays."""

from __future__ import annotations

import platform
import re
import time
from pathlib import Path

FILE = Path(__file__).resolve().parent.parent / "BENCHMARKS.md"


def record(section: str, body: str) -> None:
    """Replace (or add) the ``## section`` of BENCHMARKS.md with ``body``, dated."""
    text = FILE.read_text() if FILE.exists() else "# Benchmarks\n"
    stamp = f"_Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, Python {platform.python_version()}._"
    block = f"## {section}\n\n{stamp}\n\n{body.strip()}\n"
    pattern = re.compile(rf"^## {re.escape(section)}\n.*?(?=^## |\Z)", re.S | re.M)
    text = (
        pattern.sub(lambda _: block + "\n", text)
        if pattern.search(text)
        else text.rstrip() + "\n\n" + block
    )
    FILE.write_text(text.rstrip() + "\n")
