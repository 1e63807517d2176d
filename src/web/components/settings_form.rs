//! The settings a support lead changes most, as a form: time zone and as-of, business hours,
//! SLA targets, KPI targets, cost and team. Each field changes the same `Settings` the JSON
//! editor does and applies it the same way (checked by `Settings::validate`, remembered, the
//! report recomputed); what the form cannot show stays in the JSON and is kept.

use std::collections::BTreeMap;

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::select_value;
use super::settings_field::{number, show_number, Change, Edit, Field};
use super::settings_targets::{kpi_targets, sla_targets};
use crate::i18n::I18n;
use crate::message::Message;
use crate::model::time::business_hours::ScheduleSpec;
use crate::settings::Settings;

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

#[derive(Properties, PartialEq)]
pub struct SettingsFormProps {
    pub settings: Settings,
    /// The priorities in the data, offered as SLA rows.
    pub priorities: Vec<String>,
    pub on_apply: Callback<Settings>,
}

#[function_component(SettingsForm)]
pub fn settings_form(props: &SettingsFormProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let settings = &props.settings;
    // `key` names what the change applies to (a KPI id, a priority, a day).
    let edit = |key: &str, change: Change| -> Callback<String, Result<(), Message>> {
        let (settings, on_apply, key) = (settings.clone(), props.on_apply.clone(), key.to_string());
        Callback::from(move |text: String| {
            let mut next = settings.clone();
            change(&mut next, &key, &text)?;
            next.validate()?;
            on_apply.emit(next);
            Ok(())
        })
    };
    let zones = zone_options(settings.time_zone.as_deref().unwrap_or(""), &i18n);
    let on_zone = select_change(edit("", |s, _, text| {
        s.time_zone = (!text.is_empty()).then(|| text.to_string());
        Ok(())
    }));
    html! {
        <div id="settings-form" class="settings-form">
            <fieldset>
                <legend>{ i18n.t("settings.form_time") }</legend>
                <div class="field">
                    <label for="settings-time-zone">{ i18n.t("settings.time_zone") }</label>
                    <select id="settings-time-zone" onchange={on_zone}>{ zones }</select>
                </div>
                <Field id="settings-as-of" label={i18n.t("settings.as_of")}
                       value={settings.as_of.clone().unwrap_or_default()}
                       placeholder={i18n.t("settings.as_of_hint")}
                       on_commit={edit("", |s, _, text| {
                           s.as_of = (!text.trim().is_empty()).then(|| text.trim().to_string());
                           Ok(())
                       })} />
            </fieldset>
            { business_hours(&i18n, settings, &edit) }
            { sla_targets(&i18n, settings, &props.priorities, &edit) }
            { kpi_targets(&i18n, settings, &edit) }
            <fieldset>
                <legend>{ i18n.t("settings.costs_title") }</legend>
                <Field id="settings-support-cost" label={i18n.t("settings.support_cost")}
                       value={show_number(settings.support_cost)}
                       unit={settings.currency.clone()}
                       on_commit={edit("", |s, _, t| { s.support_cost = number(t)?; Ok(()) })} />
                <Field id="settings-currency" label={i18n.t("settings.currency")}
                       value={settings.currency.clone().unwrap_or_default()} placeholder="EUR"
                       on_commit={edit("", |s, _, t| {
                           s.currency = (!t.trim().is_empty()).then(|| t.trim().to_string());
                           Ok(())
                       })} />
                <Field id="settings-agent-hours" label={i18n.t("settings.agent_hours")}
                       value={show_number(settings.agent_hours_per_week)} unit={i18n.t("settings.unit_hours")}
                       on_commit={edit("", |s, _, t| { s.agent_hours_per_week = number(t)?; Ok(()) })} />
                <Field id="settings-repeat-window" label={i18n.t("settings.repeat_window")}
                       value={show_number(settings.repeat_contact_window_days)} unit={i18n.t("settings.unit_days")}
                       on_commit={edit("", |s, _, t| { s.repeat_contact_window_days = number(t)?; Ok(()) })} />
            </fieldset>
        </div>
    }
}

