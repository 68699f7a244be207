import pytest

from accounts.roles import Role
from permits import services as permit_services
from permits.models import FieldKind
from tests.factories import ApplicationFieldFactory, PermitTypeFactory, RequirementFactory, UserFactory
from tests.files import pdf_upload


@pytest.fixture
def officers(db):
    """One officer per role, keyed by Role."""
    return {role: UserFactory(roles=[role]) for role in Role if role != Role.PEMOHON}


def make_permit_type(*, front_office=False, technical=False, sla=14):
    permit_type = PermitTypeFactory(
        uses_front_office=front_office, uses_technical_review=technical, sla_working_days=sla
    )
    ApplicationFieldFactory(permit_type=permit_type, name="nomor_str", label="Nomor STR", kind=FieldKind.TEXT)
    RequirementFactory(permit_type=permit_type, order=1, label="KTP")
    RequirementFactory(permit_type=permit_type, order=2, label="Ijazah")
    return permit_type


def submitted_application(*, permit_type, applicant, now=None):
    application = permit_services.application_start(permit_type=permit_type, applicant=applicant)
    permit_services.application_data_save(
        application=application, by=applicant, cleaned_data={"nomor_str": "STR-1"}
    )
    for requirement in permit_type.requirements.all():
        permit_services.document_upload(
            application=application,
            requirement=requirement,
            uploaded_file=pdf_upload(),
            by=applicant,
            now=now,
        )
    return permit_services.application_submit(application=application, by=applicant, now=now)


@pytest.fixture
def applicant(db):
    return UserFactory()
