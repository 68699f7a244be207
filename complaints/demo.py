"""Demo complaints and survey answers for the embedded default, so the complaint queues, the recap, the
IKM page and the dashboard have something to show on first look. Made through the real services."""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accounts.demo import ensure_demo_allowed
from accounts.models import User
from accounts.roles import Role
from permits.models import PermitType

from . import services
from .models import Channel, Complaint, ComplaintKind, ComplaintUnit
from .survey_models import AgeGroup, Education, Occupation, Sex, SurveyChannel, SurveyResponse
from .survey_services import survey_submit


def _user(role: Role) -> User:
    return User.objects.filter(groups__name=role.value).order_by("pk").first()


# The unit the demo Bidang Terkait account belongs to: it sees the complaints disposed there, and only those.
DEMO_UNIT = "Bidang Perizinan Kesehatan"


def demo_unit_membership() -> ComplaintUnit:
    unit, _created = ComplaintUnit.objects.get_or_create(name=DEMO_UNIT)
    bidang = _user(Role.BIDANG_TERKAIT)
    if bidang is not None:
        unit.members.add(bidang)
    return unit


@transaction.atomic
def demo_complaints_create() -> int:
    ensure_demo_allowed()
    unit = demo_unit_membership()
    if Complaint.objects.exists():
        return 0
    sip = PermitType.objects.filter(slug="sip-dokter-umum").first()
    reklame = PermitType.objects.filter(slug="izin-penyelenggaraan-reklame").first()
    operator, kabid, bidang = (
        _user(r) for r in (Role.OPERATOR_PENGADUAN, Role.KEPALA_BIDANG_PENGADUAN, Role.BIDANG_TERKAIT)
    )
    now = timezone.now()
    fresh = services.complaint_submit(
        intake=services.Intake(
            kind=ComplaintKind.PENGADUAN,
            permit_type=sip,
            component=3,
            name="Rudi Hartono",
            email="rudi@example.id",
            description="Sudah 10 hari kerja belum ada kabar atas permohonan SIP saya.",
        ),
        now=now - timedelta(hours=3),
    )
    question = services.complaint_submit(
        intake=services.Intake(
            kind=ComplaintKind.PERMINTAAN_INFORMASI,
            permit_type=reklame,
            phone="081377778888",
            name="Dewi",
            description="Apakah izin reklame papan nama toko di bawah 1 m² tetap perlu izin?",
        ),
        now=now - timedelta(days=2),
    )
    services.complaint_classify(
        complaint_id=question.pk,
        expected_status=question.status,
        by=operator,
        kind=question.kind,
        component=1,
        permit_type=reklame,
    )
    services.complaint_answer_directly(
        complaint_id=question.pk,
        expected_status="DIKLASIFIKASI",
        by=operator,
        answer="Papan nama usaha di lokasi usaha dengan luas di bawah 1 m² cukup dilaporkan, "
        "tidak perlu izin.",
    )
    lapor = services.complaint_submit(
        intake=services.Intake(
            kind=ComplaintKind.PENGADUAN,
            permit_type=sip,
            component=4,
            channel=Channel.LAPOR,
            lapor_id="5120931",
            name="Anonim LAPOR",
            phone="081200001111",
            is_confidential=True,
            description="Ada oknum yang meminta uang untuk mempercepat SIP.",
        ),
        recorded_by=operator,
        now=now - timedelta(days=5),
    )
    services.complaint_classify(
        complaint_id=lapor.pk,
        expected_status=lapor.status,
        by=operator,
        kind=lapor.kind,
        component=4,
        permit_type=sip,
    )
    services.complaint_dispose(
        complaint_id=lapor.pk,
        expected_status="DIKLASIFIKASI",
        by=kabid,
        unit=unit,
        outcome="APIP",
    )
    services.complaint_submit_answer(
        complaint_id=lapor.pk,
        expected_status="DIDISPOSISI",
        by=bidang,
        answer="Sedang ditelusuri bersama Inspektorat.",
    )
    return len([fresh, question, lapor])


@transaction.atomic
def demo_survey_create(*, count: int = 12) -> int:
    ensure_demo_allowed()
    if SurveyResponse.objects.exists():
        return 0
    rng = random.Random(2026)  # noqa: S311 — demo answers, not security
    permit_types = list(PermitType.objects.all()[:4])
    for index in range(count):
        answers = {f"U{n}": rng.choice([3, 3, 4, 4, 4, 2]) for n in range(1, 10)}
        survey_submit(
            cleaned_data={
                **answers,
                "permit_type": permit_types[index % len(permit_types)] if permit_types else None,
                "age_group": rng.choice(AgeGroup.values),
                "sex": rng.choice(Sex.values),
                "education": rng.choice(Education.values),
                "occupation": rng.choice(Occupation.values),
                "suggestion": ["", "Ruang tunggu nyaman.", "Mohon tambah petugas loket saat jam sibuk."][
                    index % 3
                ],
            },
            channel=SurveyChannel.KIOSK,
            now=timezone.now() - timedelta(days=index * 3),
        )
    return count
