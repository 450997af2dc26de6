//! Realistic demo data for Palembang: OPDs of the city, ASN with valid NIPs and supervisors, and training
//! programs of different kinds with objectives, costs and enrollments. Deterministic: the same data on every
//! run, so screenshots and guides stay true.

use crate::domain::asn::AsnInput;
use crate::domain::enrollment::Completion;
use crate::domain::golongan::Golongan;
use crate::domain::ids::{AsnId, OpdId, ProgramId};
use crate::domain::jabatan::{Jabatan, JabatanLevel};
use crate::domain::name::PersonName;
use crate::domain::nip::{EmployeeKind, Nip};
use crate::domain::opd::{OpdInput, OpdKind};
use crate::domain::program::{
    Accreditation, CostCategory, LearningMode, ProgramCode, ProgramInput, ProgramStatus,
    ProgramType,
};
use crate::domain::user::Role;
use crate::store::progress::Unit;
use crate::store::{Result, Store, Tx, asn, enrollment, opd, program};
use chrono::NaiveDate;
use rusqlite::params;

mod scale;

/// What the demo put in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DemoSummary {
    pub opds: usize,
    pub asn: usize,
    pub programs: usize,
    pub enrollments: usize,
    pub forms: usize,
    pub activities: usize,
}

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        let span = u64::from(hi.saturating_sub(lo)) + 1;
        lo + u32::try_from(self.next() % span).unwrap_or(0)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let i = usize::try_from(self.next() % items.len().max(1) as u64).unwrap_or(0);
        &items[i.min(items.len().saturating_sub(1))]
    }

    fn chance(&mut self, percent: u32) -> bool {
        self.range(1, 100) <= percent
    }
}

const OPDS: &[(&str, &str, OpdKind, &str)] = &[
    (
        "SETDA",
        "Sekretariat Daerah",
        OpdKind::Sekretariat,
        "Sekretaris Daerah",
    ),
    (
        "BKPSDM",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        OpdKind::Badan,
        "Kepala Badan",
    ),
    ("DINKES", "Dinas Kesehatan", OpdKind::Dinas, "Kepala Dinas"),
    ("DISDIK", "Dinas Pendidikan", OpdKind::Dinas, "Kepala Dinas"),
    (
        "DISDUKCAPIL",
        "Dinas Kependudukan dan Pencatatan Sipil",
        OpdKind::Dinas,
        "Kepala Dinas",
    ),
    (
        "DPMPTSP",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        OpdKind::Dinas,
        "Kepala Dinas",
    ),
    (
        "DISHUB",
        "Dinas Perhubungan",
        OpdKind::Dinas,
        "Kepala Dinas",
    ),
    (
        "BAPENDA",
        "Badan Pendapatan Daerah",
        OpdKind::Badan,
        "Kepala Badan",
    ),
    (
        "INSP",
        "Inspektorat Daerah",
        OpdKind::Inspektorat,
        "Inspektur",
    ),
    (
        "KEC-IB1",
        "Kecamatan Ilir Barat I",
        OpdKind::Kecamatan,
        "Camat",
    ),
    (
        "KEC-SU1",
        "Kecamatan Seberang Ulu I",
        OpdKind::Kecamatan,
        "Camat",
    ),
    ("KEC-SKR", "Kecamatan Sukarami", OpdKind::Kecamatan, "Camat"),
];

const MALE: &[&str] = &[
    "Ahmad", "Muhammad", "Rizky", "Andi", "Budi", "Hendra", "Agus", "Dedi", "Fajar", "Irfan",
    "Yudi", "Arief", "Rahmat", "Taufik", "Eko", "Bayu", "Dimas", "Fikri", "Hadi", "Ilham", "Reza",
    "Sandi", "Wahyu", "Zulkifli", "Iqbal", "Firdaus", "Yusuf", "Darmawan",
];
const FEMALE: &[&str] = &[
    "Siti",
    "Nurul",
    "Dewi",
    "Rina",
    "Fitri",
    "Yuliana",
    "Ratna",
    "Sri",
    "Wulan",
    "Indah",
    "Rika",
    "Maya",
    "Desi",
    "Eka",
    "Anisa",
    "Putri",
    "Sari",
    "Kartika",
    "Melati",
    "Nurhayati",
    "Yanti",
    "Meilani",
    "Lia",
];
const FAMILY: &[&str] = &[
    "Saputra",
    "Hidayat",
    "Pratama",
    "Wijaya",
    "Kurniawan",
    "Syahputra",
    "Nugroho",
    "Santoso",
    "Firmansyah",
    "Ramadhan",
    "Kusuma",
    "Siregar",
    "Harahap",
    "Nasution",
    "Effendi",
    "Hasibuan",
    "Gunawan",
    "Setiawan",
    "Susanto",
    "Rachman",
    "Hamzah",
    "Azhari",
    "Yusuf",
    "Rasyid",
];
const FEMALE_FAMILY: &[&str] = &[
    "Rahmawati",
    "Lestari",
    "Susanti",
    "Handayani",
    "Permatasari",
    "Wulandari",
    "Safitri",
    "Anggraini",
    "Puspita",
    "Maharani",
    "Novianti",
    "Febriani",
];
const DEGREES: &[&str] = &[
    "S.E.", "S.Kom.", "S.H.", "S.Sos.", "S.AP.", "S.T.", "S.Pd.", "S.Ak.", "A.Md.", "S.IP.",
];
const MASTERS: &[&str] = &["M.Si.", "M.M.", "M.AP.", "M.Kes.", "M.H.", "M.T."];

