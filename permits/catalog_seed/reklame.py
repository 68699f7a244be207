"""Izin Penyelenggaraan Reklame — composed for the demo ("Disusun untuk demo"); not from a seed."""

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

IZIN_REKLAME = {
    "slug": "izin-penyelenggaraan-reklame",
    "code": "REKL",
    "name": "Izin Penyelenggaraan Reklame",
    "category": "Reklame",
    "description": (
        "Izin untuk memasang dan menyelenggarakan reklame tetap, seperti papan/billboard, neon box, atau "
        "videotron, di lokasi tertentu untuk jangka waktu tertentu. Lokasi dan konstruksi reklame ditinjau "
        "oleh Tim Teknis; pajak reklame dibayarkan tersendiri kepada Badan Pendapatan Daerah."
    ),
    "sla_working_days": 7,
    "fee_rupiah": 0,
    "product": (
        "Surat Izin Penyelenggaraan Reklame yang ditandatangani secara elektronik, memuat jenis, ukuran, "
        "naskah, lokasi, dan masa berlaku reklame."
    ),
    "legal_basis": enumerate_lines(
        [
            "Undang-Undang Nomor 1 Tahun 2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan "
            "Pemerintahan Daerah",
            "Peraturan Pemerintah Nomor 35 Tahun 2023 tentang Ketentuan Umum Pajak Daerah dan Retribusi "
            "Daerah",
            "Peraturan Menteri Pekerjaan Umum Nomor 20/PRT/M/2010 tentang Pedoman Pemanfaatan dan "
            "Penggunaan Bagian-Bagian Jalan",
            DELEGATION_REGULATION,
        ]
    ),
    "uses_front_office": False,
    "uses_technical_review": True,
    "risk_level": "",
    "source": DEMO_SOURCE,
    "fields": [
        {
            "name": "nama_penyelenggara",
            "label": "Nama penyelenggara reklame",
            "kind": "text",
            "required": True,
            "help_text": "Nama perorangan atau badan usaha yang menyelenggarakan reklame.",
            "max_length": 200,
        },
        {
            "name": "nib",
            "label": "Nomor Induk Berusaha (NIB)",
            "kind": "digits",
            "digits": 13,
            "required": False,
            "help_text": "Diisi bila penyelenggara berbentuk badan usaha.",
        },
        {
            "name": "npwpd",
            "label": "NPWPD",
            "kind": "text",
            "required": False,
            "help_text": "Nomor Pokok Wajib Pajak Daerah, bila sudah terdaftar sebagai wajib pajak reklame.",
            "max_length": 30,
        },
        {
            "name": "jenis_reklame",
            "label": "Jenis reklame",
            "kind": "choice",
            "required": True,
            "help_text": "",
            "choices": [
                ["papan_billboard", "Papan/billboard"],
                ["neon_box", "Neon box"],
                ["neon_sign", "Neon sign"],
                ["videotron", "Videotron/megatron"],
                ["baliho", "Baliho"],
                ["lainnya", "Lainnya"],
            ],
        },
        {
            "name": "naskah_reklame",
            "label": "Naskah/materi reklame",
            "kind": "textarea",
            "required": True,
            "help_text": "Teks dan gambaran singkat isi reklame yang akan ditampilkan.",
            "max_length": 1000,
        },
        {
            "name": "alamat_lokasi",
            "label": "Alamat lokasi pemasangan",
            "kind": "textarea",
            "required": True,
            "help_text": "Nama jalan, nomor/patokan, kelurahan/desa, dan kecamatan.",
            "max_length": 500,
        },
        {
            "name": "titik_koordinat",
            "label": "Titik koordinat",
            "kind": "text",
            "required": True,
            "help_text": "Lintang, bujur dalam derajat desimal, mis. -6.2745, 106.4762.",
            "max_length": 50,
        },
        {
            "name": "panjang_cm",
            "label": "Panjang bidang reklame (cm)",
            "kind": "integer",
            "required": True,
            "help_text": "",
            "min_value": 1,
            "max_value": 10000,
        },
        {
            "name": "lebar_cm",
            "label": "Lebar/tinggi bidang reklame (cm)",
            "kind": "integer",
            "required": True,
            "help_text": "",
            "min_value": 1,
            "max_value": 10000,
        },
        {
            "name": "jumlah_sisi",
            "label": "Jumlah sisi/muka reklame",
            "kind": "integer",
            "required": True,
            "help_text": "",
            "min_value": 1,
            "max_value": 4,
        },
        {
            "name": "tanggal_mulai",
            "label": "Tanggal mulai penyelenggaraan",
            "kind": "date",
            "required": True,
            "help_text": "",
        },
        {
            "name": "lama_bulan",
            "label": "Lama penyelenggaraan (bulan)",
            "kind": "integer",
            "required": True,
            "help_text": "Paling lama 12 bulan; dapat diperpanjang.",
            "min_value": 1,
            "max_value": 12,
        },
    ],
    "requirements": [
        requirement(
            "Surat permohonan izin penyelenggaraan reklame bermeterai",
            "Gunakan formulir surat permohonan yang dapat diunduh di halaman ini.",
        ),
        requirement("Fotokopi KTP pemohon/penanggung jawab"),
        requirement(
            "Fotokopi Nomor Induk Berusaha (NIB)",
            "Wajib bila penyelenggara berbentuk badan usaha.",
            required=False,
        ),
        requirement(
            "Desain/gambar visual reklame berwarna beserta ukurannya",
            "Tampilan reklame sesuai naskah yang diajukan, dengan ukuran panjang dan lebar.",
        ),
        requirement(
            "Foto lokasi rencana pemasangan dari 3 (tiga) arah",
            "Foto terbaru yang memperlihatkan titik pemasangan dan lingkungan sekitarnya.",
        ),
        requirement(
            "Bukti kepemilikan atau surat persetujuan pemilik lahan/bangunan",
            "Sertifikat/bukti kepemilikan bila milik sendiri, atau perjanjian sewa/surat persetujuan dari "
            "pemilik lahan/bangunan.",
        ),
        requirement(
            "Gambar konstruksi dan perhitungan kekuatan konstruksi reklame",
            "Wajib untuk reklame berkonstruksi (billboard, videotron, dan sejenisnya); ditandatangani oleh "
            "tenaga ahli yang berkompeten.",
            required=False,
        ),
        requirement(
            "Surat pernyataan kesanggupan menjaga keamanan, kebersihan, dan membongkar reklame",
            "Bermeterai; formulir dapat diunduh di halaman ini.",
        ),
        requirement(
            "Surat Ketetapan Pajak Daerah (SKPD) dan bukti pelunasan pajak reklame",
            "Pajak reklame ditetapkan dan dibayarkan melalui Badan Pendapatan Daerah sebelum permohonan "
            "izin diajukan.",
        ),
        requirement(
            "Fotokopi izin penyelenggaraan reklame sebelumnya",
            "Khusus untuk perpanjangan izin.",
            required=False,
        ),
    ],
    "procedure": [
        {
            "actor": "Pemohon",
            "description": (
                "Mendaftarkan objek pajak reklame dan melunasi pajak reklame sesuai Surat Ketetapan Pajak "
                "Daerah (SKPD) dari Badan Pendapatan Daerah."
            ),
        },
        {
            "actor": "Pemohon",
            "description": (
                "Mengajukan permohonan melalui aplikasi Pintu: mengisi data reklame, mengunggah dokumen "
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
                "Meninjau lokasi pemasangan, memeriksa kesesuaian titik, ukuran, dan konstruksi reklame "
                "dengan ketentuan penataan reklame, lalu membuat berita acara dan rekomendasi."
            ),
        },
        *verification_chain(),
        {
            "actor": "Pemohon",
            "description": (
                "Mengunduh surat izin bertanda tangan elektronik melalui aplikasi Pintu dan memasang reklame "
                "sesuai izin."
            ),
        },
    ],
    "components": {
        4: (
            "Penerbitan izin tidak dipungut biaya. Pajak reklame dibayarkan tersendiri kepada Badan "
            "Pendapatan Daerah sesuai Surat Ketetapan Pajak Daerah (SKPD) dan bukan merupakan biaya "
            "pelayanan izin."
        ),
        **office_components(),
    },
    "blank_forms": [
        {
            "slug": "surat-permohonan",
            "title": "Surat Permohonan Izin Penyelenggaraan Reklame",
            "body": (
                letter_opening("Permohonan Izin Penyelenggaraan Reklame")
                + "\nYang bertanda tangan di bawah ini:\n"
                + data_lines(
                    [
                        "Nama lengkap",
                        "NIK",
                        "Alamat",
                        "Nomor telepon/HP",
                        "Bertindak atas nama (perorangan/badan usaha)",
                        "NIB (bagi badan usaha)",
                    ]
                )
                + "\n\ndengan ini mengajukan permohonan Izin Penyelenggaraan Reklame dengan keterangan "
                "sebagai berikut:\n"
                + data_lines(
                    [
                        "Jenis reklame",
                        "Naskah/materi reklame",
                        "Ukuran (panjang x lebar) dan jumlah sisi",
                        "Alamat lokasi pemasangan",
                        "Titik koordinat",
                        "Masa penyelenggaraan",
                    ]
                )
                + "\n\nSebagai bahan pertimbangan, bersama ini saya lampirkan dokumen persyaratan sesuai "
                "ketentuan.\n"
                "\nDemikian permohonan ini saya sampaikan. Atas perhatian Bapak/Ibu, saya ucapkan terima "
                "kasih.\n"
                "\n" + signature_block(meterai=True)
            ),
        },
        {
            "slug": "surat-pernyataan-kesanggupan",
            "title": "Surat Pernyataan Kesanggupan Penyelenggara Reklame",
            "body": (
                "SURAT PERNYATAAN KESANGGUPAN\n\nYang bertanda tangan di bawah ini:\n"
                + data_lines(["Nama lengkap", "NIK", "Alamat", "Bertindak atas nama"])
                + "\n\nselaku penyelenggara reklame "
                + "........................ di lokasi ........................, dengan ini menyatakan "
                "sanggup:\n"
                + enumerate_lines(
                    [
                        "menjaga keamanan dan kekuatan konstruksi reklame selama masa penyelenggaraan",
                        "menjaga kebersihan, keindahan, dan ketertiban di sekitar lokasi reklame",
                        "bertanggung jawab atas segala kerugian pihak lain yang timbul akibat "
                        "penyelenggaraan reklame",
                        "membongkar reklame beserta konstruksinya paling lambat 7 (tujuh) hari setelah masa "
                        "izin berakhir, atas biaya sendiri",
                    ]
                )
                + "\n\nApabila saya tidak memenuhi pernyataan ini, saya bersedia menerima sanksi sesuai "
                "ketentuan, termasuk pembongkaran reklame oleh pemerintah daerah.\n"
                "\nDemikian surat pernyataan ini saya buat dengan sebenarnya untuk dipergunakan sebagaimana "
                "mestinya.\n\n" + signature_block("Yang membuat pernyataan", meterai=True)
            ),
        },
    ],
}


# --- Izin Pendirian LKP (composed for the demo) ----------------------------------------------------
