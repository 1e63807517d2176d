//! The export corpus: real-looking exports of many helpdesks in `tests/exports/`, each with a
//! sidecar `<file>.expected.json` whose figures were worked out by hand from the file (its
//! `work` field shows the arithmetic). Every export is read with no flags, as `helpdesk-kpi
//! report FILE` reads it, and every key present in the sidecar is compared. All mismatches
//! over all files are printed as one table before the test fails.

use std::path::Path;

use chrono::NaiveDate;
use helpdesk_kpi::report::Report;
use helpdesk_kpi::selection::Selection;
use helpdesk_kpi::settings::Settings;
use serde::Deserialize;

const EXPORTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/exports");
const TOLERANCE: f64 = 0.01;

/// A KPI the sidecar may state: `None` when the key is absent, `Some(None)` for `null`.
type Stated = Option<Option<f64>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    #[allow(dead_code)]
    about: String,
    #[allow(dead_code)]
    work: String,
    #[serde(default, deserialize_with = "stated")]
    tickets_created: Stated,
    #[serde(default, deserialize_with = "stated")]
    tickets_solved: Stated,
    #[serde(default, deserialize_with = "stated")]
    resolution_time_median: Stated,
    #[serde(default, deserialize_with = "stated")]
    first_response_time_median: Stated,
    month: Option<Month>,
}

/// The same figures over tickets created in a date range.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Month {
    from: NaiveDate,
    to: NaiveDate,
    #[serde(default, deserialize_with = "stated")]
    tickets_created: Stated,
    #[serde(default, deserialize_with = "stated")]
    tickets_solved: Stated,
    #[serde(default, deserialize_with = "stated")]
    resolution_time_median: Stated,
    #[serde(default, deserialize_with = "stated")]
    first_response_time_median: Stated,
}

/// Keeps an explicit `null` apart from an absent key.
fn stated<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Stated, D::Error> {
    Option::<f64>::deserialize(d).map(Some)
}

/// Sidecar key → (report KPI id, the figures stated for it).
fn keyed(
    created: Stated,
    solved: Stated,
    resolution: Stated,
    first_response: Stated,
) -> [(&'static str, &'static str, Stated); 4] {
    [
        ("tickets_created", "tickets_created", created),
        ("tickets_solved", "tickets_solved", solved),
        ("resolution_time_median", "resolution_time", resolution),
        (
            "first_response_time_median",
            "first_response_time",
            first_response,
        ),
    ]
}

struct Mismatch {
    file: String,
    key: String,
    expected: String,
    got: String,
}

fn show(value: Option<f64>) -> String {
    value.map_or("null".into(), |v| format!("{v}"))
}

/// The report `helpdesk-kpi report FILE [--from --to]` computes, or the reason it refused.
fn report(name: &str, bytes: &[u8], selection: &Selection) -> Result<Report, String> {
    let report = helpdesk_kpi::analyze_with([(name, bytes)], &Settings::default(), selection)?;
    match report.errors.first() {
        Some(error) => Err(format!("refused: {error}")),
        None => Ok(report),
    }
}

/// Compares each stated figure with the report (or marks every one when the file was refused).
fn compare(
    file: &str,
    prefix: &str,
    report: &Result<Report, String>,
    stated: [(&str, &str, Stated); 4],
    out: &mut Vec<Mismatch>,
) {
    for (key, kpi, wanted) in stated {
        let Some(wanted) = wanted else { continue };
        let got = match report {
            Err(_) => Err("refused (see below)".to_string()),
            Ok(report) => Ok(report.kpis.get(kpi).and_then(|k| k.value)),
        };
        let right = match (&got, wanted) {
            (Ok(Some(g)), Some(w)) => (g - w).abs() <= TOLERANCE,
            (Ok(None), None) => true,
            _ => false,
        };
        if !right {
            out.push(Mismatch {
                file: file.into(),
                key: format!("{prefix}{key}"),
                expected: show(wanted),
                got: got.map_or_else(|e| e, show),
            });
        }
    }
}

#[test]
fn every_export_gives_the_hand_worked_figures() {
    let mut sidecars: Vec<_> = std::fs::read_dir(EXPORTS)
        .expect("tests/exports is missing")
        .map(|entry| entry.expect("unreadable directory entry").path())
        .filter(|path| path.to_string_lossy().ends_with(".expected.json"))
        .collect();
    sidecars.sort();
    assert!(!sidecars.is_empty(), "no sidecars in {EXPORTS}");

    let mut mismatches = Vec::new();
    let mut refusals = Vec::new();
    let mut wholly_right = 0;
    for sidecar in &sidecars {
        let text = std::fs::read_to_string(sidecar).expect("unreadable sidecar");
        let expected: Expected = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: bad sidecar: {e}", sidecar.display()));
        let name = sidecar
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".expected.json"))
            .expect("sidecar name")
            .to_string();
        let bytes = std::fs::read(Path::new(EXPORTS).join(&name))
            .unwrap_or_else(|e| panic!("{name}: the export named by its sidecar: {e}"));
        let before = mismatches.len();

        let whole = report(&name, &bytes, &Selection::default());
        let stated = keyed(
            expected.tickets_created,
            expected.tickets_solved,
            expected.resolution_time_median,
            expected.first_response_time_median,
        );
        compare(&name, "", &whole, stated, &mut mismatches);
        if let Err(message) = &whole {
            refusals.push(message.clone());
        }

        if let Some(month) = expected.month {
            let selection = Selection {
                from: Some(month.from),
                to: Some(month.to),
                ..Selection::default()
            };
            let ranged = report(&name, &bytes, &selection);
            let stated = keyed(
                month.tickets_created,
                month.tickets_solved,
                month.resolution_time_median,
                month.first_response_time_median,
            );
            compare(&name, "month.", &ranged, stated, &mut mismatches);
        }
        if mismatches.len() == before {
            wholly_right += 1;
        }
    }

    if !mismatches.is_empty() {
        let width = |f: fn(&Mismatch) -> &str, title: &str| {
            mismatches
                .iter()
                .map(|m| f(m).chars().count())
                .max()
                .unwrap_or(0)
                .max(title.len())
        };
        let (wf, wk, we) = (
            width(|m| &m.file, "file"),
            width(|m| &m.key, "key"),
            width(|m| &m.expected, "expected"),
        );
        println!("{:wf$}  {:wk$}  {:we$}  got", "file", "key", "expected");
        for m in &mismatches {
            println!(
                "{:wf$}  {:wk$}  {:we$}  {}",
                m.file, m.key, m.expected, m.got
            );
        }
    }
    for message in &refusals {
        println!("{message}");
    }
    println!("exports wholly right: {wholly_right} of {}", sidecars.len());
    assert!(
        mismatches.is_empty(),
        "{} mismatches (table above)",
        mismatches.len()
    );
}
