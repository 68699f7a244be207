"""Citizens checking an SK: verdicts of `sk_verify_pdf` on real signed files, the upload page, the QR page."""

import hashlib
import io
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils import timezone, translation

from permits.models import Application, ApplicationStatus
from signing import pdf_signing, verification
from signing.models import IssuedNumber, NumberSeries, Signer, SkDocument, TrustRoot
from signing.pki import certificate_pem, root_ca_create, signing_certificate_issue
from tests.factories import PermitTypeFactory, UserFactory
from tests.files import pdf_bytes

pytestmark = pytest.mark.urls("tests.signing.verify_urls")

PASSPHRASE = "uji-verifikasi"
NUMBER = "500.16.7.2/0042/SIP-DU/DPMPTSP/XI/2026"
HOLDER = "dr. Siti Aminah, Sp.A."
NIK = "3603014101900002"
ADDRESS = "Jl. Melati Rahasia No. 7"
DRAFT_HTML = """<html><head><style>@page{size:A4;margin:20mm} body{font-family:'Noto Serif'}
input{border:none;background:transparent;font-size:11pt}</style></head><body>
<h1>SURAT IZIN PRAKTIK</h1><p>Nomor: <input name="nomor_surat" style="width:95mm"></p>
<p>Diberikan kepada dr. Siti Aminah, Sp.A.</p>
<input name="kotak_ttd" style="width:70mm;height:25mm;display:block">
<input name="kotak_segel" style="width:48mm;height:18mm;display:block"></body></html>"""


@dataclass(frozen=True)
class Pki:
    root_pem: str
    signer: object
    seal: object


def _pki(organization: str) -> Pki:
    root_key, root = root_ca_create(organization=organization)

    def issue(common_name):
        issued = signing_certificate_issue(
            root_key=root_key,
            root_certificate=root,
            common_name=common_name,
            organization=organization,
            passphrase=PASSPHRASE.encode(),
        )
        return pdf_signing.signer_load(pkcs12=issued.pkcs12, passphrase=PASSPHRASE)

    return Pki(
        root_pem=certificate_pem(root).decode(),
        signer=issue("Dr. H. Ahmad Fauzi"),
        seal=issue(f"Segel {organization}"),
    )


def _sign(pki: Pki, draft: bytes) -> tuple[bytes, bytes]:
    certified = pdf_signing.draft_certify(
        draft=draft,
        signer=pki.signer,
        signer_name="Dr. H. Ahmad Fauzi",
        position="Kepala Dinas",
        reason="Penetapan surat izin",
        location="Serang",
    )
    final = pdf_signing.final_fill_and_seal(
        certified=certified, number=NUMBER, seal_signer=pki.seal, office_name="DPMPTSP Uji"
    )
    return certified, final


@dataclass(frozen=True)
class Files:
    root_pem: str
    draft: bytes
    certified: bytes
    final: bytes
    foreign_final: bytes
    foreign_root_pem: str


@pytest.fixture(scope="module")
def files() -> Files:
    from weasyprint import HTML

    draft = HTML(string=DRAFT_HTML).write_pdf(pdf_forms=True)
    ours, foreign = _pki("DPMPTSP Uji"), _pki("Kantor Lain")
    certified, final = _sign(ours, draft)
    _, foreign_final = _sign(foreign, draft)
    return Files(
        root_pem=ours.root_pem,
        draft=draft,
        certified=certified,
        final=final,
        foreign_final=foreign_final,
        foreign_root_pem=foreign.root_pem,
    )


@pytest.fixture
def trusted(db, files):
    return TrustRoot.objects.create(name="Root uji", certificate_pem=files.root_pem)


