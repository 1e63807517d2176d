//! What the person chose over what the reader settles itself: which column feeds a field, the
//! encoding, the sheet of a workbook, and day or month first where the dates leave it open.
//! The command line chooses for every file; the page for one file at a time, and remembers
//! column choices by the header's signature, so the next export of the same shape reads the same.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::datetime::DateOrder;
use super::field::{normalize_header, Field};
use super::lexicon::{self, Answer};
use crate::message::Message;
use crate::model::Status;

/// The choices for one file. Unset ones are left to the reader.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FileChoices {
    /// Which column feeds a field, by its header as written; `None` for no column at all.
    pub columns: BTreeMap<Field, Option<String>>,
    /// An encoding label (`windows-1250`, `UTF-16LE`, `GBK`, …) instead of the detected one.
    pub encoding: Option<String>,
    /// The sheet of a workbook to read instead of the first.
    pub sheet: Option<String>,
    /// Day or month first for dates no value decides.
    pub date_order: Option<DateOrder>,
    /// What status values mean (`"Fechado": "closed"`), over the vendor's and the lexicon's.
    pub status_values: BTreeMap<String, String>,
    /// What satisfaction answers mean (`"Slightly dissatisfied": "unsatisfied"`).
    pub answer_values: BTreeMap<String, String>,
}

/// What a person said status and answer values mean: for one header row on the page (value
/// names only: never any other byte of the file), for every file on the command line.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ValueChoices {
    pub status_values: BTreeMap<String, String>,
    pub answer_values: BTreeMap<String, String>,
}

impl ValueChoices {
    /// The readings keyed by the normalised value, as the reader looks them up. A reading that
    /// names no status or answer is said in `warnings` and left out.
    pub fn compile(
        &self,
        warnings: &mut Vec<Message>,
    ) -> (BTreeMap<String, Status>, BTreeMap<String, Answer>) {
        let mut statuses = BTreeMap::new();
        for (value, name) in &self.status_values {
            match lexicon::status_from_name(name) {
                Some(status) => {
                    statuses.insert(normalize_header(value), status);
                }
                None => warnings.push(
                    Message::new("choice.status_name")
                        .with("name", name)
                        .with("value", value),
                ),
            }
        }
        let mut answers = BTreeMap::new();
        for (value, name) in &self.answer_values {
            match Answer::from_name(name) {
                Some(answer) => {
                    answers.insert(normalize_header(value), answer);
                }
                None => warnings.push(
                    Message::new("choice.answer_name")
                        .with("name", name)
                        .with("value", value),
                ),
            }
        }
        (statuses, answers)
    }
}

impl FileChoices {
    /// `self`, with what `over` sets put over it.
    pub fn with(&self, over: &FileChoices) -> FileChoices {
        let mut columns = self.columns.clone();
        columns.extend(over.columns.clone());
        FileChoices {
            columns,
            encoding: over.encoding.clone().or_else(|| self.encoding.clone()),
            sheet: over.sheet.clone().or_else(|| self.sheet.clone()),
            date_order: over.date_order.or(self.date_order),
            status_values: merged(&self.status_values, &over.status_values),
            answer_values: merged(&self.answer_values, &over.answer_values),
        }
    }

    /// The value readings for this file: the remembered ones for its header row, under its own.
    pub fn values_with(&self, remembered: Option<&ValueChoices>) -> ValueChoices {
        let under = remembered.cloned().unwrap_or_default();
        ValueChoices {
            status_values: merged(&under.status_values, &self.status_values),
            answer_values: merged(&under.answer_values, &self.answer_values),
        }
    }
}

fn merged(
    under: &BTreeMap<String, String>,
    over: &BTreeMap<String, String>,
) -> BTreeMap<String, String> {
    let mut all = under.clone();
    all.extend(over.clone());
    all
}

/// A column choice remembered for a header row: field → column position (`None`: no column).
/// Positions, not names, so that browser storage never holds a byte of the file, headers included.
pub type RememberedColumns = BTreeMap<Field, Option<usize>>;

/// Every choice of a load.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Choices {
    /// For every file (the command line's flags).
    pub all: FileChoices,
    /// By file name (the page); over `all`.
    pub files: BTreeMap<String, FileChoices>,
    /// Column choices by header signature (`header_signature`); under a file's own.
    pub remembered: BTreeMap<String, RememberedColumns>,
    /// Status and answer readings by header signature; under a file's own.
    pub remembered_values: BTreeMap<String, ValueChoices>,
}

impl Choices {
    /// The choices for the file named `file`.
    pub fn for_file(&self, file: &str) -> FileChoices {
        match self.files.get(file) {
            Some(own) => self.all.with(own),
            None => self.all.clone(),
        }
    }
}

