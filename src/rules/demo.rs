//! The built-in demo scenario: Contoso and Fabrikam, their admins and
//! users, and people whose MCIDs cover every FAQ case of the source. Its
//! history is made by running the commands themselves at past times, so the
//! audit trail already tells how each person got where they are.
//!
//! Demo passwords (D2 keeps only salted hashes of them):
//! every work account: `Partner#2026`; every Microsoft Learning account:
//! `Learn#2026`, except Sam's, which shares his Partner University (work)
//! credentials (R9).

use super::audit::Actor;
use super::clock::Time;
use super::command::Command;
use super::credentials::PasswordHash;
use super::model::*;
use super::scenario::Scenario;
use chrono::Duration;

pub const WORK_PASSWORD: &str = "Partner#2026";
pub const LEARN_PASSWORD: &str = "Learn#2026";
pub const CONTOSO: &str = "1234567";
pub const FABRIKAM: &str = "7654321";

/// A demo account as the sign-in page lists it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DemoAccount {
    pub email: &'static str,
    pub name: &'static str,
    pub org: &'static str,
    pub role: Role,
    /// The FAQ case this person shows, as the rule it illustrates.
    pub shows: super::refusal::Rule,
}

use super::refusal::Rule;

/// Every demo work account, in the order the sign-in page lists them.
pub const ACCOUNTS: [DemoAccount; 11] = [
    DemoAccount {
        email: "grace@contoso.com",
        name: "Grace Garcia",
        org: CONTOSO,
        role: Role::GlobalAdmin,
        shows: Rule::R13,
    },
    DemoAccount {
        email: "adam@contoso.com",
        name: "Adam Adebayo",
        org: CONTOSO,
        role: Role::MpnPartnerAdmin,
        shows: Rule::R2,
    },
    DemoAccount { email: "priya@contoso.com", name: "Priya Patel", org: CONTOSO, role: Role::User, shows: Rule::R8 },
    DemoAccount { email: "sam@contoso.com", name: "Sam Sato", org: CONTOSO, role: Role::User, shows: Rule::R9 },
    DemoAccount { email: "leo@contoso.com", name: "Leo Laurent", org: CONTOSO, role: Role::User, shows: Rule::R13 },
    DemoAccount { email: "lena@contoso.com", name: "Lena Lindqvist", org: CONTOSO, role: Role::User, shows: Rule::R15 },
    DemoAccount { email: "chen@contoso.com", name: "Chen Li", org: CONTOSO, role: Role::User, shows: Rule::R3 },
    DemoAccount { email: "mia@contoso.com", name: "Mia Moreau", org: CONTOSO, role: Role::User, shows: Rule::R12 },
    DemoAccount {
        email: "fiona@fabrikam.com",
        name: "Fiona Fischer",
        org: FABRIKAM,
        role: Role::GlobalAdmin,
        shows: Rule::R13,
    },
    DemoAccount {
        email: "felix@fabrikam.com",
        name: "Felix Ferreira",
        org: FABRIKAM,
        role: Role::MpnPartnerAdmin,
        shows: Rule::R2,
    },
    DemoAccount { email: "mia@fabrikam.com", name: "Mia Moreau", org: FABRIKAM, role: Role::User, shows: Rule::R12 },
];

/// The invitation nobody answered (R14): sent to a mistyped address.
pub const UNANSWERED_INVITATION: &str = "noah@contso.com";

fn salt(username: &str) -> String {
    // Demo salts are fixed so the demo is the same on every machine; a
    // salt only has to differ between users, and a username does. (The
    // stored form then needs no salt: it is the owner's name.)
    username.to_lowercase()
}

fn credential(code: &str, title: &str, kind: CredentialKind, passed_on: Time) -> Credential {
    Credential { code: code.into(), title: title.into(), kind, passed_on }
}

fn profile(mcid: &str, username: &str, password: &str, holder: &str, credentials: Vec<Credential>) -> McidProfile {
    McidProfile {
        mcid: McidId(mcid.into()),
        username: username.into(),
        password: PasswordHash::new(password, &salt(username)),
        holder_name: holder.into(),
        credentials,
        associations: Vec::new(),
    }
}

