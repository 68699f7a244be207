from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from accounts.roles import Role
from permits.models import ApplicationStatus
from signing.models import IssuedNumber, NumberCounter, NumberSeries
from signing.numbering import (
    NoNumberSeries,
    NumberFormatInvalid,
    NumberingError,
    NumberTaken,
    application_assign_number,
    holder_name,
    number_allocate,
    number_format,
    number_preview,
    series_for_application,
    validate_number_format,
)
from tests.factories import PermitTypeFactory, UserFactory
from workflow.models import TransitionLog
from workflow.runner import AlreadyProcessed, TransitionRefused

from .conftest import application_awaiting_number, make_series

S = ApplicationStatus
WIB = ZoneInfo("Asia/Jakarta")
NOW = datetime(2026, 3, 5, 10, 0, tzinfo=WIB)


# --- Format ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("month", "roman"),
    [(1, "I"), (2, "II"), (3, "III"), (4, "IV"), (5, "V"), (6, "VI")]
    + [(7, "VII"), (8, "VIII"), (9, "IX"), (10, "X"), (11, "XI"), (12, "XII")],
)
def test_roman_months(month, roman):
    series = NumberSeries(kka="500.16.7.2", permit_code="SIP-DU", format="{seq}/{bulan_romawi}/{tahun}")
    assert number_format(series=series, sequence=1, issued_on=date(2026, month, 15)) == f"1/{roman}/2026"


def test_every_placeholder_and_zero_padding():
    series = NumberSeries(
        kka="500.16.7.2",
        permit_code="SIP-DU",
        unit_code="DPMPTSP",
        format="{kka}/{seq:04d}/{kode}/{unit}/{bulan}/{bulan_romawi}/{tahun}",
    )
    assert number_format(series=series, sequence=7, issued_on=date(2026, 3, 9)) == (
        "500.16.7.2/0007/SIP-DU/DPMPTSP/03/III/2026"
    )
    # Padding is a minimum width, never a cut.
    assert number_format(series=series, sequence=12345, issued_on=date(2026, 11, 1)).startswith(
        "500.16.7.2/12345/SIP-DU/DPMPTSP/11/XI/"
    )


def test_the_default_format_gives_the_office_shape():
    series = NumberSeries(kka="500.16.7.2", permit_code="SIP-DU")
    assert number_format(series=series, sequence=42, issued_on=date(2026, 4, 1)) == (
        "500.16.7.2/0042/SIP-DU/DPMPTSP/IV/2026"
    )


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("{kka}/{bulan}/{tahun}", "no_seq"),
        ("{kka}/{seq:04d}/{bulan_romawi}", "no_year"),
        ("{kka}/{seq}/{nomor}/{tahun}", "unknown_placeholder"),
        ("{seq}/{}/{tahun}", "unknown_placeholder"),
        ("{seq}/{0}/{tahun}", "unknown_placeholder"),
        ("{seq.real}/{tahun}", "unknown_placeholder"),
        ("{kka[0]}/{seq}/{tahun}", "unknown_placeholder"),
        ("{seq/{tahun}", "braces"),
        ("{seq}}/{tahun}", "braces"),
        ("{seq!r}/{tahun}", "unsupported"),
        ("{seq:{kka}}/{tahun}", "unsupported"),
        ("{seq:%Y}/{tahun}", "bad_spec"),
        ("{seq}/{kka:d}/{tahun}", "bad_spec"),
    ],
)
def test_unusable_formats_are_rejected_with_an_indonesian_reason(value, code):
    with pytest.raises(ValidationError) as caught:
        validate_number_format(value)
    assert caught.value.code == code
    message = caught.value.messages[0]
    assert any(word in message for word in ("Format", "Bagian", "bagian")), message


def test_an_unknown_placeholder_is_named_in_the_message():
    with pytest.raises(ValidationError, match=r"\{nomor\} tidak dikenal"):
        validate_number_format("{seq}/{nomor}/{tahun}")


