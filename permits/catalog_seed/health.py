"""Health permits transcribed from the seeds: SIP Dokter Umum, SIP Dokter Gigi, SIPOP.

- SIP Dokter Umum and SIP Dokter Gigi: service standard of DPMPTSP Kabupaten Tangerang (seed 000). Both
  have the same 14 requirements in the seed (including its wording "Dokter Umum / Dokter Gigi / dokter
  spesialis"); only help texts name the profession. Spelling is normalised (fotokopi, praktik, meterai,
  STR = Surat Tanda Registrasi) and the doubled extraction text removed.
- SIPOP: service standard of DPMPTSP Kota Tanjungpinang (seed 001) for the procedure, time and fee; the
  requirement list is the Kota Batu standard named in DOMAIN.md (seed 001 lists none). Seed 001 has no
  components 8–14 and no legal basis: the office-wide components are used and the legal basis is composed
  from the national rules for this profession.
"""

from .office import (
    DELEGATION_REGULATION,
    OFFICE_NAME,
    PHOTO,
    REGION,
    data_lines,
    letter_opening,
    office_components,
    requirement,
    signature_block,
    verification_chain,
)


def personal_fields(name_example: str) -> list[dict]:
    """Identity data printed on an SK SIP that the user profile does not hold."""
    return [
        {
            "name": "nama_dengan_gelar",
            "label": "Nama lengkap dengan gelar",
            "kind": "text",
            "required": True,
            # The example may end in a title's own full stop (A.Md.Keb.): do not double it.
            "help_text": f"Ditulis seperti yang akan tercantum pada surat izin, mis. "
            f"{name_example.rstrip('.')}.",
            "max_length": 150,
        },
        {
            "name": "tempat_lahir",
            "label": "Tempat lahir",
            "kind": "text",
            "required": True,
            "help_text": "Sesuai KTP.",
            "max_length": 100,
        },
        {
            "name": "tanggal_lahir",
            "label": "Tanggal lahir",
            "kind": "date",
            "required": True,
            "help_text": "Sesuai KTP.",
        },
        {
            "name": "alamat_domisili",
            "label": "Alamat tempat tinggal",
            "kind": "textarea",
            "required": True,
            "help_text": (
                "Sesuai Surat Keterangan Domisili: jalan, RT/RW, kelurahan/desa, kecamatan, kabupaten/kota."
            ),
            "max_length": 500,
        },
    ]


def practice_place_fields() -> list[dict]:
    return [
        {
            "name": "nama_tempat_praktik",
            "label": "Nama tempat praktik",
            "kind": "text",
            "required": True,
            "help_text": "Nama fasilitas pelayanan kesehatan, atau nama praktik mandiri.",
            "max_length": 200,
        },
        {
            "name": "alamat_tempat_praktik",
            "label": "Alamat tempat praktik",
            "kind": "textarea",
            "required": True,
            "help_text": "Alamat lengkap: jalan, nomor, RT/RW, kelurahan/desa, dan kecamatan.",
            "max_length": 500,
        },
        {
            "name": "jadwal_praktik",
            "label": "Jadwal praktik",
            "kind": "textarea",
            "required": True,
            "help_text": "Hari dan jam praktik, mis. Senin–Jumat 16.00–21.00; Sabtu 08.00–12.00.",
            "max_length": 500,
        },
    ]


# --- SIP Dokter Umum / Dokter Gigi (seed 000) ----------------------------------------------------

SIP_LEGAL_BASIS = DELEGATION_REGULATION + "."


