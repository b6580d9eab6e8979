//! What admins review (R2): the skills report of an organisation, with the
//! latency of R6 and D7, and competency status against a small catalogue of
//! requirements (R3): an organisation meets a requirement by having people
//! with linked MCIDs (or Partner University access) whose proofs count.

use super::audit::Actor;
use super::clock::Time;
use super::model::*;
use super::refusal::Refusal;
use super::users::acting_admin;
use chrono::Duration;

/// R6/D7: proofs that exist at association appear within this.
pub const EXISTING_WITHIN: Duration = Duration::hours(72);
/// R6/D7: newly passed proofs appear between these after being passed.
pub const NEWLY_PASSED_FROM: Duration = Duration::days(7);
pub const NEWLY_PASSED_TO: Duration = Duration::days(10);

/// Where Partner Center recognises a proof from (the only two sources).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SkillSource {
    MicrosoftLearning,
    PartnerUniversity,
}

/// Whether a row counts yet (D7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowStatus {
    /// Counts since `since`.
    Counts { since: Time },
    /// Pending: expected in the window `from`..`to`, at `expected`.
    Pending { from: Time, to: Time, expected: Time },
}

/// One row of the skills report: a person and one proof of skill.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkillsRow {
    pub person: String,
    pub account: AccountId,
    /// The MCID, for Microsoft Learning rows.
    pub mcid: Option<McidId>,
    pub source: SkillSource,
    pub kind: CredentialKind,
    pub code: String,
    pub title: String,
    pub passed_on: Time,
    /// "Associated in PMC": the MCID is linked to the membership.
    pub associated_in_pmc: bool,
    /// "Associated in PC": the person still has a Partner Center account.
    pub associated_in_pc: bool,
    pub status: RowStatus,
    /// "Relevant for Competencies (Option) or Programs".
    pub relevant_for: Vec<&'static str>,
}

impl SkillsRow {
    pub fn counts(&self) -> bool {
        matches!(self.status, RowStatus::Counts { .. })
    }
}

/// The skills report of one organisation at one moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkillsReport {
    pub org: MpnId,
    pub at: Time,
    pub rows: Vec<SkillsRow>,
}

impl SkillsReport {
    /// True when nobody has skills data: the report then tells users to
    /// check that they associated their accounts.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// A competency requirement (R3): `people_needed` people, each with at
/// least one counted proof among `any_of`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Requirement {
    pub name: &'static str,
    pub people_needed: u32,
    pub any_of: &'static [&'static str],
}

/// The catalogue Certlink's scenarios use; program names are not translated.
pub const CATALOGUE: [Requirement; 4] = [
    Requirement { name: "Cloud Platform", people_needed: 2, any_of: &["AZ-104", "AZ-305"] },
    Requirement { name: "Modern Work", people_needed: 2, any_of: &["MS-102", "MS-900", "MS-700"] },
    Requirement { name: "Security", people_needed: 1, any_of: &["SC-900", "SC-200", "PU-SEC-101"] },
    Requirement { name: "Data Analytics", people_needed: 1, any_of: &["PL-300", "DP-900", "PU-DATA-201"] },
];

/// The proofs the requirements name, with their titles: what the trainer
/// may mark as passed for a person (D7).
pub const PROOFS: [(&str, &str, CredentialKind); 11] = [
    ("AZ-104", "Microsoft Azure Administrator", CredentialKind::Exam),
    ("AZ-305", "Azure Solutions Architect Expert", CredentialKind::Exam),
    ("MS-102", "Microsoft 365 Administrator", CredentialKind::Exam),
    ("MS-900", "Microsoft 365 Fundamentals", CredentialKind::Exam),
    ("MS-700", "Managing Microsoft Teams", CredentialKind::Exam),
    ("SC-900", "Security, Compliance, and Identity Fundamentals", CredentialKind::Exam),
    ("SC-200", "Microsoft Security Operations Analyst", CredentialKind::Exam),
    ("PL-300", "Power BI Data Analyst Associate", CredentialKind::Exam),
    ("DP-900", "Azure Data Fundamentals", CredentialKind::Exam),
    ("PU-SEC-101", "Partner University: Security foundations", CredentialKind::Assessment),
    ("PU-DATA-201", "Partner University: Data and AI solutions", CredentialKind::Assessment),
];

/// One requirement's status (R3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompetencyStatus {
    pub requirement: Requirement,
    /// People with a proof that counts now.
    pub people_counted: u32,
    /// People whose only qualifying proofs are still pending (D7).
    pub people_pending: u32,
    pub met: bool,
}

