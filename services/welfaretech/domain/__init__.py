"""The welfaretech rules: recommendations, the legal basis, loans and benefit arithmetic. Pure."""