def _sip_requirements(*, profession: str, organisation: str) -> list[dict]:
    """The 14 requirements of seed 000, identical for Dokter Umum and Dokter Gigi."""
    return [
        requirement(
            "Surat Keterangan Domisili",
            "Dokumen asli. Unggah hasil pindaian surat keterangan domisili yang masih berlaku.",
            original=True,
        ),
        requirement(
            "Fotokopi SIP kedua/ketiga (SIP yang sudah dimiliki) atau Surat Pernyataan tidak memiliki SIP "
            "kedua dan ketiga (di atas meterai Rp10.000)",
            f"Bila sudah memiliki SIP {profession} di tempat praktik lain, unggah fotokopi SIP tersebut. "
            "Bila belum, unggah surat pernyataan bermeterai; formulirnya dapat diunduh di halaman ini.",
        ),
        requirement(
            "Surat permohonan",
            "Gunakan formulir surat permohonan yang dapat diunduh di halaman ini, diisi lengkap dan "
            "ditandatangani pemohon.",
        ),
        requirement("Fotokopi KTP", "Kartu Tanda Penduduk elektronik (KTP-el) pemohon."),
        requirement(
            "Fotokopi Surat Tanda Registrasi (STR) Dokter Umum/Dokter Gigi/Dokter Spesialis yang diterbitkan "
            "dan dilegalisasi oleh Konsil Kedokteran Indonesia yang masih berlaku",
            "STR yang berlaku seumur hidup sesuai Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan juga "
            "diterima. Nomor dan masa berlaku STR diisi pada data permohonan.",
        ),
        requirement(
            "Fotokopi ijazah Dokter Umum/Dokter Gigi/Dokter Spesialis",
            f"Ijazah pendidikan profesi {profession.lower()}.",
        ),
        requirement(
            "Surat rekomendasi dari organisasi profesi sesuai tempat praktik",
            f"Dokumen asli dari {organisation} cabang sesuai lokasi tempat praktik. Unggah hasil pindaian "
            "dokumen asli.",
            original=True,
        ),
        requirement(
            "Surat pernyataan mempunyai tempat praktik",
            "Formulir surat pernyataan dapat diunduh di halaman ini.",
        ),
        requirement(
            "Surat rekomendasi dari puskesmas",
            "Dari puskesmas di wilayah kerja tempat praktik.",
        ),
        requirement(
            "Pas foto berwarna ukuran 4x6",
            "Foto terbaru, tampak depan, dalam format JPG atau PNG.",
            accepted=PHOTO,
            max_mb=2,
        ),
        requirement(
            "Surat persetujuan dari atasan langsung bagi dokter dan dokter gigi yang bekerja pada "
            "instansi/fasilitas pelayanan kesehatan pemerintah atau pada instansi/fasilitas pelayanan "
            "kesehatan lain secara purna waktu",
            "Wajib bagi dokter dan dokter gigi yang bekerja pada instansi/fasilitas pelayanan kesehatan "
            "pemerintah, atau bekerja purna waktu pada instansi/fasilitas pelayanan kesehatan lain.",
            required=False,
        ),
        requirement(
            "Denah ruangan dan peta lokasi",
            "Denah ruang praktik dan peta lokasi tempat praktik.",
        ),
        requirement(
            "MoU pembuangan limbah medis padat",
            "Nota kesepahaman/perjanjian kerja sama pengelolaan limbah medis padat dengan pihak pengelola "
            "limbah.",
        ),
        requirement("Surat rekomendasi dari Dinas Kesehatan Kabupaten Tangerang"),
    ]


def _sip_fields(*, profession: str, name_example: str) -> list[dict]:
    return [
        *personal_fields(name_example),
        {
            "name": "nomor_str",
            "label": "Nomor STR",
            "kind": "text",
            "required": True,
            "help_text": "Nomor Surat Tanda Registrasi sesuai yang tertera pada STR.",
            "max_length": 50,
        },
        {
            "name": "str_berlaku_sampai",
            "label": "STR berlaku sampai",
            "kind": "date",
            "required": False,
            "help_text": "Kosongkan bila STR berlaku seumur hidup (UU 17/2023).",
        },
        {
            "name": "sip_ke",
            "label": "SIP ke-",
            "kind": "choice",
            "required": True,
            "help_text": (
                f"Satu SIP berlaku untuk satu tempat praktik; seorang {profession.lower()} dapat memiliki "
                "paling banyak 3 (tiga) SIP."
            ),
            "choices": [["1", "SIP ke-1"], ["2", "SIP ke-2"], ["3", "SIP ke-3"]],
        },
        {
            "name": "jenis_fasilitas",
            "label": "Jenis tempat praktik",
            "kind": "choice",
            "required": True,
            "help_text": "",
            "choices": [
                ["praktik_mandiri", "Praktik mandiri"],
                ["klinik", "Klinik"],
                ["rumah_sakit", "Rumah sakit"],
                ["puskesmas", "Puskesmas"],
            ],
        },
        *practice_place_fields(),
    ]


