"""The satisfaction survey: the public kiosk form, the applicant's form after the SK, and the IKM report."""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.decorators import ratelimit

from core.errors import NotFound
from core.exports import (
    CSV_CONTENT_TYPE,
    XLSX_CONTENT_TYPE,
    csv_text,
    download,
    percent,
    workbook_bytes,
    xlsx_cell,
)
from core.periods import year_range
from permits.selectors import application_get_for_applicant

from .ikm import (
    PROFILE_FIELDS,
    IkmReport,
    PermitTypeIndex,
    ikm_by_permit_type,
    ikm_report,
    survey_years,
)
from .survey_forms import HONEYPOT_FIELD, IkmReportFilterForm, KioskSurveyForm, PeriodKind, SurveyForm
from .survey_models import SurveyChannel
from .survey_services import (
    SurveyAlreadySubmitted,
    SurveyNotAvailable,
    reads_ikm_report,
    survey_already_submitted,
    survey_offer_for,
    survey_submit,
)

FORM_TEMPLATE = "complaints/public/survey_form.html"
KIOSK_MARK = "kios"
GRADE_CSS = {"A": "success", "B": "primary", "C": "warning", "D": "danger"}


def kiosk_rate(group, request) -> str:
    # A kiosk tablet sends every visitor's answers from one address: offices with a busy kiosk raise this.
    # A kiosk tablet sends every walk-in respondent from one address: the default leaves room for a busy day.
    return getattr(settings, "PINTU_SURVEY_RATE", "60/h")


def _already_done(request, application):
    messages.info(request, _("Survei untuk permohonan ini sudah diisi. Terima kasih."))
    return redirect(application)


def _thanks_url(*, kiosk: bool) -> str:
    url = reverse("complaints:survey_thanks")
    return f"{url}?dari={KIOSK_MARK}" if kiosk else url


