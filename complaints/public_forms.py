"""Public forms of the complaint desk: a complaint/consultation/suggestion, the complainant's rating of an
answer, and reopening. Anti-spam without a session: a honeypot field and a signed arithmetic challenge."""

import secrets

from django import forms
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from permits.models import PermitType
from permits.models.catalog import ServiceComponent

from .models import ComplaintKind
from .services import ATTACHMENT_MAX_BYTES, MAX_ATTACHMENTS, Intake

HONEYPOT_FIELD = "situs_web"
CHALLENGE_FIELD = "soal"
CHALLENGE_SALT = "complaints.public_forms.challenge"
CHALLENGE_MAX_AGE = 60 * 60
OTHER_SERVICE = "lainnya"
ACCEPT_ATTACHMENTS = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"

KIND_CHOICES = [
    (ComplaintKind.PENGADUAN.value, _("Pengaduan")),
    (ComplaintKind.PERMINTAAN_INFORMASI.value, _("Konsultasi atau permintaan informasi")),
    (ComplaintKind.ASPIRASI.value, _("Saran atau aspirasi")),
]
KIND_EXPLANATIONS = {
    ComplaintKind.PENGADUAN.value: _(
        "Layanan yang Anda terima tidak sesuai standar pelayanan (persyaratan, waktu, biaya, "
        "perilaku petugas)."
    ),
    ComplaintKind.PERMINTAAN_INFORMASI.value: _(
        "Anda ingin bertanya tentang persyaratan, prosedur, atau status suatu layanan."
    ),
    ComplaintKind.ASPIRASI.value: _("Anda punya usul untuk memperbaiki pelayanan kami."),
}

RATING_CHOICES = [
    (1, _("1 — Sangat tidak puas")),
    (2, _("2 — Tidak puas")),
    (3, _("3 — Cukup")),
    (4, _("4 — Puas")),
    (5, _("5 — Sangat puas")),
]


# --- The arithmetic challenge -------------------------------------------------------------------------
# The operands travel signed inside the form, so nothing is kept server-side and they cannot be swapped
# for easier ones. A token stays valid for an hour: long enough to write a complaint.


def challenge_sign(a: int, b: int) -> str:
    return signing.dumps([a, b], salt=CHALLENGE_SALT)


def challenge_read(token: str) -> tuple[int, int] | None:
    """The operands of a token, or None when it is forged, malformed or older than an hour."""
    try:
        a, b = signing.loads(token, salt=CHALLENGE_SALT, max_age=CHALLENGE_MAX_AGE)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if not (isinstance(a, int) and isinstance(b, int)):
        return None
    return a, b


def _challenge_new() -> tuple[int, int]:
    return secrets.randbelow(9) + 1, secrets.randbelow(9) + 1


# --- Multiple files (Django docs, "Uploading multiple files") -----------------------------------------


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single_file_clean = super().clean
        if isinstance(data, list | tuple):
            return [single_file_clean(item, initial) for item in data]
        return [single_file_clean(data, initial)] if data else []


# --- Forms --------------------------------------------------------------------------------------------


class ComplaintForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Jenis pesan"), choices=KIND_CHOICES, widget=forms.RadioSelect, initial=KIND_CHOICES[0][0]
    )
    permit_type = forms.ChoiceField(
        label=_("Layanan yang dimaksud"),
        help_text=_("Pilih jenis izin yang Anda urus, atau “Lainnya” bila tidak terkait izin tertentu."),
    )
    application_number = forms.CharField(
        label=_("Nomor permohonan (jika ada)"),
        required=False,
        max_length=32,
        help_text=_("Tertera pada tanda terima, mis. SIPDU-2611-K7M3QX."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    component = forms.TypedChoiceField(
        label=_("Bagian standar pelayanan yang dimaksud (jika tahu)"),
        choices=[("", _("Tidak tahu / tidak yakin")), *ServiceComponent.choices],
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_(
            "Misalnya “Persyaratan” bila diminta dokumen yang tidak tercantum, “Jangka waktu penyelesaian” "
            "bila layanan terlambat, atau “Biaya/tarif” bila diminta pungutan. Boleh dikosongkan."
        ),
    )
    description = forms.CharField(
        label=_("Uraian"),
        min_length=20,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Ceritakan apa yang terjadi, kapan, dan di mana (20–5000 karakter)."),
    )
    service_received_on = forms.DateField(
        label=_("Tanggal menerima layanan (jika ada)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_(
            "Pengaduan paling lambat %(days)s hari sejak layanan diterima; "
            "setelah itu ditangani sebagai saran."
        ),
    )
    attachments = MultipleFileField(
        label=_("Lampiran (jika ada)"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": ACCEPT_ATTACHMENTS}),
        help_text=_("Paling banyak %(n)s berkas PDF, JPG, atau PNG, masing-masing maksimum %(mb)s MB."),
    )
    name = forms.CharField(
        label=_("Nama"),
        required=False,
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Kami kirimkan nomor tiket dan jawaban ke alamat ini."),
    )
    phone = forms.RegexField(
        label=_("Telepon / WhatsApp"),
        required=False,
        max_length=20,
        regex=r"^\+?[0-9][0-9 \-]{6,18}$",
        error_messages={"invalid": _("Tulis nomor telepon dengan angka, mis. 0812 3456 7890.")},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    is_confidential = forms.BooleanField(
        label=_("Rahasiakan identitas saya — hanya petugas pengaduan yang dapat melihatnya"), required=False
    )
    challenge_answer = forms.IntegerField(
        label=_("Soal hitungan"),
        error_messages={
            "required": _("Jawab soal hitungan."),
            "invalid": _("Jawab soal hitungan dengan angka."),
        },
    )
    # Honeypot: hidden from people, filled in by bots that fill every field.
    situs_web = forms.CharField(label=_("Situs web"), required=False, max_length=200)

    def __init__(self, *args, complaint_window_days: int = 30, **kwargs):
        super().__init__(*args, **kwargs)
        services = PermitType.objects.published().order_by("name").values_list("pk", "name")
        self.fields["permit_type"].choices = [
            ("", _("— Pilih layanan —")),
            *((str(pk), name) for pk, name in services),
            (OTHER_SERVICE, _("Lainnya / tidak terkait izin tertentu")),
        ]
        # Help texts with numbers are filled in here, per request, so they follow the active language.
        received = self.fields["service_received_on"]
        received.help_text = received.help_text % {"days": complaint_window_days}
        attachments = self.fields["attachments"]
        attachments.help_text = attachments.help_text % {
            "n": MAX_ATTACHMENTS,
            "mb": ATTACHMENT_MAX_BYTES // (1024 * 1024),
        }
        operands = challenge_read(self.data.get(CHALLENGE_FIELD, "")) if self.is_bound else None
        # A bound form without valid operands had a forged or stale token: it gets a fresh question.
        self.challenge_renewed = self.is_bound and operands is None
        self._set_challenge(operands or _challenge_new())

    def _set_challenge(self, operands: tuple[int, int]) -> None:
        self.operands = operands
        self.challenge_token = challenge_sign(*operands)

    @property
    def challenge_question(self) -> str:
        # Not the field's label: a wrong answer renews the question after the bound field was built.
        return _("Berapa %(a)s + %(b)s?") % {"a": self.operands[0], "b": self.operands[1]}

    @property
    def is_spam(self) -> bool:
        return bool(self.is_bound and self.data.get(HONEYPOT_FIELD, "").strip())

    @property
    def kind_options(self):
        """The radio options with their one-line explanations, for the template."""
        return [(option, KIND_EXPLANATIONS[option.data["value"]]) for option in self["kind"]]

    def clean_permit_type(self) -> PermitType | None:
        value = self.cleaned_data["permit_type"]
        if value == OTHER_SERVICE:
            return None
        permit_type = PermitType.objects.published().filter(pk=int(value)).first()
        if permit_type is None:  # unpublished since the form was shown
            raise forms.ValidationError(_("Pilih layanan dari daftar."))
        return permit_type

    def clean_application_number(self) -> str:
        return self.cleaned_data["application_number"].strip().upper()

    def clean_service_received_on(self):
        received_on = self.cleaned_data["service_received_on"]
        if received_on and received_on > timezone.localdate():
            raise forms.ValidationError(_("Tanggal menerima layanan tidak boleh di masa depan."))
        return received_on

    def clean_attachments(self):
        files = self.cleaned_data["attachments"]
        if len(files) > MAX_ATTACHMENTS:
            raise forms.ValidationError(
                _("Lampiran paling banyak %(n)s berkas; Anda memilih %(count)s.")
                % {"n": MAX_ATTACHMENTS, "count": len(files)}
            )
        return files

    def clean_challenge_answer(self):
        answer = self.cleaned_data["challenge_answer"]
        if self.challenge_renewed:
            raise forms.ValidationError(_("Soal hitungan sudah kedaluwarsa. Jawab soal yang baru."))
        if answer != sum(self.operands):
            self._set_challenge(_challenge_new())
            self.challenge_renewed = True
            raise forms.ValidationError(_("Jawaban soal hitungan salah. Coba soal yang baru."))
        return answer

    def clean_description(self) -> str:
        return self.cleaned_data["description"].strip()

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
        )


class _TicketForm(forms.Form):
    ticket = forms.CharField(widget=forms.HiddenInput, max_length=40)


class RatingForm(_TicketForm):
    rating = forms.TypedChoiceField(
        label=_("Seberapa puas Anda dengan jawaban ini?"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Pilih penilaian 1 sampai 5.")},
    )
    comment = forms.CharField(
        label=_("Komentar (jika ada)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
    )


class ReopenForm(_TicketForm):
    reason = forms.CharField(
        label=_("Mengapa pengaduan perlu dibuka kembali?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Tuliskan alasan membuka kembali pengaduan.")},
    )
