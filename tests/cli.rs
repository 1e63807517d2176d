//! The CLI on small fixture exports of each recognised format. Every expected figure is worked
//! out by hand in the comment beside it, from the fixture rows (tests/fixtures/*.csv).

use std::process::Command;

use serde_json::Value;

fn run(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_helpdesk-kpi"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the CLI runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn report(files: &[&str]) -> Value {
    let mut args = vec!["report"];
    args.extend(files);
    args.extend(["--format", "json"]);
    let (code, stdout, stderr) = run(&args);
    assert_eq!(code, 0, "stderr: {stderr}");
    serde_json::from_str(&stdout).expect("the CLI prints JSON")
}

/// `kpis.<id>.<field>` as f64 (None for null).
fn kpi(report: &Value, id: &str, field: &str) -> Option<f64> {
    let kpi = &report["kpis"][id];
    assert!(kpi.is_object(), "no KPI {id} in the report");
    kpi[field].as_f64()
}

fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.expect("a value, not null");
    assert!((actual - expected).abs() < 1e-9, "{actual} != {expected}");
}

#[test]
fn zendesk_export() {
    let r = report(&["tests/fixtures/zendesk_small.csv"]);
    assert_eq!(r["sources"][0]["format"], "zendesk");
    assert_eq!(r["sources"][0]["rows"], 8);
    assert_eq!(r["sources"][0]["skipped"], 0);
    // The BOM is gone and the quoted subject with a newline is one field: 8 tickets.
    assert_eq!(kpi(&r, "tickets_created", "value"), Some(8.0));
    // Solved or closed: 1, 2, 3, 7.
    assert_eq!(kpi(&r, "tickets_solved", "value"), Some(4.0));
    // Unsolved 4, 5, 6, 8; as of 2024-03-07 12:00 (ticket 8's update) they are 2, 1.125, 0.875
    // and 3.0417 days old: median (1.125 + 2) / 2 = 1.5625.
    assert_eq!(kpi(&r, "backlog", "value"), Some(4.0));
    close(kpi(&r, "backlog", "median_age_days"), 1.5625);
    assert_eq!(r["as_of"], "2024-03-07T12:00:00");
    // First reply column, 7 replied: 1, 2, 5, 30, 45, 90, 120 → median 30, mean 293/7,
    // p90: h = 6·0.9 = 5.4 → 90 + 0.4·30 = 102.
    close(kpi(&r, "first_response_time", "value"), 30.0);
    close(kpi(&r, "first_response_time", "mean"), 293.0 / 7.0);
    close(kpi(&r, "first_response_time", "p90"), 102.0);
    assert_eq!(kpi(&r, "first_response_time", "n"), Some(7.0));
    // Email: tickets 1 (30) and 3 (90) → 60. Chat: 2 and 5 → 3.5.
    assert_eq!(
        r["kpis"]["first_response_time"]["by_channel"]["email"]["value"],
        60
    );
    assert_eq!(
        r["kpis"]["first_response_time"]["by_channel"]["chat"]["value"],
        3.5
    );
    // Business: 1, 2, 5, 30, 45, 60, 60 → median 30, mean 203/7 = 29.
    close(kpi(&r, "first_response_time_business", "value"), 30.0);
    close(kpi(&r, "first_response_time_business", "mean"), 29.0);
    // Full resolution of the solved: 20, 240, 1080, 2880 → median 660, mean 1055,
    // p90: h = 2.7 → 1080 + 0.7·1800 = 2340.
    close(kpi(&r, "resolution_time", "value"), 660.0);
    close(kpi(&r, "resolution_time", "mean"), 1055.0);
    close(kpi(&r, "resolution_time", "p90"), 2340.0);
    // Business: 20, 240, 540, 960 → median 390.
    close(kpi(&r, "resolution_time_business", "value"), 390.0);
    // One-touch (1 reply, 0 reopens) among the 4 solved: tickets 1 and 2 → 50 %.
    close(kpi(&r, "first_contact_resolution", "value"), 50.0);
    // Reopened: ticket 3 of 4 → 25 %. Replies: (1 + 1 + 3 + 2) / 4 = 1.75.
    close(kpi(&r, "reopen_rate", "value"), 25.0);
    close(kpi(&r, "replies_per_ticket", "value"), 1.75);
    // Good, Good, Bad → 2/3. Offered but unanswered: 7 and 8 → 3 / 5 = 60 %.
    close(kpi(&r, "csat", "value"), 200.0 / 3.0);
    close(kpi(&r, "csat_response_rate", "value"), 60.0);
    assert_eq!(kpi(&r, "nps", "value"), None);
    assert!(r["kpis"]["nps"]["reason"].as_str().unwrap().contains("NPS"));
    assert_eq!(r["breakdowns"]["status"]["on_hold"], 1);
    assert_eq!(r["breakdowns"]["channel"]["email"], 3);
    assert_eq!(r["breakdowns"]["priority"]["normal"], 3);
    // Created 3, 2, 3, 0 on Mar 4–7; solved 2 on Mar 4 (1, 2) and 2 on Mar 7 (3, 7); ticket 8's
    // old solve time (Mar 5) does not count, it is on hold again.
    let series = r["series"]["created_vs_solved"].as_array().unwrap();
    let days: Vec<(&str, u64, u64)> = series
        .iter()
        .map(|d| {
            let date = d["date"].as_str().unwrap();
            (
                date,
                d["created"].as_u64().unwrap(),
                d["solved"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        days,
        vec![
            ("2024-03-04", 3, 2),
            ("2024-03-05", 2, 0),
            ("2024-03-06", 3, 0),
            ("2024-03-07", 0, 2)
        ]
    );
}

#[test]
fn freshdesk_export() {
    let r = report(&["tests/fixtures/freshdesk_small.csv"]);
    assert_eq!(r["sources"][0]["format"], "freshdesk");
    // Closed 101, Resolved 102 and 105.
    assert_eq!(kpi(&r, "tickets_solved", "value"), Some(3.0));
    // "Waiting on Customer" is pending.
    assert_eq!(r["breakdowns"]["status"]["pending"], 1);
    // Initial response − created: 90, 5, 120, 240 → median 105, p90: 120 + 0.7·120 = 204.
    close(kpi(&r, "first_response_time", "value"), 105.0);
    close(kpi(&r, "first_response_time", "p90"), 204.0);
    // "First response time (in hrs)" as HH:MM:SS: 90, 5, 120, 60 → median 75.
    close(kpi(&r, "first_response_time_business", "value"), 75.0);
    // Resolved − created (no minutes column): 480, 40, 1440 → median 480, mean 1960/3.
    close(kpi(&r, "resolution_time", "value"), 480.0);
    close(kpi(&r, "resolution_time", "mean"), 1960.0 / 3.0);
    // Time tracked in hours: 0.5, 0.25, 1, 2 → 30, 15, 60, 120 minutes → mean 56.25.
    close(kpi(&r, "average_handle_time", "value"), 56.25);
    // Agent interactions = 1 on 101 and 105 of 3 solved; no reopen column, said in a note.
    close(kpi(&r, "first_contact_resolution", "value"), 200.0 / 3.0);
    assert!(r["kpis"]["first_contact_resolution"]["note"].is_string());
    assert_eq!(kpi(&r, "reopen_rate", "value"), None);
    // Awesome (good), Not Good, Just Okay → 1 of 3.
    close(kpi(&r, "csat", "value"), 100.0 / 3.0);
    // Portal is the web channel.
    assert_eq!(r["breakdowns"]["channel"]["web"], 1);
}

#[test]
fn generic_semicolon_export_with_day_first_dates() {
    let r = report(&["tests/fixtures/generic_small.csv"]);
    assert_eq!(r["sources"][0]["format"], "generic");
    assert_eq!(r["sources"][0]["delimiter"], "semicolon");
    // 13.02.2024 settles day-first: G4 is created on Feb 13, so as of is Feb 13 09:30.
    assert_eq!(r["as_of"], "2024-02-13T09:30:00");
    // 180, 1440, 30 minutes → median 180.
    close(kpi(&r, "resolution_time", "value"), 180.0);
    // CSAT 5, 3, 4 → 2 of 3 satisfied, mean 4.
    close(kpi(&r, "csat", "value"), 200.0 / 3.0);
    close(kpi(&r, "csat", "mean"), 4.0);
    // G3 is open, created Feb 2 08:30: 11 days 1 hour old.
    close(kpi(&r, "backlog", "median_age_days"), 11.0 + 1.0 / 24.0);
    assert_eq!(kpi(&r, "first_response_time", "value"), None);
}

#[test]
fn two_files_are_merged() {
    let r = report(&[
        "tests/fixtures/freshdesk_small.csv",
        "tests/fixtures/generic_small.csv",
    ]);
    assert_eq!(r["tickets"], 9);
    assert_eq!(r["sources"].as_array().unwrap().len(), 2);
    // Solved: 3 + 3.
    assert_eq!(kpi(&r, "tickets_solved", "value"), Some(6.0));
    let same = report(&[
        "tests/fixtures/zendesk_small.csv",
        "tests/fixtures/zendesk_small.csv",
    ]);
    assert_eq!(same["tickets"], 8);
    assert_eq!(same["duplicates"], 8);
}

#[test]
fn bad_rows_are_skipped_counted_and_explained() {
    let (code, stdout, stderr) = run(&[
        "report",
        "tests/fixtures/bad/zendesk_bad_rows.csv",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    // Only rows that cannot be tickets are skipped: line 4 is ragged, line 6 has no id.
    assert!(stderr.contains("2 of 6 rows skipped"), "{stderr}");
    assert!(stderr.contains("2 cells could not be read"), "{stderr}");
    let r: Value = serde_json::from_str(&stdout).unwrap();
    let source = &r["sources"][0];
    assert_eq!(source["rows"], 6);
    assert_eq!(source["skipped"], 2);
    let reasons = source["skipped_reasons"].as_array().unwrap();
    let lines: Vec<u64> = reasons
        .iter()
        .map(|s| s["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, vec![4, 6]);
    assert!(reasons[0]["reason"].as_str().unwrap().contains("8 fields"));
    assert_eq!(reasons[1]["column"], "Id");
    // One odd cell costs its field: "yesterday" (line 3) and -3 replies (line 5) are set aside.
    let aside = source["set_aside_cells"].as_array().unwrap();
    assert_eq!(aside.len(), 2);
    assert_eq!(aside[0]["line"], 3);
    assert_eq!(aside[0]["column"], "Created at");
    assert!(aside[0]["reason"].as_str().unwrap().contains("yesterday"));
    assert_eq!(aside[1]["line"], 5);
    assert_eq!(aside[1]["column"], "Replies");
    // Tickets 1, 2, 4 and 6; first replies 15, 20, 45 → median 20.
    assert_eq!(r["tickets"], 4);
    close(kpi(&r, "first_response_time", "value"), 20.0);
}

#[test]
fn unreadable_files_fail_with_a_message_that_says_what_to_do() {
    for (file, expected) in [
        ("tests/fixtures/bad/not_a_csv.bin", "not a text file"),
        ("tests/fixtures/bad/empty.csv", "the file is empty"),
        ("tests/fixtures/bad/header_only.csv", "no ticket rows"),
        (
            "tests/fixtures/bad/not_tickets.csv",
            "no column was recognised",
        ),
    ] {
        let (code, _, stderr) = run(&["report", file, "--format", "json"]);
        assert_eq!(code, 2, "{file}");
        assert!(stderr.contains(expected), "{file}: {stderr}");
    }
    let (code, _, stderr) = run(&["report", "tests/fixtures/missing.csv"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot open"), "{stderr}");
}

#[test]
fn markdown_report_and_help() {
    let (code, stdout, _) = run(&[
        "report",
        "tests/fixtures/zendesk_small.csv",
        "--format",
        "md",
    ]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("| First response time (median) | 30 min | 7 |"),
        "{stdout}"
    );
    assert!(stdout.contains("| Tickets created | 8 |"));
    let (code, stdout, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("report") && stdout.contains("sample"));
}

#[test]
fn the_sample_command_writes_the_page_sample() {
    let (code, stdout, _) = run(&["sample"]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("Id,Requester id,Assignee"));
    assert_eq!(
        stdout.as_bytes(),
        helpdesk_kpi::sample::zendesk_csv(helpdesk_kpi::sample::DEFAULT_SEED)
    );
}

#[test]
fn date_range_compares_with_the_previous_period() {
    let r = report(&[
        "tests/fixtures/zendesk_small.csv",
        "--from",
        "2024-03-05",
        "--to",
        "2024-03-06",
    ]);
    // Created Mar 5–6: tickets 3, 4, 5, 6, 7. The previous two days, Mar 3–4: 1, 2, 8.
    assert_eq!(r["tickets"], 5);
    assert_eq!(r["previous_period"]["from"], "2024-03-03");
    assert_eq!(r["previous_period"]["to"], "2024-03-04");
    assert_eq!(kpi(&r, "tickets_created", "previous"), Some(3.0));
    assert_eq!(kpi(&r, "tickets_created", "delta"), Some(2.0));
    // First replies now: 90, 45, 1, 120 → median 67.5; before: 30, 2, 5 → 5. Slower: worse.
    close(kpi(&r, "first_response_time", "value"), 67.5);
    close(kpi(&r, "first_response_time", "previous"), 5.0);
    assert_eq!(r["kpis"]["first_response_time"]["improved"], false);
    // Solved 2 now (3, 7) and 2 before (1, 2): no change, no direction.
    assert_eq!(kpi(&r, "tickets_solved", "delta"), Some(0.0));
    assert!(r["kpis"]["tickets_solved"].get("improved").is_none());
}

#[test]
fn categorical_filters_select_tickets() {
    // Chat: tickets 2 and 8.
    let r = report(&["tests/fixtures/zendesk_small.csv", "--channel", "chat"]);
    assert_eq!(r["tickets"], 2);
    assert_eq!(r["tickets_total"], 8);
    // Chat or phone: 2, 8 and 5; priority high among them: 2 and 8.
    let r = report(&[
        "tests/fixtures/zendesk_small.csv",
        "--channel",
        "chat",
        "--channel",
        "phone",
        "--priority",
        "High",
    ]);
    assert_eq!(r["tickets"], 2);
}

#[test]
fn settings_give_targets_and_sla() {
    let r = report(&[
        "tests/fixtures/zendesk_small.csv",
        "--settings",
        "tests/fixtures/settings/targets_and_sla.json",
    ]);
    // Median first response 30 ≤ target 60: met. CSAT 66.7 % < 80: missed.
    assert_eq!(r["kpis"]["first_response_time"]["target_met"], true);
    assert_eq!(r["kpis"]["csat"]["target_met"], false);
    // First response within 60 min: 1 (30), 2 (2), 4 (45), 5 (1), 8 (5) met; 3 (90) and 7 (120)
    // missed; 6 has no reply and has waited 21 h by the as-of time: missed. 5 of 8.
    close(kpi(&r, "sla_compliance", "value"), 62.5);
    let breaches: Vec<&str> = r["sla_breaches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_str().unwrap())
        .collect();
    assert_eq!(breaches, vec!["3", "6", "7"]);
    let (code, _, stderr) = run(&[
        "report",
        "tests/fixtures/zendesk_small.csv",
        "--settings",
        "tests/fixtures/settings/typo.json",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown field `targetz`"), "{stderr}");
}

#[test]
fn the_report_time_zone_makes_durations_across_dst_exact() {
    // Warsaw moved its clocks from 02:00 to 03:00 on 2024-03-31. Ticket 1: created Mar 30
    // 12:00, solved Mar 31 12:00 (wall clock): 23 real hours = 1380 min, not 1440. Ticket 2:
    // Apr 2 10:00 → 11:00: 60 min.
    let dir = std::env::temp_dir().join(format!("hkpi-tz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("dst.csv");
    std::fs::write(
        &file,
        "Ticket ID,Status,Created,Resolved\n\
         1,Resolved,2024-03-30 12:00:00,2024-03-31 12:00:00\n\
         2,Resolved,2024-04-02 10:00:00,2024-04-02 11:00:00\n",
    )
    .unwrap();
    let settings = dir.join("settings.json");
    std::fs::write(&settings, r#"{"time_zone": "Europe/Warsaw"}"#).unwrap();
    let path = file.to_str().unwrap();
    let r = report(&[path, "--settings", settings.to_str().unwrap()]);
    // 60 and 1380 → median 720, mean 720.
    close(kpi(&r, "resolution_time", "value"), 720.0);
    close(kpi(&r, "resolution_time", "mean"), 720.0);
    // In UTC (no zone) the wall clock difference is taken: 60 and 1440 → median 750.
    let utc = report(&[path]);
    close(kpi(&utc, "resolution_time", "value"), 750.0);
    let (code, _, stderr) = run(&[
        "report",
        path,
        "--settings",
        "tests/fixtures/settings/typo.json",
    ]);
    assert_eq!(code, 2, "{stderr}");
    std::fs::write(&settings, r#"{"time_zone": "Mars/Olympus"}"#).unwrap();
    let (code, _, stderr) = run(&["report", path, "--settings", settings.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("not a time zone name"), "{stderr}");
}

#[test]
fn a_declared_csat_scale_overrides_the_guess() {
    let dir = std::env::temp_dir().join(format!("hkpi-scale-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("scores.csv");
    std::fs::write(
        &file,
        "Id,Created at,CSAT\n1,2024-01-01,5\n2,2024-01-01,4\n3,2024-01-01,9\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    // Guessed 0–10 from the 9: satisfied is 9–10 → 1 of 3.
    close(kpi(&report(&[path]), "csat", "value"), 100.0 / 3.0);
    // Declared 1–5... 9 is outside it: the cell is set aside; 5 and 4 are satisfied → 100 %.
    let settings = dir.join("five.json");
    std::fs::write(&settings, r#"{"csat_scale_max": 5}"#).unwrap();
    let (code, stdout, _) = run(&["report", path, "--settings", settings.to_str().unwrap()]);
    assert_eq!(code, 0);
    let r: Value = serde_json::from_str(&stdout).unwrap();
    close(kpi(&r, "csat", "value"), 100.0);
    assert_eq!(r["sources"][0]["skipped"], 0);
    assert_eq!(r["sources"][0]["set_aside"], 1);
}

#[test]
fn the_public_workbook_gives_the_same_kpis_as_its_csv() {
    // The insurer's team exported the same tickets as CSV and as XLSX (../shared/data).
    let csv = report(&["../shared/data/zendesk-insurer/tickets.csv"]);
    let xlsx = report(&["../shared/data/zendesk-insurer/tickets.xlsx"]);
    assert_eq!(xlsx["sources"][0]["format"], "zendesk");
    assert_eq!(xlsx["sources"][0]["skipped"], 0);
    assert_eq!(csv["tickets"], xlsx["tickets"]);
    assert_eq!(csv["kpis"], xlsx["kpis"]);
    assert_eq!(csv["breakdowns"], xlsx["breakdowns"]);
    assert_eq!(csv["series"], xlsx["series"]);
}

/// `report FILE ARGS… --format json`, which must succeed.
fn report_with(file: &str, args: &[&str]) -> Value {
    let mut all = vec!["report", file];
    all.extend(args);
    all.extend(["--format", "json"]);
    let (code, stdout, stderr) = run(&all);
    assert_eq!(code, 0, "stderr: {stderr}");
    serde_json::from_str(&stdout).expect("the CLI prints JSON")
}

#[test]
fn a_column_map_chooses_the_column_of_a_field() {
    // Resolution in calendar minutes of the solved tickets 1, 2, 3, 7: 240, 20, 2880, 1080 →
    // median (240 + 1080) / 2 = 660. Mapped to the business-hours column: 240, 20, 960, 540 →
    // median (240 + 540) / 2 = 390.
    let r = report(&["tests/fixtures/zendesk_small.csv"]);
    close(kpi(&r, "resolution_time", "value"), 660.0);
    let dir = std::env::temp_dir().join(format!("helpdesk-kpi-map-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let map = dir.join("map.json");
    std::fs::write(
        &map,
        r#"{"resolution_minutes": "Full resolution time in minutes within business hours", "priority": null}"#,
    )
    .unwrap();
    let r = report_with(
        "tests/fixtures/zendesk_small.csv",
        &["--map", map.to_str().unwrap()],
    );
    close(kpi(&r, "resolution_time", "value"), 390.0);
    let source = &r["sources"][0];
    assert_eq!(
        source["columns"]["resolution_minutes"],
        "Full resolution time in minutes within business hours"
    );
    // "none": no priority column, so no priority breakdown.
    assert!(source["columns"]["priority"].is_null());
    assert_eq!(source["preview"]["resolution_minutes"][2], "960 min");
    // A map naming an unknown field is refused with the reason.
    std::fs::write(&map, r#"{"opened": "Created at"}"#).unwrap();
    let (code, _, stderr) = run(&[
        "report",
        "tests/fixtures/zendesk_small.csv",
        "--map",
        map.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("the map is not valid") && stderr.contains("unknown variant `opened`"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_encoding_chosen_over_the_detected_one() {
    // Three rows of "Čaj" in windows-1250: too little text for the detector, which takes
    // windows-1252 and reads "Èaj".
    let file = "tests/fixtures/generic_cp1250_misdetected.csv";
    let r = report(&[file]);
    assert_eq!(r["sources"][0]["encoding"], "windows-1252");
    assert_eq!(r["breakdowns"]["group"]["Èaj"], 3);
    let r = report_with(file, &["--encoding", "windows-1250"]);
    assert_eq!(r["sources"][0]["encoding"], "windows-1250");
    assert_eq!(r["breakdowns"]["group"]["Čaj"], 3);
    let (code, _, stderr) = run(&["report", file, "--encoding", "klingon"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("'klingon' is not an encoding"), "{stderr}");
}

#[test]
fn a_sheet_chosen_over_the_first() {
    // Sheet "Tickets": 4 rows, ticket 4's odd cell set aside (see the fuzz seed) → 4 created;
    // sheet "March": tickets 1 and 2 only.
    let file = "tests/fixtures/workbook_two_sheets.xlsx";
    let r = report(&[file]);
    assert_eq!(r["sources"][0]["sheet"], "Tickets");
    assert_eq!(
        r["sources"][0]["sheets"],
        serde_json::json!(["Tickets", "March"])
    );
    assert_eq!(kpi(&r, "tickets_created", "value"), Some(4.0));
    let r = report_with(file, &["--sheet", "March"]);
    assert_eq!(r["sources"][0]["sheet"], "March");
    assert_eq!(kpi(&r, "tickets_created", "value"), Some(2.0));
    let (code, _, stderr) = run(&["report", file, "--sheet", "April"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("no sheet 'April': choose one of 'Tickets', 'March'"),
        "{stderr}"
    );
}

#[test]
fn dates_no_value_settles_are_read_day_or_month_first_as_told() {
    // No day above 12 in either column. Day first: ticket 1 is 1 Feb 09:00 → 10:30 (90 min),
    // ticket 2 2 March 10:00 → 5 March 10:00 (4320 min): median 2205. Month first: 90 min, and
    // Feb 3 → May 3 2024 (29 + 31 + 30 = 90 days, 129 600 min): median 64 845.
    let file = "tests/fixtures/generic_ambiguous_dates.csv";
    for (args, as_of, median, order) in [
        (&[][..], "2024-03-05T10:00:00", 2205.0, "day_first"),
        (
            &["--day-first"][..],
            "2024-03-05T10:00:00",
            2205.0,
            "day_first",
        ),
        (
            &["--month-first"][..],
            "2024-05-03T10:00:00",
            64845.0,
            "month_first",
        ),
    ] {
        let r = report_with(file, args);
        assert_eq!(r["as_of"], as_of, "{args:?}");
        close(kpi(&r, "resolution_time", "value"), median);
        assert_eq!(r["sources"][0]["date_order"], order);
        assert_eq!(
            r["sources"][0]["open_date_order"],
            serde_json::json!(["Created at", "Solved at"])
        );
    }
    // The settings say it too; the flag goes over them.
    let dir = std::env::temp_dir().join(format!("helpdesk-kpi-order-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let settings = dir.join("settings.json");
    std::fs::write(&settings, r#"{"date_order": "month_first"}"#).unwrap();
    let settings = settings.to_str().unwrap();
    let r = report_with(file, &["--settings", settings]);
    assert_eq!(r["as_of"], "2024-05-03T10:00:00");
    let r = report_with(file, &["--settings", settings, "--day-first"]);
    assert_eq!(r["as_of"], "2024-03-05T10:00:00");
    let (code, _, _) = run(&["report", file, "--day-first", "--month-first"]);
    assert_eq!(code, 2);
    // Stderr says which way they were read, and how to read them the other way.
    let (code, _, stderr) = run(&["report", file]);
    assert_eq!(code, 0);
    assert!(
        stderr.contains("no date in 'Created at', 'Solved at' has a day above 12")
            && stderr.contains("read day first (3 April); --month-first reads it the other way"),
        "{stderr}"
    );
    // A column with 13/04 is settled by its values, whatever the flag.
    let r = report_with("tests/fixtures/zendesk_small.csv", &["--month-first"]);
    assert!(r["sources"][0]["open_date_order"].is_null());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_reading_flags_are_in_the_help() {
    let (code, stdout, _) = run(&["report", "--help"]);
    assert_eq!(code, 0);
    for flag in [
        "--map <FILE>",
        "--encoding <NAME>",
        "--sheet <NAME>",
        "--day-first",
        "--month-first",
    ] {
        assert!(
            stdout.contains(flag),
            "{flag} missing from --help:\n{stdout}"
        );
    }
}
