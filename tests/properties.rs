//! Properties of the engine over generated exports (issue 7): the KPIs do not depend on row
//! order, a file merged with itself changes nothing but the duplicate count, breakdowns partition
//! the tickets, percentiles stay between the extremes, no input panics or yields invalid JSON, and
//! every supported datetime form reads back the time it was written from.
//!
//! Exports are written from random tickets (`ticket`, `export`) rather than only random bytes, so
//! that the cases reach the KPIs; `mutated_export` then damages such files byte by byte.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, Timelike};
use helpdesk_kpi::analyze;
use helpdesk_kpi::ingest::datetime::{detect_form, DateForm, FORMS};
use helpdesk_kpi::ingest::read_export;
use helpdesk_kpi::kpi::{Kpi, Unit};
use helpdesk_kpi::model::time::calendar::{EARLIEST, LATEST};
use helpdesk_kpi::report::Report;
use helpdesk_kpi::stats::{mean, percentile, Summary};
use proptest::prelude::*;
use proptest::sample::select;

/// No regression files: this suite writes nothing into the repository. `PROPTEST_CASES=5000`
/// runs a deeper search than the default of each property.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Random tickets and the CSV exports written from them.

#[derive(Clone, Debug)]
struct TicketSpec {
    status: &'static str,
    channel: &'static str,
    priority: &'static str,
    /// Free text in a column no KPI reads.
    subject: &'static str,
    /// Minutes after 2023-01-01 00:00.
    created_minute: i64,
    /// Minutes from creation to the update and to the solve (negative: an inconsistent row).
    updated_after: i64,
    solved_after: Option<i64>,
    first_reply_minutes: Option<u32>,
    resolution_minutes: Option<u32>,
    replies: Option<u8>,
    reopens: Option<u8>,
    satisfaction: &'static str,
    nps: Option<u8>,
    /// Empty lines written before the row (the CSV reader skips them).
    blank_lines_before: u8,
}

fn ticket() -> impl Strategy<Value = TicketSpec> {
    let labels = (
        select(
            &[
                "Open",
                "Pending",
                "Solved",
                "Closed",
                "Hold",
                "New",
                "Escalated",
                "",
            ][..],
        ),
        select(&["Mail", "Chat", "Web form", "Phone", "API", ""][..]),
        select(&["Low", "Normal", "High", "Urgent", ""][..]),
        select(
            &[
                "Good",
                "Bad",
                "Offered",
                "Not Offered",
                "",
                "1",
                "2",
                "3",
                "4",
                "5",
            ][..],
        ),
        select(
            &[
                "Printer jammed",
                "Zoë's refund",
                "Überweisung fehlt",
                "",
                "comma, \"quotes\"; and | pipes",
                "two\nlines",
            ][..],
        ),
    );
    let times = (
        0i64..2 * 365 * 24 * 60,
        0i64..90 * 24 * 60,
        prop::option::of(-600i64..60 * 24 * 60),
        prop::option::of(0u32..20_000),
        prop::option::of(0u32..200_000),
    );
    let counts = (
        prop::option::of(0u8..12),
        prop::option::of(0u8..4),
        prop::option::of(0u8..=10),
        prop_oneof![4 => Just(0u8), 1 => 1u8..3],
    );
    (labels, times, counts).prop_map(
        |(
            (status, channel, priority, satisfaction, subject),
            (created_minute, updated_after, solved_after, first_reply, resolution),
            (replies, reopens, nps, blank_lines_before),
        )| TicketSpec {
            status,
            channel,
            priority,
            subject,
            created_minute,
            updated_after,
            solved_after,
            first_reply_minutes: first_reply,
            resolution_minutes: resolution,
            replies,
            reopens,
            satisfaction,
            nps,
            blank_lines_before,
        },
    )
}

/// How one export is written: delimiter, line ending and the datetime format of its columns.
#[derive(Clone, Debug)]
struct Layout {
    delimiter: u8,
    crlf: bool,
    date_format: &'static str,
}

