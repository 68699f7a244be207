"""Business permits: KBLI 71204 from the seeds, plus three permit types composed for the demo.

- KBLI 71204 Jasa Inspeksi Teknik Instalasi (risk: tinggi): service standard of DPMPTSP Kabupaten
  Purwakarta (seed 004). Requirements, time, fee, product, legal basis and components 8–14 are
  transcribed; the seed's procedure is only a reference to "Klasifikasi 4, 8, 13, atau 17" of an annex
  that is not in the seeds, so the steps are composed from the OSS approval steps of seed 000 and the
  office's route. Names tied to Purwakarta (its complaint addresses, inspectorate, service motto) are
  replaced by this office's, since the catalog is published by one office.
- SIP Bidan, Izin Penyelenggaraan Reklame and Izin Pendirian LKP are NOT from a seed ("Disusun untuk
  demo"): realistic content written after common DPMPTSP practice and the national rules they cite.
  SIP Bidan lives here rather than in health.py, which holds only the seed-transcribed health permits.
"""

from .health import personal_fields, practice_place_fields
from .office import (
    COMPLAINT_CHANNELS_LETTERED,
    DELEGATION_REGULATION,
    PHOTO,
    REGION,
    data_lines,
    enumerate_lines,
    letter_opening,
    office_components,
    requirement,
    signature_block,
    verification_chain,
)

DEMO_SOURCE = "Disusun untuk demo"

# --- KBLI 71204 Jasa Inspeksi Teknik Instalasi (seed 004) ----------------------------------------

_KBLI_71204_COMPLAINTS = "\n".join(
    [
        "1. Pemohon dapat menyampaikan pengaduan dalam hal penyelenggaraan pelayanan oleh DPMPTSP tidak "
        "dilaksanakan sesuai ketentuan peraturan perundang-undangan.",
        "2. Pengaduan dapat disampaikan secara lisan dan/atau tertulis melalui media yang disediakan oleh "
        "DPMPTSP paling lambat 30 (tiga puluh) hari kalender sejak pemohon menerima pelayanan, melalui:",
        COMPLAINT_CHANNELS_LETTERED,
        "3. Pengaduan yang disampaikan lebih dari 30 (tiga puluh) hari kalender dapat diperlakukan sebagai "
        "saran/masukan/koreksi/revisi.",
        "4. DPMPTSP wajib menanggapi dan menindaklanjuti pengaduan secara cepat dan tepat serta memberikan "
        "jawaban paling lambat 14 (empat belas) hari kerja sejak diterimanya pengaduan.",
        "5. Petugas menindaklanjuti pengaduan dengan langkah-langkah sebagai berikut:",
        "a. pencatatan pengaduan yang setidaknya meliputi identitas pelapor/pengadu dan objek/materi "
        "pengaduan;",
        "b. pengaduan yang tidak disertai identitas pelapor/pengadu atau objek/materi pengaduan "
        "diperlakukan sebagai saran atau masukan; dan",
        "c. menelaah dan mengelompokkan pengaduan berdasarkan:",
        "1) bidang/sektor/jenis pelayanan; dan",
        "2) jenis masalah yang dikelompokkan sesuai komponen/unsur dalam Standar Pelayanan/SOP/lainnya, "
        "di antaranya: persyaratan; sistem, mekanisme, dan prosedur; jangka waktu penyelesaian; "
        "biaya/tarif; produk pelayanan; sarana, prasarana, dan/atau fasilitas; kompetensi pelaksana; dan "
        "lain-lain.",
        "6. Langkah-langkah penelaahan materi pengaduan masyarakat meliputi kegiatan sebagai berikut:",
        enumerate_lines(
            [
                "merumuskan inti masalah yang diadukan",
                "menghubungkan materi pengaduan dengan SP/SOP/peraturan yang relevan",
                "memeriksa dokumen dan/atau informasi yang pernah ada dalam kaitannya dengan materi "
                "pengaduan yang baru diterima",
                "merumuskan rencana penanganan atau langkah-langkah yang diperlukan, seperti klarifikasi, "
                "konfirmasi, penelitian atau pemeriksaan, dan investigasi untuk membuktikan kebenaran "
                "materi pengaduan",
                "melakukan klarifikasi, konfirmasi, penelitian atau pemeriksaan, dan investigasi secara "
                "mandiri atau bersama Perangkat Daerah dan/atau Aparat Pengawas Intern Pemerintah (APIP) "
                "kepada pihak terkait, baik di internal maupun eksternal DPMPTSP",
            ],
            style="letter",
        ),
        "7. Hasil penelaahan pengaduan masyarakat dikelompokkan dalam 3 (tiga) kategori, yaitu:",
        enumerate_lines(
            [
                "penyelesaian pengaduan di internal DPMPTSP, untuk pengaduan yang dugaan permasalahannya "
                "berada di internal DPMPTSP. Tindak lanjutnya diselesaikan secara berjenjang mulai dari "
                "tingkat pelaksana sampai dengan Kepala DPMPTSP, dengan tetap melaporkan hasil tindak "
                "lanjutnya secara tertulis kepada pejabat di atasnya",
                "penyelesaian pengaduan yang ditindaklanjuti dengan melibatkan Tim Teknis/Perangkat Daerah "
                "terkait, untuk pengaduan yang dugaan permasalahannya berada di eksternal DPMPTSP. Tindak "
                "lanjutnya diselesaikan secara berjenjang mulai dari tingkat pelaksana sampai dengan Kepala "
                "Perangkat Daerah, dengan tetap melaporkan hasil tindak lanjutnya secara tertulis kepada "
                "pejabat di atasnya",
                "penyelesaian pengaduan yang ditindaklanjuti dengan melibatkan Aparat Pengawas Intern "
                "Pemerintah (APIP), untuk pengaduan yang tidak dapat diselesaikan secara internal maupun "
                "eksternal DPMPTSP. Pelibatan APIP berdasarkan persetujuan Kepala DPMPTSP/Perangkat Daerah "
                "atau sesuai dengan ketentuan peraturan perundang-undangan",
            ],
            style="letter",
        ),
        "8. Hasil tindak lanjut pengaduan diinformasikan kepada pemohon dan dilaporkan kepada atasan "
        "langsung.",
    ]
)

