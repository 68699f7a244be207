"""The permit catalog: what an office issues, what it asks for, and its published service standard."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ServiceComponent(models.IntegerChoices):
    """The 14 components of a service standard (UU 25/2009, PermenPANRB 15/2014)."""

    PERSYARATAN = 1, _("Persyaratan")
    PROSEDUR = 2, _("Sistem, mekanisme, dan prosedur")
    JANGKA_WAKTU = 3, _("Jangka waktu penyelesaian")
    BIAYA = 4, _("Biaya/tarif")
    PRODUK = 5, _("Produk pelayanan")
    PENGADUAN = 6, _("Penanganan pengaduan, saran, dan masukan")
    DASAR_HUKUM = 7, _("Dasar hukum")
    SARANA = 8, _("Sarana, prasarana, dan/atau fasilitas")
    KOMPETENSI = 9, _("Kompetensi pelaksana")
    PENGAWASAN = 10, _("Pengawasan internal")
    JUMLAH_PELAKSANA = 11, _("Jumlah pelaksana")
    JAMINAN_PELAYANAN = 12, _("Jaminan pelayanan")
    JAMINAN_KEAMANAN = 13, _("Jaminan keamanan dan keselamatan pelayanan")
    EVALUASI = 14, _("Evaluasi kinerja pelaksana")

    @classmethod
    def delivery(cls) -> list["ServiceComponent"]:
        """Components published to the public (service delivery), 1–6."""
        return [c for c in cls if c <= 6]

    @classmethod
    def management(cls) -> list["ServiceComponent"]:
        """Components of internal service management, 7–14."""
        return [c for c in cls if c >= 7]


class PermitTypeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class PermitType(models.Model):
    name = models.CharField(_("nama izin"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    code = models.CharField(
        _("kode"),
        max_length=6,
        unique=True,
        help_text=_("3–6 huruf kapital; dipakai di nomor permohonan, mis. SIPDU."),
    )
    category = models.CharField(_("kategori"), max_length=80)
    description = models.TextField(_("deskripsi"))
    sla_working_days = models.PositiveSmallIntegerField(
        _("jangka waktu (hari kerja)"), validators=[MinValueValidator(1)]
    )
    fee_rupiah = models.PositiveBigIntegerField(_("biaya (Rp)"), default=0)
    product = models.TextField(_("produk pelayanan"))
    legal_basis = models.TextField(_("dasar hukum"))
    risk_level = models.CharField(_("tingkat risiko (OSS)"), max_length=30, blank=True)
    uses_front_office = models.BooleanField(
        _("pemeriksaan Front Office"),
        default=False,
        help_text=_("Berkas diperiksa dulu oleh Front Office sebelum tahap berikutnya."),
    )
    uses_technical_review = models.BooleanField(
        _("tinjauan Tim Teknis"),
        default=False,
        help_text=_("Tim Teknis meninjau lapangan dan mengunggah berita acara serta rekomendasi."),
    )
    source = models.CharField(_("sumber standar pelayanan"), max_length=200, blank=True)
    is_published = models.BooleanField(_("ditampilkan di katalog"), default=True)

    objects = PermitTypeQuerySet.as_manager()

    class Meta:
        verbose_name = _("jenis izin")
        verbose_name_plural = _("jenis izin")
        ordering = ["category", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("permits:permit_detail", kwargs={"slug": self.slug})

    @property
    def is_free(self) -> bool:
        return self.fee_rupiah == 0


class FieldKind(models.TextChoices):
    TEXT = "text", _("Teks singkat")
    TEXTAREA = "textarea", _("Teks panjang")
    DATE = "date", _("Tanggal")
    INTEGER = "integer", _("Bilangan bulat")
    CHOICE = "choice", _("Pilihan")
    DIGITS = "digits", _("Angka dengan jumlah digit tetap")
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Nomor telepon")


class ApplicationField(models.Model):
    """One item of a permit type's declarative application-data schema."""

    permit_type = models.ForeignKey(PermitType, on_delete=models.CASCADE, related_name="fields")
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    name = models.SlugField(_("nama kunci"), max_length=50, help_text=_("Huruf kecil dan garis bawah."))
    label = models.CharField(_("label"), max_length=150)
    kind = models.CharField(_("jenis isian"), max_length=12, choices=FieldKind.choices)
    required = models.BooleanField(_("wajib"), default=True)
    help_text = models.CharField(_("petunjuk"), max_length=300, blank=True)
    max_length = models.PositiveSmallIntegerField(_("panjang maksimum"), null=True, blank=True)
    digits = models.PositiveSmallIntegerField(_("jumlah digit"), null=True, blank=True)
    min_value = models.IntegerField(_("nilai minimum"), null=True, blank=True)
    max_value = models.IntegerField(_("nilai maksimum"), null=True, blank=True)
    choices = models.JSONField(
        _("pilihan"), default=list, blank=True, help_text=_('Daftar [["nilai", "label"], ...]')
    )

    class Meta:
        verbose_name = _("isian permohonan")
        verbose_name_plural = _("isian permohonan")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["permit_type", "name"], name="permits_field_name_unique_per_type"
            ),
        ]

    def __str__(self) -> str:
        return self.label


