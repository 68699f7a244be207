"""Who is told what after a transition (in-app and e-mail), the notifications pages, the unread badge, and the
daily reminder of overdue files."""

import smtplib
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import include, path, reverse
from django.utils import timezone

from accounts.roles import Role
from config import urls as project_urls
from permits import services as permit_services
from permits.models import Application, ApplicationStatus, ReviewStatus
from tests.factories import ApplicationFieldFactory, PermitTypeFactory, RequirementFactory, UserFactory
from tests.files import pdf_upload
from workflow import notification_urls
from workflow import urls as workflow_urls
from workflow.context_processors import unread_notifications
from workflow.markers import CLAIM_ABANDONED_AFTER, MARKER_KEEP, marker_claim
from workflow.models import DeliveryMarker, Notification, OutboxMessage, TransitionLog
from workflow.notifications import notify_transition, officer_url, transition_email_send
from workflow.reminders import overdue_applications, overdue_email_send, overdue_reminders_send
from workflow.tasks import send_transition_email

S = ApplicationStatus
JAKARTA = ZoneInfo("Asia/Jakarta")
# Friday 13 March 2026: 14 working days later, past Nyepi, Idul Fitri and Good Friday, is 10 April.
SUBMITTED_AT = datetime(2026, 3, 13, 10, 0, tzinfo=JAKARTA)
SITE = "https://pintu.example.go.id"

# The notification pages inside the `workflow` namespace, as the lead includes them, beside the project's.
urlpatterns = [
    path("", include(([*workflow_urls.urlpatterns, *notification_urls.urlpatterns], "workflow"))),
    *[p for p in project_urls.urlpatterns if getattr(p, "namespace", None) != "workflow"],
]
with_notification_urls = pytest.mark.urls(__name__)


@pytest.fixture(autouse=True)
def _site(settings):
    settings.PINTU_SITE_URL = SITE
    settings.CELERY_TASK_ALWAYS_EAGER = True


@pytest.fixture
def permit_type(db):
    permit_type = PermitTypeFactory(code="SIPUJ", name="Surat Izin Praktik Uji", sla_working_days=14)
    RequirementFactory(permit_type=permit_type, order=1, label="KTP")
    RequirementFactory(permit_type=permit_type, order=2, label="Ijazah")
    return permit_type


@pytest.fixture
def applicant(db):
    return UserFactory(full_name="Dr. Sari Wulandari")


@pytest.fixture
def back_office(db):
    return [UserFactory(roles=[Role.BACK_OFFICE]), UserFactory(roles=[Role.BACK_OFFICE])]


def submit(permit_type, applicant, *, now=SUBMITTED_AT) -> Application:
    application = permit_services.application_start(permit_type=permit_type, applicant=applicant)
    for requirement in permit_type.requirements.all():
        permit_services.document_upload(
            application=application, requirement=requirement, uploaded_file=pdf_upload(), by=applicant
        )
    return permit_services.application_submit(application=application, by=applicant, now=now)


def submitted(permit_type, applicant, capture, *, now=SUBMITTED_AT) -> Application:
    with capture(execute=True):
        return submit(permit_type, applicant, now=now)


def move(application: Application, *, status: str, **fields) -> Application:
    # The status field is protected: tests set up states behind the runner's back, on purpose.
    Application.objects.filter(pk=application.pk).update(status=status, **fields)
    return Application.objects.get(pk=application.pk)


def log_for(application, *, transition, from_status, to_status, actor, reason="", details=None, at=None):
    return TransitionLog.objects.create(
        application=application,
        transition=transition,
        from_status=from_status,
        to_status=to_status,
        actor=actor,
        actor_role="Back Office",
        reason=reason,
        details=details or {},
        created_at=at or SUBMITTED_AT + timedelta(days=3),
    )


def mail_to(user):
    return [m for m in mail.outbox if m.to == [user.email]]


