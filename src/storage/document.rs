//! The stored and exported document: `{ app, schema, revision, saved_at,
//! scenario }`, where the scenario is the starting state and the audit
//! trail (the current state is replayed from them, never trusted). Every
//! file is validated completely before anything changes.

use super::json::{self, Read, ShapeError, Write, Wrong};
use crate::rules::{Event, InvariantViolation, Scenario, State, Time};
use serde_json::Value;

/// What `app` says in every Certlink document.
pub const APP: &str = "certlink";
/// The schema this build reads and writes. Version 1 is the first. Version
/// 2 adds the stored head of a large scenario ([`Stored::Continues`]); its
/// whole documents are version 1's, so a version 1 file reads unchanged.
/// A later version adds a step to [`migrate`] and a stored fixture test.
pub const SCHEMA: u64 = 2;
/// The largest file an import reads: room for a scenario of 20,000 people
/// (docs/performance.md has the sizes measured).
pub const MAX_IMPORT_BYTES: usize = 16 * 1024 * 1024;

/// The document as stored and exported. Every schema starts with `app`,
/// `schema` and `revision` in this order, so [`peek`] reads them without
/// reading the scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub app: String,
    pub schema: u64,
    /// Bumped by every save, so a tab never overwrites a newer save.
    pub revision: u64,
    pub saved_at: Time,
    pub scenario: Scenario,
}

/// A stored text: a whole document, or (schema 2) the head of a large
/// one, which continues a packed whole document kept under another key
/// with the events recorded since. A save after a change then writes only
/// those events, not megabytes (the goal: 10,000 people saved in under 20 ms).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stored {
    Whole(Box<Document>),
    Continues(Head),
}

/// The head of a large stored scenario: its part under `base`, then `events`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    pub revision: u64,
    pub saved_at: Time,
    pub base: BaseRef,
    pub events: Vec<Event>,
}

/// Where the packed part of a large scenario is, and the revision of the
/// whole document packed there (so a head never joins another save's part).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseRef {
    pub key: String,
    pub revision: u64,
}

/// Why a text is not a document this build can use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocumentError {
    Empty,
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    NotJson {
        line: usize,
        column: usize,
    },
    /// JSON, but not Certlink's (another application's file).
    NotCertlink,
    /// Saved by a newer Certlink than this one.
    FutureSchema {
        found: u64,
    },
    /// A schema version that never existed.
    UnknownSchema,
    /// Certlink's, but a part is missing or of the wrong kind: `detail`
    /// says where and what.
    WrongShape {
        detail: ShapeError,
    },
    /// Well formed, but it breaks a rule (R4, R15, D1, a dangling reference),
    /// or holds a date or limit number out of Certlink's range (D1, D6).
    Invalid(InvariantViolation),
}

impl Document {
    pub fn new(scenario: Scenario, revision: u64, saved_at: Time) -> Document {
        Document { app: APP.into(), schema: SCHEMA, revision, saved_at, scenario }
    }

    /// The document as readable JSON, for export: compact where the
    /// indentation would take it past what an import reads, so that an
    /// export of any scenario Certlink saves imports again.
    pub fn to_pretty_json(&self) -> String {
        let compact = to_json(&self.scenario, self.revision, self.saved_at);
        let pretty = indent(&compact);
        if pretty.len() > MAX_IMPORT_BYTES {
            compact
        } else {
            pretty
        }
    }
}

/// The document for `scenario` as compact JSON, without copying the
/// scenario (a 10,000-person one is large): what every save writes.
pub fn to_json(scenario: &Scenario, revision: u64, saved_at: Time) -> String {
    let mut out =
        String::with_capacity(64 + scenario.trail().len() * 120 + scenario.state().data().accounts.len() * 300);
    write_header(&mut out, revision, saved_at);
    out.push_str(",\"scenario\":");
    json::write_scenario(&mut out, scenario);
    out.push('}');
    out
}

/// Every stored text begins `{"app":…,"schema":…,"revision":…,"saved_at":…`,
/// in this order, which [`peek`] relies on.
fn write_header(out: &mut String, revision: u64, saved_at: Time) {
    // The machine's clock gives `saved_at`; a reader refuses a time out of
    // range (D1), so one is written in range whatever that clock says.
    let saved_at = crate::rules::range::clamp(saved_at);
    out.push_str("{\"app\":");
    APP.write(out);
    out.push_str(",\"schema\":");
    SCHEMA.write(out);
    out.push_str(",\"revision\":");
    revision.write(out);
    out.push_str(",\"saved_at\":");
    saved_at.write(out);
}

