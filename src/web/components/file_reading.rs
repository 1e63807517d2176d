//! How one file is read, and the person's say in it: which column feeds each field (with a few
//! values as read, and what says so), the encoding of a text file, the sheet of a workbook, day
//! or month first where the dates leave it open, and what each status and satisfaction answer
//! means. Each choice is emitted; the files are then read again.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::select_value;

use crate::i18n::I18n;
use crate::ingest::choices::{encoding, ENCODINGS};
use crate::ingest::{DateOrder, Evidence, Field, FileChoices, SourceReport};
use crate::web::state::Choice;

use super::value_readings::{ValueKind, ValueReadings};

/// Below this, a column's reading is a guess the page asks the person to check.
pub const GUESSED_BELOW: f64 = 0.6;

#[derive(Properties, PartialEq)]
pub struct FileReadingProps {
    pub source: SourceReport,
    /// The file's place in the list, to keep its radio buttons apart from another file's.
    pub index: usize,
    pub chosen: FileChoices,
    pub on_choose: Callback<(String, Choice)>,
}

/// The fields a file of this kind can feed, in the page's order: a ticket export feeds no
/// call, survey or customer field.
fn fields_for(kind: &str) -> impl Iterator<Item = Field> + '_ {
    Field::ALL
        .into_iter()
        .filter(move |field| kind != "tickets" || field.is_ticket_field())
}

/// How a column was found, in a few words: the person's choice, the vendor's table, its header,
/// its content, or both.
fn evidence_key(evidence: &Evidence) -> &'static str {
    let by = |what: &str| evidence.by.iter().any(|b| b == what);
    if by("yours") {
        "evidence.yours"
    } else if by("vendor") {
        "evidence.vendor"
    } else if by("header") && by("content") {
        "evidence.header_content"
    } else if by("header") {
        "evidence.header"
    } else {
        "evidence.content"
    }
}

