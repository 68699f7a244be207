"""The pengaduan staff's pages: the queue, recording a complaint from another channel, one complaint with its
action forms, its attachments, and the recap with its exports."""

from dataclasses import replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.http import require_GET, require_http_methods

from core.downloads import private_file_response
from core.errors import NotFound
from core.exports import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, download
from permits.rules import may
from permits.upload_rejections import UploadRejected
from workflow.calendar import office_calendar
from workflow.runner import AlreadyProcessed, TransitionRefused, log_refusal

from . import services
from .models import Complaint
from .models import ComplaintStatus as CS
from .recap import complaint_recap, recap_csv, recap_sections, recap_xlsx
from .rules import available_actions
from .selectors import (
    action_label,
    attachment_get_for_staff,
    complaint_deadlines,
    complaint_get_for_staff,
    complaint_queue_for_user,
    complaint_queue_rows,
    identity_visible,
    latest_invalidation,
    may_oversee,
    status_counts_for_user,
    statuses_for_user,
)
from .staff_forms import (
    ACTION_FORMS,
    ComplaintQueueFilterForm,
    ComplaintRecordForm,
    RecapPeriod,
    RecapPeriodForm,
)

PAGE_SIZE = 25
ALREADY_PROCESSED = gettext_lazy("Pengaduan ini sudah diproses petugas lain. Tampilan telah diperbarui.")
NOT_PERMITTED = gettext_lazy("Anda tidak berwenang memproses pengaduan ini pada tahap ini.")

# Heading, button and what to say afterwards, per action (in the order the page shows them).
ACTION_TEXT = {
    "classify": (
        gettext_lazy("Klasifikasi"),
        gettext_lazy("Simpan klasifikasi"),
        gettext_lazy("Pengaduan diklasifikasikan."),
    ),
    "answer_directly": (
        gettext_lazy("Jawab langsung"),
        gettext_lazy("Sampaikan jawaban kepada pelapor"),
        gettext_lazy("Jawaban disampaikan kepada pelapor."),
    ),
    "dispose": (
        gettext_lazy("Disposisi ke bidang/OPD"),
        gettext_lazy("Disposisikan"),
        gettext_lazy("Pengaduan didisposisikan."),
    ),
    "submit_answer": (
        gettext_lazy("Jawaban bidang/OPD"),
        gettext_lazy("Kirim jawaban untuk divalidasi"),
        gettext_lazy("Jawaban dikirim kepada Kepala Bidang Pengaduan untuk divalidasi."),
    ),
    "validate": (
        gettext_lazy("Validasi jawaban"),
        gettext_lazy("Jawaban valid — sampaikan kepada pelapor"),
        gettext_lazy("Jawaban divalidasi dan disampaikan kepada pelapor."),
    ),
    "invalidate": (
        gettext_lazy("Jawaban belum valid"),
        gettext_lazy("Kembalikan ke bidang/OPD"),
        gettext_lazy("Jawaban dikembalikan ke bidang/OPD dengan catatan."),
    ),
    "close": (
        gettext_lazy("Tutup pengaduan"),
        gettext_lazy("Tutup pengaduan"),
        gettext_lazy("Pengaduan ditutup."),
    ),
}


def _require(request, permission: str) -> None:
    # Anyone else gets the same answer as for a page that does not exist.
    if not may(request.user, permission):
        raise Http404


def detail_url(pk: int) -> str:
    return reverse("complaints:staff_detail", kwargs={"pk": pk})


# --- queue -----------------------------------------------------------------------------------------------


