"""Every URL of the project × every role: the answer each one gets, written out below (issue 9, least
privilege). Not derived from the rules modules: from DESIGN §1, §3, §6 and §9.

- A draft (and a draft cancelled before it was ever submitted) is its applicant's alone.
- An application's content (data, documents, Tim Teknis files, the draft and the signed SK) is read by the
  roles that work on applications: Front Office, Back Office, Tim Teknis, Kepala Seksi, Kepala Bidang,
  Sekretaris, Kepala Dinas, Sekretariat; the issued SK also by its applicant. Not by the pengaduan staff, and
  not by the Administrator: administrators configure, through the Django admin (skipped below).
- Complaints: the Operator and the Kepala Bidang Pengaduan see all; a Bidang Terkait only those disposed to
  its unit; a confidential complainant's name and phone only the Operator and the Kepala Bidang Pengaduan.
- "Not yours" answers exactly as "missing": 404.

Each cell is the answer to one request by one actor:

    200  the page or file            ID   200, and the page shows the confidential complainant's name or phone
    L    302 to the sign-in page     302  another redirect (a form's PRG, "already processed", …)
    400  a form sent back            404  not found (or not yours)     405  method not allowed

Besides the table, two invariants hold in every cell: the never-submitted applications' content
(DRAFT_MARKER) reaches nobody but their applicant, and ID appears only where the table says so.

Actors: anon (no account), own (the applicant who owns every application here), oth (a second applicant
who owns nothing), fo bo tt ksi kbd sek kds str (Front Office, Back Office, Tim Teknis, Kepala Seksi, Kepala
Bidang, Sekretaris, Kepala Dinas, Sekretariat), opr kbp (Operator and Kepala Bidang Pengaduan), bdg (a Bidang
Terkait in unit A) and adm (Administrator, a superuser as `make run`'s demo admin is).

Objects: type (the published permit type and its blank form) · draft, sub (submitted, at Tinjauan Teknis,
with a Tim Teknis file), tte (waiting for the Kepala Dinas' signature, draft SK rendered), issued (TERBIT,
final SK), cancel (a draft cancelled before submission), all owned by `own` · note (a notification of
`own`) · c_new (received, not yet disposed), c_conf (disposed to unit A, confidential), c_ours (disposed to
unit A), c_other (disposed to unit B), each with an attachment · csv, xlsx (no object: the page's export
in that format) · - (no object).

POST cells send no data or the least a form needs (POST_DATA), each in a transaction rolled back at once.
Run with `-s` to see the number of cells and URL names.
"""

import hashlib
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from accounts.roles import Role
from complaints.models import Complaint, ComplaintAttachment, ComplaintKind, ComplaintUnit
from complaints.models import ComplaintStatus as CS
from permits.models import Application, ApplicationDocument, ApplicationStatus, BlankForm
from signing.models import SkDocument
from tests.factories import ApplicationFieldFactory, PermitTypeFactory, RequirementFactory, UserFactory
from tests.files import pdf_bytes
from workflow.models import Notification, TechnicalReviewDocument

S = ApplicationStatus

