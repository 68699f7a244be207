"""The register of issued letter numbers (register nomor surat): a paginated page and CSV / XLSX exports."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from core.exports import (
    CSV_CONTENT_TYPE,
    XLSX_CONTENT_TYPE,
    csv_text,
    download,
    workbook_bytes,
    xlsx_cell,
)
from permits.rules import may

from ..models import NumberSeries
from ..numbering import RegisterRow, issued_numbers_for_register, register_row, register_years

PAGE_SIZE = 50


class RegisterFilterForm(forms.Form):
    seri = forms.ModelChoiceField(
        queryset=NumberSeries.objects.order_by("name", "pk"),
        required=False,
        empty_label=gettext_lazy("Semua seri"),
        label=gettext_lazy("Seri nomor"),
    )
    tahun = forms.TypedChoiceField(coerce=int, required=False, empty_value=None, label=gettext_lazy("Tahun"))

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tahun"].choices = [("", _("Semua tahun")), *((year, str(year)) for year in years)]

    def value(self, name: str):
        """The cleaned value of a valid field; None for a missing or invalid one (the filter is dropped)."""
        return getattr(self, "cleaned_data", {}).get(name)


def _headers() -> list[str]:
    return [_("Nomor surat"), _("Tanggal"), _("Nomor permohonan"), _("Jenis izin"), _("Nama pemegang izin")]


def _cells(row: RegisterRow) -> list:
    return [row.number, row.issued_on, row.application_number, row.permit_type, row.holder_name]


@login_required
@require_GET
def number_register(request):
    # Officers without the register and applicants get the same answer as for a page that does not exist.
    if not may(request.user, "signing.view_register"):
        raise Http404
    today = timezone.localdate()
    data = request.GET.copy()
    data.setdefault("tahun", str(today.year))
    years = register_years()
    if today.year not in years:
        years = sorted({*years, today.year}, reverse=True)
    form = RegisterFilterForm(data, years=years)
    form.is_valid()
    series, year = form.value("seri"), form.value("tahun")
    issued = issued_numbers_for_register(series_id=series.pk if series else None, year=year)
    file_stem = f"register-nomor-{series.pk if series else 'semua'}-{year or 'semua'}"

    export = request.GET.get("format")
    if export == "csv":
        return _csv_response(issued, filename=f"{file_stem}.csv")
    if export == "xlsx":
        return _xlsx_response(issued, filename=f"{file_stem}.xlsx")

    page = Paginator(issued, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "signing/staff/register.html",
        {
            "form": form,
            "series": series,
            "year": year,
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            "rows": [register_row(issued_number) for issued_number in page.object_list],
        },
    )


def _csv_response(issued, *, filename: str) -> HttpResponse:
    rows = [_headers(), *(_cells(register_row(n)) for n in issued.iterator(chunk_size=500))]
    return download(csv_text(rows), content_type=CSV_CONTENT_TYPE, filename=filename)


def _xlsx_response(issued, *, filename: str) -> HttpResponse:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Register nomor")
    for column, header in enumerate(_headers(), start=1):
        xlsx_cell(sheet, row=1, column=column, value=header, bold=True)
    row_number = 1
    for row_number, issued_number in enumerate(issued.iterator(chunk_size=500), start=2):
        for column, value in enumerate(_cells(register_row(issued_number)), start=1):
            xlsx_cell(sheet, row=row_number, column=column, value=value)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:E{row_number}"
    for letter, width in zip("ABCDE", (42, 12, 24, 48, 36), strict=True):
        sheet.column_dimensions[letter].width = width
    return download(workbook_bytes(workbook), content_type=XLSX_CONTENT_TYPE, filename=filename)