# --- submit -------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_submit_notifies_applicant_and_back_office_in_app_and_by_email(
    permit_type, applicant, back_office, django_capture_on_commit_callbacks
):
    inactive = UserFactory(roles=[Role.BACK_OFFICE], is_active=False)
    kepala_seksi = UserFactory(roles=[Role.KEPALA_SEKSI])
    application = submitted(permit_type, applicant, django_capture_on_commit_callbacks)
    number = application.number

    mine = Notification.objects.get(recipient=applicant)
    assert number in mine.message and "diterima" in mine.message
    assert "10 April 2026" in mine.message
    assert mine.url == f"/permohonan/{application.pk}/"
    assert mine.created_at == SUBMITTED_AT and mine.read_at is None
    for officer in back_office:
        notice = Notification.objects.get(recipient=officer)
        assert notice.message == f"Permohonan {number} menunggu verifikasi Anda."
        assert notice.url == officer_url(application)
        assert notice.url.startswith("/petugas/")
    assert not Notification.objects.filter(recipient__in=[inactive, kepala_seksi]).exists()

    assert len(mail.outbox) == 3
    assert not OutboxMessage.objects.filter(relayed_at__isnull=True).exists()
    (to_applicant,) = mail_to(applicant)
    assert to_applicant.subject == f"[Pintu] Permohonan {number}: Verifikasi berkas (Back Office)"
    assert "Yth. Dr. Sari Wulandari" in to_applicant.body
    assert "Perkiraan selesai: 10 April 2026" in to_applicant.body
    assert f"{SITE}/permohonan/{application.pk}/" in to_applicant.body
    html, mimetype = to_applicant.alternatives[0]
    assert mimetype == "text/html" and f'href="{SITE}/permohonan/{application.pk}/"' in html
    assert '<html lang="id">' in html
    for officer in back_office:
        (to_officer,) = mail_to(officer)
        assert to_officer.subject == f"[Pintu] Permohonan {number} menunggu tindakan Anda"
        assert "Batas waktu layanan: 10 April 2026" in to_officer.body
        assert SITE + officer_url(application) in to_officer.body


@pytest.mark.django_db
def test_notify_transition_twice_adds_nothing(
    permit_type, applicant, back_office, django_capture_on_commit_callbacks
):
    application = submitted(permit_type, applicant, django_capture_on_commit_callbacks)
    log = TransitionLog.objects.get(application=application)
    counts = (Notification.objects.count(), OutboxMessage.objects.count(), len(mail.outbox))
    with django_capture_on_commit_callbacks(execute=True):
        notify_transition(log_id=log.pk)
        notify_transition(log_id=log.pk)
    assert (
        (Notification.objects.count(), OutboxMessage.objects.count(), len(mail.outbox)) == counts == (3, 3, 3)
    )


@pytest.mark.django_db
def test_notify_transition_ignores_a_missing_log():
    notify_transition(log_id=987654)
    assert not Notification.objects.exists()


@pytest.mark.django_db
def test_email_task_sends_once_even_when_retried(permit_type, applicant, django_capture_on_commit_callbacks):
    application = submitted(permit_type, applicant, django_capture_on_commit_callbacks)
    log = TransitionLog.objects.get(application=application)
    assert len(mail_to(applicant)) == 1
    result = send_transition_email.apply(kwargs={"log_id": log.pk, "recipient_id": applicant.pk})
    assert result.get() is False
    assert len(mail_to(applicant)) == 1


