"""Welfaretech's routers: parse, declare who may call, call one flow, map the result.

Every route declares its roles (`api/deps.py`); the technology catalogue under
`/v1/public/` needs no token at all.
"""
