//! How a vendor table names the canonical fields: header spellings, duration units.

pub use crate::model::Field;

/// The unit of a duration column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Milliseconds,
    Seconds,
    Minutes,
    Hours,
    Days,
}

impl Unit {
    /// The unit a header names, as in `Time to close (ms)`, `calendar_duration (seconds)`,
    /// `Resolution time (in hrs)`, `Tempo (minutos)`; `None` when it names none.
    pub fn from_header(normalised: &str) -> Option<Unit> {
        // The unit sits in brackets at the end ("(in hrs)", "(min)"), or follows "in".
        let tail = match normalised.rsplit_once('(') {
            Some((_, bracket)) => bracket.trim_end_matches(')').trim(),
            None => normalised.rsplit_once(" in ").map_or("", |(_, t)| t),
        };
        let tail = tail.strip_prefix("in ").unwrap_or(tail);
        if matches!(tail, "ms" | "millis" | "milliseconds") {
            return Some(Unit::Milliseconds);
        }
        // The unit words durations are written with; "(HH:mm:ss)" names none: each value
        // carries its own.
        let minutes_per_unit = super::lexicon::duration_unit(tail)?;
        [
            (1.0 / 60.0, Unit::Seconds),
            (1.0, Unit::Minutes),
            (60.0, Unit::Hours),
            (1440.0, Unit::Days),
        ]
        .into_iter()
        .find(|(per, _)| *per == minutes_per_unit)
        .map(|(_, unit)| unit)
    }
}

/// One column of a vendor table: the header spellings that feed `field`.
#[derive(Debug)]
pub struct ColumnSpec {
    pub field: Field,
    /// Header names, already normalised (see `normalize_header`).
    pub names: &'static [&'static str],
    /// For duration fields: the unit of a plain number (`HH:MM:SS` text is read as such).
    pub unit: Unit,
    /// Some exports put a timestamp where others put a duration under the same name (Kaggle's
    /// "First Response Time"): when the column's values are datetimes, they feed this field.
    pub if_datetime: Option<Field>,
}

impl ColumnSpec {
    pub const fn new(field: Field, names: &'static [&'static str]) -> Self {
        ColumnSpec {
            field,
            names,
            unit: Unit::Minutes,
            if_datetime: None,
        }
    }

    pub const fn seconds(mut self) -> Self {
        self.unit = Unit::Seconds;
        self
    }

    pub const fn hours(mut self) -> Self {
        self.unit = Unit::Hours;
        self
    }

    pub const fn or_datetime(mut self, field: Field) -> Self {
        self.if_datetime = Some(field);
        self
    }
}

/// Header spelling varies in case, spacing and separators between accounts: compare lower-cased,
/// with `_`, `-`, `.` as spaces and runs of spaces folded.
pub fn normalize_header(header: &str) -> String {
    let header = header.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    // Intercom names the workspace's time zone after a time column: "Created at (Europe/Paris)".
    let header = match header.rsplit_once(" (") {
        Some((name, zone)) if zone.ends_with(')') && zone.contains('/') && !zone.contains(' ') => {
            name
        }
        _ => header,
    };
    let replaced: String = header
        .chars()
        .map(|c| match c {
            '_' | '-' | '.' => ' ',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
    replaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_separators_and_spaces() {
        assert_eq!(normalize_header("  Created_Date "), "created date");
        assert_eq!(normalize_header("Created  Time"), "created time");
        assert_eq!(
            normalize_header("First reply time in minutes"),
            "first reply time in minutes"
        );
        assert_eq!(normalize_header("\u{feff}Ticket-ID"), "ticket id");
        assert_eq!(
            normalize_header("Conversation started at (America/New_York)"),
            "conversation started at"
        );
        assert_eq!(
            normalize_header("Resolution time (in hrs)"),
            "resolution time (in hrs)"
        );
    }
}
