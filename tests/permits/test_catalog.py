import pytest
from django.urls import reverse

from permits.catalog_loader import office_load, permit_type_load
from permits.catalog_seed import OFFICE, PERMIT_TYPES
from permits.models import PermitType, ServiceComponent
from permits.service_standard import service_standard_sections


@pytest.fixture
def catalog(db):
    office = office_load(data=OFFICE)
    for data in PERMIT_TYPES:
        permit_type_load(data=data, office=office, render_forms=data["slug"] == "sip-dokter-umum")
    return PermitType.objects.all()


@pytest.mark.django_db
def test_seed_is_faithful_to_the_service_standards(catalog):
    for slug in ("sip-dokter-umum", "sip-dokter-gigi"):
        sip = PermitType.objects.get(slug=slug)
        assert sip.requirements.count() == 14
        assert (sip.sla_working_days, sip.fee_rupiah, sip.uses_technical_review) == (14, 0, False)
        labels = list(sip.requirements.values_list("label", flat=True))
        assert labels[0] == "Surat Keterangan Domisili" and "MoU pembuangan limbah medis padat" in labels
        assert not any(label[: len(label) // 2] * 2 == label for label in labels), (
            "extraction duplicates removed"
        )
        assert {"nomor_str", "sip_ke", "nama_tempat_praktik", "jadwal_praktik"} <= set(
            sip.fields.values_list("name", flat=True)
        )
    sipop = PermitType.objects.get(code="SIPOP")
    assert (sipop.sla_working_days, sipop.uses_front_office, sipop.uses_technical_review) == (3, True, True)
    kbli = PermitType.objects.get(code="JITI")
    assert (kbli.sla_working_days, kbli.risk_level) == (7, "tinggi")
    nib = kbli.fields.get(name="nib")
    assert (nib.kind, nib.digits) == ("digits", 13)
    assert kbli.fields.get(name="kbli").digits == 5
    assert PermitType.objects.count() >= 6


@pytest.mark.django_db
def test_loading_twice_updates_in_place(catalog):
    before = {p.slug: p.requirements.count() for p in PermitType.objects.all()}
    office = office_load(data=OFFICE)
    for data in PERMIT_TYPES:
        permit_type_load(data=data, office=office, render_forms=False)
    assert {p.slug: p.requirements.count() for p in PermitType.objects.all()} == before


@pytest.mark.django_db
def test_service_standard_has_all_14_components_in_two_groups(catalog):
    sip = PermitType.objects.prefetch_related("requirements", "procedure_steps", "standard_entries").get(
        slug="sip-dokter-umum"
    )
    sections = service_standard_sections(permit_type=sip)
    assert [len(components) for _title, components in sections] == [6, 8]
    numbers = [c.number for _title, components in sections for c in components]
    assert numbers == list(range(1, 15))
    for _title, components in sections:
        for component in components:
            assert component.text or component.extra, f"component {component.number} is empty"
    assert {c.value for c in ServiceComponent} == set(range(1, 15))


@pytest.mark.django_db
def test_permit_page_shows_standard_fee_and_blank_forms(client, catalog, django_assert_max_num_queries):
    url = reverse("permits:permit_detail", kwargs={"slug": "sip-dokter-umum"})
    with django_assert_max_num_queries(12):
        response = client.get(url)
    body = response.content.decode()
    for component in ServiceComponent:
        assert f'id="komponen-{component.value}"' in body
    assert "Tidak dipungut biaya" in body and "Paling lama 14 hari kerja" in body
    assert "Masuk untuk mengajukan" in body
    sip = PermitType.objects.get(slug="sip-dokter-umum")
    blank = sip.blank_forms.first()
    download = client.get(reverse("permits:blank_form", kwargs={"slug": sip.slug, "form_slug": blank.slug}))
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


@pytest.mark.django_db
def test_unpublished_or_unknown_permit_is_404(client, catalog):
    PermitType.objects.filter(slug="sip-dokter-gigi").update(is_published=False)
    assert client.get(reverse("permits:permit_detail", kwargs={"slug": "sip-dokter-gigi"})).status_code == 404
    assert client.get(reverse("permits:permit_detail", kwargs={"slug": "tidak-ada"})).status_code == 404
    assert "SIP) Dokter Gigi" not in client.get(reverse("permits:home")).content.decode()


@pytest.mark.django_db
def test_home_search_and_constant_queries(client, catalog, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        response = client.get(reverse("permits:home"))
    body = response.content.decode()
    assert body.count('class="card h-100') == PermitType.objects.count()
    found = client.get(reverse("permits:home"), {"q": "gigi"}).content.decode()
    assert "Dokter Gigi" in found and "Reklame" not in found
    assert (
        "Tidak ada layanan yang cocok" in client.get(reverse("permits:home"), {"q": "zzzz"}).content.decode()
    )


@pytest.mark.django_db
def test_paid_permit_shows_rupiah(client, catalog):
    PermitType.objects.filter(slug="sip-dokter-umum").update(fee_rupiah=150000)
    body = client.get(reverse("permits:permit_detail", kwargs={"slug": "sip-dokter-umum"})).content.decode()
    assert "Rp 150.000" in body or "Rp 150,000" in body