fn layout() -> impl Strategy<Value = Layout> {
    (
        select(&[b',', b';', b'\t', b'|'][..]),
        any::<bool>(),
        select(DATE_FORMATS),
    )
        .prop_map(|(delimiter, crlf, date_format)| Layout {
            delimiter,
            crlf,
            date_format,
        })
}

const DATE_FORMATS: &[&str] = &[
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d.%m.%Y %H:%M",
    "%m/%d/%Y %I:%M %p",
    "%d/%b/%y %I:%M %p",
];

const HEADER: [&str; 14] = [
    "Id",
    "Status",
    "Via",
    "Priority",
    "Subject",
    "Created at",
    "Updated at",
    "Solved at",
    "First reply time in minutes",
    "Full resolution time in minutes",
    "Replies",
    "Reopens",
    "Satisfaction Score",
    "NPS",
];

/// Column indexes in `HEADER`.
const SUBJECT: usize = 4;
const CREATED_AT: usize = 5;
const RESOLUTION: usize = 9;
const REPLIES: usize = 10;
const SATISFACTION: usize = 12;
const NPS: usize = 13;

fn start_of_2023() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2023, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap()
}

/// One row's cells, in `HEADER` order.
fn cells(id: &str, t: &TicketSpec, layout: &Layout) -> Vec<Vec<u8>> {
    let time = |minute: i64| {
        (start_of_2023() + chrono::Duration::minutes(minute))
            .format(layout.date_format)
            .to_string()
    };
    let optional = |value: Option<String>| value.unwrap_or_default();
    [
        id.to_string(),
        t.status.to_string(),
        t.channel.to_string(),
        t.priority.to_string(),
        t.subject.to_string(),
        time(t.created_minute),
        time(t.created_minute + t.updated_after),
        optional(t.solved_after.map(|after| time(t.created_minute + after))),
        optional(t.first_reply_minutes.map(|m| m.to_string())),
        optional(t.resolution_minutes.map(|m| m.to_string())),
        optional(t.replies.map(|r| r.to_string())),
        optional(t.reopens.map(|r| r.to_string())),
        t.satisfaction.to_string(),
        optional(t.nps.map(|n| n.to_string())),
    ]
    .into_iter()
    .map(String::into_bytes)
    .collect()
}

/// The CSV bytes of `rows` (blank lines before each as its spec says), and the line each row
/// starts on.
fn write_rows(rows: &[(Vec<Vec<u8>>, u8)], layout: &Layout) -> (Vec<u8>, Vec<u64>) {
    let record = |cells: &[Vec<u8>]| {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(layout.delimiter)
            .terminator(if layout.crlf {
                csv::Terminator::CRLF
            } else {
                csv::Terminator::Any(b'\n')
            })
            .from_writer(Vec::new());
        writer.write_record(cells).unwrap();
        writer.into_inner().unwrap()
    };
    let header: Vec<Vec<u8>> = HEADER.iter().map(|h| h.as_bytes().to_vec()).collect();
    let mut bytes = record(&header);
    let mut lines = Vec::with_capacity(rows.len());
    for (cells, blank_lines_before) in rows {
        for _ in 0..*blank_lines_before {
            bytes.extend_from_slice(if layout.crlf { b"\r\n" } else { b"\n" });
        }
        lines.push(1 + bytes.iter().filter(|&&b| b == b'\n').count() as u64);
        bytes.extend(record(cells));
    }
    (bytes, lines)
}

fn write_export(tickets: &[(String, TicketSpec)], layout: &Layout) -> Vec<u8> {
    let rows: Vec<(Vec<Vec<u8>>, u8)> = tickets
        .iter()
        .map(|(id, t)| (cells(id, t, layout), t.blank_lines_before))
        .collect();
    write_rows(&rows, layout).0
}

/// Tickets with unique ids, and the layout they are written in.
fn export() -> impl Strategy<Value = (Vec<(String, TicketSpec)>, Layout)> {
    (prop::collection::vec(ticket(), 0..25), layout()).prop_map(|(tickets, layout)| {
        let tickets = tickets
            .into_iter()
            .enumerate()
            .map(|(i, t)| (format!("{}", 1000 + i), t))
            .collect();
        (tickets, layout)
    })
}

