"""HTTP routers of the catalogue: thin, they parse, load, call the rules and store."""
