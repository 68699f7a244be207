"""Who may read an application's SK, sign it, number it and read the register of letter numbers. Views,
templates and the runner ask these (through permits.rules.may).

- signing.view_sk_draft: the application roles, once it is submitted (the draft and the signed SK).
- signing.sign_sk: the Kepala Dinas (or Plt./Plh. holding that role) while it waits for TTE.
- signing.download_sk: once issued, its applicant and the application roles.
- signing.email_sk: once issued, the Sekretariat.
- signing.assign_number: the Sekretariat, while it waits for its number.
- signing.view_register (no object): Sekretariat, Sekretaris, Kepala Dinas, Administrator.
"""

import rules

from accounts.roles import Role
from permits.models import ApplicationStatus
from permits.rules import is_issued, is_owner, officer_reads

REGISTER_ROLES = (Role.SEKRETARIAT, Role.SEKRETARIS, Role.KEPALA_DINAS, Role.ADMINISTRATOR)


@rules.predicate
def is_kepala_dinas(user) -> bool:
    return user.is_authenticated and user.has_role(Role.KEPALA_DINAS)


@rules.predicate
def waiting_for_signature(user, application) -> bool:
    return application is not None and application.status == "MENUNGGU_TTE"


@rules.predicate
def is_sekretariat(user) -> bool:
    return user.is_authenticated and user.has_role(Role.SEKRETARIAT)


@rules.predicate
def awaits_number(user, application) -> bool:
    return application is not None and application.status == ApplicationStatus.PENOMORAN


@rules.predicate
def reads_register(user) -> bool:
    return user.is_authenticated and any(user.has_role(role) for role in REGISTER_ROLES)


rules.add_perm("signing.view_sk_draft", officer_reads)
rules.add_perm("signing.sign_sk", is_kepala_dinas & waiting_for_signature)
rules.add_perm("signing.download_sk", is_issued & (is_owner | officer_reads))
rules.add_perm("signing.email_sk", is_issued & is_sekretariat & officer_reads)
rules.add_perm("signing.assign_number", is_sekretariat & awaits_number)
rules.add_perm("signing.view_register", reads_register)
