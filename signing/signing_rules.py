"""Who may sign an SK now: the Kepala Dinas (or Plt./Plh. holding that role) while it waits for TTE."""

import rules

from accounts.roles import Role


@rules.predicate
def is_kepala_dinas(user) -> bool:
    return user.is_authenticated and user.has_role(Role.KEPALA_DINAS)


@rules.predicate
def waiting_for_signature(user, application) -> bool:
    return application is not None and application.status == "MENUNGGU_TTE"


rules.add_perm("signing.sign_sk", is_kepala_dinas & waiting_for_signature)
