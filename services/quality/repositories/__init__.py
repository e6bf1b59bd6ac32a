"""The quality service's queries, one repository per aggregate; they flush, never commit."""

from services.quality.repositories.actions import ActionRepo
from services.quality.repositories.deviations import DeviationRepo
from services.quality.repositories.rules import RulesRepo

__all__ = ["ActionRepo", "DeviationRepo", "RulesRepo"]
