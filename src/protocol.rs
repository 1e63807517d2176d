//! The messages between the page and its engine worker, written once: the page posts a
//! [`Request`], the worker answers with [`Reply`]s (progress while it reads, then one final
//! reply). Both sides turn them into JavaScript values with `serde-wasm-bindgen` (`web/engine.rs`
//! posts, `web/session.rs` answers, `www/worker.js` only passes them on).
//!
//! A request travels as `{request, files}`: `request` is the serde value of [`Request`], `files`
//! the browser's `File` objects of a load, beside it because they cannot go through serde. Only
//! `web/engine.rs` builds that object and only `web/session.rs` takes it apart.
//!
//! Both enums keep serde's own form, the kind as the one key: `{"report": {"id": 3, ...}}`,
//! `{"progress": {"id": 3, "bytes": ...}}`. A `type` field beside the others (serde's internal
//! tagging) reads through a buffer that put 21 KB (gzipped) more into the wasm.
//!
//! This module has no web dependency, so the protocol is tested natively. A request the worker
//! cannot read (the page and the engine of different versions, or a bug) is answered with
//! [`Reply::Failed`] naming the field, never read as defaults.

use serde::{Deserialize, Serialize};

use crate::ingest::{Choices, DateOrder, IngestError};
use crate::selection::Selection;
use crate::settings::Settings;

/// What the page asks of the engine. `id` numbers the requests: a reply to an older one than the
/// newest is stale and dropped by the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Request {
    /// Read the files sent beside the request (`files`), keep them, and report over them.
    Load {
        id: u32,
        settings: Settings,
        choices: ReadingChoices,
        selection: Selection,
        /// After a cancel: the dashboard is restored as it was, not shown as a new load.
        restore: bool,
    },
    /// Read the embedded sample export instead of files, and report over it.
    Sample {
        id: u32,
        settings: Settings,
        choices: ReadingChoices,
        selection: Selection,
        restore: bool,
    },
    /// Read the kept input again (the time zone, the rating scale or a reading choice changed).
    Reload {
        id: u32,
        settings: Settings,
        choices: ReadingChoices,
        selection: Selection,
    },
    /// Report over what is read, with other settings or another selection.
    Report {
        id: u32,
        settings: Settings,
        selection: Selection,
    },
}

/// What the page chose about reading: the person's choices, and the date order of the browser's
/// language for dates that neither a choice nor the settings order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadingChoices {
    pub choices: Choices,
    pub date_order: Option<DateOrder>,
}

/// What the engine answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Reply {
    /// While reading: bytes and rows so far over all the files, of `total` bytes.
    Progress {
        id: u32,
        bytes: f64,
        rows: f64,
        total: f64,
    },
    /// The report (the catalogue's JSON, which the page reads with serde_json as before: one
    /// string is the cheapest way across) and what it took.
    Report {
        id: u32,
        kind: ReportKind,
        report: String,
        ms: f64,
        /// Of `ms`, the reading of the input (the rest is the report and its JSON).
        read_ms: f64,
        /// The size of the input read, 0 for the sample.
        bytes: f64,
        /// The engine's wasm memory after it: its peak, as wasm memory never shrinks.
        memory: f64,
    },
    /// The settings make no sense: why (shown beside the settings, in the page's language).
    Refused {
        id: u32,
        message: crate::message::Message,
    },
    /// None of the files could be read: why, file by file. The dashboard stays.
    Unreadable { id: u32, errors: Vec<IngestError> },
    /// The files did not fit in memory: the engine cannot go on, the page starts a fresh one.
    /// Made by `www/worker.js`, as the engine itself cannot answer after that.
    Oom { id: u32, errors: Vec<IngestError> },
    /// The engine failed, or could not read the request: what to show in the page's error box.
    /// `id` is missing when the request's own could not be read.
    Failed { id: Option<u32>, message: String },
}

/// Which request a report answers, as the page treats it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// New files: the dashboard now shows them.
    Load,
    /// The sample: the dashboard now shows it.
    Sample,
    /// The same input read again.
    Reload,
    /// Another selection or other settings over the same tickets.
    Report,
    /// A load or sample read again after a cancel: the dashboard as it was.
    Restore,
}

