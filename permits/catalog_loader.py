"""Loads the seed catalog (permits/catalog_seed) into the database. Idempotent: running it again updates the
rows in place and never removes a requirement that an application already answered."""

from django.core.files.base import ContentFile
from django.db import transaction

from core.stored_files import stored_file_discard_on_commit, stored_file_save, stored_files_atomic
from signing.pdf import render_pdf

from .models import (
    ApplicationField,
    BlankForm,
    Office,
    PermitType,
    ProcedureStep,
    Requirement,
    ServiceStandardEntry,
)

PERMIT_KEYS = (
    "name",
    "code",
    "category",
    "description",
    "sla_working_days",
    "fee_rupiah",
    "product",
    "legal_basis",
    "uses_front_office",
    "uses_technical_review",
    "risk_level",
    "source",
)
FIELD_KEYS = ("label", "kind", "required", "help_text", "max_length", "digits", "choices")


@transaction.atomic
def office_load(*, data: dict) -> Office:
    office = Office.current() or Office()
    for key in (
        "government_name",
        "short_name",
        "address",
        "phone",
        "email",
        "website",
        "city",
        "complaint_channels",
        "saturday_service",
    ):
        setattr(office, key, data.get(key, getattr(office, key)))
    office.name = data["office_name"]
    office.save()
    return office


@stored_files_atomic
def permit_type_load(*, data: dict, office: Office | None = None, render_forms: bool = True) -> PermitType:
    permit_type, _created = PermitType.objects.update_or_create(
        slug=data["slug"], defaults={key: data.get(key, "") for key in PERMIT_KEYS}
    )
    _load_fields(permit_type, data.get("fields", []))
    _load_requirements(permit_type, data["requirements"])
    permit_type.procedure_steps.all().delete()
    ProcedureStep.objects.bulk_create(
        ProcedureStep(permit_type=permit_type, order=i, actor=step["actor"], description=step["description"])
        for i, step in enumerate(data.get("procedure", []), start=1)
    )
    permit_type.standard_entries.all().delete()
    ServiceStandardEntry.objects.bulk_create(
        ServiceStandardEntry(permit_type=permit_type, component=int(number), content=text)
        for number, text in data.get("components", {}).items()
        if text
    )
    if render_forms:
        for blank in data.get("blank_forms", []):
            _load_blank_form(permit_type, blank, office)
    return permit_type


def _load_fields(permit_type: PermitType, fields: list[dict]) -> None:
    names = []
    for order, spec in enumerate(fields, start=1):
        defaults = {key: spec.get(key) for key in FIELD_KEYS if key in spec}
        defaults.setdefault("help_text", "")
        defaults["order"] = order
        defaults["min_value"], defaults["max_value"] = spec.get("min_value"), spec.get("max_value")
        ApplicationField.objects.update_or_create(
            permit_type=permit_type, name=spec["name"], defaults=defaults
        )
        names.append(spec["name"])
    permit_type.fields.exclude(name__in=names).delete()


def _load_requirements(permit_type: PermitType, requirements: list[dict]) -> None:
    for order, spec in enumerate(requirements, start=1):
        Requirement.objects.update_or_create(
            permit_type=permit_type,
            order=order,
            defaults={
                "label": spec["label"],
                "help_text": spec.get("help_text", ""),
                "is_required": spec.get("required", True),
                "accepted_kinds": spec.get("accepted_types", ["pdf", "jpg", "png"]),
                "max_size_mb": spec.get("max_size_mb", 5),
                "bring_original": spec.get("bring_original", False),
            },
        )
    permit_type.requirements.filter(order__gt=len(requirements), documents__isnull=True).delete()


def _load_blank_form(permit_type: PermitType, blank: dict, office: Office | None) -> None:
    pdf = render_pdf(
        template_name="permits/pdf/blank_form.html",
        context={
            "title": blank["title"],
            "body": blank["body"],
            "office": office,
            "permit_type": permit_type,
        },
    )
    form, _created = BlankForm.objects.get_or_create(
        permit_type=permit_type, slug=blank["slug"], defaults={"title": blank["title"]}
    )
    form.title = blank["title"]
    # The old file goes only once the row points at the new one (a rollback keeps both as they were).
    stored_file_discard_on_commit(form.file)
    stored_file_save(form.file, f"{blank['slug']}.pdf", ContentFile(pdf))
    form.save()
