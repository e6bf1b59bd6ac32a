"""Intake's queries, one repository per aggregate; they flush, never commit.

A repository is the only place in intake that builds SQL. Routers get them
through `services.intake.api.deps`, flows through `services.intake.flows.Work`.
"""

from services.intake.repositories.appeals import AppealRepo
from services.intake.repositories.applications import ApplicationRepo
from services.intake.repositories.assessments import AssessmentRepo
from services.intake.repositories.decisions import DecisionRepo
from services.intake.repositories.drafts import DraftRepo, PreferenceRepo
from services.intake.repositories.persons import PersonRepo
from services.intake.repositories.settings import SettingsRepo
from services.intake.repositories.waiting_list import WaitingListRepo
from services.intake.repositories.worklist import WorklistRepo

__all__ = [
    "AppealRepo",
    "ApplicationRepo",
    "AssessmentRepo",
    "DecisionRepo",
    "DraftRepo",
    "PreferenceRepo",
    "PersonRepo",
    "SettingsRepo",
    "WaitingListRepo",
    "WorklistRepo",
]
