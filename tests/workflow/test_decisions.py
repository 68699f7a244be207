from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.roles import Role
from permits import services as permit_services
from permits.models import ApplicationStatus, ReviewStatus
from permits.upload_rejections import UploadRejected
from tests.files import pdf_upload
from workflow import services
from workflow.models import TechnicalReviewDocument, TransitionLog
from workflow.runner import AlreadyProcessed, TransitionRefused
from workflow.services import DocumentJudgement
from workflow.sla import sla_status

from .conftest import make_permit_type, submitted_application

S = ApplicationStatus
JKT = ZoneInfo("Asia/Jakarta")


def judge_all(application, officer, status=ReviewStatus.SESUAI, note=""):
    judgements = [
        DocumentJudgement(document_id=d.pk, status=status, note=note)
        for d in application.documents.filter(superseded_at__isnull=True)
    ]
    services.documents_review(
        application_id=application.pk, expected_status=application.status, by=officer, judgements=judgements
    )


@pytest.mark.django_db
def test_back_office_must_judge_every_document_before_approving(officers, applicant):
    application = submitted_application(permit_type=make_permit_type(), applicant=applicant)
    bo = officers[Role.BACK_OFFICE]
    with pytest.raises(services.DecisionInvalid, match="Semua dokumen harus dinyatakan sesuai"):
        services.application_approve(
            application_id=application.pk, expected_status=S.VERIFIKASI_BERKAS, by=bo
        )
    with pytest.raises(services.DecisionInvalid, match="catatan"):
        judge_all(application, bo, ReviewStatus.TIDAK_SESUAI, note="")
    judge_all(application, bo)
    approved = services.application_approve(
        application_id=application.pk, expected_status=S.VERIFIKASI_BERKAS, by=bo
    )
    assert approved.status == S.VERIFIKASI_KASI


@pytest.mark.django_db
def test_full_chain_sip_route(officers, applicant):
    application = submitted_application(permit_type=make_permit_type(), applicant=applicant)
    judge_all(application, officers[Role.BACK_OFFICE])
    chain = [
        (S.VERIFIKASI_BERKAS, Role.BACK_OFFICE, S.VERIFIKASI_KASI),
        (S.VERIFIKASI_KASI, Role.KEPALA_SEKSI, S.VERIFIKASI_KABID),
        (S.VERIFIKASI_KABID, Role.KEPALA_BIDANG, S.VERIFIKASI_SEKRETARIS),
        (S.VERIFIKASI_SEKRETARIS, Role.SEKRETARIS, S.MENUNGGU_TTE),
    ]
    for current, role, following in chain:
        # The next stage's officer cannot act early.
        with pytest.raises(TransitionRefused):
            services.application_approve(
                application_id=application.pk, expected_status=current, by=officers[Role.KEPALA_DINAS]
            )
        assert (
            services.application_approve(
                application_id=application.pk, expected_status=current, by=officers[role]
            ).status
            == following
        )
    roles = list(TransitionLog.objects.filter(application=application).values_list("actor_role", flat=True))
    assert roles == ["Pemohon", "Back Office", "Kepala Seksi", "Kepala Bidang", "Sekretaris"]


@pytest.mark.django_db
def test_replayed_form_is_already_processed(officers, applicant):
    application = submitted_application(permit_type=make_permit_type(), applicant=applicant)
    judge_all(application, officers[Role.BACK_OFFICE])
    services.application_approve(
        application_id=application.pk, expected_status=S.VERIFIKASI_BERKAS, by=officers[Role.BACK_OFFICE]
    )
    with pytest.raises(AlreadyProcessed):
        services.application_approve(
            application_id=application.pk, expected_status=S.VERIFIKASI_BERKAS, by=officers[Role.BACK_OFFICE]
        )
    assert TransitionLog.objects.filter(application=application, transition="approve").count() == 1