impl Request {
    pub fn id(&self) -> u32 {
        match self {
            Request::Load { id, .. }
            | Request::Sample { id, .. }
            | Request::Reload { id, .. }
            | Request::Report { id, .. } => *id,
        }
    }

    pub fn settings(&self) -> &Settings {
        match self {
            Request::Load { settings, .. }
            | Request::Sample { settings, .. }
            | Request::Reload { settings, .. }
            | Request::Report { settings, .. } => settings,
        }
    }

    pub fn selection(&self) -> &Selection {
        match self {
            Request::Load { selection, .. }
            | Request::Sample { selection, .. }
            | Request::Reload { selection, .. }
            | Request::Report { selection, .. } => selection,
        }
    }

    /// The kind of report that answers this request.
    pub fn report_kind(&self) -> ReportKind {
        match self {
            Request::Load { restore: true, .. } | Request::Sample { restore: true, .. } => {
                ReportKind::Restore
            }
            Request::Load { .. } => ReportKind::Load,
            Request::Sample { .. } => ReportKind::Sample,
            Request::Reload { .. } => ReportKind::Reload,
            Request::Report { .. } => ReportKind::Report,
        }
    }

    /// Reads a request from its JSON form, or says what is wrong with it and what to do (the
    /// message of a [`Reply::Failed`]). The worker turns the posted JavaScript value into JSON
    /// with serde-wasm-bindgen and reads it here: one way to read a request, tested natively.
    pub fn from_json_value(value: &serde_json::Value) -> Result<Request, String> {
        Request::deserialize(value)
            .map_err(|error| Request::unreadable(&explain(value, &error.to_string())))
    }

    /// The message of the failed reply to a request the engine could not read, `problem` saying
    /// what is wrong with it. Such messages are written here, in English like the page's error
    /// box that shows them: they are details for a bug report.
    pub fn unreadable(problem: &str) -> String {
        format!(
            "the engine could not read the page's request: {problem}. Reload the page, so that \
             the page and its engine are of the same version; if this stays, copy these details \
             into a bug report"
        )
    }
}

/// What is wrong with a load request whose `files` are not a list of `File`s.
pub const NO_FILES: &str = "it is a load without its list of files (`files`)";
pub const NOT_A_FILE: &str = "its list of files (`files`) holds something other than a file";

/// The message of the failed reply when the engine's reply cannot be made into a JavaScript
/// value.
pub fn unsendable(error: &dyn std::fmt::Display) -> String {
    format!("the engine's reply could not be sent: {error}")
}

impl Reply {
    /// The request this answers; `None` when that could not be read.
    pub fn id(&self) -> Option<u32> {
        match self {
            Reply::Progress { id, .. }
            | Reply::Report { id, .. }
            | Reply::Refused { id, .. }
            | Reply::Unreadable { id, .. }
            | Reply::Oom { id, .. } => Some(*id),
            Reply::Failed { id, .. } => *id,
        }
    }
}

/// The id of a request that could not be read, if it has a readable one.
pub fn request_id(value: &serde_json::Value) -> Option<u32> {
    let (_, fields) = value.as_object()?.iter().next()?;
    fields.get("id")?.as_u64()?.try_into().ok()
}

/// The kinds of request, as the key of a request names them.
const REQUEST_TYPES: [&str; 4] = ["load", "sample", "reload", "report"];

/// Which part of a request serde refused: serde's message names the field, not where it is. Each
/// typed part is replaced in turn by an empty one: the part whose replacement takes the error
/// away held it. (Reading the parts on their own would add a second copy of their readers to the
/// wasm.)
fn explain(value: &serde_json::Value, serde_message: &str) -> String {
    let kinds = REQUEST_TYPES.join(", ");
    let Some(object) = value.as_object() else {
        return format!("it is not an object but {value}");
    };
    let mut entries = object.iter();
    let (Some((kind, fields)), None) = (entries.next(), entries.next()) else {
        let keys: Vec<&str> = object.keys().map(String::as_str).collect();
        return format!(
            "it should have one key, the kind of request ({kinds}), not [{}]",
            keys.join(", ")
        );
    };
    if !REQUEST_TYPES.contains(&kind.as_str()) {
        return format!("'{kind}' is not a kind of request: use one of {kinds}");
    }
    let Some(fields) = fields.as_object() else {
        return format!("its `{kind}` is not an object of fields: {serde_message}");
    };
    let empty_choices = serde_json::json!({"choices": {}});
    let empty_object = serde_json::json!({});
    let parts = [
        ("settings", &empty_object),
        ("selection", &empty_object),
        ("choices", &empty_choices),
    ];
    for (name, empty) in parts {
        if !fields.contains_key(name) {
            continue;
        }
        let mut without = fields.clone();
        without.insert(name.to_string(), empty.clone());
        let request = serde_json::Map::from_iter([(kind.clone(), without.into())]);
        let still = Request::deserialize(&serde_json::Value::Object(request)).err();
        if still.is_none_or(|e| e.to_string() != serde_message) {
            return format!("its `{name}` cannot be read: {serde_message}");
        }
    }
    serde_message.to_string()
}

