"""The SK draft: per-permit templates, the three form fields the signing code needs, escaping, local-only
assets — and the real certify → number → seal flow on it, validated with pyHanko."""

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw
from pypdf import PdfReader

from permits import services as permit_services
from permits.catalog_loader import office_load, permit_type_load
from permits.catalog_seed import OFFICE, PERMIT_TYPES
from signing import pdf as signing_pdf
from signing import pdf_signing
from signing.models import Signer
from signing.pki import root_ca_create, signing_certificate_issue
from signing.sk_render import (
    date_long,
    sk_context,
    sk_draft_render,
    sk_template_names,
    sk_valid_until,
)
from tests.factories import UserFactory
from tests.files import pdf_upload

ISSUED_ON = date(2026, 11, 22)
VERIFICATION_URL = "https://pintu.tangerangkab.go.id/verifikasi/Xq7kR2mN4pL9"
OUTPUT = Path(settings.BASE_DIR) / "test-output" / "sk"

SIP_DATA = {
    "nama_dengan_gelar": "dr. Andi Wijaya, M.Kes.",
    "tempat_lahir": "Tangerang",
    "tanggal_lahir": date(1988, 3, 12),
    "alamat_domisili": "Jl. Raya Serang Km. 12 No. 45, RT 003/RW 005, Desa Kadu, Kecamatan Curug",
    "nomor_str": "3121100324123456",
    "sip_ke": "1",
    "jenis_fasilitas": "klinik",
    "nama_tempat_praktik": "Klinik Pratama Sehat Sentosa",
    "alamat_tempat_praktik": "Jl. Aria Jaya Santika No. 8, Desa Pasir Nangka, Kecamatan Tigaraksa",
    "jadwal_praktik": "Senin–Jumat 16.00–21.00; Sabtu 08.00–12.00",
}


def _seed(slug: str) -> dict:
    return next(p for p in PERMIT_TYPES if p["slug"] == slug)


