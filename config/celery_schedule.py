"""Celery beat's schedule; imported into the settings as CELERY_BEAT_SCHEDULE. Times are in CELERY_TIMEZONE,
the office's own time zone (Asia/Jakarta unless PINTU_TIME_ZONE says otherwise)."""

import os

from celery.schedules import crontab

# The SK sweep's period; the worker-kill test shortens it (with PINTU_TASK_OVERDUE_MINUTES) to seconds.
SK_SWEEP_SECONDS = float(os.environ.get("PINTU_TASK_SWEEP_SECONDS", "60"))

CELERY_BEAT_SCHEDULE = {
    # Whatever the after-commit relay could not hand over (the broker was down) goes out within a minute.
    "workflow-outbox-relay": {
        "task": "workflow.tasks.outbox_relay_pending",
        "schedule": 60.0,
        # A relay that waited longer than its period is stale: the next one does the same work.
        "options": {"expires": 55},
    },
    # A draft or final SK whose task a killed worker stranded is queued again (signing/background.py).
    "signing-overdue-sk-work": {
        "task": "signing.tasks.requeue_overdue_sk_work",
        "schedule": SK_SWEEP_SECONDS,
        "options": {"expires": SK_SWEEP_SECONDS * 0.9},
    },
    "complaints-overdue-reminders": {
        "task": "complaints.staff_tasks.remind_overdue_complaints",
        "schedule": crontab(hour=7, minute=5),
        "options": {"expires": 6 * 3600},
    },
    "workflow-overdue-reminders": {
        "task": "workflow.tasks.remind_overdue_applications",
        "schedule": crontab(hour=7, minute=0),
        "options": {"expires": 6 * 3600},
    },
}
