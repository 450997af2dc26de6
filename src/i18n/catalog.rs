//! Every sentence tilik says, in Bahasa Indonesia and English. Add new entries next to their neighbours.

use super::Lang;

macro_rules! catalog {
    ($($key:ident => $id:literal, $en:literal;)*) => {
        /// A catalog entry.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            pub const fn text(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::Id => match self { $(Msg::$key => $id),* },
                    Lang::En => match self { $(Msg::$key => $en),* },
                }
            }
        }
    };
}

catalog! {
    // ── Enumerations ─────────────────────────────────────────────────────────
    OpdKindSekretariat => "Sekretariat", "Secretariat";
    OpdKindInspektorat => "Inspektorat", "Inspectorate";
    OpdKindDinas => "Dinas", "Agency (dinas)";
    OpdKindBadan => "Badan", "Board (badan)";
    OpdKindKantor => "Kantor", "Office (kantor)";
    OpdKindKecamatan => "Kecamatan", "District (kecamatan)";
    OpdKindKelurahan => "Kelurahan", "Ward (kelurahan)";
    OpdKindRsud => "RSUD", "Regional hospital";
    OpdKindSatuan => "Satuan", "Unit (satuan)";
    OpdKindLainnya => "Lainnya", "Other";

    TypeLatsar => "Latsar CPNS", "Latsar CPNS";
    TypePkp => "PKP", "PKP (supervisors)";
    TypePka => "PKA", "PKA (administrators)";
    TypePkn => "PKN II", "PKN II (senior leaders)";
    TypeTeknis => "Teknis", "Technical";
    TypeFungsional => "Fungsional", "Functional";
    TypeSeminar => "Seminar/Lokakarya", "Seminar/Workshop";
    TypeLainnya => "Lainnya", "Other";

    ModeKlasikal => "Klasikal", "Classroom";
    ModeELearning => "E-learning", "E-learning";
    ModeBlended => "Blended", "Blended";
    ModeCoaching => "Coaching", "Coaching";
    ModeMentoring => "Mentoring", "Mentoring";
    ModeMagang => "Magang", "Internship";
    ModeBenchmarking => "Benchmarking", "Benchmarking";
    ModeLainnya => "Nonklasikal lain", "Other non-classical";

    StatusDirencanakan => "Direncanakan", "Planned";
    StatusBerjalan => "Berjalan", "Running";
    StatusSelesai => "Selesai", "Finished";
    StatusDievaluasi => "Dievaluasi", "Evaluated";

    AccreditationUnknown => "Tidak diketahui", "Unknown";
    AccreditationA => "A (Sangat Baik)", "A (Very good)";
    AccreditationB => "B (Baik)", "B (Good)";
    AccreditationC => "C (Cukup)", "C (Adequate)";
    AccreditationNone => "Belum terakreditasi", "Not accredited";

    CostHonorarium => "Honorarium", "Fees";
    CostAkomodasi => "Akomodasi", "Accommodation";
    CostKonsumsi => "Konsumsi", "Meals";
    CostTransport => "Transportasi", "Transport";
    CostBahan => "Bahan/ATK", "Materials";
    CostSewa => "Sewa tempat/alat", "Venue/equipment";
    CostWaktuPeserta => "Waktu peserta", "Participants' time";
    CostLainnya => "Lainnya", "Other";

    CompletionLulus => "Lulus", "Passed";
    CompletionTidakLulus => "Tidak lulus", "Failed";
    CompletionMundur => "Mengundurkan diri", "Withdrew";

    GenderMale => "laki-laki", "male";
    GenderFemale => "perempuan", "female";
    KindPns => "PNS", "PNS (civil servant)";
    KindPppk => "PPPK", "PPPK (contract)";

    RoleAdmin => "Admin", "Admin";
    RoleEvaluator => "Evaluator", "Evaluator";
    RoleOperator => "Operator", "Operator";
    RoleVerifier => "Verifikator", "Verifier";
    RoleViewer => "Pembaca", "Viewer";

    EntityOpd => "OPD", "OPD";
    EntityAsn => "Pegawai", "Employee";
    EntityProgram => "Program", "Program";
    EntityProvider => "Penyelenggara", "Provider";
    EntityEnrollment => "Peserta program", "Enrollment";
    EntityObjective => "Tujuan", "Objective";
    EntityBehaviour => "Perilaku", "Behaviour";
    EntityCostLine => "Biaya", "Cost line";
    EntityUser => "Pengguna", "User";
    EntityInstrument => "Instrumen", "Instrument";
    EntityResponse => "Formulir", "Form";
    EntityScore => "Nilai tes", "Test score";
    EntityDiscrepancy => "Perbedaan entri", "Entry discrepancy";

    // ── Field problems ───────────────────────────────────────────────────────
    NipEmpty => "NIP wajib diisi", "NIP is required";
    NipLength => "NIP harus 18 digit (terisi {0})", "NIP must have 18 digits (got {0})";
    NipNotDigits => "NIP hanya boleh berisi angka (karakter ke-{0} bukan angka)", "NIP may contain digits only (character {0} is not a digit)";
    NipBirthDate => "digit 1–8 NIP bukan tanggal lahir yang ada", "NIP digits 1–8 are not a real birth date";
    NipBirthFuture => "tanggal lahir pada NIP belum terjadi", "the birth date in the NIP is in the future";
    NipTmtMonth => "bulan TMT CPNS pada NIP (digit 13–14) tidak valid: {0}", "the TMT CPNS month in the NIP (digits 13–14) is invalid: {0}";
    NipTmtBeforeAdult => "TMT CPNS pada NIP sebelum usia 18 tahun", "the TMT CPNS in the NIP is before age 18";
    NipGender => "digit ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan), bukan {0}", "NIP digit 15 must be 1 (male) or 2 (female), not {0}";
    NipSequence => "nomor urut NIP (digit 16–18) tidak boleh 000", "the NIP sequence number (digits 16–18) cannot be 000";
    ProblemRequired => "wajib diisi", "is required";
    ProblemTooLong => "terlalu panjang (paling banyak {0} karakter)", "is too long (at most {0} characters)";
    ProblemGolongan => "golongan tidak dikenal: {0} (contoh: III/a)", "unknown golongan: {0} (e.g. III/a)";
    ProblemDate => "bukan tanggal yang valid (dd/mm/yyyy)", "is not a valid date (dd/mm/yyyy)";
    ProblemEndBeforeStart => "tanggal selesai sebelum tanggal mulai", "the end date is before the start date";
    ProblemNumber => "harus berupa angka", "must be a number";
    ProblemRange => "harus antara {0} dan {1}", "must be between {0} and {1}";
    ProblemDecimals => "paling banyak {0} angka desimal", "at most {0} decimals";
    ProblemCode => "hanya huruf, angka dan - _ . /", "letters, digits and - _ . / only";
    ProblemDuplicateInFile => "NIP ganda dalam berkas (sudah ada di baris {0})", "duplicate NIP in the file (already on line {0})";
    ProblemUnknownChoice => "pilihan tidak dikenal: {0}", "unknown choice: {0}";
    ProblemLossyNumber => "NIP tersimpan sebagai angka di Excel sehingga digit terakhirnya hilang; format kolom sebagai Teks lalu ketik ulang", "the NIP was stored by Excel as a number and lost its last digits; format the column as Text and type it again";
    ProblemEmail => "bukan alamat email yang valid", "is not a valid e-mail address";
    ProblemUnknownItem => "kolom {0} bukan butir instrumen ini", "column {0} is not an item of this instrument";
    ProblemAnsweredSkipped => "butir ini seharusnya dilewati karena jawaban sebelumnya, tetapi diisi", "this item should be skipped because of an earlier answer, but it is answered";
    ProblemUnknownNip => "NIP {0} tidak ada di tilik", "NIP {0} is not in tilik";
    ProblemNotEnrolled => "NIP {0} bukan peserta program ini", "NIP {0} is not a participant of this program";
    ProblemAlreadyEntered => "formulir responden ini sudah ada (pakai --replace untuk mengganti)", "this respondent's form is already in tilik (use --replace to replace it)";
    ProblemSelfSupervisor => "seseorang tidak dapat menjadi atasan dirinya sendiri", "a person cannot be their own supervisor";

    // ── Errors at the edge ───────────────────────────────────────────────────
    ErrIdentity => "tidak dapat mengenali akun pengguna: {0}", "cannot identify the user account: {0}";
    ErrNotRegistered => "akun {0} belum terdaftar di tilik; minta admin menjalankan: tilik user add {0} --role operator", "account {0} is not a tilik user; ask the admin to run: tilik user add {0} --role operator";
    ErrDisabled => "akun {0} dinonaktifkan; hubungi admin", "account {0} is disabled; contact the admin";
    ErrForbidden => "akun {0} (peran {1}) tidak berwenang melakukan ini", "account {0} (role {1}) is not allowed to do this";
    ErrForbiddenShort => "Anda tidak berwenang melakukan ini", "you are not allowed to do this";
    ErrUnknownProgram => "program dengan kode {0} tidak ada", "there is no program with code {0}";
    ErrRefused => "tidak ada yang disimpan; {0} masalah:", "nothing was saved; {0} problem(s):";
    ErrNotEmpty => "basis data sudah berisi data; data demo hanya untuk basis data baru", "the database already holds data; demo data is for new databases only";
    ErrOutput => "gagal menulis keluaran: {0}", "cannot write output: {0}";
    ErrTerminal => "terminal bermasalah: {0}", "terminal problem: {0}";
    ErrProgramExists => "program dengan kode {0} sudah ada", "a program with code {0} already exists";
    ErrUnknownAtasan => "atasan dengan NIP {0} tidak ada di berkas maupun di basis data", "no supervisor with NIP {0} in the file or the database";
    ErrDbMissing => "basis data {0} belum ada; admin membuatnya dengan: tilik init", "database {0} does not exist; the admin creates it with: tilik init";
    ErrDbCannotOpen => "tidak dapat membuka basis data {0}: {1}", "cannot open database {0}: {1}";
    ErrDbCannotCreateFolder => "tidak dapat membuat folder {0}: {1}", "cannot create folder {0}: {1}";
    ErrDbCannotAccess => "tidak dapat membuka atau membuat basis data {0}: {1} (pada server: apakah tilik terpasang setgid ke grup data? lihat docs/deploy.md)", "cannot open or create the database {0}: {1} (on a server: is tilik installed setgid to the data group? see docs/deploy.md)";
    ErrDbCorrupt => "berkas ini bukan basis data tilik atau rusak; pulihkan dari cadangan (lihat docs/deploy.md)", "the file is not a tilik database or is damaged; restore a backup (see docs/deploy.md)";
    ErrDbTooNew => "basis data dibuat oleh tilik yang lebih baru (skema {0}, versi ini {1}); perbarui tilik", "the database was made by a newer tilik (schema {0}, this one {1}); upgrade tilik";
    ErrSqliteTooOld => "SQLite {0} terlalu lama; tilik memerlukan {1} atau lebih baru", "SQLite {0} is too old; tilik needs {1} or newer";
    ErrDbBusy => "basis data terlalu lama sibuk dipakai pengguna lain; coba lagi", "the database stayed busy with other users too long; try again";
    ErrDbReadOnly => "basis data hanya bisa dibaca (izin berkas); tidak ada yang disimpan", "the database is read-only (file permissions); nothing was saved";
    ErrDiskFull => "disk penuh; tidak ada yang disimpan. Hubungi admin", "the disk is full; nothing was saved. Contact the admin";
    ErrConflict => "{0} ini baru saja diubah oleh {1} ({2}); perubahan Anda belum disimpan", "this {0} was just changed by {1} ({2}); your changes are not saved";
    ErrDuplicate => "{0} {1} sudah ada", "{0} {1} already exists";
    ErrNotFound => "{0} {1} tidak ditemukan (mungkin sudah dihapus)", "{0} {1} not found (perhaps deleted)";
    ErrInUse => "{0} ini masih dipakai data lain sehingga tidak dapat dihapus", "this {0} is still in use and cannot be deleted";
    ErrDb => "kesalahan basis data: {0}", "database error: {0}";
    ErrConfigRead => "tidak dapat membaca {0}: {1}", "cannot read {0}: {1}";
    ErrConfigParse => "{0} tidak valid: {1}", "{0} is not valid: {1}";
    ErrConfigNoDb => "basis data belum diatur di {0} (baris db = \"…\")", "no database is configured in {0} (line db = \"…\")";
    ErrPathNotAllowed => "--db dan TILIK_DB tidak berlaku pada instalasi server; basis data diatur admin di /etc/tilik/config.toml", "--db and TILIK_DB do not apply on a server installation; the admin sets the database in /etc/tilik/config.toml";
    ErrNoHome => "tidak ada folder rumah untuk menyimpan basis data; gunakan --db", "no home folder to keep the database in; use --db";
    ErrFileOpen => "tidak dapat membuka {0}: {1}", "cannot open {0}: {1}";
    ErrFileEmpty => "berkas kosong", "the file is empty";
    ErrFileType => "jenis berkas tidak didukung; simpan sebagai CSV atau XLSX", "unsupported file type; save it as CSV or XLSX";
    ErrCsv => "berkas CSV rusak di baris {0}: {1}", "the CSV file is broken at line {0}: {1}";
    ErrXlsx => "berkas XLSX tidak dapat dibaca: {0}", "cannot read the XLSX file: {0}";
    ErrDuplicateColumn => "kolom {0} muncul dua kali", "column {0} appears twice";

    // ── CLI ──────────────────────────────────────────────────────────────────
    CliBadChoice => "{0} {1} tidak dikenal; pilih salah satu: {2}", "{0} {1} is not known; choose one of: {2}";
    CliFieldError => "{0}: {1}", "{0}: {1}";
    RowError => "baris {0}, kolom {1}: {2}", "line {0}, column {1}: {2}";
    WarnUnknownColumns => "kolom berikut tidak dikenal dan diabaikan: {0}", "these columns are not known and were ignored: {0}";
    ImportedParticipants => "{0} pegawai baru, {1} diperbarui, {2} tidak berubah; {3} didaftarkan ke program", "{0} new employees, {1} updated, {2} unchanged; {3} enrolled in the program";
    ImportedNewOpds => "OPD baru dibuat: {0}", "new OPDs created: {0}";
    ProgramAdded => "program {0} ({1}) ditambahkan", "program {0} ({1}) added";
    InitCreated => "basis data {0} dibuat (skema {1}); {2} adalah admin", "database {0} created (schema {1}); {2} is admin";
    InitMigrated => "basis data {0} siap (skema {1})", "database {0} is ready (schema {1})";
    DemoFilled => "data demo: {0} OPD, {1} pegawai, {2} program, {3} peserta, {4} formulir", "demo data: {0} OPDs, {1} employees, {2} programs, {3} enrollments, {4} forms";

    ColCode => "Kode", "Code";
    ColName => "Nama", "Name";
    ColType => "Jenis", "Type";
    ColMode => "Bentuk", "Mode";
    ColProvider => "Penyelenggara", "Provider";
    ColLocation => "Tempat", "Location";
    ColStart => "Mulai", "Start";
    ColEnd => "Selesai", "End";
    ColJp => "JP", "JP";
    ColQuota => "Kuota", "Quota";
    ColStatus => "Status", "Status";
    ColParticipants => "Peserta", "Participants";
    ColNip => "NIP", "NIP";
    ColJabatan => "Jabatan", "Position";
    ColGolongan => "Gol.", "Grade";
    ColUnit => "Unit/OPD", "Unit/OPD";
    ColKind => "Jenis", "Kind";
    ColAtasanNip => "NIP atasan", "Supervisor NIP";
    ColAttendance => "Hadir %", "Attend. %";
    ColCompletion => "Kelulusan", "Completion";
    ColCertificate => "No. sertifikat", "Certificate no.";
    ColValidFrom => "Berlaku sejak", "Valid from";
    ColValidTo => "Berlaku sampai", "Valid to";
    ColAsnCount => "Pegawai", "Employees";

    // ── Interface: frame, status, dialogs ─────────────────────────────────────
    TabPrograms => "Program", "Programs";
    TabAsn => "Pegawai", "Employees";
    TabOpd => "OPD", "OPDs";
    TooSmall => "Terminal terlalu kecil: tilik perlu paling sedikit {0}x{1} (sekarang {2}x{3}). Perbesar jendela terminal.", "Terminal too small: tilik needs at least {0}x{1} (now {2}x{3}). Enlarge the terminal window.";
    Loading => "Memuat…", "Loading…";
    All => "semua", "all";
    Yes => "Ya", "Yes";
    No => "Tidak", "No";
    Saved => "Tersimpan", "Saved";
    Deleted => "Terhapus", "Deleted";
    NotAllowed => "Peran Anda tidak berwenang melakukan ini", "Your role is not allowed to do this";
    NotRecorded => "Belum dicatat", "Not recorded";
    FinishFormFirst => "Simpan (Ctrl-S) atau batalkan (Esc) formulir ini dulu", "Save (Ctrl-S) or cancel (Esc) this form first";
    DbBusyWaiting => "Basis data sedang dipakai pengguna lain — menunggu (percobaan {0})…", "The database is busy with other users — waiting (attempt {0})…";
    DraftRestored => "Isian yang belum disimpan dipulihkan", "Unsaved input restored";
    FormHasErrors => "{0} isian perlu diperbaiki: {1}", "{0} field(s) need fixing: {1}";
    FormKeysHint => "Tab/Enter: isian berikut · Ctrl-S: simpan · Esc: batal", "Tab/Enter: next field · Ctrl-S: save · Esc: cancel";
    KeyNotAllowed => "Karakter {0} tidak bisa diisikan di sini", "Character {0} cannot go into this field";
    FieldFull => "Isian sudah penuh", "The field is full";
    ConfirmTitle => "Konfirmasi", "Confirm";
    ConfirmDiscard => "Buang perubahan yang belum disimpan?", "Throw away the unsaved changes?";
    ConfirmDeleteProgram => "Hapus program {0} ({1}) beserta tujuan dan biayanya?", "Delete program {0} ({1}) with its objectives and costs?";
    ConfirmDeleteAsn => "Hapus pegawai {0} (NIP {1})?", "Delete employee {0} (NIP {1})?";
    ConfirmDeleteOpd => "Hapus OPD {0}?", "Delete OPD {0}?";
    ConfirmDeleteObjective => "Hapus tujuan \"{0}\" beserta perilakunya?", "Delete the objective \"{0}\" with its behaviours?";
    ConfirmDeleteBehaviour => "Hapus perilaku \"{0}\"?", "Delete the behaviour \"{0}\"?";
    ConfirmDeleteCost => "Hapus biaya \"{0}\" ({1})?", "Delete the cost \"{0}\" ({1})?";
    ConfirmUnenroll => "Keluarkan {0} dari program {1}?", "Remove {0} from program {1}?";
    ConflictTitle => "Data diubah orang lain", "Changed by someone else";
    ConflictWho => "{0} menyimpan pada {1} selagi Anda mengubahnya; belum ada yang ditimpa.", "{0} saved at {1} while you were editing; nothing was overwritten.";
    ConflictMine => "Isian Anda", "Yours";
    ConflictTheirs => "Tersimpan", "Saved";
    ConflictSame => "Sama: {0}", "Unchanged: {0}";
    ConflictTookTheirs => "Isian diganti dengan data yang tersimpan", "The form now shows the saved data";
    KeySpace => "Spasi", "Space";

    // ── Key help (the keymap table) ──────────────────────────────────────────
    HelpTitle => "Tombol", "Keys";
    HelpCloseHint => "Esc atau ? untuk menutup", "Esc or ? to close";
    HelpClose => "Tutup", "Close";
    HelpYes => "Ya", "Yes";
    HelpNo => "Tidak", "No";
    HelpTakeTheirs => "Pakai data tersimpan", "Take the saved data";
    HelpKeepMine => "Simpan isian saya", "Save my values";
    HelpBackToForm => "Kembali ke formulir", "Back to the form";
    HelpChoose => "Pilih", "Choose";
    HelpOpen => "Buka", "Open";
    HelpEndSearch => "Selesai mencari", "End search";
    HelpNextField => "Isian berikut", "Next field";
    HelpPrevField => "Isian sebelumnya", "Previous field";
    HelpSubmit => "Berikut / simpan di isian terakhir", "Next / save on the last field";
    HelpSave => "Simpan", "Save";
    HelpPick => "Pilih dari daftar", "Pick from a list";
    HelpCancelForm => "Batal", "Cancel";
    HelpCursor => "Geser kursor", "Move the cursor";
    HelpLineStart => "Ke awal isian", "To the start";
    HelpLineEnd => "Ke akhir isian", "To the end";
    HelpBackspace => "Hapus ke kiri", "Delete left";
    HelpDelete => "Hapus di kursor", "Delete at cursor";
    HelpClearField => "Kosongkan isian", "Clear the field";
    HelpFilterYear => "Saring tahun", "Filter by year";
    HelpFilterType => "Saring jenis", "Filter by type";
    HelpFilterStatus => "Saring status", "Filter by status";
    HelpClearFilters => "Hapus saringan", "Clear filters";
    HelpNextSection => "Bagian berikut", "Next section";
    HelpPrevSection => "Bagian sebelumnya", "Previous section";
    HelpEditProgram => "Ubah data program", "Edit the program";
    HelpEnroll => "Tambah peserta", "Add participants";
    HelpAddBehaviour => "Tambah perilaku", "Add a behaviour";
    HelpUp => "Naik", "Up";
    HelpDown => "Turun", "Down";
    HelpPageUp => "Halaman sebelumnya", "Page up";
    HelpPageDown => "Halaman berikut", "Page down";
    HelpTop => "Ke awal", "To the top";
    HelpBottom => "Ke akhir", "To the bottom";
    HelpSearch => "Cari", "Search";
    HelpNew => "Baru", "New";
    HelpEdit => "Ubah", "Edit";
    HelpDeleteRow => "Hapus", "Delete";
    HelpGoPrograms => "Ke Program", "To Programs";
    HelpGoAsn => "Ke Pegawai", "To Employees";
    HelpGoOpd => "Ke OPD", "To OPDs";
    HelpBack => "Kembali", "Back";
    HelpHelp => "Bantuan tombol", "Key help";
    HelpQuit => "Keluar", "Quit";
    HelpForceQuit => "Keluar dari mana saja", "Quit from anywhere";

    // ── Programs ─────────────────────────────────────────────────────────────
    ProgramFilters => "Tahun: {0} · Jenis: {1} · Status: {2}   (y t s saring, x hapus, / cari)", "Year: {0} · Type: {1} · Status: {2}   (y t s filter, x clear, / search)";
    ProgramCount => "{0} program", "{0} programs";
    ProgramsEmpty => "Belum ada program. Tekan n untuk menambah program.", "No programs yet. Press n to add one.";
    ProgramsNoneMatch => "Tidak ada program yang cocok. Tekan x untuk menghapus saringan.", "No program matches. Press x to clear the filters.";
    ProgramHasParticipants => "Program ini sudah punya peserta; keluarkan peserta dulu", "This program has participants; remove them first";
    ProgramNewTitle => "Program baru", "New program";
    ProgramEditTitle => "Ubah program {0}", "Edit program {0}";
    SectionSummary => "Ringkasan", "Summary";
    SectionObjectives => "Tujuan", "Objectives";
    SectionParticipants => "Peserta", "Participants";
    SectionCosts => "Biaya", "Costs";
    FieldProgramName => "Nama program", "Program name";
    FieldCompetency => "Kompetensi", "Competency";
    FieldAccreditation => "Akreditasi", "Accreditation";
    FieldStart => "Tanggal mulai", "Start date";
    FieldEnd => "Tanggal selesai", "End date";
    FieldDates => "Tanggal", "Dates";
    ProviderWithAccreditation => "{0} · akreditasi {1}", "{0} · accreditation {1}";
    FieldJp => "JP", "JP";
    JpHours => "{0} JP ({1} jam)", "{0} JP ({1} hours)";
    FieldMeanAttendance => "Rata-rata kehadiran", "Mean attendance";
    FieldTotalCost => "Biaya total", "Total cost";
    FieldCostPerParticipant => "Biaya per peserta", "Cost per participant";
    FieldCostPerParticipantJp => "Biaya per peserta per JP", "Cost per participant per JP";
    FieldObjectives => "Jumlah tujuan", "Objectives";
    FieldUpdated => "Terakhir diubah", "Last changed";
    RosterSummary => "{0} orang: {1} lulus, {2} tidak lulus, {3} mundur", "{0}: {1} passed, {2} failed, {3} withdrew";
    RosterEmpty => "Belum ada peserta. Tekan a untuk menambah peserta.", "No participants yet. Press a to add them.";
    ObjectivesEmpty => "Belum ada tujuan. Tekan n untuk menambah tujuan, lalu b untuk perilaku yang dapat diamati.", "No objectives yet. Press n to add one, then b for its observable behaviours.";
    AddObjectiveFirst => "Tambahkan tujuan dulu (n)", "Add an objective first (n)";
    ObjectiveNewTitle => "Tujuan baru", "New objective";
    ObjectiveEditTitle => "Ubah tujuan", "Edit objective";
    BehaviourNewTitle => "Perilaku baru yang dapat diamati", "New observable behaviour";
    BehaviourEditTitle => "Ubah perilaku", "Edit behaviour";
    FieldText => "Teks", "Text";
    CostsEmpty => "Belum ada biaya. Tekan n untuk menambah.", "No costs yet. Press n to add one.";
    CostNewTitle => "Biaya baru", "New cost line";
    FieldCategory => "Kategori", "Category";
    FieldDescription => "Uraian", "Description";
    FieldAmount => "Jumlah (Rp)", "Amount (Rp)";
    EnrollmentTitle => "Peserta: {0}", "Participant: {0}";
    FieldAttendance => "Kehadiran (%)", "Attendance (%)";
    EnrolledOne => "{0} ditambahkan sebagai peserta", "{0} added as a participant";

    // ── Pickers ──────────────────────────────────────────────────────────────
    PickerAsnTitle => "Pilih pegawai", "Choose an employee";
    PickerOpdTitle => "Pilih OPD", "Choose an OPD";
    PickerEnrollTitle => "Tambah peserta — {0} ditambahkan; Esc bila selesai", "Add participants — {0} added; Esc when done";
    PickerAsnPrompt => "NIP atau nama:", "NIP or name:";
    PickerOpdPrompt => "Nama OPD:", "OPD name:";
    PickerEmpty => "Tidak ada yang cocok", "Nothing matches";
    PickerNothing => "Tidak ada yang dipilih", "Nothing is selected";

    // ── Employees ────────────────────────────────────────────────────────────
    AsnSearchLabel => "Cari NIP/nama:", "Find NIP/name:";
    AsnSearchHint => "Ketik angka NIP atau kata dari nama · ↑↓ pilih · Enter buka · Esc selesai mencari", "Type NIP digits or words of the name · ↑↓ choose · Enter open · Esc end search";
    AsnListHint => "/ cari · Enter ubah · n pegawai baru · d hapus", "/ search · Enter edit · n new employee · d delete";
    AsnEmpty => "Belum ada pegawai. Tekan n untuk menambah, atau impor: tilik import participants BERKAS", "No employees yet. Press n to add one, or import: tilik import participants FILE";
    AsnNoneMatch => "Tidak ada pegawai yang cocok", "No employee matches";
    AsnCount => "{0} pegawai", "{0} employees";
    AsnCountLimited => "{0} pegawai pertama; ketik untuk mempersempit", "first {0} employees; type to narrow down";
    AsnDetailLine => "Unit: {0} · Atasan: {1}", "Unit: {0} · Supervisor: {1}";
    AsnNewTitle => "Pegawai baru", "New employee";
    AsnEditTitle => "Ubah data pegawai", "Edit employee";
    FieldNip => "NIP", "NIP";
    FieldKind => "Jenis pegawai", "Employee kind";
    FieldFront => "Gelar depan", "Title before";
    FieldName => "Nama", "Name";
    FieldBack => "Gelar belakang", "Title after";
    FieldJabatan => "Jabatan", "Position";
    FieldLevel => "Jenjang jabatan", "Position level";
    FieldGolongan => "Golongan", "Grade";
    FieldOpd => "Unit/OPD", "Unit/OPD";
    FieldAtasan => "Atasan langsung", "Direct supervisor";
    FieldPhone => "Telepon", "Phone";
    FieldEmail => "Email", "E-mail";
    NipSays => "lahir {0}, TMT {1}, {2}", "born {0}, TMT {1}, {2}";
    NipPppkOk => "Nomor PPPK: 18 digit", "PPPK number: 18 digits";
    NipProgress => "{0} dari 18 digit", "{0} of 18 digits";
    LevelAuto => "Otomatis dari jabatan", "From the position title";
    LevelJptUtama => "JPT utama", "JPT utama";
    LevelJptMadya => "JPT madya", "JPT madya";
    LevelJptPratama => "JPT pratama", "JPT pratama";
    LevelAdministrator => "Administrator", "Administrator";
    LevelPengawas => "Pengawas", "Supervisor (pengawas)";
    LevelPelaksana => "Pelaksana", "Executor (pelaksana)";
    LevelAhliPertama => "Fungsional ahli pertama", "Functional, first expert";
    LevelAhliMuda => "Fungsional ahli muda", "Functional, junior expert";
    LevelAhliMadya => "Fungsional ahli madya", "Functional, senior expert";
    LevelAhliUtama => "Fungsional ahli utama", "Functional, principal expert";
    LevelPemula => "Fungsional pemula", "Functional, beginner";
    LevelTerampil => "Fungsional terampil", "Functional, skilled";
    LevelMahir => "Fungsional mahir", "Functional, proficient";
    LevelPenyelia => "Fungsional penyelia", "Functional, supervisor";

    // ── OPDs ─────────────────────────────────────────────────────────────────
    ColValidity => "Berlaku", "Valid";
    OpdCount => "{0} OPD ({1} tidak berlaku lagi)", "{0} OPDs ({1} no longer in effect)";
    OpdEmpty => "Belum ada OPD. Tekan n untuk menambah.", "No OPDs yet. Press n to add one.";
    OpdHasAsn => "OPD ini masih punya {0} pegawai", "This OPD still has {0} employees";
    OpdNewTitle => "OPD baru", "New OPD";
    OpdEditTitle => "Ubah OPD", "Edit OPD";
    OpdFormHint => "OPD yang digabung atau berganti nama: isi tanggal berakhirnya, lalu buat OPD penggantinya", "For a merged or renamed OPD: set its end date, then add the new one";

    // ── Administration ───────────────────────────────────────────────────────
    ErrBadUsername => "{0} bukan nama akun yang valid", "{0} is not a valid account name";
    ErrUnknownOpd => "OPD {0} tidak ada", "there is no OPD {0}";
    ErrLastAdmin => "harus tetap ada paling sedikit satu admin aktif", "at least one active admin must remain";
    WarnNoSuchAccount => "akun {0} belum ada di server ini; buat akunnya agar ia bisa masuk", "account {0} does not exist on this server yet; create it so that it can log in";
    UserAdded => "{0} terdaftar sebagai {1}", "{0} registered as {1}";
    UserRoleSet => "peran {0} sekarang {1}", "{0} is now {1}";
    UserDisabled => "{0} dinonaktifkan; riwayatnya tetap tersimpan", "{0} is disabled; their history stays";
    UserEnabled => "{0} aktif kembali", "{0} is active again";
    BackupDone => "cadangan {0} dibuat dan diperiksa ({1} byte, skema {2})", "backup {0} written and verified ({1} bytes, schema {2})";
    ErrBackupWrite => "tidak dapat menulis cadangan {0}: {1}", "cannot write the backup {0}: {1}";
    ErrBackupDamaged => "salinan gagal diperiksa ({0}); cadangan tidak disimpan", "the copy failed its check ({0}); no backup was kept";
    CheckOk => "basis data baik: integritas, kunci asing dan aturan tilik terpenuhi", "the database is sound: integrity, foreign keys and tilik's rules hold";
    CheckProblems => "{0} masalah ditemukan", "{0} problem(s) found";
    FindingIntegrity => "kerusakan: {0}", "damage: {0}";
    FindingForeignKey => "rujukan ke data yang tidak ada: {0}", "reference to a missing row: {0}";
    FindingSupervisorLoop => "atasan melingkar (A atasan B, B atasan A) pada NIP {0}", "supervisors form a loop at NIP {0}";
    FindingBadNip => "NIP tidak valid tersimpan: {0}", "invalid NIP stored: {0}";
    FindingNoAdmin => "tidak ada admin aktif{0}", "no active admin{0}";
    FindingUnitHistory => "riwayat unit tidak cocok dengan unit sekarang: NIP {0}", "unit history does not match the current unit: NIP {0}";
    IoPermission => "izin ditolak", "permission denied";
    IoNotFound => "tidak ada", "not found";
    IoNotAFolder => "sebagian jalurnya adalah berkas, bukan folder", "part of the path is a file, not a folder";
    IoReadOnly => "sistem berkas hanya-baca", "read-only file system";
    ColUsername => "Akun", "Account";
    ColRole => "Peran", "Role";
    ColActive => "Aktif", "Active";
    ColOpdScope => "Terbatas pada OPD", "Limited to OPDs";
    FieldOpdScope => "Batas OPD", "OPD limits";
    ColId => "No.", "No.";
    ColAt => "Waktu", "Time";
    ColTable => "Tabel", "Table";
    ColRow => "Baris", "Row";
    ColOp => "Aksi", "Action";
    ColChanges => "Kolom berubah", "Changed columns";
    ColOld => "Lama", "Old";
    ColNew => "Baru", "New";

    // ── Audit and users screens ──────────────────────────────────────────────
    TabAudit => "Audit", "Audit";
    TabUsers => "Pengguna", "Users";
    HelpGoAudit => "Ke Audit", "To Audit";
    HelpGoUsers => "Ke Pengguna", "To Users";
    EntityUnitHistory => "Riwayat unit", "Unit history";
    EntityUserOpd => "Batas OPD pengguna", "User's OPD limit";
    OpInsert => "tambah", "add";
    OpUpdate => "ubah", "change";
    OpDelete => "hapus", "delete";
    FilterFrom => "Dari tanggal", "From";
    FilterTo => "Sampai tanggal", "To";
    AuditFilterHint => "Isi saringan · Tab isian berikut · Enter terapkan · Esc batal", "Fill in the filter · Tab next field · Enter apply · Esc cancel";
    AuditListHint => "/ ubah saringan · Enter riwayat lengkap data itu", "/ change the filter · Enter the record's whole history";
    AuditEmpty => "Tidak ada perubahan yang cocok", "No change matches";
    AuditCount => "{0} perubahan", "{0} changes";
    AuditCountLimited => "{0} perubahan terbaru; persempit saringan untuk yang lebih lama", "the latest {0} changes; narrow the filter for older ones";
    AuditHistoryTitle => "Riwayat {0} #{1}", "History of {0} #{1}";
    UsersHint => "n akun baru · Enter ubah peran/batas OPD · d nonaktifkan/aktifkan", "n new account · Enter change role/OPD limits · d disable/enable";
    UserNewTitle => "Pengguna baru", "New user";
    UserEditTitle => "Ubah pengguna {0}", "Edit user {0}";
    UserFormHint => "Akun = nama login di server · OPD: kode dipisah koma, kosong = semua OPD", "Account = login name on the server · OPDs: codes separated by commas, empty = all";
    ConfirmDisableUser => "Nonaktifkan {0}? Riwayatnya tetap tersimpan.", "Disable {0}? Their history stays.";
    ConfirmEnableUser => "Aktifkan kembali {0}?", "Enable {0} again?";

    // ── Entry of paper forms ─────────────────────────────────────────────────
    TabEntry => "Entri", "Entry";
    TabInstruments => "Instrumen", "Instruments";
    HelpGoEntry => "Ke Entri", "To Entry";
    HelpGoInstruments => "Ke Instrumen", "To Instruments";
    HelpEnterForms => "Entri formulir", "Enter forms";
    HelpChooseRespondent => "Pilih responden", "Choose the respondent";
    HelpNextCandidate => "Calon berikutnya", "Next candidate";
    HelpPrevCandidate => "Calon sebelumnya", "Previous candidate";
    HelpLeaveEntry => "Keluar (draf aman)", "Leave (draft kept)";
    HelpEntryNext => "Lanjut", "Next";
    HelpSaveForm => "Simpan", "Save";
    HelpDitto => "Sama dgn formulir lalu", "Same as the last form";
    HelpDiscardForm => "Buang formulir ini", "Throw this form away";
    HelpGridDown => "Simpan, turun", "Store, move down";
    HelpGridOther => "Ke kolom lain", "To the other column";
    HelpCopyInstrument => "Salin jadi instrumen baru", "Copy into a new instrument";
    PhasePre => "Sebelum (pre)", "Before (pre)";
    PhasePost => "Sesudah (post)", "After (post)";
    PhaseFollowup => "Tindak lanjut", "Follow-up";
    EntryTitle => "Entri formulir", "Form entry";
    EntryVerifyTitle => "Verifikasi (entri kedua)", "Verification (second keying)";
    EntryFirstMode => "entri pertama", "first keying";
    EntryVerifyMode => "verifikasi: entri kedua tanpa melihat entri pertama", "verification: blind second keying";
    EntryProgress => "{0} formulir masuk · {1} peserta belum · {2} disimpan sesi ini", "{0} forms in · {1} participants missing · {2} saved this session";
    EntryRespondent => "Responden:", "Respondent:";
    EntryRespondentHint => "Enter: responden yang disorot · ketik NIP atau nama untuk mencari · ↑↓ pilih", "Enter: the highlighted respondent · type a NIP or name to search · ↑↓ choose";
    EntrySheetHint => "Formulir anonim: nomor lembar {0} (Enter), atau ketik nomor lain", "Anonymous form: sheet number {0} (Enter), or type another";
    EntrySheet => "lembar {0}", "sheet {0}";
    EntryNoRespondent => "Tidak ada peserta yang cocok (atau semua sudah dientri)", "No participant matches (or everyone is entered)";
    EntryMoreCandidates => "… dan {0} lagi; ketik untuk mempersempit", "… and {0} more; type to narrow down";
    EntryAlreadyEntered => "{0} sudah dientri untuk program, instrumen dan tahap ini", "{0} is already entered for this program, instrument and phase";
    EntryBadKey => "Tombol {0} bukan jawaban yang sah di sini; pilih: {1}", "Key {0} is not a valid answer here; use: {1}";
    EntryOutOfRange => "Di luar rentang {0}–{1}", "Outside {0}–{1}";
    EntryUnknownCode => "Kode tidak dikenal; pilih: {0}", "Unknown code; use: {0}";
    EntryRequired => "Butir ini wajib diisi", "This item must be answered";
    EntrySkipped => "Butir {0} dilewati karena jawaban sebelumnya", "Item {0} is skipped because of an earlier answer";
    EntrySkippedMark => "— dilewati —", "— skipped —";
    EntryPressEnterToSave => "Tekan Enter untuk menyimpan formulir, atau ↑ untuk kembali", "Press Enter to save the form, or ↑ to go back";
    EntryNoDitto => "Formulir sebelumnya tidak punya jawaban untuk butir ini", "The previous form has no answer for this item";
    EntryMismatch => "Berbeda dengan entri pertama. Periksa kertasnya dan ketik ulang jawaban ini.", "Differs from the first keying. Check the paper and type this answer again.";
    EntryDiscrepancyKept => "Dicatat sebagai perbedaan; adjudikator akan memutuskan", "Recorded as a discrepancy; an adjudicator will decide";
    EntrySaved => "Formulir {0} tersimpan", "Form {0} saved";
    EntrySaveLine => "Simpan formulir ini (Enter)", "Save this form (Enter)";
    EntrySaveHint => "Enter menyimpan dan membuka formulir berikutnya", "Enter saves and opens the next form";
    EntryConfirmDiscard => "Buang formulir {0} yang sedang diisi?", "Throw away the form of {0} being keyed?";
    EntryLeftDraft => "Formulir yang belum selesai tersimpan sebagai draf dan dibuka lagi saat Anda kembali", "The unfinished form is kept as a draft and reopens when you come back";
    EntryDraftResumed => "Melanjutkan formulir {0} yang belum selesai", "Carrying on with the unfinished form of {0}";
    EntryRange => "Skala {0}–{1}", "Scale {0}–{1}";
    EntryYesNo => "1=ya · 0=tidak", "1=yes · 0=no";
    EntryMultiple => "Beberapa kode dipisah koma, lalu Enter: {0}", "Several codes separated by commas, then Enter: {0}";
    EntryNumberHint => "Angka {0}–{1}, paling banyak {2} desimal, lalu Enter", "A number {0}–{1}, at most {2} decimals, then Enter";
    EntryTextHint => "Ketik teks, lalu Enter (kosong boleh bila tidak wajib)", "Type the text, then Enter (empty is fine when not required)";
    EntryDateHint => "Tanggal dd/mm/yyyy, lalu Enter", "A date dd/mm/yyyy, then Enter";
    SetupTitle => "Entri formulir kertas", "Entering paper forms";
    SetupHint => "Pilih dengan ←/→ atau ketik huruf awal; Tab ke isian berikut; Enter di isian terakhir untuk mulai", "Choose with ←/→ or type a first letter; Tab to the next field; Enter on the last one to start";
    SetupProgram => "Program", "Program";
    SetupInstrument => "Instrumen", "Instrument";
    SetupPhase => "Tahap", "Phase";
    SetupKeying => "Jenis entri", "Keying";
    SetupScores => "Nilai tes pre/post (tabel)", "Pre/post test scores (grid)";
    SetupNeedProgram => "Pilih program dulu", "Choose a program first";
    SetupNeedInstrument => "Pilih instrumen dulu", "Choose an instrument first";
    SetupHelp1 => "Satu tombol per jawaban: angka yang sah langsung tersimpan dan kursor pindah.", "One key per answer: a valid digit is stored at once and the cursor moves on.";
    SetupHelp2 => "Setiap jawaban langsung tersimpan; koneksi putus tidak menghilangkan apa pun.", "Every answer is stored at once; a dropped connection loses nothing.";
    SetupHelp3 => "Verifikasi: operator kedua mengetik ulang tanpa melihat entri pertama.", "Verification: a second clerk keys the forms again without seeing the first keying.";
    ScoresTitle => "Nilai tes {0}", "Test scores {0}";
    ScoresHint => "Ketik nilai 0–100 · Enter/↓ simpan dan turun · Tab kolom lain · Esc selesai", "Type a score 0–100 · Enter/↓ store and move down · Tab other column · Esc done";
    ScoresSummary => "{0} pasangan dari {1} peserta · rata-rata pre {2} · post {3}", "{0} pairs of {1} participants · mean pre {2} · post {3}";

    // ── Instruments ──────────────────────────────────────────────────────────
    ColTitle => "Judul", "Title";
    ColLevel => "Level", "Level";
    ColRevision => "Rev", "Rev";
    ColItems => "Butir", "Items";
    ColForms => "Formulir", "Forms";
    ColShowIf => "Tampil jika", "Show if";
    Anonymous => "Anonim", "Anonymous";
    LevelNeeds => "Kebutuhan", "Needs";
    LevelReaction => "Reaksi", "Reaction";
    LevelLearning => "Pembelajaran", "Learning";
    LevelBehavior => "Perilaku", "Behaviour";
    LevelResults => "Hasil", "Results";
    KindLikert => "Skala Likert", "Likert scale";
    KindYesNo => "Ya/tidak", "Yes/no";
    KindNumber => "Angka", "Number";
    KindChoice => "Pilihan", "Choice";
    KindMultiple => "Pilihan ganda", "Several choices";
    KindText => "Teks", "Text";
    KindDate => "Tanggal", "Date";
    FieldScale => "Skala (mis. 1-4)", "Scale (e.g. 1-4)";
    FieldLabels => "Label (pisah ;)", "Labels (split by ;)";
    FieldRange => "Rentang (mis. 0-100)", "Range (e.g. 0-100)";
    FieldDecimals => "Desimal", "Decimals";
    FieldOptions => "Pilihan (kode=label; …)", "Options (code=label; …)";
    FieldMultiple => "Boleh lebih dari satu", "Several allowed";
    FieldCorrect => "Jawaban benar", "Correct answer";
    FieldRequired => "Wajib", "Required";
    FieldSection => "Bagian", "Section";
    FieldAspect => "Aspek", "Aspect";
    InstrumentsEmpty => "Belum ada instrumen. Admin mengimpor dengan: tilik import instrument BERKAS.toml", "No instruments yet. The admin imports one with: tilik import instrument FILE.toml";
    InstrumentsHint => "Enter lihat butir · c salin jadi instrumen baru (dari templat bawaan atau instrumen lain)", "Enter view items · c copy into a new instrument (from a template or another instrument)";
    InstrumentHint => "n butir baru · Enter/e ubah · d hapus · mengubah instrumen yang sudah berisi formulir membuat revisi baru", "n new item · Enter/e edit · d delete · changing an instrument with forms makes a new revision";
    InstrumentCreated => "Instrumen dibuat", "Instrument created";
    InstrumentNewRevision => "Tersimpan sebagai revisi baru; formulir lama tetap memakai revisi sebelumnya", "Saved as a new revision; earlier forms keep the previous one";
    InstrumentUnchanged => "Tidak ada yang berubah", "Nothing changed";
    InstrumentInvalid => "Instrumen tidak valid: {0}", "The instrument is not valid: {0}";
    InstrumentLastItem => "Instrumen harus punya paling sedikit satu butir", "An instrument needs at least one item";
    ConfirmDeleteItem => "Hapus butir {0} \"{1}\"?", "Delete item {0} \"{1}\"?";
    ItemNewTitle => "Butir baru — {0}", "New item — {0}";
    ItemEditTitle => "Ubah butir — {0}", "Edit item — {0}";
    ItemFormHint => "Isi hanya isian yang sesuai jenisnya; skala/rentang ditulis 1-4", "Fill in only the fields of its type; write scales/ranges as 1-4";
    ItemBadCode => "kode: huruf lalu huruf/angka, paling banyak 16", "code: a letter, then letters/digits, at most 16";
    ItemBadScale => "skala ditulis min-max, mis. 1-4", "write the scale as min-max, e.g. 1-4";
    ItemBadRange => "rentang ditulis min-max, mis. 0-100", "write the range as min-max, e.g. 0-100";
    ItemBadCondition => "tulis seperti R03 >= 3", "write it like R03 >= 3";
    InstrumentCopyTitle => "Instrumen baru dari {0}", "New instrument from {0}";
    InstrumentCopyHint => "Semua butir disalin; ubah butirnya setelah disimpan", "Every item is copied; edit the items after saving";

    // ── Importing instruments, surveys, scores ───────────────────────────────
    AtLineColumn => "baris {0}, kolom {1}: ", "line {0}, column {1}: ";
    AtLine => "baris {0}: ", "line {0}: ";
    InstrumentImported => "instrumen {0} diimpor ({1} butir, revisi {2})", "instrument {0} imported ({1} items, revision {2})";
    InstrumentImportedUpdated => "instrumen {0} diperbarui ({1} butir, revisi {2}; belum ada formulir)", "instrument {0} updated ({1} items, revision {2}; no forms yet)";
    InstrumentImportedRevision => "instrumen {0} punya formulir, jadi disimpan sebagai revisi {2} ({1} butir)", "instrument {0} has forms, so it was saved as revision {2} ({1} items)";
    InstrumentImportedUnchanged => "instrumen {0} tidak berubah ({1} butir, revisi {2})", "instrument {0} is unchanged ({1} items, revision {2})";
    SurveyImported => "{0} formulir baru, {1} diganti, {2} jawaban", "{0} new forms, {1} replaced, {2} answers";
    ScoresImported => "nilai {0} peserta disimpan", "scores of {0} participants stored";

    DefMissingCode => "kode instrumen (code) belum diisi", "the instrument's code is missing";
    DefMissingTitle => "judul instrumen (title) belum diisi", "the instrument's title is missing";
    DefNoItems => "instrumen belum punya butir ([[items]])", "the instrument has no items ([[items]])";
    DefBadItemCode => "kode butir {0} tidak valid (huruf lalu huruf/angka, paling banyak 16)", "item code {0} is not valid (a letter, then letters/digits, at most 16)";
    DefDuplicateItem => "kode butir {0} dipakai dua kali", "item code {0} is used twice";
    DefEmptyScale => "butir {0}: skala kosong atau tidak valid (contoh: scale = [1, 5])", "item {0}: the scale is empty or invalid (e.g. scale = [1, 5])";
    DefLabelCount => "butir {0}: {1} label untuk {2} titik skala", "item {0}: {1} labels for {2} scale points";
    DefMinAboveMax => "butir {0}: min lebih besar dari max", "item {0}: min is above max";
    DefNoOptions => "butir {0}: belum ada pilihan (options)", "item {0}: no options";
    DefDuplicateOption => "butir {0}: pilihan {1} muncul dua kali", "item {0}: option {1} appears twice";
    DefBadCorrect => "butir {0}: jawaban benar {1} bukan salah satu pilihan", "item {0}: the correct answer {1} is not one of the options";
    DefBadCondition => "syarat tampil {0} tidak valid (contoh: show_if = \"R03 >= 3\")", "the condition {0} is not valid (e.g. show_if = \"R03 >= 3\")";
    DefConditionOrder => "butir {0}: syarat merujuk {1}, yang bukan butir sebelumnya", "item {0}: the condition refers to {1}, which is not an earlier item";
    DefMissingText => "butir {0}: teks pertanyaan belum diisi", "item {0}: the question text is missing";
    DefUnknownLevel => "level {0} tidak dikenal (needs, reaction, learning, behavior, results)", "unknown level {0} (needs, reaction, learning, behavior, results)";
    DefUnknownType => "butir {0}: jenis {1} tidak dikenal (likert, yesno, number, choice, text, date)", "item {0}: unknown type {1} (likert, yesno, number, choice, text, date)";
    DefToml => "berkas TOML tidak valid: {0}", "the TOML file is not valid: {0}";
    ErrFileWrite => "tidak dapat menulis {0}: {1}", "cannot write {0}: {1}";
}