def _issued_sk(*, final: bytes, status=ApplicationStatus.TERBIT, valid_until=None, sequence=42) -> SkDocument:
    # NIK, application and letter numbers are unique: only the first SK of a test gets the well-known ones.
    first = sequence == 42
    applicant = UserFactory(full_name="Siti Aminah", nik=NIK if first else "")
    permit_type = PermitTypeFactory(name="Surat Izin Praktik Dokter Spesialis")
    # The status is a protected FSM field: it can only be given in the constructor.
    application = Application(
        permit_type=permit_type,
        applicant=applicant,
        status=status,
        number="SIPDS-2611-K7M3QX" if first else f"SIPDS-2611-T{sequence:05d}",
        data={"nama_dengan_gelar": HOLDER, "nik": NIK, "alamat_praktik": ADDRESS},
    )
    application.save()
    now = timezone.now()
    officer = UserFactory()
    series = NumberSeries.objects.create(name="SIP", kka="500.16.7.2", permit_code="SIP-DU")
    IssuedNumber.objects.create(
        series=series,
        year=now.year,
        sequence=sequence,
        number=NUMBER.replace("/0042/", f"/{sequence:04d}/"),
        application=application,
        issued_at=now,
        issued_by=officer,
    )
    signer = Signer.objects.create(
        user=officer, name="Dr. H. Ahmad Fauzi", position="Kepala Dinas", pkcs12="signers/uji.p12"
    )
    sk = SkDocument(
        application=application,
        signer=signer,
        final_sha256=hashlib.sha256(final).hexdigest(),
        issued_at=now,
        valid_until=valid_until or (timezone.localdate() + timedelta(days=5 * 365)),
    )
    sk.final_pdf.save("final.pdf", ContentFile(final), save=False)
    sk.save()
    return sk


@pytest.fixture
def issued(trusted, files):
    return _issued_sk(final=files.final)


# --- files -----------------------------------------------------------------------------------------


def _signed_ranges(pdf: bytes) -> list[tuple[int, int, int, int]]:
    return [tuple(map(int, m)) for m in re.findall(rb"/ByteRange\s*\[\s*(\d+) (\d+) (\d+) (\d+)\s*\]", pdf)]


def _flip_inside_signed_range(pdf: bytes) -> bytes:
    # The producer string sits in the first revision, which both signatures cover.
    position = pdf.index(b"WeasyPrint")
    for start, length, second, second_length in _signed_ranges(pdf):
        assert start <= position < start + length or second <= position < second + second_length
    return pdf[:position] + b"X" + pdf[position + 1 :]


def _with_page_content_appended(pdf: bytes) -> bytes:
    """An incremental update that paints a rectangle over page 1: a change to what the page shows."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    stream = writer.add_object(generic.StreamObject(stream_data=b"q 1 1 1 rg 70 700 300 40 re f Q"))
    writer.add_stream_to_page(0, stream)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _with_annotation_added(pdf: bytes) -> bytes:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    page_ref = writer.find_page_for_modification(0)[0]
    page = page_ref.get_object()
    annotation = writer.add_object(
        generic.DictionaryObject(
            {
                generic.NameObject("/Type"): generic.NameObject("/Annot"),
                generic.NameObject("/Subtype"): generic.NameObject("/FreeText"),
                generic.NameObject("/Rect"): generic.ArrayObject(
                    [generic.NumberObject(n) for n in (70, 700, 370, 740)]
                ),
                generic.NameObject("/Contents"): generic.TextStringObject("Berlaku selamanya"),
            }
        )
    )
    existing = page.get("/Annots")
    page["/Annots"] = generic.ArrayObject([*(existing.get_object() if existing else []), annotation])
    writer.update_container(page)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _number_typed_into_certified(certified: bytes) -> bytes:
    """A forgery: the Kepala Dinas' certified (unnumbered) file with a made-up number, and no seal."""
    from pyhanko.pdf_utils import form_tools
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.text import TextBoxStyle

    writer = IncrementalPdfFileWriter(io.BytesIO(certified))
    form_tools.populate_static_text_field(writer, "nomor_surat", TextBoxStyle(font_size=11), "999/PALSU/2026")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _pdf_pypdf_repairs_but_pyhanko_cannot() -> bytes:
    # A wrong startxref: the upload validator's lenient parser recovers, pyHanko (rightly) gives up.
    return re.sub(rb"startxref\s+\d+", b"startxref\n12", pdf_bytes())


# --- sk_verify_pdf -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_exact_issued_file_is_authentic(issued, files):
    result = verification.sk_verify_pdf(pdf=files.final)

    assert result.verdict == verification.AUTHENTIC
    assert result.sk == issued
    assert "sama persis" in result.explanation
    by_field = {s.field_name: s for s in result.signatures}
    assert set(by_field) == {"ttd_kepala_dinas", "segel"}
    certification, seal = by_field["ttd_kepala_dinas"], by_field["segel"]
    assert certification.signer_name == "Dr. H. Ahmad Fauzi"
    assert seal.signer_name == "Segel DPMPTSP Uji"
    assert all(s.intact and s.trusted and s.signed_at is not None for s in result.signatures)
    assert (certification.modification_level, certification.coverage) == ("FORM_FILLING", "ENTIRE_REVISION")
    assert (seal.modification_level, seal.coverage) == ("NONE", "ENTIRE_FILE")


