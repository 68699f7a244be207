"""The IKM satisfaction survey (Survei Kepuasan Masyarakat, PermenPANRB 14/2017).

Answers are stored one row per element, keyed by the element's stable key (U1..U9), never by position:
offices that print U8 and U9 in the other order, or ask fewer elements, still compute correctly.
`complaints/models.py` re-exports these with `from .survey_models import *`.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from permits.models import Application, PermitType

__all__ = [
    "AgeGroup",
    "Education",
    "ElementQuestion",
    "Occupation",
    "SCALE",
    "Sex",
    "SurveyAnswer",
    "SurveyChannel",
    "SurveyElement",
    "SurveyResponse",
    "element_question",
    "survey_elements",
]

SCALE = (1, 2, 3, 4)


class SurveyElement(models.TextChoices):
    """The nine service elements (unsur pelayanan). The key is what is stored; the label what is shown."""

    U1 = "U1", _("Persyaratan")
    U2 = "U2", _("Sistem, mekanisme, dan prosedur")
    U3 = "U3", _("Waktu penyelesaian")
    U4 = "U4", _("Biaya/tarif")
    U5 = "U5", _("Produk spesifikasi jenis pelayanan")
    U6 = "U6", _("Kompetensi pelaksana")
    U7 = "U7", _("Perilaku pelaksana")
    U8 = "U8", _("Penanganan pengaduan, saran dan masukan")
    U9 = "U9", _("Sarana dan prasarana")


@dataclass(frozen=True)
class ElementQuestion:
    element: SurveyElement
    question: Promise | str
    answers: tuple[Promise | str, Promise | str, Promise | str, Promise | str]  # labels for 1, 2, 3, 4

    @property
    def key(self) -> str:
        return self.element.value

    @property
    def label(self):
        return self.element.label

    @property
    def choices(self) -> list[tuple[int, Promise | str]]:
        return list(zip(SCALE, self.answers, strict=True))


# The questions and answer labels of the standard questionnaire (PermenPANRB 14/2017, lampiran).
_QUESTIONS = {
    q.key: q
    for q in (
        ElementQuestion(
            SurveyElement.U1,
            _(
                "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis "
                "pelayanannya?"
            ),
            (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai")),
        ),
        ElementQuestion(
            SurveyElement.U2,
            _("Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?"),
            (_("Tidak mudah"), _("Kurang mudah"), _("Mudah"), _("Sangat mudah")),
        ),
        ElementQuestion(
            SurveyElement.U3,
            _("Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?"),
            (_("Tidak cepat"), _("Kurang cepat"), _("Cepat"), _("Sangat cepat")),
        ),
        ElementQuestion(
            SurveyElement.U4,
            _("Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?"),
            (_("Sangat mahal"), _("Cukup mahal"), _("Murah"), _("Gratis")),
        ),
        ElementQuestion(
            SurveyElement.U5,
            _(
                "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam "
                "standar pelayanan dengan hasil yang diberikan?"
            ),
            (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai")),
        ),
        ElementQuestion(
            SurveyElement.U6,
            _("Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?"),
            (_("Tidak kompeten"), _("Kurang kompeten"), _("Kompeten"), _("Sangat kompeten")),
        ),
        ElementQuestion(
            SurveyElement.U7,
            _(
                "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan "
                "dan keramahan?"
            ),
            (
                _("Tidak sopan dan ramah"),
                _("Kurang sopan dan ramah"),
                _("Sopan dan ramah"),
                _("Sangat sopan dan ramah"),
            ),
        ),
        ElementQuestion(
            SurveyElement.U8,
            _("Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?"),
            (
                _("Tidak ada"),
                _("Ada tetapi tidak berfungsi"),
                _("Berfungsi kurang maksimal"),
                _("Dikelola dengan baik"),
            ),
        ),
        ElementQuestion(
            SurveyElement.U9,
            _("Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?"),
            (_("Buruk"), _("Cukup"), _("Baik"), _("Sangat baik")),
        ),
    )
}


def element_question(key: str) -> ElementQuestion:
    return _QUESTIONS[key]


def survey_elements() -> list[ElementQuestion]:
    """The elements this office asks, in the order it prints them.

    `PINTU_IKM_ELEMENTS` (a list of keys, e.g. `["U1", ..., "U7", "U9", "U8"]`) lets an office swap U8/U9 or
    ask fewer elements; the default is all nine in key order.
    """
    keys = getattr(settings, "PINTU_IKM_ELEMENTS", None) or SurveyElement.values
    return [_QUESTIONS[key] for key in keys]


class SurveyChannel(models.TextChoices):
    ONLINE = "ONLINE", _("Daring (setelah mengunduh SK)")
    KIOSK = "KIOSK", _("Kios survei di kantor")


class AgeGroup(models.TextChoices):
    UNDER_20 = "LT20", _("< 20 tahun")
    FROM_20 = "20_29", _("20–29 tahun")
    FROM_30 = "30_39", _("30–39 tahun")
    FROM_40 = "40_49", _("40–49 tahun")
    FROM_50 = "50_59", _("50–59 tahun")
    FROM_60 = "GE60", _("≥ 60 tahun")


class Sex(models.TextChoices):
    L = "L", _("Laki-laki")
    P = "P", _("Perempuan")


class Education(models.TextChoices):
    SD = "SD", _("SD atau sederajat")
    SMP = "SMP", _("SMP atau sederajat")
    SMA = "SMA", _("SMA atau sederajat")
    D1_D3 = "D1_D3", _("D1–D3")
    D4_S1 = "D4_S1", _("D4/S1")
    S2 = "S2", _("S2")
    S3 = "S3", _("S3")


class Occupation(models.TextChoices):
    PNS_TNI_POLRI = "PNS_TNI_POLRI", _("PNS/TNI/Polri")
    PEGAWAI_SWASTA = "PEGAWAI_SWASTA", _("Pegawai swasta")
    WIRASWASTA = "WIRASWASTA", _("Wiraswasta")
    PELAJAR_MAHASISWA = "PELAJAR_MAHASISWA", _("Pelajar/Mahasiswa")
    TENAGA_KESEHATAN = "TENAGA_KESEHATAN", _("Tenaga kesehatan")
    LAINNYA = "LAINNYA", _("Lainnya")


class SurveyResponse(models.Model):
    """One respondent's questionnaire. It holds no identity: the application link only prevents repeats."""

    submitted_at = models.DateTimeField(_("diisi pada"), db_index=True)
    channel = models.CharField(_("saluran"), max_length=10, choices=SurveyChannel.choices)
    # One response per application; kiosk responses have none (several NULLs do not clash).
    application = models.OneToOneField(
        Application,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="survey_response",
        verbose_name=_("permohonan"),
    )
    permit_type = models.ForeignKey(
        PermitType,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="survey_responses",
        verbose_name=_("jenis layanan"),
        help_text=_("Kosong berarti layanan lainnya."),
    )
    # The profile is required on the form; blank stays possible for paper questionnaires typed in later.
    age_group = models.CharField(_("usia"), max_length=5, choices=AgeGroup.choices, blank=True)
    sex = models.CharField(_("jenis kelamin"), max_length=1, choices=Sex.choices, blank=True)
    education = models.CharField(_("pendidikan"), max_length=5, choices=Education.choices, blank=True)
    occupation = models.CharField(_("pekerjaan"), max_length=20, choices=Occupation.choices, blank=True)
    suggestion = models.TextField(_("saran dan masukan"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("respons survei kepuasan")
        verbose_name_plural = _("respons survei kepuasan")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["permit_type", "submitted_at"], name="complaints_survey_type_at")]

    def __str__(self) -> str:
        return _("Survei %(pk)s, %(date)s") % {
            "pk": self.pk,
            "date": f"{timezone.localtime(self.submitted_at):%Y-%m-%d}",
        }


class SurveyAnswer(models.Model):
    response = models.ForeignKey(
        SurveyResponse, on_delete=models.CASCADE, related_name="answers", verbose_name=_("respons")
    )
    element = models.CharField(_("unsur"), max_length=3, choices=SurveyElement.choices)
    value = models.PositiveSmallIntegerField(
        _("nilai"), validators=[MinValueValidator(SCALE[0]), MaxValueValidator(SCALE[-1])]
    )

    class Meta:
        verbose_name = _("jawaban survei")
        verbose_name_plural = _("jawaban survei")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(value__gte=SCALE[0], value__lte=SCALE[-1]),
                name="complaints_surveyanswer_value_1_to_4",
            ),
            models.UniqueConstraint(
                fields=["response", "element"], name="complaints_surveyanswer_one_per_element"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.element}={self.value}"