fn report_of(name: &str, bytes: &[u8]) -> Report {
    analyze([(name, bytes)])
}

/// The figures a person reads: everything but the per-file source details.
fn figures(report: &Report) -> impl PartialEq + std::fmt::Debug + '_ {
    (
        report.tickets,
        &report.as_of,
        &report.kpis,
        &report.breakdowns,
        &report.series.created_vs_solved,
        report.errors.len(),
    )
}

// ---------------------------------------------------------------------------------------------
// What holds for every report, whatever the input.

fn assert_sane(report: &Report) -> Result<(), TestCaseError> {
    let json = serde_json::to_string(report)
        .map_err(|e| TestCaseError::fail(format!("the report does not serialise: {e}")))?;
    serde_json::from_str::<serde_json::Value>(&json)
        .map_err(|e| TestCaseError::fail(format!("the JSON does not parse back: {e}")))?;
    for (id, kpi) in &report.kpis {
        assert_sane_kpi(id.name(), kpi, true)?;
    }
    for (name, counts) in &report.breakdowns {
        prop_assert_eq!(
            counts.values().sum::<usize>(),
            report.tickets,
            "breakdown {} does not partition the tickets",
            name
        );
    }
    let created: usize = report
        .series
        .created_vs_solved
        .iter()
        .map(|d| d.created)
        .sum();
    prop_assert!(created <= report.tickets);
    let days = report.series.created_vs_solved.len() as i64;
    prop_assert!(days <= (LATEST - EARLIEST) / 86_400 + 1, "{} days", days);
    Ok(())
}

/// 1900-01-01 to 2100-12-31 in minutes.
const LONGEST_MINUTES: f64 = (LATEST - EARLIEST) as f64 / 60.0;

fn assert_sane_kpi(id: &str, kpi: &Kpi, headline: bool) -> Result<(), TestCaseError> {
    let numbers = [kpi.value, kpi.mean, kpi.median, kpi.p90]
        .into_iter()
        .flatten()
        .chain(kpi.extras.values().copied());
    for v in numbers {
        prop_assert!(v.is_finite(), "{}: {} is not finite", id, v);
        if matches!(kpi.unit, Unit::Minutes | Unit::Count | Unit::Replies) {
            prop_assert!(v >= 0.0, "{}: {} {} is negative", id, v, kpi.unit);
        }
        // No duration outlasts the span of the times ingest accepts (1900–2100).
        if kpi.unit == Unit::Minutes {
            prop_assert!(v <= LONGEST_MINUTES, "{}: {} minutes", id, v);
        }
    }
    if let Some(v) = kpi.value {
        match kpi.unit {
            Unit::Percent => prop_assert!((0.0..=100.0).contains(&v), "{}: {} %", id, v),
            Unit::Score => prop_assert!((-100.0..=100.0).contains(&v), "{}: score {}", id, v),
            _ => {}
        }
    } else if headline {
        prop_assert!(kpi.reason.is_some(), "{} is null without a reason", id);
    }
    if let (Some(median), Some(p90)) = (kpi.median, kpi.p90) {
        prop_assert!(median <= p90, "{}: median {} > p90 {}", id, median, p90);
    }
    for (group, inner) in kpi.by_channel.iter().chain(&kpi.by_priority) {
        assert_sane_kpi(&format!("{id}[{group}]"), inner, false)?;
    }
    Ok(())
}

