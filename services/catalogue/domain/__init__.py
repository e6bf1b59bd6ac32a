"""Catalogue rules: the criteria language, versioning and what the public may see."""
