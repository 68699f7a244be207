from django.db import models
from django.utils.translation import gettext_lazy as _


class Office(models.Model):
    """The licensing office running this Pintu. One row; edited in the admin."""

    government_name = models.CharField(_("nama pemerintah daerah"), max_length=150)
    name = models.CharField(_("nama dinas"), max_length=200)
    short_name = models.CharField(_("singkatan"), max_length=30, default="DPMPTSP")
    address = models.TextField(_("alamat"))
    phone = models.CharField(_("telepon"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("situs web"), blank=True)
    complaint_channels = models.TextField(_("saluran pengaduan"), blank=True)
    saturday_service = models.BooleanField(_("melayani hari Sabtu"), default=False)
    # Letterhead (kop surat) of the SKs: the regional emblem, and the place of issue printed as
    # "Ditetapkan di …" — the seat of government, which is often not the region's name (Tigaraksa).
    logo = models.ImageField(
        _("logo kop surat"),
        upload_to="kantor/",
        blank=True,
        help_text=_("Lambang daerah untuk kop surat, format PNG atau JPG."),
    )
    city = models.CharField(_("tempat penetapan"), max_length=100, blank=True, help_text=_("Mis. Tigaraksa."))

    class Meta:
        verbose_name = _("kantor")
        verbose_name_plural = _("kantor")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def current(cls) -> "Office | None":
        return cls.objects.order_by("pk").first()
