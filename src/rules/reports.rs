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

/// The report itself, without the R2 check (for the competency status).
fn build_skills_report(state: &State, org: &MpnId, now: Time) -> SkillsReport {
    let data = state.data();
    let mut rows = Vec::new();
    // Microsoft Learning rows: every MCID linked to the membership, even
    // through an account since deleted (R13: it "still appears").
    for link in data.links.values().filter(|l| &l.org == org) {
        let (Some(profile), Some(account)) = (data.profiles.get(&link.mcid), data.accounts.get(&link.account)) else {
            continue;
        };
        for credential in profile.credentials.iter().filter(|c| c.passed_on <= now) {
            let key = format!("{}|{}", link.mcid, credential.code);
            rows.push(row(
                account,
                Some(&link.mcid),
                SkillSource::MicrosoftLearning,
                credential,
                link.since,
                &key,
                now,
            ));
        }
    }
    // Partner University rows: accounts of the organisation with access.
    for account in data.accounts.values().filter(|a| &a.org == org && !a.is_deleted()) {
        let Some(since) = account.partner_university_since else { continue };
        let Some(pu) = data.partner_university.get(account.id.as_str()) else { continue };
        for credential in pu.assessments.iter().filter(|c| c.passed_on <= now) {
            let key = format!("{}|{}", pu.username, credential.code);
            rows.push(row(account, None, SkillSource::PartnerUniversity, credential, since, &key, now));
        }
    }
    rows.sort_by(|a, b| (&a.person, &a.account, a.source, &a.code).cmp(&(&b.person, &b.account, b.source, &b.code)));
    SkillsReport { org: org.clone(), at: now, rows }
}

fn row(
    account: &WorkAccount,
    mcid: Option<&McidId>,
    source: SkillSource,
    credential: &Credential,
    associated_at: Time,
    key: &str,
    now: Time,
) -> SkillsRow {
    let status = latency(credential.passed_on, associated_at, key, now);
    SkillsRow {
        person: account.display_name.clone(),
        account: account.id.clone(),
        mcid: mcid.cloned(),
        source,
        kind: credential.kind,
        code: credential.code.clone(),
        title: credential.title.clone(),
        passed_on: credential.passed_on,
        associated_in_pmc: mcid.is_some(),
        associated_in_pc: !account.is_deleted(),
        status,
        relevant_for: CATALOGUE
            .iter()
            .filter(|r| r.any_of.contains(&credential.code.as_str()))
            .map(|r| r.name)
            .collect(),
    }
}

/// D7: when a proof appears in the report. One that existed when access
/// was granted appears within 72 hours of it; one passed later appears 7 to
/// 10 days after it was passed. The moment inside the window is drawn from
/// a hash of `key`, so the same inputs always give the same moment.
pub fn latency(passed_on: Time, associated_at: Time, key: &str, now: Time) -> RowStatus {
    let (from, span) = if passed_on <= associated_at {
        (associated_at, EXISTING_WITHIN)
    } else {
        (passed_on + NEWLY_PASSED_FROM, NEWLY_PASSED_TO - NEWLY_PASSED_FROM)
    };
    let seed = fnv1a(key.as_bytes()) ^ (from.timestamp() as u64);
    let minutes = (fnv1a(&seed.to_le_bytes()) % span.num_minutes() as u64) as i64;
    let expected = from + Duration::minutes(minutes);
    if expected <= now {
        RowStatus::Counts { since: expected }
    } else {
        RowStatus::Pending { from, to: from + span, expected }
    }
}

/// FNV-1a, 64 bits: a stable, dependency-free hash for D7's moments.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3))
}

/// R2 + R3: each requirement of the catalogue, met or not, with counts.
pub fn competency_status(
    state: &State,
    actor: &Actor,
    org: &MpnId,
    now: Time,
) -> Result<Vec<CompetencyStatus>, Refusal> {
    admin_of(state, actor, org)?;
    Ok(competency_of_report(&build_skills_report(state, org, now)))
}

/// R3 from a report already built: people counted per requirement.
pub fn competency_of_report(report: &SkillsReport) -> Vec<CompetencyStatus> {
    CATALOGUE
        .iter()
        .map(|req| {
            let mut counted: Vec<&AccountId> = Vec::new();
            let mut pending: Vec<&AccountId> = Vec::new();
            for row in report.rows.iter().filter(|r| req.any_of.contains(&r.code.as_str())) {
                if row.counts() {
                    counted.push(&row.account)
                } else {
                    pending.push(&row.account)
                }
            }
            counted.sort();
            counted.dedup();
            pending.sort();
            pending.dedup();
            pending.retain(|a| counted.binary_search(a).is_err());
            let people_counted = counted.len() as u32;
            CompetencyStatus {
                requirement: *req,
                people_counted,
                people_pending: pending.len() as u32,
                met: people_counted >= req.people_needed,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn d7_latency_is_deterministic_and_inside_its_window() {
        let assoc = chrono::Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap();
        for code in ["AZ-104", "MS-900", "SC-900", "PL-300"] {
            let RowStatus::Pending { from, to, expected } = latency(assoc - Duration::days(30), assoc, code, assoc)
            else {
                panic!("a proof is pending at the moment of association");
            };
            assert!(from <= expected && expected < to && to - from == EXISTING_WITHIN);
            assert_eq!(
                latency(assoc - Duration::days(30), assoc, code, assoc + EXISTING_WITHIN),
                RowStatus::Counts { since: expected }
            );
            let passed = assoc + Duration::days(2);
            let RowStatus::Pending { from, expected, .. } = latency(passed, assoc, code, passed) else { panic!() };
            assert_eq!(from, passed + NEWLY_PASSED_FROM);
            assert!(expected < passed + NEWLY_PASSED_TO);
        }
    }
}
