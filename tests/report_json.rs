//! The page's worker sends its report as JSON and the page reads it back: every report the
//! engine makes must survive that trip unchanged.

use std::path::Path;

use helpdesk_kpi::report::Report;
use helpdesk_kpi::selection::Selection;
use helpdesk_kpi::settings::Settings;

fn round_trip(files: &[&str], settings: &Settings, selection: &Selection) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let contents: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|f| (f.to_string(), std::fs::read(root.join(f)).unwrap()))
        .collect();
    let report = helpdesk_kpi::analyze_with(
        contents.iter().map(|(n, b)| (n.as_str(), b.as_slice())),
        settings,
        selection,
    )
    .unwrap();
    let json = report.to_json();
    let back: Report = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{files:?}: {e}"));
    let again = back.to_json();
    // The first line that differs, not two pages of JSON.
    if let Some((line, (a, b))) = json
        .lines()
        .zip(again.lines())
        .enumerate()
        .find(|(_, (a, b))| a != b)
    {
        panic!("{files:?}: line {}: {a:?} became {b:?}", line + 1);
    }
    assert_eq!(json.len(), again.len(), "{files:?}");
}

#[test]
fn every_kind_of_report_reads_back_the_same() {
    let settings: Settings = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/settings/targets_and_sla.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let month = Selection {
        from: chrono::NaiveDate::from_ymd_opt(2024, 3, 1),
        to: chrono::NaiveDate::from_ymd_opt(2024, 3, 31),
        ..Selection::default()
    };
    // Tickets with skipped rows, several vendors at once (calls, surveys, customers), targets,
    // SLA breaches and a previous period.
    round_trip(
        &["zendesk_hostile.csv"],
        &Settings::default(),
        &Selection::default(),
    );
    round_trip(
        &[
            "zendesk_small.csv",
            "freshdesk_small.csv",
            "vendors/aircall.csv",
            "vendors/survey.csv",
            "vendors/customers.csv",
            "vendors/help_scout.csv",
        ],
        &settings,
        &month,
    );
    round_trip(
        &["bad/not_a_csv.bin", "generic_small.csv"],
        &settings,
        &Selection::default(),
    );
}
