from django import forms
from django.utils.translation import gettext_lazy as _

from permits.models import ApplicationStatus, PermitType

from ..selectors import DEFAULT_SORT, QueueFilters

SORT_CHOICES = [
    ("due", _("Batas waktu terdekat")),
    ("-due", _("Batas waktu terjauh")),
    ("waiting", _("Paling lama menunggu di tahap ini")),
    ("submitted", _("Diajukan paling awal")),
    ("-submitted", _("Diajukan paling akhir")),
    ("number", _("Nomor permohonan")),
]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        # The browser's date picker sends and expects ISO dates whatever the page's language.
        super().__init__(format="%Y-%m-%d", **kwargs)


class QueueFilterForm(forms.Form):
    """The queue's GET filters. Every field is optional; an invalid one is reported and then ignored, so a
    mistyped URL still shows the queue."""

    tahap = forms.ChoiceField(label=_("Tahap"), required=False)
    jenis = forms.ModelChoiceField(
        label=_("Jenis izin"),
        queryset=PermitType.objects.order_by("name"),
        required=False,
        empty_label=_("Semua jenis izin"),
    )
    dari = forms.DateField(label=_("Diajukan dari"), required=False, widget=DateInput())
    sampai = forms.DateField(label=_("Diajukan sampai"), required=False, widget=DateInput())
    q = forms.CharField(
        label=_("Cari nomor atau nama pemohon"),
        required=False,
        max_length=100,
        widget=forms.SearchInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    terlambat = forms.BooleanField(label=_("Hanya yang terlambat"), required=False)
    urut = forms.ChoiceField(label=_("Urutkan"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args, stages: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tahap"].choices = [("", _("Semua tahap saya"))] + [
            (stage, ApplicationStatus(stage).label) for stage in stages
        ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("dari"), cleaned.get("sampai")
        if start and end and start > end:
            self.add_error("sampai", _("Tanggal akhir tidak boleh sebelum tanggal awal."))
        return cleaned

    def filters(self) -> QueueFilters:
        """The valid part of the input as QueueFilters (invalid fields are left out of cleaned_data)."""
        self.is_valid()
        data = self.cleaned_data
        permit_type = data.get("jenis")
        return QueueFilters(
            permit_type_id=permit_type.pk if permit_type else None,
            submitted_from=data.get("dari"),
            submitted_to=data.get("sampai"),
            overdue_only=bool(data.get("terlambat")),
            q=data.get("q") or "",
            sort=data.get("urut") or DEFAULT_SORT,
            stage=data.get("tahap") or None,
        )

    @property
    def has_filters(self) -> bool:
        """Whether anything narrows the list (sorting does not)."""
        f = self.filters()
        return bool(f.permit_type_id or f.submitted_from or f.submitted_to or f.overdue_only or f.q)
