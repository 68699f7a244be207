"""The leaders' dashboard (/petugas/dasbor/): Kepala Dinas, Kepala Bidang, Sekretaris and Administrator."""

from dataclasses import dataclass
from datetime import date

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from core.periods import quarter_range, year_range
from permits.models import PermitType

from .. import dashboard as reads
from .. import dashboard_glance
from ..calendar import office_calendar
from ..charts import Bar, horizontal_bar_chart, vertical_bar_chart

YEARS_SHOWN = 10
QUARTER_NAMES = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class DashboardPeriod:
    year: int
    quarter: int | None
    start: date
    end: date
    permit_type: PermitType | None

    @property
    def label(self) -> str:
        if self.quarter:
            return gettext("Triwulan %(quarter)s %(year)s") % {
                "quarter": QUARTER_NAMES[self.quarter],
                "year": self.year,
            }
        return gettext("Tahun %(year)s") % {"year": self.year}

    @property
    def permit_type_id(self) -> int | None:
        return self.permit_type.pk if self.permit_type else None


class DashboardFilterForm(forms.Form):
    """The period (a year, optionally one quarter of it) and an optional permit type. Every field is
    optional; an invalid one is reported and then ignored, so a mistyped URL still shows the dashboard."""

    tahun = forms.TypedChoiceField(label=_("Tahun"), coerce=int, required=False, empty_value=None)
    triwulan = forms.TypedChoiceField(
        label=_("Triwulan"),
        coerce=int,
        required=False,
        empty_value=None,
        choices=[
            ("", _("Setahun penuh")),
            (1, _("Triwulan I (Januari–Maret)")),
            (2, _("Triwulan II (April–Juni)")),
            (3, _("Triwulan III (Juli–September)")),
            (4, _("Triwulan IV (Oktober–Desember)")),
        ],
    )
    jenis = forms.ModelChoiceField(
        label=_("Jenis izin"),
        queryset=PermitType.objects.order_by("name"),
        required=False,
        empty_label=_("Semua jenis izin"),
    )

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["tahun"].choices = [
            (year, year) for year in range(today.year, today.year - YEARS_SHOWN, -1)
        ]

    def period(self) -> DashboardPeriod:
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        year = cleaned.get("tahun") or self.today.year
        quarter = cleaned.get("triwulan")
        start, end = quarter_range(year=year, quarter=quarter) if quarter else year_range(year=year)
        return DashboardPeriod(year, quarter, start, end, cleaned.get("jenis"))


def _issued_chart(months: list[reads.MonthCount], *, year: int) -> str:
    total = sum(month.count for month in months)
    busiest = max(months, key=lambda month: month.count)
    if total:
        desc = gettext(
            "Jumlah SK terbit tiap bulan pada tahun %(year)s, seluruhnya %(total)s; terbanyak pada bulan "
            "%(month)s (%(count)s). Angkanya ada pada tabel di bawah grafik."
        ) % {"year": year, "total": total, "month": busiest.label, "count": busiest.count}
    else:
        desc = gettext("Belum ada SK terbit pada tahun %(year)s.") % {"year": year}
    return vertical_bar_chart(
        chart_id="grafik-terbit-per-bulan",
        title=gettext("SK terbit per bulan, %(year)s") % {"year": year},
        desc=desc,
        bars=[Bar(label=month.label, value=month.count, text=str(month.count)) for month in months],
    )


def _median_chart(medians: list[reads.StageMedian], *, period: DashboardPeriod) -> str:
    measured = [stage for stage in medians if stage.stays]
    slowest = next((stage for stage in measured if stage.is_bottleneck), None)
    if slowest:
        desc = gettext(
            "Median hari kerja sebuah berkas berada di tiap tahap, %(period)s. Paling lama: %(stage)s, "
            "median %(days)s hari kerja. Angkanya ada pada tabel di bawah grafik."
        ) % {"period": period.label, "stage": slowest.label, "days": number_format(slowest.median, 1)}
    else:
        desc = gettext("Median hari kerja sebuah berkas berada di tiap tahap, %(period)s.") % {
            "period": period.label
        }
    return horizontal_bar_chart(
        chart_id="grafik-median-tahap",
        title=gettext("Median hari kerja per tahap, %(period)s") % {"period": period.label},
        desc=desc,
        bars=[
            Bar(
                label=str(stage.label),
                value=stage.median,
                text=number_format(stage.median, 1),
                highlight=stage.is_bottleneck,
            )
            for stage in measured
        ],
    )


@login_required
@require_GET
def dashboard(request):
    # Everyone else (applicants, the other officers) gets the answer for a page that does not exist.
    if not reads.can_view_dashboard(request.user):
        raise Http404
    today = timezone.localdate()
    form = DashboardFilterForm(request.GET, today=today)
    period = form.period()
    calendar = office_calendar()  # once per request: it reads the office and its closed days
    scope = {"start": period.start, "end": period.end, "permit_type_id": period.permit_type_id}
    on_time = reads.on_time_rate(**scope, calendar=calendar)
    medians = reads.median_days_per_stage(**scope, calendar=calendar)
    months = reads.issued_per_month(year=period.year, permit_type_id=period.permit_type_id)
    return render(
        request,
        "workflow/staff/dashboard.html",
        {
            "form": form,
            "period": period,
            "today": today,
            "stage_counts": reads.applications_by_stage_and_type(permit_type_id=period.permit_type_id),
            "on_time": on_time,
            "medians": [stage for stage in medians if stage.stays],
            "median_chart": _median_chart(medians, period=period),
            "months": months,
            "issued_chart": _issued_chart(months, year=period.year),
            "overdue": reads.overdue_list(
                today=today, permit_type_id=period.permit_type_id, calendar=calendar
            ),
            "complaints": dashboard_glance.complaints_glance(start=period.start, end=period.end, today=today),
            "ikm": dashboard_glance.ikm_glance(
                start=period.start, end=period.end, today=today, permit_type=period.permit_type
            ),
        },
    )