/// The farthest back the demo's dates reach from its `now`, in days (an
/// exam passed 700 days ago), with room to spare.
const REACH_DAYS: i64 = 800;

/// The demo's `now`: the scenario clock's, or, when that clock is so near
/// the first date Certlink keeps (D1) that the demo's past would fall before
/// it, the first moment whose past is all in range. Otherwise the demo
/// would hold dates that a save cannot read back.
fn within_range(now: Time) -> Time {
    now.max(super::range::EARLIEST + Duration::days(REACH_DAYS))
}

/// The starting state, before any history: organisations, accounts,
/// Microsoft Learning and Partner University accounts.
pub fn initial_state(now: Time) -> State {
    use CredentialKind::*;
    let now = within_range(now);
    let ago = |days: i64| now - Duration::days(days);
    let mut state = State::default();
    state.add_organisation(Organisation { mpn_id: MpnId(CONTOSO.into()), name: "Contoso".into() });
    state.add_organisation(Organisation { mpn_id: MpnId(FABRIKAM.into()), name: "Fabrikam".into() });
    for demo in ACCOUNTS {
        state.add_account(WorkAccount {
            id: AccountId::from_email(demo.email),
            display_name: demo.name.into(),
            org: MpnId(demo.org.into()),
            role: demo.role,
            state: AccountState::Active,
            password: PasswordHash::new(WORK_PASSWORD, &salt(demo.email)),
            partner_university_since: None,
            linked_mcid: None,
            last_mcid: None,
        });
    }
    let profiles = [
        profile(
            "985001234",
            "priya.patel@outlook.com",
            LEARN_PASSWORD,
            "Priya Patel",
            vec![
                credential("AZ-900", "Microsoft Azure Fundamentals", Exam, ago(400)),
                credential("AZ-104", "Microsoft Azure Administrator", Certification, ago(120)),
            ],
        ),
        // Sam's Microsoft Learning account is his work identity (R9).
        profile(
            "985002345",
            "sam@contoso.com",
            WORK_PASSWORD,
            "Sam Sato",
            vec![credential("SC-900", "Security, Compliance, and Identity Fundamentals", Exam, ago(90))],
        ),
        profile(
            "985003456",
            "leo.laurent@outlook.com",
            LEARN_PASSWORD,
            "Leo Laurent",
            vec![
                credential("MS-900", "Microsoft 365 Fundamentals", Exam, ago(500)),
                credential("MS-102", "Microsoft 365 Administrator", Certification, ago(300)),
            ],
        ),
        profile(
            "985004567",
            "lena.lindqvist@outlook.com",
            LEARN_PASSWORD,
            "Lena Lindqvist",
            vec![credential("PL-300", "Power BI Data Analyst Associate", Certification, ago(420))],
        ),
        profile(
            "985005678",
            "chen.li@outlook.com",
            LEARN_PASSWORD,
            "Chen Li",
            vec![
                credential("AZ-104", "Microsoft Azure Administrator", Certification, ago(700)),
                credential("AZ-305", "Azure Solutions Architect Expert", Certification, ago(200)),
                credential("MS-900", "Microsoft 365 Fundamentals", Exam, ago(650)),
            ],
        ),
        profile(
            "985006789",
            "mia.moreau@outlook.com",
            LEARN_PASSWORD,
            "Mia Moreau",
            vec![
                credential("AZ-900", "Microsoft Azure Fundamentals", Exam, ago(365)),
                credential("DP-900", "Azure Data Fundamentals", Exam, ago(150)),
            ],
        ),
    ];
    for p in profiles {
        state.add_profile(p);
    }
    for (username, assessments) in [
        (
            "sam@contoso.com",
            vec![credential("PU-SEC-101", "Partner University: Security foundations", Assessment, ago(60))],
        ),
        (
            "chen@contoso.com",
            vec![credential("PU-DATA-201", "Partner University: Data and AI solutions", Assessment, ago(45))],
        ),
    ] {
        state.add_partner_university_account(PartnerUniversityAccount { username: username.into(), assessments });
    }
    state
}

