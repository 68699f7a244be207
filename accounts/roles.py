"""The office's roles. Each is a Django group created by a data migration; names are stable keys."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PEMOHON = "Pemohon", _("Pemohon")
    FRONT_OFFICE = "Front Office", _("Front Office")
    BACK_OFFICE = "Back Office", _("Back Office")
    TIM_TEKNIS = "Tim Teknis", _("Tim Teknis")
    KEPALA_SEKSI = "Kepala Seksi", _("Kepala Seksi")
    KEPALA_BIDANG = "Kepala Bidang", _("Kepala Bidang")
    SEKRETARIS = "Sekretaris", _("Sekretaris")
    KEPALA_DINAS = "Kepala Dinas", _("Kepala Dinas")
    SEKRETARIAT = "Sekretariat", _("Sekretariat")
    OPERATOR_PENGADUAN = "Operator Pengaduan", _("Operator Pengaduan")
    KEPALA_BIDANG_PENGADUAN = "Kepala Bidang Pengaduan", _("Kepala Bidang Pengaduan")
    BIDANG_TERKAIT = "Bidang Terkait", _("Bidang Terkait")
    ADMINISTRATOR = "Administrator", _("Administrator")


STAFF_ROLES = frozenset(role for role in Role if role != Role.PEMOHON)
