//! Which column feeds which field, settled once per file from the header and the values.

use std::collections::BTreeMap;

use csv::StringRecord;

use super::datetime::{detect_form, settle_order, DateForm, DateOrder};
use super::field::{normalize_header, ColumnSpec, Field, Unit};
use super::values::{count, duration_minutes, number, RatingScale};
use super::vendor::{Vendor, FALLBACK};
use crate::message::Message;
use crate::model::time::calendar::format_timestamp;

/// One mapped column.
#[derive(Clone, Debug)]
pub struct Mapped {
    pub field: Field,
    pub index: usize,
    pub unit: Unit,
    /// For datetime fields.
    pub form: Option<DateForm>,
    /// What says the column feeds the field: `yours`, `vendor`, `header`, `content`.
    pub by: Vec<&'static str>,
    /// How sure the reader is, 0–1.
    pub confidence: f64,
    /// A duration read in minutes because neither the header nor the vendor names a unit.
    pub unit_assumed: bool,
}

/// What says a column feeds a field, as the report writes it (`sources[].evidence`).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Evidence {
    pub column: String,
    pub by: Vec<String>,
    pub confidence: f64,
}

/// The settled mapping of a file.
#[derive(Debug, Default)]
pub struct Layout {
    pub columns: Vec<Mapped>,
    /// For a numeric satisfaction column.
    pub rating_scale: Option<RatingScale>,
    /// The report's time zone: instants in the file are read as its wall clock.
    pub zone: Option<crate::model::time::zone::Zone>,
    pub warnings: Vec<Message>,
    /// Date columns (by header) whose day/month order no value decided.
    pub open_order: Vec<String>,
}

impl Layout {
    pub fn get(&self, field: Field) -> Option<&Mapped> {
        self.columns.iter().find(|c| c.field == field)
    }

    /// Neither an id, a creation time nor a status: this is not a ticket export.
    pub fn is_useless(&self) -> bool {
        self.columns.len() < 2
            && ![Field::Id, Field::CreatedAt, Field::Status]
                .iter()
                .any(|f| self.get(*f).is_some())
    }

    pub fn describe(&self, headers: &[String]) -> BTreeMap<Field, String> {
        self.columns
            .iter()
            .map(|c| (c.field, headers[c.index].clone()))
            .collect()
    }

    /// Each mapped field's column with what says so and how sure the reader is.
    pub fn evidence(&self, headers: &[String]) -> BTreeMap<Field, Evidence> {
        self.columns
            .iter()
            .map(|c| {
                let evidence = Evidence {
                    column: headers[c.index].clone(),
                    by: c.by.iter().map(|b| b.to_string()).collect(),
                    confidence: (c.confidence * 100.0).round() / 100.0,
                };
                (c.field, evidence)
            })
            .collect()
    }
}