def test_number_format_refuses_a_bad_series_format_and_an_overlong_number():
    with pytest.raises(ValidationError):
        number_format(series=NumberSeries(format="{kka}/{tahun}"), sequence=1, issued_on=date(2026, 1, 1))
    long = NumberSeries(kka="K" * 30, permit_code="P" * 30, unit_code="U" * 30)
    long.format = "{kka}{kka}{kode}{kode}{unit}{seq}{tahun}"
    with pytest.raises(ValidationError, match="lebih dari 120 karakter"):
        number_format(series=long, sequence=1, issued_on=date(2026, 1, 1))


# --- Series and preview ---------------------------------------------------------------------------------


def test_no_series_is_a_domain_error_in_indonesian(awaiting):
    with pytest.raises(NoNumberSeries) as caught:
        series_for_application(application=awaiting())
    assert caught.value.message == "Seri nomor surat untuk jenis izin ini belum diatur administrator."


def test_series_of_the_permit_type(series, awaiting):
    make_series(name="Lain", permit_types=[PermitTypeFactory()])
    assert series_for_application(application=awaiting()) == series


def test_preview_is_the_next_number_and_reserves_nothing(series, awaiting, sekretariat):
    application = awaiting()
    assert (
        number_preview(application=application, today=NOW.date()) == "500.16.7.2/0001/SIP-DU/DPMPTSP/III/2026"
    )
    assert not NumberCounter.objects.exists()
    number_allocate(application=awaiting(), by=sekretariat, now=NOW)
    assert number_preview(application=application, today=NOW.date()).startswith("500.16.7.2/0002/")
    assert number_preview(application=application, today=date(2027, 1, 2)) == (
        "500.16.7.2/0001/SIP-DU/DPMPTSP/I/2027"
    )
    assert NumberCounter.objects.get().last_value == 1


# --- Allocation -----------------------------------------------------------------------------------------


def test_allocation_counts_one_to_n(series, awaiting, sekretariat):
    issued = [number_allocate(application=awaiting(), by=sekretariat, now=NOW) for _ in range(5)]
    assert [i.sequence for i in issued] == [1, 2, 3, 4, 5]
    assert issued[2].number == "500.16.7.2/0003/SIP-DU/DPMPTSP/III/2026"
    assert {i.year for i in issued} == {2026}
    assert issued[0].issued_by == sekretariat and issued[0].issued_at == NOW
    assert NumberCounter.objects.get(series=series, year=2026).last_value == 5


def test_a_rolled_back_allocation_gives_its_number_back(series, awaiting, sekretariat):
    assert number_allocate(application=awaiting(), by=sekretariat, now=NOW).sequence == 1
    lost = awaiting()
    with pytest.raises(RuntimeError, match="gagal"), transaction.atomic():
        assert number_allocate(application=lost, by=sekretariat, now=NOW).sequence == 2
        raise RuntimeError("penerbitan gagal")
    assert not IssuedNumber.objects.filter(application=lost).exists()
    again = number_allocate(application=awaiting(), by=sekretariat, now=NOW)
    assert again.sequence == 2
    assert list(IssuedNumber.objects.values_list("sequence", flat=True)) == [1, 2]


def test_the_first_number_of_a_new_local_year_is_one(series, awaiting, sekretariat):
    december = datetime(2026, 12, 31, 9, 0, tzinfo=WIB)
    assert [number_allocate(application=awaiting(), by=sekretariat, now=december).sequence for _ in "ab"] == [
        1,
        2,
    ]
    # 17:30 UTC on 31 December is already New Year's Day in Jakarta.
    new_year = datetime(2026, 12, 31, 17, 30, tzinfo=ZoneInfo("UTC"))
    first = number_allocate(application=awaiting(), by=sekretariat, now=new_year)
    assert (first.year, first.sequence, first.number) == (2027, 1, "500.16.7.2/0001/SIP-DU/DPMPTSP/I/2027")
    assert number_allocate(application=awaiting(), by=sekretariat, now=new_year).sequence == 2
    assert dict(NumberCounter.objects.values_list("year", "last_value")) == {2026: 2, 2027: 2}