/// The demo scenario at `now`: the starting state plus the history that
/// puts each person where their FAQ case begins.
pub fn scenario(now: Time) -> Scenario {
    let now = within_range(now);
    let mut scenario = Scenario::new(initial_state(now));
    let ago = |days: i64| now - Duration::days(days);
    let link = |email: &str, username: &str| Command::LinkMcid {
        account: AccountId::from_email(email),
        username: username.into(),
        password: LEARN_PASSWORD.into(),
    };
    let unlink = |email: &str| Command::RemoveAccess { account: AccountId::from_email(email) };
    // Written oldest first, as it is played: a scenario's events go forward
    // in time (D1), so one out of order is refused below, which every test
    // that builds the demo catches.
    // Lena: three associations in the last year; the fourth must wait (R15).
    // Leo, about to leave Contoso, is linked there (R13). Chen counts for
    // Contoso's competencies (R3), with Partner University too. Mia worked
    // at Contoso, linked there; she now works at Fabrikam (R12). Noah's
    // invitation went to a mistyped address and is never answered (R14).
    let lena = || Actor::account("lena@contoso.com");
    let lena_link = || link("lena@contoso.com", "lena.lindqvist@outlook.com");
    let history: [(i64, Actor, Command); 11] = [
        (300, lena(), lena_link()),
        (250, lena(), unlink("lena@contoso.com")),
        (200, lena(), lena_link()),
        (200, Actor::account("leo@contoso.com"), link("leo@contoso.com", "leo.laurent@outlook.com")),
        (180, Actor::account("chen@contoso.com"), link("chen@contoso.com", "chen.li@outlook.com")),
        (
            170,
            Actor::account("chen@contoso.com"),
            Command::GetPartnerUniversityAccess { account: AccountId::from_email("chen@contoso.com") },
        ),
        (150, lena(), unlink("lena@contoso.com")),
        (100, Actor::account("mia@contoso.com"), link("mia@contoso.com", "mia.moreau@outlook.com")),
        (20, lena(), lena_link()),
        (
            14,
            Actor::account("adam@contoso.com"),
            Command::InviteUser {
                email: UNANSWERED_INVITATION.into(),
                display_name: "Noah Nakamura".into(),
                role: Role::User,
                temporary_password: WORK_PASSWORD.into(),
                salt: salt(UNANSWERED_INVITATION),
            },
        ),
        (10, lena(), unlink("lena@contoso.com")),
    ];
    for (days, actor, command) in history {
        // The demo's own history is valid by construction; a refusal here is
        // a bug in this file, which the demo tests catch.
        if let Err(refusal) = scenario.execute(&actor, ago(days), &command) {
            debug_assert!(false, "demo history refused: {refusal}");
        }
    }
    scenario
}

/// The admin of [`large_organisation`].
pub const LARGE_ADMIN: &str = "admin@contoso.com";

/// The work email of person `i` of [`large_organisation`].
pub fn large_email(i: usize) -> String {
    format!("person{i}@contoso.com")
}

/// The Microsoft Learning username of person `i` of [`large_organisation`].
pub fn large_username(i: usize) -> String {
    format!("person{i}@outlook.com")
}

/// A Contoso of `people` people, each with a linked MCID holding three
/// proofs, every other one with Partner University access too: the
/// benchmarks' and the stress tests' organisation.
pub fn large_organisation(now: Time, people: usize) -> Scenario {
    LargeOrganisation::new(now, people).finish()
}

/// [`large_organisation`], built a slice at a time, so that a browser can
/// draw and answer input between slices instead of stopping for the whole
/// (the `?demo=large` first visit). First every person's work
/// account and MCID profile, then, from that starting state, each one's
/// history: the link, and Partner University access.
pub struct LargeOrganisation {
    now: Time,
    people: usize,
    /// The next person of the current phase.
    next: usize,
    phase: Phase,
}