@pytest.mark.django_db
def test_tolak_requires_a_reason(officers, applicant):
    application = submitted_application(permit_type=make_permit_type(), applicant=applicant)
    for call in (services.application_return, services.application_reject):
        with pytest.raises(services.DecisionInvalid):
            call(
                application_id=application.pk,
                expected_status=S.VERIFIKASI_BERKAS,
                by=officers[Role.BACK_OFFICE],
                reason="  ",
            )
    rejected = services.application_reject(
        application_id=application.pk,
        expected_status=S.VERIFIKASI_BERKAS,
        by=officers[Role.BACK_OFFICE],
        reason="Bukan kewenangan kabupaten.",
    )
    assert rejected.status == S.DITOLAK
    assert (
        TransitionLog.objects.get(application=application, transition="reject").reason
        == "Bukan kewenangan kabupaten."
    )


@pytest.mark.django_db
def test_correction_loop_replaces_only_returned_documents_and_returns_to_the_stage(officers, applicant):
    permit_type = make_permit_type(sla=14)
    submitted_on = datetime(2026, 11, 2, 9, tzinfo=JKT)  # Monday
    application = submitted_application(permit_type=permit_type, applicant=applicant, now=submitted_on)
    ktp, ijazah = application.documents.order_by("requirement__order")
    bo = officers[Role.BACK_OFFICE]
    services.documents_review(
        application_id=application.pk,
        expected_status=S.VERIFIKASI_BERKAS,
        by=bo,
        judgements=[
            DocumentJudgement(document_id=ktp.pk, status=ReviewStatus.TIDAK_SESUAI, note="KTP buram."),
            DocumentJudgement(document_id=ijazah.pk, status=ReviewStatus.SESUAI),
        ],
    )
    returned_at = datetime(2026, 11, 5, 10, tzinfo=JKT)  # Thursday: 3 working days used (3, 4, 5 Nov)
    application = services.application_return(
        application_id=application.pk,
        expected_status=S.VERIFIKASI_BERKAS,
        by=bo,
        reason="Perbaiki KTP dan STR.",
        fields=["nomor_str", "tidak_ada"],
        now=returned_at,
    )
    assert application.status == S.PERBAIKAN and application.working_days_used == 3
    assert application.correction_fields == ["nomor_str"]
    log = TransitionLog.objects.get(application=application, transition="return_for_correction")
    assert log.details == {"returned_documents": [ktp.pk], "fields": ["nomor_str"]}
    # The SLA clock is stopped while the applicant holds the file.
    assert not sla_status(application=application, today=date(2026, 11, 20)).clock_running

    with pytest.raises(permit_services.ApplicationNotEditable):
        permit_services.document_upload(
            application=application, requirement=ijazah.requirement, uploaded_file=pdf_upload(), by=applicant
        )
    with pytest.raises(permit_services.SubmissionIncomplete, match="Dokumen belum diganti: KTP"):
        permit_services.application_resubmit(application=application, by=applicant)
    new_ktp = permit_services.document_upload(
        application=application,
        requirement=ktp.requirement,
        uploaded_file=pdf_upload("ktp-jelas.pdf"),
        by=applicant,
        now=datetime(2026, 11, 9, 8, tzinfo=JKT),
    )
    ktp.refresh_from_db()
    assert ktp.superseded_at is not None and ktp.file.storage.exists(ktp.file.name), "the old file is kept"
    permit_services.application_data_save(
        application=application, by=applicant, cleaned_data={"nomor_str": "STR-2"}
    )
    resubmitted = permit_services.application_resubmit(
        application=application, by=applicant, now=datetime(2026, 11, 9, 9, tzinfo=JKT)
    )
    assert resubmitted.status == S.VERIFIKASI_BERKAS
    # 11 working days left from Mon 9 Nov: 10–13, 16–20, 23–24 → 24 Nov.
    assert resubmitted.due_date == date(2026, 11, 24)
    log = TransitionLog.objects.get(application=application, transition="resubmit")
    assert log.details == {"replaced_documents": [new_ktp.pk], "changed_fields": ["nomor_str"]}


