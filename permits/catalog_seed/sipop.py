"""SIPOP — Surat Izin Praktik Ortotik Prostetik, from DPMPTSP Kota Tanjung Pinang's service standard
(seed 001); requirements per the Kota Batu standard (DOMAIN.md)."""

from .health import personal_fields, practice_place_fields
from .office import (
    DELEGATION_REGULATION,
    PHOTO,
    data_lines,
    enumerate_lines,
    letter_opening,
    office_components,
    requirement,
    signature_block,
    verification_chain,
)

# --- SIPOP (seed 001, requirements per the Kota Batu standard) --------------------------------------

SIPOP = {
    "slug": "sipop",
    "code": "SIPOP",
    "name": "Surat Izin Praktik Ortotik Prostetik (SIPOP)",
    "category": "Kesehatan",
    "description": (
        "Izin bagi ortotis prostetis untuk menjalankan praktik pelayanan ortotik prostetik secara mandiri. "
        "Permohonan diperiksa oleh Tim Teknis, termasuk peninjauan lokasi tempat praktik bila diperlukan."
    ),
    "sla_working_days": 3,
    "fee_rupiah": 0,
    "product": (
        "Dokumen Surat Izin Praktik Ortotik Prostetik (SIPOP) yang ditandatangani secara elektronik oleh "
        "Kepala Dinas dan dikirimkan kepada pemohon melalui e-mail."
    ),
    "legal_basis": enumerate_lines(
        [
            "Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan",
            "Peraturan Pemerintah Nomor 28 Tahun 2024 tentang Peraturan Pelaksanaan Undang-Undang Nomor 17 "
            "Tahun 2023 tentang Kesehatan",
            "Peraturan Menteri Kesehatan Nomor 22 Tahun 2013 tentang Penyelenggaraan Pekerjaan dan Praktik "
            "Ortotis Prostetis",
            DELEGATION_REGULATION,
        ]
    ),
    "uses_front_office": True,
    "uses_technical_review": True,
    "risk_level": "",
    "source": "Standar Pelayanan DPMPTSP Kota Tanjungpinang (persyaratan: standar pelayanan Kota Batu)",
    "fields": [
        *personal_fields("Budi Santoso, A.Md.OP."),
        {
            "name": "nomor_str_op",
            "label": "Nomor STR Ortotis Prostetis (STROP)",
            "kind": "text",
            "required": True,
            "help_text": "Nomor Surat Tanda Registrasi Ortotis Prostetis sesuai yang tertera pada STR.",
            "max_length": 50,
        },
        {
            "name": "str_op_berlaku_sampai",
            "label": "STROP berlaku sampai",
            "kind": "date",
            "required": False,
            "help_text": "Kosongkan bila STR berlaku seumur hidup (UU 17/2023).",
        },
        {
            "name": "sipop_ke",
            "label": "SIPOP ke-",
            "kind": "choice",
            "required": True,
            "help_text": "Untuk SIPOP ke-2, lampirkan fotokopi SIPOP pertama.",
            "choices": [["1", "SIPOP ke-1"], ["2", "SIPOP ke-2"]],
        },
        *practice_place_fields(),
    ],
    "requirements": [
        requirement(
            "Surat atau formulir permohonan izin",
            "Gunakan formulir surat permohonan yang dapat diunduh di halaman ini.",
        ),
        requirement("Fotokopi Kartu Tanda Penduduk (KTP) pemohon"),
        requirement("Fotokopi ijazah terakhir yang dilegalisasi"),
        requirement(
            "Fotokopi Surat Tanda Registrasi Ortotis Prostetis (STROP)",
            "STR yang berlaku seumur hidup sesuai Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan juga "
            "diterima.",
        ),
        requirement("Surat keterangan sehat dari dokter yang mempunyai Surat Izin Praktik"),
        requirement(
            "Surat pernyataan mempunyai tempat praktik pelayanan ortotik prostetik secara mandiri",
            "Formulir surat pernyataan dapat diunduh di halaman ini.",
        ),
        requirement(
            "Pas foto berwarna terbaru ukuran 4x6 cm berlatar belakang merah",
            "Format JPG atau PNG.",
            accepted=PHOTO,
            max_mb=2,
        ),
        requirement("Rekomendasi dari Kepala Dinas Kesehatan atau pejabat yang ditunjuk"),
        requirement("Rekomendasi dari organisasi profesi"),
        requirement(
            "Fotokopi SIPOP pertama",
            "Khusus untuk permohonan SIPOP yang kedua.",
            required=False,
        ),
    ],
    "procedure": [
        {
            "actor": "Pemohon",
            "description": (
                "Mendaftar dan masuk ke aplikasi Pintu, mengisi data permohonan, dan mengunggah dokumen "
                "persyaratan."
            ),
        },
        {
            "actor": "Front Office",
            "description": (
                "Menerima permohonan, memberikan tanda terima, serta memverifikasi permohonan beserta "
                "kelengkapan persyaratan. Permohonan yang dinyatakan lengkap dan benar diteruskan ke Tim "
                "Teknis untuk proses rekomendasi dan peninjauan lokasi apabila diperlukan."
            ),
        },
        {
            "actor": "Tim Teknis",
            "description": (
                "Melakukan peninjauan lapangan, membuat berita acara, serta membuat rekomendasi yang "
                "selanjutnya diteruskan ke Back Office."
            ),
        },
        {
            "actor": "Back Office",
            "description": "Menginput data permohonan dan menyiapkan draf surat izin.",
        },
        *verification_chain(),
        {
            "actor": "Pemohon",
            "description": (
                "Menerima dokumen izin melalui e-mail; dokumen yang sama dapat diunduh melalui aplikasi "
                "Pintu."
            ),
        },
    ],
    "components": office_components(),
    "blank_forms": [
        {
            "slug": "surat-permohonan",
            "title": "Surat Permohonan Surat Izin Praktik Ortotik Prostetik (SIPOP)",
            "body": (
                letter_opening("Permohonan Surat Izin Praktik Ortotik Prostetik (SIPOP)")
                + "\nYang bertanda tangan di bawah ini:\n"
                + data_lines(
                    [
                        "Nama lengkap dan gelar",
                        "NIK",
                        "Tempat, tanggal lahir",
                        "Alamat tempat tinggal",
                        "Nomor telepon/HP",
                        "Alamat e-mail",
                        "Nomor STROP",
                        "STROP berlaku sampai",
                    ]
                )
                + "\n\ndengan ini mengajukan permohonan Surat Izin Praktik Ortotik Prostetik (SIPOP) yang "
                "ke-....... (satu/dua) untuk praktik pelayanan ortotik prostetik secara mandiri di:\n"
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
            "title": "Surat Pernyataan Mempunyai Tempat Praktik Ortotik Prostetik Mandiri",
            "body": (
                "SURAT PERNYATAAN\nMEMPUNYAI TEMPAT PRAKTIK ORTOTIK PROSTETIK MANDIRI\n\n"
                "Yang bertanda tangan di bawah ini:\n"
                + data_lines(["Nama lengkap dan gelar", "NIK", "Nomor STROP", "Alamat tempat tinggal"])
                + "\n\ndengan ini menyatakan dengan sesungguhnya bahwa saya mempunyai tempat praktik "
                "pelayanan ortotik prostetik secara mandiri di:\n"
                + data_lines(
                    [
                        "Nama tempat praktik",
                        "Alamat tempat praktik",
                        "Status tempat (milik sendiri/sewa)",
                        "Jadwal praktik",
                    ]
                )
                + "\n\nTempat praktik tersebut memenuhi persyaratan bangunan, ruang, dan peralatan praktik "
                "ortotik prostetik serta siap ditinjau oleh Tim Teknis. Apabila di kemudian hari pernyataan "
                "ini terbukti tidak benar, saya bersedia menerima sanksi sesuai ketentuan peraturan "
                "perundang-undangan.\n"
                "\nDemikian surat pernyataan ini saya buat dengan sebenarnya untuk dipergunakan sebagaimana "
                "mestinya.\n\n" + signature_block("Yang membuat pernyataan", meterai=True)
            ),
        },
    ],
}