enum Phase {
    People(State),
    History(Scenario),
}

const LARGE_CODES: [(&str, &str); 6] = [
    ("AZ-104", "Microsoft Azure Administrator"),
    ("AZ-305", "Azure Solutions Architect Expert"),
    ("MS-102", "Microsoft 365 Administrator"),
    ("SC-900", "Security, Compliance, and Identity Fundamentals"),
    ("PL-300", "Power BI Data Analyst Associate"),
    ("MS-900", "Microsoft 365 Fundamentals"),
];

impl LargeOrganisation {
    /// Contoso and its Global Admin; nobody else yet.
    pub fn new(now: Time, people: usize) -> LargeOrganisation {
        let mut state = State::default();
        state.add_organisation(Organisation { mpn_id: MpnId(CONTOSO.into()), name: "Contoso".into() });
        state.add_account(large_work_account(LARGE_ADMIN, "Contoso Admin".into(), Role::GlobalAdmin));
        LargeOrganisation { now: within_range(now), people, next: 0, phase: Phase::People(state) }
    }

    /// Takes up to `steps` more steps (a step is one person's account and
    /// profile, or one person's history; the step between the two ends a
    /// slice); true once the organisation is whole.
    pub fn build(&mut self, steps: usize) -> bool {
        for _ in 0..steps {
            let more = self.next < self.people;
            match (&mut self.phase, more) {
                (Phase::People(state), true) => add_large_person(state, self.now, self.next),
                (Phase::People(state), false) => {
                    // The starting state is copied (the scenario keeps it
                    // beside the current one): the slowest step, so it ends
                    // its slice.
                    self.phase = Phase::History(Scenario::new(std::mem::take(state)));
                    self.next = 0;
                    return false;
                }
                (Phase::History(scenario), true) => add_large_history(scenario, self.now, self.next),
                (Phase::History(_), false) => return true,
            }
            self.next += 1;
        }
        self.is_whole()
    }

    fn is_whole(&self) -> bool {
        matches!(self.phase, Phase::History(_)) && self.next >= self.people
    }

    /// The organisation, after building what is left.
    pub fn finish(mut self) -> Scenario {
        while !self.build(usize::MAX) {}
        match self.phase {
            Phase::History(scenario) => scenario,
            Phase::People(state) => Scenario::new(state),
        }
    }
}

/// Person `i` of [`large_organisation`]: work account, MCID profile and,
/// every other one, a Partner University account.
fn add_large_person(state: &mut State, now: Time, i: usize) {
    use CredentialKind::*;
    let ago = |days: i64| now - Duration::days(days);
    let email = large_email(i);
    state.add_account(large_work_account(&email, format!("Person {i:05}"), Role::User));
    let credentials = (0..3)
        .map(|k| {
            let (code, title) = LARGE_CODES[(i + k * 2) % LARGE_CODES.len()];
            credential(code, title, if k == 0 { Exam } else { Certification }, ago(100 + (i % 300) as i64))
        })
        .collect();
    state.add_profile(profile(
        &format!("9{i:08}"),
        &large_username(i),
        LEARN_PASSWORD,
        &format!("Person {i:05}"),
        credentials,
    ));
    if i.is_multiple_of(2) {
        let assessment = credential("PU-SEC-101", "Partner University: Security foundations", Assessment, ago(50));
        state.add_partner_university_account(PartnerUniversityAccount {
            username: email,
            assessments: vec![assessment],
        });
    }
}

/// Person `i`'s history: the MCID linked and, every other one, Partner
/// University access, 30 days ago.
fn add_large_history(scenario: &mut Scenario, now: Time, i: usize) {
    let at = now - Duration::days(30);
    let account = AccountId::from_email(&large_email(i));
    let actor = Actor::Account(account.clone());
    let link =
        Command::LinkMcid { account: account.clone(), username: large_username(i), password: LEARN_PASSWORD.into() };
    let results = [
        scenario.execute(&actor, at, &link),
        if i.is_multiple_of(2) {
            scenario.execute(&actor, at, &Command::GetPartnerUniversityAccess { account })
        } else {
            Ok(vec![])
        },
    ];
    debug_assert!(results.iter().all(Result::is_ok), "large organisation history refused");
}