@pytest.mark.django_db
def test_failed_send_forgets_its_marker_so_the_retry_sends(
    permit_type, applicant, monkeypatch, django_capture_on_commit_callbacks
):
    application = submitted(permit_type, applicant, django_capture_on_commit_callbacks)
    log = TransitionLog.objects.get(application=application)
    mail.outbox.clear()
    DeliveryMarker.objects.all().delete()  # as if the submission's e-mails had not gone out yet
    original = EmailMultiAlternatives.send
    failures = iter([smtplib.SMTPServerDisconnected("down")])

    def flaky_send(self, *args, **kwargs):
        for exc in failures:
            raise exc
        return original(self, *args, **kwargs)

    monkeypatch.setattr(EmailMultiAlternatives, "send", flaky_send)
    with pytest.raises(smtplib.SMTPServerDisconnected):
        transition_email_send(log_id=log.pk, recipient_id=applicant.pk)
    assert transition_email_send(log_id=log.pk, recipient_id=applicant.pk) is True
    assert transition_email_send(log_id=log.pk, recipient_id=applicant.pk) is False
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_email_is_sent_once_even_when_the_cache_is_emptied_between_deliveries(
    permit_type, applicant, django_capture_on_commit_callbacks
):
    """The marker is a database row: a cache that was flushed, evicted or down (failing soft, it answers
    "not seen") cannot make a second delivery of the same task send the mail again."""
    application = submitted(permit_type, applicant, django_capture_on_commit_callbacks)
    log = TransitionLog.objects.get(application=application)
    DeliveryMarker.objects.all().delete()
    mail.outbox.clear()
    kwargs = {"log_id": log.pk, "recipient_id": applicant.pk}
    assert send_transition_email.apply(kwargs=kwargs).get() is True
    cache.clear()
    assert send_transition_email.apply(kwargs=kwargs).get() is False
    assert len(mail_to(applicant)) == 1
    marker = DeliveryMarker.objects.get(marker=f"pintu:mail:{log.pk}:{applicant.pk}")
    assert marker.done_at is not None


@pytest.mark.django_db
def test_an_abandoned_claim_is_taken_over_and_old_markers_are_pruned():
    assert marker_claim(marker="pintu:mail:probe") is True
    assert marker_claim(marker="pintu:mail:probe") is False, "claimed and being sent by another delivery"
    # The sender was killed mid-send: after a while a later delivery may send it.
    DeliveryMarker.objects.filter(marker="pintu:mail:probe").update(
        claimed_at=timezone.now() - CLAIM_ABANDONED_AFTER - timedelta(seconds=1)
    )
    assert marker_claim(marker="pintu:mail:probe") is True
    DeliveryMarker.objects.filter(marker="pintu:mail:probe").update(
        claimed_at=timezone.now() - MARKER_KEEP - timedelta(seconds=1), done_at=timezone.now()
    )
    assert marker_claim(marker="pintu:mail:other") is True
    assert list(DeliveryMarker.objects.values_list("marker", flat=True)) == ["pintu:mail:other"]