/// The encodings a person can choose on the page, by their usual names.
pub const ENCODINGS: [&str; 9] = [
    "UTF-8",
    "UTF-16LE",
    "UTF-16BE",
    "windows-1250",
    "windows-1252",
    "ISO-8859-2",
    "GBK",
    "gb18030",
    "Big5",
];

/// The encoding named `label` (any WHATWG label, case-insensitive), or why not.
pub fn encoding(label: &str) -> Result<&'static encoding_rs::Encoding, Message> {
    encoding_rs::Encoding::for_label(label.trim().as_bytes())
        .ok_or_else(|| super::ErrorKind::UnknownEncoding(label.to_string()).message())
}

/// A short, stable fingerprint of a header row (FNV-1a, 64 bits, hex): files with the same
/// columns in the same order share it, whatever their rows.
pub fn header_signature(headers: &[String]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for header in headers {
        for byte in header.trim().bytes().chain([0x1f]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// The columns of a header row that `choices` and `remembered` pick, by position: a file's own
/// choice (by header) over the remembered one. A header that is not in the file is named in a
/// warning and left to the reader.
pub fn resolve_columns(
    headers: &[String],
    chosen: &BTreeMap<Field, Option<String>>,
    remembered: Option<&RememberedColumns>,
    warnings: &mut Vec<Message>,
) -> BTreeMap<Field, Option<usize>> {
    let mut resolved: BTreeMap<Field, Option<usize>> = remembered
        .map(|r| {
            r.iter()
                .filter(|(_, index)| index.is_none_or(|i| i < headers.len()))
                .map(|(f, i)| (*f, *i))
                .collect()
        })
        .unwrap_or_default();
    for (field, header) in chosen {
        let Some(header) = header.as_deref().map(str::trim).filter(|h| !h.is_empty()) else {
            resolved.insert(*field, None);
            continue;
        };
        let exact = headers.iter().position(|h| h.trim() == header);
        let folded = || {
            let wanted = super::field::normalize_header(header);
            headers
                .iter()
                .position(|h| super::field::normalize_header(h) == wanted)
        };
        match exact.or_else(folded) {
            Some(index) => {
                resolved.insert(*field, Some(index));
            }
            None => warnings.push(
                Message::new("warning.column_missing")
                    .with("header", header)
                    .with("field", field.name()),
            ),
        }
    }
    resolved
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_choice_goes_over_the_choice_for_all() {
        let mut choices = Choices::default();
        choices.all.encoding = Some("windows-1250".into());
        choices.all.date_order = Some(DateOrder::MonthFirst);
        choices.files.insert(
            "a.csv".into(),
            FileChoices {
                date_order: Some(DateOrder::DayFirst),
                ..FileChoices::default()
            },
        );
        let a = choices.for_file("a.csv");
        assert_eq!(a.encoding.as_deref(), Some("windows-1250"));
        assert_eq!(a.date_order, Some(DateOrder::DayFirst));
        assert_eq!(
            choices.for_file("b.csv").date_order,
            Some(DateOrder::MonthFirst)
        );
    }

    #[test]
    fn the_signature_is_the_header_row_not_its_spacing_of_cells() {
        let a = header_signature(&["Id".into(), "Status".into()]);
        assert_eq!(a, header_signature(&[" Id".into(), "Status ".into()]));
        assert_ne!(a, header_signature(&["Status".into(), "Id".into()]));
        // The separator keeps "ab","c" apart from "a","bc".
        assert_ne!(
            header_signature(&["ab".into(), "c".into()]),
            header_signature(&["a".into(), "bc".into()])
        );
        assert_eq!(a.len(), 16);
    }

    #[test]
    fn columns_resolve_by_header_then_by_folded_header() {
        let headers: Vec<String> = ["Id", "Opened", "Closed_At"].map(String::from).into();
        let mut warnings = Vec::new();
        let chosen = BTreeMap::from([
            (Field::CreatedAt, Some("Opened".to_string())),
            (Field::SolvedAt, Some("closed at".to_string())),
            (Field::Channel, None),
            (Field::Agent, Some("Owner".to_string())),
        ]);
        let remembered = BTreeMap::from([(Field::Status, Some(0)), (Field::Group, Some(9))]);
        let resolved = resolve_columns(&headers, &chosen, Some(&remembered), &mut warnings);
        assert_eq!(
            resolved,
            BTreeMap::from([
                (Field::Status, Some(0)),
                (Field::CreatedAt, Some(1)),
                (Field::SolvedAt, Some(2)),
                (Field::Channel, None),
            ])
        );
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].text().contains("'Owner' chosen for agent"),
            "{warnings:?}"
        );
    }

    #[test]
    fn encodings_by_name() {
        for name in ENCODINGS {
            assert!(encoding(name).is_ok(), "{name}");
        }
        assert_eq!(encoding("cp1250").unwrap().name(), "windows-1250");
        assert!(encoding("klingon")
            .unwrap_err()
            .text()
            .contains("windows-1250"));
    }
}
