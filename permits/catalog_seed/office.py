"""The demo office and the office-wide parts of its service standard.

The office is DPMPTSP Kabupaten Tangerang, whose service standard (seed 000) is the main source of the
catalog. Its complaint channels and components 8–14 are the same for every service it publishes, so they
live here and the permit modules reuse them. Adapted from the seed: the SIPINTER application and its
URL become "aplikasi Pintu"; spelling is normalised (nonperizinan, e-mail, WhatsApp).

A few small helpers build the recurring pieces of text (lettered lists, letter headers, signature
blocks, the Kasi → Kabid → Sekretaris route) so that every permit type words them the same way.
"""

DOTS = "...................................................."
SHORT_DOTS = "....................."

OFFICE_NAME = "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"
REGION = "Kabupaten Tangerang"
OFFICE_ADDRESS_LINE = (
    "Gedung-Gedung Kelompok Badan, Pusat Pemerintahan Kabupaten Tangerang, Jl. KH. Sarbini No. 1, "
    "Kelurahan Kaduagung, Kecamatan Tigaraksa, Tangerang 15720"
)

# Seed 000, component 7: the regent's delegation of licensing to the head of the office.
DELEGATION_REGULATION = (
    "Peraturan Bupati Tangerang Nomor 18 Tahun 2018 tentang Perubahan atas Peraturan Bupati Nomor 89 "
    "Tahun 2017 tentang Pendelegasian Penyelenggaraan Perizinan dan Non Perizinan kepada Kepala Dinas "
    "Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Tangerang"
)

# Seed 000, component 6 item 2, generalised: one line per channel, without trailing punctuation.
COMPLAINT_CHANNELS: tuple[str, ...] = (
    f"Petugas pengaduan pada loket pengaduan dan informasi DPMPTSP {REGION}, {OFFICE_ADDRESS_LINE}",
    "Menu Pengaduan pada aplikasi Pintu (pengaduan, konsultasi, dan saran secara daring)",
    "Sistem Pengelolaan Pengaduan Pelayanan Publik Nasional – Layanan Aspirasi dan Pengaduan Online "
    "Rakyat (SP4N-LAPOR!): situs www.lapor.go.id, SMS 1708, Twitter @lapor1708, serta aplikasi Android "
    "dan iOS",
    f"Kotak pengaduan di kantor DPMPTSP {REGION}",
    f"Surat yang ditujukan kepada Kepala DPMPTSP {REGION} di alamat kantor",
    "Situs web https://tangerangkab.go.id/dpmptsp",
    "E-mail bpmptsp.tangerangkab@gmail.com",
    f"Media sosial Facebook, Instagram, dan YouTube: DPMPTSP {REGION}",
    "Hotline WhatsApp 0812-8668-1787",
)


def enumerate_lines(items: tuple[str, ...] | list[str], *, style: str = "number") -> str:
    """Join items as a list ending in ';' with 'dan' before the last and a final '.'.

    style: "number" (1. 2. …), "letter" (a. b. …) or "paren" (1) 2) …).
    """
    lines = []
    for index, item in enumerate(items):
        if style == "letter":
            marker = f"{chr(ord('a') + index)}."
        elif style == "paren":
            marker = f"{index + 1})"
        else:
            marker = f"{index + 1}."
        if index == len(items) - 1:
            ending = "."
        elif index == len(items) - 2:
            ending = "; dan"
        else:
            ending = ";"
        lines.append(f"{marker} {item}{ending}")
    return "\n".join(lines)


COMPLAINT_CHANNELS_NUMBERED = enumerate_lines(COMPLAINT_CHANNELS)
COMPLAINT_CHANNELS_LETTERED = enumerate_lines(COMPLAINT_CHANNELS, style="letter")