/// The head of a large scenario: `scenario` is the one packed under `base`
/// with the events recorded since (the caller checks it is, with
/// [`Scenario::extends`]).
pub fn to_json_continuing(
    scenario: &Scenario,
    base: &BaseRef,
    base_events: usize,
    revision: u64,
    saved_at: Time,
) -> String {
    let events = scenario.trail().get(base_events..).unwrap_or_default();
    let mut out = String::with_capacity(256 + events.len() * 120);
    write_header(&mut out, revision, saved_at);
    out.push_str(",\"continues\":{\"key\":");
    base.key.write(&mut out);
    out.push_str(",\"revision\":");
    base.revision.write(&mut out);
    out.push_str("},\"events\":");
    json::write_events(&mut out, events);
    out.push('}');
    out
}

/// The whole document a head and its packed part make, checked as an
/// import is (the events since, over the part's state: every invariant).
pub fn join(base: &Document, head: Head) -> Result<Document, DocumentError> {
    if base.revision != head.base.revision {
        return Err(DocumentError::WrongShape { detail: Wrong::PartOfAnotherSave.here().within("continues") });
    }
    // A part is a scenario read and checked, or one the rules recorded,
    // packed: only the head's events are checked, over its state.
    let scenario = base.scenario.continued_checked(head.events).map_err(DocumentError::Invalid)?;
    Ok(Document { app: APP.into(), schema: SCHEMA, revision: head.revision, saved_at: head.saved_at, scenario })
}

/// Reads and checks a file completely: size, JSON, application, schema
/// (migrating older ones), shape, then every invariant. A stored head is
/// not a file: an export is always whole.
pub fn parse(text: &str) -> Result<Document, DocumentError> {
    whole(parse_stored(text)?)
}

/// The whole document a stored text holds; a head is not one.
pub fn whole(stored: Stored) -> Result<Document, DocumentError> {
    match stored {
        Stored::Whole(document) => Ok(*document),
        Stored::Continues(_) => Err(DocumentError::WrongShape { detail: Wrong::NotAnExport.here() }),
    }
}

/// Reads and checks a stored text: a whole document as [`parse`] does, or
/// a head, whose events are read (the caller joins it to its part).
pub fn parse_stored(text: &str) -> Result<Stored, DocumentError> {
    read_stored(json_value(text)?)?.check()
}

/// Reading's first step, apart so that a large text's three steps can run
/// in three tasks: the size, then the JSON.
pub fn json_value(text: &str) -> Result<Value, DocumentError> {
    if text.trim().is_empty() {
        return Err(DocumentError::Empty);
    }
    if text.len() > MAX_IMPORT_BYTES {
        return Err(DocumentError::TooLarge { bytes: text.len(), limit: MAX_IMPORT_BYTES });
    }
    serde_json::from_str(text).map_err(|e| DocumentError::NotJson { line: e.line(), column: e.column() })
}

/// A stored text read, not yet checked: only [`Unchecked::check`] gives what
/// it holds.
pub struct Unchecked(Reading);

enum Reading {
    Whole { schema: u64, revision: u64, saved_at: Time, initial: State, trail: Vec<Event> },
    Continues(Head),
}

impl Unchecked {
    /// Reading's third step: a whole document's trail replayed, checking
    /// every invariant (a head's events are checked when joined).
    pub fn check(self) -> Result<Stored, DocumentError> {
        match self.0 {
            Reading::Continues(head) => Ok(Stored::Continues(head)),
            Reading::Whole { schema, revision, saved_at, initial, trail } => {
                let scenario = Scenario::replay_checked(initial, trail).map_err(DocumentError::Invalid)?;
                Ok(Stored::Whole(Box::new(Document { app: APP.into(), schema, revision, saved_at, scenario })))
            }
        }
    }
}

/// The highest revision a document keeps: every JSON reader (a
/// JavaScript tool's too) reads it exactly, and a save's next revision
/// never overflows.
pub const MAX_REVISION: u64 = (1 << 53) - 1;

/// A revision as read: within [`MAX_REVISION`].
fn revision_in(value: &Value) -> Result<u64, ShapeError> {
    let revision = u64::read(value)?;
    if revision > MAX_REVISION {
        return Err(Wrong::TooLarge { value: revision }.here());
    }
    Ok(revision)
}

