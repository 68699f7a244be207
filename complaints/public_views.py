"""Public complaint pages: the form, the thank-you page with the ticket, and tracking by ticket with the
complainant's rating and reopening. The ticket is the complainant's only key, so these pages never show
who complained (name, e-mail, phone, the confidential flag) nor who handled it."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from permits.upload_rejections import UploadRejected
from workflow.runner import TransitionRefused

from .models import Complaint, ComplaintPolicy, ticket_new
from .models import ComplaintStatus as CS
from .public_forms import CHALLENGE_FIELD, HONEYPOT_FIELD, ComplaintForm, RatingForm, ReopenForm
from .services import (
    ComplaintInvalid,
    complaint_by_ticket,
    complaint_rate,
    complaint_reopen,
    complaint_submit,
)

SUBMITTED_SESSION_KEY = "complaints_submitted_ticket"
LIMITED_TEMPLATE = "complaints/public/complaint_limited.html"

# What the complainant sees of each step; staff-only detail (who, the bidang, internal notes) stays out.
STEP_LABELS = {
    "receive": gettext_lazy("Pesan diterima"),
    "classify": gettext_lazy("Diklasifikasi oleh petugas pengaduan"),
    "answer_directly": gettext_lazy("Dijawab langsung oleh petugas pengaduan"),
    "dispose": gettext_lazy("Diteruskan ke bidang/OPD terkait"),
    "submit_answer": gettext_lazy("Jawaban disusun oleh bidang/OPD"),
    "validate": gettext_lazy("Jawaban divalidasi dan disampaikan"),
    "invalidate": gettext_lazy("Jawaban dikembalikan untuk disempurnakan"),
    "close": gettext_lazy("Ditutup"),
    "reopen": gettext_lazy("Dibuka kembali oleh pelapor"),
}
# Only the complainant's own words are shown back to them.
STEPS_WITH_PUBLIC_REASON = {"reopen"}
ANSWERED = (CS.DISAMPAIKAN, CS.SELESAI)


def submit_rate(group, request) -> str:
    # A kiosk at the office sends everyone's complaints from one address: such offices raise this.
    return getattr(settings, "PINTU_COMPLAINT_RATE", "5/h")


def _limited(request):
    return render(request, LIMITED_TEMPLATE, status=429)


def _track_url(ticket: str) -> str:
    return reverse("complaints:track") + "?" + urlencode({"tiket": ticket})


# --- New complaint ------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@never_cache
@ratelimit(key="ip", rate=submit_rate, method=["POST"], block=False)
def complaint_new(request):
    policy = ComplaintPolicy.current()
    form_kwargs = {"complaint_window_days": policy.complaint_window_days}
    if request.method != "POST":
        return _form_page(request, ComplaintForm(**form_kwargs), policy)
    if getattr(request, "limited", False):
        return _limited(request)
    form = ComplaintForm(request.POST, request.FILES, **form_kwargs)
    if form.is_spam:
        # Same thank-you page as a real submission, so a bot learns nothing; nothing is stored.
        request.session[SUBMITTED_SESSION_KEY] = ticket_new(now=timezone.localtime())
        return redirect("complaints:complaint_submitted")
    if form.is_valid():
        try:
            complaint = complaint_submit(
                intake=form.intake(), attachments=form.cleaned_data["attachments"], now=timezone.now()
            )
        except UploadRejected as exc:
            form.add_error("attachments", exc.messages[0])
        except ComplaintInvalid as exc:
            # What the form cannot check itself is the application number (the attachment count it does).
            form.add_error(
                "application_number" if form.cleaned_data["application_number"] else None, exc.message
            )
        else:
            request.session[SUBMITTED_SESSION_KEY] = complaint.ticket
            return redirect("complaints:complaint_submitted")
    return _form_page(request, form, policy, reselect_files=bool(request.FILES))


def _form_page(request, form, policy, *, reselect_files: bool = False):
    return render(
        request,
        "complaints/public/complaint_form.html",
        {
            "form": form,
            "policy": policy,
            "challenge_field": CHALLENGE_FIELD,
            "honeypot_field": HONEYPOT_FIELD,
            "reselect_files": reselect_files,
        },
    )


@require_GET
@never_cache
def complaint_submitted(request):
    ticket = request.session.get(SUBMITTED_SESSION_KEY)
    if not ticket:
        return redirect("complaints:complaint_new")
    complaint = complaint_by_ticket(ticket=ticket)
    return render(
        request,
        "complaints/public/complaint_submitted.html",
        {"ticket": ticket, "complaint": complaint, "track_url": _track_url(ticket)},
    )


# --- Tracking -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicStep:
    label: str
    status_label: str
    at: datetime
    note: str


@dataclass(frozen=True)
class Tracking:
    complaint: Complaint
    steps: list[PublicStep]
    show_answer: bool
    can_rate: bool
    reopen_until: datetime | None

    @property
    def can_reopen(self) -> bool:
        return self.reopen_until is not None


def complaint_tracking(*, complaint: Complaint, now) -> Tracking:
    """What the tracking page may show of a complaint: nothing about who complained or who handled it."""
    logs = complaint.transitions.only("transition", "to_status", "reason", "created_at", "complaint_id")
    steps = [
        PublicStep(
            label=str(STEP_LABELS.get(log.transition, log.action_label)),
            status_label=log.to_label,
            at=log.created_at,
            note=log.reason if log.transition in STEPS_WITH_PUBLIC_REASON else "",
        )
        for log in logs
    ]
    reopen_until = None
    if complaint.status in ANSWERED and complaint.published_at:
        until = complaint.published_at + timedelta(days=ComplaintPolicy.current().reopen_days)
        reopen_until = until if now <= until else None
    return Tracking(
        complaint=complaint,
        steps=steps,
        show_answer=complaint.status in ANSWERED,
        can_rate=complaint.status == CS.DISAMPAIKAN,
        reopen_until=reopen_until,
    )


@require_GET
@never_cache
@ratelimit(key="ip", rate="30/m", block=False)
def complaint_track(request):
    ticket = request.GET.get("tiket", "").strip()[:40]
    limited = getattr(request, "limited", False)
    complaint = None if limited or not ticket else complaint_by_ticket(ticket=ticket)
    tracking = complaint_tracking(complaint=complaint, now=timezone.now()) if complaint else None
    context = {"ticket": ticket, "tracking": tracking, "searched": bool(ticket), "limited": limited}
    if tracking is not None:
        context["rating_form"] = RatingForm(initial={"ticket": complaint.ticket}, auto_id="nilai_%s")
        context["reopen_form"] = ReopenForm(initial={"ticket": complaint.ticket}, auto_id="buka_%s")
    return render(request, "complaints/public/complaint_track.html", context, status=429 if limited else 200)


def _complainant_action(request, form_class, action):
    """Shared by rating and reopening: validate, call one service, report through messages, go back."""
    if getattr(request, "limited", False):
        return _limited(request)
    form = form_class(request.POST)
    ticket = request.POST.get("ticket", "").strip()[:40]
    if not form.is_valid():
        first_error = next(iter(form.errors.values()))[0]
        messages.error(request, first_error)
        return redirect(_track_url(ticket)) if ticket else redirect("complaints:track")
    try:
        success = action(form.cleaned_data)
    except ComplaintInvalid as exc:
        messages.error(request, exc.message)
    except TransitionRefused:
        messages.error(request, _("Status tiket baru saja berubah. Periksa kembali lalu coba lagi."))
    else:
        messages.success(request, success)
    return redirect(_track_url(form.cleaned_data["ticket"]))


@require_POST
@ratelimit(key="ip", rate="10/h", method=["POST"], block=False)
def complaint_rate_view(request):
    def rate(data) -> str:
        complaint_rate(ticket=data["ticket"], rating=data["rating"], comment=data["comment"])
        return _("Terima kasih atas penilaian Anda. Pengaduan ini telah selesai.")

    return _complainant_action(request, RatingForm, rate)


@require_POST
@ratelimit(key="ip", rate="10/h", method=["POST"], block=False)
def complaint_reopen_view(request):
    def reopen(data) -> str:
        complaint_reopen(ticket=data["ticket"], reason=data["reason"])
        return _("Pengaduan dibuka kembali. Petugas akan menindaklanjuti alasan yang Anda sampaikan.")

    return _complainant_action(request, ReopenForm, reopen)
