from django import forms
from django.utils.translation import gettext_lazy as _

from permits.models import ReviewStatus

from ..models import TechnicalReviewDocument


class DecisionForm(forms.Form):
    """Setujui / tolak. Tolak needs a reason and a choice: back to the applicant, or a final rejection."""

    DECISIONS = [
        ("approve", _("Setujui — teruskan ke tahap berikutnya")),
        ("return_for_correction", _("Tolak — kembalikan kepada pemohon untuk perbaikan")),
        ("reject", _("Tolak permohonan (final)")),
    ]

    decision = forms.ChoiceField(label=_("Keputusan"), choices=DECISIONS, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Alasan / catatan"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wajib untuk pengembalian dan penolakan; pemohon dapat membacanya."),
    )
    fields = forms.MultipleChoiceField(
        label=_("Isian yang harus diperbaiki pemohon"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    expected_status = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, actions: list[str], field_choices: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [c for c in self.DECISIONS if c[0] in actions]
        self.fields["fields"].choices = field_choices

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("decision") in ("return_for_correction", "reject")
            and not cleaned.get("reason", "").strip()
        ):
            self.add_error("reason", _("Tuliskan alasan pengembalian atau penolakan."))
        return cleaned


def document_judgements_from(post, documents) -> tuple[list, dict[int, str]]:
    """Reads `doc-<id>-status` / `doc-<id>-note` pairs; returns judgements and per-document errors."""
    from ..services import DocumentJudgement

    judgements, errors = [], {}
    valid = {choice.value for choice in ReviewStatus}
    for document in documents:
        status = post.get(f"doc-{document.pk}-status", "")
        note = post.get(f"doc-{document.pk}-note", "")[:1000]
        if not status:
            continue
        if status not in valid:
            errors[document.pk] = str(_("Pilihan tidak valid."))
        elif status == ReviewStatus.TIDAK_SESUAI and not note.strip():
            errors[document.pk] = str(_("Tuliskan catatan mengapa dokumen tidak sesuai."))
        else:
            judgements.append(DocumentJudgement(document_id=document.pk, status=status, note=note))
    return judgements, errors


class TechnicalDocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis dokumen"), choices=TechnicalReviewDocument.Kind.choices)
    file = forms.FileField(label=_("Berkas (PDF, JPG, PNG; maks. 10 MB)"))
