//! Columns understood by what they hold, for the fields no header name fed: each column is
//! profiled (share of values that read as datetimes, as durations, as known status words;
//! distinct values) and a field's candidates are scored by a header keyword and by how well
//! the content fits. A keyword alone never feeds a field; content alone feeds only the
//! creation time (the earliest datetime column) and the status (a column of status words), and
//! says so with a low confidence.

use std::collections::BTreeMap;

use csv::StringRecord;

use super::datetime::detect_form;
use super::field::{normalize_header, Field, Unit};
use super::lexicon;
use super::lexicon::keywords::{BUSINESS_WORDS, DURATION_KEYWORDS, DURATION_WORDS, KEYWORDS};
use super::values::duration_minutes;

/// How one unfed column looks.
struct Profile {
    index: usize,
    header: String,
    filled: usize,
    datetime_share: f64,
    duration_share: f64,
    status_share: f64,
    distinct: usize,
    /// The median of the datetime values read, for ordering time columns.
    times: Vec<Option<i64>>,
}

/// A field assigned by this pass: the column, the evidence and a confidence 0–1.
pub struct Found {
    pub field: Field,
    pub index: usize,
    pub by: Vec<&'static str>,
    pub confidence: f64,
    /// For durations: the unit the header names, or `None` when it names none.
    pub unit: Option<Unit>,
}

/// Rows a column is profiled on: enough for its shares, few enough that a file of many unused
/// columns does not pay for them on every settled row.
const PROFILE_ROWS: usize = 2_000;

/// A status column has few distinct values; more than this and the words are not looked up.
const STATUS_VOCABULARY: usize = 50;

fn profile(index: usize, header: &str, rows: &[(u64, StringRecord)]) -> Profile {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut filled = 0usize;
    for value in rows
        .iter()
        .filter_map(|(_, r)| r.get(index))
        .map(str::trim)
        .filter(|v| !lexicon::is_missing(v))
    {
        filled += 1;
        *counts.entry(value).or_default() += 1;
    }
    // Each distinct value is read once, weighted by how many rows hold it.
    let share = |fits: &dyn Fn(&str) -> bool| {
        let fit: usize = counts.iter().filter(|(v, _)| fits(v)).map(|(_, n)| n).sum();
        fit as f64 / filled.max(1) as f64
    };
    let form = detect_form(counts.keys().copied());
    let times: Vec<Option<i64>> = rows
        .iter()
        .map(|(_, r)| form.and_then(|f| f.parse(r.get(index)?.trim())))
        .collect();
    let read_times = times.iter().filter(|t| t.is_some()).count();
    let status_share = if counts.len() <= STATUS_VOCABULARY {
        share(&|v| lexicon::status(&normalize_header(v)).is_some())
    } else {
        0.0
    };
    Profile {
        index,
        header: normalize_header(header),
        filled,
        datetime_share: read_times as f64 / filled.max(1) as f64,
        duration_share: share(&|v| duration_minutes(v, Unit::Minutes).is_ok()),
        status_share,
        distinct: counts.len(),
        times,
    }
}

/// The fields this pass can feed from the unused columns, strongest evidence first: keyword
/// and content together, then content alone.
pub fn assign(
    headers: &[String],
    rows: &[(u64, StringRecord)],
    used: &[bool],
    fed: &dyn Fn(Field) -> bool,
) -> Vec<Found> {
    let rows = &rows[..rows.len().min(PROFILE_ROWS)];
    let mut profiles: Vec<Profile> = (0..headers.len())
        .filter(|&i| !used[i])
        .map(|i| profile(i, &headers[i], rows))
        .filter(|p| p.filled > 0)
        .collect();
    let mut found: Vec<Found> = Vec::new();
    let taken = |found: &[Found], index: usize| found.iter().any(|f| f.index == index);
    let is_fed =
        |found: &[Found], field: Field| fed(field) || found.iter().any(|f| f.field == field);

    // Keyword and content: a time column named for a time field; a status column of statuses.
    for (field, words) in KEYWORDS {
        if is_fed(&found, *field) {
            continue;
        }
        let best = profiles
            .iter()
            .filter(|p| !taken(&found, p.index) && words.iter().any(|w| p.header.contains(w)))
            .filter(|p| {
                if *field == Field::Status {
                    p.status_share >= 0.5 && p.distinct <= 50
                } else {
                    p.datetime_share >= 0.9
                }
            })
            // A timestamp column over a date-only one ("Ticket created - Timestamp" over
            // "- Date"): more distinct values.
            .max_by_key(|p| {
                let distinct_times = {
                    let mut t: Vec<i64> = p.times.iter().flatten().copied().collect();
                    t.sort_unstable();
                    t.dedup();
                    t.len()
                };
                (distinct_times, std::cmp::Reverse(p.index))
            });
        if let Some(p) = best {
            let fit = if *field == Field::Status {
                p.status_share
            } else {
                p.datetime_share
            };
            found.push(Found {
                field: *field,
                index: p.index,
                by: vec!["header", "content"],
                confidence: (0.6 + 0.3 * fit).min(0.9),
                unit: None,
            });
        }
    }
    // Durations named by their header, read by their content.
    for (words, field) in DURATION_KEYWORDS {
        for p in &profiles {
            if taken(&found, p.index)
                || p.duration_share < 0.9
                || p.datetime_share >= 0.9
                || !words.iter().any(|w| p.header.contains(w))
                || !DURATION_WORDS.iter().any(|w| p.header.contains(w))
            {
                continue;
            }
            let business = BUSINESS_WORDS.iter().any(|w| p.header.contains(w))
                && !p.header.contains("disregarding")
                && !p.header.contains("calendar");
            let field = match (field, business) {
                (Field::FirstResponseMinutes, true) => Field::FirstResponseBusinessMinutes,
                (Field::ResolutionMinutes, true) => Field::ResolutionBusinessMinutes,
                (field, _) => *field,
            };
            if is_fed(&found, field) {
                continue;
            }
            found.push(Found {
                field,
                index: p.index,
                by: vec!["header", "content"],
                confidence: 0.75,
                unit: Unit::from_header(&p.header),
            });
        }
    }
    // Content alone: a column of status words.
    if !is_fed(&found, Field::Status) {
        if let Some(p) = profiles
            .iter()
            .filter(|p| !taken(&found, p.index) && p.status_share >= 0.6 && p.distinct <= 30)
            .max_by(|a, b| a.status_share.total_cmp(&b.status_share))
        {
            found.push(Found {
                field: Field::Status,
                index: p.index,
                by: vec!["content"],
                confidence: 0.5 * p.status_share,
                unit: None,
            });
        }
    }
    // Content alone: the creation time is the earliest time of a row, so the datetime column
    // that no other datetime column precedes in (nearly) every row.
    if !is_fed(&found, Field::CreatedAt) {
        profiles.retain(|p| !taken(&found, p.index) && p.datetime_share >= 0.9);
        let earliest = profiles.iter().find(|candidate| {
            profiles.iter().all(|other| {
                let (mut before, mut compared) = (0usize, 0usize);
                for (a, b) in candidate.times.iter().zip(&other.times) {
                    if let (Some(a), Some(b)) = (a, b) {
                        compared += 1;
                        before += usize::from(a <= b);
                    }
                }
                compared == 0 || before * 100 >= compared * 95
            })
        });
        // Alone, a time column could be any time: only the order among several is evidence.
        if let Some(p) = earliest.filter(|_| profiles.len() > 1) {
            found.push(Found {
                field: Field::CreatedAt,
                index: p.index,
                by: vec!["content"],
                confidence: 0.5,
                unit: None,
            });
        }
    }
    found
}
