//! Per-channel performance and the tickets that breached their SLA.

use yew::prelude::*;

use super::ReportProps;
use crate::report::format::format_minutes;

fn minutes(value: Option<f64>) -> String {
    value.map(format_minutes).unwrap_or_else(|| "—".into())
}

#[function_component(ChannelTable)]
pub fn channel_table(props: &ReportProps) -> Html {
    let report = &props.report.0;
    if report.channels.is_empty() {
        return html! {};
    }
    html! {
        <section class="table-section">
            <h2>{ "Channels" }</h2>
            <table id="channels">
                <thead><tr>
                    <th>{ "Channel" }</th><th class="num">{ "Tickets" }</th>
                    <th class="num">{ "Median first response" }</th>
                    <th class="num">{ "Median resolution" }</th><th class="num">{ "CSAT" }</th>
                </tr></thead>
                <tbody>
                    { for report.channels.iter().map(|c| html! {
                        <tr data-channel={c.channel.clone()}>
                            <td>{ c.channel.clone() }</td>
                            <td class="num">{ c.tickets }</td>
                            <td class="num">{ minutes(c.median_first_response_minutes) }</td>
                            <td class="num">{ minutes(c.median_resolution_minutes) }</td>
                            <td class="num">{ c.csat.map(|v| format!("{v:.1} %")).unwrap_or_else(|| "—".into()) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

/// At most this many breaches are listed on the page (all are in the downloads).
const SHOWN: usize = 200;

#[function_component(SlaBreaches)]
pub fn sla_breaches(props: &ReportProps) -> Html {
    let breaches = &props.report.0.sla_breaches;
    if breaches.is_empty() {
        return html! {};
    }
    html! {
        <section class="table-section">
            <details id="sla-breaches">
                <summary>{ format!("{} tickets breached their SLA — see which", breaches.len()) }</summary>
                <table>
                    <thead><tr><th>{ "Ticket" }</th><th>{ "Priority" }</th><th>{ "Missed" }</th></tr></thead>
                    <tbody>
                        { for breaches.iter().take(SHOWN).map(|b| html! {
                            <tr data-ticket={b.id.clone()}>
                                <td>{ b.id.clone() }</td>
                                <td>{ b.priority.clone().unwrap_or_default() }</td>
                                <td>{ b.missed.join(", ").replace('_', " ") }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                if breaches.len() > SHOWN {
                    <p class="note">{ format!("The first {SHOWN} are shown; the JSON download has all.") }</p>
                }
            </details>
        </section>
    }
}