/// One person to create, before ids exist.
struct Person {
    input: AsnInput,
    opd: usize,
    level: Tier,
    supervisor: Option<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tier {
    Head,
    Administrator,
    Pengawas,
    Staff,
    Cpns,
}

fn nip(rng: &mut Rng, birth_year: i32, tmt_year: i32, female: bool, seq: u32) -> Option<Nip> {
    let month = rng.range(1, 12);
    let day = rng.range(1, 28);
    let tmt_month = rng.range(1, 12);
    let text = format!(
        "{birth_year:04}{month:02}{day:02}{tmt_year:04}{tmt_month:02}{}{seq:03}",
        if female { 2 } else { 1 }
    );
    let today = NaiveDate::from_ymd_opt(2026, 11, 30)?;
    Nip::parse(&text, EmployeeKind::Pns, today).ok()
}

fn person(rng: &mut Rng, tier: Tier, opd: usize, seq: u32, head_title: &str) -> Option<Person> {
    let female = rng.chance(48);
    let given = if female {
        rng.pick(FEMALE)
    } else {
        rng.pick(MALE)
    };
    let family = if female && rng.chance(60) {
        rng.pick(FEMALE_FAMILY)
    } else {
        rng.pick(FAMILY)
    };
    let (birth, tmt, gol, title, level, front, back): (
        i32,
        i32,
        Golongan,
        String,
        Option<JabatanLevel>,
        &str,
        String,
    ) = match tier {
        Tier::Head => {
            let b = i32::try_from(rng.range(1966, 1975)).ok()?;
            let g = *rng.pick(&[Golongan::IVB, Golongan::IVC]);
            let front = if rng.chance(30) { "Dr." } else { "" };
            (
                b,
                b + 24,
                g,
                head_title.to_string(),
                None,
                front,
                format!("{}, {}", rng.pick(DEGREES), rng.pick(MASTERS)),
            )
        }
        Tier::Administrator => {
            let b = i32::try_from(rng.range(1970, 1980)).ok()?;
            let t = *rng.pick(&[
                "Sekretaris",
                "Kepala Bidang Pelayanan",
                "Kepala Bidang Program",
                "Kepala Bagian Umum",
            ]);
            let title = if head_title == "Camat" {
                "Sekretaris Camat".to_string()
            } else {
                t.to_string()
            };
            (
                b,
                b + 25,
                Golongan::IVA,
                title,
                None,
                "",
                format!("{}, {}", rng.pick(DEGREES), rng.pick(MASTERS)),
            )
        }
        Tier::Pengawas => {
            let b = i32::try_from(rng.range(1975, 1987)).ok()?;
            let title = if head_title == "Camat" {
                rng.pick(&[
                    "Lurah",
                    "Kepala Seksi Pelayanan Umum",
                    "Kepala Seksi Pemerintahan",
                ])
                .to_string()
            } else {
                rng.pick(&[
                    "Kepala Seksi Pelayanan",
                    "Kepala Sub Bagian Umum dan Kepegawaian",
                    "Kepala Seksi Data dan Informasi",
                    "Kepala Sub Bagian Keuangan",
                ])
                .to_string()
            };
            let g = *rng.pick(&[Golongan::IIIC, Golongan::IIID]);
            (b, b + 24, g, title, None, "", rng.pick(DEGREES).to_string())
        }
        Tier::Staff => {
            let b = i32::try_from(rng.range(1978, 1997)).ok()?;
            let (title, g) = *rng.pick(&[
                ("Pengadministrasi Umum", Golongan::IIB),
                ("Pengolah Data Pelayanan", Golongan::IIC),
                ("Pengelola Layanan Kependudukan", Golongan::IIIA),
                ("Analis Kebijakan Ahli Pertama", Golongan::IIIB),
                ("Pranata Komputer Ahli Pertama", Golongan::IIIA),
                ("Pranata Komputer Terampil", Golongan::IIC),
                (
                    "Analis Sumber Daya Manusia Aparatur Ahli Muda",
                    Golongan::IIIC,
                ),
                ("Arsiparis Terampil", Golongan::IID),
                ("Bendahara", Golongan::IIIA),
                ("Pengelola Pengaduan Masyarakat", Golongan::IIIA),
            ]);
            let back = if g >= Golongan::IIIA {
                rng.pick(DEGREES).to_string()
            } else {
                String::new()
            };
            (
                b,
                b + i32::try_from(rng.range(20, 26)).ok()?,
                g,
                title.to_string(),
                None,
                "",
                back,
            )
        }
        Tier::Cpns => {
            let b = i32::try_from(rng.range(1996, 2002)).ok()?;
            let title = rng.pick(&[
                "Analis Kebijakan Ahli Pertama",
                "Pranata Komputer Ahli Pertama",
                "Penata Kelola Sistem dan Teknologi Informasi",
                "Analis Keuangan Pusat dan Daerah Ahli Pertama",
            ]);
            (
                b,
                2025,
                Golongan::IIIA,
                title.to_string(),
                None,
                "",
                rng.pick(DEGREES).to_string(),
            )
        }
    };
    let tmt = tmt.clamp(birth + 19, 2025);
    let nip = nip(rng, birth, tmt, female, seq)?;
    let name = PersonName::new(front, &format!("{given} {family}"), &back).ok()?;
    let level = level.or_else(|| crate::domain::jabatan::classify(&title));
    Some(Person {
        input: AsnInput {
            nip,
            kind: EmployeeKind::Pns,
            name,
            jabatan: Jabatan { title, level },
            golongan: Some(gol),
            opd: None,
            atasan: None,
            phone: format!("08{:02}{:08}", rng.range(11, 99), rng.range(0, 99_999_999)),
            email: String::new(),
        },
        opd,
        level: tier,
        supervisor: None,
    })
}

/// The organisation: per OPD a head, administrators, pengawas and staff (at least two administrators
/// and four pengawas; in a large organisation one administrator per 80 people and one pengawas per 15),
/// plus the new CPNS of the last intake. Every NIP is different.
fn people(rng: &mut Rng, total: usize) -> Vec<Person> {
    let mut out: Vec<Person> = Vec::with_capacity(total);
    let cpns = if total <= 1000 { 24 } else { total / 30 };
    let per_opd = total.saturating_sub(cpns) / OPDS.len();
    let (n_admin, n_pengawas) = ((per_opd / 80).max(2), (per_opd / 15).max(4));
    let mut seq = 1u32;
    let mut taken: std::collections::HashSet<String> =
        std::collections::HashSet::with_capacity(total);
    // One person of `tier`, drawn again until their NIP is new.
    let mut draw = |rng: &mut Rng, tier, o: usize, head_title: &str| -> Option<Person> {
        for _ in 0..100 {
            seq = seq % 999 + 1;
            let p = person(rng, tier, o, seq, head_title)?;
            if taken.insert(p.input.nip.as_str().to_string()) {
                return Some(p);
            }
        }
        None
    };
    let mut first_pengawas: Vec<Option<usize>> = vec![None; OPDS.len()];
    for (o, (_, _, _, head_title)) in OPDS.iter().enumerate() {
        let mut add =
            |tier, supervisor: Option<usize>, rng: &mut Rng, out: &mut Vec<Person>| match draw(
                rng, tier, o, head_title,
            ) {
                Some(mut p) => {
                    p.supervisor = supervisor;
                    out.push(p);
                    Some(out.len() - 1)
                }
                None => None,
            };
        let head = add(Tier::Head, None, rng, &mut out);
        let admins: Vec<usize> = (0..n_admin)
            .filter_map(|_| add(Tier::Administrator, head, rng, &mut out))
            .collect();
        let pengawas: Vec<usize> = (0..n_pengawas)
            .filter_map(|i| {
                let up = admins.get(i % admins.len().max(1)).copied();
                add(Tier::Pengawas, up, rng, &mut out)
            })
            .collect();
        first_pengawas[o] = pengawas.first().copied();
        for i in 0..per_opd.saturating_sub(1 + n_admin + n_pengawas) {
            let up = pengawas.get(i % pengawas.len().max(1)).copied();
            add(Tier::Staff, up, rng, &mut out);
        }
    }
    // New CPNS of the 2025 intake, spread over the OPDs, for Latsar.
    let mut o = 0;
    let mut misses = 0;
    while out.len() < total && misses < 1000 {
        match draw(rng, Tier::Cpns, o, "") {
            Some(mut p) => {
                p.supervisor = first_pengawas[o];
                out.push(p);
            }
            None => misses += 1,
        }
        o = (o + 1) % OPDS.len();
    }
    out
}

struct DemoProgram {
    code: &'static str,
    name: &'static str,
    kind: ProgramType,
    mode: LearningMode,
    competency: &'static str,
    provider: &'static str,
    accreditation: Accreditation,
    location: &'static str,
    start: (i32, u32, u32),
    end: (i32, u32, u32),
    jp: u32,
    quota: u32,
    status: ProgramStatus,
    objectives: &'static [(&'static str, &'static [&'static str])],
    costs: &'static [(CostCategory, &'static str, i64)],
    /// Who takes part: people of these tiers in these OPD codes (empty: any OPD), at most `quota`.
    tiers: &'static [Tier],
    opds: &'static [&'static str],
}

const BPSDM: &str = "BPSDM Provinsi Sumatera Selatan";
const BKPSDM: &str = "BKPSDM Kota Palembang";