_KBLI_71204_FACILITIES = enumerate_lines(
    [
        "Tempat parkir",
        "Ruang tunggu pelayanan",
        "Ruang dan/atau meja informasi pelayanan",
        "Ruang dan/atau meja konsultasi pelayanan",
        "Ruang dan/atau meja pengaduan, saran, dan masukan pelayanan",
        "Ruang dan/atau meja komputer pendaftaran mandiri",
        "Ruang dan/atau meja pendaftaran pelayanan",
        "Ruang dan/atau meja pemeriksaan dokumen",
        "Ruang dan/atau meja pengolah perizinan",
        "Ruang dan/atau meja tim teknis perizinan",
        "Ruang dan/atau meja rapat tim teknis perizinan",
        "Ruang dan meja kerja pimpinan",
        "Ruang perbankan",
        "Aula",
        "Ruang dan rak arsip",
        "Ruang server",
        "Ruang kontrol dan pusat data",
        "Ruang pantry",
        "Ruang layanan prioritas",
        "Pojok baca",
        "Ruang laktasi",
        "Ruang bermain anak",
        "Musala",
        "Toilet (umum dan disabilitas)",
        "Counter fotokopi",
        "ATM",
        "Kantin",
        "Kursi roda",
        "Server, komputer, smartphone, tablet, scanner, dan printer",
        "Informasi multimedia (touchscreen dan layar televisi)",
        "Mesin dan sistem informasi antrean",
        "Sound system",
        "Kendaraan operasional",
        "GPS",
        "Kamera dan video cam",
        "Seragam pelayanan",
        "Peralatan keselamatan dan keamanan",
        "Peralatan survei",
        "Sistem keselamatan gedung",
        "Sign system dan/atau manual",
        "CCTV",
        "AC",
        "Alat penyedia daya listrik",
        "Pengukur suhu tubuh",
        "Jaringan internet, Wi-Fi",
        "Website, aplikasi mobile, aplikasi perizinan",
        "QR code",
        "Survei kepuasan masyarakat elektronik",
        "Kotak saran dan pengaduan",
        "ID pegawai",
    ]
)