def practice_licence_procedure(*, permit_name: str) -> list[dict]:
    return [
        {
            "actor": "Pemohon",
            "description": (
                f"Masuk ke aplikasi Pintu, membuka halaman layanan {permit_name} untuk melihat "
                "persyaratan, dan mengunduh formulir yang disediakan."
            ),
        },
        {
            "actor": "Pemohon",
            "description": (
                "Mengajukan permohonan: mengisi seluruh data permohonan, mengunggah dokumen persyaratan, "
                "lalu mengirimkan permohonan."
            ),
        },
        {
            "actor": "Back Office",
            "description": (
                "Memverifikasi data pemohon, data tempat praktik, dan dokumen yang diunggah, lalu menyetujui "
                "dan meneruskan permohonan ke Kepala Seksi, atau mengembalikannya kepada pemohon untuk "
                "diperbaiki/menolaknya disertai alasan."
            ),
        },
        *verification_chain(),
        {
            "actor": "Pemohon",
            "description": (
                "Mengunduh surat izin bertanda tangan elektronik (SK TTE) secara mandiri melalui "
                "aplikasi Pintu."
            ),
        },
    ]


def _sip_blank_forms(*, permit_name: str, profession: str) -> list[dict]:
    return [
        {
            "slug": "surat-permohonan",
            "title": f"Surat Permohonan {permit_name}",
            "body": (
                letter_opening(f"Permohonan {permit_name}")
                + "\nYang bertanda tangan di bawah ini:\n"
                + data_lines(
                    [
                        "Nama lengkap dan gelar",
                        "NIK",
                        "Tempat, tanggal lahir",
                        "Alamat tempat tinggal",
                        "Nomor telepon/HP",
                        "Alamat e-mail",
                        "Nomor STR",
                        "STR berlaku sampai",
                    ]
                )
                + f"\n\ndengan ini mengajukan permohonan {permit_name} yang ke-....... (satu/dua/tiga) "
                "dengan keterangan tempat praktik sebagai berikut:\n"
                + data_lines(["Nama tempat praktik", "Alamat tempat praktik", "Jadwal praktik"])
                + "\n\nSebagai bahan pertimbangan, bersama ini saya lampirkan dokumen persyaratan sesuai "
                "ketentuan. Saya menyatakan bahwa seluruh data dan dokumen yang saya sampaikan adalah "
                "benar.\n"
                "\nDemikian permohonan ini saya sampaikan. Atas perhatian Bapak/Ibu, saya ucapkan terima "
                "kasih.\n"
                "\n" + signature_block()
            ),
        },
        {
            "slug": "surat-pernyataan-tempat-praktik",
            "title": "Surat Pernyataan Mempunyai Tempat Praktik",
            "body": (
                "SURAT PERNYATAAN\nMEMPUNYAI TEMPAT PRAKTIK\n\nYang bertanda tangan di bawah ini:\n"
                + data_lines(["Nama lengkap dan gelar", "NIK", "Nomor STR", "Alamat tempat tinggal"])
                + f"\n\ndengan ini menyatakan dengan sesungguhnya bahwa saya mempunyai tempat praktik "
                f"{profession.lower()} di:\n"
                + data_lines(
                    [
                        "Nama tempat praktik",
                        "Alamat tempat praktik",
                        "Status tempat (milik sendiri/sewa/fasilitas pelayanan kesehatan)",
                        "Jadwal praktik",
                    ]
                )
                + "\n\nTempat praktik tersebut akan saya gunakan sesuai dengan ketentuan peraturan "
                "perundang-undangan. Apabila di kemudian hari pernyataan ini terbukti tidak benar, saya "
                "bersedia menerima sanksi sesuai ketentuan yang berlaku.\n"
                "\nDemikian surat pernyataan ini saya buat dengan sebenarnya untuk dipergunakan sebagaimana "
                "mestinya.\n\n" + signature_block("Yang membuat pernyataan", meterai=True)
            ),
        },
        {
            "slug": "surat-pernyataan-tidak-memiliki-sip",
            "title": "Surat Pernyataan Tidak Memiliki SIP Kedua dan Ketiga",
            "body": (
                "SURAT PERNYATAAN\nTIDAK MEMILIKI SIP KEDUA DAN KETIGA\n\nYang bertanda tangan di bawah "
                "ini:\n"
                + data_lines(["Nama lengkap dan gelar", "NIK", "Nomor STR", "Alamat tempat tinggal"])
                + f"\n\ndengan ini menyatakan dengan sesungguhnya bahwa saya tidak memiliki Surat Izin "
                f"Praktik (SIP) {profession} kedua dan ketiga selain SIP yang saya ajukan kepada "
                f"{OFFICE_NAME} "
                f"{REGION} di tempat praktik:\n"
                + data_lines(["Nama tempat praktik", "Alamat tempat praktik"])
                + "\n\nApabila di kemudian hari pernyataan ini terbukti tidak benar, saya bersedia menerima "
                "sanksi sesuai ketentuan peraturan perundang-undangan, termasuk pencabutan SIP.\n"
                "\nDemikian surat pernyataan ini saya buat dengan sebenarnya untuk dipergunakan sebagaimana "
                "mestinya.\n\n" + signature_block("Yang membuat pernyataan", meterai=True)
            ),
        },
    ]


