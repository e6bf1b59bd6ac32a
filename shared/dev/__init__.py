"""Development tools: the dev token issuer, the dev gateway, the embedded PostgreSQL and `make run`.

Nothing here runs when `MESTRING_ENV=production`.
"""
