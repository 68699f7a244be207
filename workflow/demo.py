"""Demo applications for the embedded default, moved through the real services by the demo officers so
that every queue has something in it on first look."""

import io
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from pypdf import PdfWriter

from accounts.demo import ensure_demo_allowed
from accounts.models import User
from accounts.roles import Role
from core.stored_files import stored_files_atomic
from permits import services as permit_services
from permits.models import Application, PermitType, ReviewStatus

from . import services
from .models import TechnicalReviewDocument
from .services import DocumentJudgement

DEMO_APPLICANTS = [
    ("pemohon", "dr. Ayu Lestari"),
    ("pemohon2", "drg. Bima Prasetya"),
    ("pemohon3", "dr. Citra Maharani, Sp.A."),
    ("pemohon4", "PT Inspeksi Teknik Nusantara"),
]
# (permit slug, applicant username, how far it gets, submitted days ago)
PLAN = [
    ("sip-dokter-umum", "pemohon", "VERIFIKASI_BERKAS", 1),
    ("sip-dokter-gigi", "pemohon2", "VERIFIKASI_BERKAS", 20),
    ("sip-dokter-umum", "pemohon3", "VERIFIKASI_KASI", 3),
    ("sip-dokter-gigi", "pemohon2", "VERIFIKASI_KABID", 5),
    ("sip-dokter-umum", "pemohon3", "VERIFIKASI_SEKRETARIS", 6),
    ("sip-dokter-umum", "pemohon", "MENUNGGU_TTE", 8),
    ("sip-dokter-gigi", "pemohon", "PERBAIKAN", 4),
    ("sipop", "pemohon3", "VERIFIKASI_FRONT_OFFICE", 0),
    ("sipop", "pemohon2", "TINJAUAN_TEKNIS", 1),
    ("kbli-71204-jasa-inspeksi-teknik-instalasi", "pemohon4", "VERIFIKASI_BERKAS", 2),
    ("sip-bidan", "pemohon3", "DITOLAK", 7),
]
ORDER = [
    "VERIFIKASI_FRONT_OFFICE",
    "TINJAUAN_TEKNIS",
    "VERIFIKASI_BERKAS",
    "VERIFIKASI_KASI",
    "VERIFIKASI_KABID",
    "VERIFIKASI_SEKRETARIS",
    "MENUNGGU_TTE",
]


def _pdf(title: str) -> SimpleUploadedFile:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": title})
    buffer = io.BytesIO()
    writer.write(buffer)
    return SimpleUploadedFile(f"{title[:40]}.pdf", buffer.getvalue(), content_type="application/pdf")


def _photo() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (240, 360), (180, 30, 40)).save(buffer, format="JPEG")
    return SimpleUploadedFile("pas-foto.jpg", buffer.getvalue(), content_type="image/jpeg")


def _sample_value(spec) -> str:
    if spec.kind == "choice":
        return str(spec.choices[0][0])
    if spec.kind == "date":
        return "2031-12-31"
    if spec.kind == "digits":
        return (
            ("7120400000000000")[: spec.digits]
            if spec.name == "kbli"
            else "8120301234567"[: spec.digits].ljust(spec.digits, "1")
        )
    if spec.kind == "integer":
        return str(spec.min_value or 1)
    if spec.kind == "email":
        return "kontak@example.id"
    if spec.kind == "phone":
        return "081234567890"
    return {"nama_tempat_praktik": "Klinik Sehat Sentosa"}.get(spec.name, f"Contoh {spec.label.lower()}")[
        : spec.max_length or 200
    ]


def _officer(role: Role) -> User:
    return User.objects.filter(groups__name=role.value).order_by("pk").first()


@stored_files_atomic
def demo_applications_create() -> int:
    ensure_demo_allowed()
    if Application.objects.filter(applicant__username__in=[u for u, _n in DEMO_APPLICANTS]).exists():
        return 0
    applicants = {}
    for username, name in DEMO_APPLICANTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            from accounts.demo import demo_applicant_create

            user = demo_applicant_create(username=username, full_name=name)
        applicants[username] = user
    created = 0
    for slug, username, target, days_ago in PLAN:
        permit_type = PermitType.objects.filter(slug=slug).first()
        if permit_type is None:
            continue
        _advance(permit_type, applicants[username], target, timezone.now() - timedelta(days=days_ago))
        created += 1
    return created


def _advance(permit_type: PermitType, applicant: User, target: str, submitted_at) -> Application:
    application = permit_services.application_start(permit_type=permit_type, applicant=applicant)
    specs = list(permit_type.fields.all())
    permit_services.application_data_save(
        application=application, by=applicant, cleaned_data={s.name: _sample_value(s) for s in specs}
    )
    for requirement in permit_type.requirements.all():
        upload = _photo() if "pdf" not in requirement.kinds else _pdf(requirement.label)
        permit_services.document_upload(
            application=application,
            requirement=requirement,
            uploaded_file=upload,
            by=applicant,
            now=submitted_at,
        )
    application = permit_services.application_submit(application=application, by=applicant, now=submitted_at)
    now = submitted_at
    while application.status != target:
        now += timedelta(hours=20)
        status = application.status
        if target in ("PERBAIKAN", "DITOLAK") and status == "VERIFIKASI_BERKAS":
            return _decide_against(application, target, now)
        if status in ("VERIFIKASI_FRONT_OFFICE", "VERIFIKASI_BERKAS"):
            role = Role.FRONT_OFFICE if status == "VERIFIKASI_FRONT_OFFICE" else Role.BACK_OFFICE
            services.documents_review(
                application_id=application.pk,
                expected_status=status,
                by=_officer(role),
                now=now,
                judgements=[
                    DocumentJudgement(document_id=d.pk, status=ReviewStatus.SESUAI)
                    for d in application.documents.filter(superseded_at__isnull=True)
                ],
            )
        if status == "TINJAUAN_TEKNIS":
            for kind in TechnicalReviewDocument.Kind:
                services.technical_document_upload(
                    application_id=application.pk,
                    kind=kind,
                    uploaded_file=_pdf(kind.label),
                    by=_officer(Role.TIM_TEKNIS),
                )
        from .routes import role_for_stage

        application = services.application_approve(
            application_id=application.pk,
            expected_status=status,
            by=_officer(role_for_stage(status)),
            now=now,
            note="Berkas lengkap dan benar.",
        )
    return application


def _decide_against(application: Application, target: str, now) -> Application:
    bo = _officer(Role.BACK_OFFICE)
    documents = list(application.documents.filter(superseded_at__isnull=True).order_by("requirement__order"))
    services.documents_review(
        application_id=application.pk,
        expected_status=application.status,
        by=bo,
        now=now,
        judgements=[
            DocumentJudgement(
                document_id=d.pk,
                status=ReviewStatus.TIDAK_SESUAI if i == 0 else ReviewStatus.SESUAI,
                note="Dokumen buram, unggah ulang hasil pindaian yang jelas." if i == 0 else "",
            )
            for i, d in enumerate(documents)
        ],
    )
    if target == "PERBAIKAN":
        return services.application_return(
            application_id=application.pk,
            expected_status=application.status,
            by=bo,
            now=now,
            reason="Surat keterangan domisili tidak terbaca. Mohon unggah ulang.",
        )
    return services.application_reject(
        application_id=application.pk,
        expected_status=application.status,
        by=bo,
        now=now,
        reason="Tempat praktik berada di luar wilayah kewenangan kabupaten.",
    )