MATRIX = """
url name                           object method anon own oth fo  bo  tt  ksi kbd sek kds str opr kbp bdg adm
permits:home                       -      GET  200 200 200 200 200 200 200 200 200 200 200 200 200 200 200
permits:permit_detail              type   GET  200 200 200 200 200 200 200 200 200 200 200 200 200 200 200
permits:blank_form                 type   GET  200 200 200 200 200 200 200 200 200 200 200 200 200 200 200
permits:application_start          type   GET  L   405 405 405 405 405 405 405 405 405 405 405 405 405 405
permits:application_start          type   POST L   302 302 302 302 302 302 302 302 302 302 302 302 302 302
permits:application_list           -      GET  L   200 200 200 200 200 200 200 200 200 200 200 200 200 200
permits:application_detail         draft  GET  L   302 404 404 404 404 404 404 404 404 404 404 404 404 404
permits:application_detail         sub    GET  L   200 404 404 404 404 404 404 404 404 404 404 404 404 404
permits:application_detail         issued GET  L   200 404 404 404 404 404 404 404 404 404 404 404 404 404
permits:application_detail         cancel GET  L   200 404 404 404 404 404 404 404 404 404 404 404 404 404
permits:application_edit           draft  GET  L   200 404 404 404 404 404 404 404 404 404 404 404 404 404
permits:application_edit           draft  POST L   302 404 404 404 404 404 404 404 404 404 404 404 404 404
permits:application_edit           sub    GET  L   302 404 404 404 404 404 404 404 404 404 404 404 404 404
permits:application_edit           sub    POST L   302 404 404 404 404 404 404 404 404 404 404 404 404 404
permits:application_submit         draft  GET  L   405 404 404 404 404 404 404 404 404 404 404 404 404 404
permits:application_submit         draft  POST L   302 404 404 404 404 404 404 404 404 404 404 404 404 404
permits:application_submit         sub    POST L   302 404 404 404 404 404 404 404 404 404 404 404 404 404
permits:receipt_pdf                draft  GET  L   404 404 404 404 404 404 404 404 404 404 404 404 404 404
permits:receipt_pdf                sub    GET  L   200 404 404 404 404 404 404 404 404 404 404 404 404 404
permits:receipt_pdf                cancel GET  L   404 404 404 404 404 404 404 404 404 404 404 404 404 404
permits:document_upload            draft  GET  L   405 404 404 404 404 404 404 404 404 404 404 404 404 404
permits:document_upload            draft  POST L   400 404 404 404 404 404 404 404 404 404 404 404 404 404
permits:document_upload            sub    POST L   302 404 404 404 404 404 404 404 404 404 404 404 404 404
permits:document_download          draft  GET  L   200 404 404 404 404 404 404 404 404 404 404 404 404 404
permits:document_download          cancel GET  L   200 404 404 404 404 404 404 404 404 404 404 404 404 404
permits:document_download          sub    GET  L   200 404 200 200 200 200 200 200 200 200 404 404 404 404
permits:document_download          issued GET  L   200 404 200 200 200 200 200 200 200 200 404 404 404 404
permits:document_remove            draft  GET  L   405 404 404 404 404 404 404 404 404 404 404 404 404 404
permits:document_remove            draft  POST L   302 404 404 404 404 404 404 404 404 404 404 404 404 404
permits:document_remove            sub    POST L   302 404 404 404 404 404 404 404 404 404 404 404 404 404
workflow:tracking                  -      GET  200 200 200 200 200 200 200 200 200 200 200 200 200 200 200
workflow:queue                     -      GET  L   404 404 200 200 200 200 200 200 200 200 404 404 404 404
workflow:staff_tracking            -      GET  L   404 404 200 200 200 200 200 200 200 200 404 404 404 404
workflow:notifications             -      GET  L   200 200 200 200 200 200 200 200 200 200 200 200 200 200
workflow:notification_open         note   GET  L   302 404 404 404 404 404 404 404 404 404 404 404 404 404
workflow:notification_mark_read    note   GET  L   405 405 405 405 405 405 405 405 405 405 405 405 405 405
workflow:notification_mark_read    note   POST L   302 404 404 404 404 404 404 404 404 404 404 404 404 404
workflow:notification_mark_all_read -     POST L   302 302 302 302 302 302 302 302 302 302 302 302 302 302
workflow:dashboard                 -      GET  L   404 404 404 404 404 404 200 200 200 404 404 404 404 200
workflow:staff_application_detail  draft  GET  L   404 404 404 404 404 404 404 404 404 404 404 404 404 404
workflow:staff_application_detail  cancel GET  L   404 404 404 404 404 404 404 404 404 404 404 404 404 404
workflow:staff_application_detail  sub    GET  L   404 404 200 200 200 200 200 200 200 200 404 404 404 404
workflow:staff_application_detail  tte    GET  L   404 404 200 200 200 200 200 200 200 200 404 404 404 404
workflow:staff_application_detail  issued GET  L   404 404 200 200 200 200 200 200 200 200 404 404 404 404
workflow:staff_decision            draft  POST L   404 404 404 404 404 404 404 404 404 404 404 404 404 404
workflow:staff_decision            sub    GET  L   404 404 405 405 405 405 405 405 405 405 404 404 404 404
workflow:staff_decision            sub    POST L   404 404 302 302 302 302 302 302 302 302 404 404 404 404
workflow:technical_upload          draft  POST L   404 404 404 404 404 404 404 404 404 404 404 404 404 404
workflow:technical_upload          sub    POST L   404 404 302 302 302 302 302 302 302 302 404 404 404 404
workflow:staff_document            draft  GET  L   404 404 404 404 404 404 404 404 404 404 404 404 404 404
workflow:staff_document            sub    GET  L   404 404 200 200 200 200 200 200 200 200 404 404 404 404
workflow:staff_technical_document  sub    GET  L   404 404 200 200 200 200 200 200 200 200 404 404 404 404
signing:sk_draft_preview           draft  GET  L   404 404 404 404 404 404 404 404 404 404 404 404 404 404
signing:sk_draft_preview           tte    GET  L   404 404 200 200 200 200 200 200 200 200 404 404 404 404
signing:sk_draft_preview           issued GET  L   404 404 200 200 200 200 200 200 200 200 404 404 404 404
signing:sk_sign                    tte    GET  405 405 405 405 405 405 405 405 405 405 405 405 405 405 405
signing:sk_sign                    draft  POST L   404 404 404 404 404 404 404 404 404 404 404 404 404 404
signing:sk_sign                    tte    POST L   404 404 302 302 302 302 302 302 302 302 404 404 404 404
signing:sk_number                  draft  POST L   404 404 404 404 404 404 404 404 404 404 404 404 404 404
signing:sk_number                  tte    POST L   404 404 302 302 302 302 302 302 302 302 404 404 404 404
signing:sk_email                   tte    POST L   404 404 404 404 404 404 404 404 404 404 404 404 404 404
signing:sk_email                   issued POST L   404 404 404 404 404 404 404 404 404 302 404 404 404 404
signing:sk_download                draft  GET  L   404 404 404 404 404 404 404 404 404 404 404 404 404 404
signing:sk_download                tte    GET  L   404 404 404 404 404 404 404 404 404 404 404 404 404 404
signing:sk_download                issued GET  L   200 404 200 200 200 200 200 200 200 200 404 404 404 404
signing:verify_upload              -      GET  200 200 200 200 200 200 200 200 200 200 200 200 200 200 200
signing:verify_upload              -      POST 400 400 400 400 400 400 400 400 400 400 400 400 400 400 400
signing:verify_token               issued GET  200 200 200 200 200 200 200 200 200 200 200 200 200 200 200
signing:number_register            -      GET  L   404 404 404 404 404 404 404 200 200 200 404 404 404 200
signing:number_register            xlsx   GET  L   404 404 404 404 404 404 404 200 200 200 404 404 404 200
complaints:complaint_new           -      GET  200 200 200 200 200 200 200 200 200 200 200 200 200 200 200
complaints:complaint_new           -      POST 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200
complaints:complaint_submitted     -      GET  302 302 302 302 302 302 302 302 302 302 302 302 302 302 302
complaints:track                   -      GET  200 200 200 200 200 200 200 200 200 200 200 200 200 200 200
complaints:complaint_rate          -      GET  405 405 405 405 405 405 405 405 405 405 405 405 405 405 405
complaints:complaint_rate          -      POST 302 302 302 302 302 302 302 302 302 302 302 302 302 302 302
complaints:complaint_reopen        -      POST 302 302 302 302 302 302 302 302 302 302 302 302 302 302 302
complaints:staff_queue             -      GET  L   404 404 404 404 404 404 404 404 404 404 200 200 200 404
complaints:staff_record            -      GET  L   404 404 404 404 404 404 404 404 404 404 200 200 404 404
complaints:staff_record            -      POST L   404 404 404 404 404 404 404 404 404 404 400 400 404 404
complaints:staff_recap             -      GET  L   404 404 404 404 404 404 404 200 200 404 200 200 200 200
complaints:staff_recap             csv    GET  L   404 404 404 404 404 404 404 200 200 404 200 200 200 200
complaints:staff_detail            c_new  GET  L   404 404 404 404 404 404 404 404 404 404 200 200 404 404
complaints:staff_detail            c_conf GET  L   404 404 404 404 404 404 404 404 404 404 ID  ID  200 404
complaints:staff_detail            c_ours GET  L   404 404 404 404 404 404 404 404 404 404 200 200 200 404
complaints:staff_detail            c_other GET L   404 404 404 404 404 404 404 404 404 404 200 200 404 404
complaints:staff_action            c_ours GET  L   404 404 404 404 404 404 404 404 404 404 405 405 405 404
complaints:staff_action            c_new  POST L   404 404 404 404 404 404 404 404 404 404 302 302 404 404
complaints:staff_action            c_conf POST L   404 404 404 404 404 404 404 404 404 404 302 302 400 404
complaints:staff_action            c_ours POST L   404 404 404 404 404 404 404 404 404 404 302 302 400 404
complaints:staff_action            c_other POST L  404 404 404 404 404 404 404 404 404 404 302 302 404 404
complaints:staff_attachment        c_new  GET  L   404 404 404 404 404 404 404 404 404 404 200 200 404 404
complaints:staff_attachment        c_conf GET  L   404 404 404 404 404 404 404 404 404 404 200 200 404 404
complaints:staff_attachment        c_ours GET  L   404 404 404 404 404 404 404 404 404 404 200 200 200 404
complaints:staff_attachment        c_other GET L   404 404 404 404 404 404 404 404 404 404 200 200 404 404
complaints:survey_kiosk            -      GET  200 200 200 200 200 200 200 200 200 200 200 200 200 200 200
complaints:survey_kiosk            -      POST 400 400 400 400 400 400 400 400 400 400 400 400 400 400 400
complaints:survey_thanks           -      GET  200 200 200 200 200 200 200 200 200 200 200 200 200 200 200
complaints:survey_for_application  draft  GET  L   404 404 404 404 404 404 404 404 404 404 404 404 404 404
complaints:survey_for_application  sub    GET  L   404 404 404 404 404 404 404 404 404 404 404 404 404 404
complaints:survey_for_application  issued GET  L   200 404 404 404 404 404 404 404 404 404 404 404 404 404
complaints:survey_for_application  issued POST L   400 404 404 404 404 404 404 404 404 404 404 404 404 404
complaints:ikm_report              -      GET  L   404 404 404 404 404 404 200 200 200 404 404 200 404 200
complaints:ikm_report              csv    GET  L   404 404 404 404 404 404 200 200 200 404 404 200 404 200
account_profile                    -      GET  L   200 200 200 200 200 200 200 200 200 200 200 200 200 200
account_profile                    -      POST L   200 200 200 200 200 200 200 200 200 200 200 200 200 200
account_after_login                -      GET  L   302 302 302 302 302 302 302 302 302 302 302 302 302 302
accessibility                      -      GET  200 200 200 200 200 200 200 200 200 200 200 200 200 200 200
"""

