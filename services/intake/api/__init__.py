"""HTTP routers of intake: thin, they parse, load, call the rules and store."""