# --- Respondents ---------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@never_cache
@ratelimit(key="ip", rate=kiosk_rate, method=["POST"], block=False)
def survey_kiosk(request):
    status = 200
    limited = request.method == "POST" and getattr(request, "limited", False)
    if request.method != "POST":
        form = KioskSurveyForm()
    elif limited:
        form, status = KioskSurveyForm(request.POST), 429  # keep the answers: they may try again later
    elif request.POST.get(HONEYPOT_FIELD):
        return redirect(_thanks_url(kiosk=True))
    else:
        form = KioskSurveyForm(request.POST)
        if form.is_valid():
            survey_submit(cleaned_data=form.cleaned_data, channel=SurveyChannel.KIOSK)
            return redirect(_thanks_url(kiosk=True))
        status = 400
    return render(request, FORM_TEMPLATE, {"form": form, "kiosk": True, "limited": limited}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def survey_for_application(request, pk: int):
    try:
        application = application_get_for_applicant(user=request.user, pk=pk)
    except NotFound as exc:
        raise Http404 from exc
    if survey_already_submitted(application=application):
        return _already_done(request, application)
    if not survey_offer_for(user=request.user, application=application):
        raise Http404

    status = 200
    if request.method != "POST":
        form = SurveyForm()
    elif request.POST.get(HONEYPOT_FIELD):
        return redirect(_thanks_url(kiosk=False))
    else:
        form = SurveyForm(request.POST)
        if form.is_valid():
            try:
                survey_submit(
                    cleaned_data=form.cleaned_data, channel=SurveyChannel.ONLINE, application=application
                )
            except SurveyAlreadySubmitted:
                return _already_done(request, application)
            except SurveyNotAvailable as exc:
                raise Http404 from exc
            return redirect(_thanks_url(kiosk=False))
        status = 400
    return render(
        request, FORM_TEMPLATE, {"form": form, "kiosk": False, "application": application}, status=status
    )


@require_GET
def survey_thanks(request):
    return render(
        request, "complaints/public/survey_thanks.html", {"kiosk": request.GET.get("dari") == KIOSK_MARK}
    )


# --- The IKM report ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartBar:
    key: str
    label: str
    nrr: Decimal
    converted: Decimal
    label_y: str
    bar_y: str
    width: str
    value_x: str
    value_y: str


@dataclass(frozen=True)
class Chart:
    bars: list[ChartBar]
    height: str
    grid: list[tuple[str, str]]  # (x, scale label)
    axis_y: str
    axis_label_y: str


CHART_BAR_AREA = 400  # viewBox units for a score of 4
CHART_ROW = 46
CHART_TOP = 4


def _coordinate(value) -> str:
    # Coordinates are plain strings: the template must never localise them into "3,5".
    return f"{value:.1f}"


def ikm_chart(report: IkmReport) -> Chart:
    """A horizontal bar per answered element (NRR on the 1–4 scale), as numbers for an inline SVG."""
    bars = []
    for row, element in enumerate(report.answered_elements):
        top = CHART_TOP + row * CHART_ROW
        width = element.nrr_exact / 4 * CHART_BAR_AREA
        bars.append(
            ChartBar(
                key=element.key,
                label=str(element.label),
                nrr=element.nrr_display,
                converted=element.converted,
                label_y=_coordinate(top + 14),
                bar_y=_coordinate(top + 20),
                width=_coordinate(float(width)),
                value_x=_coordinate(float(width) + 6),
                value_y=_coordinate(top + 35),
            )
        )
    axis_y = CHART_TOP + len(bars) * CHART_ROW
    grid = [(_coordinate(step / 4 * CHART_BAR_AREA), str(step)) for step in range(5)]
    return Chart(
        bars=bars,
        height=_coordinate(axis_y + 22),
        grid=grid,
        axis_y=_coordinate(axis_y),
        axis_label_y=_coordinate(axis_y + 16),
    )


def _profile_sections(report: IkmReport) -> list[dict]:
    return [
        {
            "name": name,
            "label": label,
            "rows": [
                (row.label, row.count, percent(row.count, report.respondents)) for row in report.profile[name]
            ],
        }
        for name, (label, _choices) in PROFILE_FIELDS.items()
    ]


@login_required
@require_GET
def ikm_report_view(request):
    # Officers without the report and applicants get the same answer as for a page that does not exist.
    if not reads_ikm_report(request.user):
        raise Http404
    today = timezone.localdate()
    data = request.GET.copy()
    data.setdefault("tahun", str(today.year))
    data.setdefault("periode", PeriodKind.YEAR)
    form = IkmReportFilterForm(data, years=survey_years(today=today))
    if form.is_valid():
        (start, end), permit_type = form.period(), form.cleaned_data["jenis_izin"]
    else:
        (start, end), permit_type = year_range(year=today.year), None
    report = ikm_report(start=start, end=end, permit_type=permit_type)
    by_permit_type = ikm_by_permit_type(start=start, end=end)

    file_stem = f"ikm-{start:%Y%m%d}-{end:%Y%m%d}" + (f"-{permit_type.code.lower()}" if permit_type else "")
    export = request.GET.get("format")
    if export == "csv":
        return _csv_response(report, by_permit_type, filename=f"{file_stem}.csv")
    if export == "xlsx":
        return _xlsx_response(report, by_permit_type, filename=f"{file_stem}.xlsx")

    query = data.copy()
    query.pop("format", None)
    return render(
        request,
        "complaints/staff/ikm_report.html",
        {
            "form": form,
            "report": report,
            "by_permit_type": by_permit_type,
            "chart": ikm_chart(report),
            "grade_css": GRADE_CSS.get(report.grade.letter, "secondary") if report.grade else "secondary",
            "profile_sections": _profile_sections(report),
            "export_query": query.urlencode(),
        },
    )


# --- Exports -------------------------------------------------------------------------------------------


def _export_sections(
    report: IkmReport, by_permit_type: list[PermitTypeIndex]
) -> list[tuple[str, list[list]]]:
    """The report as titled tables of plain values (numbers stay numbers), shared by CSV and XLSX."""
    grade = f"{report.grade.letter} ({report.grade.label})" if report.grade else "—"
    summary = [
        [_("Periode"), f"{report.start:%d-%m-%Y} s.d. {report.end:%d-%m-%Y}"],
        [_("Jenis layanan"), report.permit_type.name if report.permit_type else _("Semua layanan")],
        [_("Jumlah responden"), report.respondents],
        [_("Indeks Kepuasan Masyarakat (IKM)"), report.index],
        [_("Mutu pelayanan"), grade],
    ]
    elements = [[_("Kode"), _("Unsur pelayanan"), _("Responden"), _("Jumlah nilai"), _("NRR"), _("NRR × 25")]]
    elements += [
        [e.key, str(e.label), e.respondents, e.total, e.nrr_display, e.converted] for e in report.elements
    ]
    per_type = [[_("Jenis layanan"), _("Responden"), _("IKM"), _("Mutu")]]
    per_type += [
        [row.name, row.respondents, row.index, row.grade.letter if row.grade else ""]
        for row in by_permit_type
    ]
    profile = [[_("Karakteristik"), _("Kategori"), _("Jumlah"), _("Persen")]]
    for section in _profile_sections(report):
        profile += [[str(section["label"]), str(label), count, pct] for label, count, pct in section["rows"]]
    suggestions = [[_("Tanggal"), _("Jenis layanan"), _("Saran dan masukan")]]
    suggestions += [[s.submitted_on, s.permit_type, s.text] for s in report.suggestions]
    return [
        (_("Ringkasan"), summary),
        (_("Nilai per unsur"), elements),
        (_("IKM per jenis layanan"), per_type),
        (_("Profil responden"), profile),
        (_("Saran dan masukan"), suggestions),
    ]


def _csv_response(report, by_permit_type, *, filename: str) -> HttpResponse:
    rows: list[list] = []
    for number, (title, section) in enumerate(_export_sections(report, by_permit_type)):
        if number:
            rows.append([])
        rows += [[title], *section]
    return download(csv_text(rows), content_type=CSV_CONTENT_TYPE, filename=filename)


def _xlsx_response(report, by_permit_type, *, filename: str) -> HttpResponse:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for number, (title, rows) in enumerate(_export_sections(report, by_permit_type)):
        sheet = workbook.create_sheet(title=title[:31])
        for row_number, row in enumerate(rows, start=1):
            for column, value in enumerate(row, start=1):
                # Every table but the summary has a header row.
                xlsx_cell(
                    sheet, row=row_number, column=column, value=value, bold=row_number == 1 and number > 0
                )
        if number:
            sheet.freeze_panes = "A2"
        for letter, width in zip("ABCDEF", (34, 44, 14, 14, 12, 12), strict=True):
            sheet.column_dimensions[letter].width = width
    return download(workbook_bytes(workbook), content_type=XLSX_CONTENT_TYPE, filename=filename)
