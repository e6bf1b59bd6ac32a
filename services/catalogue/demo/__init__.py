"""Demo service catalogue of two municipalities, as plain Python data.

Nordre Follo (3207, «Temaplan helse og omsorg», BEON) and Selbu (5032,
«Helse- og omsorgsplan 2020–2028», LEON): care levels on the municipality's
staircase, service types with legal basis, fees and versioned allocation
criteria, and the units that deliver them. `services.catalogue.seed` loads
`MUNICIPALITIES` into the database.
"""

from services.catalogue.demo.nordre_follo import NORDRE_FOLLO
from services.catalogue.demo.selbu import SELBU

MUNICIPALITIES = [NORDRE_FOLLO, SELBU]

__all__ = ["MUNICIPALITIES", "NORDRE_FOLLO", "SELBU"]
