"""Browser tests: axe-core and keyboard-only, in headless Chromium (a package, so its conftest does not shadow tests/conftest.py)."""
