"""KBLI 71204 Jasa Inspeksi Teknik Instalasi (risk: tinggi), from DPMPTSP Kabupaten Purwakarta's service
standard (seed 004). Requirements, time, fee, product, legal basis and components 8–14 are transcribed; the
seed's procedure only refers to an annex that is not in the seeds, so the steps are composed from the OSS
approval steps of seed 000 and the office's route. Names tied to Purwakarta are replaced by this office's."""

from .office import (
    COMPLAINT_CHANNELS_LETTERED,
    REGION,
    data_lines,
    enumerate_lines,
    letter_opening,
    requirement,
    signature_block,
    verification_chain,
)

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
