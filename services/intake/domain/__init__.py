"""Intake rules: deadlines, need levels, decisions; no HTTP, no SQL, no clock."""