OFFICE: dict = {
    "government_name": "PEMERINTAH KABUPATEN TANGERANG",
    "office_name": OFFICE_NAME,
    "short_name": "DPMPTSP",
    "address": (
        "Gedung-Gedung Kelompok Badan, Pusat Pemerintahan Kabupaten Tangerang\n"
        "Jl. KH. Sarbini No. 1, Kelurahan Kaduagung, Kecamatan Tigaraksa\n"
        "Kabupaten Tangerang, Banten 15720"
    ),
    # The seed publishes no landline; its hotline is a WhatsApp number.
    "phone": "0812-8668-1787 (WhatsApp)",
    "email": "bpmptsp.tangerangkab@gmail.com",
    "website": "https://tangerangkab.go.id/dpmptsp",
    # Where SKs are "ditetapkan": the seat of the regency's government.
    "city": "Tigaraksa",
    "complaint_channels": COMPLAINT_CHANNELS_NUMBERED,
    "saturday_service": False,
}

# Component 6 of seed 000, with the generalised channel list.
OFFICE_COMPLAINT_TEXT = "\n".join(
    [
        f"1. {OFFICE_NAME} {REGION} menangani pengaduan yang berhubungan langsung dengan pelayanan "
        "yang menjadi kewenangannya di bawah koordinasi Bidang Pengaduan, Kebijakan dan Pelaporan "
        "Layanan.",
        "2. Masyarakat dapat menyampaikan pengaduan, saran, dan masukan melalui:",
        COMPLAINT_CHANNELS_LETTERED,
        "3. Pengaduan yang disampaikan secara langsung dan dapat diselesaikan saat pengaduan diterima "
        "dijawab oleh petugas pengaduan saat itu juga dengan sepengetahuan atasan/pimpinan.",
        "4. Pengaduan yang memerlukan kajian lebih lanjut diselesaikan melalui tahap:",
        "a. pemeriksaan lapangan; dan",
        "b. rapat koordinasi.",
        "5. Jawaban atas pengaduan disampaikan secara lisan atau tertulis.",
    ]
)

# Components 8–14 of seed 000 (office-wide), SIPINTER replaced by aplikasi Pintu.
OFFICE_MANAGEMENT_COMPONENTS: dict[int, str] = {
    8: enumerate_lines(
        [
            "Ruang tamu dengan pendingin ruangan",
            "Meja dan kursi",
            "Komputer",
            "Printer",
            "Jaringan internet",
            "Pesawat telepon",
            "Mesin faksimile",
            "Mesin fotokopi",
        ]
    ),
    9: enumerate_lines(
        [
            "Pegawai yang memiliki pengetahuan peraturan perundang-undangan",
            "Pegawai yang memiliki pengetahuan di bidang pelayanan perizinan dan nonperizinan melalui "
            f"aplikasi Pintu yang dikelola oleh DPMPTSP {REGION}",
            "Pegawai yang memiliki keterampilan mengelola pelayanan perizinan dan nonperizinan melalui "
            "aplikasi Pintu",
            "Pegawai yang mampu menyampaikan informasi pelayanan perizinan dan nonperizinan melalui "
            "aplikasi Pintu secara lengkap, terbuka, bertanggung jawab, serta santun kepada pihak yang "
            "memerlukan",
            "Pegawai yang mampu mengoperasikan komputer",
        ]
    ),
    10: enumerate_lines(
        [
            "Dilakukan secara berjenjang hingga tingkat pengawasan Jabatan Administrator (Kepala Bidang) "
            "terkait",
            "Dilakukan secara berkelanjutan",
        ]
    ),
    11: (
        "Minimal 1 (satu) orang pegawai penanggung jawab yang mengelola pelayanan perizinan dan "
        "nonperizinan melalui aplikasi Pintu."
    ),
    12: (
        "Informasi penyelenggaraan pelayanan perizinan dan nonperizinan melalui aplikasi Pintu diberikan "
        "dengan cepat, tepat, lengkap, dan dapat dipertanggungjawabkan."
    ),
    13: enumerate_lines(
        [
            "Informasi dan pelayanan perizinan dan nonperizinan yang diberikan melalui aplikasi Pintu "
            "dijamin keabsahannya dan dapat dipertanggungjawabkan",
            "Petugas yang memberikan pelayanan perizinan dan nonperizinan melalui aplikasi Pintu telah "
            "mendapatkan penugasan dari atasan langsung",
        ]
    ),
    14: enumerate_lines(
        [
            "Evaluasi kinerja petugas yang memberikan pelayanan perizinan dan nonperizinan melalui "
            "aplikasi Pintu dilakukan secara rutin, minimal 1 (satu) kali dalam 1 (satu) tahun",
            "Survei kepuasan masyarakat dilaksanakan untuk perbaikan dan peningkatan kinerja pelayanan",
        ]
    ),
}