_KBLI_71204_MANAGEMENT: dict[int, str] = {
    8: _KBLI_71204_FACILITIES,
    9: enumerate_lines(
        [
            "Pendidikan terakhir minimal Sarjana, atau SMA yang memiliki pengalaman kerja 5 tahun di "
            "pemerintahan, atau SMA yang memiliki pengalaman kerja 3 tahun menangani pelayanan terpadu "
            "satu pintu, atau memiliki kompetensi teknis sesuai bidang pelayanan terpadu satu pintu yang "
            "ditangani",
            "Pelatihan: Diklat PTSP, Diklat OSS, Diklat Kepribadian",
            "Memiliki sikap ramah, komunikatif, bertanggung jawab, dan sabar",
            "Memahami etika pelayanan dan standar pelayanan",
            "Memahami peraturan perundang-undangan mengenai pelayanan publik dan pemerintahan",
            "Memahami peraturan teknis terkait pelayanan terpadu satu pintu",
            "Dapat mengoperasikan komputer dan aplikasi office",
            "Dapat mengoperasikan aplikasi pelayanan terpadu satu pintu",
            "Berorientasi terhadap kepuasan pelanggan",
        ]
    ),
    10: enumerate_lines(
        [
            "Pengawasan umum penyelenggaraan pelayanan dilakukan oleh atasan langsung secara berjenjang",
            f"Pengawasan fungsional penyelenggaraan pelayanan dilakukan oleh Inspektorat {REGION}",
        ]
    ),
    11: "30 orang.",
    12: enumerate_lines(
        [
            "Kode etik",
            "Pakta integritas",
            "Maklumat pelayanan",
            "Motto pelayanan",
            "Penyelenggara pelayanan akan menerima sanksi sesuai dengan ketentuan peraturan "
            "perundang-undangan apabila dalam pelaksanaan tugasnya tidak sesuai dengan standar pelayanan "
            "dan maklumat pelayanan",
        ]
    ),
    13: enumerate_lines(
        [
            "Penyelenggaraan pelayanan memberikan jaminan keamanan dan keselamatan kepada pelanggan dengan "
            "menempatkan petugas keamanan dan fasilitas keselamatan, seperti ketersediaan APAR di tempat "
            "pelayanan",
            "Penyelenggaraan pelayanan memberikan jaminan keamanan dan keselamatan kepada petugas pelayanan "
            "dengan menyediakan sarana dan prasarana keamanan dan keselamatan, terutama pada saat "
            "melaksanakan peninjauan lapangan/survei",
            "Penyelenggaraan pelayanan mendapatkan jaminan perlindungan hukum dalam melaksanakan tugas "
            "sesuai "
            "dengan ketentuan peraturan perundang-undangan berupa bantuan hukum",
        ]
    ),
    14: (
        "Evaluasi kinerja pelayanan dilakukan secara rutin dan teratur serta dilakukan perbaikan secara "
        "berkelanjutan. Evaluasi kinerja di antaranya berupa:\n"
        + enumerate_lines(
            [
                "Evaluasi pelaksanaan standar pelayanan dan standar operasional prosedur setidaknya 1 (satu) "
                "kali dalam 1 (satu) tahun",
                "Evaluasi berupa survei kepuasan pelanggan 4 (empat) kali dalam 1 (satu) tahun",
                "Hasil evaluasi disampaikan kepada semua aparat penyelenggara pelayanan untuk merumuskan "
                "perbaikan yang perlu dilakukan",
            ]
        )
    ),
}

