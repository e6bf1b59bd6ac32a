"""The catalogue service: the municipality's services on its own staircase.

Tjenestekatalog: care levels (innsatstrapp), service types, versioned allocation criteria,
units and capacity.
"""