# Walked but not in the table, each with its reason. A prefix is matched against the route.
SKIPPED_PREFIXES = {
    "admin/": "the Django admin: the administrators' tool, guarded by staff status and model permissions",
    "i18n/": "the language switch (set_language): no object of ours, the same answer for every visitor",
    "static/": "static files: WhiteNoise / nginx serve them; no route unless DEBUG",
    "media/": "public media (blank forms): nginx serves them; no route unless DEBUG",
}
# allauth's own pages under akun/ (sign-in, sign-up, password reset, e-mail addresses): they hold no object
# of ours. Pintu's own pages under akun/ (profil, masuk-berhasil) are in the table.
SKIPPED_VIEW_MODULES = {"allauth.": "allauth's own account pages under akun/: no object of ours"}

COLUMNS = (
    "anon",
    "own",
    "oth",
    "fo",
    "bo",
    "tt",
    "ksi",
    "kbd",
    "sek",
    "kds",
    "str",
    "opr",
    "kbp",
    "bdg",
    "adm",
)
ROLE_OF = {
    "fo": Role.FRONT_OFFICE,
    "bo": Role.BACK_OFFICE,
    "tt": Role.TIM_TEKNIS,
    "ksi": Role.KEPALA_SEKSI,
    "kbd": Role.KEPALA_BIDANG,
    "sek": Role.SEKRETARIS,
    "kds": Role.KEPALA_DINAS,
    "str": Role.SEKRETARIAT,
    "opr": Role.OPERATOR_PENGADUAN,
    "kbp": Role.KEPALA_BIDANG_PENGADUAN,
    "bdg": Role.BIDANG_TERKAIT,
    "adm": Role.ADMINISTRATOR,
}
assert set(ROLE_OF.values()) | {Role.PEMOHON} == set(Role), "every role has its column"