/// Reading progress over several files: the reader counts bytes and rows per file, the page's bar
/// shows them over all the files.
#[derive(Debug, Default)]
pub struct ProgressTally {
    /// The size of each file, in bytes.
    sizes: Vec<f64>,
    /// The file being read.
    current: usize,
    /// Bytes and rows of the files before `current`.
    done_bytes: f64,
    done_rows: f64,
    /// Rows of `current` so far.
    current_rows: f64,
}

impl ProgressTally {
    pub fn new(sizes: Vec<f64>) -> ProgressTally {
        ProgressTally {
            sizes,
            ..ProgressTally::default()
        }
    }

    /// All the files' bytes.
    pub fn total(&self) -> f64 {
        self.sizes.iter().sum()
    }

    /// `bytes` and `rows` read so far of file `file` → bytes and rows over all the files. A file
    /// passed over (files are read in order; one that fails early may say nothing) counts whole.
    pub fn tell(&mut self, file: usize, bytes: f64, rows: f64) -> (f64, f64) {
        while self.current < file {
            self.done_bytes += self.sizes.get(self.current).copied().unwrap_or(0.0);
            self.done_rows += self.current_rows;
            self.current_rows = 0.0;
            self.current += 1;
        }
        self.current_rows = rows;
        (self.done_bytes + bytes, self.done_rows + rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn report_request() -> Request {
        Request::Report {
            id: 7,
            settings: Settings {
                time_zone: Some("Europe/Warsaw".into()),
                ..Settings::default()
            },
            selection: Selection {
                channel: vec!["email".into()],
                ..Selection::default()
            },
        }
    }

    #[test]
    fn requests_and_replies_survive_a_round_trip() {
        let mut choices = ReadingChoices {
            date_order: Some(DateOrder::MonthFirst),
            ..ReadingChoices::default()
        };
        choices.choices.all.encoding = Some("windows-1250".into());
        let requests = [
            report_request(),
            Request::Load {
                id: 1,
                settings: Settings::default(),
                choices: choices.clone(),
                selection: Selection::default(),
                restore: true,
            },
            Request::Sample {
                id: 2,
                settings: Settings::default(),
                choices: choices.clone(),
                selection: Selection::default(),
                restore: false,
            },
            Request::Reload {
                id: 3,
                settings: Settings::default(),
                choices,
                selection: Selection::default(),
            },
        ];
        for request in requests {
            let value = serde_json::to_value(&request).unwrap();
            assert_eq!(Request::from_json_value(&value), Ok(request));
        }
        let replies = [
            Reply::Progress {
                id: 1,
                bytes: 10.0,
                rows: 2.0,
                total: 20.0,
            },
            Reply::Report {
                id: 1,
                kind: ReportKind::Restore,
                report: "{}".into(),
                ms: 3.5,
                read_ms: 1.0,
                bytes: 20.0,
                memory: 65536.0,
            },
            Reply::Refused {
                id: 2,
                message: crate::message::Message::new("settings.zone").with("zone", "Mars"),
            },
            Reply::Unreadable {
                id: 3,
                // As the page reads an error back: the message it says.
                errors: vec![IngestError::new(
                    "a.csv",
                    crate::ingest::ErrorKind::Said(crate::message::Message::new("file.empty")),
                )],
            },
            Reply::Oom {
                id: 4,
                errors: Vec::new(),
            },
            Reply::Failed {
                id: None,
                message: "trap".into(),
            },
        ];
        for reply in replies {
            let text = serde_json::to_string(&reply).unwrap();
            assert_eq!(serde_json::from_str::<Reply>(&text).unwrap(), reply);
        }
    }

    #[test]
    fn the_type_tag_and_field_names_are_the_wire_format() {
        // What www/worker.js writes itself (oom, failed) and the browser test posts.
        let value = serde_json::to_value(report_request()).unwrap();
        assert_eq!(value["report"]["id"], 7);
        assert_eq!(value["report"]["settings"]["time_zone"], "Europe/Warsaw");
        assert_eq!(value["report"]["selection"]["channel"], json!(["email"]));
        let oom: Reply = serde_json::from_value(json!({
            "oom": {"id": 4, "errors": [{"file": "a.csv", "message": "too big"}]}
        }))
        .unwrap();
        assert_eq!(oom.id(), Some(4));
        let failed: Reply =
            serde_json::from_value(json!({"failed": {"id": null, "message": "x"}})).unwrap();
        assert_eq!(failed.id(), None);
    }

    fn problem(value: serde_json::Value) -> String {
        Request::from_json_value(&value).unwrap_err()
    }

    #[test]
    fn a_typo_in_the_settings_is_named_not_read_as_defaults() {
        let mut value = serde_json::to_value(report_request()).unwrap();
        value["report"]["settings"] = json!({"time_zon": "Europe/Warsaw"});
        let message = problem(value);
        assert!(message.contains("`settings` cannot be read"), "{message}");
        assert!(message.contains("unknown field `time_zon`"), "{message}");
        assert!(message.contains("Reload the page"), "{message}");
    }

    #[test]
    fn a_wrong_selection_or_choice_is_named() {
        let mut value = serde_json::to_value(report_request()).unwrap();
        value["report"]["selection"] = json!({"from": "yesterday"});
        assert!(problem(value).contains("`selection` cannot be read"));
        let mut value = serde_json::to_value(Request::Reload {
            id: 1,
            settings: Settings::default(),
            choices: ReadingChoices::default(),
            selection: Selection::default(),
        })
        .unwrap();
        value["reload"]["choices"] = json!({"choices": {}, "date_order": "sideways"});
        let message = problem(value);
        assert!(message.contains("`choices` cannot be read"), "{message}");
        assert!(message.contains("sideways"), "{message}");
    }

    #[test]
    fn an_unknown_type_a_missing_field_or_an_extra_one_is_named() {
        assert!(problem(json!({"lod": {"id": 1}})).contains("'lod' is not a kind of request"));
        assert_eq!(request_id(&json!({"lod": {"id": 1}})), Some(1));
        assert_eq!(request_id(&json!({"load": {"id": -1}})), None);
        let message = problem(json!({"type": "load", "id": 1}));
        assert!(
            message.contains("one key, the kind of request"),
            "{message}"
        );
        assert!(problem(json!("load")).contains("not an object"));
        let message = problem(json!({"report": {"id": 1, "selection": {}}}));
        assert!(message.contains("missing field `settings`"), "{message}");
        let mut value = serde_json::to_value(report_request()).unwrap();
        value["report"]["restore"] = json!(true);
        let message = problem(value);
        assert!(message.contains("unknown field `restore`"), "{message}");
    }

    #[test]
    fn a_restored_load_reports_as_a_restore() {
        let restore = Request::Sample {
            id: 1,
            settings: Settings::default(),
            choices: ReadingChoices::default(),
            selection: Selection::default(),
            restore: true,
        };
        assert_eq!(restore.report_kind(), ReportKind::Restore);
        assert_eq!(report_request().report_kind(), ReportKind::Report);
    }

    #[test]
    fn progress_adds_up_over_the_files() {
        // Three files of 100, 50 and 30 bytes.
        let mut tally = ProgressTally::new(vec![100.0, 50.0, 30.0]);
        assert_eq!(tally.total(), 180.0);
        assert_eq!(tally.tell(0, 40.0, 4.0), (40.0, 4.0));
        assert_eq!(tally.tell(0, 100.0, 10.0), (100.0, 10.0));
        // The second file: the first counts whole (100 bytes, 10 rows).
        assert_eq!(tally.tell(1, 20.0, 3.0), (120.0, 13.0));
        // The third, straight to its end: 100 + 50 bytes and 10 + 3 rows before it.
        assert_eq!(tally.tell(2, 30.0, 5.0), (180.0, 18.0));
    }
}
