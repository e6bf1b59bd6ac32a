"""Fixtures shared by every test: see shared/testing.py."""

pytest_plugins = ["shared.testing"]
