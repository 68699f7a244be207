"""Celery interface of the pengaduan staff's reminders: load nothing, call one service."""

from celery import shared_task

from .reminders import overdue_complaint_reminders_send


@shared_task(acks_late=True, time_limit=600, soft_time_limit=540)
def remind_overdue_complaints() -> int:
    return overdue_complaint_reminders_send()
