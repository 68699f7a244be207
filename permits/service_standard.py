"""The 14 service-standard components of a permit type, grouped as PermenPANRB 15/2014 groups them."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .models import PermitType, ServiceComponent


@dataclass
class ComponentView:
    number: int
    title: str
    text: str = ""
    kind: str = "text"  # "requirements" | "procedure" | "text": how the template lays it out
    extra: list = field(default_factory=list)


def _fee_text(permit_type: PermitType) -> str:
    if permit_type.is_free:
        return _("Tidak dipungut biaya")
    return f"Rp {permit_type.fee_rupiah:,}".replace(",", ".")


def service_standard_sections(*, permit_type: PermitType) -> list[tuple[str, list[ComponentView]]]:
    """Uses the prefetched relations of `permit_type`; issues no queries of its own when they are loaded."""
    notes = {entry.component: entry.content for entry in permit_type.standard_entries.all()}
    structured = {
        ServiceComponent.PERSYARATAN: ComponentView(
            1,
            ServiceComponent.PERSYARATAN.label,
            notes.get(1, ""),
            "requirements",
            list(permit_type.requirements.all()),
        ),
        ServiceComponent.PROSEDUR: ComponentView(
            2,
            ServiceComponent.PROSEDUR.label,
            notes.get(2, ""),
            "procedure",
            list(permit_type.procedure_steps.all()),
        ),
        ServiceComponent.JANGKA_WAKTU: ComponentView(
            3,
            ServiceComponent.JANGKA_WAKTU.label,
            "\n".join(
                filter(
                    None,
                    [
                        _("Paling lama %(days)s hari kerja.") % {"days": permit_type.sla_working_days},
                        notes.get(3, ""),
                    ],
                )
            ),
        ),
        ServiceComponent.BIAYA: ComponentView(
            4,
            ServiceComponent.BIAYA.label,
            "\n".join(filter(None, [_fee_text(permit_type), notes.get(4, "")])),
        ),
        ServiceComponent.PRODUK: ComponentView(
            5, ServiceComponent.PRODUK.label, "\n".join(filter(None, [permit_type.product, notes.get(5, "")]))
        ),
        ServiceComponent.DASAR_HUKUM: ComponentView(
            7,
            ServiceComponent.DASAR_HUKUM.label,
            "\n".join(filter(None, [permit_type.legal_basis, notes.get(7, "")])),
        ),
    }

    def view_for(component: ServiceComponent) -> ComponentView:
        return structured.get(component) or ComponentView(
            component.value, component.label, notes.get(component, "")
        )

    return [
        (
            _("Komponen standar pelayanan yang terkait dengan proses penyampaian pelayanan"),
            [view_for(c) for c in ServiceComponent.delivery()],
        ),
        (
            _(
                "Komponen standar pelayanan yang terkait dengan proses pengelolaan pelayanan "
                "di internal organisasi"
            ),
            [view_for(c) for c in ServiceComponent.management()],
        ),
    ]
