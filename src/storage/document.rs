//! The stored and exported document: `{ app, schema, revision, saved_at,
//! scenario }`, where the scenario is the starting state and the audit
//! trail (the current state is replayed from them, never trusted). Every
//! file is validated completely before anything changes.

use crate::rules::{InvariantViolation, Scenario, Time};
use serde::{Deserialize, Serialize};

/// What `app` says in every Certlink document.
pub const APP: &str = "certlink";
/// The schema this build reads and writes. Version 1 is the first; a
/// later version adds a step to [`migrate`] and a stored fixture test.
pub const SCHEMA: u64 = 1;
/// The largest file an import reads (a 10,000-person scenario is ~6 MB).
pub const MAX_IMPORT_BYTES: usize = 16 * 1024 * 1024;

/// The document as stored and exported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub app: String,
    pub schema: u64,
    /// Bumped by every save, so a tab never overwrites a newer save.
    pub revision: u64,
    pub saved_at: Time,
    pub scenario: Scenario,
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
    /// Certlink's, but a part is missing or of the wrong kind.
    WrongShape {
        detail: String,
    },
    /// Well formed, but it breaks a rule (R4, R15, D1, a dangling reference).
    Invalid(InvariantViolation),
}

impl Document {
    pub fn new(scenario: Scenario, revision: u64, saved_at: Time) -> Document {
        Document { app: APP.into(), schema: SCHEMA, revision, saved_at, scenario }
    }

    /// The document as readable JSON, for export.
    pub fn to_pretty_json(&self) -> String {
        indent(&to_json(&self.scenario, self.revision, self.saved_at))
    }
}

/// The document for `scenario` as compact JSON, without copying the
/// scenario (a 10,000-person one is large): what every save writes.
pub fn to_json(scenario: &Scenario, revision: u64, saved_at: Time) -> String {
    #[derive(Serialize)]
    struct Borrowed<'a> {
        app: &'a str,
        schema: u64,
        revision: u64,
        saved_at: Time,
        scenario: &'a Scenario,
    }
    serde_json::to_string(&Borrowed { app: APP, schema: SCHEMA, revision, saved_at, scenario }).unwrap_or_default()
}

/// Reads and checks a document completely: size, JSON, application,
/// schema (migrating older ones), shape, then every invariant.
pub fn parse(text: &str) -> Result<Document, DocumentError> {
    if text.trim().is_empty() {
        return Err(DocumentError::Empty);
    }
    if text.len() > MAX_IMPORT_BYTES {
        return Err(DocumentError::TooLarge { bytes: text.len(), limit: MAX_IMPORT_BYTES });
    }
    // First only what says whose file it is and which schema; the whole
    // document is read with one deserializer (each extra one, such as
    // going through serde_json::Value, costs the bundle a copy of every
    // Deserialize impl).
    #[derive(Deserialize)]
    struct Header {
        app: Option<serde::de::IgnoredAny>,
    }
    #[derive(Deserialize)]
    struct App {
        app: String,
    }
    #[derive(Deserialize)]
    struct Schema {
        schema: Option<u64>,
    }
    let header: Header = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => DocumentError::NotCertlink,
        _ => DocumentError::NotJson { line: e.line(), column: e.column() },
    })?;
    let is_certlink = header.app.is_some() && serde_json::from_str::<App>(text).is_ok_and(|a| a.app == APP);
    if !is_certlink {
        return Err(DocumentError::NotCertlink);
    }
    let schema = match serde_json::from_str::<Schema>(text) {
        Ok(Schema { schema: Some(n) }) => n,
        Ok(Schema { schema: None }) => return Err(DocumentError::WrongShape { detail: "schema".into() }),
        Err(_) => return Err(DocumentError::UnknownSchema),
    };
    migrate(schema)?;
    let document: Document =
        serde_json::from_str(text).map_err(|e| DocumentError::WrongShape { detail: e.to_string() })?;
    document.scenario.check_invariants().map_err(DocumentError::Invalid)?;
    Ok(document)
}

/// Checks that a document of schema `from` can be brought to [`SCHEMA`].
/// There is no older version yet (0 never existed); the first schema change
/// adds its step here, with a stored fixture test of the old version.
fn migrate(from: u64) -> Result<(), DocumentError> {
    match from {
        0 => Err(DocumentError::UnknownSchema),
        SCHEMA => Ok(()),
        found if found > SCHEMA => Err(DocumentError::FutureSchema { found }),
        _ => Err(DocumentError::UnknownSchema),
    }
}

/// Only the revision and schema of a stored text, to compare tabs' saves
/// cheaply without replaying the scenario.
pub fn peek(text: &str) -> Option<(u64, u64)> {
    #[derive(Deserialize)]
    struct Header {
        app: String,
        schema: u64,
        revision: u64,
    }
    let header: Header = serde_json::from_str(text).ok()?;
    (header.app == APP).then_some((header.schema, header.revision))
}

/// Re-indents compact JSON, two spaces a level, for a readable export. By
/// hand, so the bundle carries one JSON serializer, not two.
pub fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
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
                if matches!(chars.peek(), Some('}') | Some(']')) {
                    out.push(chars.next().unwrap_or(c));
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}