const PROGRAMS: &[DemoProgram] = &[
    DemoProgram {
        code: "KOM-2026-01",
        name: "Pelatihan Komunikasi dan Penanganan Pengaduan Masyarakat",
        kind: ProgramType::Teknis,
        mode: LearningMode::Klasikal,
        competency: "Komunikasi pelayanan",
        provider: BPSDM,
        accreditation: Accreditation::A,
        location: "Gedung BPSDM Sumsel, Jl. Demang Lebar Daun, Palembang",
        start: (2026, 3, 9),
        end: (2026, 3, 12),
        jp: 32,
        quota: 30,
        status: ProgramStatus::Selesai,
        objectives: &[
            (
                "Peserta menangani pengaduan masyarakat sesuai SOP",
                &[
                    "Menyapa dan memperkenalkan diri kepada pelapor",
                    "Mendengarkan tanpa memotong pembicaraan",
                    "Mengulang pokok pengaduan untuk memastikan pemahaman",
                    "Mencatat pengaduan pada buku/aplikasi register",
                ],
            ),
            (
                "Peserta memberi kepastian tindak lanjut kepada pelapor",
                &[
                    "Menjelaskan prosedur penyelesaian",
                    "Menyampaikan jangka waktu penyelesaian",
                    "Menghubungi kembali pelapor setelah pengaduan selesai",
                ],
            ),
        ],
        costs: &[
            (
                CostCategory::Honorarium,
                "Honor widyaiswara 32 JP",
                16_000_000,
            ),
            (
                CostCategory::Konsumsi,
                "Konsumsi 30 orang × 4 hari",
                12_600_000,
            ),
            (CostCategory::Bahan, "Modul dan ATK", 3_000_000),
            (
                CostCategory::WaktuPeserta,
                "Gaji peserta selama 4 hari",
                36_000_000,
            ),
        ],
        tiers: &[Tier::Staff, Tier::Pengawas],
        opds: &[
            "DISDUKCAPIL",
            "DPMPTSP",
            "KEC-IB1",
            "KEC-SU1",
            "KEC-SKR",
            "DINKES",
        ],
    },
    DemoProgram {
        code: "MWK-2026-01",
        name: "Pelatihan Manajemen Waktu dan Produktivitas Kerja",
        kind: ProgramType::Teknis,
        mode: LearningMode::Klasikal,
        competency: "Manajemen diri",
        provider: BKPSDM,
        accreditation: Accreditation::B,
        location: "Aula BKPSDM Kota Palembang",
        start: (2026, 4, 13),
        end: (2026, 4, 15),
        jp: 24,
        quota: 28,
        status: ProgramStatus::Selesai,
        objectives: &[
            (
                "Peserta merencanakan dan memprioritaskan pekerjaan harian",
                &[
                    "Menyusun rencana kerja harian setiap pagi",
                    "Mendahulukan permintaan yang mendesak dan penting",
                ],
            ),
            (
                "Peserta menyelesaikan tugas tepat waktu",
                &[
                    "Menyelesaikan tugas sebelum tenggat",
                    "Melaporkan keterlambatan lebih awal kepada atasan",
                ],
            ),
        ],
        costs: &[
            (CostCategory::Honorarium, "Honor narasumber", 9_600_000),
            (
                CostCategory::Konsumsi,
                "Konsumsi 28 orang × 3 hari",
                8_400_000,
            ),
            (
                CostCategory::WaktuPeserta,
                "Gaji peserta selama 3 hari",
                25_200_000,
            ),
        ],
        tiers: &[Tier::Staff, Tier::Pengawas],
        opds: &["BAPENDA", "DISHUB", "SETDA", "DISDIK", "BKPSDM"],
    },
    DemoProgram {
        code: "PPP-2026-01",
        name: "Pelatihan Pelayanan Publik Prima",
        kind: ProgramType::Teknis,
        mode: LearningMode::Blended,
        competency: "Pelayanan publik",
        provider: BPSDM,
        accreditation: Accreditation::A,
        location: "Hotel Aryaduta Palembang",
        start: (2026, 5, 18),
        end: (2026, 5, 21),
        jp: 30,
        quota: 30,
        status: ProgramStatus::Dievaluasi,
        objectives: &[
            (
                "Peserta menerapkan standar pelayanan di loket",
                &[
                    "Melayani sesuai maklumat dan standar pelayanan",
                    "Memberi informasi persyaratan secara lengkap dan jelas",
                    "Menjaga sikap ramah dan sopan kepada semua pengguna layanan",
                ],
            ),
            (
                "Peserta memperbaiki layanan berdasarkan survei kepuasan (IKM)",
                &[
                    "Membaca hasil IKM unit kerjanya",
                    "Mengusulkan satu perbaikan layanan",
                ],
            ),
        ],
        costs: &[
            (CostCategory::Honorarium, "Honor widyaiswara", 15_000_000),
            (
                CostCategory::Akomodasi,
                "Penginapan 30 orang × 3 malam",
                27_000_000,
            ),
            (CostCategory::Konsumsi, "Paket rapat fullboard", 18_000_000),
            (
                CostCategory::WaktuPeserta,
                "Gaji peserta selama 4 hari",
                36_000_000,
            ),
        ],
        tiers: &[Tier::Staff],
        opds: &[
            "DISDUKCAPIL",
            "DPMPTSP",
            "DINKES",
            "KEC-IB1",
            "KEC-SKR",
            "BAPENDA",
        ],
    },
    DemoProgram {
        code: "PKP-2026-01",
        name: "Pelatihan Kepemimpinan Pengawas Angkatan I",
        kind: ProgramType::Pkp,
        mode: LearningMode::Blended,
        competency: "Kepemimpinan",
        provider: "PPSDM Kemendagri Regional Bukittinggi",
        accreditation: Accreditation::A,
        location: "Palembang dan tempat kerja peserta",
        start: (2026, 6, 2),
        end: (2026, 9, 25),
        jp: 491,
        quota: 24,
        status: ProgramStatus::Selesai,
        objectives: &[
            (
                "Peserta memimpin pelaksanaan kegiatan unitnya",
                &[
                    "Mendelegasikan tugas dengan jelas",
                    "Memberi umpan balik kepada staf",
                    "Memimpin rapat sampai menghasilkan keputusan",
                ],
            ),
            (
                "Peserta menuntaskan aksi perubahan di unit kerjanya",
                &[
                    "Menyusun rancangan aksi perubahan bersama mentor",
                    "Melaksanakan tahapan jangka pendek tepat waktu",
                ],
            ),
        ],
        costs: &[
            (
                CostCategory::Honorarium,
                "Biaya pelatihan per peserta (kontribusi)",
                240_000_000,
            ),
            (
                CostCategory::Transport,
                "Perjalanan dinas klasikal",
                36_000_000,
            ),
            (
                CostCategory::WaktuPeserta,
                "Gaji peserta selama tahap klasikal",
                72_000_000,
            ),
        ],
        tiers: &[Tier::Pengawas],
        opds: &[],
    },
    DemoProgram {
        code: "LATSAR-2026-01",
        name: "Pelatihan Dasar CPNS Golongan III Angkatan 1",
        kind: ProgramType::Latsar,
        mode: LearningMode::Blended,
        competency: "Nilai dasar ASN BerAKHLAK",
        provider: BPSDM,
        accreditation: Accreditation::A,
        location: "BPSDM Sumsel dan tempat kerja (aktualisasi)",
        start: (2026, 7, 6),
        end: (2026, 10, 16),
        jp: 510,
        quota: 40,
        status: ProgramStatus::Selesai,
        objectives: &[(
            "Peserta mengaktualisasikan nilai BerAKHLAK di tempat kerja",
            &[
                "Menyelesaikan rancangan aktualisasi bersama mentor",
                "Menerapkan nilai berorientasi pelayanan dalam tugas harian",
            ],
        )],
        costs: &[
            (
                CostCategory::Honorarium,
                "Biaya pelatihan (kontribusi)",
                180_000_000,
            ),
            (
                CostCategory::WaktuPeserta,
                "Gaji peserta selama tahap klasikal",
                60_000_000,
            ),
        ],
        tiers: &[Tier::Cpns],
        opds: &[],
    },
    DemoProgram {
        code: "PRAKOM-2026-01",
        name: "Pelatihan Fungsional Pranata Komputer Ahli Pertama",
        kind: ProgramType::Fungsional,
        mode: LearningMode::ELearning,
        competency: "Teknologi informasi",
        provider: BKPSDM,
        accreditation: Accreditation::B,
        location: "Daring (LMS BKPSDM)",
        start: (2026, 12, 7),
        end: (2026, 12, 11),
        jp: 40,
        quota: 20,
        status: ProgramStatus::Direncanakan,
        objectives: &[(
            "Peserta mengelola layanan TI unit kerjanya",
            &[
                "Mencatat dan menyelesaikan permintaan layanan TI",
                "Membuat cadangan data secara berkala",
            ],
        )],
        costs: &[(
            CostCategory::Honorarium,
            "Honor fasilitator daring",
            8_000_000,
        )],
        tiers: &[Tier::Staff, Tier::Cpns],
        opds: &[],
    },
    DemoProgram {
        code: "TND-2025-01",
        name: "Bimbingan Teknis Tata Naskah Dinas Elektronik",
        kind: ProgramType::Seminar,
        mode: LearningMode::Klasikal,
        competency: "Administrasi perkantoran",
        provider: BKPSDM,
        accreditation: Accreditation::B,
        location: "Ruang Rapat Setda Kota Palembang",
        start: (2025, 10, 20),
        end: (2025, 10, 21),
        jp: 16,
        quota: 25,
        status: ProgramStatus::Dievaluasi,
        objectives: &[(
            "Peserta menyusun naskah dinas elektronik sesuai pedoman",
            &[
                "Memakai format surat dinas yang benar",
                "Mengirim naskah melalui aplikasi TNDE",
            ],
        )],
        costs: &[
            (CostCategory::Honorarium, "Honor narasumber", 4_000_000),
            (
                CostCategory::Konsumsi,
                "Konsumsi 25 orang × 2 hari",
                5_000_000,
            ),
        ],
        tiers: &[Tier::Staff],
        opds: &["SETDA", "BKPSDM", "INSP", "DISHUB"],
    },
];

