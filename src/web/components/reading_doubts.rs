//! One sentence at the top of the dashboard that leads to the fix: the most important thing the
//! reader could not be sure of (statuses it does not know, then columns it guessed, then
//! satisfaction answers it does not know, then cells it set aside), and a button that opens the
//! file's "how it is read" panel.

use yew::prelude::*;

use super::file_reading::GUESSED_BELOW;
use crate::i18n::I18n;
use crate::ingest::{SourceReport, ValueReading};
use crate::kpi::KpiId;
use crate::report::Report;
use crate::web::state::ReportRef;

#[derive(Properties, PartialEq)]
pub struct ReadingDoubtsProps {
    pub report: ReportRef,
    /// The file whose panel to open.
    pub on_fix: Callback<String>,
}

/// Rows whose value the reader does not know, and all rows.
fn unknown_rows(readings: &[ValueReading]) -> (usize, usize) {
    let unknown = readings
        .iter()
        .filter(|r| r.read_as.is_none())
        .map(|r| r.rows)
        .sum();
    (unknown, readings.iter().map(|r| r.rows).sum())
}

/// The source with the largest `count` above zero.
fn worst(
    sources: &[SourceReport],
    count: impl Fn(&SourceReport) -> usize,
) -> Option<&SourceReport> {
    sources
        .iter()
        .filter(|s| count(s) > 0)
        .max_by_key(|s| count(s))
}

/// The sentence for the most important doubt of `report`, and the file it is about.
pub fn first_doubt(i18n: &I18n, report: &Report) -> Option<(String, String)> {
    let sources = &report.sources;
    if let Some(source) = worst(sources, |s| unknown_rows(&s.statuses).0) {
        let (unknown, total) = unknown_rows(&source.statuses);
        // The engine leaves the solved count null when most rows are unknown.
        let uncounted = report
            .kpis
            .get(&KpiId::TicketsSolved)
            .is_some_and(|k| k.value.is_none());
        let key = if uncounted {
            "doubts.statuses_uncounted"
        } else {
            "doubts.statuses"
        };
        let text = i18n.f(
            key,
            &[
                ("unknown", i18n.number(unknown as f64, 0)),
                ("total", i18n.number(total as f64, 0)),
                ("file", source.file.clone()),
            ],
        );
        return Some((source.file.clone(), text));
    }
    let guessed = |s: &SourceReport| -> Vec<String> {
        s.evidence
            .iter()
            .filter(|(field, e)| e.confidence < GUESSED_BELOW && s.columns.contains_key(field))
            .map(|(field, _)| i18n.t(&format!("fieldname.{}", field.name())))
            .collect()
    };
    if let Some(source) = worst(sources, |s| guessed(s).len()) {
        let text = i18n.f(
            "doubts.guessed",
            &[
                ("fields", guessed(source).join(", ")),
                ("file", source.file.clone()),
            ],
        );
        return Some((source.file.clone(), text));
    }
    if let Some(source) = worst(sources, |s| unknown_rows(&s.answers).0) {
        let (unknown, total) = unknown_rows(&source.answers);
        let text = i18n.f(
            "doubts.answers",
            &[
                ("unknown", i18n.number(unknown as f64, 0)),
                ("total", i18n.number(total as f64, 0)),
                ("file", source.file.clone()),
            ],
        );
        return Some((source.file.clone(), text));
    }
    let source = worst(sources, |s| s.set_aside)?;
    let text = i18n.f(
        "doubts.set_aside",
        &[
            ("n", i18n.number(source.set_aside as f64, 0)),
            ("file", source.file.clone()),
        ],
    );
    Some((source.file.clone(), text))
}

#[function_component(ReadingDoubts)]
pub fn reading_doubts(props: &ReadingDoubtsProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let Some((file, text)) = first_doubt(&i18n, &props.report.0) else {
        return html! {};
    };
    let on_click = {
        let on_fix = props.on_fix.clone();
        let file = file.clone();
        Callback::from(move |_: MouseEvent| on_fix.emit(file.clone()))
    };
    html! {
        <div id="reading-doubts" class="reading-doubts" role="status" data-file={file.clone()}>
            <p>{ text }</p>
            <button type="button" class="fix-reading" data-file={file} onclick={on_click}>
                { i18n.t("doubts.fix") }
            </button>
        </div>
    }
}