@pytest.mark.django_db
def test_validation_never_fetches_from_the_network(issued, files, monkeypatch):
    import pyhanko_certvalidator

    seen = []
    real = pyhanko_certvalidator.ValidationContext

    def spy(*args, **kwargs):
        seen.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(pyhanko_certvalidator, "ValidationContext", spy)
    assert verification.sk_verify_pdf(pdf=files.final).verdict == verification.AUTHENTIC
    assert len(seen) == 2
    assert all(kwargs["allow_fetching"] is False and len(kwargs["trust_roots"]) == 1 for kwargs in seen)


@pytest.mark.django_db
def test_a_flipped_byte_inside_the_signed_range_is_modified(issued, files):
    result = verification.sk_verify_pdf(pdf=_flip_inside_signed_range(files.final))

    assert result.verdict == verification.MODIFIED
    assert result.sk is None
    assert not any(s.intact for s in result.signatures)


@pytest.mark.django_db
@pytest.mark.parametrize("change", [_with_page_content_appended, _with_annotation_added])
def test_a_page_change_appended_after_signing_is_modified(issued, files, change):
    result = verification.sk_verify_pdf(pdf=change(files.final))

    assert result.verdict == verification.MODIFIED
    by_field = {s.field_name: s for s in result.signatures}
    # Each signature is still intact over the bytes it covered; what was added after them is not allowed.
    assert all(s.intact for s in result.signatures)
    assert by_field["ttd_kepala_dinas"].modification_level == "OTHER"
    assert by_field["segel"].coverage == "ENTIRE_REVISION"


@pytest.mark.django_db
def test_a_number_typed_into_the_certified_file_without_the_seal_is_modified(trusted, files):
    # Form filling is allowed by the certification, but an SK is only complete under the office's seal.
    result = verification.sk_verify_pdf(pdf=_number_typed_into_certified(files.certified))

    assert result.verdict == verification.MODIFIED
    (certification,) = result.signatures
    assert certification.intact and certification.trusted
    assert certification.modification_level == "FORM_FILLING"


@pytest.mark.django_db
def test_signatures_from_an_untrusted_root_are_an_unknown_signer(trusted, files):
    result = verification.sk_verify_pdf(pdf=files.foreign_final)

    assert result.verdict == verification.UNKNOWN_SIGNER
    assert all(s.intact and not s.trusted for s in result.signatures)
    assert "tidak diterbitkan oleh penyelenggara sertifikasi" in result.explanation


@pytest.mark.django_db
def test_our_own_file_is_an_unknown_signer_once_its_root_is_deactivated(issued, trusted, files):
    trusted.is_active = False
    trusted.save()

    assert verification.sk_verify_pdf(pdf=files.final).verdict == verification.UNKNOWN_SIGNER


@pytest.mark.django_db
def test_an_unparsable_trust_root_is_skipped_with_a_warning(issued, files, caplog):
    broken = TrustRoot.objects.create(name="Rusak", certificate_pem="-----BEGIN CERTIFICATE-----\nbukan\n")
    TrustRoot.objects.create(name="Bukan PEM", certificate_pem="halo")
    TrustRoot.objects.create(name="Nonaktif", certificate_pem=files.foreign_root_pem, is_active=False)

    with caplog.at_level("WARNING", logger="signing.verification"):
        roots = verification.trust_roots()

    assert len(roots) == 1
    assert f"Trust root {broken.pk} skipped" in caplog.text
    assert verification.sk_verify_pdf(pdf=files.final).verdict == verification.AUTHENTIC


@pytest.mark.django_db
def test_a_trust_root_row_may_hold_a_bundle(db, files):
    TrustRoot.objects.create(name="Bundel", certificate_pem=files.root_pem + files.foreign_root_pem)

    assert len(verification.trust_roots()) == 2
    assert verification.sk_verify_pdf(pdf=files.foreign_final).verdict == verification.NOT_OURS


@pytest.mark.django_db
@pytest.mark.parametrize("unsigned", ["draft", "plain"])
def test_an_unsigned_pdf_is_not_signed(trusted, files, unsigned):
    pdf = files.draft if unsigned == "draft" else pdf_bytes()

    result = verification.sk_verify_pdf(pdf=pdf)

    assert result.verdict == verification.NOT_SIGNED
    assert result.signatures == []


