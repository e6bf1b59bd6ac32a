"""Coordination's queries, one repository per aggregate; they flush, never commit."""

from services.coordination.repositories.assignments import AssignmentRepo
from services.coordination.repositories.persons import PersonRepo
from services.coordination.repositories.plans import PlanRepo
from services.coordination.repositories.relatives import RelativeConversationRepo
from services.coordination.repositories.requests import RequestRepo
from services.coordination.repositories.services import PersonServiceRepo
from services.coordination.repositories.worklist import WorklistRepo

__all__ = [
    "AssignmentRepo",
    "PersonRepo",
    "PersonServiceRepo",
    "PlanRepo",
    "RelativeConversationRepo",
    "RequestRepo",
    "WorklistRepo",
]