/// Reading's second step: the application, the schema (migrating older
/// ones) and the shape.
pub fn read_stored(value: Value) -> Result<Unchecked, DocumentError> {
    if value.get("app").and_then(Value::as_str) != Some(APP) {
        return Err(DocumentError::NotCertlink);
    }
    let schema = match value.get("schema") {
        None => return Err(DocumentError::WrongShape { detail: Wrong::Missing.here().within("schema") }),
        Some(schema) => schema.as_u64().ok_or(DocumentError::UnknownSchema)?,
    };
    migrate(schema)?;
    // Each problem named by where it is in the document.
    let shape = |at: &'static str| move |detail: ShapeError| DocumentError::WrongShape { detail: detail.within(at) };
    let header = |name: &'static str| value.get(name).ok_or_else(|| shape(name)(Wrong::Missing.here()));
    let revision = revision_in(header("revision")?).map_err(shape("revision"))?;
    let saved_at = Time::read(header("saved_at")?).map_err(shape("saved_at"))?;
    if !crate::rules::range::time_in_range(saved_at) {
        let range = crate::rules::range::Range::DATE;
        return Err(DocumentError::Invalid(InvariantViolation::OutOfRange { field: "saved_at".into(), range }));
    }
    if let Some(base) = value.get("continues").filter(|_| schema >= 2) {
        let in_base = |name: &'static str| move |e: ShapeError| shape("continues")(e.within(name));
        let field = |name: &'static str| base.get(name).ok_or_else(|| in_base(name)(Wrong::Missing.here()));
        let base = BaseRef {
            key: String::read(field("key")?).map_err(in_base("key"))?,
            revision: revision_in(field("revision")?).map_err(in_base("revision"))?,
        };
        let events = json::read_events(header("events")?).map_err(shape("events"))?;
        return Ok(Unchecked(Reading::Continues(Head { revision, saved_at, base, events })));
    }
    let (initial, trail) = json::read_scenario(header("scenario")?).map_err(shape("scenario"))?;
    Ok(Unchecked(Reading::Whole { schema, revision, saved_at, initial, trail }))
}

/// Checks that a document of schema `from` can be brought to [`SCHEMA`].
/// (0 never existed.) Each schema change adds its step here, with a stored
/// fixture test of the old version.
fn migrate(from: u64) -> Result<(), DocumentError> {
    match from {
        0 => Err(DocumentError::UnknownSchema),
        // 1 -> 2 changes nothing in a whole document.
        1 | SCHEMA => Ok(()),
        found if found > SCHEMA => Err(DocumentError::FutureSchema { found }),
        _ => Err(DocumentError::UnknownSchema),
    }
}

/// Only the schema and revision of a stored text, to compare tabs' saves
/// without reading a scenario that may be megabytes long: every schema
/// begins `{"app":"certlink","schema":S,"revision":R,` (see [`Document`]).
pub fn peek(text: &str) -> Option<(u64, u64)> {
    let rest = text.strip_prefix("{\"app\":\"certlink\",\"schema\":")?;
    let (schema, rest) = rest.split_once(',')?;
    let revision = rest.strip_prefix("\"revision\":")?.split(',').next()?;
    Some((schema.parse().ok()?, revision.parse().ok()?))
}

/// Re-indents compact JSON for a readable export: two spaces a level,
/// one member of an object a line, one row of a table a line (a row's
/// cells stay together). By hand, so the bundle carries no second writer.
pub fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() + compact.len() / 4);
    // For each open bracket: does it put its items on their own lines?
    let mut open: Vec<bool> = Vec::new();
    let (mut in_string, mut escaped) = (false, false);
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    };
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                // Objects, and lists that are an object's member (tables).
                let lines = c == '{' || open.is_empty() || is_member(&out);
                open.push(lines);
                if matches!(chars.peek(), Some('}') | Some(']')) {
                    out.push(chars.next().unwrap_or(c));
                    open.pop();
                } else if lines {
                    newline(&mut out, depth(&open));
                }
            }
            '}' | ']' => {
                if open.pop() == Some(true) {
                    newline(&mut out, depth(&open));
                }
                out.push(c);
            }
            ',' => {
                out.push(c);
                if open.last() == Some(&true) {
                    newline(&mut out, depth(&open));
                } else {
                    out.push(' ');
                }
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

/// How deep the current line is: the open brackets that break lines.
fn depth(open: &[bool]) -> usize {
    open.iter().filter(|&&lines| lines).count()
}

/// True when the bracket just written is the value of an object member.
fn is_member(out: &str) -> bool {
    out[..out.len() - 1].ends_with(": ")
}