class Requirement(models.Model):
    """One document of a permit type's ordered checklist."""

    class FileKind(models.TextChoices):
        PDF = "pdf", "PDF"
        JPG = "jpg", "JPG"
        PNG = "png", "PNG"

    permit_type = models.ForeignKey(PermitType, on_delete=models.CASCADE, related_name="requirements")
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    label = models.CharField(_("nama persyaratan"), max_length=300)
    help_text = models.TextField(_("keterangan"), blank=True)
    is_required = models.BooleanField(_("wajib"), default=True)
    accepted_kinds = models.JSONField(_("jenis berkas yang diterima"), default=list)
    max_size_mb = models.PositiveSmallIntegerField(
        _("ukuran maksimum (MB)"),
        default=settings.PINTU_DEFAULT_REQUIREMENT_MAX_MB,
        validators=[MinValueValidator(1)],
    )
    bring_original = models.BooleanField(_("bawa asli ke loket"), default=False)

    class Meta:
        verbose_name = _("persyaratan")
        verbose_name_plural = _("persyaratan")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.label

    @property
    def max_bytes(self) -> int:
        return self.max_size_mb * 1024 * 1024

    @property
    def kinds(self) -> list[str]:
        return list(self.accepted_kinds) or [k.value for k in self.FileKind]

    @property
    def accept_attribute(self) -> str:
        """The HTML `accept` value, so a phone's picker offers only usable files."""
        extensions = {"pdf": ".pdf,application/pdf", "jpg": ".jpg,.jpeg,image/jpeg", "png": ".png,image/png"}
        return ",".join(extensions[k] for k in self.kinds)


class ProcedureStep(models.Model):
    permit_type = models.ForeignKey(PermitType, on_delete=models.CASCADE, related_name="procedure_steps")
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    actor = models.CharField(_("pelaksana"), max_length=100)
    description = models.TextField(_("uraian"))

    class Meta:
        verbose_name = _("langkah prosedur")
        verbose_name_plural = _("langkah prosedur")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return f"{self.order}. {self.actor}"


class ServiceStandardEntry(models.Model):
    """Published text of one service-standard component for one permit type."""

    permit_type = models.ForeignKey(PermitType, on_delete=models.CASCADE, related_name="standard_entries")
    component = models.PositiveSmallIntegerField(_("komponen"), choices=ServiceComponent.choices)
    content = models.TextField(_("uraian"))

    class Meta:
        verbose_name = _("komponen standar pelayanan")
        verbose_name_plural = _("komponen standar pelayanan")
        ordering = ["component"]
        constraints = [
            models.UniqueConstraint(
                fields=["permit_type", "component"], name="permits_component_unique_per_type"
            ),
        ]

    def __str__(self) -> str:
        return self.get_component_display()


def blank_form_upload_to(instance: "BlankForm", filename: str) -> str:
    return f"formulir/{instance.permit_type.slug}/{instance.slug}.pdf"


class BlankForm(models.Model):
    """A downloadable blank form (surat permohonan, surat pernyataan…). Public by nature."""

    permit_type = models.ForeignKey(PermitType, on_delete=models.CASCADE, related_name="blank_forms")
    slug = models.SlugField(_("slug"), max_length=80)
    title = models.CharField(_("judul"), max_length=200)
    file = models.FileField(_("berkas"), upload_to=blank_form_upload_to)

    class Meta:
        verbose_name = _("formulir kosong")
        verbose_name_plural = _("formulir kosong")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["permit_type", "slug"], name="permits_blankform_slug_unique_per_type"
            ),
        ]

    def __str__(self) -> str:
        return self.title
