from datetime import date

import pytest

from permits.field_schema import display_value, form_field_for
from permits.forms.application_data import ApplicationDataForm
from permits.models import ApplicationField, FieldKind


def spec(**kwargs):
    defaults = {"name": "isian", "label": "Isian", "kind": FieldKind.TEXT, "required": True, "choices": []}
    return ApplicationField(**{**defaults, **kwargs})


@pytest.mark.parametrize(
    ("field_spec", "value", "valid"),
    [
        (spec(kind=FieldKind.DIGITS, digits=13), "1234567890123", True),
        (spec(kind=FieldKind.DIGITS, digits=13), "123456789012", False),
        (spec(kind=FieldKind.DIGITS, digits=13), "12345678901AB", False),
        (spec(kind=FieldKind.DIGITS, digits=5), "71204", True),
        (spec(kind=FieldKind.DATE), "2026-02-30", False),
        (spec(kind=FieldKind.DATE), "2026-02-28", True),
        (spec(kind=FieldKind.CHOICE, choices=[["1", "SIP ke-1"]]), "4", False),
        (spec(kind=FieldKind.CHOICE, choices=[["1", "SIP ke-1"]]), "1", True),
        (spec(kind=FieldKind.INTEGER, min_value=1, max_value=3), "4", False),
        (spec(kind=FieldKind.EMAIL), "bukan-email", False),
        (spec(kind=FieldKind.PHONE), "081234567890", True),
        (spec(kind=FieldKind.PHONE), "12345", False),
        (spec(kind=FieldKind.TEXT, max_length=5), "panjang sekali", False),
    ],
)
def test_field_kinds_validate_their_format(field_spec, value, valid):
    field = form_field_for(field_spec, required=True)
    try:
        field.clean(value)
    except Exception:  # noqa: BLE001 — ValidationError, asserted below
        assert not valid
    else:
        assert valid


def test_draft_form_allows_blanks_but_submission_form_does_not():
    specs = [spec(name="nib", label="NIB", kind=FieldKind.DIGITS, digits=13)]
    assert ApplicationDataForm(data={"nib": ""}, field_specs=specs).is_valid()
    assert not ApplicationDataForm(data={"nib": "12"}, field_specs=specs).is_valid()
    assert not ApplicationDataForm(data={"nib": ""}, field_specs=specs, for_submission=True).is_valid()


def test_display_values():
    assert display_value(spec(kind=FieldKind.CHOICE, choices=[["1", "SIP ke-1"]]), "1") == "SIP ke-1"
    assert display_value(spec(kind=FieldKind.DATE), date(2026, 8, 17).isoformat()) == "17-08-2026"
    assert display_value(spec(), "") == "—"
