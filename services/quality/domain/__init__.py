"""The quality service's rules: pure functions over plain data, the law in their docstrings."""