# Only these two applications' pages and files may carry it (their data, their documents' names).
DRAFT_MARKER = "DRAFRAHASIA"
SECRET_NAME, SECRET_PHONE = "Rahasia Pelaporwati", "081399990000"

# What a POST cell sends, by URL name (default: nothing).
POST_DATA = {
    "complaints:staff_action": lambda obj: {"expected_status": obj.instance.status, "answer": ""},
}
# URL parameters that name something else than the object's usual attribute of that name.
PARAMETER_SOURCES = {"workflow:staff_technical_document": {"doc_pk": "technical_pk"}}


def _parse(table: str) -> dict[str, list[tuple[str, str, dict[str, str]]]]:
    lines = [line for line in table.strip().splitlines()[1:] if line.strip()]
    rows: dict[str, list[tuple[str, str, dict[str, str]]]] = {}
    for line in lines:
        name, obj, method, *cells = line.split()
        assert len(cells) == len(COLUMNS), f"{name} {obj} {method}: {len(cells)} cells"
        assert method in ("GET", "POST"), line
        assert set(cells) <= {"200", "ID", "L", "302", "400", "404", "405"}, line
        rows.setdefault(name, []).append((obj, method, dict(zip(COLUMNS, cells, strict=True))))
    return rows


ROWS = _parse(MATRIX)
CELLS = sum(len(rows) for rows in ROWS.values()) * len(COLUMNS)


