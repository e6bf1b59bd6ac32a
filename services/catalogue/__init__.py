"""The catalogue service: Tjenestekatalog: the municipality's services on its own innsatstrapp, versioned allocation criteria, units and capacity."""
