from django.core.management.base import BaseCommand

from permits.catalog_loader import office_load, permit_type_load
from permits.catalog_seed import OFFICE, PERMIT_TYPES
from workflow.closed_days import closed_days_seed


class Command(BaseCommand):
    help = (
        "Loads the office profile, the seed permit catalog (with blank-form PDFs) and the 2026 closed days."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--without-forms", action="store_true", help="Skip rendering the blank-form PDFs."
        )

    def handle(self, *args, without_forms: bool = False, **options):
        office = office_load(data=OFFICE)
        for data in PERMIT_TYPES:
            permit_type = permit_type_load(data=data, office=office, render_forms=not without_forms)
            self.stdout.write(
                f"  {permit_type.code:<6} {permit_type.name} ({permit_type.requirements.count()} persyaratan)"
            )
        from signing.seed import number_series_seed

        number_series_seed()
        added = closed_days_seed()
        self.stdout.write(
            self.style.SUCCESS(
                f"Katalog dimuat: {len(PERMIT_TYPES)} jenis izin; {added} hari libur ditambahkan."
            )
        )
