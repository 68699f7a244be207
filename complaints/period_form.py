"""The year / period / custom date range filter shared by the complaint recap and the IKM report."""

from django import forms
from django.utils.translation import gettext_lazy as _

CUSTOM_PERIOD = "RENTANG"
MAX_CUSTOM_DAYS = 3 * 366


class PeriodRangeForm(forms.Form):
    """Subclasses declare `periode` (their choices, with CUSTOM_PERIOD for a custom range)."""

    field_order = ["tahun", "periode", "dari", "sampai"]

    tahun = forms.TypedChoiceField(label=_("Tahun"), coerce=int)
    dari = forms.DateField(
        label=_("Dari tanggal"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    sampai = forms.DateField(
        label=_("Sampai tanggal"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tahun"].choices = [(year, str(year)) for year in years]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("periode") == CUSTOM_PERIOD:
            start, end = cleaned.get("dari"), cleaned.get("sampai")
            if not start:
                self.add_error("dari", _("Isi tanggal awal."))
            if not end:
                self.add_error("sampai", _("Isi tanggal akhir."))
            if start and end and start > end:
                self.add_error("sampai", _("Tanggal akhir tidak boleh sebelum tanggal awal."))
            elif start and end and (end - start).days > MAX_CUSTOM_DAYS:
                self.add_error("sampai", _("Rentang paling panjang tiga tahun."))
        return cleaned
