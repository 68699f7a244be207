from .application import Application, ApplicationDocument, ApplicationStatus
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