fn date(ymd: (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(ymd.0, ymd.1, ymd.2).unwrap_or_default()
}

/// How many ASN the usual demo has.
pub const BASE: usize = 200;

/// The largest organisation the demo generates.
pub const MAX_SCALE: usize = 1_000_000;

/// Fills an empty database with the demo organisation and programs (200 ASN).
pub fn fill(store: &mut Store, _today: NaiveDate) -> Result<DemoSummary> {
    fill_with(store, BASE)
}

/// The demo with `total` ASN (at least [`BASE`]); above [`BASE`], with three years of generated
/// training history in proportion (see [`scale`]).
pub fn fill_with(store: &mut Store, total: usize) -> Result<DemoSummary> {
    store.install_templates(&crate::templates::builtin())?;
    let mut rng = Rng(0x7111_4b00 ^ total as u64);
    let people = people(&mut rng, total);
    store.write(|tx| {
        let mut summary = DemoSummary::default();
        let mut opd_ids: Vec<OpdId> = Vec::new();
        for (code, name, kind, _) in OPDS {
            opd_ids.push(opd::insert_opd(
                tx,
                &OpdInput {
                    code: (*code).to_string(),
                    name: (*name).to_string(),
                    kind: *kind,
                    valid_from: NaiveDate::from_ymd_opt(2017, 1, 1),
                    valid_to: None,
                },
            )?);
        }
        // A predecessor that no longer exists, to show effective dates.
        opd::insert_opd(
            tx,
            &OpdInput {
                code: "DISPENDA".into(),
                name: "Dinas Pendapatan Daerah".into(),
                kind: OpdKind::Dinas,
                valid_from: NaiveDate::from_ymd_opt(2008, 1, 1),
                valid_to: NaiveDate::from_ymd_opt(2016, 12, 31),
            },
        )?;
        summary.opds = opd_ids.len() + 1;
        let mut ids: Vec<AsnId> = Vec::with_capacity(people.len());
        tx.begin_stage(Unit::People, people.len() as u64);
        for p in &people {
            tx.advance(1)?;
            let mut input = p.input.clone();
            input.opd = opd_ids.get(p.opd).copied();
            input.atasan = p.supervisor.and_then(|s| ids.get(s).copied());
            ids.push(asn::insert_asn(tx, &input)?);
        }
        summary.asn = ids.len();
        for prog in PROGRAMS {
            let id = insert_demo_program(tx, prog)?;
            summary.programs += 1;
            let participants = enroll_demo(tx, &mut rng, prog, id, &people, &ids)?;
            summary.enrollments += participants.len();
            summary.forms += forms_demo(tx, &mut rng, prog, id, &participants)?;
        }
        summary.forms += needs_demo(tx, &mut rng, &ids)?;
        verification_demo(tx, &mut rng)?;
        summary.forms += behaviour_demo(tx, &mut rng)?;
        results_demo(tx)?;
        summary.activities = activities_demo(tx, &mut rng, &ids)?;
        if total > BASE {
            scale::extend(tx, &mut rng, &people, &ids, &mut summary)?;
        }
        Ok(summary)
    })
}

/// How a demo program went, so that dashboards have something to say: the mean reaction (1–4), how
/// relevant participants found it (a shift on the relevance aspect), and the mean pre-test score.
fn profile(code: &str) -> (f64, f64, f64) {
    match code {
        "KOM-2026-01" => (3.3, 0.0, 52.0),
        "MWK-2026-01" => (3.0, -0.9, 58.0),
        "PPP-2026-01" => (3.4, 0.1, 49.0),
        "PKP-2026-01" => (3.5, 0.2, 61.0),
        "LATSAR-2026-01" => (3.2, 0.0, 55.0),
        _ => (2.8, -0.4, 60.0),
    }
}

const COMMENTS: &[&str] = &[
    "Materi langsung bisa dipakai di loket pelayanan",
    "Contoh kasus pengaduan sangat membantu",
    "Waktu praktik kurang",
    "Perlu modul yang bisa dibawa pulang",
    "Narasumber menguasai materi",
    "Ruangan terlalu dingin",
    "Mohon ada pelatihan lanjutan",
];

fn instrument_of(
    tx: &Tx<'_>,
    code: &str,
) -> Result<Option<(i64, crate::domain::instrument::Definition)>> {
    use rusqlite::OptionalExtension;
    let row: Option<(i64, String)> = tx
        .query_row(
            "SELECT id, definition FROM instrument WHERE code = ?1 AND current = 1",
            [code],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(row.and_then(|(id, json)| serde_json::from_str(&json).ok().map(|d| (id, d))))
}

/// Reaction forms and test scores for a finished demo program; returns how many forms were made.
fn forms_demo(
    tx: &Tx<'_>,
    rng: &mut Rng,
    prog: &DemoProgram,
    id: ProgramId,
    participants: &[(AsnId, bool)],
) -> Result<usize> {
    use crate::domain::instrument::{ItemKind, Phase};
    use crate::store::response::{self as resp, Batch, Keying, Respondent, Test};
    if !matches!(
        prog.status,
        ProgramStatus::Selesai | ProgramStatus::Dievaluasi
    ) {
        return Ok(0);
    }
    let (mean, relevance, pre_mean) = profile(prog.code);
    let mut forms = 0;
    if let Some((instrument_id, def)) = instrument_of(tx, "REAKSI-01")? {
        let batch = Batch {
            program: Some(id),
            instrument: def.code.clone(),
            phase: Phase::Post,
        };
        for (asn, completed) in participants {
            // Those who withdrew, and one in ten others, returned no form.
            if !completed || rng.chance(10) {
                continue;
            }
            let person = f64::from(rng.range(0, 120)) / 100.0 - 0.6;
            let response = resp::insert_response(
                tx,
                &batch,
                instrument_id,
                &Respondent::Asn(*asn),
                Keying::First,
                true,
            )?;
            for item in &def.items {
                let value = match &item.kind {
                    ItemKind::Likert { min, max, .. } => {
                        let shift = if item.aspect.as_deref() == Some("relevansi") {
                            relevance
                        } else {
                            0.0
                        };
                        let noise = f64::from(rng.range(0, 140)) / 100.0 - 0.7;
                        if rng.chance(1) {
                            continue; // a blank answer now and then
                        }
                        let v = (mean + shift + person + noise)
                            .round()
                            .clamp(f64::from(*min), f64::from(*max));
                        format!("{v:.0}")
                    }
                    ItemKind::Text { .. } if rng.chance(30) => rng.pick(COMMENTS).to_string(),
                    _ => continue,
                };
                resp::set_answer(tx, response, item.code.as_str(), Some(&value))?;
            }
            forms += 1;
        }
    }
    // Learning: scores for every program but the public-service one, whose tests were keyed as forms.
    let test = if prog.code == "PPP-2026-01" {
        instrument_of(tx, "TES-PELAYANAN")?
    } else {
        None
    };
    for (asn, completed) in participants {
        let pre = (pre_mean + f64::from(rng.range(0, 30)) - 15.0)
            .clamp(10.0, 95.0)
            .round();
        let g = f64::from(rng.range(5, 75)) / 100.0;
        let post = if *completed {
            (pre + (100.0 - pre) * g).round().min(100.0)
        } else {
            pre
        };
        match &test {
            None => {
                resp::set_score(tx, id, *asn, Test::Pre, Some(pre), 100.0)?;
                if *completed {
                    resp::set_score(tx, id, *asn, Test::Post, Some(post), 100.0)?;
                }
            }
            Some((instrument_id, def)) => {
                for (phase, score) in [(Phase::Pre, pre), (Phase::Post, post)] {
                    if phase == Phase::Post && !completed {
                        continue;
                    }
                    let batch = Batch {
                        program: Some(id),
                        instrument: def.code.clone(),
                        phase,
                    };
                    let response = resp::insert_response(
                        tx,
                        &batch,
                        *instrument_id,
                        &Respondent::Asn(*asn),
                        Keying::First,
                        true,
                    )?;
                    // Answer as many questions right as the score says, the rest wrong.
                    let right = (score / 100.0 * def.items.len() as f64).round() as usize;
                    for (i, item) in def.items.iter().enumerate() {
                        if let ItemKind::Choice {
                            options,
                            correct: Some(c),
                            ..
                        } = &item.kind
                        {
                            let wrong = options
                                .iter()
                                .find(|o| &o.code != c)
                                .map_or(c.clone(), |o| o.code.clone());
                            let answer = if i < right { c.clone() } else { wrong };
                            resp::set_answer(tx, response, item.code.as_str(), Some(&answer))?;
                        }
                    }
                    forms += 1;
                }
            }
        }
    }
    Ok(forms)
}

/// How the demo ASN rate each of the nine TNA competencies: (ability, importance) means on 1–4, so
/// that the needs analysis shows clear gaps (digital literacy, reporting, public service).
const NEEDS_PROFILE: [(f64, f64); 9] = [
    (2.6, 3.7),
    (2.9, 3.4),
    (2.8, 3.3),
    (2.3, 3.5),
    (2.1, 3.6),
    (2.7, 2.6),
    (2.6, 2.9),
    (2.4, 2.5),
    (2.9, 2.8),
];

/// Training-needs forms: most ASN fill TNA-ASN themselves, and some supervisors fill TNA-ATASAN
/// for their staff, both before programs are planned (no program, phase pre).
fn needs_demo(tx: &Tx<'_>, rng: &mut Rng, ids: &[AsnId]) -> Result<usize> {
    use crate::domain::instrument::{ItemKind, Phase};
    use crate::store::response::{self as resp, Batch, Keying, Respondent};
    let mut forms = 0;
    for (code, share) in [("TNA-ASN", 60), ("TNA-ATASAN", 25)] {
        let Some((instrument_id, def)) = instrument_of(tx, code)? else {
            continue;
        };
        let batch = Batch {
            program: None,
            instrument: def.code.clone(),
            phase: Phase::Pre,
        };
        // Supervisors rate a little lower than staff rate themselves.
        let modesty = if code == "TNA-ATASAN" { -0.2 } else { 0.0 };
        for asn in ids {
            if !rng.chance(share) {
                continue;
            }
            let response = resp::insert_response(
                tx,
                &batch,
                instrument_id,
                &Respondent::Asn(*asn),
                Keying::First,
                true,
            )?;
            let mut wanted: Vec<(f64, usize)> = Vec::new();
            for item in &def.items {
                let n: usize = item
                    .code
                    .as_str()
                    .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                    .parse()
                    .unwrap_or(0);
                let value = match (&item.kind, item.aspect.as_deref()) {
                    (ItemKind::Likert { min, max, .. }, Some(aspect)) => {
                        let Some((ability, importance)) =
                            n.checked_sub(1).and_then(|i| NEEDS_PROFILE.get(i))
                        else {
                            continue;
                        };
                        let mean = if aspect == "kemampuan" {
                            ability + modesty
                        } else {
                            *importance
                        };
                        let noise = f64::from(rng.range(0, 160)) / 100.0 - 0.8;
                        let v = (mean + noise)
                            .round()
                            .clamp(f64::from(*min), f64::from(*max));
                        if aspect == "kepentingan" {
                            let gap = importance - ability + noise;
                            wanted.push((gap, n));
                        }
                        format!("{v:.0}")
                    }
                    (
                        ItemKind::Choice {
                            multiple: true,
                            options,
                            ..
                        },
                        _,
                    ) => {
                        // The topics of the two or three largest gaps, now and then procurement.
                        wanted.sort_by(|a, b| {
                            b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal)
                        });
                        let take = 2 + usize::from(rng.chance(40));
                        let mut codes: Vec<String> = wanted
                            .iter()
                            .take(take)
                            .filter_map(|(_, n)| options.get(n - 1).map(|o| o.code.clone()))
                            .collect();
                        if rng.chance(15)
                            && let Some(o) = options.last()
                        {
                            codes.push(o.code.clone());
                        }
                        codes.sort_by_key(|c| options.iter().position(|o| &o.code == c));
                        codes.join(";")
                    }
                    (ItemKind::Choice { options, .. }, _) => rng.pick(options).code.clone(),
                    (ItemKind::Number { .. }, _) => format!("{}", 10 * rng.range(1, 6)),
                    _ => continue,
                };
                if value.is_empty() {
                    continue;
                }
                resp::set_answer(tx, response, item.code.as_str(), Some(&value))?;
            }
            forms += 1;
        }
    }
    Ok(forms)
}

/// The clerks of the demo: who keyed the forms, who verified them, who settles differences.
pub const DEMO_CLERKS: [(&str, &str, Role); 4] = [
    ("operator1", "Rina Oktaviani", Role::Operator),
    ("operator2", "Dedi Kurniawan", Role::Operator),
    ("verifikator1", "Yuni Astuti", Role::Verifier),
    ("evaluator1", "Hendra Saputra, S.Psi.", Role::Evaluator),
];

/// Double entry as it happens: two clerks keyed the communication program's reaction forms, a verifier
/// re-keyed most of them blind (a few fields differed; two stayed in dispute, one was settled by the
/// evaluator), and the clerks' days at the keyboard.
fn verification_demo(tx: &Tx<'_>, rng: &mut Rng) -> Result<()> {
    use crate::store::response::{self as resp, Batch, Keying, Respondent};
    for (name, full, role) in DEMO_CLERKS {
        tx.execute(
            "INSERT OR IGNORE INTO app_user (username, full_name, role, created_by, created_at, updated_by, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?4, ?5)",
            rusqlite::params![name, full, role.code(), tx.user(), tx.now()],
        )?;
    }
    let Some(program) = tx
        .query_row(
            "SELECT id FROM program WHERE code = 'KOM-2026-01'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .ok()
    else {
        return Ok(());
    };
    let batch = Batch {
        program: Some(ProgramId(program)),
        instrument: "REAKSI-01".into(),
        phase: crate::domain::instrument::Phase::Post,
    };
    let Some((instrument_id, def)) = instrument_of(tx, "REAKSI-01")? else {
        return Ok(());
    };
    let firsts: Vec<(i64, i64)> = {
        let mut stmt = tx.prepare(
            "SELECT id, asn_id FROM response WHERE program_id = ?1 AND instrument_code = 'REAKSI-01'
               AND keying = 'first' AND asn_id IS NOT NULL ORDER BY id",
        )?;
        let rows = stmt.query_map([program], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let likert: Vec<&str> = def
        .items
        .iter()
        .filter(|i| i.scale().is_some())
        .map(|i| i.code.as_str())
        .collect();
    for (n, (first, asn)) in firsts.iter().enumerate() {
        let clerk = if n % 2 == 0 { "operator1" } else { "operator2" };
        tx.execute(
            "UPDATE response SET created_by = ?2, updated_by = ?2 WHERE id = ?1",
            rusqlite::params![first, clerk],
        )?;
        // Four in five forms were verified.
        if n % 5 == 4 {
            continue;
        }
        let answers: Vec<(String, String)> = {
            let mut stmt = tx.prepare("SELECT item, value FROM answer WHERE response_id = ?1")?;
            let rows = stmt.query_map([first], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let second = resp::insert_response(
            tx,
            &batch,
            instrument_id,
            &Respondent::Asn(AsnId(*asn)),
            Keying::Second,
            true,
        )?;
        tx.execute(
            "UPDATE response SET created_by = 'verifikator1', updated_by = 'verifikator1' WHERE id = ?1",
            [second],
        )?;
        for (item, value) in &answers {
            resp::set_answer(tx, second, item, Some(value))?;
        }
        // Now and then a field was mistyped by one of the two; twice the paper itself was unclear.
        let mismatches = i64::from(rng.chance(12)) + i64::from(rng.chance(4));
        let dispute = match n {
            3 => Some(("R07", None)),
            8 => Some(("R12", Some("evaluator1"))),
            _ => None,
        };
        if let Some((item, settled_by)) = dispute
            && likert.contains(&item)
        {
            let first_value: Option<String> = answers
                .iter()
                .find(|(i, _)| i == item)
                .map(|(_, v)| v.clone());
            let other = match first_value.as_deref() {
                Some("4") => "3",
                _ => "4",
            };
            resp::set_answer(tx, second, item, Some(other))?;
            tx.execute(
                "INSERT INTO discrepancy (response_id, second_id, item, first_value, second_value,
                                          created_by, created_at, updated_by, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'verifikator1', ?6, 'verifikator1', ?6)",
                rusqlite::params![first, second, item, first_value, other, tx.now()],
            )?;
            if let Some(by) = settled_by {
                // The paper said what the verifier read.
                resp::set_answer(tx, *first, item, Some(other))?;
                tx.execute(
                    "UPDATE discrepancy SET status = 'resolved', resolved_value = ?2, resolved_by = ?3,
                         version = version + 1, updated_by = ?3
                     WHERE response_id = ?1 AND item = ?4",
                    rusqlite::params![first, other, by, item],
                )?;
            }
        }
        resp::mark_verified(tx, *first)?;
        let compared = i64::try_from(answers.len()).unwrap_or(0);
        tx.execute(
            "INSERT INTO verification (second_id, first_id, instrument, first_keyer, second_keyer,
                                       compared, mismatches, day)
             VALUES (?1, ?2, 'REAKSI-01', ?3, 'verifikator1', ?4, ?5, ?6)",
            rusqlite::params![
                second,
                first,
                clerk,
                compared,
                mismatches + i64::from(dispute.is_some()),
                tx.today()
            ],
        )?;
    }
    // The clerks' last days: forms, keystrokes (about 23 a form), corrections, minutes.
    for (clerk, days) in [("operator1", 3u64), ("operator2", 3), ("verifikator1", 2)] {
        for d in 0..days {
            let day = tx
                .today()
                .checked_sub_days(chrono::Days::new(d))
                .unwrap_or(tx.today());
            let forms = i64::from(rng.range(8, 16));
            let keys = forms * i64::from(rng.range(22, 26));
            tx.execute(
                "INSERT OR REPLACE INTO entry_stat (username, day, forms, keystrokes, corrections, active_seconds)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                rusqlite::params![
                    clerk,
                    day,
                    forms,
                    keys,
                    i64::from(rng.range(0, 6)),
                    forms * i64::from(rng.range(50, 80))
                ],
            )?;
        }
    }
    Ok(())
}

/// Answers for one behaviour form, by item code.
type Answers = Vec<(String, String)>;

fn insert_form(
    tx: &Tx<'_>,
    program: i64,
    instrument: &str,
    phase: crate::domain::instrument::Phase,
    asn: AsnId,
    answers: &Answers,
    clerk: &str,
) -> Result<bool> {
    use crate::store::response::{self as resp, Batch, Keying, Respondent};
    let Some((instrument_id, _)) = instrument_of(tx, instrument)? else {
        return Ok(false);
    };
    let batch = Batch {
        program: Some(ProgramId(program)),
        instrument: instrument.into(),
        phase,
    };
    let id = resp::insert_response(
        tx,
        &batch,
        instrument_id,
        &Respondent::Asn(asn),
        Keying::First,
        true,
    )?;
    tx.execute(
        "UPDATE response SET created_by = ?2, updated_by = ?2 WHERE id = ?1",
        rusqlite::params![id, clerk],
    )?;
    for (item, value) in answers {
        resp::set_answer(tx, id, item, Some(value))?;
    }
    Ok(true)
}

fn iso_after(day: NaiveDate, days: i64) -> String {
    let d = if days >= 0 {
        day.checked_add_days(chrono::Days::new(days.unsigned_abs()))
    } else {
        day.checked_sub_days(chrono::Days::new(days.unsigned_abs()))
    };
    crate::domain::date::iso(d.unwrap_or(day))
}

/// Behaviour at work: follow-ups planned for every completed program; for the communication, time
/// management and leadership programs, baseline and follow-up observations (most improve, a few do
/// not), supervisor interviews with barriers and long notes, self-assessments, and follow-up
/// actions — mentoring where nothing changed, aksi perubahan with milestones after PKP.
fn behaviour_demo(tx: &Tx<'_>, rng: &mut Rng) -> Result<usize> {
    use crate::domain::followup::{ActionInput, ActionKind, StepInput};
    use crate::domain::instrument::Phase;
    let programs: Vec<(i64, String, NaiveDate, NaiveDate, String)> = {
        let mut stmt = tx.prepare(
            "SELECT id, code, start_date, end_date, status FROM program ORDER BY start_date",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    // Evaluators follow up a sample of ten passed participants per completed program; a program whose
    // evaluation is closed ("dievaluasi") has what was not done cancelled.
    for (id, _, _, _, status) in &programs {
        if status != "selesai" && status != "dievaluasi" {
            continue;
        }
        crate::store::followup::plan(tx, ProgramId(*id))?;
        tx.execute(
            "DELETE FROM followup WHERE program_id = ?1 AND asn_id NOT IN (
                 SELECT asn_id FROM enrollment WHERE program_id = ?1 AND completion = 'lulus'
                 ORDER BY id LIMIT 10)",
            [id],
        )?;
        if status == "dievaluasi" {
            tx.execute(
                "UPDATE followup SET status = 'cancelled' WHERE program_id = ?1",
                [id],
            )?;
        }
    }
    let missed_before = tx
        .today()
        .checked_sub_days(chrono::Days::new(45))
        .unwrap_or(tx.today());
    let mut forms = 0;
    let observers = ["Hendra Saputra, S.Psi.", "Yuni Astuti", "Rina Oktaviani"];
    let places = ["Loket pelayanan", "Ruang kerja bidang", "Unit pengaduan"];
    for (id, code, start, end, _) in &programs {
        let (checklist, yes_items): (&str, &[&str]) = match code.as_str() {
            "KOM-2026-01" => (
                "OBS-KOMUNIKASI",
                &["B01", "B02", "B03", "B04", "B05", "B06", "B07"],
            ),
            "MWK-2026-01" => ("OBS-WAKTU", &["B01", "B02", "B03", "B04"]),
            "PKP-2026-01" => ("OBS-KEPEMIMPINAN", &["B01", "B02", "B03", "B04", "B05"]),
            _ => continue,
        };
        let people: Vec<(i64, Option<i64>)> = {
            let mut stmt = tx.prepare(
                "SELECT e.asn_id, a.atasan_id FROM enrollment e JOIN asn a ON a.id = e.asn_id
                 WHERE e.program_id = ?1 AND e.completion = 'lulus' ORDER BY e.id LIMIT 10",
            )?;
            let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for (n, (asn, atasan)) in people.iter().enumerate() {
            let asn = AsnId(*asn);
            // Two in ten show no change; one of those names the atasan's lack of support.
            let changes = n % 5 != 3;
            let observer = observers[n % observers.len()];
            let place = places[n % places.len()];
            let base_yes = |i: usize| i.is_multiple_of(3);
            let session = |day: String| -> Answers {
                vec![
                    ("TGL".into(), day),
                    ("PENGAMAT".into(), observer.into()),
                    ("TEMPAT".into(), place.into()),
                ]
            };
            let mut baseline = session(iso_after(*start, -5 - (n as i64 % 4)));
            for (i, item) in yes_items.iter().enumerate() {
                let v = if base_yes(i + n) { "1" } else { "0" };
                baseline.push(((*item).into(), v.into()));
            }
            if checklist == "OBS-WAKTU" {
                baseline.push(("TUGAS".into(), "10".into()));
                baseline.push(("TEPAT".into(), format!("{}", 4 + n % 3)));
            }
            let rubric = if checklist == "OBS-KEPEMIMPINAN" {
                "RUBRIK_COACHING"
            } else {
                "RUBRIK"
            };
            baseline.push((rubric.into(), "2".into()));
            forms += usize::from(insert_form(
                tx,
                *id,
                checklist,
                Phase::Pre,
                asn,
                &baseline,
                "operator1",
            )?);
            // Follow-ups 1 and (for half) 2, dated after the training ended.
            for (k, phase) in [Phase::F1, Phase::F2].iter().enumerate() {
                if k == 1 && n % 2 == 1 {
                    continue;
                }
                let offset = 30 * (k as i64 + 1) + (n as i64 % 5);
                let day = iso_after(*end, offset);
                if day > crate::domain::date::iso(tx.today()) {
                    continue;
                }
                let mut f = session(day);
                for (i, item) in yes_items.iter().enumerate() {
                    let yes = base_yes(i + n) || (changes && (i + k) % 4 != 3) || rng.chance(5);
                    f.push(((*item).into(), if yes { "1" } else { "0" }.into()));
                }
                if checklist == "OBS-WAKTU" {
                    f.push(("TUGAS".into(), "10".into()));
                    let done = if changes { 8 + k } else { 4 + n % 3 };
                    f.push(("TEPAT".into(), done.to_string()));
                }
                f.push((
                    rubric.into(),
                    if changes { 3 + k } else { 2 }.min(4).to_string(),
                ));
                if n == 0 {
                    f.push((
                        crate::domain::instrument::note_key("B03"),
                        "Mengulang inti keluhan sebelum menjawab; pemohon tampak lega".into(),
                    ));
                }
                forms += usize::from(insert_form(
                    tx,
                    *id,
                    checklist,
                    *phase,
                    asn,
                    &f,
                    "operator2",
                )?);
            }
            // The atasan interviewed at the first follow-up; the participant assesses themself.
            let day = iso_after(*end, 33 + (n as i64 % 5));
            if day > crate::domain::date::iso(tx.today()) || n > 7 {
                continue;
            }
            let atasan_nip: String = atasan
                .and_then(|a| {
                    tx.query_row("SELECT nip FROM asn WHERE id = ?1", [a], |r| r.get(0))
                        .ok()
                })
                .unwrap_or_else(|| "Kepala bidang".into());
            let rating = |o: usize| -> String {
                if changes {
                    (3 + (o + n) % 2).to_string()
                } else {
                    "1".into()
                }
            };
            let mut interview: Answers = vec![
                ("TGL".into(), day.clone()),
                ("PEWAWANCARA".into(), "Hendra Saputra, S.Psi.".into()),
                ("ATASAN".into(), atasan_nip),
            ];
            let objectives: i64 = tx.query_row(
                "SELECT count(*) FROM objective WHERE program_id = ?1",
                [id],
                |r| r.get(0),
            )?;
            for o in 1..=usize::try_from(objectives).unwrap_or(0).min(5) {
                interview.push((format!("T{o}"), rating(o)));
                if changes && o == 1 {
                    interview.push((
                        format!("T{o}C"),
                        "Sekarang mencatat setiap pengaduan dan memberi tenggat jawaban".into(),
                    ));
                }
            }
            let (barriers, drivers) = if changes {
                (if n % 2 == 0 { "6" } else { "4" }, "1;3")
            } else if n % 2 == 1 {
                ("1;4", "9")
            } else {
                ("2;3", "4")
            };
            interview.push(("HAMBATAN".into(), barriers.into()));
            interview.push(("PENDORONG".into(), drivers.into()));
            if drivers.contains('9') {
                interview.push((
                    "PENDORONG_LAIN".into(),
                    "Teman sejawat yang ikut pelatihan".into(),
                ));
            }
            interview.push(("DUKUNGAN".into(), if changes { "3" } else { "1" }.into()));
            let note = if changes {
                "Perubahan terlihat sejak minggu kedua setelah pelatihan.\nPengaduan kini dicatat di aplikasi dan dijawab dalam tiga hari kerja.\nPerlu didampingi untuk kasus yang melibatkan unit lain."
            } else {
                "Belum ada perubahan berarti dalam cara melayani.\nAtasan mengakui belum sempat membahas hasil pelatihan dengan pegawai; beban loket tinggi menjelang akhir bulan.\nDisepakati mentoring dua kali sebulan."
            };
            interview.push(("CATATAN".into(), note.into()));
            forms += usize::from(insert_form(
                tx,
                *id,
                "WAWANCARA-ATASAN",
                Phase::F1,
                asn,
                &interview,
                "evaluator1",
            )?);
            if n % 2 == 0 {
                let mut own: Answers = vec![("TGL".into(), day)];
                for o in 1..=usize::try_from(objectives).unwrap_or(0).min(5) {
                    own.push((
                        format!("T{o}"),
                        if changes { "4".into() } else { "3".into() },
                    ));
                }
                own.push(("HAMBATAN".into(), if changes { "6" } else { "4" }.into()));
                forms += usize::from(insert_form(
                    tx,
                    *id,
                    "DIRI-PERILAKU",
                    Phase::F1,
                    asn,
                    &own,
                    "operator1",
                )?);
            }
            // Where nothing changed: mentoring by the atasan.
            if !changes {
                let action = crate::store::followup::insert_action(
                    tx,
                    ProgramId(*id),
                    asn,
                    &ActionInput {
                        kind: ActionKind::Mentoring,
                        title: "Mentoring penerapan hasil pelatihan di unit kerja".into(),
                        owner: "Atasan langsung".into(),
                        coach: String::new(),
                        sessions: 1,
                        notes: "Dua kali sebulan, 30 menit, membahas kasus nyata".into(),
                    },
                )?;
                for (w, title) in [(10, "Sesi mentoring pertama"), (24, "Sesi mentoring kedua")] {
                    let step = crate::store::followup::insert_step(
                        tx,
                        action,
                        &StepInput {
                            title: title.into(),
                            due: tx
                                .today()
                                .checked_add_days(chrono::Days::new(w))
                                .unwrap_or(tx.today()),
                        },
                    )?;
                    let _ = step;
                }
            }
            // After the leadership program: a change project with milestones.
            if code == "PKP-2026-01" && n < 3 {
                let action = crate::store::followup::insert_action(
                    tx,
                    ProgramId(*id),
                    asn,
                    &ActionInput {
                        kind: ActionKind::AksiPerubahan,
                        title: [
                            "Digitalisasi arsip surat masuk bidang",
                            "Layanan pengaduan satu pintu di kelurahan",
                            "Jadwal piket loket berbasis antrean",
                        ][n]
                            .into(),
                        owner: "Mentor: kepala bidang".into(),
                        coach: "Widyaiswara BPSDM Sumsel".into(),
                        sessions: 2,
                        notes: String::new(),
                    },
                )?;
                let milestones = [
                    ("Rancangan dan persetujuan mentor", 14, true),
                    ("Uji coba di satu seksi", 45, n != 2),
                    ("Penerapan penuh dan laporan", 90, false),
                ];
                for (title, days, done) in milestones {
                    let due = end
                        .checked_add_days(chrono::Days::new(days))
                        .unwrap_or(*end);
                    let step = crate::store::followup::insert_step(
                        tx,
                        action,
                        &StepInput {
                            title: title.into(),
                            due,
                        },
                    )?;
                    if done {
                        tx.execute(
                            "UPDATE action_step SET done_on = ?2 WHERE id = ?1",
                            rusqlite::params![step, due],
                        )?;
                    }
                }
            }
        }
    }
    // Follow-ups missed long ago (no form, due more than 45 days back) were given up on.
    tx.execute(
        "UPDATE followup SET status = 'cancelled' WHERE due < ?1 AND NOT EXISTS (
             SELECT 1 FROM response r WHERE r.program_id = followup.program_id AND r.asn_id = followup.asn_id
               AND r.instrument_code = followup.instrument_code AND r.phase = followup.phase
               AND r.keying = 'first' AND r.status = 'complete')",
        [missed_before],
    )?;
    Ok(forms)
}

/// Level 4 for two programs: the unit indicators the OPDs track, and the evaluator's estimate of the
/// monetary benefit with isolation and confidence, as Phillips asks.
fn results_demo(tx: &Tx<'_>) -> Result<()> {
    type Indicator = (&'static str, &'static str, f64, f64, bool, &'static str);
    /// Program, indicators, benefit, isolation method, training's share, confidence, intangibles.
    type Plan = (
        &'static str,
        &'static [Indicator],
        i64,
        &'static str,
        f64,
        f64,
        &'static str,
    );
    let plans: [Plan; 2] = [
        (
            "KOM-2026-01",
            &[
                (
                    "Pengaduan selesai tepat waktu",
                    "%",
                    62.0,
                    84.0,
                    true,
                    "SP4N-LAPOR! unit, Jan–Feb vs Mei–Jun 2026",
                ),
                (
                    "Rata-rata waktu penyelesaian pengaduan",
                    "hari",
                    7.5,
                    4.2,
                    false,
                    "Register pengaduan unit",
                ),
                (
                    "Indeks kepuasan masyarakat (IKM)",
                    "skor",
                    76.4,
                    81.9,
                    true,
                    "Survei IKM semester",
                ),
            ],
            300_000_000,
            "estimasi_atasan",
            40.0,
            70.0,
            "Warga lebih jarang mengadu ulang\nKepercayaan pada unit pengaduan meningkat",
        ),
        (
            "PKP-2026-01",
            &[
                (
                    "Kegiatan bidang selesai sesuai jadwal",
                    "%",
                    71.0,
                    83.0,
                    true,
                    "Laporan kinerja bulanan",
                ),
                (
                    "Rapat yang menghasilkan keputusan tertulis",
                    "%",
                    45.0,
                    78.0,
                    true,
                    "Notula rapat",
                ),
            ],
            320_000_000,
            "analisis_tren",
            35.0,
            75.0,
            "Koordinasi antarseksi lebih lancar",
        ),
    ];
    for (code, indicators, benefit, isolation, iso_pct, conf_pct, intangibles) in plans {
        let Some(program) = tx
            .query_row("SELECT id FROM program WHERE code = ?1", [code], |r| {
                r.get::<_, i64>(0)
            })
            .ok()
        else {
            continue;
        };
        for (name, unit, before, after, higher, source) in indicators {
            tx.execute(
                "INSERT INTO result_indicator (program_id, name, unit, before, after, higher_better, source,
                                               created_by, created_at, updated_by, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8, ?9)",
                rusqlite::params![program, name, unit, before, after, higher, source, "evaluator1", tx.now()],
            )?;
        }
        tx.execute(
            "INSERT INTO program_result (program_id, benefit, isolation, isolation_pct, confidence_pct,
                                         intangibles, created_by, created_at, updated_by, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'evaluator1', ?7, 'evaluator1', ?7)",
            rusqlite::params![program, benefit, isolation, iso_pct, conf_pct, intangibles, tx.now()],
        )?;
    }
    Ok(())
}

/// Non-classical learning that counts toward the 20 JP: coaching, e-learning, mentoring, seminars.
fn activities_demo(tx: &Tx<'_>, rng: &mut Rng, ids: &[AsnId]) -> Result<usize> {
    use crate::domain::program::LearningMode;
    use crate::store::analysis::{Activity, insert_activity};
    const KINDS: &[(LearningMode, &str, &str, f64)] = &[
        (
            LearningMode::ELearning,
            "Literasi Digital ASN",
            "LAN RI (ASN Unggul)",
            10.0,
        ),
        (
            LearningMode::ELearning,
            "Manajemen Kinerja ASN",
            "BKN (LMS)",
            6.0,
        ),
        (
            LearningMode::Coaching,
            "Coaching penyusunan laporan kinerja",
            "Atasan langsung",
            4.0,
        ),
        (
            LearningMode::Mentoring,
            "Mentoring aksi perubahan",
            "Widyaiswara BPSDM Sumsel",
            8.0,
        ),
        (
            LearningMode::Benchmarking,
            "Studi tiru pelayanan terpadu",
            "DPMPTSP Kota Jambi",
            12.0,
        ),
        (
            LearningMode::Magang,
            "Magang pengelolaan arsip dinamis",
            "ANRI",
            16.0,
        ),
    ];
    let mut n = 0;
    for (i, asn) in ids.iter().enumerate() {
        if !rng.chance(35) {
            continue;
        }
        let (kind, title, provider, jp) = *rng.pick(KINDS);
        let day = date((2026, 1 + rng.range(0, 10), 1 + rng.range(0, 27)));
        insert_activity(
            tx,
            *asn,
            &Activity {
                day,
                kind,
                title: title.to_string(),
                provider: provider.to_string(),
                jp,
                certificate_no: format!("{:05}/SERT/2026", 100 + i),
            },
        )?;
        n += 1;
    }
    Ok(n)
}

fn insert_demo_program(tx: &Tx<'_>, prog: &DemoProgram) -> Result<ProgramId> {
    let run = Run {
        code: prog.code.to_string(),
        name: prog.name.to_string(),
        start: date(prog.start),
        end: date(prog.end),
        status: prog.status,
    };
    insert_program_run(tx, prog, &run)
}

/// One run of a demo program: its own code, name, dates and status.
struct Run {
    code: String,
    name: String,
    start: NaiveDate,
    end: NaiveDate,
    status: ProgramStatus,
}

fn insert_program_run(tx: &Tx<'_>, prog: &DemoProgram, run: &Run) -> Result<ProgramId> {
    let input = ProgramInput {
        code: ProgramCode::parse(&run.code).map_err(|_| crate::store::StoreError::Corrupt)?,
        name: run.name.clone(),
        kind: prog.kind,
        mode: prog.mode,
        competency: prog.competency.to_string(),
        provider: prog.provider.to_string(),
        accreditation: prog.accreditation,
        location: prog.location.to_string(),
        start: run.start,
        end: run.end,
        jp: prog.jp,
        quota: Some(prog.quota),
        status: run.status,
    };
    let id = program::insert_program(tx, &input)?;
    for (objective, behaviours) in prog.objectives {
        let oid = program::insert_objective(tx, id, objective)?;
        for b in *behaviours {
            program::insert_behaviour(tx, oid, b)?;
        }
    }
    for (category, description, amount) in prog.costs {
        program::insert_cost_line(tx, id, *category, description, *amount)?;
    }
    Ok(id)
}

fn enroll_demo(
    tx: &Tx<'_>,
    rng: &mut Rng,
    prog: &DemoProgram,
    id: ProgramId,
    people: &[Person],
    ids: &[AsnId],
) -> Result<Vec<(AsnId, bool)>> {
    let finished = matches!(
        prog.status,
        ProgramStatus::Selesai | ProgramStatus::Dievaluasi
    );
    let eligible: Vec<usize> = people
        .iter()
        .enumerate()
        .filter(|(_, p)| prog.tiers.contains(&p.level))
        .filter(|(_, p)| {
            prog.opds.is_empty() || OPDS.get(p.opd).is_some_and(|o| prog.opds.contains(&o.0))
        })
        .map(|(i, _)| i)
        .collect();
    let quota = usize::try_from(prog.quota).unwrap_or(0);
    // Take every k-th eligible person, starting at a random offset, so programs mix OPDs.
    let step = (eligible.len() / quota.max(1)).max(1);
    let offset = usize::try_from(rng.range(0, u32::try_from(step).unwrap_or(1).saturating_sub(1)))
        .unwrap_or(0);
    let chosen: Vec<usize> = eligible
        .iter()
        .skip(offset)
        .step_by(step)
        .take(quota)
        .copied()
        .collect();
    let mut enrolled = Vec::with_capacity(chosen.len());
    for (n, person) in chosen.iter().enumerate() {
        let Some(asn) = ids.get(*person) else {
            continue;
        };
        let eid = enrollment::insert_enrollment(tx, id, *asn)?;
        if !finished {
            enrolled.push((*asn, false));
            continue;
        }
        let (attendance, completion) =
            match (n * 7 + usize::try_from(rng.range(0, 6)).unwrap_or(0)) % 23 {
                0 => (35, Completion::MengundurkanDiri),
                1 => (72, Completion::TidakLulus),
                _ => (rng.range(88, 100), Completion::Lulus),
            };
        let certificate = if completion == Completion::Lulus {
            format!("{}/{:03}/{}", prog.code, n + 1, prog.end.0)
        } else {
            String::new()
        };
        tx.execute(
            "UPDATE enrollment SET attendance = ?1, completion = ?2, certificate_no = ?3 WHERE id = ?4",
            params![attendance, completion.code(), certificate, eid.0],
        )?;
        enrolled.push((*asn, completion != Completion::MengundurkanDiri));
    }
    Ok(enrolled)
}
