"""A signer, a seal and an application waiting for the Kepala Dinas, for the signing tests."""

import hashlib

from django.core.files.base import ContentFile

from accounts.roles import Role
from permits.models import Application, ApplicationStatus
from signing.models import Signer, SkDocument, TrustRoot
from signing.pki import certificate_pem, root_ca_create, signing_certificate_issue
from tests.factories import PermitTypeFactory, UserFactory

PASSPHRASE = "passphrase-kadis-benar"
DRAFT_HTML = """<html><head><style>@page{size:A4;margin:20mm} body{font-family:'Noto Serif'}
input{border:none;background:transparent;font-size:11pt}</style></head><body>
<h1>SURAT IZIN PRAKTIK</h1><p>Nomor: <input name="nomor_surat" style="width:95mm"></p><p>Isi keputusan.</p>
<div style="margin-left:90mm"><p>KEPALA DINAS</p>
<input name="kotak_ttd" style="width:70mm;height:25mm;display:block">
<p>Dr. H. Ahmad Fauzi</p></div>
<input name="kotak_segel" style="width:48mm;height:18mm;display:block"></body></html>"""


def draft_pdf() -> bytes:
    from weasyprint import HTML

    return HTML(string=DRAFT_HTML).write_pdf(pdf_forms=True)


def signer_and_seal(*, tmp_path, settings, passphrase: str = PASSPHRASE, organization: str = "DPMPTSP Uji"):
    """A Kepala Dinas with a signer PKCS#12 (in the private storage) and the office seal (a key file, as in
    production), both under a trusted root; the settings point at the seal. Returns the root, the Kepala
    Dinas and the signer."""
    root_key, root = root_ca_create(organization=organization)
    TrustRoot.objects.create(name=organization, certificate_pem=certificate_pem(root).decode())
    kadis = UserFactory(roles=[Role.KEPALA_DINAS], full_name="Dr. H. Ahmad Fauzi")
    issued = signing_certificate_issue(
        root_key=root_key,
        root_certificate=root,
        common_name=kadis.full_name,
        organization=organization,
        passphrase=passphrase.encode(),
    )
    signer = Signer(user=kadis, name=kadis.full_name, position="Kepala Dinas")
    signer.pkcs12.save("kadis.p12", ContentFile(issued.pkcs12), save=False)
    signer.save()
    seal = signing_certificate_issue(
        root_key=root_key,
        root_certificate=root,
        common_name="Segel",
        organization=organization,
        passphrase=b"segel-uji",
    )
    (tmp_path / "segel.p12").write_bytes(seal.pkcs12)
    (tmp_path / "segel.pass").write_text("segel-uji")
    settings.PINTU_SEAL_PKCS12_PATH = str(tmp_path / "segel.p12")
    settings.PINTU_SEAL_PASSPHRASE_FILE = str(tmp_path / "segel.pass")
    return root, kadis, signer


def signing_setup(*, tmp_path, settings, passphrase: str = PASSPHRASE):
    root, kadis, signer = signer_and_seal(tmp_path=tmp_path, settings=settings, passphrase=passphrase)
    application = Application.objects.create(
        permit_type=PermitTypeFactory(),
        applicant=UserFactory(),
        status=ApplicationStatus.MENUNGGU_TTE,
        number="UJI-2611-ABCDEF",
    )
    pdf = draft_pdf()
    sk = SkDocument(application=application, draft_sha256=hashlib.sha256(pdf).hexdigest())
    sk.draft_pdf.save("draft.pdf", ContentFile(pdf), save=False)
    sk.save()
    return {"root": root, "kadis": kadis, "signer": signer, "application": application, "sk": sk}
