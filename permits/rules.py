"""Who may see and do what with an application and the files that belong to it. Views, selectors and
templates ask the same rules, through `may` (the `{% may %}` tag in templates).

The object of every rule here is the application; the permission names the kind of thing read from it:

| permission                              | who                                                         |
|-----------------------------------------|-------------------------------------------------------------|
| permits.view_application_as_applicant   | its applicant (any state: a draft is theirs alone)          |
| permits.view_documents                  | its applicant; the application roles once it is submitted   |
| permits.download_receipt                | its applicant, once it is submitted                         |
| workflow.* / signing.* (their rules.py) | the application roles once it is submitted (see there)      |

The application roles are the ones that work on applications (`APPLICATION_ROLES`). The Administrator is
not one of them: administrators configure, and the Django admin is their tool; nothing of an application's
content is needed for that, so the public site's pages answer them as anybody else ("not found").
"""

import rules
from django.db.models import Q

from accounts.roles import Role

from .models import ApplicationStatus

APPLICATION_ROLES = frozenset(
    {
        Role.FRONT_OFFICE,
        Role.BACK_OFFICE,
        Role.TIM_TEKNIS,
        Role.KEPALA_SEKSI,
        Role.KEPALA_BIDANG,
        Role.SEKRETARIS,
        Role.KEPALA_DINAS,
        Role.SEKRETARIAT,
    }
)
_APPLICATION_ROLE_NAMES = frozenset(role.value for role in APPLICATION_ROLES)

# Submitted: it left DRAFT through `submit`, which gives it its number. A draft the applicant cancelled
# (DIBATALKAN without a number) was never submitted and stays theirs alone.
SUBMITTED = ~Q(status=ApplicationStatus.DRAFT) & ~Q(status=ApplicationStatus.DIBATALKAN, number__isnull=True)


def may(user, permission: str, obj=None) -> bool:
    """Whether the rule `permission` lets `user` at `obj`. Unlike `User.has_perm` there is no exception for
    superusers: an installation administrator reads nothing through these pages that the rule does not give
    their roles."""
    return rules.has_perm(permission, user, obj)


def was_submitted(application) -> bool:
    """The Python twin of `SUBMITTED`."""
    return application.status != ApplicationStatus.DRAFT and not (
        application.status == ApplicationStatus.DIBATALKAN and not application.number
    )


@rules.predicate
def is_owner(user, application) -> bool:
    return application is not None and user.is_authenticated and application.applicant_id == user.pk


@rules.predicate
def is_draft(user, application) -> bool:
    return application is not None and application.status == ApplicationStatus.DRAFT


@rules.predicate
def is_submitted(user, application) -> bool:
    return application is not None and was_submitted(application)


@rules.predicate
def is_issued(user, application) -> bool:
    return application is not None and application.status == ApplicationStatus.TERBIT


@rules.predicate
def works_on_applications(user) -> bool:
    return user.is_authenticated and bool(user.role_names() & _APPLICATION_ROLE_NAMES)


# An officer's reading of an application: a role that works on applications, and a submitted application.
officer_reads = works_on_applications & is_submitted

rules.add_perm("permits.view_application_as_applicant", is_owner)
rules.add_perm("permits.edit_application", is_owner & is_draft)
rules.add_perm("permits.submit_application", is_owner & is_draft)
rules.add_perm("permits.view_documents", is_owner | officer_reads)
rules.add_perm("permits.download_receipt", is_owner & is_submitted)