def _photo_png() -> bytes:
    """A 3x4 'pas foto': red background, a grey silhouette."""
    image = Image.new("RGB", (300, 400), (196, 32, 38))
    draw = ImageDraw.Draw(image)
    draw.ellipse((95, 60, 205, 190), fill=(90, 90, 100))
    draw.rounded_rectangle((45, 200, 255, 460), radius=80, fill=(40, 45, 70))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _emblem_png() -> bytes:
    """A stand-in regional emblem for the kop surat: a green shield with a gold star."""
    image = Image.new("RGBA", (210, 240), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.polygon(
        [(10, 10), (200, 10), (200, 130), (105, 232), (10, 130)], fill=(20, 110, 60), outline=(0, 0, 0)
    )
    draw.polygon(
        [
            (105, 40),
            (122, 92),
            (177, 92),
            (133, 124),
            (150, 176),
            (105, 144),
            (60, 176),
            (77, 124),
            (33, 92),
            (88, 92),
        ],
        fill=(235, 190, 40),
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _submitted(*, slug: str, data: dict, logo: bool = False):
    office = office_load(data=OFFICE)
    if logo:
        office.logo.save("lambang.png", ContentFile(_emblem_png()))
    permit_type = permit_type_load(data=_seed(slug), render_forms=False)
    applicant = UserFactory()
    application = permit_services.application_start(permit_type=permit_type, applicant=applicant)
    permit_services.application_data_save(application=application, by=applicant, cleaned_data=data)
    for requirement in permit_type.requirements.all():
        if "pas foto" in requirement.label.lower():
            upload = SimpleUploadedFile("pasfoto.png", _photo_png(), content_type="image/png")
        else:
            upload = pdf_upload()
        permit_services.document_upload(
            application=application, requirement=requirement, uploaded_file=upload, by=applicant
        )
    return permit_services.application_submit(application=application, by=applicant)


def _signer() -> Signer:
    return Signer(
        name="Dr. H. Ahmad Suhendar, S.STP., M.Si.",
        position="Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Tangerang",
        capacity=Signer.Capacity.DEFINITIVE,
        nip="197203151993031002",
    )


def _poppler(tool: str, *args: str) -> str:
    # Poppler's own tools on files this test wrote: nothing untrusted reaches the command line.
    command = [shutil.which(tool) or tool, *args]
    return subprocess.run(command, capture_output=True, check=True, text=True).stdout  # noqa: S603


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return " ".join(_poppler("pdftotext", str(path), "-").split())  # cells wrap: compare words, not lines


def _png(pdf: bytes, target: Path, tmp_path: Path) -> None:
    source = tmp_path / "page.pdf"
    source.write_bytes(pdf)
    target.parent.mkdir(parents=True, exist_ok=True)
    _poppler(
        "pdftoppm",
        "-png",
        "-r",
        "80",
        "-singlefile",
        "-f",
        "1",
        "-l",
        "1",
        str(source),
        str(target.with_suffix("")),
    )


def _render(application, signer=None) -> bytes:
    return sk_draft_render(
        application=application, verification_url=VERIFICATION_URL, signer=signer, issued_on=ISSUED_ON
    )


# --- helpers -----------------------------------------------------------------------------------


def test_date_long_is_indonesian_whatever_the_locale():
    assert date_long(date(2026, 11, 22)) == "22 November 2026"
    assert date_long(date(2027, 2, 1)) == "1 Februari 2027"


def test_template_names_fall_back_to_generic_and_keep_codes_path_safe():
    class Type:
        code = "SIPDU"

    assert sk_template_names(Type) == ["permits/pdf/sk/sipdu.html", "permits/pdf/sk/generic.html"]
    Type.code = "../../etc/x"
    assert sk_template_names(Type) == ["permits/pdf/sk/etcx.html", "permits/pdf/sk/generic.html"]


@pytest.mark.django_db
def test_sip_is_valid_five_years_or_until_the_str_ends():
    application = _submitted(slug="sip-dokter-umum", data=SIP_DATA)
    assert sk_valid_until(application=application, issued_on=ISSUED_ON) == date(2031, 11, 22)
    application.data["str_berlaku_sampai"] = "2029-06-30"
    assert sk_valid_until(application=application, issued_on=ISSUED_ON) == date(2029, 6, 30)


@pytest.mark.django_db
def test_context_has_what_the_sip_template_prints():
    application = _submitted(slug="sip-dokter-umum", data=SIP_DATA)
    context = sk_context(
        application=application, verification_url=VERIFICATION_URL, signer=None, issued_on=ISSUED_ON
    )
    assert context["fields"]["tanggal_lahir"] == "12 Maret 1988"
    assert context["fields"]["jenis_fasilitas"] == "Klinik"
    assert context["sequence_text"] == "1 (satu)"
    assert context["valid_until_text"] == "22 November 2031"
    assert context["photo_data_uri"].startswith("data:image/png;base64,")
    assert context["signer_position"].startswith("KEPALA DINAS PENANAMAN MODAL")
    assert context["font_urls"]["serif_regular"].startswith("file://")
    assert context["office"].city == "Tigaraksa"

    acting = _signer()
    acting.capacity = Signer.Capacity.PLT
    context = sk_context(
        application=application, verification_url=VERIFICATION_URL, signer=acting, issued_on=ISSUED_ON
    )
    assert context["signer_position"].startswith("Plt. KEPALA DINAS PENANAMAN MODAL")


# --- the rendered draft ------------------------------------------------------------------------


@pytest.mark.django_db
def test_sip_draft_has_the_fields_and_text(tmp_path):
    application = _submitted(slug="sip-dokter-umum", data=SIP_DATA)
    draft = _render(application, _signer())

    reader = PdfReader(io.BytesIO(draft))
    assert len(reader.pages) == 1
    assert {"nomor_surat", "kotak_ttd", "kotak_segel"} <= set(reader.get_fields())
    text = _text(draft, tmp_path)
    for expected in (
        "SURAT IZIN PRAKTIK DOKTER",
        "dr. Andi Wijaya, M.Kes.",
        "3121100324123456",
        "berlaku seumur hidup",
        "Klinik Pratama Sehat Sentosa",
        "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU",
        "Tigaraksa",
        "22 November 2031",
        "197203151993031002",
        VERIFICATION_URL,
    ):
        assert expected in text, expected


@pytest.mark.django_db
def test_applicant_text_is_escaped_and_cannot_fetch(tmp_path, monkeypatch):
    asked = []
    real_check = signing_pdf.is_local_asset

    def recording_check(url):
        asked.append(url)
        return real_check(url)

    monkeypatch.setattr(signing_pdf, "is_local_asset", recording_check)
    data = {
        **SIP_DATA,
        "nama_tempat_praktik": "<script>alert(1)</script>",
        "jadwal_praktik": '<img src="http://example.com/x.png">',
    }
    draft = _render(_submitted(slug="sip-dokter-umum", data=data))

    text = _text(draft, tmp_path)
    assert "<script>alert(1)</script>" in text
    assert '<img src="http://example.com/x.png">' in text
    assert asked, "the fetcher saw no asset at all: fonts should have gone through it"
    assert not [url for url in asked if "example.com" in url]


def test_fetcher_refuses_remote_urls():
    from weasyprint.urls import URLFetchingError

    with pytest.raises(URLFetchingError):
        signing_pdf._local_only_fetcher().fetch("http://example.com/x.png")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("slug", "data", "expected"),
    [
        (
            "kbli-71204-jasa-inspeksi-teknik-instalasi",
            {
                "nib": "9120301234567",
                "kbli": "71204",
                "nama_perusahaan": "PT Andalan Inspeksi Teknik",
                "alamat_usaha": "Kawasan Industri Millennium Blok C No. 3, Tigaraksa",
                "nomor_referensi_oss": "I-202611221034567",
                "tingkat_risiko": "tinggi",
            },
            ["JASA INSPEKSI TEKNIK INSTALASI", "9120301234567", "PT Andalan Inspeksi Teknik", "Tinggi"],
        ),
        (
            "sipop",
            {
                **{k: v for k, v in SIP_DATA.items() if k not in ("nomor_str", "sip_ke", "jenis_fasilitas")},
                "nama_dengan_gelar": "Budi Santoso, A.Md.OP.",
                "nomor_str_op": "OP00012345678",
                "sipop_ke": "2",
            },
            ["SURAT IZIN PRAKTIK ORTOTIS PROSTETIS", "Budi Santoso, A.Md.OP.", "OP00012345678", "2 (dua)"],
        ),
        (
            "sip-dokter-gigi",
            {**SIP_DATA, "nama_dengan_gelar": "drg. Sari Lestari", "str_berlaku_sampai": date(2029, 6, 30)},
            ["SURAT IZIN PRAKTIK DOKTER GIGI", "drg. Sari Lestari", "30 Juni 2029", "PDGI"],
        ),
    ],
)
def test_other_templates_render(tmp_path, slug, data, expected):
    draft = _render(_submitted(slug=slug, data=data), _signer())
    reader = PdfReader(io.BytesIO(draft))
    assert {"nomor_surat", "kotak_ttd", "kotak_segel"} <= set(reader.get_fields())
    text = _text(draft, tmp_path)
    for value in expected:
        assert value in text, value
    _png(draft, OUTPUT / f"{slug}.png", tmp_path)


@pytest.mark.django_db
def test_generic_template_lists_every_field(tmp_path):
    seed = _seed("izin-penyelenggaraan-reklame")
    office_load(data=OFFICE)
    permit_type = permit_type_load(data=seed, render_forms=False)
    application = permit_services.application_start(permit_type=permit_type, applicant=UserFactory())
    application.data = {
        "nama_penyelenggara": "CV Cahaya Reklame",
        "naskah_reklame": "Promo <b>akhir</b> tahun",
    }
    assert sk_template_names(permit_type)[0] == "permits/pdf/sk/rekl.html"

    draft = _render(application)
    # pdftotext reads a wrapped label cell around its colon cell: drop the colons to compare the words.
    text = " ".join(word for word in _text(draft, tmp_path).split() if word != ":")
    assert permit_type.name.upper() in text
    for spec in permit_type.fields.all():
        assert spec.label in text, spec.label
    assert "Promo <b>akhir</b> tahun" in text
    assert {"nomor_surat", "kotak_ttd", "kotak_segel"} <= set(PdfReader(io.BytesIO(draft)).get_fields())


# --- the real signing flow on the template -----------------------------------------------------


@pytest.mark.django_db
def test_sip_draft_certifies_numbers_and_seals_with_valid_signatures(tmp_path):
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    organization = "Pemerintah Kabupaten Tangerang"
    root_key, root_certificate = root_ca_create(organization=organization)
    head = signing_certificate_issue(
        root_key=root_key,
        root_certificate=root_certificate,
        common_name="Ahmad Suhendar",
        organization=organization,
        passphrase=b"rahasia-kadis",
    )
    seal = signing_certificate_issue(
        root_key=root_key,
        root_certificate=root_certificate,
        common_name="DPMPTSP Kabupaten Tangerang",
        organization=organization,
        passphrase=b"rahasia-segel",
    )
    signer = _signer()
    draft = _render(_submitted(slug="sip-dokter-umum", data=SIP_DATA, logo=True), signer)

    certified = pdf_signing.draft_certify(
        draft=draft,
        signer=pdf_signing.signer_load(pkcs12=head.pkcs12, passphrase="rahasia-kadis"),
        signer_name=signer.name,
        position=signer.signed_position,
        reason="Penetapan Surat Izin Praktik",
        location="Tigaraksa",
    )
    number = "500.16.7.2/0042/SIPDU/DPMPTSP/XI/2026"
    final = pdf_signing.final_fill_and_seal(
        certified=certified,
        number=number,
        seal_signer=pdf_signing.signer_load(pkcs12=seal.pkcs12, passphrase="rahasia-segel"),
        office_name="DPMPTSP Kabupaten Tangerang",
    )

    root = asn1_x509.Certificate.load(root_certificate.public_bytes(serialization.Encoding.DER))
    signatures = PdfFileReader(io.BytesIO(final)).embedded_signatures
    assert [s.field_name for s in signatures] == [pdf_signing.SIGNATURE_FIELD, pdf_signing.SEAL_FIELD]
    for embedded in signatures:
        status = validate_pdf_signature(embedded, ValidationContext(trust_roots=[root]))
        assert status.intact and status.valid and status.trusted, status.pretty_print_details()
        assert status.docmdp_ok
    head_status = validate_pdf_signature(signatures[0], ValidationContext(trust_roots=[root]))
    assert head_status.modification_level == ModificationLevel.FORM_FILLING
    assert len(PdfReader(io.BytesIO(final)).pages) == 1
    assert number in _text(final, tmp_path)
    _png(final, OUTPUT / "sip-dokter-umum.png", tmp_path)
