"""Helpers shared by the tests, the benchmarks and the scripts; none of it is the product.

- ``browser``: the app on a loopback server, Chromium through Playwright, and
  the page gestures (open a tab, type in a grid cell, wait until idle);
- ``reference``: an independent plain-dict reading of the planning rules;
- ``scenarios``: large generated scenarios for the benchmarks and the size tests.
"""
