//! Support routing (R16): problems the FAQ answers go to the FAQ; technical
//! problems linking or unlinking go to a Microsoft support ticket; MCID
//! merge questions go to Certification Support. A ticket gathers the
//! evidence the real documentation asks for before contacting support.

use super::audit::{Actor, EventKind};
use super::clock::Time;
use super::limit::association_limit;
use super::model::*;
use super::profile::acting_account;
use super::refusal::{Field, Refusal, Rule};

/// What the person needs help with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A technical problem linking an MCID that the FAQ does not cover.
    LinkingTechnical,
    /// A technical problem unlinking an MCID that the FAQ does not cover.
    UnlinkingTechnical,
    /// A question on the MCID merge process.
    McidMerge,
    /// Told the association is limited (R15).
    AssociationLimited,
    /// Left the company and still appears in its skills report (R13).
    StillInReportAfterLeaving,
    /// An admin sent sign-in details and heard nothing (R14).
    NoResponseToInvitation,
}

impl Problem {
    pub const ALL: [Problem; 6] = [
        Problem::LinkingTechnical,
        Problem::UnlinkingTechnical,
        Problem::McidMerge,
        Problem::AssociationLimited,
        Problem::StillInReportAfterLeaving,
        Problem::NoResponseToInvitation,
    ];
}

/// Where a problem goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SupportRoute {
    /// R16: open a ticket with Microsoft support.
    MicrosoftSupport,
    /// R16: contact Certification Support.
    CertificationSupport,
    /// The FAQ answers it: the entry of this rule.
    Faq(Rule),
}

/// A piece of evidence a ticket carries, with what the scenario holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Evidence {
    /// User management -> Export report of users: the organisation's accounts.
    UserReport { org: MpnId, accounts: usize },
    /// The profile's association: which MCID, linked where, since when.
    ProfileAssociation { mcid: Option<McidId>, org: MpnId, since: Option<Time> },
    /// The Microsoft Certification official transcript.
    Transcript { mcid: McidId, codes: Vec<String> },
    /// Proof of completed Partner University assessments.
    AssessmentProof { codes: Vec<String> },
}

/// The advice for one problem: the route, the rule, and the evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SupportAdvice {
    pub route: SupportRoute,
    pub rule: Rule,
    /// For R15 before the date: when a new association may start.
    pub next_allowed: Option<Time>,
    pub evidence: Vec<Evidence>,
}

/// A ticket kept locally and listed on the support page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ticket {
    pub number: u32,
    pub account: AccountId,
    pub problem: Problem,
    pub route: SupportRoute,
    pub details: String,
    /// When the problem started, as the person says.
    pub started_on: Time,
    pub opened_at: Time,
    pub evidence: Vec<Evidence>,
}

/// R16: routes `problem` for the signed-in person.
pub fn route_support(state: &State, actor: &Actor, now: Time, problem: Problem) -> Result<SupportAdvice, Refusal> {
    let acc = acting_account(state, actor)?;
    let advice = |route, rule, next_allowed| SupportAdvice { route, rule, next_allowed, evidence: Vec::new() };
    Ok(match problem {
        Problem::LinkingTechnical | Problem::UnlinkingTechnical => {
            SupportAdvice { evidence: evidence(state, acc), ..advice(SupportRoute::MicrosoftSupport, Rule::R16, None) }
        }
        Problem::McidMerge => SupportAdvice {
            evidence: evidence(state, acc).into_iter().filter(|e| matches!(e, Evidence::Transcript { .. })).collect(),
            ..advice(SupportRoute::CertificationSupport, Rule::R16, None)
        },
        Problem::AssociationLimited => {
            // R15: before the date in the profile, the answer is to wait;
            // problems after that date go to support.
            let mcid = acc.linked_mcid.as_ref().or(acc.last_mcid.as_ref());
            let next = mcid
                .and_then(|m| state.profile(m))
                .and_then(|p| association_limit(&p.associations, state.data().limits, now).next_allowed);
            match next {
                Some(date) => advice(SupportRoute::Faq(Rule::R15), Rule::R15, Some(date)),
                None => SupportAdvice {
                    evidence: evidence(state, acc),
                    ..advice(SupportRoute::MicrosoftSupport, Rule::R15, None)
                },
            }
        }
        Problem::StillInReportAfterLeaving => advice(SupportRoute::Faq(Rule::R13), Rule::R13, None),
        Problem::NoResponseToInvitation => advice(SupportRoute::Faq(Rule::R14), Rule::R14, None),
    })
}

fn evidence(state: &State, acc: &WorkAccount) -> Vec<Evidence> {
    let data = state.data();
    let mut items = vec![Evidence::UserReport {
        org: acc.org.clone(),
        accounts: data.accounts.values().filter(|a| a.org == acc.org && !a.is_deleted()).count(),
    }];
    let link = acc.linked_mcid.as_ref().and_then(|m| state.link(m));
    items.push(Evidence::ProfileAssociation {
        mcid: acc.linked_mcid.clone(),
        org: acc.org.clone(),
        since: link.map(|l| l.since),
    });
    if let Some(profile) = acc.linked_mcid.as_ref().or(acc.last_mcid.as_ref()).and_then(|m| state.profile(m)) {
        let codes = profile.credentials.iter().map(|c| c.code.clone()).collect();
        items.push(Evidence::Transcript { mcid: profile.mcid.clone(), codes });
    }
    if acc.partner_university_since.is_some() {
        if let Some(pu) = state.partner_university_account(acc.id.as_str()) {
            items.push(Evidence::AssessmentProof { codes: pu.assessments.iter().map(|c| c.code.clone()).collect() });
        }
    }
    items
}

/// R16: opens a ticket on the route the problem takes, with its evidence.
pub fn open_ticket(
    state: &State,
    actor: &Actor,
    now: Time,
    problem: Problem,
    details: &str,
    started_on: Time,
) -> Result<Vec<EventKind>, Refusal> {
    let advice = route_support(state, actor, now, problem)?;
    if let SupportRoute::Faq(rule) = advice.route {
        return Err(Refusal::AnsweredByFaq { rule });
    }
    let details = super::range::entered_text(Field::TicketDetails, details, super::range::MAX_DETAILS)?;
    if details.is_empty() {
        return Err(Refusal::TicketDetailsMissing);
    }
    // D1: the date the person gives is kept, so it must be one a save holds.
    let started_on = super::range::check_time(started_on)?;
    // The day the problem started is one the scenario has reached.
    if started_on > now {
        return Err(Refusal::StartsInTheFuture { on: started_on });
    }
    let acc = acting_account(state, actor)?;
    let ticket = Ticket {
        number: state.data().tickets.len() as u32 + 1,
        account: acc.id.clone(),
        problem,
        route: advice.route,
        details: details.to_string(),
        started_on,
        opened_at: now,
        evidence: advice.evidence,
    };
    Ok(vec![EventKind::TicketOpened { ticket }])
}