@pytest.mark.django_db
def test_a_trusted_file_the_register_does_not_know_is_not_ours(trusted, files):
    # The certified but unnumbered intermediate file: genuinely signed, but never issued as such.
    certified = verification.sk_verify_pdf(pdf=files.certified)
    # And the final file itself, before (or without) its register entry.
    final = verification.sk_verify_pdf(pdf=files.final)

    assert certified.verdict == final.verdict == verification.NOT_OURS
    assert certified.sk is None and final.sk is None
    assert all(s.intact and s.trusted for s in certified.signatures + final.signatures)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "garbage",
    [b"", b"bukan pdf sama sekali", b"%PDF-1.7\n%%EOF", b"<html><script>alert(1)</script></html>"],
)
def test_garbage_is_an_invalid_file(trusted, garbage):
    assert verification.sk_verify_pdf(pdf=garbage).verdict == verification.INVALID_FILE


@pytest.mark.django_db
def test_a_truncated_or_broken_pdf_is_an_invalid_file(trusted, files, caplog):
    with caplog.at_level("INFO", logger="signing.verification"):
        truncated = verification.sk_verify_pdf(pdf=files.final[: len(files.final) // 2])
        broken = verification.sk_verify_pdf(pdf=_pdf_pypdf_repairs_but_pyhanko_cannot())

    assert truncated.verdict == broken.verdict == verification.INVALID_FILE
    ours = [r.getMessage() for r in caplog.records if r.name == "signing.verification"]
    # The truncated file is refused by the structural check (core.pdf_guard) before any parser runs.
    assert ours == ["Uploaded PDF unreadable (no %%EOF near the end)", "Uploaded PDF unreadable (KeyError)"]


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler's pdfsig is not installed")
def test_poppler_reports_both_signatures_of_the_issued_file_valid(files, tmp_path):
    path = tmp_path / "sk.pdf"
    path.write_bytes(files.final)

    report = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=True).stdout  # noqa: S603,S607

    assert report.count("Signature Validation: Signature is Valid.") == 2
    assert "Signature Field Name: ttd_kepala_dinas" in report
    assert "Signature Field Name: segel" in report


# --- the upload page ---------------------------------------------------------------------------------


def _upload(client, data: bytes, name: str = "sk.pdf", **extra):
    upload = SimpleUploadedFile(name, data, content_type="application/pdf")
    return client.post(reverse("signing:verify_upload"), {"berkas": upload}, **extra)


def _stored_files() -> set:
    root = settings.PRIVATE_MEDIA_ROOT
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


@pytest.mark.django_db
def test_the_upload_page_offers_an_accessible_form(client):
    response = client.get(reverse("signing:verify_upload"))

    body = response.content.decode()
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in body
    assert '<label class="form-label" for="id_berkas">' in body
    assert "tidak disimpan" in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("make", "title", "role"),
    [
        (lambda f: f.final, "Asli dan tidak diubah", "status"),
        (
            lambda f: _flip_inside_signed_range(f.final),
            "Dokumen telah diubah setelah ditandatangani",
            "alert",
        ),
        (
            lambda f: _with_page_content_appended(f.final),
            "Dokumen telah diubah setelah ditandatangani",
            "alert",
        ),
        (lambda f: f.foreign_final, "Penanda tangan tidak dikenal", "alert"),
        (lambda f: f.draft, "Dokumen tidak bertanda tangan elektronik", "alert"),
        (lambda f: f.certified, "Bukan dokumen yang diterbitkan kantor ini", "alert"),
        (lambda f: _pdf_pypdf_repairs_but_pyhanko_cannot(), "Berkas tidak dapat dibaca", "alert"),
    ],
)
def test_the_upload_page_states_each_verdict_plainly(client, issued, files, make, title, role):
    before = _stored_files()

    response = _upload(client, make(files))

    body = response.content.decode()
    assert response.status_code == 200
    assert f'role="{role}" aria-labelledby="judul-hasil"' in body
    assert title in body
    assert _stored_files() == before  # the uploaded file is never kept


@pytest.mark.django_db
def test_an_authentic_upload_shows_the_register_entry_and_signature_details(client, issued, files):
    body = _upload(client, files.final).content.decode()

    for expected in (HOLDER, NUMBER, "Surat Izin Praktik Dokter Spesialis", "Berlaku", "Kepala Dinas"):
        assert expected in body
    assert "Tanda tangan elektronik Kepala Dinas" in body and "Segel elektronik instansi" in body
    assert "Seluruh berkas" in body
    assert NIK not in body and ADDRESS not in body