/// R2 + R5: the admin may review this organisation's reports.
fn admin_of<'a>(state: &'a State, actor: &Actor, org: &MpnId) -> Result<&'a WorkAccount, Refusal> {
    let admin = acting_admin(state, actor)?;
    if &admin.org != org {
        return Err(Refusal::NotInOrganisation { org: org.clone() });
    }
    Ok(admin)
}

/// R2: the skills report of `org` at `now`, for an admin of `org`.
pub fn skills_report(state: &State, actor: &Actor, org: &MpnId, now: Time) -> Result<SkillsReport, Refusal> {
    admin_of(state, actor, org)?;
    Ok(build_skills_report(state, org, now))
}

/// One proof of skill as the report sees it, before it becomes a row.
#[derive(Clone, Copy)]
struct Proof<'a> {
    account: &'a WorkAccount,
    mcid: Option<&'a McidId>,
    source: SkillSource,
    credential: &'a Credential,
    status: RowStatus,
}

/// Walks every proof of `org` at `now`, person by person in report order
/// (name, then work email), each person's proofs by source and code. The
/// report and the competency status both read this one traversal.
fn for_each_proof<'a>(state: &'a State, org: &MpnId, now: Time, mut visit: impl FnMut(Proof<'a>)) {
    let data = state.data();
    let people: Vec<&WorkAccount> = data.accounts.values().filter(|a| &a.org == org).collect();
    let names: Vec<String> = people.iter().map(|a| super::folded(&a.display_name)).collect();
    let by_name = super::in_order(people.len(), &|a, b| (&names[a], &people[a].id).cmp(&(&names[b], &people[b].id)));
    let mut proofs: Vec<Proof<'a>> = Vec::new();
    for account in by_name.into_iter().map(|i| people[i]) {
        // Microsoft Learning: the MCID linked through this account, even one
        // since deleted (R13: it "still appears" until removed).
        let link = account.linked_mcid.as_ref().and_then(|m| data.links.get(m)).filter(|l| &l.org == org);
        if let Some((link, profile)) = link.and_then(|l| data.profiles.get(&l.mcid).map(|p| (l, p))) {
            for credential in profile.credentials.iter().filter(|c| c.passed_on <= now) {
                let status = latency(credential.passed_on, link.since, [link.mcid.as_str(), &credential.code], now);
                let source = SkillSource::MicrosoftLearning;
                proofs.push(Proof { account, mcid: Some(&link.mcid), source, credential, status });
            }
        }
        // Partner University: accounts still in Partner Center with access.
        // The MCID and "Associated in PMC" are the person's, on each of
        // their rows.
        let linked = link.map(|l| &l.mcid);
        let pu = account.partner_university_since.filter(|_| !account.is_deleted());
        if let Some((since, pu)) = pu.and_then(|s| data.partner_university.get(account.id.as_str()).map(|p| (s, p))) {
            for credential in pu.assessments.iter().filter(|c| c.passed_on <= now) {
                let status = latency(credential.passed_on, since, [pu.username.as_str(), &credential.code], now);
                let source = SkillSource::PartnerUniversity;
                proofs.push(Proof { account, mcid: linked, source, credential, status });
            }
        }
        let by_code = super::in_order(proofs.len(), &|a, b| {
            (proofs[a].source, &proofs[a].credential.code).cmp(&(proofs[b].source, &proofs[b].credential.code))
        });
        by_code.into_iter().for_each(|i| visit(proofs[i]));
        proofs.clear();
    }
}

/// The report itself, without the R2 check.
fn build_skills_report(state: &State, org: &MpnId, now: Time) -> SkillsReport {
    let mut rows = Vec::new();
    for_each_proof(state, org, now, |p| {
        rows.push(SkillsRow {
            person: p.account.display_name.clone(),
            account: p.account.id.clone(),
            mcid: p.mcid.cloned(),
            source: p.source,
            kind: p.credential.kind,
            code: p.credential.code.clone(),
            title: p.credential.title.clone(),
            passed_on: p.credential.passed_on,
            associated_in_pmc: p.mcid.is_some(),
            associated_in_pc: !p.account.is_deleted(),
            status: p.status,
            relevant_for: relevant_for(&p.credential.code),
        })
    });
    SkillsReport { org: org.clone(), at: now, rows }
}

/// Which requirements of the catalogue a proof's code counts for.
fn relevant_for(code: &str) -> Vec<&'static str> {
    CATALOGUE.iter().filter(|r| r.any_of.contains(&code)).map(|r| r.name).collect()
}