/// Matches headers to the vendor's columns, then to the generic names for fields still unfed
/// (accounts add columns of their own), and settles each column's form from its values.
/// `chosen` (field → column position, `None` for none) goes before all of that; `order` decides
/// dates like 03/04/2024 where no value of the column does.
pub fn settle(
    vendor: &Vendor,
    headers: &[String],
    rows: &[(u64, StringRecord)],
    chosen: &BTreeMap<Field, Option<usize>>,
    order: DateOrder,
) -> Layout {
    let normalised: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
    let mut layout = Layout::default();
    let mut used = vec![false; headers.len()];
    let fallback = if vendor.id == FALLBACK.id {
        &[][..]
    } else {
        FALLBACK.columns
    };
    let specs = || vendor.columns.iter().chain(fallback);
    for (&field, &index) in chosen {
        let Some(index) = index.filter(|&i| i < headers.len()) else {
            continue;
        };
        used[index] = true;
        // The unit of a duration: the vendor's, where the chosen column is one it knows.
        let unit = specs()
            .find(|s| s.field == field && s.names.contains(&normalised[index].as_str()))
            .map_or(Unit::Minutes, |s| s.unit);
        let form = if field.is_datetime() {
            match date_form(rows, index, order, headers, &mut layout) {
                Some(form) => Some(form),
                None => {
                    layout.warnings.push(
                        Message::new("warning.column_no_dates")
                            .with("header", &headers[index])
                            .with("field", field.name()),
                    );
                    continue;
                }
            }
        } else {
            None
        };
        if field == Field::Satisfaction && !settle_rating(&mut layout, rows, index, headers) {
            continue;
        }
        layout.columns.push(Mapped {
            field,
            index,
            unit,
            form,
            by: vec!["yours"],
            confidence: 1.0,
            unit_assumed: false,
        });
    }
    for spec in specs() {
        if layout.get(spec.field).is_some() || chosen.contains_key(&spec.field) {
            continue;
        }
        let Some(index) = find_header(spec, &normalised, &used) else {
            continue;
        };
        used[index] = true;
        let values = || rows.iter().filter_map(move |(_, r)| r.get(index));
        let mut field = spec.field;
        let mut form = None;
        if let Some(datetime_field) = spec.if_datetime {
            if let Some(found) = detect_form(values()).filter(|f| reads_most(*f, values())) {
                field = datetime_field;
                form = Some(ordered(found, index, order, headers, rows, &mut layout));
            }
        }
        if layout.get(field).is_some() || chosen.contains_key(&field) {
            continue;
        }
        if field.is_datetime() && form.is_none() {
            form = date_form(rows, index, order, headers, &mut layout);
            if form.is_none() {
                if values().any(|v| !v.trim().is_empty()) {
                    layout
                        .warnings
                        .push(Message::new("warning.no_dates").with("column", &headers[index]));
                }
                continue;
            }
        }
        if field == Field::Satisfaction && !settle_rating(&mut layout, rows, index, headers) {
            continue;
        }
        // The generic table is the lexicon of header names, not a vendor's word.
        let from_vendor =
            vendor.id != FALLBACK.id && vendor.columns.iter().any(|s| std::ptr::eq(s, spec));
        let mut by = vec![if from_vendor { "vendor" } else { "header" }];
        if form.is_some() {
            by.push("content");
        }
        let (unit, unit_assumed) =
            duration_unit(spec, from_vendor, &normalised[index], rows, index);
        if unit_assumed {
            layout.warnings.push(
                Message::new("warning.unit_assumed_named")
                    .with("column", &headers[index])
                    .with("example", &headers[index]),
            );
        }
        layout.columns.push(Mapped {
            field,
            index,
            unit,
            form,
            confidence: if unit_assumed {
                0.5
            } else if from_vendor {
                0.95
            } else {
                0.9
            },
            by,
            unit_assumed,
        });
    }
    // What no header name fed: columns understood by keyword and content, or content alone.
    let fed = |field: Field| layout.get(field).is_some() || chosen.contains_key(&field);
    let found = super::profile::assign(headers, rows, &used, &fed);
    for found in found {
        let form = if found.field.is_datetime() {
            match date_form(rows, found.index, order, headers, &mut layout) {
                Some(form) => Some(form),
                None => continue,
            }
        } else {
            None
        };
        let unit_assumed =
            found.field.is_duration() && found.unit.is_none() && plain_numbers(rows, found.index);
        if unit_assumed {
            layout
                .warnings
                .push(Message::new("warning.unit_assumed").with("column", &headers[found.index]));
        }
        used[found.index] = true;
        layout.columns.push(Mapped {
            field: found.field,
            index: found.index,
            unit: found.unit.unwrap_or(Unit::Minutes),
            form,
            by: found.by,
            confidence: if unit_assumed {
                found.confidence.min(0.5)
            } else {
                found.confidence
            },
            unit_assumed,
        });
    }
    layout
}

/// The unit of a duration column: the vendor's; for a generic name, the one the header names
/// (`(in hrs)`, `(seconds)`), else minutes — assumed, where the values are plain numbers.
fn duration_unit(
    spec: &ColumnSpec,
    from_vendor: bool,
    normalised: &str,
    rows: &[(u64, StringRecord)],
    index: usize,
) -> (Unit, bool) {
    if !spec.field.is_duration() || from_vendor || spec.unit != Unit::Minutes {
        return (spec.unit, false);
    }
    if let Some(unit) = Unit::from_header(normalised) {
        return (unit, false);
    }
    // Names that say minutes themselves ("… in minutes", "… minutes").
    if normalised.contains("minute") {
        return (Unit::Minutes, false);
    }
    (Unit::Minutes, plain_numbers(rows, index))
}

/// Whether most filled values of a column are bare numbers (no clock text, no unit word).
fn plain_numbers(rows: &[(u64, StringRecord)], index: usize) -> bool {
    let values: Vec<&str> = rows
        .iter()
        .filter_map(|(_, r)| r.get(index))
        .map(str::trim)
        .filter(|v| !super::lexicon::is_missing(v))
        .collect();
    let plain = values.iter().filter(|v| number(v).is_ok()).count();
    !values.is_empty() && plain * 2 > values.len()
}

