"""Fixtures shared by every test: see dev/testing.py."""

pytest_plugins = ["dev.testing"]
