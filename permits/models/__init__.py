from .application import (
    DECISION_STAGES,
    REVIEW_STAGES,
    Application,
    ApplicationDocument,
    ApplicationStatus,
    ReviewStatus,
)
from .catalog import (
    ApplicationField,
    BlankForm,
    FieldKind,
    PermitType,
    ProcedureStep,
    Requirement,
    ServiceComponent,
    ServiceStandardEntry,
)
from .office import Office

__all__ = [
    "DECISION_STAGES",
    "REVIEW_STAGES",
    "ReviewStatus",
    "Application",
    "ApplicationDocument",
    "ApplicationField",
    "ApplicationStatus",
    "BlankForm",
    "FieldKind",
    "Office",
    "PermitType",
    "ProcedureStep",
    "Requirement",
    "ServiceComponent",
    "ServiceStandardEntry",
]