#[function_component(FileReading)]
pub fn file_reading(props: &FileReadingProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let source = &props.source;
    let file = source.file.clone();
    let choose = |make: fn(String) -> Option<Choice>| {
        let on_choose = props.on_choose.clone();
        let file = file.clone();
        Callback::from(move |event: Event| {
            if let Some(choice) = select_value(&event).and_then(make) {
                on_choose.emit((file.clone(), choice));
            }
        })
    };
    let on_encoding = choose(|value| Some(Choice::Encoding(value)));
    let on_sheet = choose(|value| Some(Choice::Sheet(value)));
    let on_reset = {
        let on_choose = props.on_choose.clone();
        let file = file.clone();
        Callback::from(move |_: MouseEvent| on_choose.emit((file.clone(), Choice::ResetColumns)))
    };
    let on_order = |order: DateOrder| {
        let on_choose = props.on_choose.clone();
        let file = file.clone();
        Callback::from(move |event: Event| {
            let checked = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                .is_some_and(|i| i.checked());
            if checked {
                on_choose.emit((file.clone(), Choice::DateOrder(order)));
            }
        })
    };

    let order = source.date_order.unwrap_or_default();
    // The radios show the person's choice at once: left to the report alone, a render before
    // the files are read again put the old order back under the click.
    let shown = props.chosen.date_order.unwrap_or(order);
    let date_notice = (!source.open_date_order.is_empty()).then(|| {
        let group = format!("date-order-{}", props.index);
        let columns = source
            .open_date_order
            .iter()
            .map(|c| format!("'{c}'"))
            .collect::<Vec<_>>()
            .join(", ");
        html! {
            <div class="notice date-order" role="group" data-file={file.clone()}
                 data-order={if order == DateOrder::DayFirst { "day_first" } else { "month_first" }}>
                <p>{ i18n.f("reading.date_open", &[("file", file.clone()), ("columns", columns)]) }</p>
                <label><input type="radio" name={group.clone()} value="day_first"
                              checked={shown == DateOrder::DayFirst}
                              onchange={on_order(DateOrder::DayFirst)} />
                    { i18n.t("reading.day_first") }</label>
                <label><input type="radio" name={group} value="month_first"
                              checked={shown == DateOrder::MonthFirst}
                              onchange={on_order(DateOrder::MonthFirst)} />
                    { i18n.t("reading.month_first") }</label>
            </div>
        }
    });

    // The encodings offered: the usual ones, and the detected one when it is not among them.
    let workbook = !source.sheets.is_empty();
    let mut encodings: Vec<&'static str> = ENCODINGS
        .iter()
        .filter_map(|label| encoding(label).ok().map(|e| e.name()))
        .collect();
    if let Ok(detected) = encoding(&source.encoding) {
        if !encodings.contains(&detected.name()) {
            encodings.insert(0, detected.name());
        }
    }
    let encoding_picker = (!workbook).then(|| html! {
        <label>{ i18n.t("reading.encoding") }
            <select class="encoding-choice" onchange={on_encoding}>
                { for encodings.iter().map(|name| html! {
                    <option value={*name} selected={source.encoding.eq_ignore_ascii_case(name)}>{ *name }</option>
                }) }
            </select>
            if props.chosen.encoding.is_none() {
                <span class="hint">{ i18n.t("reading.detected") }</span>
            }
        </label>
    });
    let sheet_picker = (source.sheets.len() > 1).then(|| html! {
        <label>{ i18n.t("reading.sheet") }
            <select class="sheet-choice" onchange={on_sheet}>
                { for source.sheets.iter().map(|name| html! {
                    <option value={name.clone()} selected={source.sheet.as_ref() == Some(name)}>{ name.clone() }</option>
                }) }
            </select>
        </label>
    });

    let rows = fields_for(&source.kind).map(|field| {
        let name = field.name();
        let mapped = source.columns.get(&field);
        let index = mapped.and_then(|header| source.headers.iter().position(|h| h == header));
        let on_column = {
            let on_choose = props.on_choose.clone();
            let file = file.clone();
            Callback::from(move |event: Event| {
                let Some(value) = select_value(&event) else {
                    return;
                };
                on_choose.emit((file.clone(), Choice::Column(field, value.parse().ok())));
            })
        };
        let preview = source.preview.get(&field).cloned().unwrap_or_default();
        let evidence = mapped.and_then(|_| source.evidence.get(&field)).map(|evidence| {
            let guessed = evidence.confidence < GUESSED_BELOW;
            html! {
                <td class="evidence" data-confidence={evidence.confidence.to_string()}>
                    <span class="hint">{ i18n.t(evidence_key(evidence)) }</span>
                    if guessed {
                        <span class="guessed">{ i18n.t("evidence.guessed") }</span>
                    }
                    if let Some(n) = source.set_aside_by_column.get(&evidence.column) {
                        <span class="set-aside">{ i18n.f("evidence.set_aside", &[("n", n.to_string())]) }</span>
                    }
                </td>
            }
        });
        html! {
            <tr data-field={name.clone()} class={classes!(mapped.is_some().then_some("mapped"))}>
                <th scope="row" title={i18n.t(&format!("fieldname.{name}"))}>{ i18n.t(&format!("fieldname.{name}")) }</th>
                <td>
                    <select class="column-choice" data-field={name.clone()} onchange={on_column}
                            title={mapped.cloned().unwrap_or_default()}
                            aria-label={i18n.f("reading.column_for", &[("field", i18n.t(&format!("fieldname.{name}")))])}>
                        <option value="" selected={index.is_none()}>{ i18n.t("reading.none") }</option>
                        { for source.headers.iter().enumerate().map(|(i, header)| html! {
                            <option value={i.to_string()} selected={index == Some(i)}>{ header.clone() }</option>
                        }) }
                    </select>
                </td>
                <td class="preview" data-field={name}>
                    { for preview.iter().map(|value| html! { <span class="value" title={value.clone()}>{ value.clone() }</span> }) }
                </td>
                { evidence.unwrap_or_else(|| html! { <td class="evidence"></td> }) }
            </tr>
        }
    });

    html! {
        <div class="file-reading-block">
            { for date_notice }
            <details class="file-reading" data-file={file.clone()}>
                <summary>{ i18n.f("reading.summary", &[("file", file.clone())]) }</summary>
                <div class="reading-options">
                    { for encoding_picker }
                    { for sheet_picker }
                </div>
                <table class="column-map">
                    <thead><tr><th>{ i18n.t("reading.field") }</th><th>{ i18n.t("reading.column") }</th>
                        <th>{ i18n.t("reading.preview") }</th><th>{ i18n.t("reading.found_by") }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
                if !source.statuses.is_empty() {
                    <h4>{ i18n.t("values.statuses") }</h4>
                    <ValueReadings file={file.clone()} kind={ValueKind::Status}
                                   readings={source.statuses.clone()} on_choose={props.on_choose.clone()} />
                }
                if !source.answers.is_empty() {
                    <h4>{ i18n.t("values.answers") }</h4>
                    <ValueReadings file={file.clone()} kind={ValueKind::Answer}
                                   readings={source.answers.clone()} on_choose={props.on_choose.clone()} />
                }
                <p class="hint">{ i18n.t("reading.remembered") }
                    <button type="button" class="reset-columns" onclick={on_reset}>{ i18n.t("reading.reset") }</button></p>
            </details>
        </div>
    }
}

/// Opens the "how it is read" panel of `file` and scrolls it into view (the banner's button).
/// The panel's open state is the browser's own, as a `<details>` keeps it: set here, not held
/// in the page's state, so that the person closes it again as usual.
pub fn reveal(file: &str) {
    let Some(panels) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all("details.file-reading").ok())
    else {
        return;
    };
    for index in 0..panels.length() {
        let Some(panel) = panels
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        if panel.get_attribute("data-file").as_deref() == Some(file) {
            let _ = panel.set_attribute("open", "");
            panel.scroll_into_view();
            return;
        }
    }
}
