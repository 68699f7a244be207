"""The satisfaction survey form (online after the SK, or on the office's kiosk) and the report's filter."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from core.periods import quarter_range, semester_range, year_range
from permits.models import PermitType

from .period_form import CUSTOM_PERIOD, PeriodRangeForm
from .survey_models import AgeGroup, Education, Occupation, Sex, survey_elements

SUGGESTION_MAX_LENGTH = 2000
HONEYPOT_FIELD = "website"


class SurveyForm(forms.Form):
    """One required radio group per element this office asks (field name = element key), then the profile.

    `website` is a honeypot: hidden from people, filled in by bots. The view discards such a submission
    and shows the usual thank-you page, so the bot learns nothing.
    """

    age_group = forms.ChoiceField(label=_("Usia"), choices=AgeGroup.choices, widget=forms.RadioSelect)
    sex = forms.ChoiceField(label=_("Jenis kelamin"), choices=Sex.choices, widget=forms.RadioSelect)
    # Radio buttons rather than drop-downs: one tap each on the kiosk's tablet.
    education = forms.ChoiceField(
        label=_("Pendidikan terakhir"), choices=Education.choices, widget=forms.RadioSelect
    )
    occupation = forms.ChoiceField(
        label=_("Pekerjaan utama"), choices=Occupation.choices, widget=forms.RadioSelect
    )
    suggestion = forms.CharField(
        label=_("Saran dan masukan (tidak wajib)"),
        required=False,
        max_length=SUGGESTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Jangan menuliskan nama, NIK, atau nomor telepon. Paling banyak 2000 karakter."),
    )
    website = forms.CharField(label=_("Situs web"), required=False)

    error_messages = {"answer_required": _("Pilih salah satu jawaban.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = survey_elements()
        answer_fields = {
            question.key: forms.TypedChoiceField(
                label=question.question,
                choices=question.choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": self.error_messages["answer_required"]},
            )
            for question in self.questions
        }
        # The questions come first, in the office's order; then the profile and the suggestion.
        self.fields = {**answer_fields, **self.fields}
        for name in ("age_group", "sex", "education", "occupation"):
            self.fields[name].error_messages["required"] = _("Pilih salah satu.")

    def question_fields(self):
        """(number shown to the respondent, question, bound field) in the office's order."""
        return [(number, q, self[q.key]) for number, q in enumerate(self.questions, start=1)]

    def profile_fields(self):
        return [self[name] for name in ("age_group", "sex", "education", "occupation")]

    def error_summary(self) -> list[tuple[str, str, str]]:
        """(anchor, what, first message) per field in error, for the summary at the top of the page."""
        questions = {q.key: (number, q) for number, q in enumerate(self.questions, start=1)}
        items = []
        for name, errors in self.errors.items():
            if name == HONEYPOT_FIELD or name not in self.fields:
                continue
            if name in questions:
                number, question = questions[name]
                what = _("Pertanyaan %(number)s (%(element)s)") % {
                    "number": number,
                    "element": question.label,
                }
            else:
                what = self.fields[name].label
            items.append((f"kelompok-{name}", what, errors[0]))
        return items


class KioskSurveyForm(SurveyForm):
    """On the office's kiosk the respondent says which service they came for (optional)."""

    permit_type = forms.ModelChoiceField(
        label=_("Layanan yang Anda terima"),
        queryset=PermitType.objects.published().order_by("name"),
        required=False,
        empty_label=_("Layanan lainnya"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The service question comes first on the kiosk.
        self.fields = {"permit_type": self.fields.pop("permit_type"), **self.fields}


class PeriodKind:
    YEAR = "TAHUN"
    CUSTOM = CUSTOM_PERIOD
    CHOICES = [
        (YEAR, _("Setahun penuh")),
        ("S1", _("Semester I (Januari–Juni)")),
        ("S2", _("Semester II (Juli–Desember)")),
        ("TW1", _("Triwulan I (Januari–Maret)")),
        ("TW2", _("Triwulan II (April–Juni)")),
        ("TW3", _("Triwulan III (Juli–September)")),
        ("TW4", _("Triwulan IV (Oktober–Desember)")),
        (CUSTOM, _("Rentang tanggal sendiri")),
    ]


class IkmReportFilterForm(PeriodRangeForm):
    periode = forms.ChoiceField(label=_("Periode"), choices=PeriodKind.CHOICES)
    jenis_izin = forms.ModelChoiceField(
        label=_("Jenis layanan"),
        queryset=PermitType.objects.order_by("name"),
        required=False,
        empty_label=_("Semua layanan"),
    )

    def period(self) -> tuple[date, date]:
        """The chosen (start, end), both inclusive; call after is_valid()."""
        kind, year = self.cleaned_data["periode"], self.cleaned_data.get("tahun")
        if kind == PeriodKind.CUSTOM:
            return self.cleaned_data["dari"], self.cleaned_data["sampai"]
        if kind == PeriodKind.YEAR:
            return year_range(year=year)
        if kind.startswith("TW"):
            return quarter_range(year=year, quarter=int(kind[2:]))
        return semester_range(year=year, semester=int(kind[1:]))