@pytest.mark.django_db
def test_applicant_may_only_edit_flagged_fields_in_correction(officers, applicant):
    permit_type = make_permit_type()
    permit_type.fields.create(name="alamat", label="Alamat", kind="text", required=True, order=2)
    application = submitted_application(permit_type=permit_type, applicant=applicant) if False else None
    application = permit_services.application_start(permit_type=permit_type, applicant=applicant)
    permit_services.application_data_save(
        application=application, by=applicant, cleaned_data={"nomor_str": "A", "alamat": "Jl. Lama"}
    )
    for requirement in permit_type.requirements.all():
        permit_services.document_upload(
            application=application, requirement=requirement, uploaded_file=pdf_upload(), by=applicant
        )
    application = permit_services.application_submit(application=application, by=applicant)
    application = services.application_return(
        application_id=application.pk,
        expected_status=S.VERIFIKASI_BERKAS,
        by=officers[Role.BACK_OFFICE],
        reason="Nomor STR salah.",
        fields=["nomor_str"],
    )
    permit_services.application_data_save(
        application=application, by=applicant, cleaned_data={"nomor_str": "B", "alamat": "Jl. Baru"}
    )
    application.refresh_from_db()
    assert application.data == {"nomor_str": "B", "alamat": "Jl. Lama"}


@pytest.mark.django_db
def test_tim_teknis_must_upload_berita_acara_and_rekomendasi(officers, applicant):
    permit_type = make_permit_type(front_office=True, technical=True, sla=3)
    application = submitted_application(permit_type=permit_type, applicant=applicant)
    assert application.status == S.VERIFIKASI_FRONT_OFFICE
    judge_all(application, officers[Role.FRONT_OFFICE])
    services.application_approve(
        application_id=application.pk,
        expected_status=S.VERIFIKASI_FRONT_OFFICE,
        by=officers[Role.FRONT_OFFICE],
    )
    tim = officers[Role.TIM_TEKNIS]
    with pytest.raises(services.DecisionInvalid, match="Berita acara"):
        services.application_approve(application_id=application.pk, expected_status=S.TINJAUAN_TEKNIS, by=tim)
    with pytest.raises(UploadRejected):
        services.technical_document_upload(
            application_id=application.pk,
            kind=TechnicalReviewDocument.Kind.BERITA_ACARA,
            uploaded_file=SimpleUploadedFile("ba.pdf", b"<html>"),
            by=tim,
        )
    with pytest.raises(TransitionRefused):
        services.technical_document_upload(
            application_id=application.pk,
            kind=TechnicalReviewDocument.Kind.BERITA_ACARA,
            uploaded_file=pdf_upload("ba.pdf"),
            by=officers[Role.BACK_OFFICE],
        )
    for kind in TechnicalReviewDocument.Kind:
        services.technical_document_upload(
            application_id=application.pk, kind=kind, uploaded_file=pdf_upload(), by=tim
        )
    moved = services.application_approve(
        application_id=application.pk, expected_status=S.TINJAUAN_TEKNIS, by=tim
    )
    assert moved.status == S.VERIFIKASI_BERKAS


@pytest.mark.django_db
def test_sla_status_counts_working_days_and_flags_overdue(applicant):
    application = submitted_application(
        permit_type=make_permit_type(sla=3), applicant=applicant, now=datetime(2026, 12, 22, 9, tzinfo=JKT)
    )
    # 3 working days after Tue 22 Dec: 23 Dec, (24–25 closed, weekend), 28, 29 Dec.
    assert application.due_date == date(2026, 12, 29)
    on_time = sla_status(application=application, today=date(2026, 12, 28))
    assert (on_time.working_days_used, on_time.working_days_left, on_time.overdue) == (2, 1, False)
    late = sla_status(application=application, today=date(2026, 12, 31))
    assert late.overdue and late.working_days_left == -2  # 23, 28, 29, 30, 31 Dec used
