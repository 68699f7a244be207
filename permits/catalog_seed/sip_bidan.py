"""SIP Bidan — composed for the demo ("Disusun untuk demo") after common DPMPTSP practice and the rules
it cites; not transcribed from a seed."""

from .health import personal_fields, practice_licence_procedure, practice_place_fields
from .office import (
    DELEGATION_REGULATION,
    PHOTO,
    data_lines,
    enumerate_lines,
    letter_opening,
    office_components,
    requirement,
    signature_block,
)

DEMO_SOURCE = "Disusun untuk demo"

SIP_BIDAN = {
    "slug": "sip-bidan",
    "code": "SIPB",
    "name": "Surat Izin Praktik Bidan (SIPB)",
    "category": "Kesehatan",
    "description": (
        "Izin bagi bidan untuk menjalankan praktik kebidanan, baik di tempat praktik mandiri bidan maupun "
        "di fasilitas pelayanan kesehatan. Satu SIPB berlaku untuk satu tempat praktik."
    ),
    "sla_working_days": 10,
    "fee_rupiah": 0,
    "product": (
        "Surat Izin Praktik Bidan (SIPB) yang ditandatangani secara elektronik oleh Kepala Dinas dan dapat "
        "diunduh melalui aplikasi Pintu."
    ),
    "legal_basis": enumerate_lines(
        [
            "Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan",
            "Peraturan Pemerintah Nomor 28 Tahun 2024 tentang Peraturan Pelaksanaan Undang-Undang Nomor 17 "
            "Tahun 2023 tentang Kesehatan",
            "Peraturan Menteri Kesehatan Nomor 28 Tahun 2017 tentang Izin dan Penyelenggaraan Praktik Bidan",
            DELEGATION_REGULATION,
        ]
    ),
    "uses_front_office": False,
    "uses_technical_review": False,
    "risk_level": "",
    "source": DEMO_SOURCE,
    "fields": [
        *personal_fields("Siti Aminah, A.Md.Keb."),
        {
            "name": "nomor_str",
            "label": "Nomor STR Bidan",
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
            "name": "sipb_ke",
            "label": "SIPB ke-",
            "kind": "choice",
            "required": True,
            "help_text": "Satu SIPB berlaku untuk satu tempat praktik.",
            "choices": [["1", "SIPB ke-1"], ["2", "SIPB ke-2"]],
        },
        {
            "name": "jenis_tempat_praktik",
            "label": "Jenis tempat praktik",
            "kind": "choice",
            "required": True,
            "help_text": "",
            "choices": [
                ["praktik_mandiri", "Tempat praktik mandiri bidan"],
                ["klinik", "Klinik"],
                ["rumah_sakit", "Rumah sakit"],
                ["puskesmas", "Puskesmas"],
                ["fasyankes_lain", "Fasilitas pelayanan kesehatan lainnya"],
            ],
        },
        *practice_place_fields(),
    ],
    "requirements": [
        requirement(
            "Surat permohonan",
            "Gunakan formulir surat permohonan yang dapat diunduh di halaman ini, diisi lengkap dan "
            "ditandatangani pemohon.",
        ),
        requirement("Fotokopi KTP", "Kartu Tanda Penduduk elektronik (KTP-el) pemohon."),
        requirement(
            "Fotokopi Surat Tanda Registrasi (STR) Bidan",
            "STR yang masih berlaku atau STR yang berlaku seumur hidup sesuai Undang-Undang Nomor 17 Tahun "
            "2023 tentang Kesehatan.",
        ),
        requirement(
            "Fotokopi ijazah pendidikan bidan yang dilegalisasi",
            "Ijazah Diploma III/Diploma IV Kebidanan atau Profesi Bidan.",
        ),
        requirement("Surat keterangan sehat dari dokter yang memiliki Surat Izin Praktik"),
        requirement(
            "Surat pernyataan memiliki tempat praktik atau surat keterangan dari pimpinan fasilitas "
            "pelayanan kesehatan tempat bidan berpraktik",
            "Untuk praktik mandiri, gunakan formulir surat pernyataan yang dapat diunduh di halaman ini.",
        ),
        requirement(
            "Pas foto berwarna ukuran 4x6 cm berlatar belakang merah",
            "Foto terbaru, tampak depan, dalam format JPG atau PNG.",
            accepted=PHOTO,
            max_mb=2,
        ),
        requirement(
            "Surat rekomendasi dari Dinas Kesehatan",
            "Diterbitkan oleh Dinas Kesehatan setelah verifikasi tempat praktik.",
        ),
        requirement(
            "Surat persetujuan dari atasan langsung",
            "Wajib bagi bidan yang bekerja pada instansi/fasilitas pelayanan kesehatan pemerintah atau "
            "bekerja purna waktu pada fasilitas pelayanan kesehatan lain.",
            required=False,
        ),
        requirement(
            "Fotokopi SIPB yang sudah dimiliki",
            "Khusus untuk permohonan SIPB kedua.",
            required=False,
        ),
        requirement(
            "Denah ruangan dan peta lokasi tempat praktik",
            "Wajib untuk tempat praktik mandiri bidan.",
            required=False,
        ),
        requirement(
            "Perjanjian kerja sama pengelolaan limbah medis",
            "Wajib untuk tempat praktik mandiri bidan; perjanjian dengan pihak pengelola limbah medis.",
            required=False,
        ),
    ],
    "procedure": practice_licence_procedure(permit_name="SIPB"),
    "components": office_components(),
    "blank_forms": [
        {
            "slug": "surat-permohonan",
            "title": "Surat Permohonan Surat Izin Praktik Bidan (SIPB)",
            "body": (
                letter_opening("Permohonan Surat Izin Praktik Bidan (SIPB)")
                + "\nYang bertanda tangan di bawah ini:\n"
                + data_lines(
                    [
                        "Nama lengkap dan gelar",
                        "NIK",
                        "Tempat, tanggal lahir",
                        "Alamat tempat tinggal",
                        "Nomor telepon/HP",
                        "Alamat e-mail",
                        "Nomor STR Bidan",
                        "STR berlaku sampai",
                    ]
                )
                + "\n\ndengan ini mengajukan permohonan Surat Izin Praktik Bidan (SIPB) yang ke-....... "
                "(satu/dua) dengan keterangan tempat praktik sebagai berikut:\n"
                + data_lines(
                    [
                        "Jenis tempat praktik (mandiri/fasilitas pelayanan kesehatan)",
                        "Nama tempat praktik",
                        "Alamat tempat praktik",
                        "Jadwal praktik",
                    ]
                )
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
            "title": "Surat Pernyataan Memiliki Tempat Praktik Mandiri Bidan",
            "body": (
                "SURAT PERNYATAAN\nMEMILIKI TEMPAT PRAKTIK MANDIRI BIDAN\n\nYang bertanda tangan di bawah "
                "ini:\n"
                + data_lines(["Nama lengkap dan gelar", "NIK", "Nomor STR Bidan", "Alamat tempat tinggal"])
                + "\n\ndengan ini menyatakan dengan sesungguhnya bahwa saya memiliki tempat praktik mandiri "
                "bidan di:\n"
                + data_lines(
                    [
                        "Nama tempat praktik",
                        "Alamat tempat praktik",
                        "Status tempat (milik sendiri/sewa)",
                        "Jadwal praktik",
                    ]
                )
                + "\n\nTempat praktik tersebut memenuhi persyaratan bangunan, prasarana, dan peralatan "
                "praktik kebidanan, serta limbah medisnya dikelola sesuai ketentuan. Apabila di kemudian "
                "hari "
                "pernyataan ini terbukti tidak benar, saya bersedia menerima sanksi sesuai ketentuan "
                "peraturan perundang-undangan.\n"
                "\nDemikian surat pernyataan ini saya buat dengan sebenarnya untuk dipergunakan sebagaimana "
                "mestinya.\n\n" + signature_block("Yang membuat pernyataan", meterai=True)
            ),
        },
    ],
}


# --- Izin Penyelenggaraan Reklame (composed for the demo) ------------------------------------------
