"""What a transition sets in motion, written in the same transaction: notifications, and the background
work a new state needs (rendering the draft SK; issuing the final SK). The outbox hands tasks to the broker
only after commit."""

from permits.models import ApplicationStatus

# The task to queue when an application enters a state. Names only: workflow imports no signing code.
TASK_ON_ENTRY = {
    ApplicationStatus.MENUNGGU_TTE: "signing.tasks.render_draft_sk",
    ApplicationStatus.PENERBITAN: "signing.tasks.issue_sk",
}


def after_transition(application, log) -> None:
    from .notifications import notify_transition
    from .outbox import outbox_enqueue

    notify_transition(log_id=log.pk)
    task_name = TASK_ON_ENTRY.get(log.to_status)
    if task_name:
        outbox_enqueue(task_name=task_name, kwargs={"application_id": application.pk})
