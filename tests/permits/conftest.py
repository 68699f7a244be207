import pytest

from permits.models import FieldKind
from tests.factories import ApplicationFieldFactory, PermitTypeFactory, RequirementFactory, UserFactory


@pytest.fixture
def permit_type(db):
    permit_type = PermitTypeFactory(code="SIPUJ", sla_working_days=14)
    ApplicationFieldFactory(permit_type=permit_type, name="nomor_str", label="Nomor STR", kind=FieldKind.TEXT)
    ApplicationFieldFactory(
        permit_type=permit_type, name="nib", label="NIB", kind=FieldKind.DIGITS, digits=13
    )
    ApplicationFieldFactory(
        permit_type=permit_type,
        name="sip_ke",
        label="SIP ke-",
        kind=FieldKind.CHOICE,
        choices=[["1", "SIP ke-1"], ["2", "SIP ke-2"]],
    )
    ApplicationFieldFactory(
        permit_type=permit_type, name="catatan", label="Catatan", kind=FieldKind.TEXTAREA, required=False
    )
    RequirementFactory(permit_type=permit_type, order=1, label="KTP")
    RequirementFactory(
        permit_type=permit_type, order=2, label="Pas foto", accepted_kinds=["jpg", "png"], max_size_mb=1
    )
    RequirementFactory(permit_type=permit_type, order=3, label="SIP lama", is_required=False)
    return permit_type


@pytest.fixture
def applicant(db):
    return UserFactory()


@pytest.fixture
def other_applicant(db):
    return UserFactory()


VALID_DATA = {"nomor_str": "STR-123", "nib": "1234567890123", "sip_ke": "1"}
