//! How the distinct values of a file's status and satisfaction columns were read, for the
//! report (`sources[].statuses`, `sources[].answers`) and for the warnings that keep an unknown
//! vocabulary from passing as a confident figure.

use super::columns::Layout;
use super::field::Field;
use super::row::Texts;
use super::values::quoted;
use super::{ValueReading, MAX_VALUES_LISTED};
use crate::message::Message;
use crate::model::{Satisfaction, Status};

/// The status values, most rows first.
pub fn statuses(texts: &Texts) -> Vec<ValueReading> {
    let mut list: Vec<ValueReading> = texts
        .statuses
        .iter()
        .map(|(value, (status, by, rows))| ValueReading {
            value: value.to_string(),
            rows: *rows,
            read_as: match status {
                Status::Other(_) => None,
                known => Some(known.as_str().to_string()),
            },
            by: *by,
        })
        .collect();
    sort(&mut list);
    list
}

/// The satisfaction answer words (not scores), most rows first.
pub fn answers(texts: &Texts) -> Vec<ValueReading> {
    let mut list: Vec<ValueReading> = texts
        .ratings
        .iter()
        .filter(|(value, _)| super::values::number(value).is_err())
        .map(|(value, ((rating, _), by, rows))| ValueReading {
            value: value.to_string(),
            rows: *rows,
            read_as: match rating {
                Ok(None) => Some("not_offered".to_string()),
                Ok(Some(Satisfaction::Unanswered)) => Some("unanswered".to_string()),
                Ok(Some(Satisfaction::Rated { satisfied, .. })) => Some(
                    if *satisfied {
                        "satisfied"
                    } else {
                        "unsatisfied"
                    }
                    .to_string(),
                ),
                Err(_) => None,
            },
            by: *by,
        })
        .collect();
    sort(&mut list);
    list
}

fn sort(list: &mut Vec<ValueReading>) {
    list.sort_by(|a, b| b.rows.cmp(&a.rows).then_with(|| a.value.cmp(&b.value)));
    list.truncate(MAX_VALUES_LISTED);
}

/// The share of rows whose status the reader does not know, and the first such values.
pub fn unknown_share(list: &[ValueReading]) -> (usize, usize, Vec<&str>) {
    let total: usize = list.iter().map(|v| v.rows).sum();
    let unknown: Vec<&ValueReading> = list.iter().filter(|v| v.read_as.is_none()).collect();
    let rows = unknown.iter().map(|v| v.rows).sum();
    (
        rows,
        total,
        unknown.iter().take(4).map(|v| v.value.as_str()).collect(),
    )
}

/// What the person must hear about the values and cells of the file.
pub fn warnings(
    statuses: &[ValueReading],
    answers: &[ValueReading],
    without_created: usize,
    headers: &[String],
    layout: &Layout,
) -> Vec<Message> {
    let mut warnings = Vec::new();
    let named = |values: &[&str]| {
        values
            .iter()
            .map(|v| quoted(v))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (unknown, total, examples) = unknown_share(statuses);
    if unknown > 0 {
        warnings.push(
            Message::new("warning.unknown_statuses")
                .with("unknown", unknown)
                .with("total", total)
                .with("values", named(&examples)),
        );
    }
    let (unknown, total, examples) = unknown_share(answers);
    if unknown > 0 {
        warnings.push(
            Message::new("warning.unknown_answers")
                .with("unknown", unknown)
                .with("total", total)
                .with("values", named(&examples)),
        );
    }
    if without_created > 0 {
        let column = layout
            .get(Field::CreatedAt)
            .map_or("", |c| headers[c.index].as_str());
        warnings.push(
            Message::new("warning.no_created")
                .with("count", without_created)
                .with("column", column),
        );
    }
    warnings
}