/// D7: when a proof appears in the report. One that existed when access
/// was granted appears within 72 hours of it; one passed later appears 7 to
/// 10 days after it was passed. The moment inside the window is drawn from
/// a hash of `key`, so the same inputs always give the same moment.
pub fn latency(passed_on: Time, associated_at: Time, key: [&str; 2], now: Time) -> RowStatus {
    let (from, span) = if passed_on <= associated_at {
        (associated_at, EXISTING_WITHIN)
    } else {
        (passed_on + NEWLY_PASSED_FROM, NEWLY_PASSED_TO - NEWLY_PASSED_FROM)
    };
    let seed = key.iter().fold(FNV_OFFSET, |h, part| fnv1a(h, part.as_bytes())) ^ (from.timestamp() as u64);
    let minutes = (fnv1a(FNV_OFFSET, &seed.to_le_bytes()) % span.num_minutes() as u64) as i64;
    let expected = from + Duration::minutes(minutes);
    if expected <= now {
        RowStatus::Counts { since: expected }
    } else {
        RowStatus::Pending { from, to: from + span, expected }
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a, 64 bits, continuing from `h`: a stable, dependency-free hash for
/// D7's moments.
fn fnv1a(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, &b| (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3))
}

/// R2 + R3: each requirement of the catalogue, met or not, with counts.
pub fn competency_status(
    state: &State,
    actor: &Actor,
    org: &MpnId,
    now: Time,
) -> Result<Vec<CompetencyStatus>, Refusal> {
    admin_of(state, actor, org)?;
    // Proofs come person by person, so "counted" and "pending" per person
    // are settled when the next person starts.
    let mut counted = [0u32; CATALOGUE.len()];
    let mut pending = [0u32; CATALOGUE.len()];
    let mut person: Option<&AccountId> = None;
    let mut this_person = [(false, false); CATALOGUE.len()];
    let mut settle = |flags: &mut [(bool, bool); CATALOGUE.len()]| {
        for (i, (counts, waits)) in flags.iter_mut().enumerate() {
            counted[i] += *counts as u32;
            pending[i] += (*waits && !*counts) as u32;
            (*counts, *waits) = (false, false);
        }
    };
    for_each_proof(state, org, now, |p| {
        if person != Some(&p.account.id) {
            settle(&mut this_person);
            person = Some(&p.account.id);
        }
        for (i, req) in CATALOGUE.iter().enumerate() {
            if req.any_of.contains(&p.credential.code.as_str()) {
                let flags = &mut this_person[i];
                if matches!(p.status, RowStatus::Counts { .. }) {
                    flags.0 = true
                } else {
                    flags.1 = true
                }
            }
        }
    });
    settle(&mut this_person);
    Ok(CATALOGUE
        .iter()
        .enumerate()
        .map(|(i, req)| CompetencyStatus {
            requirement: *req,
            people_counted: counted[i],
            people_pending: pending[i],
            met: counted[i] >= req.people_needed,
        })
        .collect())
}

/// Reads an ISO date (`2026-11-27`, as `<input type="date">` gives it) as
/// midnight UTC (D1).
pub fn parse_iso_date(value: &str) -> Option<Time> {
    let mut parts = value.splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    chrono::NaiveDate::from_ymd_opt(y as i32, m, d).and_then(|d| d.and_hms_opt(0, 0, 0)).map(|t| t.and_utc())
}

/// `2026-11-27`: written by hand, since chrono's `format` machinery costs
/// far more wasm than this line.
pub fn iso_date(at: Time) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}-{:02}", at.year(), at.month(), at.day())
}

