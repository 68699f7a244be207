"""Steps that more than one browser journey takes, written once."""

import re

# What a doctor types into the SIP form, by field label; other required fields get a neutral value.
SIP_ANSWERS = {
    "Nama lengkap dengan gelar": "dr. Rahmat Hidayat",
    "Tempat lahir": "Serang",
    "Tanggal lahir": "1985-03-12",
    "Alamat tempat tinggal": "Jl. Melati No. 7, Tigaraksa",
    "Nama tempat praktik": "Klinik Sehat Sentosa",
    "Alamat tempat praktik": "Jl. Raya Serang Km 12, Cikupa",
    "Jadwal praktik": "Senin–Jumat 16.00–21.00",
    "Nomor STR": "3121100224112233",
}


def sip_data_fill(page, answers: dict[str, str] | None = None) -> None:
    """Fills the SIP application's data section and saves it as a draft."""
    answers = {**SIP_ANSWERS, **(answers or {})}
    for label, value in answers.items():
        page.locator("#data").get_by_label(label).fill(value)
    page.get_by_label("SIP ke-").select_option("1")
    for field in page.locator("#data input[aria-required=true], #data textarea[aria-required=true]").all():
        if not field.input_value():
            field.fill("2031-01-01" if field.get_attribute("type") == "date" else "-")
    for select in page.locator("#data select[aria-required=true]").all():
        if not select.input_value():
            select.select_option(index=1)
    page.get_by_role("button", name="Simpan data").click()


def requirements_upload(page, *, pdf, png) -> int:
    """Uploads a file to every requirement row (a PDF where PDFs are accepted, else the image) and
    returns how many rows there were."""
    rows = page.locator("li.requirement-row").count()
    for index in range(rows):
        row = page.locator("li.requirement-row").nth(index)
        accept = row.locator("input[type=file]").get_attribute("accept")
        row.locator("input[type=file]").set_input_files(str(pdf if ".pdf" in accept else png))
        row.get_by_role("button", name=re.compile("Unggah|Ganti")).click()
        page.wait_for_load_state()
        assert page.locator("li.requirement-row").nth(index).locator("text=✔").count() == 1
    return rows


def sign_up_fill(page, *, name: str, nik: str, phone: str, email: str, username: str, password: str) -> None:
    """Fills the applicant's sign-up form (already open); the caller sends it."""
    page.get_by_label("Nama lengkap (dengan gelar)").fill(name)
    page.get_by_label("NIK").fill(nik)
    page.get_by_label("Nomor ponsel").fill(phone)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Nama pengguna").fill(username)
    page.locator("#id_password1").fill(password)
    page.locator("#id_password2").fill(password)
