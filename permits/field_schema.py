"""Turns a permit type's declarative field list into Django form fields, and stored data back into values."""

from datetime import date

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from accounts.validators import phone_validator

from .models import ApplicationField, FieldKind


def _digits_validator(count: int) -> RegexValidator:
    return RegexValidator(
        regex=rf"^\d{{{count}}}$",
        message=_("Harus terdiri dari tepat %(count)s digit angka.") % {"count": count},
        code="digits",
    )


def form_field_for(spec: ApplicationField, *, required: bool) -> forms.Field:
    common = {"label": spec.label, "help_text": spec.help_text, "required": required}
    kind = spec.kind
    if kind == FieldKind.TEXTAREA:
        return forms.CharField(
            widget=forms.Textarea(attrs={"rows": 3}), max_length=spec.max_length or 2000, **common
        )
    if kind == FieldKind.DATE:
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **common)
    if kind == FieldKind.INTEGER:
        return forms.IntegerField(min_value=spec.min_value, max_value=spec.max_value, **common)
    if kind == FieldKind.CHOICE:
        return forms.ChoiceField(choices=[("", "— pilih —"), *[tuple(c) for c in spec.choices]], **common)
    if kind == FieldKind.DIGITS:
        count = spec.digits or 1
        return forms.CharField(
            min_length=count,
            max_length=count,
            validators=[_digits_validator(count)],
            widget=forms.TextInput(attrs={"inputmode": "numeric", "pattern": rf"\d{{{count}}}"}),
            **common,
        )
    if kind == FieldKind.EMAIL:
        return forms.EmailField(**common)
    if kind == FieldKind.PHONE:
        return forms.CharField(
            max_length=16,
            validators=[phone_validator],
            widget=forms.TextInput(attrs={"inputmode": "tel"}),
            **common,
        )
    return forms.CharField(max_length=spec.max_length or 200, **common)


def to_storable(value):
    """JSON-friendly value for Application.data."""
    if isinstance(value, date):
        return value.isoformat()
    return value


def display_value(spec: ApplicationField, raw) -> str:
    """Human-readable value for receipts and detail pages."""
    if raw in (None, ""):
        return "—"
    if spec.kind == FieldKind.CHOICE:
        return dict((str(k), v) for k, v in spec.choices).get(str(raw), str(raw))
    if spec.kind == FieldKind.DATE:
        try:
            return date.fromisoformat(raw).strftime("%d-%m-%Y")
        except (TypeError, ValueError):
            return str(raw)
    return str(raw)