@login_required
@require_GET
def staff_queue(request):
    _require(request, "complaints.view_complaints")
    user = request.user
    today = timezone.localdate()
    oversee = may_oversee(user)
    scope = request.GET.get("cakupan", "") if oversee else ""
    form = ComplaintQueueFilterForm(
        request.GET, statuses=statuses_for_user(user, scope=scope or "saya"), may_oversee=oversee
    )
    filters = form.filters()
    page = Paginator(complaint_queue_for_user(user=user, filters=filters, today=today), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    calendar = office_calendar()  # once per request: it reads the office and its closed days
    rows = [
        replace(row, detail_url=detail_url(row.complaint.pk))
        for row in complaint_queue_rows(complaints=page.object_list, calendar=calendar, today=today)
    ]
    status_counts = status_counts_for_user(user=user, scope=filters.scope)
    return render(
        request,
        "complaints/staff/queue.html",
        {
            "form": form,
            "filters": filters,
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            "rows": rows,
            "status_counts": status_counts,
            "total_count": sum(count for _, _, count in status_counts),
            "can_record": may(user, "complaints.record_complaint"),
            "can_read_recap": may(user, "complaints.view_recap"),
            "today": today,
        },
    )


# --- recording a complaint from another channel ------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def staff_record(request):
    _require(request, "complaints.record_complaint")
    if request.method == "POST":
        form = ComplaintRecordForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                complaint = services.complaint_submit(
                    intake=form.intake(),
                    attachments=form.cleaned_data["attachments"],
                    recorded_by=request.user,
                )
            except services.ComplaintInvalid as exc:
                form.add_error(None, exc.message)
            except UploadRejected as exc:
                form.add_error("attachments", exc.messages[0])
            else:
                messages.success(
                    request,
                    _("Pengaduan dicatat dengan nomor tiket %(ticket)s.") % {"ticket": complaint.ticket},
                )
                return redirect("complaints:staff_detail", pk=complaint.pk)
        return render(request, "complaints/staff/record.html", {"form": form}, status=400)
    return render(request, "complaints/staff/record.html", {"form": ComplaintRecordForm()})


# --- one complaint ---------------------------------------------------------------------------------------


class StaffComplaintMixin(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        try:
            self.complaint = complaint_get_for_staff(user=request.user, pk=kwargs["pk"])
        except NotFound as exc:
            raise Http404 from exc
        return super().dispatch(request, *args, **kwargs)


def _initial(action: str, complaint: Complaint) -> dict:
    initial = {"expected_status": complaint.status}
    if action == "classify":
        initial.update(
            kind=complaint.kind, permit_type=complaint.permit_type_id, component=complaint.component
        )
    elif action == "submit_answer" and complaint.answer:
        initial["answer"] = complaint.answer  # sent back as not valid: the bidang revises its answer
    elif action == "dispose" and complaint.outcome:
        initial["outcome"] = complaint.outcome
    return initial


def render_detail(request, complaint: Complaint, *, bound=None, status: int = 200):
    """The complaint page; `bound` is the one action form that failed, shown with its errors."""
    user = request.user
    actions = available_actions(user=user, complaint=complaint)
    action_forms = []
    for action in actions:
        if bound is not None and bound.action == action:
            form = bound
        else:
            form = ACTION_FORMS[action](initial=_initial(action, complaint), action=action)
        form.action = action
        heading, button, _done = ACTION_TEXT[action]
        action_forms.append(
            {
                "action": action,
                "form": form,
                "heading": heading,
                "button": button,
                "url": reverse("complaints:staff_action", kwargs={"pk": complaint.pk, "action": action}),
                "danger": action == "invalidate",
            }
        )
    acknowledge, answer = complaint_deadlines(
        complaint=complaint, calendar=office_calendar(), today=timezone.localdate()
    )
    return render(
        request,
        "complaints/staff/detail.html",
        {
            "complaint": complaint,
            "show_identity": identity_visible(user=user, complaint=complaint),
            "attachments": list(complaint.attachments.all()),
            "timeline": [(log, action_label(log)) for log in complaint.transitions.all()],
            "invalidation": latest_invalidation(complaint),
            "action_forms": action_forms,
            "acknowledge": acknowledge,
            "answer_deadline": answer,
            "answered": complaint.status in (CS.DIJAWAB, CS.DISAMPAIKAN, CS.SELESAI) and complaint.answer,
        },
        status=status,
    )


class StaffComplaintDetailView(StaffComplaintMixin, View):
    def get(self, request, pk):
        return render_detail(request, self.complaint)


class StaffComplaintActionView(StaffComplaintMixin, View):
    def post(self, request, pk, action):
        if action not in ACTION_FORMS:
            raise Http404
        complaint = self.complaint
        expected = request.POST.get("expected_status", "")
        if expected != complaint.status:
            messages.warning(request, ALREADY_PROCESSED)
            return redirect("complaints:staff_detail", pk=pk)
        if action not in available_actions(user=request.user, complaint=complaint):
            # Not this officer's step: refused, logged (ids only), and answered plainly.
            log_refusal("not_permitted", request.user, complaint, action, expected)
            messages.error(request, NOT_PERMITTED)
            return redirect("complaints:staff_detail", pk=pk)
        form = ACTION_FORMS[action](request.POST, action=action)
        form.action = action
        if not form.is_valid():
            return render_detail(request, complaint, bound=form, status=400)
        try:
            done = self._run(action, form.cleaned_data, expected=expected)
        except services.ComplaintInvalid as exc:
            form.add_error(None, exc.message)
            fresh = complaint_get_for_staff(user=request.user, pk=pk)
            return render_detail(request, fresh, bound=form, status=400)
        except AlreadyProcessed:
            messages.warning(request, ALREADY_PROCESSED)
            return redirect("complaints:staff_detail", pk=pk)
        except TransitionRefused:
            # The runner has logged the refusal.
            messages.error(request, NOT_PERMITTED)
            return redirect("complaints:staff_detail", pk=pk)
        messages.success(request, done)
        return redirect("complaints:staff_detail", pk=pk)

    def _run(self, action: str, data: dict, *, expected: str) -> str:
        """Calls the action's service; returns what to tell the officer. Raises the services' errors."""
        common = {"complaint_id": self.complaint.pk, "expected_status": expected, "by": self.request.user}
        done = ACTION_TEXT[action][2]
        if action == "classify":
            answer = data.get("answer", "").strip()
            # Classified and, when the operator can answer it at once, answered: both or neither.
            with transaction.atomic():
                services.complaint_classify(
                    **common,
                    kind=data["kind"],
                    component=data["component"],
                    permit_type=data["permit_type"],
                    note=data["note"],
                )
                if answer:
                    services.complaint_answer_directly(
                        **{**common, "expected_status": CS.DIKLASIFIKASI}, answer=answer
                    )
                    done = ACTION_TEXT["answer_directly"][2]
        elif action == "answer_directly":
            services.complaint_answer_directly(**common, answer=data["answer"])
        elif action == "dispose":
            services.complaint_dispose(
                **common, unit=data["disposed_to"], outcome=data["outcome"], note=data["note"]
            )
        elif action == "submit_answer":
            services.complaint_submit_answer(**common, answer=data["answer"])
        elif action == "validate":
            services.complaint_validate(**common)
        elif action == "invalidate":
            services.complaint_invalidate(**common, note=data["note"])
        elif action == "close":
            services.complaint_close(**common)
        return str(done)


@login_required
@require_GET
def staff_attachment(request, pk, attachment_pk):
    try:
        attachment = attachment_get_for_staff(user=request.user, complaint_pk=pk, attachment_pk=attachment_pk)
    except NotFound as exc:
        raise Http404 from exc
    return private_file_response(
        attachment.file, filename=attachment.display_name, content_type=attachment.content_type
    )


# --- recap -----------------------------------------------------------------------------------------------


def _recap_years(today) -> list[int]:
    years = {moment.year for moment in Complaint.objects.dates("received_at", "year")}
    return sorted({*years, today.year}, reverse=True)


@login_required
@require_GET
def staff_recap(request):
    _require(request, "complaints.view_recap")
    today = timezone.localdate()
    data = request.GET.copy()
    data.setdefault("tahun", str(today.year))
    data.setdefault("periode", RecapPeriod.YEAR)
    form = RecapPeriodForm(data, years=_recap_years(today))
    period = form.period()
    recap = complaint_recap(start=period[0], end=period[1], today=today) if period else None

    export = request.GET.get("format")
    if recap is not None and export in ("csv", "xlsx"):
        stem = f"rekap-pengaduan-{recap.start.isoformat()}-{recap.end.isoformat()}"
        if export == "csv":
            return download(recap_csv(recap), content_type=CSV_CONTENT_TYPE, filename=f"{stem}.csv")
        return download(recap_xlsx(recap), content_type=XLSX_CONTENT_TYPE, filename=f"{stem}.xlsx")
    return render(
        request,
        "complaints/staff/recap.html",
        {
            "form": form,
            "recap": recap,
            "sections": recap_sections(recap) if recap else [],
        },
        status=200 if recap is not None else 400,
    )