/// A select's new value handed to `commit` (always valid: the options are).
fn select_change(commit: Callback<String, Result<(), Message>>) -> Callback<Event> {
    Callback::from(move |event: Event| {
        if let Some(value) = select_value(&event) {
            let _ = commit.emit(value);
        }
    })
}

/// Every IANA zone the engine knows, the chosen one selected; empty is the default, UTC.
fn zone_options(chosen: &str, i18n: &I18n) -> Html {
    html! {
        <>
            <option value="" selected={chosen.is_empty()}>{ i18n.t("settings.time_zone_default") }</option>
            { for crate::model::time::zone::Zone::names().into_iter().map(|name| {
                let selected = name == chosen;
                html! { <option value={name.clone()} {selected}>{ name }</option> }
            }) }
        </>
    }
}

/// The chosen days, when the first of them opens and when it closes. The start and end move
/// every chosen day's first start and last end; breaks, uneven days, holidays and special days
/// (set in the JSON) are kept and said.
fn business_hours(i18n: &I18n, settings: &Settings, edit: &Edit<'_>) -> Html {
    let spec = settings.business_hours.as_ref();
    let first_day = spec.and_then(|s| s.hours.values().next());
    let bound = |interval: Option<&String>, end: bool| {
        let (from, to) = interval?.split_once('-')?;
        Some(if end { to } else { from }.to_string())
    };
    let start = bound(first_day.and_then(|d| d.first()), false).unwrap_or_else(|| "09:00".into());
    let end = bound(first_day.and_then(|d| d.last()), true).unwrap_or_else(|| "17:00".into());
    let uneven = spec.is_some_and(|s| {
        let mut days = s.hours.values();
        let first = days.next();
        days.any(|d| Some(d) != first)
            || first.is_some_and(|d| d.len() > 1)
            || !s.holidays.is_empty()
            || !s.special_days.is_empty()
    });
    let days = DAYS.iter().enumerate().map(|(index, day)| {
        let checked = spec.is_some_and(|s| s.hours.contains_key(*day));
        let commit = edit(day, |s, day, on| {
            let spec = s.business_hours.get_or_insert_with(|| ScheduleSpec {
                time_zone: s.time_zone.clone().unwrap_or_else(|| "UTC".into()),
                hours: BTreeMap::new(),
                ..ScheduleSpec::default()
            });
            let interval = spec
                .hours
                .values()
                .next()
                .cloned()
                .unwrap_or_else(|| vec!["09:00-17:00".into()]);
            if on == "true" {
                spec.hours.insert(day.to_string(), interval);
            } else {
                spec.hours.remove(day);
            }
            if spec.hours.is_empty() && spec.holidays.is_empty() && spec.special_days.is_empty() {
                s.business_hours = None;
            }
            Ok(())
        });
        let onchange = Callback::from(move |event: Event| {
            if let Some(input) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                let _ = commit.emit(input.checked().to_string());
            }
        });
        html! {
            <label class="day">
                <input type="checkbox" id={format!("settings-day-{day}")} {checked} {onchange} />
                { i18n.t(&format!("weekday.{index}")) }
            </label>
        }
    });
    html! {
        <fieldset>
            <legend>{ i18n.t("settings.hours_title") }</legend>
            <div class="days" role="group" aria-label={i18n.t("settings.hours_days")}>{ for days }</div>
            <Field id="settings-hours-start" kind="time" label={i18n.t("settings.hours_start")}
                   value={start} on_commit={edit("", |s, _, t| set_hours(s, Some(t), None))} />
            <Field id="settings-hours-end" kind="time" label={i18n.t("settings.hours_end")}
                   value={end} on_commit={edit("", |s, _, t| set_hours(s, None, Some(t)))} />
            if uneven {
                <p class="note">{ i18n.t("settings.hours_uneven") }</p>
            }
        </fieldset>
    }
}

/// Moves when every chosen day opens or closes; the breaks of a day with several intervals stay.
fn set_hours(s: &mut Settings, start: Option<&str>, end: Option<&str>) -> Result<(), Message> {
    let Some(spec) = s.business_hours.as_mut() else {
        return Err(Message::new("settings.days_first"));
    };
    spec.set_opening_hours(start, end)
}