/// The datetime form of the column at `index`, day and month ordered; `None` when it holds no
/// dates.
fn date_form(
    rows: &[(u64, StringRecord)],
    index: usize,
    order: DateOrder,
    headers: &[String],
    layout: &mut Layout,
) -> Option<DateForm> {
    let values = || rows.iter().filter_map(move |(_, r)| r.get(index));
    let form = detect_form(values()).or_else(|| excel_serials(values()))?;
    Some(ordered(form, index, order, headers, rows, layout))
}

/// `form`, or its day/month swap where the values leave the order open and `order` says so;
/// a column left open is noted, for the page to ask.
fn ordered(
    form: DateForm,
    index: usize,
    order: DateOrder,
    headers: &[String],
    rows: &[(u64, StringRecord)],
    layout: &mut Layout,
) -> DateForm {
    let values = rows.iter().filter_map(|(_, r)| r.get(index));
    let (form, open) = settle_order(form, values, order);
    if open && !layout.open_order.contains(&headers[index]) {
        layout.open_order.push(headers[index].clone());
    }
    form
}

/// Settles the rating scale of a satisfaction column; `false` when the column cannot be used.
fn settle_rating(
    layout: &mut Layout,
    rows: &[(u64, StringRecord)],
    index: usize,
    headers: &[String],
) -> bool {
    let scores: Vec<f64> = rows
        .iter()
        .filter_map(|(_, r)| r.get(index))
        .filter_map(|v| number(v).ok())
        .collect();
    let beyond = scores.iter().filter(|&&s| s > 10.0).count();
    // Most scores above 10: a 0–100 or other scale we cannot read.
    if beyond * 2 > scores.len() {
        layout
            .warnings
            .push(Message::new("warning.scores_above_10").with("column", &headers[index]));
        return false;
    }
    // The scale comes from the scores it can hold: one stray 11 must cost its own row, not
    // every numeric row of the column.
    let max = scores
        .into_iter()
        .filter(|&s| s <= 10.0)
        .fold(None, |max: Option<f64>, n| {
            Some(max.map_or(n, |m| m.max(n)))
        });
    layout.rating_scale = max.and_then(RatingScale::from_max);
    true
}

/// How many values of each mapped column the page previews.
pub const PREVIEW_VALUES: usize = 3;

/// How many characters of a value the preview shows.
const PREVIEW_CHARS: usize = 60;

/// The first few non-empty values of each mapped column as this file reads them: dates in the
/// settled form, durations in minutes, counts as numbers, anything else as written. A value that
/// does not read shows as written after a ✗. Values written as they are are cut to
/// `PREVIEW_CHARS`.
pub fn preview(layout: &Layout, rows: &[(u64, StringRecord)]) -> BTreeMap<Field, Vec<String>> {
    layout
        .columns
        .iter()
        .map(|column| {
            let shown = rows
                .iter()
                .filter_map(|(_, r)| r.get(column.index))
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .take(PREVIEW_VALUES)
                .map(|v| preview_value(column, v, layout.zone))
                .collect();
            (column.field, shown)
        })
        .collect()
}

fn preview_value(
    column: &Mapped,
    full: &str,
    zone: Option<crate::model::time::zone::Zone>,
) -> String {
    let text: String = full.chars().take(PREVIEW_CHARS).collect();
    let unread = || format!("✗ {text}");
    if let Some(form) = column.form {
        return form
            .parse_in(full, zone)
            .map_or_else(unread, format_timestamp);
    }
    match column.field {
        field if field.is_duration() => duration_minutes(full, column.unit).map_or_else(
            |_| unread(),
            |m| format!("{} min", (m * 100.0).round() / 100.0),
        ),
        Field::Replies | Field::Reopens | Field::GroupStations => {
            count(full).map_or_else(|_| unread(), |n| n.to_string())
        }
        _ => text,
    }
}

fn find_header(spec: &ColumnSpec, normalised: &[String], used: &[bool]) -> Option<usize> {
    spec.names.iter().find_map(|name| {
        normalised
            .iter()
            .enumerate()
            .find(|(i, header)| !used[*i] && header == name)
            .map(|(i, _)| i)
    })
}