def office_components() -> dict[int, str]:
    """Components 6 and 8–14 as the office publishes them for its own services (a fresh dict)."""
    return {6: OFFICE_COMPLAINT_TEXT, **OFFICE_MANAGEMENT_COMPONENTS}


# --- Requirement checklist items ----------------------------------------------------------------

DOCUMENT = ["pdf", "jpg", "png"]
PHOTO = ["jpg", "png"]


def requirement(
    label: str,
    help_text: str = "",
    *,
    required: bool = True,
    accepted: list[str] = DOCUMENT,
    max_mb: int = 5,
    original: bool = False,
) -> dict:
    """One checklist item; `original` = the seed marks it "(Asli)": bring the original to the counter."""
    return {
        "label": label,
        "help_text": help_text,
        "required": required,
        "accepted_types": list(accepted),
        "max_size_mb": max_mb,
        "bring_original": original,
    }


# --- Recurring procedure steps -------------------------------------------------------------------


def verification_chain() -> list[dict]:
    """Kepala Seksi → Kepala Bidang → Sekretaris → Kepala Dinas (TTE) → Sekretariat (numbering)."""
    return [
        {
            "actor": "Kepala Seksi",
            "description": (
                "Memverifikasi data permohonan dan dokumen persyaratan, lalu menyetujui dan meneruskan "
                "permohonan ke Kepala Bidang, atau menolaknya disertai alasan."
            ),
        },
        {
            "actor": "Kepala Bidang",
            "description": (
                "Memverifikasi kembali data permohonan dan dokumen persyaratan, lalu menyetujui dan "
                "meneruskan permohonan ke Sekretaris, atau menolaknya disertai alasan."
            ),
        },
        {
            "actor": "Sekretaris",
            "description": (
                "Memverifikasi permohonan dan menetapkan persetujuan, lalu meneruskan permohonan ke "
                "Kepala Dinas, atau menolaknya disertai alasan."
            ),
        },
        {
            "actor": "Kepala Dinas",
            "description": (
                "Memeriksa permohonan dan rancangan surat izin, lalu menandatangani surat izin secara "
                "elektronik (TTE) dengan memasukkan passphrase, atau menolaknya disertai alasan."
            ),
        },
        {
            "actor": "Sekretariat",
            "description": (
                "Memberikan nomor surat pada surat izin yang telah ditandatangani secara elektronik dan "
                "mencatatnya dalam register izin keluar."
            ),
        },
    ]


# --- Blank-form pieces ---------------------------------------------------------------------------


def letter_opening(perihal: str) -> str:
    """Header of an application letter addressed to the head of this office."""
    return (
        f"Perihal : {perihal}\n"
        "Lampiran : 1 (satu) berkas\n"
        "\n"
        "Kepada Yth.\n"
        f"Kepala {OFFICE_NAME}\n"
        f"{REGION}\n"
        "di\n"
        "Tempat\n"
        "\n"
        "Dengan hormat,\n"
    )


def signature_block(role: str = "Pemohon", *, meterai: bool = False) -> str:
    """Place/date line and signature space; `meterai` marks where the stamp duty goes."""
    stamp = "\n[Meterai Rp10.000]\n" if meterai else "\n\n"
    return f"{SHORT_DOTS}, {SHORT_DOTS} 20....\n{role},\n{stamp}\n({DOTS})\nNama jelas dan tanda tangan"


def data_lines(labels: list[str]) -> str:
    """'Label : ......' lines for the blanks of a form."""
    return "\n".join(f"{label} : {DOTS}" for label in labels)
