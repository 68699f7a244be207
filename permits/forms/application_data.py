from django import forms

from ..field_schema import form_field_for


class ApplicationDataForm(forms.Form):
    """The permit type's data fields. A draft may be saved incomplete; submission requires every field marked
    wajib. Formats (digits, dates, e-mail) are checked in both cases."""

    def __init__(self, *args, field_specs, for_submission: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        for spec in field_specs:
            self.fields[spec.name] = form_field_for(spec, required=for_submission and spec.required)
            if spec.required:
                # A draft may be saved incomplete, so the browser must not block it; the label and
                # aria-required still tell the applicant which fields submission will need.
                self.fields[spec.name].widget.attrs["aria-required"] = "true"
                if not for_submission:
                    self.fields[spec.name].label = f"{spec.label} *"
