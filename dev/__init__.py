"""Development and test tooling, outside the `shared` package the services ship: the dev token
issuer, the dev gateway, the embedded PostgreSQL, `make run` and the pytest fixtures.

Nothing here runs when `MESTRING_ENV=production`.
"""