/// One bad cell, as real exports have them.
#[derive(Clone, Copy, Debug)]
enum Bad {
    /// This text in this column.
    Cell(usize, &'static str),
    /// The creation time in this year, written in the file's own form ("yesterday" where the
    /// form has two-digit years, which cannot leave 1969–2068).
    CreatedInYear(i32),
    /// The creation time on Feb 30, in the file's own form.
    CreatedOnFeb30,
}

const BAD: &[Bad] = &[
    Bad::Cell(CREATED_AT, "yesterday"),
    Bad::Cell(CREATED_AT, "2023-02-28T10:15:00+25:00"),
    Bad::CreatedInYear(0),
    Bad::CreatedInYear(1),
    Bad::CreatedInYear(1899),
    Bad::CreatedInYear(2101),
    Bad::CreatedInYear(9999),
    Bad::CreatedOnFeb30,
    Bad::Cell(RESOLUTION, "1e300"),
    Bad::Cell(RESOLUTION, "NaN"),
    Bad::Cell(RESOLUTION, "inf"),
    Bad::Cell(RESOLUTION, "-5"),
    Bad::Cell(RESOLUTION, "1e400"),
    Bad::Cell(RESOLUTION, "1.7976931348623157e308"),
    Bad::Cell(RESOLUTION, "99999999999:00"),
    Bad::Cell(REPLIES, "-1"),
    Bad::Cell(REPLIES, "2.5"),
    Bad::Cell(REPLIES, "4294967296"),
    Bad::Cell(NPS, "11"),
    Bad::Cell(NPS, "-1"),
    Bad::Cell(NPS, "NaN"),
    Bad::Cell(SATISFACTION, "maybe"),
];

impl Bad {
    /// The column and the text of the bad cell in a file written in `layout`.
    fn cell(self, layout: &Layout) -> (usize, String) {
        let two_digit_years = layout.date_format.contains("%y");
        let at = |year: i32, day: u32| {
            NaiveDate::from_ymd_opt(year, 2, day)
                .and_then(|d| d.and_hms_opt(10, 15, 0))
                .unwrap()
                .format(layout.date_format)
                .to_string()
        };
        match self {
            Bad::Cell(column, text) => (column, text.to_string()),
            Bad::CreatedInYear(_) if two_digit_years => (CREATED_AT, "yesterday".into()),
            Bad::CreatedInYear(year) => (CREATED_AT, at(year, 1)),
            Bad::CreatedOnFeb30 => (CREATED_AT, at(2023, 28).replacen("28", "30", 1)),
        }
    }
}

/// Text that must not disturb anything when it sits in a column no KPI reads.
const HOSTILE_TEXT: &[&[u8]] = &[
    b"\0",
    b"bad\xFFbyte",
    b"\xC3",
    b"\xEF\xBB\xBF",
    b"<script>alert(1)</script>",
    b"=HYPERLINK(\"http://example.invalid\";\"click\")",
    b"\"",
    b"\r\n\r\n",
    b"\r",
    b"Id,Status",
];

/// Pieces a damaged export gets: quotes, delimiters, line breaks, NUL, BOM, invalid UTF-8,
/// signs, exponents and absurd numbers.
const DAMAGE: &[&[u8]] = &[
    b"\"",
    b",",
    b";",
    b"\t",
    b"\n",
    b"\r",
    b"\r\n",
    b"\0",
    b"\xEF\xBB\xBF",
    b"\xFF",
    b"\xC3",
    b"-",
    b"e999",
    b"NaN",
    b"inf",
    b"9999",
    b"0000",
    b"+25:00",
    b"1e300",
    b"=",
    b"<script>",
    b"  ",
    b"",
];

// ---------------------------------------------------------------------------------------------
// The properties.

proptest! {
    // Each case writes and reads two exports: fewer cases.
    #![proptest_config(config(48))]

    /// Shuffling the rows of an export changes no figure.
    #[test]
    fn kpis_do_not_depend_on_row_order(
        (tickets, layout) in export(),
        seed in any::<u64>(),
    ) {
        let mut shuffled = tickets.clone();
        // A Fisher–Yates shuffle driven by `seed` (a proptest shuffle would shrink poorly).
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let original = report_of("a.csv", &write_export(&tickets, &layout));
        let reordered = report_of("a.csv", &write_export(&shuffled, &layout));
        assert_sane(&original)?;
        prop_assert_eq!(figures(&original), figures(&reordered));
    }

    /// The same file dropped twice: every figure stays, each row of the second copy is counted
    /// as a duplicate. Ids repeat inside the file too (a pool of 8).
    #[test]
    fn merging_a_file_with_itself_changes_only_the_duplicate_count(
        tickets in prop::collection::vec((0u8..8, ticket()), 1..30),
        layout in layout(),
    ) {
        let tickets: Vec<(String, TicketSpec)> =
            tickets.into_iter().map(|(id, t)| (id.to_string(), t)).collect();
        let bytes = write_export(&tickets, &layout);
        let once = report_of("a.csv", &bytes);
        let twice = analyze([("a.csv", &bytes[..]), ("a.csv", &bytes[..])]);
        assert_sane(&twice)?;
        prop_assert_eq!(figures(&once), figures(&twice));
        // File 2 repeats every ticket file 1 read, its own duplicates included.
        let read_once = once.tickets + once.duplicates;
        prop_assert_eq!(twice.duplicates, once.duplicates + read_once);
    }

    /// Breakdowns partition the tickets, and every generated export gives a sane report.
    #[test]
    fn breakdowns_partition_and_reports_are_sane((tickets, layout) in export()) {
        let report = report_of("a.csv", &write_export(&tickets, &layout));
        assert_sane(&report)?;
        if !tickets.is_empty() {
            prop_assert_eq!(report.tickets, tickets.len());
            prop_assert_eq!(report.sources[0].skipped, 0);
            for dimension in ["status", "channel", "priority"] {
                prop_assert!(report.breakdowns.contains_key(dimension));
            }
        }
        // The statistics of the durations lie within the durations the export holds.
        let most = tickets
            .iter()
            .flat_map(|(_, t)| {
                [
                    t.first_reply_minutes.map(f64::from),
                    t.resolution_minutes.map(f64::from),
                    t.solved_after.map(|m| m as f64),
                ]
            })
            .flatten()
            .fold(0.0, f64::max);
        for id in ["first_response_time", "resolution_time"] {
            let kpi = &report.kpis[id];
            for v in [kpi.value, kpi.mean, kpi.median, kpi.p90].into_iter().flatten() {
                prop_assert!((0.0..=most).contains(&v), "{}: {} outside 0–{}", id, v, most);
            }
        }
    }

    /// One bad cell costs exactly its field: it is set aside at its line, no row is skipped, and
    /// every figure is what the export with that cell empty gives (but for the note that says
    /// an answer word was not known).
    #[test]
    fn one_bad_cell_costs_exactly_its_field(
        (tickets, layout) in export().prop_filter("two tickets", |(t, _)| t.len() >= 2),
        which in any::<prop::sample::Index>(),
        bad in select(BAD),
    ) {
        let k = which.index(tickets.len());
        let (column, text) = bad.cell(&layout);
        let mut rows: Vec<(Vec<Vec<u8>>, u8)> = tickets
            .iter()
            .map(|(id, t)| (cells(id, t, &layout), t.blank_lines_before))
            .collect();
        let mut blank = rows.clone();
        blank[k].0[column] = Vec::new();
        rows[k].0[column] = text.clone().into_bytes();
        let (bytes, lines) = write_rows(&rows, &layout);
        let damaged = report_of("a.csv", &bytes);
        assert_sane(&damaged)?;
        let source = &damaged.sources[0];
        prop_assert_eq!(source.skipped, 0, "{:?}", &source.skipped_reasons);
        let aside: Vec<u64> = source.set_aside_cells.iter().map(|s| s.line).collect();
        // A missing-value token ("NaN" as pandas writes it) is an empty cell, not an odd one.
        let missing = helpdesk_kpi::ingest::lexicon::is_missing(text.trim());
        prop_assert_eq!(
            aside,
            if missing { vec![] } else { vec![lines[k]] },
            "{:?} in {}: {:?}",
            text,
            HEADER[column],
            &source.set_aside_cells
        );
        prop_assert_eq!(
            source.set_aside_by_column.get(HEADER[column]),
            (!missing).then_some(&1)
        );
        let mut damaged = damaged.clone();
        let reference = report_of("a.csv", &write_rows(&blank, &layout).0);
        if column == SATISFACTION {
            for id in ["csat", "csat_response_rate"] {
                let (Some(kpi), Some(want)) = (damaged.kpis.get_mut(id), reference.kpis.get(id)) else {
                    continue;
                };
                if kpi.value.is_some() {
                    kpi.note = want.note.clone();
                    kpi.note_keys = want.note_keys.clone();
                } else {
                    // Most answers unknown: null with that reason, where the blank cell left a
                    // figure or a null of its own.
                    prop_assert!(
                        want.value.is_none()
                            || kpi.reason.as_deref().is_some_and(|r| r.contains("does not know"))
                    );
                    *kpi = want.clone();
                }
            }
        }
        prop_assert_eq!(figures(&damaged), figures(&reference));
    }

    /// NUL, invalid UTF-8, a BOM, markup, formulas, quotes and line breaks in a subject change
    /// no figure and cost no row.
    #[test]
    fn hostile_text_in_an_unused_column_changes_no_figure(
        (tickets, layout) in export().prop_filter("a ticket", |(t, _)| !t.is_empty()),
        which in any::<prop::sample::Index>(),
        text in select(HOSTILE_TEXT),
    ) {
        let k = which.index(tickets.len());
        let mut rows: Vec<(Vec<Vec<u8>>, u8)> = tickets
            .iter()
            .map(|(id, t)| (cells(id, t, &layout), t.blank_lines_before))
            .collect();
        rows[k].0[SUBJECT].splice(0..0, text.iter().copied());
        let (bytes, _) = write_rows(&rows, &layout);
        let damaged = report_of("a.csv", &bytes);
        let clean = report_of("a.csv", &write_export(&tickets, &layout));
        assert_sane(&damaged)?;
        prop_assert_eq!(&damaged.errors, &clean.errors);
        prop_assert_eq!(damaged.sources[0].skipped, 0, "{:?}", &damaged.sources[0].skipped_reasons);
        prop_assert_eq!(figures(&damaged), figures(&clean));
    }
}

proptest! {
    #![proptest_config(config(96))]

    /// Percentiles lie between the smallest and the largest value, in order; the mean too.
    #[test]
    fn percentiles_lie_between_min_and_max(
        mut values in prop::collection::vec(-1e12f64..1e12, 1..200),
        p in 0.0f64..=1.0,
    ) {
        values.sort_by(f64::total_cmp);
        let (min, max) = (values[0], values[values.len() - 1]);
        // Interpolation may round by an ulp or so past an end.
        let slack = 1e-9 * min.abs().max(max.abs()).max(1.0);
        let at = |q: f64| percentile(&values, q).unwrap();
        let (low, median, p90) = (at(0.1), at(0.5), at(0.9));
        prop_assert!(min - slack <= low && low <= median + slack);
        prop_assert!(median <= p90 + slack && p90 <= max + slack);
        prop_assert!((min - slack..=max + slack).contains(&at(p)));
        let average = mean(&values).unwrap();
        prop_assert!((min - slack..=max + slack).contains(&average));
        let summary = Summary::of(values.clone()).unwrap();
        prop_assert_eq!((summary.median, summary.p90), (median, p90));
    }

    /// Any bytes: no panic, a JSON report, sane KPIs.
    #[test]
    fn any_bytes_give_a_sane_report(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let report = report_of("random.csv", &bytes);
        assert_sane(&report)?;
        prop_assert_eq!(read_export("random.csv", &bytes).is_ok(), report.errors.is_empty());
    }

    /// A generated export damaged in a few places (`DAMAGE` inserted, overwritten, or the file
    /// cut): no panic, a JSON report, sane KPIs.
    #[test]
    fn damaged_exports_give_a_sane_report(
        (tickets, layout) in export(),
        damage in prop::collection::vec(
            (any::<prop::sample::Index>(), 0u8..3, select(DAMAGE)),
            1..12,
        ),
    ) {
        let mut bytes = write_export(&tickets, &layout);
        for (at, how, piece) in damage {
            let at = at.index(bytes.len() + 1);
            match how {
                0 => { bytes.splice(at..at, piece.iter().copied()); }
                1 => {
                    let end = (at + piece.len().max(1)).min(bytes.len());
                    bytes.splice(at..end, piece.iter().copied());
                }
                _ => { bytes.truncate(at); }
            }
        }
        let report = report_of("damaged.csv", &bytes);
        assert_sane(&report)?;
    }
}

// ---------------------------------------------------------------------------------------------
// Datetimes: every form reads back what it wrote.

/// A time between 1974 and 2068: inside both the Unix-digit forms (9–10 digits from 1973) and
/// the two-digit years of `%y` (1969–2068).
fn moment() -> impl Strategy<Value = NaiveDateTime> {
    (
        1974i32..=2068,
        1u32..=12,
        1u32..=28,
        0u32..24,
        0u32..60,
        0u32..60,
        0u32..1_000_000_000,
    )
        .prop_map(|(y, mo, d, h, mi, s, nanos)| {
            NaiveDate::from_ymd_opt(y, mo, d)
                .and_then(|date| date.and_hms_nano_opt(h, mi, s, nanos))
                .unwrap()
        })
}

/// `at` written in `form` (offset forms at `offset_minutes` east), and the timestamp that the
/// written text holds (seconds or minutes dropped where the form has none).
fn written(form: DateForm, at: NaiveDateTime, offset_minutes: i32) -> (String, i64) {
    let utc = at.and_utc().timestamp();
    match form {
        DateForm::WithOffset => {
            let offset = FixedOffset::east_opt(offset_minutes * 60).unwrap();
            let local: DateTime<FixedOffset> = at.and_utc().with_timezone(&offset);
            let text = if offset_minutes % 2 == 0 {
                local.to_rfc3339()
            } else {
                local.format("%Y-%m-%d %H:%M:%S%.f%:z").to_string()
            };
            (text, utc)
        }
        DateForm::Naive(format) => {
            let mut kept = at;
            if !format.contains("%.f") {
                kept = kept.with_nanosecond(0).unwrap();
            }
            if !format.contains("%S") {
                kept = kept.with_second(0).unwrap();
            }
            (at.format(format).to_string(), kept.and_utc().timestamp())
        }
        DateForm::DateOnly(format) => {
            let midnight = at.date().and_hms_opt(0, 0, 0).unwrap();
            (
                at.format(format).to_string(),
                midnight.and_utc().timestamp(),
            )
        }
        DateForm::UnixSeconds => (utc.to_string(), utc),
        DateForm::UnixMilliseconds => {
            let millis = utc * 1000 + i64::from(at.and_utc().timestamp_subsec_millis());
            (millis.to_string(), utc)
        }
        DateForm::ExcelSerial => {
            // Days since 1899-12-30 with eight decimals: finer than a second.
            let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)
                .unwrap()
                .and_hms_opt(0, 0, 0);
            let seconds = utc - epoch.unwrap().and_utc().timestamp();
            (format!("{:.8}", seconds as f64 / 86_400.0), utc)
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    /// Each form parses its own writing back to the same timestamp.
    #[test]
    fn every_form_reads_back_what_it_wrote(
        at in moment(),
        offset_minutes in -14 * 60i32..=14 * 60,
    ) {
        for &form in FORMS {
            let (text, expected) = written(form, at, offset_minutes);
            prop_assert_eq!(form.parse(&text), Some(expected), "{:?} wrote {}", form, text);
        }
    }

    /// A column written in one form is detected as such and read back in full through
    /// `read_export`. One day after the 12th settles day- or month-first, as in real exports.
    #[test]
    fn a_column_in_any_form_is_read_back(
        form_index in 0..FORMS.len(),
        moments in prop::collection::vec(moment(), 1..20),
        anchor in moment(),
        offset_minutes in -14 * 60i32..=14 * 60,
    ) {
        let form = FORMS[form_index];
        let anchor = anchor.with_day(13 + anchor.day() % 16).unwrap();
        let mut column: Vec<(String, i64)> =
            moments.iter().map(|&at| written(form, at, offset_minutes)).collect();
        column.push(written(form, anchor, offset_minutes));

        let detected = detect_form(column.iter().map(|(text, _)| text.as_str()));
        prop_assert!(detected.is_some(), "no form reads {:?}", column);

        let mut csv = String::from("Id,Created at\n");
        for (i, (text, _)) in column.iter().enumerate() {
            csv.push_str(&format!("{i},\"{text}\"\n"));
        }
        let export = read_export("dates.csv", csv.as_bytes())
            .map_err(|e| TestCaseError::fail(e.text()))?;
        prop_assert_eq!(export.source.skipped, 0, "{:?}", export.source.skipped_reasons);
        let read: Vec<Option<i64>> = export.tickets.tickets().map(|t| t.created_at.get()).collect();
        let wanted: Vec<Option<i64>> = column.iter().map(|(_, ts)| Some(*ts)).collect();
        prop_assert_eq!(read, wanted, "{:?} detected as {:?}", form, detected);
    }
}

// ---------------------------------------------------------------------------------------------
// Hand-built datasets: times no export could hold.

/// Ingest never makes such times (it keeps 1900–2100), but `Dataset` and `Ticket` are public:
/// a caller that builds tickets itself must not reach an i64 overflow in the KPI code.
#[test]
fn extreme_timestamps_in_a_hand_built_dataset() {
    use helpdesk_kpi::dataset::Dataset;
    use helpdesk_kpi::model::Field;
    use helpdesk_kpi::model::{Status, Ticket};

    // `i64::MIN` itself is the compact "no time" of a ticket field.
    const EARLIEST: i64 = i64::MIN + 1;
    let tickets = [
        Ticket {
            id: "1".into(),
            status: Some(Status::Solved),
            created_at: Some(EARLIEST).into(),
            solved_at: Some(i64::MAX).into(),
            ..Ticket::default()
        },
        Ticket {
            id: "2".into(),
            status: Some(Status::Open),
            created_at: Some(EARLIEST).into(),
            updated_at: Some(i64::MAX).into(),
            ..Ticket::default()
        },
    ];
    let fields = [Field::CreatedAt, Field::SolvedAt, Field::Status].into();
    let table = helpdesk_kpi::model::table::TicketTable::of_tickets(&tickets, None);
    let dataset = Dataset::of_table(table, fields, None);
    let report = Report::build(&dataset, Vec::new());
    let resolution = report.kpis["resolution_time"].value;
    assert!(resolution.is_some_and(|m| m >= 0.0), "{resolution:?}");
}

// ---------------------------------------------------------------------------------------------
// Business hours: never more business minutes than calendar minutes, whatever the schedule.

fn schedule_spec() -> impl Strategy<Value = helpdesk_kpi::model::time::business_hours::ScheduleSpec>
{
    let zones = select(vec![
        "UTC",
        "Europe/Warsaw",
        "Europe/Bratislava",
        "Asia/Shanghai",
        "America/New_York",
        "Australia/Lord_Howe",
    ]);
    let interval = (0u32..24, 0u32..4, 1u32..24).prop_map(|(start, quarter, length)| {
        let end = (start + length) % 24;
        format!("{start:02}:{:02}-{end:02}:00", quarter * 15)
    });
    let day = proptest::collection::vec(interval, 0..3);
    (
        zones,
        proptest::collection::vec(day, 7),
        proptest::collection::vec(0i64..400, 0..5),
    )
        .prop_map(|(zone, days, holidays)| {
            let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
            let base = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
            helpdesk_kpi::model::time::business_hours::ScheduleSpec {
                time_zone: zone.to_string(),
                hours: names
                    .iter()
                    .zip(days)
                    .filter(|(_, d)| !d.is_empty())
                    .map(|(n, d)| (n.to_string(), d))
                    .collect(),
                holidays: holidays
                    .into_iter()
                    .map(|d| base + chrono::Duration::days(d))
                    .collect(),
                special_days: Default::default(),
            }
        })
}

proptest! {
    #![proptest_config(config(1024))]

    #[test]
    fn business_minutes_never_exceed_calendar_minutes(
        spec in schedule_spec(),
        start in 1_704_067_200i64..1_735_689_600,
        length in 0i64..(40 * 86_400),
    ) {
        // Any schedule, zone (DST, half-hour zones), holidays; spans up to 40 days in 2024.
        let Ok(schedule) = spec.compile() else {
            // Overlapping or empty intervals may be refused: that is a message, not a panic.
            return Ok(());
        };
        let minutes = schedule.business_minutes_between(start, start + length);
        let calendar = length as f64 / 60.0;
        let business = minutes.expect("a forward span is measured");
        prop_assert!(business >= 0.0 && business <= calendar + 1e-9, "{business} > {calendar}");
    }
}
