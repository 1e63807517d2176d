//! The filter bar: date presets and one menu per category. Active filters show as chips that a
//! click removes. The engine applies them (`Selection`), exactly as the CLI's flags do.

use chrono::{Datelike, Duration, NaiveDate};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::select_value;
use crate::i18n::I18n;
use crate::selection::Selection;
use crate::web::state::ReportRef;

#[derive(Properties, PartialEq)]
pub struct FilterProps {
    pub report: ReportRef,
    pub selection: Selection,
    pub on_change: Callback<Selection>,
}

/// Menus in the order shown.
const CATEGORIES: [&str; 5] = ["channel", "priority", "group", "agent", "type"];

#[function_component(FilterBar)]
pub fn filter_bar(props: &FilterProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let report = &props.report.0;
    let as_of = report
        .as_of
        .as_deref()
        .and_then(|t| NaiveDate::parse_from_str(&t[..10.min(t.len())], "%Y-%m-%d").ok());
    let selection = &props.selection;

    let preset = |id: &'static str, range: Option<(NaiveDate, NaiveDate)>| {
        let label = i18n.t(&format!("preset.{id}"));
        let mut next = selection.clone();
        next.from = range.map(|r| r.0);
        next.to = range.map(|r| r.1);
        let active = selection.from == next.from && selection.to == next.to;
        let on_change = props.on_change.clone();
        html! {
            <button type="button" class={classes!("preset", active.then_some("active"))}
                    data-preset={id} aria-pressed={active.to_string()}
                    onclick={Callback::from(move |_| on_change.emit(next.clone()))}>{ label }</button>
        }
    };
    let last_days = |days: i64| as_of.map(|end| (end - Duration::days(days - 1), end));
    let this_month = as_of.and_then(|end| Some((end.with_day(1)?, end)));
    let last_month = as_of.and_then(|end| {
        let last = end.with_day(1)?.pred_opt()?;
        Some((last.with_day(1)?, last))
    });

    let date_input = |id: &'static str, label: String, value: Option<NaiveDate>, is_from: bool| {
        let selection = selection.clone();
        let on_change = props.on_change.clone();
        let onchange = Callback::from(move |event: Event| {
            let Some(input) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let date = NaiveDate::parse_from_str(&input.value(), "%Y-%m-%d").ok();
            let mut next = selection.clone();
            if is_from {
                next.from = date
            } else {
                next.to = date
            }
            on_change.emit(next);
        });
        html! {
            <label class="date">{ label }
                <input type="date" id={id} value={value.map(|d| d.to_string()).unwrap_or_default()} {onchange} />
            </label>
        }
    };

    let menus = CATEGORIES.iter().filter_map(|key| {
        let values = report.facets.get(*key)?;
        if values.len() < 2 {
            return None;
        }
        let current = category(selection, key)
            .first()
            .cloned()
            .unwrap_or_default();
        Some(html! {
            <Menu key={*key} field={*key} label={i18n.t(&format!("field.{key}"))}
                  all={i18n.t("filters.all")} values={values.clone()} {current}
                  selection={selection.clone()} on_change={props.on_change.clone()} />
        })
    });

    let chips = CATEGORIES
        .iter()
        .chain(["tag"].iter())
        .flat_map(|key| {
            category(selection, key)
                .iter()
                .map(move |value| (*key, value.clone()))
        })
        .map(|(key, value)| {
            let label = i18n.t(&format!("field.{key}"));
            let mut next = selection.clone();
            category_mut(&mut next, key).retain(|v| *v != value);
            let on_change = props.on_change.clone();
            html! {
                <button type="button" class="chip" data-filter={key}
                        aria-label={i18n.f("filters.remove", &[("label", label.clone()), ("value", value.clone())])}
                        onclick={Callback::from(move |_| on_change.emit(next.clone()))}>
                    { format!("{label}: {value} ✕") }
                </button>
            }
        });

    html! {
        <section id="filters" aria-label={i18n.t("filters.aria")}>
            <div class="presets">
                { preset("all", None) }
                { preset("7d", last_days(7)) }
                { preset("30d", last_days(30)) }
                { preset("90d", last_days(90)) }
                { preset("this-month", this_month) }
                { preset("last-month", last_month) }
                { date_input("filter-from", i18n.t("filters.from"), selection.from, true) }
                { date_input("filter-to", i18n.t("filters.to"), selection.to, false) }
            </div>
            <div class="menus">{ for menus }</div>
            <div class="chips">
                { for chips }
                if let Some(previous) = &report.previous_period {
                    <span class="note">{ i18n.f("filters.compared", &[("from", previous.from.to_string()), ("to", previous.to.to_string())]) }</span>
                }
                <span class="note" id="selection-count">
                    { i18n.f("filters.count", &[("n", report.tickets.to_string()), ("total", report.tickets_total.to_string())]) }
                </span>
            </div>
        </section>
    }
}

fn category<'a>(selection: &'a Selection, key: &str) -> &'a Vec<String> {
    match key {
        "channel" => &selection.channel,
        "priority" => &selection.priority,
        "group" => &selection.group,
        "agent" => &selection.agent,
        "type" => &selection.ticket_type,
        _ => &selection.tag,
    }
}

fn category_mut<'a>(selection: &'a mut Selection, key: &str) -> &'a mut Vec<String> {
    match key {
        "channel" => &mut selection.channel,
        "priority" => &mut selection.priority,
        "group" => &mut selection.group,
        "agent" => &mut selection.agent,
        "type" => &mut selection.ticket_type,
        _ => &mut selection.tag,
    }
}

#[derive(Properties, PartialEq)]
struct MenuProps {
    field: &'static str,
    label: String,
    all: String,
    values: Vec<String>,
    current: String,
    selection: Selection,
    on_change: Callback<Selection>,
}

/// One category's menu. The element is kept from one selection to the next, its value set
/// here: once a person has picked an option the browser no longer follows `selected`, and a
/// menu made anew on each change (to show a filter set elsewhere, a chart click) had the
/// browser look over the page's form fields again on each click, beside the engine's work.
#[function_component(Menu)]
fn menu(props: &MenuProps) -> Html {
    let select = use_node_ref();
    {
        let select = select.clone();
        use_effect_with(props.current.clone(), move |current| {
            if let Some(select) = select.cast::<HtmlSelectElement>() {
                if select.value() != *current {
                    select.set_value(current);
                }
            }
        });
    }
    let onchange = {
        let (selection, on_change, field) = (
            props.selection.clone(),
            props.on_change.clone(),
            props.field,
        );
        Callback::from(move |event: Event| {
            let Some(value) = select_value(&event) else {
                return;
            };
            let mut next = selection.clone();
            *category_mut(&mut next, field) = if value.is_empty() {
                Vec::new()
            } else {
                vec![value]
            };
            on_change.emit(next);
        })
    };
    let current = &props.current;
    html! {
        <label class="menu">{ &props.label }
            <select id={format!("filter-{}", props.field)} ref={select} {onchange}>
                <option value="" selected={current.is_empty()}>{ &props.all }</option>
                { for props.values.iter().map(|v| html! {
                    <option value={v.clone()} selected={v == current}>{ v.clone() }</option>
                }) }
            </select>
        </label>
    }
}
