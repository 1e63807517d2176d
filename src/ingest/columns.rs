//! Which column feeds which field, settled once per file from the header and the values.

use std::collections::BTreeMap;

use csv::StringRecord;

use super::datetime::{detect_form, DateForm};
use super::field::{normalize_header, ColumnSpec, Field, Unit};
use super::values::{number, RatingScale};
use super::vendor::{Vendor, FALLBACK};

/// One mapped column.
#[derive(Clone, Debug)]
pub struct Mapped {
    pub field: Field,
    pub index: usize,
    pub unit: Unit,
    /// For datetime fields.
    pub form: Option<DateForm>,
}

/// The settled mapping of a file.
#[derive(Debug, Default)]
pub struct Layout {
    pub columns: Vec<Mapped>,
    /// For a numeric satisfaction column.
    pub rating_scale: Option<RatingScale>,
    /// The report's time zone: instants in the file are read as its wall clock.
    pub zone: Option<chrono_tz::Tz>,
    pub warnings: Vec<String>,
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
}

/// Matches headers to the vendor's columns, then to the generic names for fields still unfed
/// (accounts add columns of their own), and settles each column's form from its values.
pub fn settle(vendor: &Vendor, headers: &[String], rows: &[(u64, StringRecord)]) -> Layout {
    let normalised: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
    let mut layout = Layout::default();
    let mut used = vec![false; headers.len()];
    let fallback = if std::ptr::eq(vendor, FALLBACK) {
        &[][..]
    } else {
        FALLBACK.columns
    };
    for spec in vendor.columns.iter().chain(fallback) {
        if layout.get(spec.field).is_some() {
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
                form = Some(found);
            }
        }
        if layout.get(field).is_some() {
            continue;
        }
        if field.is_datetime() && form.is_none() {
            form = detect_form(values()).or_else(|| excel_serials(values()));
            if form.is_none() {
                if values().any(|v| !v.trim().is_empty()) {
                    layout.warnings.push(format!(
                        "the column '{}' holds no dates this tool can read, so it is not used",
                        headers[index]
                    ));
                }
                continue;
            }
        }
        if field == Field::Satisfaction {
            let scores: Vec<f64> = values().filter_map(|v| number(v).ok()).collect();
            let beyond = scores.iter().filter(|&&s| s > 10.0).count();
            // Most scores above 10: a 0–100 or other scale we cannot read.
            if beyond * 2 > scores.len() {
                layout.warnings.push(format!(
                    "the column '{}' holds scores above 10, not a 1–5, 1–7 or 0–10 rating, so \
                     it is not used",
                    headers[index]
                ));
                continue;
            }
            // The scale comes from the scores it can hold: one stray 11 must cost its own row,
            // not every numeric row of the column.
            let max = scores
                .into_iter()
                .filter(|&s| s <= 10.0)
                .fold(None, |max: Option<f64>, n| {
                    Some(max.map_or(n, |m| m.max(n)))
                });
            layout.rating_scale = max.and_then(RatingScale::from_max);
        }
        layout.columns.push(Mapped {
            field,
            index,
            unit: spec.unit,
            form,
        });
    }
    layout
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

    #[test]
    fn one_score_above_ten_costs_only_its_row() {
        // 5, 4, 3 settle a 1–5 scale; the 11 is skipped alone.
        let export = read_export(
            "t.csv",
            b"Id,Status,Satisfaction Score\n1,Solved,5\n2,Solved,4\n3,Solved,3\n4,Solved,11\n",
        )
        .unwrap();
        assert_eq!(export.tickets.len(), 3);
        let lines: Vec<u64> = export
            .source
            .skipped_reasons
            .iter()
            .map(|s| s.line)
            .collect();
        assert_eq!(lines, vec![5]);
        assert!(export.source.skipped_reasons[0]
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
            day(export.tickets[0].created_at.get()).as_deref(),
            Some("2024-01-01 12:00:00 UTC")
        );
        assert_eq!(
            day(export.tickets[0].solved_at.get()).as_deref(),
            Some("2024-01-02 06:00:00 UTC")
        );
        assert_eq!(
            day(export.tickets[1].created_at.get()).as_deref(),
            Some("2024-01-02 00:00:00 UTC")
        );
        // A count column stays a count.
        assert_eq!(export.tickets[0].replies, Some(20000));
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
        assert!(export.tickets.iter().all(|t| t.satisfaction.is_none()));
    }
}
