//! The targets of the settings form: SLA minutes per priority and a target per KPI, the two
//! grids of numbers a support lead tunes most.

use yew::prelude::*;

use super::settings_field::{number, show_number, Edit, Field};
use crate::i18n::I18n;
use crate::kpi::{Unit, CATALOGUE};
use crate::settings::Settings;

/// First-response and resolution minutes per priority: `*` (any other) and those in the data.
pub(super) fn sla_targets(
    i18n: &I18n,
    settings: &Settings,
    priorities: &[String],
    edit: &Edit<'_>,
) -> Html {
    let mut rows: Vec<String> = vec!["*".into()];
    for p in settings.sla.keys().chain(priorities.iter()) {
        let p = p.to_lowercase();
        if !rows.contains(&p) {
            rows.push(p);
        }
    }
    let minutes = i18n.t("settings.unit_minutes");
    html! {
        <fieldset>
            <legend>{ i18n.t("settings.sla_title") }</legend>
            <table class="settings-table">
                <thead><tr>
                    <th>{ i18n.t("settings.sla_priority") }</th>
                    <th>{ i18n.t("settings.sla_first_response") }</th>
                    <th>{ i18n.t("settings.sla_resolution") }</th>
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|priority| {
                        let target = settings.sla.get(priority);
                        let name = if priority == "*" { i18n.t("settings.sla_any") } else { priority.clone() };
                        let slug: String = priority.chars().map(|c| if c.is_alphanumeric() { c } else { '_' }).collect();
                        html! {
                            <tr data-priority={priority.clone()}>
                                <th scope="row">{ name.clone() }</th>
                                <td><Field id={format!("settings-sla-{slug}-first")} hide_label=true
                                           label={format!("{name}: {}", i18n.t("settings.sla_first_response"))}
                                           value={show_number(target.and_then(|t| t.first_response_minutes))}
                                           unit={minutes.clone()}
                                           on_commit={edit(priority, |s, p, t| {
                                               let value = number(t)?;
                                               s.sla.entry(p.to_string()).or_default().first_response_minutes = value;
                                               prune_sla(s, p);
                                               Ok(())
                                           })} /></td>
                                <td><Field id={format!("settings-sla-{slug}-resolution")} hide_label=true
                                           label={format!("{name}: {}", i18n.t("settings.sla_resolution"))}
                                           value={show_number(target.and_then(|t| t.resolution_minutes))}
                                           unit={minutes.clone()}
                                           on_commit={edit(priority, |s, p, t| {
                                               let value = number(t)?;
                                               s.sla.entry(p.to_string()).or_default().resolution_minutes = value;
                                               prune_sla(s, p);
                                               Ok(())
                                           })} /></td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </fieldset>
    }
}

/// A priority whose two targets are cleared is no SLA entry at all.
fn prune_sla(s: &mut Settings, priority: &str) {
    if s.sla.get(priority).is_some_and(|t| {
        t.first_response_minutes.is_none() && t.resolution_minutes.is_none() && !t.business_hours
    }) {
        s.sla.remove(priority);
    }
}

/// A target per catalogue KPI, in the unit of its headline.
pub(super) fn kpi_targets(i18n: &I18n, settings: &Settings, edit: &Edit<'_>) -> Html {
    let unit = |unit: Unit| -> Option<String> {
        match unit {
            Unit::Minutes => Some(i18n.t("settings.unit_minutes")),
            Unit::Seconds => Some(i18n.t("settings.unit_seconds")),
            Unit::Percent => Some("%".into()),
            Unit::Currency => settings.currency.clone(),
            Unit::Count | Unit::Replies | Unit::Score => None,
        }
    };
    html! {
        <fieldset>
            <legend>{ i18n.t("settings.targets_title") }</legend>
            <p class="note">{ i18n.t("settings.targets_note") }</p>
            <div class="targets">
                { for CATALOGUE.iter().map(|definition| {
                    let id = definition.id.name();
                    html! {
                    <Field id={format!("settings-target-{id}")} label={i18n.t(&format!("kpi.{id}"))}
                           value={show_number(settings.targets.get(id).copied())}
                           unit={unit(definition.unit)}
                           on_commit={edit(id, |s, id, t| {
                               match number(t)? {
                                   Some(target) => s.targets.insert(id.to_string(), target),
                                   None => s.targets.remove(id),
                               };
                               Ok(())
                           })} />
                    }
                }) }
            </div>
        </fieldset>
    }
}