def test_series_count_separately(series, awaiting, sekretariat):
    other_type = PermitTypeFactory()
    make_series(name="SIP Dokter Gigi", permit_code="SIP-DG", permit_types=[other_type])
    number_allocate(application=awaiting(), by=sekretariat, now=NOW)
    other = application_awaiting_number(permit_type=other_type, applicant=UserFactory())
    assert number_allocate(application=other, by=sekretariat, now=NOW).number.startswith(
        "500.16.7.2/0001/SIP-DG/"
    )


def test_the_register_constraints_hold(series, awaiting, sekretariat):
    issued = number_allocate(application=awaiting(), by=sekretariat, now=NOW)
    duplicate = {"series": series, "year": 2026, "issued_at": NOW, "issued_by": sekretariat}
    with pytest.raises(IntegrityError), transaction.atomic():
        IssuedNumber.objects.create(**duplicate, sequence=1, number="lain", application=awaiting())
    with pytest.raises(IntegrityError), transaction.atomic():
        IssuedNumber.objects.create(**duplicate, sequence=2, number=issued.number, application=awaiting())
    with pytest.raises(IntegrityError), transaction.atomic():
        IssuedNumber.objects.create(
            **duplicate, sequence=3, number="lain-lagi", application=issued.application
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        NumberCounter.objects.create(series=series, year=2026)


def test_two_series_rendering_the_same_number_are_refused(series, awaiting, sekretariat, applicant):
    number_allocate(application=awaiting(), by=sekretariat, now=NOW)
    twin_type = PermitTypeFactory()
    make_series(name="Kembar", permit_types=[twin_type])
    with pytest.raises(NumberTaken) as caught:
        number_allocate(
            application=application_awaiting_number(permit_type=twin_type, applicant=applicant),
            by=sekretariat,
            now=NOW,
        )
    assert "sudah tercatat di register" in caught.value.message


def test_a_format_broken_outside_the_admin_is_a_numbering_error(series, awaiting, sekretariat):
    NumberSeries.objects.filter(pk=series.pk).update(format="{kka}/{nomor}/{tahun}")
    application = awaiting()
    with pytest.raises(NumberFormatInvalid) as caught:
        application_assign_number(
            application_id=application.pk, expected_status=S.PENOMORAN, by=sekretariat, now=NOW
        )
    assert isinstance(caught.value, NumberingError) and "{nomor} tidak dikenal" in caught.value.message
    with pytest.raises(NumberFormatInvalid):
        number_preview(application=application, today=NOW.date())
    application.refresh_from_db()
    assert application.status == S.PENOMORAN
    assert not NumberCounter.objects.filter(last_value__gt=0).exists()


@pytest.mark.django_db(transaction=True)
def test_allocation_outside_a_transaction_is_a_programming_error(series, awaiting, sekretariat):
    with pytest.raises(RuntimeError, match="inside transaction.atomic"):
        number_allocate(application=awaiting(), by=sekretariat, now=NOW)
    assert not NumberCounter.objects.exists()


def test_holder_name_from_the_application_or_the_applicant(awaiting):
    assert holder_name(awaiting(data={"nama_dengan_gelar": "dr. Andi Wijaya"})) == "dr. Andi Wijaya"
    assert holder_name(awaiting(data={"nama_perusahaan": "PT Inspeksi Jaya"})) == "PT Inspeksi Jaya"
    assert holder_name(awaiting(data={"nama_dengan_gelar": "  "})) == "Budi Santoso"


# --- The Sekretariat's action ---------------------------------------------------------------------------


def test_sekretariat_numbers_the_sk_and_the_application_moves_on(series, awaiting, sekretariat):
    application = awaiting()
    result = application_assign_number(
        application_id=application.pk, expected_status=S.PENOMORAN, by=sekretariat, now=NOW
    )
    assert result.status == S.PENERBITAN
    assert result.issued_number.number == "500.16.7.2/0001/SIP-DU/DPMPTSP/III/2026"
    application.refresh_from_db()
    assert application.status == S.PENERBITAN and application.stage_entered_at == NOW
    log = TransitionLog.objects.get(application=application, transition="assign_number")
    assert (log.from_status, log.to_status, log.actor, log.actor_role) == (
        S.PENOMORAN,
        S.PENERBITAN,
        sekretariat,
        Role.SEKRETARIAT.value,
    )
    assert log.details["number"] == "500.16.7.2/0001/SIP-DU/DPMPTSP/III/2026"


@pytest.mark.parametrize("role", [r for r in Role if r != Role.SEKRETARIAT])
def test_only_the_sekretariat_may_number(role, series, awaiting):
    application = awaiting()
    with pytest.raises(TransitionRefused):
        application_assign_number(
            application_id=application.pk, expected_status=S.PENOMORAN, by=UserFactory(roles=[role]), now=NOW
        )
    application.refresh_from_db()
    assert application.status == S.PENOMORAN
    assert not IssuedNumber.objects.exists() and not NumberCounter.objects.filter(last_value__gt=0).exists()


def test_numbering_twice_is_already_processed(series, awaiting, sekretariat):
    application = awaiting()
    application_assign_number(
        application_id=application.pk, expected_status=S.PENOMORAN, by=sekretariat, now=NOW
    )
    with pytest.raises(AlreadyProcessed):
        application_assign_number(
            application_id=application.pk, expected_status=S.PENOMORAN, by=sekretariat, now=NOW
        )
    assert IssuedNumber.objects.count() == 1


def test_numbering_before_signature_is_refused(series, awaiting, sekretariat):
    application = awaiting(status=S.MENUNGGU_TTE)
    with pytest.raises(TransitionRefused):
        application_assign_number(
            application_id=application.pk, expected_status=S.MENUNGGU_TTE, by=sekretariat, now=NOW
        )
    assert not IssuedNumber.objects.exists()


def test_without_a_series_nothing_changes(awaiting, sekretariat):
    application = awaiting()
    with pytest.raises(NoNumberSeries):
        application_assign_number(
            application_id=application.pk, expected_status=S.PENOMORAN, by=sekretariat, now=NOW
        )
    application.refresh_from_db()
    assert application.status == S.PENOMORAN
    assert not TransitionLog.objects.filter(application=application).exists()


def test_a_failed_numbering_transaction_gives_the_number_back(series, awaiting, sekretariat, monkeypatch):
    from workflow import notifications

    first, second = awaiting(), awaiting()

    def broken(*, log_id):
        raise RuntimeError("notifikasi gagal")

    monkeypatch.setattr(notifications, "notify_transition", broken)
    with pytest.raises(RuntimeError):
        application_assign_number(
            application_id=first.pk, expected_status=S.PENOMORAN, by=sekretariat, now=NOW
        )
    monkeypatch.undo()
    first.refresh_from_db()
    assert first.status == S.PENOMORAN and not IssuedNumber.objects.exists()
    done = application_assign_number(
        application_id=second.pk, expected_status=S.PENOMORAN, by=sekretariat, now=NOW
    )
    assert done.issued_number.sequence == 1


# --- Permissions ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", list(Role))
def test_who_reads_the_register(db, role):
    allowed = {Role.SEKRETARIAT, Role.SEKRETARIS, Role.KEPALA_DINAS, Role.ADMINISTRATOR}
    assert UserFactory(roles=[role]).has_perm("signing.view_register") is (role in allowed)


def test_assign_number_permission_needs_the_role_and_the_stage(awaiting, sekretariat):
    assert sekretariat.has_perm("signing.assign_number", awaiting())
    assert not sekretariat.has_perm("signing.assign_number", awaiting(status=S.PENERBITAN))
    assert not UserFactory(roles=[Role.SEKRETARIS]).has_perm("signing.assign_number", awaiting())