def _sip(
    *, slug: str, code: str, profession: str, practice: str, organisation: str, name_example: str
) -> dict:
    permit_name = f"Surat Izin Praktik (SIP) {profession}"
    return {
        "slug": slug,
        "code": code,
        "name": permit_name,
        "category": "Kesehatan",
        "description": (
            f"Izin bagi {profession.lower()} untuk menjalankan {practice} di {REGION}. Satu SIP berlaku "
            "untuk satu tempat praktik (paling banyak tiga tempat praktik), berlaku 5 tahun, dan dapat "
            "diperpanjang."
        ),
        "sla_working_days": 14,
        "fee_rupiah": 0,
        "product": (
            f"{permit_name} berupa surat persetujuan yang ditandatangani/tersertifikasi secara elektronik "
            "dengan BSrE (Balai Sertifikasi Elektronik)."
        ),
        "legal_basis": SIP_LEGAL_BASIS,
        "uses_front_office": False,
        "uses_technical_review": False,
        "risk_level": "",
        "source": "Standar Pelayanan DPMPTSP Kabupaten Tangerang",
        "fields": _sip_fields(profession=profession, name_example=name_example),
        "requirements": _sip_requirements(profession=profession, organisation=organisation),
        "procedure": practice_licence_procedure(permit_name=permit_name),
        "components": office_components(),
        "blank_forms": _sip_blank_forms(permit_name=permit_name, profession=profession),
    }


SIP_DOKTER_UMUM = _sip(
    slug="sip-dokter-umum",
    code="SIPDU",
    profession="Dokter Umum",
    practice="praktik kedokteran",
    organisation="Ikatan Dokter Indonesia (IDI)",
    name_example="dr. Andi Wijaya",
)

SIP_DOKTER_GIGI = _sip(
    slug="sip-dokter-gigi",
    code="SIPDG",
    profession="Dokter Gigi",
    practice="praktik kedokteran gigi",
    organisation="Persatuan Dokter Gigi Indonesia (PDGI)",
    name_example="drg. Sari Lestari",
)


PERMIT_TYPES: list[dict] = [SIP_DOKTER_UMUM, SIP_DOKTER_GIGI]
