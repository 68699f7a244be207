import itertools

import pytest

from accounts.roles import Role
from permits.models import Application, ApplicationStatus
from signing.models import NumberSeries
from tests.factories import PermitTypeFactory, UserFactory

_numbers = itertools.count(1)


def make_series(*, permit_types=(), **fields) -> NumberSeries:
    values = {"name": "SIP Dokter Umum", "kka": "500.16.7.2", "permit_code": "SIP-DU", "unit_code": "DPMPTSP"}
    series = NumberSeries.objects.create(**{**values, **fields})
    series.permit_types.add(*permit_types)
    return series


def application_awaiting_number(*, permit_type, applicant, data=None, status=ApplicationStatus.PENOMORAN):
    # The status is a protected FSM field: it can only be given in the constructor.
    return Application.objects.create(
        permit_type=permit_type,
        applicant=applicant,
        status=status,
        number=f"{permit_type.code}-2611-T{next(_numbers):05d}",
        data=data or {},
    )


@pytest.fixture
def permit_type(db):
    return PermitTypeFactory()


@pytest.fixture
def series(permit_type):
    return make_series(permit_types=[permit_type])


@pytest.fixture
def applicant(db):
    return UserFactory(full_name="Budi Santoso")


@pytest.fixture
def sekretariat(db):
    return UserFactory(roles=[Role.SEKRETARIAT])


@pytest.fixture
def awaiting(permit_type, applicant):
    """A factory of applications waiting at PENOMORAN."""

    def make(**kwargs):
        return application_awaiting_number(permit_type=permit_type, applicant=applicant, **kwargs)

    return make
