from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

nik_validator = RegexValidator(
    regex=r"^\d{16}$",
    message=_("NIK harus terdiri dari 16 digit angka sesuai KTP."),
    code="nik",
)
phone_validator = RegexValidator(
    regex=r"^(\+62|62|0)8\d{7,12}$",
    message=_("Nomor ponsel tidak valid. Contoh: 081234567890."),
    code="phone",
)
