"""Who may do what with an application. Views and templates ask the same predicates."""

import rules

from .models import ApplicationStatus


@rules.predicate
def is_owner(user, application) -> bool:
    return application is not None and application.applicant_id == user.pk


@rules.predicate
def is_draft(user, application) -> bool:
    return application is not None and application.status == ApplicationStatus.DRAFT


@rules.predicate
def is_officer(user) -> bool:
    return user.is_authenticated and user.is_officer


rules.add_perm("permits.view_application_as_applicant", is_owner)
rules.add_perm("permits.edit_application", is_owner & is_draft)
rules.add_perm("permits.submit_application", is_owner & is_draft)
