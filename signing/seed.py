"""Letter-number series for the seed permit catalog. KKA codes per Permendagri 83/2022 (see DOMAIN.md):
500.16.7.2 pelayanan perizinan, 500.16.7.4 nonperizinan. Every seeded type is an izin, so all use .2."""

from permits.models import PermitType

from .models import NumberSeries

PERIZINAN = "500.16.7.2"
NONPERIZINAN = "500.16.7.4"

# (permit type slug, series name, KKA, permit code in the letter number)
SEED_SERIES: tuple[tuple[str, str, str, str], ...] = (
    ("sip-dokter-umum", "SIP Dokter Umum", PERIZINAN, "SIP-DU"),
    ("sip-dokter-gigi", "SIP Dokter Gigi", PERIZINAN, "SIP-DG"),
    ("sipop", "SIP Ortotik Prostetik", PERIZINAN, "SIPOP"),
    ("sip-bidan", "SIP Bidan", PERIZINAN, "SIPB"),
    ("kbli-71204-jasa-inspeksi-teknik-instalasi", "Izin KBLI 71204 (JITI)", PERIZINAN, "IZIN-JITI"),
    ("izin-penyelenggaraan-reklame", "Izin Penyelenggaraan Reklame", PERIZINAN, "REKL"),
    ("izin-pendirian-lkp", "Izin Pendirian LKP", PERIZINAN, "LKP"),
)


def number_series_seed() -> int:
    """Creates a series for each seeded permit type that has none yet and links it. Idempotent: a permit
    type the administrator has already given a series (or that is not in the catalog) is left alone, and an
    existing series of the same name is reused, not changed. Returns how many permit types were linked."""
    linked = 0
    permit_types = {p.slug: p for p in PermitType.objects.filter(slug__in=[row[0] for row in SEED_SERIES])}
    already = set(
        NumberSeries.permit_types.through.objects.filter(permittype__slug__in=permit_types).values_list(
            "permittype__slug", flat=True
        )
    )
    for slug, name, kka, permit_code in SEED_SERIES:
        permit_type = permit_types.get(slug)
        if permit_type is None or slug in already:
            continue
        series = NumberSeries.objects.filter(name=name).order_by("pk").first() or NumberSeries.objects.create(
            name=name, kka=kka, permit_code=permit_code, unit_code="DPMPTSP"
        )
        series.permit_types.add(permit_type)
        linked += 1
    return linked
