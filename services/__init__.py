"""The five Mestring services."""
