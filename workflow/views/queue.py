"""The officers' "Menu verifikasi" (the queue of their stage(s)) and their lookup of any application."""

from dataclasses import replace

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from permits.rules import may

from ..calendar import office_calendar
from ..forms.queue_filter import QueueFilterForm
from ..routes import OFFICE_STAGES, stages_for_user
from ..selectors import (
    application_find_by_number,
    applications_recently_moved,
    holder_label,
    queue_for_user,
    queue_rows,
    stage_counts_for_user,
)

PAGE_SIZE = 25


def staff_detail_url(pk: int) -> str:
    return reverse("workflow:staff_application_detail", kwargs={"pk": pk})


def _require_officer(request) -> None:
    # Applicants and the staff who do not work on applications get the answer for a page that does not exist.
    if not may(request.user, "workflow.view_queue"):
        raise Http404


@login_required
@require_GET
def queue(request):
    _require_officer(request)
    user = request.user
    today = timezone.localdate()
    form = QueueFilterForm(request.GET, stages=stages_for_user(user))
    filters = form.filters()
    page = Paginator(queue_for_user(user=user, filters=filters, today=today), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    calendar = office_calendar()  # once per request: it reads the office and its closed days
    rows = [
        replace(row, detail_url=staff_detail_url(row.application.pk))
        for row in queue_rows(applications=page.object_list, calendar=calendar, today=today)
    ]
    stage_counts = stage_counts_for_user(user=user)
    return render(
        request,
        "workflow/staff/queue.html",
        {
            "form": form,
            "filters": filters,
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            "rows": rows,
            "stage_counts": stage_counts,
            "total_count": sum(count for _, _, count in stage_counts),
            "today": today,
        },
    )


def _tracking_item(application, *, today) -> dict:
    return {
        "application": application,
        "holder": holder_label(application.status),
        "detail_url": staff_detail_url(application.pk),
        "overdue": application.status in OFFICE_STAGES
        and application.due_date is not None
        and application.due_date < today,
    }


@login_required
@require_GET
def staff_tracking(request):
    _require_officer(request)
    number = request.GET.get("nomor", "")[:40].strip()
    application = application_find_by_number(number=number) if number else None
    today = timezone.localdate()
    result = _tracking_item(application, today=today) if application is not None else None
    recent = [_tracking_item(item, today=today) for item in applications_recently_moved(limit=10)]
    return render(
        request,
        "workflow/staff/tracking.html",
        {
            "number": number,
            "searched": bool(number),
            "result": result,
            "recent": recent,
        },
    )
