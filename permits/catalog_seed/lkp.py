"""Izin Pendirian Lembaga Kursus dan Pelatihan (LKP) — composed for the demo ("Disusun untuk demo");
not from a seed."""

from .office import (
    DELEGATION_REGULATION,
    data_lines,
    enumerate_lines,
    letter_opening,
    office_components,
    requirement,
    signature_block,
    verification_chain,
)

DEMO_SOURCE = "Disusun untuk demo"

IZIN_LKP = {
    "slug": "izin-pendirian-lkp",
    "code": "LKP",
    "name": "Izin Pendirian Lembaga Kursus dan Pelatihan (LKP)",
    "category": "Pendidikan",
    "description": (
        "Izin pendirian satuan pendidikan nonformal berupa lembaga kursus dan pelatihan, misalnya kursus "
        "bahasa, komputer, menjahit, atau tata rias. Permohonan dinilai oleh Tim Teknis melalui kunjungan "
        "lapangan (visitasi) ke lokasi lembaga."
    ),
    "sla_working_days": 14,
    "fee_rupiah": 0,
    "product": (
        "Surat Keputusan Izin Pendirian Lembaga Kursus dan Pelatihan yang ditandatangani secara elektronik."
    ),
    "legal_basis": enumerate_lines(
        [
            "Undang-Undang Nomor 20 Tahun 2003 tentang Sistem Pendidikan Nasional",
            "Peraturan Pemerintah Nomor 17 Tahun 2010 tentang Pengelolaan dan Penyelenggaraan Pendidikan "
            "sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 66 Tahun 2010",
            "Peraturan Menteri Pendidikan dan Kebudayaan Nomor 81 Tahun 2013 tentang Pendirian Satuan "
            "Pendidikan Nonformal",
            DELEGATION_REGULATION,
        ]
    ),
    "uses_front_office": False,
    "uses_technical_review": True,
    "risk_level": "",
    "source": DEMO_SOURCE,
    "fields": [
        {
            "name": "nama_lembaga",
            "label": "Nama lembaga",
            "kind": "text",
            "required": True,
            "help_text": "Nama LKP yang akan tercantum pada surat izin.",
            "max_length": 200,
        },
        {
            "name": "program_kursus",
            "label": "Program kursus/pelatihan",
            "kind": "textarea",
            "required": True,
            "help_text": "Jenis program yang diselenggarakan, mis. Bahasa Inggris; Komputer Perkantoran.",
            "max_length": 1000,
        },
        {
            "name": "bentuk_penyelenggara",
            "label": "Bentuk penyelenggara",
            "kind": "choice",
            "required": True,
            "help_text": "",
            "choices": [
                ["perseorangan", "Perseorangan"],
                ["yayasan", "Yayasan"],
                ["perkumpulan", "Perkumpulan"],
                ["badan_hukum_lain", "Badan hukum lainnya"],
            ],
        },
        {
            "name": "nama_penyelenggara",
            "label": "Nama penyelenggara",
            "kind": "text",
            "required": True,
            "help_text": "Nama perseorangan, yayasan, atau badan hukum penyelenggara.",
            "max_length": 200,
        },
        {
            "name": "nib",
            "label": "Nomor Induk Berusaha (NIB)",
            "kind": "digits",
            "digits": 13,
            "required": False,
            "help_text": "Diisi bila penyelenggara sudah memiliki NIB.",
        },
        {
            "name": "nama_pimpinan",
            "label": "Nama pimpinan lembaga",
            "kind": "text",
            "required": True,
            "help_text": "",
            "max_length": 150,
        },
        {
            "name": "alamat_lembaga",
            "label": "Alamat lembaga",
            "kind": "textarea",
            "required": True,
            "help_text": "Alamat lengkap tempat penyelenggaraan kursus/pelatihan.",
            "max_length": 500,
        },
        {
            "name": "telepon_lembaga",
            "label": "Telepon lembaga",
            "kind": "phone",
            "required": True,
            "help_text": "",
        },
        {
            "name": "email_lembaga",
            "label": "E-mail lembaga",
            "kind": "email",
            "required": False,
            "help_text": "",
        },
        {
            "name": "jumlah_pendidik",
            "label": "Jumlah pendidik (instruktur)",
            "kind": "integer",
            "required": True,
            "help_text": "",
            "min_value": 1,
            "max_value": 500,
        },
        {
            "name": "jumlah_tenaga_kependidikan",
            "label": "Jumlah tenaga kependidikan",
            "kind": "integer",
            "required": True,
            "help_text": "Pengelola, tenaga administrasi, dan sejenisnya.",
            "min_value": 0,
            "max_value": 500,
        },
        {
            "name": "daya_tampung",
            "label": "Daya tampung peserta didik per angkatan",
            "kind": "integer",
            "required": True,
            "help_text": "",
            "min_value": 1,
            "max_value": 10000,
        },
    ],
    "requirements": [
        requirement(
            "Surat permohonan izin pendirian",
            "Gunakan formulir surat permohonan yang dapat diunduh di halaman ini.",
        ),
        requirement("Fotokopi KTP pimpinan/penyelenggara lembaga"),
        requirement(
            "Akta pendirian dan surat keputusan pengesahan badan hukum",
            "Wajib bila penyelenggara berbentuk yayasan, perkumpulan, atau badan hukum lainnya.",
            required=False,
        ),
        requirement("Surat keterangan domisili lembaga dari kelurahan/desa"),
        requirement("Hasil studi kelayakan pendirian lembaga"),
        requirement("Profil lembaga dan rencana pengembangan lembaga"),
        requirement(
            "Kurikulum/isi pendidikan setiap program kursus dan pelatihan",
            "Termasuk sistem evaluasi hasil belajar peserta didik.",
        ),
        requirement(
            "Daftar pendidik dan tenaga kependidikan beserta fotokopi ijazah/sertifikat kompetensinya",
        ),
        requirement(
            "Daftar sarana dan prasarana pembelajaran, denah ruangan, dan foto ruang kursus",
        ),
        requirement(
            "Bukti kepemilikan atau perjanjian sewa/pinjam pakai gedung tempat penyelenggaraan",
        ),
        requirement("Rencana pembiayaan dan sumber dana penyelenggaraan"),
        requirement("Struktur organisasi dan tata kelola lembaga"),
    ],
    "procedure": [
        {
            "actor": "Pemohon",
            "description": (
                "Mengajukan permohonan melalui aplikasi Pintu: mengisi data lembaga, mengunggah dokumen "
                "persyaratan, lalu mengirimkan permohonan."
            ),
        },
        {
            "actor": "Back Office",
            "description": (
                "Memeriksa kelengkapan dan kebenaran data dan dokumen, lalu meneruskan permohonan ke Tim "
                "Teknis, atau mengembalikannya kepada pemohon untuk diperbaiki/menolaknya disertai alasan."
            ),
        },
        {
            "actor": "Tim Teknis",
            "description": (
                "Bersama Dinas Pendidikan melakukan kunjungan lapangan (visitasi) untuk menilai kesiapan "
                "kurikulum, pendidik, sarana dan prasarana, dan tata kelola lembaga, lalu membuat berita "
                "acara dan rekomendasi."
            ),
        },
        *verification_chain(),
        {
            "actor": "Pemohon",
            "description": (
                "Mengunduh Surat Keputusan Izin Pendirian LKP bertanda tangan elektronik melalui aplikasi "
                "Pintu."
            ),
        },
    ],
    "components": office_components(),
    "blank_forms": [
        {
            "slug": "surat-permohonan",
            "title": "Surat Permohonan Izin Pendirian Lembaga Kursus dan Pelatihan (LKP)",
            "body": (
                letter_opening("Permohonan Izin Pendirian Lembaga Kursus dan Pelatihan (LKP)")
                + "\nYang bertanda tangan di bawah ini:\n"
                + data_lines(["Nama lengkap", "NIK", "Jabatan", "Alamat", "Nomor telepon/HP"])
                + "\n\nbertindak untuk dan atas nama penyelenggara:\n"
                + data_lines(["Nama penyelenggara", "Bentuk penyelenggara", "Nomor akta/SK badan hukum"])
                + "\n\ndengan ini mengajukan permohonan Izin Pendirian Lembaga Kursus dan Pelatihan dengan "
                "keterangan sebagai berikut:\n"
                + data_lines(
                    [
                        "Nama lembaga",
                        "Program kursus/pelatihan",
                        "Alamat lembaga",
                        "Nama pimpinan lembaga",
                        "Jumlah pendidik dan tenaga kependidikan",
                        "Daya tampung peserta didik per angkatan",
                    ]
                )
                + "\n\nSebagai bahan pertimbangan, bersama ini saya lampirkan dokumen persyaratan sesuai "
                "ketentuan.\n"
                "\nDemikian permohonan ini saya sampaikan. Atas perhatian Bapak/Ibu, saya ucapkan terima "
                "kasih.\n"
                "\n" + signature_block()
            ),
        },
        {
            "slug": "surat-pernyataan-kebenaran-dokumen",
            "title": "Surat Pernyataan Kebenaran Dokumen dan Kesanggupan Penyelenggara LKP",
            "body": (
                "SURAT PERNYATAAN\n\nYang bertanda tangan di bawah ini:\n"
                + data_lines(["Nama lengkap", "NIK", "Jabatan", "Nama lembaga", "Alamat lembaga"])
                + "\n\ndengan ini menyatakan dengan sesungguhnya bahwa:\n"
                + enumerate_lines(
                    [
                        "seluruh data dan dokumen yang kami sampaikan dalam permohonan izin pendirian "
                        "lembaga kursus dan pelatihan adalah benar",
                        "kami sanggup menyelenggarakan kursus dan pelatihan sesuai dengan kurikulum, "
                        "sarana dan prasarana, serta tenaga pendidik yang diajukan",
                        "kami sanggup mematuhi ketentuan peraturan perundang-undangan di bidang pendidikan "
                        "dan menyampaikan laporan penyelenggaraan secara berkala",
                    ]
                )
                + "\n\nApabila di kemudian hari pernyataan ini terbukti tidak benar, kami bersedia menerima "
                "sanksi sesuai ketentuan peraturan perundang-undangan, termasuk pencabutan izin.\n"
                "\nDemikian surat pernyataan ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana "
                "mestinya.\n\n" + signature_block("Yang membuat pernyataan", meterai=True)
            ),
        },
    ],
}
