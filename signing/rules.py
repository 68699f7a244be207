"""Who may number SKs and read the register of letter numbers. Views, templates and the runner ask these."""

import rules

from accounts.roles import Role
from permits.models import ApplicationStatus

REGISTER_ROLES = (Role.SEKRETARIAT, Role.SEKRETARIS, Role.KEPALA_DINAS, Role.ADMINISTRATOR)


@rules.predicate
def is_sekretariat(user) -> bool:
    return user.is_authenticated and user.has_role(Role.SEKRETARIAT)


@rules.predicate
def awaits_number(user, application) -> bool:
    return application is not None and application.status == ApplicationStatus.PENOMORAN


@rules.predicate
def reads_register(user) -> bool:
    return user.is_authenticated and any(user.has_role(role) for role in REGISTER_ROLES)


rules.add_perm("signing.assign_number", is_sekretariat & awaits_number)
rules.add_perm("signing.view_register", reads_register)