/// The words of the skills report's CSV file in one language (the i18n
/// tables hold them), and the separator that language's spreadsheets split
/// a file on.
pub struct CsvWords {
    pub separator: char,
    /// Name, work email, MCID, source, type, code, title, passed on,
    /// associated in PMC, associated in PC, status, counts from, expected
    /// between, relevant for.
    pub header: [&'static str; 14],
    pub yes: &'static str,
    pub no: &'static str,
    pub counts: &'static str,
    pub pending: &'static str,
    pub microsoft_learning: &'static str,
    pub partner_university: &'static str,
    pub exam: &'static str,
    pub certification: &'static str,
    pub assessment: &'static str,
}

/// The skills report as the CSV file admins download: UTF-8 with a byte
/// order mark (so spreadsheets read accents right), one row per person and
/// proof, in `words`' language and with its separator.
pub fn skills_report_csv(report: &SkillsReport, words: &CsvWords) -> String {
    let mut out = String::from("\u{feff}");
    let sep = words.separator;
    push_csv_line(&mut out, sep, words.header.iter().map(|h| h.to_string()));
    let day = iso_date;
    let yes_no = |b: bool| if b { words.yes } else { words.no }.to_string();
    for row in &report.rows {
        let (status, counts_from, window) = match row.status {
            RowStatus::Counts { since } => (words.counts.to_string(), day(since), String::new()),
            RowStatus::Pending { from, to, .. } => {
                (words.pending.to_string(), String::new(), format!("{} - {}", day(from), day(to)))
            }
        };
        push_csv_line(
            &mut out,
            sep,
            [
                row.person.clone(),
                row.account.to_string(),
                row.mcid.as_ref().map(|m| m.to_string()).unwrap_or_default(),
                match row.source {
                    SkillSource::MicrosoftLearning => words.microsoft_learning,
                    SkillSource::PartnerUniversity => words.partner_university,
                }
                .to_string(),
                match row.kind {
                    CredentialKind::Exam => words.exam,
                    CredentialKind::Certification => words.certification,
                    CredentialKind::Assessment => words.assessment,
                }
                .to_string(),
                row.code.clone(),
                row.title.clone(),
                day(row.passed_on),
                yes_no(row.associated_in_pmc),
                yes_no(row.associated_in_pc),
                status,
                counts_from,
                window,
                row.relevant_for.join("; "),
            ],
        );
    }
    out
}

/// One record: every cell through [`csv_cell`], separated by `sep` and
/// ended by CRLF, as RFC 4180 writes them (with its comma, in English).
fn push_csv_line(out: &mut String, sep: char, cells: impl IntoIterator<Item = String>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        out.push_str(&csv_cell(&cell));
    }
    out.push_str("\r\n");
}

/// The characters that make a spreadsheet read a cell as a formula when
/// they come first (OWASP's CSV-injection list).
pub const FORMULA_PREFIXES: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One CSV cell, the only way a field enters the file. NUL characters are
/// dropped (spreadsheets cut or refuse text at them). A cell that begins
/// with a formula prefix gets a leading quote mark, which spreadsheets take
/// as "this is text". Then the cell is always quoted, as RFC 4180 allows,
/// with its quotes doubled: a spreadsheet that splits on another separator
/// (`;` in French, a tab) still reads a record's first field, the person's
/// name, as one cell.
///
/// No field of the report is a signed number: the dates are read and typed
/// with four-digit years, so none starts with `-`. A date that did (a year
/// before 0) would be read as arithmetic (`-0001-01-01` is -3), so the mark
/// is right for it too, and every field is treated alike.
pub fn csv_cell(value: &str) -> String {
    let value = value.replace('\0', "");
    let mut cell = String::with_capacity(value.len() + 3);
    cell.push('"');
    if value.starts_with(FORMULA_PREFIXES) {
        cell.push('\'');
    }
    cell.push_str(&value.replace('"', "\"\""));
    cell.push('"');
    cell
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn r2_csv_cells_never_become_formulas_and_are_quoted() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+33 1"), "\"'+33 1\"");
        assert_eq!(csv_cell("-1"), "\"'-1\"");
        assert_eq!(csv_cell("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(csv_cell("\tx"), "\"'\tx\"");
        assert_eq!(csv_cell("\rx"), "\"'\rx\"");
        assert_eq!(csv_cell("\0=1"), "\"'=1\"");
        assert_eq!(csv_cell("a\0b"), "\"ab\"");
        assert_eq!(csv_cell("Moreau, Mia"), "\"Moreau, Mia\"");
        assert_eq!(csv_cell("Zoë"), "\"Zoë\"");
        assert_eq!(csv_cell(""), "\"\"");
    }

    #[test]
    fn d7_latency_is_deterministic_and_inside_its_window() {
        let assoc = chrono::Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap();
        for code in ["AZ-104", "MS-900", "SC-900", "PL-300"] {
            let RowStatus::Pending { from, to, expected } =
                latency(assoc - Duration::days(30), assoc, ["985001234", code], assoc)
            else {
                panic!("a proof is pending at the moment of association");
            };
            assert!(from <= expected && expected < to && to - from == EXISTING_WITHIN);
            assert_eq!(
                latency(assoc - Duration::days(30), assoc, ["985001234", code], assoc + EXISTING_WITHIN),
                RowStatus::Counts { since: expected }
            );
            let passed = assoc + Duration::days(2);
            let RowStatus::Pending { from, expected, .. } = latency(passed, assoc, ["985001234", code], passed) else {
                panic!()
            };
            assert_eq!(from, passed + NEWLY_PASSED_FROM);
            assert!(expected < passed + NEWLY_PASSED_TO);
        }
    }
}
