//! The agent leaderboard: a table sortable by any column (click or Enter on its header).

use yew::prelude::*;

use super::ReportProps;
use crate::i18n::I18n;
use crate::kpi::AgentRow;

type Column = (&'static str, &'static str, fn(&AgentRow) -> Option<f64>);

const COLUMNS: [Column; 9] = [
    ("tickets", "table.tickets", |r| Some(r.tickets as f64)),
    ("solved", "table.solved", |r| Some(r.solved as f64)),
    ("frt", "table.median_first_response", |r| {
        r.median_first_response_minutes
    }),
    ("resolution", "table.median_resolution", |r| {
        r.median_resolution_minutes
    }),
    ("csat", "table.csat", |r| r.csat),
    ("fcr", "table.fcr", |r| r.first_contact_resolution),
    ("replies", "table.replies", |r| r.replies_per_ticket),
    ("aht", "table.handle_time", |r| r.average_handle_minutes),
    ("utilization", "table.utilization", |r| r.utilization),
];

#[function_component(Leaderboard)]
pub fn leaderboard(props: &ReportProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let sort = use_state(|| ("solved", true));
    let report = &props.report.0;
    if report.agents.is_empty() {
        return html! {};
    }
    let (key, descending) = *sort;
    let mut rows: Vec<&AgentRow> = report.agents.iter().collect();
    if let Some((_, _, value)) = COLUMNS.iter().find(|c| c.0 == key) {
        rows.sort_by(|a, b| {
            let order = value(a)
                .unwrap_or(f64::NEG_INFINITY)
                .total_cmp(&value(b).unwrap_or(f64::NEG_INFINITY));
            if descending {
                order.reverse()
            } else {
                order
            }
        });
    }
    let header = |(id, label, _): &Column| {
        let sort = sort.clone();
        let id = *id;
        let active = key == id;
        let toggle = move || sort.set((id, if active { !descending } else { true }));
        let on_click = {
            let toggle = toggle.clone();
            Callback::from(move |_: MouseEvent| toggle())
        };
        let on_key = Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                toggle()
            }
        });
        let aria = match (active, descending) {
            (false, _) => "none",
            (true, true) => "descending",
            (true, false) => "ascending",
        };
        html! {
            <th class="num sortable" tabindex="0" aria-sort={aria} onclick={on_click} onkeydown={on_key}>
                { i18n.t(label) }{ if active { if descending { " ▼" } else { " ▲" } } else { "" } }
            </th>
        }
    };
    let cell = |value: Option<f64>, kind: &str| match (value, kind) {
        (None, _) => "—".to_string(),
        (Some(v), "minutes") => i18n.minutes(v),
        (Some(v), "percent") => format!("{} %", i18n.number(v, 1)),
        (Some(v), "count") => i18n.number(v, 0),
        (Some(v), _) => i18n.number(v, 2),
    };
    html! {
        <section class="table-section">
            <h2>{ i18n.t("table.agents") }</h2>
            <table id="leaderboard">
                <thead><tr><th>{ i18n.t("table.agent") }</th>{ for COLUMNS.iter().map(header) }</tr></thead>
                <tbody>
                    { for rows.iter().map(|r| html! {
                        <tr data-agent={r.agent.clone()}>
                            <td title={r.agent.clone()}>{ r.agent.clone() }</td>
                            <td class="num">{ r.tickets }</td>
                            <td class="num">{ r.solved }</td>
                            <td class="num">{ cell(r.median_first_response_minutes, "minutes") }</td>
                            <td class="num">{ cell(r.median_resolution_minutes, "minutes") }</td>
                            <td class="num">{ cell(r.csat, "percent") }</td>
                            <td class="num">{ cell(r.first_contact_resolution, "percent") }</td>
                            <td class="num">{ cell(r.replies_per_ticket, "ratio") }</td>
                            <td class="num">{ cell(r.average_handle_minutes, "minutes") }</td>
                            <td class="num">{ cell(r.utilization, "percent") }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
