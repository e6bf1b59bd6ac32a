"""Coordination's routers, one module per resource: parse, authorise, call one flow, map."""
