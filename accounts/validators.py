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

# The longest username, e-mail address and password the account forms accept (accounts/allauth_forms.py)
# and that authentication looks up (accounts/auth_backends.py). No username (AbstractUser: 150) or stored
# e-mail address (254) is longer; passwords are bounded far beyond any a person or password manager makes.
USERNAME_MAX_LENGTH = 150
EMAIL_MAX_LENGTH = 254
LOGIN_MAX_LENGTH = max(USERNAME_MAX_LENGTH, EMAIL_MAX_LENGTH)
PASSWORD_MAX_LENGTH = 256