fn large_work_account(email: &str, name: String, role: Role) -> WorkAccount {
    WorkAccount {
        id: AccountId::from_email(email),
        display_name: name,
        org: MpnId(CONTOSO.into()),
        role,
        state: AccountState::Active,
        password: PasswordHash::new(WORK_PASSWORD, &salt(email)),
        partner_university_since: None,
        linked_mcid: None,
        last_mcid: None,
    }
}

/// A built-in scenario for trainers: one FAQ case of the source, on the
/// demo data, with the persona who shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuiltIn {
    FirstLink,
    PartnerUniversityAccess,
    SameCredentials,
    Unlink,
    MovingCompany,
    LeavingTheCompany,
    UnansweredInvitation,
    YearlyLimit,
    McidMerge,
}

impl BuiltIn {
    pub const ALL: [BuiltIn; 9] = [
        BuiltIn::FirstLink,
        BuiltIn::PartnerUniversityAccess,
        BuiltIn::SameCredentials,
        BuiltIn::Unlink,
        BuiltIn::MovingCompany,
        BuiltIn::LeavingTheCompany,
        BuiltIn::UnansweredInvitation,
        BuiltIn::YearlyLimit,
        BuiltIn::McidMerge,
    ];

    /// The case of a rule's code, as the trainer panel and tour addresses
    /// name it (`R12` or `r12`).
    pub fn from_code(code: &str) -> Option<BuiltIn> {
        BuiltIn::ALL.into_iter().find(|b| b.rule().code().eq_ignore_ascii_case(code))
    }

    /// The rule the case shows.
    pub fn rule(self) -> Rule {
        match self {
            BuiltIn::FirstLink => Rule::R8,
            BuiltIn::PartnerUniversityAccess => Rule::R6,
            BuiltIn::SameCredentials => Rule::R9,
            BuiltIn::Unlink => Rule::R11,
            BuiltIn::MovingCompany => Rule::R12,
            BuiltIn::LeavingTheCompany => Rule::R13,
            BuiltIn::UnansweredInvitation => Rule::R14,
            BuiltIn::YearlyLimit => Rule::R15,
            BuiltIn::McidMerge => Rule::R16,
        }
    }

    /// The work account the trainer plays.
    pub fn persona(self) -> &'static str {
        match self {
            BuiltIn::FirstLink => "priya@contoso.com",
            BuiltIn::PartnerUniversityAccess | BuiltIn::SameCredentials => "sam@contoso.com",
            BuiltIn::MovingCompany => "mia@fabrikam.com",
            BuiltIn::LeavingTheCompany => "grace@contoso.com",
            BuiltIn::UnansweredInvitation => "adam@contoso.com",
            BuiltIn::YearlyLimit => "lena@contoso.com",
            BuiltIn::Unlink | BuiltIn::McidMerge => "chen@contoso.com",
        }
    }

    /// The persona's account id. The persona's email is written in lower
    /// case already, so no case folding is needed (which keeps Unicode's
    /// case tables out of the first WebAssembly file, where a tour's
    /// address is read).
    pub fn persona_id(self) -> AccountId {
        AccountId(self.persona().to_string())
    }

    /// The demo data at `now`, with what the case needs done first: for
    /// the R9 shortcut, Sam already has Partner University access (R6).
    pub fn scenario(self, now: Time) -> Scenario {
        let now = within_range(now);
        let mut scenario = scenario(now);
        if self == BuiltIn::SameCredentials {
            let sam = AccountId::from_email("sam@contoso.com");
            let access = Command::GetPartnerUniversityAccess { account: sam.clone() };
            if let Err(refusal) = scenario.execute(&Actor::Account(sam), now - Duration::hours(1), &access) {
                debug_assert!(false, "built-in scenario refused: {refusal}");
            }
        }
        scenario
    }
}
