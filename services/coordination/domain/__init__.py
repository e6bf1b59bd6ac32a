"""The coordination rules: pure functions over plain data, with the law in their docstrings."""