def walk(resolver=None, prefix: str = "", namespace: str = ""):
    """(name, route, parameter names) of every URL pattern of the project, less the skipped ones."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern, route, inner)
            continue
        if route.startswith(tuple(SKIPPED_PREFIXES)):
            continue
        if getattr(pattern.callback, "__module__", "").startswith(tuple(SKIPPED_VIEW_MODULES)):
            continue
        assert pattern.name, f"{route}: every URL needs a name (and a row here)"
        regex = pattern.pattern.regex
        yield f"{namespace}{pattern.name}", route, tuple(regex.groupindex)


def test_every_url_pattern_has_its_rows_and_every_row_its_url():
    walked = {name for name, _route, _params in walk()}
    assert walked - set(ROWS) == set(), "URL patterns without a row in MATRIX"
    assert set(ROWS) - walked == set(), "rows in MATRIX for URL patterns that do not exist"


def test_matrix_size_and_no_row_twice(capsys):
    with capsys.disabled():
        print(f"\naccess matrix: {CELLS} cells, {len(ROWS)} URL names, {len(COLUMNS)} actors")
    keys = [(name, obj, method) for name, rows in ROWS.items() for obj, method, _cells in rows]
    assert len(keys) == len(set(keys)), "a (URL, object, method) row appears twice"


# --- the world: built once for the module, rolled back at its end ----------------------------------------


def _pdf(name: str) -> ContentFile:
    return ContentFile(pdf_bytes(), name=name)


def _document(application, requirement, *, owner, name: str, now) -> ApplicationDocument:
    data = pdf_bytes()
    document = ApplicationDocument(
        application=application,
        requirement=requirement,
        display_name=name,
        content_type="application/pdf",
        extension=".pdf",
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        uploaded_at=now,
        uploaded_by=owner,
    )
    document.file.save("dokumen.pdf", ContentFile(data), save=False)
    document.save()
    return document


def _application(status, *, permit_type, owner, number, requirement, now, **fields):
    application = Application.objects.create(
        permit_type=permit_type,
        applicant=owner,
        status=status,
        number=number,
        submitted_at=now if number else None,
        stage_entered_at=now,
        due_date=timezone.localdate() + timedelta(days=10) if number else None,
        **fields,
    )
    document_name = f"{DRAFT_MARKER}.pdf" if not number else f"ktp-{status.lower()}.pdf"
    document = _document(application, requirement, owner=owner, name=document_name, now=now)
    return SimpleNamespace(
        instance=application,
        kwargs={"pk": application.pk, "doc_pk": document.pk, "requirement_pk": requirement.pk},
    )


def _sk(application, **files) -> SkDocument:
    sk = SkDocument(application=application, draft_rendered_at=timezone.now())
    for field, name in files.items():
        getattr(sk, field).save(name, _pdf(name), save=False)
    sk.draft_sha256 = hashlib.sha256(b"draft").hexdigest()
    if "final_pdf" in files:
        sk.issued_at = timezone.now()
    sk.save()
    return sk


def _complaint(ticket: str, status: str, *, unit=None, confidential=False, application=None, name="Warga"):
    today = timezone.localdate()
    complaint = Complaint.objects.create(
        ticket=ticket,
        kind=ComplaintKind.PENGADUAN,
        handled_as=ComplaintKind.PENGADUAN,
        description="Petugas meminta biaya di luar ketentuan.",
        name=name,
        email="pelapor@example.test",
        phone=SECRET_PHONE if confidential else "081200002222",
        is_confidential=confidential,
        status=status,
        received_at=timezone.now(),
        acknowledge_due=today + timedelta(days=1),
        answer_due=today + timedelta(days=14),
        disposed_unit=unit,
        disposed_to=unit.name if unit else "",
        application=application,
    )
    data = pdf_bytes()
    attachment = ComplaintAttachment(
        complaint=complaint,
        display_name="bukti.pdf",
        content_type="application/pdf",
        extension=".pdf",
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        uploaded_at=timezone.now(),
    )
    attachment.file.save("bukti.pdf", ContentFile(data), save=False)
    attachment.save()
    return SimpleNamespace(
        instance=complaint,
        kwargs={"pk": complaint.pk, "attachment_pk": attachment.pk, "action": "submit_answer"},
    )


def _build():
    now = timezone.now()
    users = {"own": UserFactory(full_name="Pemilik Berkas"), "oth": UserFactory(full_name="Pemohon Lain")}
    for actor, role in ROLE_OF.items():
        users[actor] = UserFactory(roles=[role])
    users["adm"].is_staff = users["adm"].is_superuser = True  # as the demo's administrator
    users["adm"].save()
    unit_a = ComplaintUnit.objects.create(name="Unit Uji A")
    unit_b = ComplaintUnit.objects.create(name="Unit Uji B")
    unit_a.members.add(users["bdg"])

    permit_type = PermitTypeFactory()
    ApplicationFieldFactory(permit_type=permit_type, name="nomor_str", label="Nomor STR")
    requirement = RequirementFactory(permit_type=permit_type, order=1, label="KTP")
    blank_form = BlankForm(permit_type=permit_type, slug="surat-permohonan", title="Surat permohonan")
    blank_form.file.save("surat.pdf", _pdf("surat.pdf"), save=False)
    blank_form.save()

    common = {"permit_type": permit_type, "owner": users["own"], "requirement": requirement, "now": now}
    secret = {"nomor_str": DRAFT_MARKER}
    objects = {
        "-": SimpleNamespace(instance=None, kwargs={}),
        "csv": SimpleNamespace(instance=None, kwargs={}, query="?format=csv"),
        "xlsx": SimpleNamespace(instance=None, kwargs={}, query="?format=xlsx"),
        "type": SimpleNamespace(
            instance=permit_type, kwargs={"slug": permit_type.slug, "form_slug": "surat-permohonan"}
        ),
        "draft": _application(S.DRAFT, number=None, data=secret, **common),
        "cancel": _application(S.DIBATALKAN, number=None, data=secret, **common),
        "sub": _application(S.TINJAUAN_TEKNIS, number="MTX-2612-SUBMIT", **common),
        "tte": _application(S.MENUNGGU_TTE, number="MTX-2612-TTE", **common),
        "issued": _application(S.TERBIT, number="MTX-2612-TERBIT", **common),
    }
    technical = TechnicalReviewDocument(
        application=objects["sub"].instance,
        kind=TechnicalReviewDocument.Kind.BERITA_ACARA,
        display_name="berita-acara.pdf",
        content_type="application/pdf",
        size=1,
        sha256="0" * 64,
        uploaded_by=users["tt"],
        uploaded_at=now,
    )
    technical.file.save("ba.pdf", _pdf("ba.pdf"), save=False)
    technical.save()
    objects["sub"].kwargs["technical_pk"] = technical.pk
    _sk(objects["tte"].instance, draft_pdf="draf.pdf")
    issued_sk = _sk(
        objects["issued"].instance, draft_pdf="draf.pdf", signed_pdf="ttd.pdf", final_pdf="sk.pdf"
    )
    objects["issued"].kwargs["token"] = issued_sk.verification_token

    note = Notification.objects.create(
        recipient=users["own"], message="Permohonan Anda diterima.", url="/permohonan/", created_at=now
    )
    objects["note"] = SimpleNamespace(instance=note, kwargs={"pk": note.pk})
    linked = objects["sub"].instance
    objects["c_new"] = _complaint("ADU-MTX-NEW", CS.DITERIMA, application=linked)
    objects["c_conf"] = _complaint(
        "ADU-MTX-CONF", CS.DIDISPOSISI, unit=unit_a, confidential=True, application=linked, name=SECRET_NAME
    )
    objects["c_ours"] = _complaint("ADU-MTX-OURS", CS.DIDISPOSISI, unit=unit_a)
    objects["c_other"] = _complaint("ADU-MTX-OTHER", CS.DIDISPOSISI, unit=unit_b)
    return SimpleNamespace(users=users, objects=objects)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield _build()
        transaction.set_rollback(True)


# --- the cells ---------------------------------------------------------------------------------------------


PARAMETERS = {name: params for name, _route, params in walk()}


def _url(name: str, obj) -> str:
    sources = PARAMETER_SOURCES.get(name, {})
    kwargs = {param: obj.kwargs[sources.get(param, param)] for param in PARAMETERS[name]}
    return reverse(name, kwargs=kwargs) + getattr(obj, "query", "")


def _answer(client: Client, method: str, url: str, data: dict) -> tuple[str, str]:
    """(the cell's token, what the response showed: body and file name), the request rolled back at once."""
    cache.clear()  # the public forms' rate limits count per address: every cell starts afresh
    with transaction.atomic():
        response = client.get(url) if method == "GET" else client.post(url, data)
        if getattr(response, "streaming", False):
            body = b"".join(response.streaming_content)
        else:
            body = response.content
        # No response.close() here: the test client has closed it (for a streamed body, at the end of the
        # iteration above) with close_old_connections disconnected; a second close would fire
        # request_finished and close PostgreSQL's connection in the middle of this atomic block.
        transaction.set_rollback(True)
    shown = body.decode(errors="ignore") + response.get("Content-Disposition", "")
    code = response.status_code
    if code == 302:
        login = reverse("account_login")
        return ("L" if response["Location"].split("?")[0] == login else "302"), shown
    if code == 200 and (SECRET_NAME in shown or SECRET_PHONE in shown):
        return "ID", shown
    return str(code), shown


@pytest.mark.parametrize("name", sorted(ROWS))
def test_each_actor_gets_the_answer_of_the_matrix(name, world, db):
    clients = {}
    for actor in COLUMNS:
        clients[actor] = Client(raise_request_exception=False)
        if actor != "anon":
            clients[actor].force_login(world.users[actor])
    mismatches = []
    for obj_key, method, expected in ROWS[name]:
        obj = world.objects[obj_key]
        url = _url(name, obj)
        data = POST_DATA[name](obj) if method == "POST" and name in POST_DATA else {}
        for actor in COLUMNS:
            got, shown = _answer(clients[actor], method, url, data)
            if got != expected[actor]:
                mismatches.append(f"{name} {obj_key} {method} {actor}: expected {expected[actor]}, got {got}")
            if DRAFT_MARKER in shown and actor != "own":
                mismatches.append(f"{name} {obj_key} {method} {actor}: shows a never-submitted application")
    assert mismatches == []
