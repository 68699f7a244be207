"""Forms of the pengaduan staff: the queue's filters, recording a complaint from another channel, one form per
lifecycle action, and the recap's period."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from core.periods import MONTH_NAMES, month_range, quarter_range, year_range
from permits.models import PermitType
from permits.models.catalog import ServiceComponent

from .models import Channel, ComplaintKind, ComplaintUnit, Outcome
from .models import ComplaintStatus as CS
from .period_form import CUSTOM_PERIOD, PeriodRangeForm
from .selectors import DEFAULT_SORT, SCOPE_ALL, SCOPE_MINE, ComplaintQueueFilters
from .services import MAX_ATTACHMENTS, Intake

SORT_CHOICES = [
    ("due", _("Batas jawaban terdekat")),
    ("received", _("Diterima paling awal")),
    ("-received", _("Diterima paling akhir")),
    ("ticket", _("Nomor tiket")),
]
STAFF_CHANNELS = [(value, label) for value, label in Channel.choices if value != Channel.WEB]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        # The browser's date picker sends and expects ISO dates whatever the page's language.
        super().__init__(format="%Y-%m-%d", **kwargs)


def _component_choices(empty_label):
    return [("", empty_label), *ServiceComponent.choices]


# --- the queue ----------------------------------------------------------------------------------------


class ComplaintQueueFilterForm(forms.Form):
    """GET filters; every field optional. An invalid one is reported and ignored, so the queue still shows."""

    q = forms.CharField(
        label=_("Cari nomor tiket atau nomor SP4N-LAPOR!"),
        required=False,
        max_length=60,
        widget=forms.SearchInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    jenis = forms.ChoiceField(
        label=_("Ditangani sebagai"), required=False, choices=[("", _("Semua jenis")), *ComplaintKind.choices]
    )
    saluran = forms.ChoiceField(
        label=_("Saluran"), required=False, choices=[("", _("Semua saluran")), *Channel.choices]
    )
    layanan = forms.ModelChoiceField(
        label=_("Layanan"),
        queryset=PermitType.objects.order_by("name"),
        required=False,
        empty_label=_("Semua layanan"),
    )
    terlambat = forms.BooleanField(label=_("Hanya yang terlambat"), required=False)
    cakupan = forms.ChoiceField(
        label=_("Cakupan"),
        required=False,
        choices=[(SCOPE_MINE, _("Antrean saya")), (SCOPE_ALL, _("Semua pengaduan (pengawasan)"))],
    )
    urut = forms.ChoiceField(label=_("Urutkan"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args, statuses: list[str], may_oversee: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("Semua status")), *((s, CS(s).label) for s in statuses)]
        if not may_oversee:
            del self.fields["cakupan"]

    def filters(self) -> ComplaintQueueFilters:
        self.is_valid()
        data = self.cleaned_data
        permit_type = data.get("layanan")
        return ComplaintQueueFilters(
            status=data.get("status") or "",
            kind=data.get("jenis") or "",
            channel=data.get("saluran") or "",
            permit_type_id=permit_type.pk if permit_type else None,
            overdue_only=bool(data.get("terlambat")),
            q=data.get("q") or "",
            scope=data.get("cakupan") or SCOPE_MINE,
            sort=data.get("urut") or DEFAULT_SORT,
        )

    @property
    def has_filters(self) -> bool:
        """Whether anything narrows the list (sorting and scope do not)."""
        f = self.filters()
        return bool(f.status or f.kind or f.channel or f.permit_type_id or f.overdue_only or f.q)


# --- recording a complaint from another channel -------------------------------------------------------------


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        items = data if isinstance(data, list | tuple) else ([data] if data else [])
        single = super().clean
        return [single(item, initial) for item in items if item]


class ComplaintRecordForm(forms.Form):
    channel = forms.ChoiceField(label=_("Saluran"), choices=[("", _("Pilih saluran")), *STAFF_CHANNELS])
    lapor_id = forms.CharField(
        label=_("Nomor tiket SP4N-LAPOR!"),
        required=False,
        max_length=40,
        help_text=_("Wajib bila pengaduan diteruskan dari SP4N-LAPOR!."),
    )
    kind = forms.ChoiceField(label=_("Jenis"), choices=ComplaintKind.choices, initial=ComplaintKind.PENGADUAN)
    description = forms.CharField(
        label=_("Uraian pengaduan / pertanyaan"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )
    permit_type = forms.ModelChoiceField(
        label=_("Layanan yang diadukan"),
        queryset=PermitType.objects.order_by("name"),
        required=False,
        empty_label=_("Tidak terkait layanan tertentu"),
    )
    application_number = forms.CharField(label=_("Nomor permohonan terkait"), required=False, max_length=40)
    component = forms.TypedChoiceField(
        label=_("Komponen standar pelayanan"),
        choices=_component_choices(_("Belum diketahui")),
        coerce=int,
        empty_value=None,
        required=False,
    )
    service_received_on = forms.DateField(
        label=_("Tanggal menerima layanan"), required=False, widget=DateInput()
    )
    name = forms.CharField(label=_("Nama pelapor"), required=False, max_length=150)
    email = forms.EmailField(label=_("E-mail pelapor"), required=False)
    phone = forms.CharField(label=_("Telepon pelapor"), required=False, max_length=20)
    is_confidential = forms.BooleanField(
        label=_("Rahasiakan identitas pelapor"),
        required=False,
        help_text=_("Identitas hanya terlihat oleh petugas pengaduan."),
    )
    attachments = MultipleFileField(
        label=_("Lampiran"),
        required=False,
        help_text=_("PDF, JPG atau PNG, paling banyak %(n)s berkas @ 5 MB.") % {"n": MAX_ATTACHMENTS},
    )

    def clean_lapor_id(self):
        return " ".join(self.cleaned_data["lapor_id"].split())

    def clean_attachments(self):
        files = self.cleaned_data["attachments"]
        if len(files) > MAX_ATTACHMENTS:
            raise forms.ValidationError(_("Lampiran paling banyak %(n)s berkas.") % {"n": MAX_ATTACHMENTS})
        return files

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("channel") == Channel.LAPOR and not cleaned.get("lapor_id"):
            self.add_error("lapor_id", _("Isi nomor tiket SP4N-LAPOR! untuk pengaduan dari SP4N-LAPOR!."))
        return cleaned

    def intake(self) -> Intake:
        data = self.cleaned_data
        return Intake(
            kind=data["kind"],
            description=data["description"],
            permit_type=data["permit_type"],
            application_number=data["application_number"],
            component=data["component"],
            service_received_on=data["service_received_on"],
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            is_confidential=data["is_confidential"],
            channel=data["channel"],
            # A LAPOR! id means nothing on a complaint that came by another channel.
            lapor_id=data["lapor_id"] if data["channel"] == Channel.LAPOR else "",
        )


# --- one form per lifecycle action ----------------------------------------------------------------------


class ActionForm(forms.Form):
    expected_status = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, action: str, **kwargs):
        # Several action forms share a page: their ids must not collide.
        kwargs.setdefault("auto_id", f"id_{action}_%s")
        super().__init__(*args, **kwargs)


class ClassifyForm(ActionForm):
    kind = forms.ChoiceField(label=_("Jenis"), choices=ComplaintKind.choices)
    permit_type = forms.ModelChoiceField(
        label=_("Layanan"),
        queryset=PermitType.objects.order_by("name"),
        required=False,
        empty_label=_("Lainnya / tidak terkait layanan tertentu"),
    )
    component = forms.TypedChoiceField(
        label=_("Komponen standar pelayanan yang diadukan"),
        choices=_component_choices(_("Tidak terkait komponen tertentu")),
        coerce=int,
        empty_value=None,
        required=False,
    )
    note = forms.CharField(
        label=_("Catatan klasifikasi"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    answer = forms.CharField(
        label=_("Jawab langsung (bila operator dapat menjawab)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Kosongkan bila pengaduan perlu didisposisikan oleh Kepala Bidang Pengaduan. Bila diisi, "
            "jawaban langsung disampaikan kepada pelapor."
        ),
    )


class AnswerDirectlyForm(ActionForm):
    answer = forms.CharField(
        label=_("Jawaban untuk pelapor"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )


class DisposeForm(ActionForm):
    # One of the office's units (configured in the admin, with their members): only that unit's Bidang
    # Terkait accounts see the complaint. The value sent is the unit's name.
    disposed_to = forms.ModelChoiceField(
        label=_("Didisposisikan kepada (bidang/OPD)"),
        queryset=ComplaintUnit.objects.filter(is_active=True).order_by("name"),
        to_field_name="name",
        empty_label=_("Pilih bidang/OPD"),
        error_messages={"invalid_choice": _("Pilih bidang atau OPD dari daftar.")},
    )
    outcome = forms.ChoiceField(
        label=_("Kategori penyelesaian"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Arahan disposisi"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class SubmitAnswerForm(ActionForm):
    answer = forms.CharField(
        label=_("Jawaban bidang/OPD"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )


class ValidateForm(ActionForm):
    pass


class InvalidateForm(ActionForm):
    note = forms.CharField(
        label=_("Catatan: mengapa jawaban belum valid"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CloseForm(ActionForm):
    pass


ACTION_FORMS: dict[str, type[ActionForm]] = {
    "classify": ClassifyForm,
    "answer_directly": AnswerDirectlyForm,
    "dispose": DisposeForm,
    "submit_answer": SubmitAnswerForm,
    "validate": ValidateForm,
    "invalidate": InvalidateForm,
    "close": CloseForm,
}


# --- the recap's period ----------------------------------------------------------------------------------


class RecapPeriod:
    YEAR = "TAHUN"
    CUSTOM = CUSTOM_PERIOD
    QUARTERS = {"T1": 1, "T2": 2, "T3": 3, "T4": 4}
    MONTHS = {f"B{month:02d}": month for month in range(1, 13)}


PERIOD_CHOICES = [
    (RecapPeriod.YEAR, _("Setahun penuh")),
    ("T1", _("Triwulan I (Januari–Maret)")),
    ("T2", _("Triwulan II (April–Juni)")),
    ("T3", _("Triwulan III (Juli–September)")),
    ("T4", _("Triwulan IV (Oktober–Desember)")),
    *((key, MONTH_NAMES[month - 1]) for key, month in RecapPeriod.MONTHS.items()),
    (RecapPeriod.CUSTOM, _("Rentang tanggal sendiri")),
]


class RecapPeriodForm(PeriodRangeForm):
    periode = forms.ChoiceField(label=_("Periode"), choices=PERIOD_CHOICES)

    def period(self) -> tuple[date, date] | None:
        """The chosen (start, end), both inclusive; None while the form is invalid."""
        if not self.is_valid():
            return None
        year, kind = self.cleaned_data["tahun"], self.cleaned_data["periode"]
        if kind == RecapPeriod.CUSTOM:
            return self.cleaned_data["dari"], self.cleaned_data["sampai"]
        if kind in RecapPeriod.QUARTERS:
            return quarter_range(year=year, quarter=RecapPeriod.QUARTERS[kind])
        if kind in RecapPeriod.MONTHS:
            return month_range(year=year, month=RecapPeriod.MONTHS[kind])
        return year_range(year=year)
