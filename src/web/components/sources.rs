//! The files behind the dashboard: format, rows read, rows skipped and cells set aside, and why.

use yew::prelude::*;

use super::file_reading::FileReading;
use crate::i18n::I18n;
use crate::ingest::Choices;
use crate::web::state::{Choice, ReportRef};

#[derive(Properties, PartialEq)]
pub struct SourcesProps {
    pub report: ReportRef,
    /// The reading choices made so far.
    pub choices: Choices,
    /// A choice made on a file (by name): the files are read again.
    pub on_choose: Callback<(String, Choice)>,
}

#[function_component(Sources)]
pub fn sources(props: &SourcesProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let report = &props.report.0;
    let skipped: usize = report.sources.iter().map(|s| s.skipped).sum();
    let set_aside: usize = report.sources.iter().map(|s| s.set_aside).sum();
    let summary = match (skipped, set_aside) {
        (0, cells) => i18n.f("sources.set_aside_summary", &[("n", cells.to_string())]),
        (rows, 0) => i18n.f("sources.skipped_summary", &[("n", rows.to_string())]),
        (rows, cells) => i18n.f(
            "sources.skipped_set_aside_summary",
            &[("rows", rows.to_string()), ("cells", cells.to_string())],
        ),
    };
    let column = |c: &Option<String>| {
        c.as_ref()
            .map(|c| i18n.f("sources.column", &[("column", c.clone())]))
            .unwrap_or_default()
    };
    html! {
        <section class="sources-section">
            <h2>{ i18n.t("sources.title") }</h2>
            <table id="sources">
                <thead>
                    <tr><th>{ i18n.t("sources.file") }</th><th>{ i18n.t("sources.format") }</th><th>{ i18n.t("sources.encoding") }</th>
                        <th class="num">{ i18n.t("sources.rows") }</th><th class="num">{ i18n.t("sources.skipped") }</th></tr>
                </thead>
                <tbody>
                    { for report.sources.iter().map(|s| html! {
                        <tr data-file={s.file.clone()} data-rows={s.rows.to_string()}
                            data-skipped={s.skipped.to_string()} data-format={s.format.clone()}>
                            <td>{ s.file.clone() }</td>
                            <td>{ s.format_name.clone() }</td>
                            <td>{ i18n.f("sources.separated", &[("encoding", s.encoding.clone()), ("delimiter", s.delimiter.clone())]) }</td>
                            <td class="num">{ s.rows }</td>
                            <td class="num">{ s.skipped }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            if report.duplicates > 0 {
                <p class="note">{ i18n.f("sources.duplicates", &[("n", report.duplicates.to_string())]) }</p>
            }
            { for report.sources.iter().flat_map(|s| s.warning_keys.iter().map(move |w| html! {
                <p class="note">{ format!("{}: {}", s.file, i18n.message(w)) }</p>
            })) }
            { for report.sources.iter().enumerate().map(|(index, s)| html! {
                <FileReading source={s.clone()} index={index}
                             chosen={props.choices.for_file(&s.file)}
                             on_choose={props.on_choose.clone()} />
            }) }
            if skipped + set_aside > 0 {
                <details id="skipped">
                    <summary>{ summary }</summary>
                    <ul>
                        { for report.sources.iter().flat_map(|s| s.skipped_reasons.iter().map(move |row| {
                            html! { <li>{ i18n.f("sources.skipped_row", &[("file", s.file.clone()), ("line", row.line.to_string()), ("column", column(&row.column)), ("reason", i18n.message(&row.message()))]) }</li> }
                        })) }
                        { for report.sources.iter().flat_map(|s| s.set_aside_cells.iter().map(move |cell| {
                            html! { <li class="set-aside">{ i18n.f("sources.set_aside_cell", &[("file", s.file.clone()), ("line", cell.line.to_string()), ("column", column(&cell.column)), ("reason", i18n.message(&cell.message()))]) }</li> }
                        })) }
                    </ul>
                </details>
            }
        </section>
    }
}
