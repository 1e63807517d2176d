//! Per-channel performance and the tickets that breached their SLA.

use yew::prelude::*;

use super::ReportProps;
use crate::i18n::I18n;
use crate::kpi::Target;

fn minutes(i18n: &I18n, value: Option<f64>) -> String {
    value.map(|m| i18n.minutes(m)).unwrap_or_else(|| "—".into())
}

#[function_component(ChannelTable)]
pub fn channel_table(props: &ReportProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let report = &props.report.0;
    if report.channels.is_empty() {
        return html! {};
    }
    html! {
        <section class="table-section">
            <h2>{ i18n.t("table.channels") }</h2>
            <table id="channels">
                <thead><tr>
                    <th>{ i18n.t("table.channel") }</th><th class="num">{ i18n.t("table.tickets") }</th>
                    <th class="num">{ i18n.t("table.median_first_response") }</th>
                    <th class="num">{ i18n.t("table.median_resolution") }</th><th class="num">{ i18n.t("table.csat") }</th>
                </tr></thead>
                <tbody>
                    { for report.channels.iter().map(|c| html! {
                        <tr data-channel={c.channel.clone()}>
                            <td>{ c.channel.clone() }</td>
                            <td class="num">{ c.tickets }</td>
                            <td class="num">{ minutes(&i18n, c.median_first_response_minutes) }</td>
                            <td class="num">{ minutes(&i18n, c.median_resolution_minutes) }</td>
                            <td class="num">{ c.csat.map(|v| format!("{} %", i18n.number(v, 1))).unwrap_or_else(|| "—".into()) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

/// At most this many breaches are listed on the page (all are in the downloads).
const SHOWN: usize = 200;

/// The targets a ticket missed, named in the page's language.
fn missed(i18n: &I18n, targets: &[Target]) -> String {
    let names: Vec<String> = targets.iter().map(|t| i18n.t(t.label_key())).collect();
    names.join(", ")
}

#[function_component(SlaBreaches)]
pub fn sla_breaches(props: &ReportProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let breaches = &props.report.0.sla_breaches;
    if breaches.is_empty() {
        return html! {};
    }
    html! {
        <section class="table-section">
            <details id="sla-breaches">
                <summary>{ i18n.f("sla.summary", &[("n", breaches.len().to_string())]) }</summary>
                <table>
                    <thead><tr><th>{ i18n.t("sla.ticket") }</th><th>{ i18n.t("sla.priority") }</th><th>{ i18n.t("sla.missed") }</th></tr></thead>
                    <tbody>
                        { for breaches.iter().take(SHOWN).map(|b| html! {
                            <tr data-ticket={b.id.clone()}>
                                <td>{ b.id.clone() }</td>
                                <td>{ b.priority.clone().unwrap_or_default() }</td>
                                <td>{ missed(&i18n, &b.missed) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                if breaches.len() > SHOWN {
                    <p class="note">{ i18n.f("sla.more", &[("n", SHOWN.to_string())]) }</p>
                }
            </details>
        </section>
    }
}
