"""Welfaretech's queries, one repository per aggregate; they flush, never commit."""

from services.welfaretech.repositories.assessments import AssessmentRepo
from services.welfaretech.repositories.benefits import BenefitRepo
from services.welfaretech.repositories.devices import DeviceRepo
from services.welfaretech.repositories.loans import LoanRepo
from services.welfaretech.repositories.persons import PersonRepo
from services.welfaretech.repositories.referrals import ReferralRepo
from services.welfaretech.repositories.technologies import TechnologyRepo

__all__ = [
    "AssessmentRepo",
    "BenefitRepo",
    "DeviceRepo",
    "LoanRepo",
    "PersonRepo",
    "ReferralRepo",
    "TechnologyRepo",
]
