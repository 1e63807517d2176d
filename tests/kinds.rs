//! Calls, survey answers and customers files through the CLI, alone and with ticket exports.
//! Expected figures are worked out by hand from the fixtures in tests/fixtures/vendors/.

use std::process::Command;

use serde_json::Value;

fn report(args: &[&str]) -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_helpdesk-kpi"))
        .arg("report")
        .args(args)
        .args(["--format", "json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the CLI runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON")
}

fn value(report: &Value, id: &str) -> Option<f64> {
    report["kpis"][id]["value"].as_f64()
}

fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.expect("a value, not null");
    assert!((actual - expected).abs() < 1e-9, "{actual} != {expected}");
}

#[test]
fn aircall_calls() {
    let r = report(&["tests/fixtures/vendors/aircall.csv"]);
    assert_eq!(r["sources"][0]["format"], "aircall");
    assert_eq!(r["sources"][0]["kind"], "calls");
    // Answered inbound CA1 (20 s) and CA4 (40 s) → 30 s.
    close(value(&r, "average_speed_of_answer"), 30.0);
    // Inbound 4: CA2 and CA5 not answered → 50 %.
    close(value(&r, "abandon_rate"), 50.0);
    // Answered calls talked 300, 120 (outbound CA3), 600 → 340 s.
    close(value(&r, "average_talk_time"), 340.0);
    // No ticket in a call export.
    assert_eq!(value(&r, "tickets_created"), Some(0.0));
}

#[test]
fn zendesk_talk_calls() {
    let r = report(&["tests/fixtures/vendors/zendesk_talk.csv"]);
    assert_eq!(r["sources"][0]["format"], "zendesk_talk");
    // Inbound 1, 2, 4; abandoned in queue and voicemail are not answered → 2 of 3.
    close(value(&r, "abandon_rate"), 200.0 / 3.0);
    // Answered inbound: call 1 waited 30 s.
    close(value(&r, "average_speed_of_answer"), 30.0);
    // Answered: 200 and 100 (outbound) → 150 s.
    close(value(&r, "average_talk_time"), 150.0);
}

#[test]
fn survey_answers_join_their_tickets() {
    let r = report(&[
        "tests/fixtures/zendesk_small.csv",
        "tests/fixtures/vendors/survey.csv",
    ]);
    assert_eq!(r["sources"][1]["kind"], "surveys");
    assert_eq!(r["tickets"], 8);
    // The survey rates ticket 1 with 5 (was Good) and ticket 2 with 2 (was Good); ticket 999 is
    // not in the data, its answer (4) counts on its own. Rated: 1 (5), 2 (2), 3 (Bad), 999 (4):
    // satisfied 1 and 999 → 2 of 4 = 50 %. Numeric scores 5, 2, 4 → mean 11/3.
    close(value(&r, "csat"), 50.0);
    close(r["kpis"]["csat"]["mean"].as_f64(), 11.0 / 3.0);
    // Offered but unanswered: 7 and 8 → 4 / (4 + 2).
    close(value(&r, "csat_response_rate"), 400.0 / 6.0);
    // NPS 10, 3, 9: promoters 2, detractors 1 of 3 → 33.3.
    close(value(&r, "nps"), 100.0 / 3.0);
    // CES 7, 2, 6 → mean 5; top two boxes (6, 7): 2 of 3.
    close(value(&r, "ces"), 5.0);
    close(r["kpis"]["ces"]["pct_easy"].as_f64(), 200.0 / 3.0);
}

#[test]
fn retention_and_churn_from_a_customers_file() {
    let r = report(&[
        "tests/fixtures/vendors/customers.csv",
        "--from",
        "2024-02-01",
        "--to",
        "2024-02-29",
    ]);
    // S = c1, c2, c5 (3); E = c1, c3 (2); N = c3 (1) → (2 − 1) / 3.
    close(value(&r, "customer_retention_rate"), 100.0 / 3.0);
    // Lost in February: c2, c5 → 2 / 3.
    close(value(&r, "churn_rate"), 200.0 / 3.0);
    // Without a range there is nothing to compare.
    let whole = report(&["tests/fixtures/vendors/customers.csv"]);
    assert_eq!(value(&whole, "churn_rate"), None);
}

#[test]
fn retention_from_requester_activity_without_a_customers_file() {
    let r = report(&[
        "tests/fixtures/zendesk_small.csv",
        "--from",
        "2024-03-05",
        "--to",
        "2024-03-06",
    ]);
    // Previous two days (Mar 3–4): requesters 9001 (ticket 1), 9002 (2, 8) → S = 2.
    // Mar 5–6: 9003, 9001, 9004, 9005, 9006 → E = 5; new (no ticket before Mar 5): 9003, 9004,
    // 9005, 9006 → N = 4. Retention (5 − 4) / 2 = 50 %. Lost: 9002 → churn 1 / 2.
    close(value(&r, "customer_retention_rate"), 50.0);
    close(value(&r, "churn_rate"), 50.0);
    assert!(r["kpis"]["churn_rate"]["note"]
        .as_str()
        .unwrap()
        .contains("requester activity"));
}
