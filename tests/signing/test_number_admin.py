"""The administrator's side of letter numbers: validated series formats, read-only registers, the seed."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from signing.admin import NumberSeriesForm, SignerForm, TrustRootForm
from signing.models import IssuedNumber, NumberCounter, NumberSeries, SkDocument
from signing.numbering import number_allocate
from signing.seed import SEED_SERIES, number_series_seed
from tests.factories import PermitTypeFactory, UserFactory

from .conftest import make_series

NOW = datetime(2026, 3, 5, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


def series_form(**overrides) -> NumberSeriesForm:
    data = {
        "name": "SIP Bidan",
        "kka": "500.16.7.2",
        "permit_code": "SIPB",
        "unit_code": "DPMPTSP",
        "format": "{kka}/{seq:04d}/{kode}/{unit}/{bulan_romawi}/{tahun}",
        "permit_types": [],
    }
    return NumberSeriesForm(data={**data, **overrides})


def test_series_form_accepts_a_good_format(db):
    permit_type = PermitTypeFactory()
    form = series_form(permit_types=[permit_type.pk])
    assert form.is_valid(), form.errors
    assert list(form.save().permit_types.all()) == [permit_type]


@pytest.mark.parametrize(
    ("overrides", "field", "fragment"),
    [
        ({"format": "{kka}/{kode}/{tahun}"}, "format", "{seq}"),
        ({"format": "{kka}/{seq}/{nomor}/{tahun}"}, "format", "{nomor} tidak dikenal"),
        ({"format": "{kka}/{seq:%d}/{tahun}"}, "format", "tidak valid"),
        ({"permit_code": ""}, "permit_code", "{kode}"),
        (
            {
                "kka": "9" * 30,
                "permit_code": "P" * 30,
                "format": "{kka}/{kka}/{kka}/{kode}/{kode}/{seq}/{tahun}",
            },
            "format",
            "120",
        ),
    ],
)
def test_series_form_rejects_unusable_series(db, overrides, field, fragment):
    form = series_form(**overrides)
    assert not form.is_valid()
    assert fragment in " ".join(form.errors[field])


def test_a_permit_type_has_one_series(db):
    permit_type = PermitTypeFactory()
    existing = make_series(name="Lama", permit_types=[permit_type])
    form = series_form(permit_types=[permit_type.pk])
    assert not form.is_valid()
    assert "sudah memakai seri lain" in form.errors["permit_types"][0]
    # Editing the series that already has it is fine.
    edit = NumberSeriesForm(
        instance=existing,
        data={**series_form().data, "name": "Lama", "permit_types": [permit_type.pk]},
    )
    assert edit.is_valid(), edit.errors


def test_signer_form_takes_no_passphrase_and_keeps_lockout_out_of_reach():
    assert set(SignerForm.base_fields) == {
        "user",
        "name",
        "position",
        "capacity",
        "nip",
        "pkcs12",
        "is_active",
    }


def test_trust_root_form_wants_a_certificate(db):
    form = TrustRootForm(data={"name": "Root", "certificate_pem": "bukan sertifikat", "is_active": True})
    assert not form.is_valid() and "PEM" in form.errors["certificate_pem"][0]


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(is_staff=True, is_superuser=True, roles=[]))
    return client


def test_admin_pages_open_and_registers_are_read_only(admin_client, series, awaiting, sekretariat):
    issued = number_allocate(application=awaiting(), by=sekretariat, now=NOW)
    for model in (
        "numberseries",
        "numbercounter",
        "issuednumber",
        "signer",
        "signingevent",
        "trustroot",
        "skdocument",
    ):
        assert admin_client.get(reverse(f"admin:signing_{model}_changelist")).status_code == 200, model
    assert admin_client.get(reverse("admin:signing_numberseries_add")).status_code == 200
    assert admin_client.get(reverse("admin:signing_signer_add")).status_code == 200
    assert admin_client.get(reverse("admin:signing_issuednumber_add")).status_code == 403
    assert admin_client.get(reverse("admin:signing_numbercounter_add")).status_code == 403
    change = admin_client.get(reverse("admin:signing_issuednumber_change", args=[issued.pk]))
    assert change.status_code == 200 and issued.number in change.content.decode()
    admin_client.post(reverse("admin:signing_issuednumber_delete", args=[issued.pk]), {"post": "yes"})
    assert IssuedNumber.objects.filter(pk=issued.pk).exists()
    found = admin_client.get(reverse("admin:signing_issuednumber_changelist") + "?q=0001")
    assert issued.number in found.content.decode()


def test_admin_saves_a_series_with_an_invalid_format_never(admin_client, db):
    data = {**series_form().data, "format": "{kka}/{tahun}"}
    response = admin_client.post(reverse("admin:signing_numberseries_add"), data)
    assert response.status_code == 200 and not NumberSeries.objects.exists()


def test_retry_action_calls_the_issuance_retry(admin_client, series, awaiting, monkeypatch):
    import signing.issuance

    calls = []
    monkeypatch.setattr(
        signing.issuance, "sk_issue_retry", lambda *, application_id: calls.append(application_id)
    )
    document = SkDocument.objects.create(application=awaiting(), failure="TSA tidak menjawab")
    response = admin_client.post(
        reverse("admin:signing_skdocument_changelist"),
        {"action": "issue_again", "_selected_action": [document.pk]},
        follow=True,
    )
    assert calls == [document.application_id]
    assert "Penerbitan 1 SK diulang" in response.content.decode()


# --- Seed -----------------------------------------------------------------------------------------------


def test_seed_gives_each_seeded_permit_type_a_series_once(db):
    types = {slug: PermitTypeFactory(slug=slug) for slug, *_ in SEED_SERIES}
    assert number_series_seed() == len(SEED_SERIES)
    assert number_series_seed() == 0
    assert NumberSeries.objects.count() == len(SEED_SERIES)
    du = NumberSeries.objects.get(permit_types=types["sip-dokter-umum"])
    assert (du.kka, du.permit_code, du.unit_code) == ("500.16.7.2", "SIP-DU", "DPMPTSP")
    assert NumberSeries.objects.get(
        permit_types=types["kbli-71204-jasa-inspeksi-teknik-instalasi"]
    ).permit_code == ("IZIN-JITI")
    assert not NumberCounter.objects.exists()


def test_seed_leaves_the_administrators_choices_alone(db):
    reklame = PermitTypeFactory(slug="izin-penyelenggaraan-reklame")
    own = make_series(name="Reklame kantor", permit_code="RK", permit_types=[reklame])
    assert number_series_seed() == 0  # the other seeded types are not in this catalog
    assert list(reklame.number_series.all()) == [own]
