"""allauth's account forms as Pintu uses them (ACCOUNT_FORMS): every free-text field has a length the
server enforces, and a sign-up with a registered NIK is answered like one with a registered e-mail.

Apart from accounts/forms.py because allauth's sign-up form is built on ours (ACCOUNT_SIGNUP_FORM_CLASS):
importing allauth's forms from there would import that module from itself."""

from allauth.account import forms as allauth_forms
from django.core.validators import MaxLengthValidator
from django.forms import Field, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .services import signup_nik_taken_report
from .validators import EMAIL_MAX_LENGTH, LOGIN_MAX_LENGTH, PASSWORD_MAX_LENGTH, USERNAME_MAX_LENGTH

EMAIL_TOO_LONG = _("Alamat e-mail terlalu panjang: paling banyak %(limit_value)d karakter.")
PASSWORD_TOO_LONG = _("Kata sandi terlalu panjang: paling banyak %(limit_value)d karakter.")
LOGIN_TOO_LONG = _("Nama pengguna atau e-mail terlalu panjang: paling banyak %(limit_value)d karakter.")
USERNAME_TOO_LONG = _("Nama pengguna terlalu panjang: paling banyak %(limit_value)d karakter.")


def field_bound(field: Field, *, limit: int, message) -> None:
    """Caps a form field at `limit` characters, checked on the server with `message`; tells the browser."""
    field.max_length = limit
    field.validators = [v for v in field.validators if not isinstance(v, MaxLengthValidator)]
    field.validators.append(MaxLengthValidator(limit))
    field.error_messages["max_length"] = message
    field.widget.attrs["maxlength"] = str(limit)


class BoundedFields:
    """Bounds the password and e-mail fields of an allauth form, whichever of them it has."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, allauth_forms.PasswordField):
                field_bound(field, limit=PASSWORD_MAX_LENGTH, message=PASSWORD_TOO_LONG)
            elif isinstance(field, allauth_forms.EmailField):
                field_bound(field, limit=EMAIL_MAX_LENGTH, message=EMAIL_TOO_LONG)


class LoginForm(BoundedFields, allauth_forms.LoginForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # A username or an e-mail address: unbounded, it went into a LIKE query whole (a 500 on SQLite).
        field_bound(self.fields["login"], limit=LOGIN_MAX_LENGTH, message=LOGIN_TOO_LONG)

    def clean_login(self) -> str:
        login = super().clean_login()
        if "@" not in login and len(login) > USERNAME_MAX_LENGTH:
            raise ValidationError(
                USERNAME_TOO_LONG, code="max_length", params={"limit_value": USERNAME_MAX_LENGTH}
            )
        return login


class SignupForm(BoundedFields, allauth_forms.SignupForm):
    def try_save(self, request):
        # A NIK that already has an account (ApplicantSignupForm.clean_nik) is answered as allauth answers an
        # e-mail address that has one (ACCOUNT_PREVENT_ENUMERATION): the same "check your e-mail" page and
        # message, no new account. The NIK's owner hears of it; the address typed is told nothing (allauth's
        # "you already have an account" would be untrue there: PintuAccountAdapter skips it).
        owner = self.nik_owner
        if owner is not None:
            if owner.email.lower() != (self.cleaned_data.get("email") or "").lower():
                signup_nik_taken_report(owner=owner, attempted_at=timezone.now())
            self.account_already_exists = True
        return super().try_save(request)


class ResetPasswordForm(BoundedFields, allauth_forms.ResetPasswordForm):
    pass


class ResetPasswordKeyForm(BoundedFields, allauth_forms.ResetPasswordKeyForm):
    pass


class ChangePasswordForm(BoundedFields, allauth_forms.ChangePasswordForm):
    pass


class SetPasswordForm(BoundedFields, allauth_forms.SetPasswordForm):
    pass


class AddEmailForm(BoundedFields, allauth_forms.AddEmailForm):
    pass


class ReauthenticateForm(BoundedFields, allauth_forms.ReauthenticateForm):
    pass