/// A date column of Excel date numbers: every value reads as one.
fn excel_serials<'a>(values: impl Iterator<Item = &'a str>) -> Option<DateForm> {
    let mut any = false;
    values
        .filter(|v| !v.trim().is_empty())
        .all(|v| {
            any = true;
            DateForm::ExcelSerial.parse(v).is_some()
        })
        .then_some(DateForm::ExcelSerial)
        .filter(|_| any)
}

/// A column is a datetime column when the form reads at least nine in ten of its values.
fn reads_most<'a>(form: DateForm, values: impl Iterator<Item = &'a str>) -> bool {
    let (mut read, mut total) = (0usize, 0usize);
    for value in values.filter(|v| !v.trim().is_empty()) {
        total += 1;
        if form.parse(value).is_some() {
            read += 1;
        }
    }
    total > 0 && read * 10 >= total * 9
}

#[cfg(test)]
mod tests {
    use crate::ingest::read_export;
    use crate::model::Field;

    #[test]
    fn a_value_that_does_not_read_is_cut_in_the_preview_like_any_other() {
        let long = "x".repeat(500);
        // A count of 500 x's does not read: its row is skipped, and the preview shows 60 of them.
        let csv = format!("Id,Status,Replies,Group\n1,Open,{long},{long}\n");
        let export = read_export("t.csv", csv.as_bytes()).unwrap();
        let preview = &export.source.preview;
        assert_eq!(preview[&Field::Group], vec!["x".repeat(60)]);
        assert_eq!(
            preview[&Field::Replies],
            vec![format!("✗ {}", "x".repeat(60))]
        );
    }

    #[test]
    fn one_score_above_ten_costs_only_its_row() {
        // 5, 4, 3 settle a 1–5 scale; the 11 is set aside alone, its ticket kept.
        let export = read_export(
            "t.csv",
            b"Id,Status,Satisfaction Score\n1,Solved,5\n2,Solved,4\n3,Solved,3\n4,Solved,11\n",
        )
        .unwrap();
        assert_eq!(export.tickets.len(), 4);
        assert!(export.tickets.ticket(3).satisfaction.is_none());
        let lines: Vec<u64> = export
            .source
            .set_aside_cells
            .iter()
            .map(|s| s.line)
            .collect();
        assert_eq!(lines, vec![5]);
        assert_eq!(export.source.set_aside_by_column["Satisfaction Score"], 1);
        assert!(export.source.set_aside_cells[0]
            .reason
            .contains("outside the column's rating scale"));
    }

    #[test]
    fn date_columns_of_excel_date_numbers() {
        // A CSV saved from a spreadsheet whose date cells had no date format: 45292.5 is
        // 2024-01-01 12:00, 45293.25 is 2024-01-02 06:00.
        let export = read_export(
            "t.csv",
            b"Id,Status,Created at,Solved at,Replies\n1,Solved,45292.5,45293.25,20000\n2,Open,45293,,1\n",
        )
        .unwrap();
        assert_eq!(export.source.skipped, 0);
        let day = |t: Option<i64>| {
            t.and_then(|t| chrono::DateTime::from_timestamp(t, 0))
                .map(|t| t.to_string())
        };
        assert_eq!(
            day(export.tickets.ticket(0).created_at.get()).as_deref(),
            Some("2024-01-01 12:00:00 UTC")
        );
        assert_eq!(
            day(export.tickets.ticket(0).solved_at.get()).as_deref(),
            Some("2024-01-02 06:00:00 UTC")
        );
        assert_eq!(
            day(export.tickets.ticket(1).created_at.get()).as_deref(),
            Some("2024-01-02 00:00:00 UTC")
        );
        // A count column stays a count.
        assert_eq!(export.tickets.ticket(0).replies, Some(20000));
    }

    #[test]
    fn a_column_of_scores_above_ten_is_not_used() {
        let export = read_export(
            "t.csv",
            b"Id,Status,Rating\n1,Solved,80\n2,Solved,95\n3,Solved,7\n",
        )
        .unwrap();
        assert_eq!(export.tickets.len(), 3);
        assert_eq!(export.source.skipped, 0);
        assert!(export.source.warnings[0].contains("'Rating' holds scores above 10"));
        assert_eq!(export.source.warning_keys[0].key, "warning.scores_above_10");
        assert!(export.tickets.tickets().all(|t| t.satisfaction.is_none()));
    }
}