@pytest.mark.django_db
def test_an_authentic_upload_of_a_no_longer_issued_sk_says_revoked(client, trusted, files):
    _issued_sk(final=files.final, status=ApplicationStatus.DIBATALKAN)

    body = _upload(client, files.final).content.decode()

    assert "Asli dan tidak diubah" in body
    assert "Dicabut" in body


@pytest.mark.django_db
def test_a_modified_upload_lists_which_signature_saw_changes(client, issued, files):
    body = _upload(client, _with_page_content_appended(files.final)).content.decode()

    assert "Ada perubahan lain pada isi dokumen" in body
    assert HOLDER not in body  # nothing from the register for a file that is not ours as it stands


@pytest.mark.django_db
def test_html_renamed_to_pdf_gets_the_upload_validators_message(client, trusted):
    response = _upload(client, b"<html><body>SK palsu</body></html>", name="sk.pdf")

    body = response.content.decode()
    assert response.status_code == 400
    assert "Isi berkas tidak sesuai dengan jenisnya (.pdf)." in body
    assert 'aria-invalid="true"' in body
    assert "judul-hasil" not in body


@pytest.mark.django_db
def test_a_missing_file_is_refused_on_the_form(client):
    response = client.post(reverse("signing:verify_upload"), {})

    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()


@pytest.mark.django_db
def test_uploads_are_rate_limited_per_address(client, trusted, files):
    for _ in range(20):
        assert _upload(client, b"bukan pdf", name="x.txt").status_code == 400

    limited = _upload(client, files.final)
    other_address = _upload(client, files.draft, REMOTE_ADDR="10.9.8.7")

    assert limited.status_code == 429
    assert "Terlalu banyak pemeriksaan" in limited.content.decode()
    assert "judul-hasil" not in limited.content.decode()
    assert other_address.status_code == 200
    assert client.get(reverse("signing:verify_upload")).status_code == 200  # reading the page is not limited


# --- the QR page -------------------------------------------------------------------------------------


def _long_date(value) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return date_filter(value, "j F Y")


@pytest.mark.django_db
def test_the_qr_page_says_who_holds_which_permit_and_until_when(client, issued):
    response = client.get(reverse("signing:verify_token", kwargs={"token": issued.verification_token}))

    body = response.content.decode()
    assert response.status_code == 200
    assert "Surat izin ini asli" in body
    assert 'role="status"' in body
    for expected in (
        HOLDER,
        "Surat Izin Praktik Dokter Spesialis",
        NUMBER,
        _long_date(timezone.localdate(issued.issued_at)),
        f"Berlaku sampai {_long_date(issued.valid_until)}",
        "Kepala Dinas",
    ):
        assert expected in body
    for personal in (NIK, ADDRESS, issued.application.applicant.email, issued.application.number, ".pdf"):
        assert personal not in body
    assert 'name="robots" content="noindex, nofollow"' in body


@pytest.mark.django_db
def test_the_qr_page_uses_the_account_name_when_the_sk_has_no_titled_name(client, issued):
    application = issued.application
    application.data = {}
    application.save(update_fields=["data"])

    body = client.get(reverse("signing:verify_token", kwargs={"token": issued.verification_token})).content

    assert "Siti Aminah" in body.decode() and HOLDER not in body.decode()


@pytest.mark.django_db
def test_the_qr_page_says_when_an_sk_is_no_longer_valid(client, trusted, files):
    expired = _issued_sk(final=files.final, valid_until=timezone.localdate() - timedelta(days=1))

    body = client.get(reverse("signing:verify_token", kwargs={"token": expired.verification_token})).content

    assert "Tidak berlaku lagi" in body.decode()
    assert "Berlaku sampai" not in body.decode()


@pytest.mark.django_db
def test_an_unknown_token_gets_a_neutral_not_found_page(client, issued):
    response = client.get(reverse("signing:verify_token", kwargs={"token": "tidak-ada-token-seperti-ini"}))

    body = response.content.decode()
    assert response.status_code == 404
    assert "tidak ditemukan" in body
    assert HOLDER not in body and NUMBER not in body


@pytest.mark.django_db
def test_an_sk_not_yet_issued_is_not_found_by_its_token(client, trusted, files):
    pending = _issued_sk(final=files.final, status=ApplicationStatus.PENERBITAN)
    unsealed = _issued_sk(final=files.certified, sequence=43)
    unsealed.final_pdf = ""
    unsealed.save(update_fields=["final_pdf"])

    for sk in (pending, unsealed):
        response = client.get(reverse("signing:verify_token", kwargs={"token": sk.verification_token}))
        assert response.status_code == 404
        assert HOLDER not in response.content.decode()
