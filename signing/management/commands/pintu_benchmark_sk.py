"""Prints how long one SK takes to render, certify and fill+seal, and how many SKs per minute one worker
sustains. A benchmark, not a test: it asserts nothing. Runs inside a transaction that is rolled back."""

import statistics
import time
from datetime import date

from django.core.management.base import BaseCommand
from django.db import transaction

from permits import services as permit_services
from permits.catalog_loader import office_load, permit_type_load
from permits.catalog_seed import OFFICE, PERMIT_TYPES
from signing.pdf_signing import draft_certify, final_fill_and_seal, signer_load
from signing.pki import root_ca_create, signing_certificate_issue
from signing.sk_render import sk_draft_render


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Benchmarks SK production: render, certify, fill + seal (medians over --rounds)."

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=10)

    def handle(self, *args, rounds: int, **options):
        try:
            with transaction.atomic():
                self._run(rounds)
                raise Rollback
        except Rollback:
            pass

    def _run(self, rounds: int) -> None:
        from accounts.models import User

        office = office_load(data=OFFICE)
        permit_type = permit_type_load(
            data=next(p for p in PERMIT_TYPES if p["slug"] == "sip-dokter-umum"),
            office=office,
            render_forms=False,
        )
        applicant = User.objects.create_user(username="benchmark-sk", email="benchmark@example.test")
        application = permit_services.application_start(permit_type=permit_type, applicant=applicant)
        application.data = {
            "nama_dengan_gelar": "dr. Benchmark Santoso",
            "nomor_str": "3121100224112233",
            "sip_ke": "1",
            "nama_tempat_praktik": "Klinik Sehat",
            "alamat_tempat_praktik": "Jl. Raya Serang Km 12",
            "jadwal_praktik": "Senin–Jumat 16.00–21.00",
        }
        application.number = "SIPDU-2611-BENCH1"
        root_key, root = root_ca_create(organization="Benchmark")
        kadis = signing_certificate_issue(
            root_key=root_key,
            root_certificate=root,
            common_name="Kepala Dinas",
            organization="Benchmark",
            passphrase=b"benchmark",
        )
        seal = signing_certificate_issue(
            root_key=root_key,
            root_certificate=root,
            common_name="Segel",
            organization="Benchmark",
            passphrase=b"segel",
        )
        timings: dict[str, list[float]] = {"render": [], "certify": [], "fill_seal": []}
        for index in range(rounds):
            started = time.perf_counter()
            draft = sk_draft_render(
                application=application,
                verification_url="https://pintu.example.go.id/verifikasi/benchmark/",
                signer=None,
                issued_on=date.today(),
            )
            rendered = time.perf_counter()
            key = signer_load(pkcs12=kadis.pkcs12, passphrase="benchmark")  # noqa: S106 — throwaway benchmark key
            certified = draft_certify(
                draft=draft,
                signer=key,
                signer_name="Kepala Dinas",
                position="Kepala Dinas",
                reason="Benchmark",
                location="Benchmark",
            )
            signed = time.perf_counter()
            final_fill_and_seal(
                certified=certified,
                number=f"500.16.7.2/{index + 1:04d}/SIP-DU/DPMPTSP/XI/2026",
                seal_signer=signer_load(pkcs12=seal.pkcs12, passphrase="segel"),  # noqa: S106 — throwaway key
                office_name="Benchmark",
            )
            sealed = time.perf_counter()
            timings["render"].append(rendered - started)
            timings["certify"].append(signed - rendered)
            timings["fill_seal"].append(sealed - signed)
        medians = {name: statistics.median(values) for name, values in timings.items()}
        worker_seconds = medians["render"] + medians["fill_seal"]
        self.stdout.write(f"SK benchmark, {rounds} rounds, SIP Dokter Umum (medians):")
        for name, value in medians.items():
            self.stdout.write(f"  {name:<10} {value * 1000:8.1f} ms")
        self.stdout.write(
            f"  one worker (draft render + fill/seal, the background jobs): {60 / worker_seconds:6.1f} SK/min"
        )
        self.stdout.write(
            f"  end to end incl. the Kepala Dinas' certification: {60 / sum(medians.values()):6.1f} SK/min"
        )
