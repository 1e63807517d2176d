//! The silent-wrong-number guards: where the reader cannot read a file's vocabulary or units,
//! the report says so in a warning and on the KPIs it touches, and never gives a confident
//! figure built on the guess. Each fixture is small enough to check by hand.

use helpdesk_kpi::settings::Settings;
use helpdesk_kpi::{analyze, analyze_with, selection::Selection};

/// Five tickets in Portuguese statuses the lexicon knows, and two words it does not.
const UNKNOWN_STATUSES: &str = "\
ID;Status;Data de abertura;Data da solução
1;Encerrado com sucesso;01-05-2025 09:00;01-05-2025 10:00
2;Encerrado com sucesso;02-05-2025 09:00;02-05-2025 11:00
3;Em triagem;03-05-2025 09:00;
4;Encerrado com sucesso;04-05-2025 09:00;04-05-2025 09:30
5;Fechado;05-05-2025 09:00;05-05-2025 12:00
";

#[test]
fn most_statuses_unknown_gives_no_solved_count_but_a_reason_and_a_warning() {
    let report = analyze([("glpi.csv", UNKNOWN_STATUSES.as_bytes())]);
    // 4 of 5 rows unknown ('Encerrado com sucesso' ×3, 'Em triagem' ×1): no count of solved or
    // open tickets can be trusted.
    for id in ["tickets_solved", "backlog"] {
        let kpi = &report.kpis[id];
        assert_eq!(kpi.value, None, "{id}");
        let reason = kpi.reason.as_deref().unwrap_or("");
        assert!(reason.contains("most tickets (4 of 5)"), "{reason}");
        assert!(reason.contains("'Encerrado com sucesso'"), "{reason}");
    }
    let source = &report.sources[0];
    assert!(
        source
            .warnings
            .iter()
            .any(|w| w.starts_with("4 of 5 rows have a status")),
        "{:?}",
        source.warnings
    );
    let unknown: Vec<&str> = source
        .statuses
        .iter()
        .filter(|s| s.read_as.is_none())
        .map(|s| s.value.as_str())
        .collect();
    assert_eq!(unknown, ["Encerrado com sucesso", "Em triagem"]);
    // Still the same number of tickets: the count of tickets needs no status.
    assert_eq!(report.kpis["tickets_created"].value, Some(5.0));
}

#[test]
fn the_persons_own_reading_of_statuses_gives_the_hand_worked_count() {
    let settings: Settings = serde_json::from_str(
        r#"{"status_values": {"Encerrado com sucesso": "closed", "Em triagem": "open"}}"#,
    )
    .unwrap();
    let report = analyze_with(
        [("glpi.csv", UNKNOWN_STATUSES.as_bytes())],
        &settings,
        &Selection::default(),
    )
    .unwrap();
    // Solved: 1, 2, 4 (mapped) and 5 (Fechado) = 4; open: 3.
    assert_eq!(report.kpis["tickets_solved"].value, Some(4.0));
    assert_eq!(report.kpis["backlog"].value, Some(1.0));
    // Resolution 60, 120, 30, 180 → sorted 30, 60, 120, 180 → median 90.
    assert_eq!(report.kpis["resolution_time"].value, Some(90.0));
    assert!(report.kpis["tickets_solved"].note.is_none());
    let yours = report.sources[0]
        .statuses
        .iter()
        .find(|s| s.value == "Encerrado com sucesso")
        .unwrap();
    assert_eq!(yours.read_as.as_deref(), Some("closed"));
    assert_eq!(serde_json::to_value(yours.by).unwrap(), "yours");
}

#[test]
fn a_few_unknown_statuses_leave_the_count_with_a_note() {
    // One row of five unknown: the count stands, and says what it did with the unknown one.
    let text = UNKNOWN_STATUSES
        .replace("1;Encerrado com sucesso", "1;Fechado")
        .replace("2;Encerrado com sucesso", "2;Fechado")
        .replace("4;Encerrado com sucesso", "4;Fechado");
    let report = analyze([("glpi.csv", text.as_bytes())]);
    let solved = &report.kpis["tickets_solved"];
    assert_eq!(solved.value, Some(4.0));
    let note = solved.note.as_deref().unwrap_or("");
    assert!(
        note.contains("1 of 5 tickets have a status this tool does not know ('Em triagem')"),
        "{note}"
    );
}

#[test]
fn an_unknown_satisfaction_scale_gives_no_csat() {
    // Three answers on a scale no table knows: CSAT is null with what to do; the one known
    // answer ("Good") does not make a confident 100 %.
    let text = "Id,Status,Created at,Satisfaction\n\
                1,Solved,2025-05-01 09:00,Top box\n\
                2,Solved,2025-05-01 10:00,Bottom box\n\
                3,Solved,2025-05-01 11:00,Top box\n\
                4,Solved,2025-05-01 12:00,Good\n";
    let report = analyze([("t.csv", text.as_bytes())]);
    let csat = &report.kpis["csat"];
    assert_eq!(csat.value, None);
    let reason = csat.reason.as_deref().unwrap_or("");
    assert!(
        reason.contains("most satisfaction answers (75 %)"),
        "{reason}"
    );
    let source = &report.sources[0];
    assert!(source
        .warnings
        .iter()
        .any(|w| w.contains("satisfaction answers are words")));
    // The unknown cells are set aside, the tickets kept.
    assert_eq!(source.set_aside, 3);
    assert_eq!(report.tickets, 4);
}

#[test]
fn a_duration_without_a_unit_is_read_as_minutes_and_says_so() {
    // "Resolution time" of plain numbers: minutes is a guess, said in a warning and a note.
    let text = "Id,Status,Created at,Resolution time\n\
                1,Solved,2025-05-01 09:00,30\n\
                2,Solved,2025-05-01 10:00,90\n\
                3,Solved,2025-05-01 11:00,60\n";
    let report = analyze([("t.csv", text.as_bytes())]);
    let resolution = &report.kpis["resolution_time"];
    assert_eq!(resolution.value, Some(60.0));
    let note = resolution.note.as_deref().unwrap_or("");
    assert!(note.contains("'Resolution time' gives no unit"), "{note}");
    let source = &report.sources[0];
    assert!(source
        .warnings
        .iter()
        .any(|w| w.contains("its name gives no unit")));
    assert!(source.evidence[&helpdesk_kpi::ingest::Field::ResolutionMinutes].confidence <= 0.5);
    // Named in the header, it is no guess: 0.5, 1.5, 1 hours → median 60 minutes, no note.
    let text = text
        .replace("Resolution time\n", "Resolution time (hrs)\n")
        .replace(",30\n", ",0.5\n")
        .replace(",90\n", ",1.5\n")
        .replace(",60\n", ",1\n");
    let report = analyze([("t.csv", text.as_bytes())]);
    assert_eq!(report.kpis["resolution_time"].value, Some(60.0));
    assert!(report.kpis["resolution_time"].note.is_none());
}
