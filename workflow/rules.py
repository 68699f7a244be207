"""Who may run which transition now, and who reads an application on the officers' pages. The runner and the
views check these (through permits.rules.may); templates ask the same to show links and buttons.

| permission                          | object       | who                                                  |
|-------------------------------------|--------------|------------------------------------------------------|
| workflow.view_queue                 | —            | the application roles (queue, lookup by number)      |
| workflow.view_application           | application  | the application roles, once it is submitted          |
| workflow.view_technical_documents   | application  | the application roles, once it is submitted          |
| workflow.view_notification          | notification | its recipient                                        |
"""

import rules

from permits.models import DECISION_STAGES, REVIEW_STAGES, ApplicationStatus
from permits.rules import is_owner, may, officer_reads, works_on_applications

from .dashboard import can_view_dashboard
from .routes import role_for_stage


@rules.predicate
def acts_at_current_stage(user, application) -> bool:
    role = role_for_stage(application.status) if application is not None else None
    return bool(role and user.is_authenticated and user.has_role(role))


@rules.predicate
def at_review_stage(user, application) -> bool:
    return application is not None and application.status in REVIEW_STAGES


@rules.predicate
def at_decision_stage(user, application) -> bool:
    return application is not None and application.status in DECISION_STAGES


@rules.predicate
def in_correction(user, application) -> bool:
    return application is not None and application.status == ApplicationStatus.PERBAIKAN


@rules.predicate
def is_draft_or_in_correction(user, application) -> bool:
    return application is not None and application.status in (
        ApplicationStatus.DRAFT,
        ApplicationStatus.PERBAIKAN,
    )


@rules.predicate
def is_recipient(user, notification) -> bool:
    return notification is not None and user.is_authenticated and notification.recipient_id == user.pk


rules.add_perm("workflow.view_queue", works_on_applications)
rules.add_perm("workflow.view_dashboard", can_view_dashboard)
rules.add_perm("workflow.view_application", officer_reads)
rules.add_perm("workflow.view_technical_documents", officer_reads)
rules.add_perm("workflow.view_notification", is_recipient)
rules.add_perm("workflow.approve_application", acts_at_current_stage & at_review_stage)
rules.add_perm("workflow.return_application", acts_at_current_stage & at_decision_stage)
rules.add_perm("workflow.reject_application", acts_at_current_stage & at_decision_stage)
rules.add_perm("workflow.review_documents", acts_at_current_stage & at_review_stage)
rules.add_perm("permits.resubmit_application", is_owner & in_correction)
rules.add_perm("permits.cancel_application", is_owner & is_draft_or_in_correction)

# The actions a template may offer, in the order they are shown.
ACTIONS = {
    "approve": "workflow.approve_application",
    "return_for_correction": "workflow.return_application",
    "reject": "workflow.reject_application",
}


def available_actions(*, user, application) -> list[str]:
    return [name for name, permission in ACTIONS.items() if may(user, permission, application)]
