from django import forms
from django.utils.translation import gettext_lazy as _


class DocumentUploadForm(forms.Form):
    file = forms.FileField(label=_("Pilih berkas"), allow_empty_file=True)

    def __init__(self, *args, requirement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = requirement.accept_attribute
