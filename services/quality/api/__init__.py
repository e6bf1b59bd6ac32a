"""HTTP routers of the quality service: thin, they parse, call one flow and map."""
