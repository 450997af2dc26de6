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
    DemoFilled => "data demo: {0} OPD, {1} pegawai, {2} program, {3} peserta", "demo data: {0} OPDs, {1} employees, {2} programs, {3} enrollments";

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
}
