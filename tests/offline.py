"""Tests that must never touch the network: import :func:`no_network` into the module.

The fixture is autouse where it is imported: any attempt to resolve a name or open a
connection fails the test with :class:`NetworkUsed`.
"""

from __future__ import annotations

import socket
from typing import Any

import pytest


class NetworkUsed(AssertionError):
    pass


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to resolve a name or open a connection fails the test."""

    def refuse(*args: object, **kwargs: object) -> Any:
        raise NetworkUsed(f"a test tried to use the network: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
