"""Queries of the catalogue, one repository per aggregate; they flush, never commit.

Each repository comes as an `Annotated` dependency on the caller's tenant
session (`ServiceTypeRepo`, ...); the `Public*` ones are scoped to the
municipality named in the path of the open catalogue.
"""

from services.catalogue.repositories.levels import CareLevelRepo, CareLevelRepository
from services.catalogue.repositories.municipality import MunicipalityRepo, MunicipalityRepository
from services.catalogue.repositories.public import (
    AllMunicipalities,
    PublicCareLevelRepo,
    PublicMunicipalityRepo,
    PublicServiceTypeRepo,
)
from services.catalogue.repositories.service_types import (
    ServiceTypeDetail,
    ServiceTypeRepo,
    ServiceTypeRepository,
)
from services.catalogue.repositories.units import UnitRepo, UnitRepository

__all__ = [
    "AllMunicipalities",
    "CareLevelRepo",
    "CareLevelRepository",
    "MunicipalityRepo",
    "MunicipalityRepository",
    "PublicCareLevelRepo",
    "PublicMunicipalityRepo",
    "PublicServiceTypeRepo",
    "ServiceTypeDetail",
    "ServiceTypeRepo",
    "ServiceTypeRepository",
    "UnitRepo",
    "UnitRepository",
]