# --- the other transitions ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_return_for_correction_tells_the_applicant_why_with_document_notes(
    permit_type, applicant, back_office, django_capture_on_commit_callbacks
):
    ApplicationFieldFactory(
        permit_type=permit_type, name="alamat_praktik", label="Alamat tempat praktik", required=False
    )
    application = submitted(permit_type, applicant, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    ktp = application.documents.get(requirement__label="KTP")
    ktp.review_status, ktp.review_note = ReviewStatus.TIDAK_SESUAI, "Foto KTP buram, 100% tidak terbaca."
    ktp.save()
    application.documents.exclude(pk=ktp.pk).update(review_status=ReviewStatus.SESUAI)
    application = move(application, status=S.PERBAIKAN, returned_from_status=S.VERIFIKASI_BERKAS)
    log = log_for(
        application,
        transition="return_for_correction",
        from_status=S.VERIFIKASI_BERKAS,
        to_status=S.PERBAIKAN,
        actor=back_office[0],
        reason="Berkas belum lengkap.",
        details={"returned_documents": [ktp.pk], "fields": ["alamat_praktik"]},
    )
    with django_capture_on_commit_callbacks(execute=True):
        notify_transition(log_id=log.pk)

    notice = Notification.objects.get(recipient=applicant, created_at=log.created_at)
    assert notice.message == (
        f"Permohonan {application.number} dikembalikan untuk perbaikan. Alasan: Berkas belum lengkap. "
        "Dokumen: KTP: Foto KTP buram, 100% tidak terbaca."
    )
    assert not Notification.objects.filter(created_at=log.created_at).exclude(recipient=applicant).exists()
    (email,) = mail.outbox
    assert email.to == [applicant.email]
    assert email.subject == f"[Pintu] Permohonan {application.number}: Perbaikan oleh pemohon"
    assert "Alasan:\nBerkas belum lengkap." in email.body
    assert "Dokumen yang perlu diperbaiki:\n- KTP: Foto KTP buram, 100% tidak terbaca." in email.body
    assert "Isian yang perlu diperbaiki:\n- Alamat tempat praktik" in email.body
    assert "Ijazah" not in email.body
    assert "Perkiraan selesai" not in email.body, "the office does not hold the file: no due date to promise"


@pytest.mark.django_db
def test_resubmission_wakes_the_stage_that_returned_it(
    permit_type, applicant, back_office, django_capture_on_commit_callbacks
):
    application = submitted(permit_type, applicant, django_capture_on_commit_callbacks)
    log = log_for(
        application,
        transition="resubmit",
        from_status=S.PERBAIKAN,
        to_status=S.VERIFIKASI_BERKAS,
        actor=applicant,
    )
    with django_capture_on_commit_callbacks(execute=True):
        notify_transition(log_id=log.pk)
    for officer in back_office:
        notice = Notification.objects.get(recipient=officer, created_at=log.created_at)
        assert notice.message == (
            f"Permohonan {application.number} telah diperbaiki pemohon dan kembali menunggu verifikasi Anda "
            "(Verifikasi berkas (Back Office))."
        )
    assert (
        "Perbaikan permohonan"
        in Notification.objects.get(recipient=applicant, created_at=log.created_at).message
    )


@pytest.mark.django_db
def test_approval_moves_the_applicant_on_and_wakes_the_next_stage(
    permit_type, applicant, back_office, django_capture_on_commit_callbacks
):
    application = submitted(permit_type, applicant, django_capture_on_commit_callbacks)
    kepala_seksi = UserFactory(roles=[Role.KEPALA_SEKSI])
    application = move(application, status=S.VERIFIKASI_KASI)
    log = log_for(
        application,
        transition="approve",
        from_status=S.VERIFIKASI_BERKAS,
        to_status=S.VERIFIKASI_KASI,
        actor=back_office[0],
        reason="catatan internal petugas",
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notify_transition(log_id=log.pk)
    mine = Notification.objects.get(recipient=applicant, created_at=log.created_at)
    assert mine.message == (
        f"Permohonan {application.number} disetujui pada tahap Verifikasi berkas (Back Office) "
        "dan diteruskan ke tahap Verifikasi Kepala Seksi."
    )
    assert Notification.objects.get(recipient=kepala_seksi).message.endswith("menunggu verifikasi Anda.")
    assert not Notification.objects.filter(recipient__in=back_office, created_at=log.created_at).exists()
    assert "catatan internal" not in mail_to(applicant)[0].body, "an approval note is the office's own"


@pytest.mark.django_db
def test_rejection_gives_the_reason_capped_at_300_characters(
    permit_type, applicant, back_office, django_capture_on_commit_callbacks
):
    application = submitted(permit_type, applicant, django_capture_on_commit_callbacks)
    application = move(application, status=S.DITOLAK)
    reason = "Lokasi praktik tidak sesuai tata ruang. " * 20
    log = log_for(
        application,
        transition="reject",
        from_status=S.VERIFIKASI_BERKAS,
        to_status=S.DITOLAK,
        actor=back_office[0],
        reason=reason,
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notify_transition(log_id=log.pk)
    notice = Notification.objects.get(recipient=applicant, created_at=log.created_at)
    assert notice.message.startswith(f"Permohonan {application.number} ditolak. Alasan: Lokasi praktik")
    assert len(notice.message) <= 300 and notice.message.endswith("…")
    (email,) = mail.outbox
    assert reason.strip() in email.body, "the e-mail carries the whole reason"


@pytest.mark.django_db
def test_issued_sk_is_ready_to_download(
    permit_type, applicant, back_office, django_capture_on_commit_callbacks
):
    application = submitted(permit_type, applicant, django_capture_on_commit_callbacks)
    application = move(application, status=S.TERBIT)
    log = log_for(
        application, transition="publish", from_status=S.PENERBITAN, to_status=S.TERBIT, actor=applicant
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notify_transition(log_id=log.pk)
    notice = Notification.objects.get(created_at=log.created_at)
    assert notice.recipient == applicant
    assert notice.message == f"SK untuk permohonan {application.number} telah terbit dan siap diunduh."
    (email,) = mail.outbox
    assert email.subject == f"[Pintu] SK permohonan {application.number} siap diunduh"


@pytest.mark.django_db
def test_signature_stage_asks_the_kepala_dinas_to_sign(
    permit_type, applicant, django_capture_on_commit_callbacks
):
    application = submitted(permit_type, applicant, django_capture_on_commit_callbacks)
    kepala_dinas = UserFactory(roles=[Role.KEPALA_DINAS])
    sekretaris = UserFactory(roles=[Role.SEKRETARIS])
    application = move(application, status=S.MENUNGGU_TTE)
    log = log_for(
        application,
        transition="approve",
        from_status=S.VERIFIKASI_SEKRETARIS,
        to_status=S.MENUNGGU_TTE,
        actor=sekretaris,
    )
    with django_capture_on_commit_callbacks(execute=True):
        notify_transition(log_id=log.pk)
    assert Notification.objects.get(recipient=kepala_dinas).message == (
        f"Permohonan {application.number} menunggu tanda tangan elektronik Anda."
    )


@pytest.mark.django_db
def test_english_speakers_get_english_when_the_user_model_says_so(applicant):
    from workflow.notifications import recipient_language

    assert recipient_language(applicant) == "id"
    applicant.preferred_language = "en"
    applicant.save(update_fields=["preferred_language"])
    assert recipient_language(applicant) == "en"


# --- the pages ----------------------------------------------------------------------------------------------


def notice_for(user, *, message="Permohonan X menunggu verifikasi Anda.", url="/permohonan/1/", read=False):
    now = timezone.now()
    return Notification.objects.create(
        recipient=user, message=message, url=url, created_at=now, read_at=now if read else None
    )


@with_notification_urls
@pytest.mark.django_db
def test_list_shows_only_mine_newest_first_twenty_per_page(client, applicant):
    other = UserFactory()
    notice_for(other, message="bukan milik Anda")
    base = timezone.now()
    for i in range(25):
        Notification.objects.create(
            recipient=applicant, message=f"pesan {i:02d}", url="/", created_at=base + timedelta(minutes=i)
        )
    client.force_login(applicant)
    response = client.get(reverse("workflow:notifications"))
    assert response.status_code == 200
    page = [n.message for n in response.context["notifications"]]
    assert page == [f"pesan {i:02d}" for i in range(24, 4, -1)]
    assert "bukan milik Anda" not in response.content.decode()
    assert "25 notifikasi belum dibaca" in response.content.decode()
    second = client.get(reverse("workflow:notifications"), {"page": 2})
    assert [n.message for n in second.context["notifications"]] == [
        f"pesan {i:02d}" for i in range(4, -1, -1)
    ]


@with_notification_urls
@pytest.mark.django_db
def test_list_query_count_does_not_grow_with_notifications(client, applicant):
    client.force_login(applicant)
    notice_for(applicant)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("workflow:notifications"))
    for _ in range(30):
        notice_for(applicant)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("workflow:notifications"))
    assert len(many) == len(few)


@with_notification_urls
@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get(reverse("workflow:notifications"))
    assert response.status_code == 302 and "/akun/login/" in response.url


@with_notification_urls
@pytest.mark.django_db
def test_another_users_notification_is_404_everywhere(client, applicant):
    theirs = notice_for(UserFactory())
    client.force_login(applicant)
    assert client.get(reverse("workflow:notification_open", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("workflow:notification_mark_read", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("workflow:notification_open", args=[987654])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


@with_notification_urls
@pytest.mark.django_db
def test_open_marks_read_and_redirects_to_its_page(client, applicant):
    notice = notice_for(applicant, url="/permohonan/7/")
    client.force_login(applicant)
    response = client.get(reverse("workflow:notification_open", args=[notice.pk]))
    assert response.status_code == 302 and response.url == "/permohonan/7/"
    notice.refresh_from_db()
    assert notice.read_at is not None


@with_notification_urls
@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", ""]
)
def test_open_never_redirects_off_site(client, applicant, url):
    notice = notice_for(applicant, url=url)
    client.force_login(applicant)
    response = client.get(reverse("workflow:notification_open", args=[notice.pk]))
    assert response.status_code == 302 and response.url == reverse("workflow:notifications")


@with_notification_urls
@pytest.mark.django_db
def test_mark_read_and_mark_all_read_are_posts_on_own_notifications(client, applicant):
    first, second, third = (notice_for(applicant) for _ in range(3))
    theirs = notice_for(UserFactory())
    client.force_login(applicant)
    assert client.get(reverse("workflow:notification_mark_read", args=[first.pk])).status_code == 405
    response = client.post(
        reverse("workflow:notification_mark_read", args=[first.pk]), {"next": "https://evil.example/"}
    )
    assert response.status_code == 302 and response.url == reverse("workflow:notifications")
    assert Notification.objects.filter(read_at__isnull=True, recipient=applicant).count() == 2
    response = client.post(reverse("workflow:notification_mark_all_read"), {"next": "/notifikasi/?page=2"})
    assert response.url == "/notifikasi/?page=2"
    assert not Notification.objects.filter(read_at__isnull=True, recipient=applicant).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


@pytest.mark.django_db
def test_unread_count_is_one_query_per_request(applicant, django_assert_num_queries):
    notice_for(applicant)
    notice_for(applicant)
    notice_for(applicant, read=True)
    notice_for(UserFactory())
    request = RequestFactory().get("/")
    request.user = applicant
    with django_assert_num_queries(1):
        assert unread_notifications(request) == {"unread_notification_count": 2}
        assert unread_notifications(request) == {"unread_notification_count": 2}


def test_unread_count_for_visitors_needs_no_query():
    # No django_db mark: any query would fail this test.
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    assert unread_notifications(request) == {"unread_notification_count": 0}


# --- overdue reminders --------------------------------------------------------------------------------------

WEDNESDAY = date(2026, 4, 8)


@pytest.fixture
def office_staff(db):
    return {
        role: UserFactory(roles=[role])
        for role in (
            Role.BACK_OFFICE,
            Role.KEPALA_SEKSI,
            Role.KEPALA_BIDANG,
            Role.SEKRETARIS,
            Role.TIM_TEKNIS,
        )
    }


@pytest.fixture
def files(permit_type, applicant, django_capture_on_commit_callbacks):
    def make(status, due):
        return move(submit(permit_type, applicant), status=status, due_date=due)

    with django_capture_on_commit_callbacks(execute=True):
        made = {
            "overdue_berkas": make(S.VERIFIKASI_BERKAS, date(2026, 4, 1)),
            "overdue_kabid": make(S.VERIFIKASI_KABID, date(2026, 4, 7)),
            "due_today": make(S.VERIFIKASI_BERKAS, WEDNESDAY),
            "not_yet_due": make(S.VERIFIKASI_KASI, date(2026, 4, 20)),
            "with_applicant": make(S.PERBAIKAN, date(2026, 4, 1)),
            "issued": make(S.TERBIT, date(2026, 4, 1)),
        }
    Notification.objects.all().delete()
    mail.outbox.clear()
    return made


@pytest.mark.django_db
def test_overdue_selects_only_office_stage_files_past_their_due_date(files):
    assert list(overdue_applications(today=WEDNESDAY)) == [files["overdue_berkas"], files["overdue_kabid"]]


@pytest.mark.django_db
def test_overdue_reminds_stage_officers_and_superiors_once_a_day(
    files, office_staff, django_capture_on_commit_callbacks
):
    now = datetime(2026, 4, 8, 7, 0, tzinfo=JAKARTA)
    with django_capture_on_commit_callbacks(execute=True):
        assert overdue_reminders_send(today=WEDNESDAY, now=now) == 4
    berkas, kabid = files["overdue_berkas"], files["overdue_kabid"]
    reached = set(Notification.objects.values_list("recipient", "application"))
    assert reached == {
        (office_staff[Role.BACK_OFFICE].pk, berkas.pk),
        (office_staff[Role.KEPALA_SEKSI].pk, berkas.pk),
        (office_staff[Role.KEPALA_BIDANG].pk, kabid.pk),
        (office_staff[Role.SEKRETARIS].pk, kabid.pk),
    }
    notice = Notification.objects.get(recipient=office_staff[Role.BACK_OFFICE])
    # 1 April → 8 April: Thursday 2, Monday 6, Tuesday 7, Wednesday 8 (Good Friday 3 April is closed).
    assert notice.message == (
        f"Permohonan {berkas.number} (Surat Izin Praktik Uji) melewati batas waktu layanan 1 April 2026 "
        "(terlambat 4 hari kerja) dan masih dalam tahap Verifikasi berkas (Back Office)."
    )
    assert notice.url == officer_url(berkas)
    assert len(mail.outbox) == 4
    (email,) = mail_to(office_staff[Role.KEPALA_SEKSI])
    assert email.subject == f"[Pintu] Permohonan {berkas.number} melewati batas waktu layanan"
    assert "Terlambat: 4 hari kerja" in email.body and SITE + officer_url(berkas) in email.body

    later = now + timedelta(hours=5)
    with django_capture_on_commit_callbacks(execute=True):
        assert overdue_reminders_send(today=WEDNESDAY, now=later) == 0
    cache.clear()  # the embedded mode restarted: the marker rows still know today's reminders
    with django_capture_on_commit_callbacks(execute=True):
        assert overdue_reminders_send(today=WEDNESDAY, now=later) == 0
    assert Notification.objects.count() == 4 and len(mail.outbox) == 4

    # Thursday: reminded again, and the file due on Wednesday has joined them.
    with django_capture_on_commit_callbacks(execute=True):
        assert overdue_reminders_send(today=WEDNESDAY + timedelta(days=1), now=now + timedelta(days=1)) == 6
    assert Notification.objects.count() == 10 and len(mail.outbox) == 10


@pytest.mark.django_db
def test_no_reminders_on_days_the_office_is_closed(files, office_staff):
    assert overdue_reminders_send(today=date(2026, 4, 11)) == 0  # a Saturday
    assert overdue_reminders_send(today=date(2026, 4, 3)) == 0  # Good Friday
    assert not Notification.objects.exists()


@pytest.mark.django_db
def test_overdue_email_is_not_sent_once_the_file_has_moved_on(files, office_staff):
    berkas = files["overdue_berkas"]
    back_office = office_staff[Role.BACK_OFFICE]
    move(berkas, status=S.VERIFIKASI_KASI)
    assert overdue_email_send(application_id=berkas.pk, recipient_id=back_office.pk, today=WEDNESDAY) is False
    kepala_seksi = office_staff[Role.KEPALA_SEKSI]
    assert overdue_email_send(application_id=berkas.pk, recipient_id=kepala_seksi.pk, today=WEDNESDAY) is True
    assert (
        overdue_email_send(application_id=berkas.pk, recipient_id=kepala_seksi.pk, today=WEDNESDAY) is False
    )
    assert len(mail.outbox) == 1
