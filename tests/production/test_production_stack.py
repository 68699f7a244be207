"""`make test-production`: Pintu's production configuration on this machine, over HTTPS through nginx, with
PostgreSQL, Redis, Celery workers for PDF work and e-mail, beat and a real SMTP server.

One application goes from sign-up to the downloaded, verified SK in Chromium; the headers and cookies of
real responses are checked; a backup is restored into a fresh database, storage and key folder and the
restored SK still verifies."""

import email.policy
import hashlib
import os
import re
import subprocess
import time

import pytest
from playwright.sync_api import expect

from tests.browser.steps import requirements_upload, sign_up_fill, sip_data_fill
from tests.files import image_bytes, pdf_bytes

pytestmark = pytest.mark.skipif(
    os.environ.get("PINTU_PRODUCTION_RUN") != "1",
    reason="the production stack runs in `make test-production`",
)


def mail_to(stack, recipient: str, subject_part: str, *, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for message in stack.mails():
            parsed = email.message_from_bytes(message.as_bytes(), policy=email.policy.default)
            if recipient in parsed["To"] and subject_part in parsed["Subject"]:
                return parsed.get_body(preferencelist=("plain",)).get_content()
        time.sleep(0.5)
    raise AssertionError(
        f"no mail to {recipient} about {subject_part!r}; got {[m['Subject'] for m in stack.mails()]}"
    )


def test_security_headers_and_cookies_on_real_responses(stack):
    home = stack.get("/")
    assert home.status == 200
    headers = home.headers
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    policy = headers["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", policy).group(1)
    assert "'self'" in script_src and "unsafe-inline" not in script_src
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert "Server" not in headers or "nginx/" not in headers["Server"]  # no version
    login = stack.get("/akun/login/")
    csrf = next(c for c in login.headers.get_all("Set-Cookie") if c.startswith("csrftoken="))
    assert "Secure" in csrf and "SameSite=Lax" in csrf
    plain = stack.get("/lacak/", port="http")
    assert plain.status == 301 and plain.headers["Location"].startswith("https://")
    print("\nheaders on /:", {k: v for k, v in headers.items() if k not in ("Date", "Content-Length")})


def test_rate_limits_key_on_the_client_seen_by_nginx_not_on_a_forged_header(stack):
    def burst() -> list[int]:
        return [
            stack.get("/lacak/?nomor=TIDAK-ADA", headers={"X-Forwarded-For": f"203.0.113.{i}"}).status
            for i in range(35)
        ]

    # nginx appends the address it saw; with PINTU_PROXY_COUNT=1 Pintu reads that one, not the forged ones.
    # The limit (30 a minute) counts in fixed windows: a burst that straddles a window's end may pass whole,
    # and the next one cannot straddle another.
    answers = burst()
    if 429 not in answers:
        answers = burst()
    assert 429 in answers and answers.count(200) <= 30, answers


@pytest.fixture
def files(tmp_path):
    pdf = tmp_path / "dokumen.pdf"
    pdf.write_bytes(pdf_bytes())
    png = tmp_path / "pas-foto.png"
    png.write_bytes(image_bytes("PNG", (240, 360)))
    return {"pdf": pdf, "png": png}


def new_page(chromium, stack):
    context = chromium.new_context(
        viewport={"width": 1280, "height": 900}, ignore_https_errors=True, base_url=stack.url
    )
    page = context.new_page()
    page.set_default_timeout(30000)
    return page


def officer(chromium, stack, username: str):
    page = new_page(chromium, stack)
    page.goto("/akun/login/")
    page.locator("#id_login").fill(username)
    page.locator("#id_password").fill(stack.staff_password)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
    return page


def open_application(page, number: str):
    page.goto("/petugas/?q=" + number)
    page.get_by_role("link", name=number).click()
    page.wait_for_url(re.compile(r"/petugas/permohonan/\d+/"))


def approve(page):
    page.locator("input[name=decision][value=approve]").check()
    page.get_by_role("button", name="Proses").click()
    page.wait_for_load_state()


def test_applicant_to_verified_sk_over_https(stack, chromium, files, shoot, tmp_path):
    shot = shoot
    applicant = new_page(chromium, stack)
    applicant.goto("/")
    expect(applicant.get_by_role("heading", name="Ajukan izin dari mana saja")).to_be_visible()
    shot(applicant, "beranda-https")

    applicant.goto("/akun/signup/")
    sign_up_fill(
        applicant,
        name="dr. Sari Produksi",
        nik="3603014506900002",
        phone="081298765432",
        email="sari@pemohon.test",
        username="sari",
        password="Praktik-Sehat-2026",
    )
    applicant.get_by_role("button", name="Daftar").click()
    body = mail_to(stack, "sari@pemohon.test", "")
    link = re.search(r"https://\S+/akun/confirm-email/\S+/", body).group(0)
    assert link.startswith(stack.url), "links in e-mails carry PINTU_SITE_URL's https address"
    applicant.goto(link)
    applicant.get_by_role("button", name="Konfirmasi").click()
    applicant.wait_for_load_state()
    session = next(c for c in applicant.context.cookies() if c["name"] == "sessionid")
    assert session["secure"] and session["httpOnly"] and session["sameSite"] == "Lax"

    applicant.goto("/layanan/sip-dokter-umum/")
    applicant.get_by_role("button", name="Ajukan permohonan").click()
    applicant.wait_for_url(re.compile(r"/permohonan/\d+/ubah/"))
    sip_data_fill(applicant, {"Nama lengkap dengan gelar": "dr. Sari Produksi"})
    expect(applicant.get_by_text("Data permohonan tersimpan sebagai draf.")).to_be_visible()
    documents = requirements_upload(applicant, pdf=files["pdf"], png=files["png"])
    assert documents == 14
    applicant.get_by_role("button", name="Ajukan permohonan").click()
    number = applicant.locator("#nomor-permohonan").inner_text()
    status_page = re.search(r"/permohonan/\d+/", applicant.url).group(0)
    shot(applicant, "tanda-terima-https")
    mail_to(stack, "sari@pemohon.test", number)

    back_office = officer(chromium, stack, "backoffice")
    open_application(back_office, number)
    back_office.locator("#tandai-semua-sesuai").click()  # the moved script works under the CSP
    assert back_office.locator("input[type=radio][value=SESUAI]:checked").count() == documents
    shot(back_office, "back-office-semua-sesuai")
    approve(back_office)
    for username in ("kasi", "kabid", "sekretaris"):
        page = officer(chromium, stack, username)
        open_application(page, number)
        approve(page)
        page.context.close()

    kadis = officer(chromium, stack, "kadis")
    open_application(kadis, number)
    # The draft SK is rendered by the PDF worker when the file reaches the Kepala Dinas.
    for _ in range(60):
        if kadis.get_by_label("Passphrase sertifikat elektronik").count():
            break
        time.sleep(1)
        kadis.reload()
    kadis.get_by_label("Passphrase sertifikat elektronik").fill(stack.kadis_passphrase)
    # Enter in the passphrase field, as a signer would: the draft's PDF viewer loads in the frame above the
    # form meanwhile, and a pointer click aimed during that layout could land beside the button.
    kadis.get_by_label("Passphrase sertifikat elektronik").press("Enter")
    expect(kadis.get_by_text("SK berhasil ditandatangani secara elektronik")).to_be_visible()
    shot(kadis, "kadis-ditandatangani")

    sekretariat = officer(chromium, stack, "sekretariat")
    open_application(sekretariat, number)
    proposed = sekretariat.locator("#judul-nomor ~ form .receipt-number").inner_text()
    sekretariat.get_by_role("button", name="Berikan nomor dan terbitkan SK").click()
    expect(sekretariat.get_by_text(f"Nomor {proposed} diberikan")).to_be_visible()

    started = time.monotonic()
    while time.monotonic() - started < 120:
        applicant.goto(status_page)
        if applicant.get_by_text("Izin Anda telah terbit.").count():
            break
        time.sleep(1)
    expect(applicant.get_by_text("Izin Anda telah terbit.")).to_be_visible()
    print(f"\nSK issued by the PDF worker {time.monotonic() - started:.1f} s after numbering")
    shot(applicant, "pemohon-sk-terbit")
    with applicant.expect_download() as download:
        applicant.get_by_role("link", name="Unduh SK TTE").click()
    sk_pdf = download.value.path().read_bytes()
    png = shot.save_pdf_page(sk_pdf, "sk-produksi")
    text = subprocess.run(["pdftotext", "-", "-"], input=sk_pdf, capture_output=True, check=True).stdout
    assert proposed.encode() in text
    pdfsig = subprocess.run(["pdfsig", str(png.with_suffix(".pdf"))], capture_output=True, text=True).stdout
    assert pdfsig.count("Signature is Valid.") == 2
    qr = subprocess.run(
        ["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True, check=True
    ).stdout
    verification_url = qr.strip().splitlines()[0]
    assert verification_url.startswith(f"{stack.url}/verifikasi/")

    citizen = new_page(chromium, stack)
    citizen.goto(verification_url)
    assert proposed in citizen.locator("main").inner_text()
    shot(citizen, "verifikasi-qr-https")
    citizen.goto("/verifikasi/")
    citizen.locator("input[type=file]").set_input_files(str(png.with_suffix(".pdf")))
    citizen.locator("main form button[type=submit]").click()
    expect(citizen.get_by_text("Asli dan tidak diubah").first).to_be_visible()
    shot(citizen, "verifikasi-unggah-https")
    citizen.locator("#pilih-bahasa").select_option("en")
    citizen.get_by_role("button", name="Ganti bahasa").click()
    language = next(c for c in citizen.context.cookies() if c["name"] == "django_language")
    assert language["value"] == "en" and language["secure"] and language["sameSite"] == "Lax"

    backup_restore_and_verify(stack, tmp_path, number=number, sk_sha256=hashlib.sha256(sk_pdf).hexdigest())


def backup_restore_and_verify(stack, tmp_path, *, number: str, sk_sha256: str):
    """The three backup commands, then the three restores into a fresh database, storage and key folder;
    the restored SK is the downloaded one and verifies as authentic."""
    for what in ("database", "files", "keys"):
        stack.manage("pintu_backup", what, str(tmp_path / f"backup-{what}"))
    restored_db = f"{stack.database}_restored"
    stack._create_database(restored_db)
    restored = stack.app_environment(database=restored_db, private=stack.root / "restored-private")
    restored["PINTU_SEAL_PKCS12_PATH"] = str(stack.root / "restored-keys" / "segel.p12")
    restored["PINTU_SEAL_PASSPHRASE_FILE"] = str(stack.root / "restored-keys" / "segel.passphrase")
    for what in ("database", "files", "keys"):
        stack.run(
            ["python", "manage.py", "pintu_restore", what, str(tmp_path / f"backup-{what}")],
            base_env=restored,
        )
    check = (
        "import hashlib;"
        "from permits.models import Application;"
        "from signing.verification import sk_verify_pdf;"
        f"a = Application.objects.get(number='{number}');"
        "f = a.sk.final_pdf.open('rb'); data = f.read(); f.close();"
        "print(hashlib.sha256(data).hexdigest(), sk_verify_pdf(pdf=data).verdict)"
    )
    out = stack.run(["python", "manage.py", "shell", "--no-imports", "-c", check], base_env=restored).split()
    assert out == [sk_sha256, "AUTHENTIC"], out
    stack.run(
        ["python", "manage.py", "check", "--deploy", "--database", "default", "--fail-level", "WARNING"],
        base_env=restored,
    )
