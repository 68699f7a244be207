"""The signed-in user's notifications: the list, opening one (marks it read), marking read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.errors import NotFound

from .. import notifications as services

PAGE_SIZE = 20


def is_local_path(url: str) -> bool:
    """A path on this site: never a redirect off-site (no scheme, no host, no `//` or `/\\` tricks)."""
    return (
        url.startswith("/")
        and not url.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(url, allowed_hosts=None)
    )


def _own_notification(request, pk: int):
    try:
        return services.notification_get_for_user(user=request.user, pk=pk)
    except NotFound as exc:
        raise Http404 from exc


def _back_to_list(request):
    target = request.POST.get("next", "")
    return redirect(target if is_local_path(target) else reverse("workflow:notifications"))


@login_required
@require_GET
def notification_list(request):
    notifications = services.notification_list_for_user(user=request.user)
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    unread_count = services.unread_notification_count(user=request.user)
    # The navbar's context processor reuses this count instead of asking again.
    request._pintu_unread_notifications = unread_count
    return render(
        request,
        "workflow/applicant/notifications.html",
        {"page_obj": page, "notifications": page.object_list, "unread_count": unread_count},
    )


@login_required
@require_GET
def notification_open(request, pk: int):
    notification = services.notification_mark_read(notification=_own_notification(request, pk))
    if is_local_path(notification.url):
        return redirect(notification.url)
    return redirect("workflow:notifications")


@login_required
@require_POST
def notification_mark_read(request, pk: int):
    services.notification_mark_read(notification=_own_notification(request, pk))
    return _back_to_list(request)


@login_required
@require_POST
def notification_mark_all_read(request):
    marked = services.notification_mark_all_read(user=request.user)
    if marked:
        messages.success(request, _("Semua notifikasi ditandai sudah dibaca."))
    return _back_to_list(request)
