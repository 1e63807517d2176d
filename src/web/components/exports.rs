//! Downloads of the report: JSON (the catalogue's shape), Markdown, and each table as CSV with
//! spreadsheet formulas neutralised. Built in the page, saved by the browser: nothing is sent.

use yew::prelude::*;

use super::ReportProps;
use crate::i18n::I18n;
use crate::report::tables::{table_csv, TABLES};
use crate::report::{to_markdown, Report};

#[function_component(Exports)]
pub fn exports(props: &ReportProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let report = props.report.0.clone();
    let button =
        |id: &'static str, label: String, make: fn(&Report) -> (String, &'static str, String)| {
            let report = report.clone();
            let onclick = Callback::from(move |_: MouseEvent| {
                let (name, mime, text) = make(&report);
                save(&name, mime, &text);
            });
            html! { <button type="button" id={id} {onclick}>{ label }</button> }
        };
    let table_button = |name: &'static str| {
        let report = report.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            if let Some(text) = table_csv(&report, name) {
                save(&format!("helpdesk-kpi-{name}.csv"), "text/csv", &text);
            }
        });
        html! { <button type="button" id={format!("export-{name}")} {onclick}>{ i18n.t(&format!("exports.{name}")) }</button> }
    };
    html! {
        <section id="exports" class="exports" aria-label={i18n.t("exports.aria")}>
            <span class="note">{ i18n.t("exports.download") }</span>
            { button("export-json", i18n.t("exports.json"), |r| ("helpdesk-kpi-report.json".into(), "application/json", r.to_json())) }
            { button("export-md", i18n.t("exports.md"), |r| ("helpdesk-kpi-report.md".into(), "text/markdown", to_markdown(r))) }
            <span class="note">{ i18n.t("exports.csv") }</span>
            { for TABLES.iter().map(|name| table_button(name)) }
        </section>
    }
}

/// Saves `text` as a file: the browser's own download, no request.
fn save(name: &str, mime: &str, text: &str) {
    let href = format!(
        "data:{mime};charset=utf-8,{}",
        js_sys::encode_uri_component(text)
    );
    super::chart_download::save(name, &href);
}