_K3_EVIDENCE_HINT = (
    "Unggah dokumen yang menunjukkan pemenuhan persyaratan ini, atau surat pernyataan pemenuhan persyaratan "
    "(formulir tersedia di halaman ini) beserta bukti pendukungnya."
)

KBLI_71204 = {
    "slug": "kbli-71204-jasa-inspeksi-teknik-instalasi",
    "code": "JITI",
    "name": "Izin (Risiko Tinggi) KBLI 71204 Jasa Inspeksi Teknik Instalasi",
    "category": "Usaha dan Jasa",
    "description": (
        "Izin berusaha berbasis risiko untuk kegiatan usaha jasa inspeksi teknik instalasi (KBLI 71204), "
        "yang tergolong risiko tinggi sehingga memerlukan NIB dan Izin. DPMPTSP memverifikasi pemenuhan "
        "persyaratan umum dan khusus sebelum izin diterbitkan."
    ),
    "sla_working_days": 7,
    "fee_rupiah": 0,
    "product": "NIB dan Izin terverifikasi dengan tanda tangan elektronik.",
    "legal_basis": enumerate_lines(
        [
            "Undang-Undang Nomor 11 Tahun 2020 tentang Cipta Kerja",
            "Peraturan Pemerintah Nomor 5 Tahun 2021 tentang Penyelenggaraan Perizinan Berusaha Berbasis "
            "Risiko",
            "Peraturan Pemerintah Nomor 6 Tahun 2021 tentang Penyelenggaraan Perizinan Berusaha di Daerah",
            "Peraturan Badan Koordinasi Penanaman Modal Nomor 3 Tahun 2021 tentang Sistem Perizinan "
            "Berusaha Berbasis Risiko Terintegrasi Secara Elektronik",
            "Peraturan Badan Koordinasi Penanaman Modal Nomor 4 Tahun 2021 tentang Pedoman dan Tata Cara "
            "Pelayanan Perizinan Berusaha Berbasis Risiko dan Fasilitas Penanaman Modal",
            # Verbatim from the seed, though it is the agriculture sector's standard (see the report).
            "Peraturan Menteri Pertanian Nomor 15 Tahun 2021 tentang Standar Kegiatan Usaha dan Standar "
            "Produk pada Penyelenggaraan Perizinan Berusaha Berbasis Risiko Sektor Pertanian",
        ]
    ),
    "uses_front_office": False,
    # The seed describes no field verification or OPD teknis step for this permit.
    "uses_technical_review": False,
    "risk_level": "tinggi",
    "source": "Standar Pelayanan DPMPTSP Kabupaten Purwakarta",
    "fields": [
        {
            "name": "nib",
            "label": "Nomor Induk Berusaha (NIB)",
            "kind": "digits",
            "digits": 13,
            "required": True,
            "help_text": "13 digit, sesuai NIB yang diterbitkan melalui sistem OSS.",
        },
        {
            "name": "kbli",
            "label": "Kode KBLI",
            "kind": "digits",
            "digits": 5,
            "required": True,
            "help_text": "Untuk izin ini: 71204 (Jasa Inspeksi Teknik Instalasi).",
        },
        {
            "name": "nama_perusahaan",
            "label": "Nama perusahaan",
            "kind": "text",
            "required": True,
            "help_text": "Sesuai NIB, mis. PT Contoh Inspeksi Teknik.",
            "max_length": 200,
        },
        {
            "name": "alamat_usaha",
            "label": "Alamat lokasi usaha",
            "kind": "textarea",
            "required": True,
            "help_text": "Alamat lengkap kantor/lokasi kegiatan usaha.",
            "max_length": 500,
        },
        {
            "name": "nomor_referensi_oss",
            "label": "Nomor referensi permohonan OSS",
            "kind": "text",
            "required": False,
            "help_text": "Nomor permohonan Izin pada sistem OSS, bila sudah ada.",
            "max_length": 50,
        },
        {
            "name": "tingkat_risiko",
            "label": "Tingkat risiko",
            "kind": "choice",
            "required": True,
            "help_text": "Sesuai hasil penetapan tingkat risiko pada OSS; KBLI 71204 berisiko tinggi.",
            "choices": [
                ["rendah", "Rendah"],
                ["menengah rendah", "Menengah rendah"],
                ["menengah tinggi", "Menengah tinggi"],
                ["tinggi", "Tinggi"],
            ],
        },
    ],
    "requirements": [
        requirement(
            "Persyaratan umum: Memenuhi standar pemeriksaan dan pengujian Kesehatan dan Keselamatan Kerja "
            "(K3)",
            "Mis. daftar peralatan pemeriksaan dan pengujian beserta bukti kalibrasinya, dan daftar "
            "personel yang melaksanakan pemeriksaan dan pengujian K3. " + _K3_EVIDENCE_HINT,
        ),
        requirement(
            "Persyaratan umum: Telah selesai melaksanakan persiapan dan kegiatan pembangunan, pengadaan, "
            "pemasangan/instalasi peralatan, dan kesiapan lain yang diperlukan",
            "Mis. foto kantor dan peralatan yang siap digunakan. " + _K3_EVIDENCE_HINT,
        ),
        requirement(
            "Persyaratan khusus: Melaksanakan kegiatan pemeriksaan dan pengujian K3",
            _K3_EVIDENCE_HINT,
        ),
        requirement("Persyaratan khusus: Memelihara dokumen kegiatan", _K3_EVIDENCE_HINT),
        requirement("Persyaratan khusus: Menyampaikan laporan kepada Menteri", _K3_EVIDENCE_HINT),
        requirement(
            "Persyaratan khusus: Menggunakan sarana dan prasarana sesuai dengan bidang usaha",
            "Mis. daftar sarana dan prasarana yang dimiliki. " + _K3_EVIDENCE_HINT,
        ),
        requirement(
            "Persyaratan khusus: Membuat kontrak kerja dengan pemberi kerja yang isinya antara lain memuat "
            "secara jelas hak dan kewajiban",
            "Unggah contoh/format kontrak kerja dengan pemberi kerja.",
        ),
    ],
    "procedure": [
        {
            "actor": "Pemohon",
            "description": (
                "Memiliki NIB dan mengajukan permohonan Izin untuk KBLI 71204 melalui sistem OSS."
            ),
        },
        {
            "actor": "Pemohon",
            "description": (
                "Mengajukan permohonan melalui aplikasi Pintu: mengisi NIB, KBLI, dan nomor referensi OSS, "
                "lalu mengunggah dokumen persyaratan umum dan persyaratan khusus."
            ),
        },
        {
            "actor": "Back Office",
            "description": (
                "Memeriksa kelengkapan dan kebenaran data pelaku usaha, data kegiatan usaha, dan dokumen "
                "yang diunggah, lalu menyetujui dan meneruskan permohonan ke Kepala Seksi, atau "
                "mengembalikannya kepada pemohon untuk diperbaiki/menolaknya disertai alasan."
            ),
        },
        *verification_chain(),
        {
            "actor": "Back Office",
            "description": (
                "Melengkapi formulir persetujuan permohonan pada sistem OSS sehingga status permohonan "
                "pelaku usaha berubah menjadi Persetujuan Perizinan."
            ),
        },
        {
            "actor": "Pemohon",
            "description": (
                "Mengunduh izin bertanda tangan elektronik melalui aplikasi Pintu; status izin juga dapat "
                "dilihat pada sistem OSS."
            ),
        },
    ],
    "components": {
        1: "Persyaratan terdiri atas persyaratan umum dan persyaratan khusus.",
        2: (
            "Perizinan Berusaha Berbasis Risiko: pelaku usaha terlebih dahulu memiliki NIB dan mengajukan "
            "permohonan Izin melalui sistem OSS. Aplikasi Pintu mencatat NIB dan nomor referensi OSS; "
            "persetujuan akhir dicatat kembali pada sistem OSS."
        ),
        3: "7 hari kerja sejak diterimanya berkas permohonan secara lengkap dan benar.",
        6: _KBLI_71204_COMPLAINTS,
        **_KBLI_71204_MANAGEMENT,
    },
    "blank_forms": [
        {
            "slug": "surat-permohonan",
            "title": "Surat Permohonan Izin KBLI 71204 Jasa Inspeksi Teknik Instalasi",
            "body": (
                letter_opening("Permohonan Izin KBLI 71204 Jasa Inspeksi Teknik Instalasi")
                + "\nYang bertanda tangan di bawah ini:\n"
                + data_lines(["Nama lengkap", "NIK", "Jabatan", "Nomor telepon/HP", "Alamat e-mail"])
                + "\n\nbertindak untuk dan atas nama:\n"
                + data_lines(
                    [
                        "Nama perusahaan",
                        "Nomor Induk Berusaha (NIB)",
                        "Alamat lokasi usaha",
                        "Nomor referensi permohonan OSS",
                    ]
                )
                + "\n\ndengan ini mengajukan permohonan Izin untuk kegiatan usaha KBLI 71204 Jasa Inspeksi "
                "Teknik Instalasi dengan tingkat risiko tinggi. Bersama ini saya lampirkan dokumen "
                "pemenuhan persyaratan umum dan persyaratan khusus sesuai ketentuan.\n"
                "\nDemikian permohonan ini saya sampaikan. Atas perhatian Bapak/Ibu, saya ucapkan terima "
                "kasih.\n"
                "\n" + signature_block()
            ),
        },
        {
            "slug": "surat-pernyataan-pemenuhan-persyaratan",
            "title": "Surat Pernyataan Pemenuhan Persyaratan Umum dan Khusus KBLI 71204",
            "body": (
                "SURAT PERNYATAAN\nPEMENUHAN PERSYARATAN UMUM DAN KHUSUS\n"
                "KBLI 71204 JASA INSPEKSI TEKNIK INSTALASI\n\nYang bertanda tangan di bawah ini:\n"
                + data_lines(["Nama lengkap", "NIK", "Jabatan", "Nama perusahaan", "NIB"])
                + "\n\ndengan ini menyatakan dengan sesungguhnya bahwa perusahaan kami:\n"
                + enumerate_lines(
                    [
                        "memenuhi standar pemeriksaan dan pengujian Kesehatan dan Keselamatan Kerja (K3)",
                        "telah selesai melaksanakan persiapan dan kegiatan pembangunan, pengadaan, "
                        "pemasangan/instalasi peralatan, dan kesiapan lain yang diperlukan",
                        "melaksanakan kegiatan pemeriksaan dan pengujian K3",
                        "memelihara dokumen kegiatan",
                        "menyampaikan laporan kepada Menteri",
                        "menggunakan sarana dan prasarana sesuai dengan bidang usaha",
                        "membuat kontrak kerja dengan pemberi kerja yang isinya antara lain memuat secara "
                        "jelas hak dan kewajiban",
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


# --- SIP Bidan (composed for the demo) -------------------------------------------------------------

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
    "procedure": [
        {
            "actor": "Pemohon",
            "description": (
                "Masuk ke aplikasi Pintu, membuka halaman layanan SIPB untuk melihat persyaratan, dan "
                "mengunduh formulir yang disediakan."
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
            "description": "Mengunduh SIPB bertanda tangan elektronik secara mandiri melalui aplikasi Pintu.",
        },
    ],
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

PERMIT_TYPES: list[dict] = [KBLI_71204, SIP_BIDAN, IZIN_REKLAME, IZIN_LKP]
