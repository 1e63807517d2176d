//! Charts drawn as inline SVG from the report: no script or library from elsewhere.

use yew::prelude::*;

use super::ReportProps;
use crate::report::format::group_thousands;

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 28.0;

/// Created vs solved per day: two lines, one hover target per day.
#[function_component(CreatedVsSolvedChart)]
pub fn created_vs_solved_chart(props: &ReportProps) -> Html {
    let days = &props.report.0.series.created_vs_solved;
    if days.is_empty() {
        return html! {
            <figure class="chart" id="chart-created-vs-solved">
                <figcaption>{ "Created vs solved per day" }</figcaption>
                <p class="empty">{ "No creation dates in this export." }</p>
            </figure>
        };
    }
    let max = days
        .iter()
        .map(|d| d.created.max(d.solved))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let top = nice_ceiling(max).max(2.0);
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let step = plot_w / (days.len().max(2) - 1) as f64;
    let x = |i: usize| LEFT + i as f64 * step;
    let y = |v: usize| TOP + plot_h * (1.0 - v as f64 / top);
    let line = |value: fn(&crate::kpi::DayCount) -> usize| {
        days.iter()
            .enumerate()
            .map(|(i, d)| format!("{:.1},{:.1}", x(i), y(value(d))))
            .collect::<Vec<_>>()
            .join(" ")
    };
    // A middle line only where it falls on a whole number of tickets.
    let ticks: Vec<f64> = if top % 2.0 == 0.0 {
        vec![0.0, top / 2.0, top]
    } else {
        vec![0.0, top]
    };
    let label_every = (days.len() / 6).max(1);
    html! {
        <figure class="chart" id="chart-created-vs-solved">
            <figcaption>
                { "Created vs solved per day" }
                <span class="legend created">{ "created" }</span>
                <span class="legend solved">{ "solved" }</span>
            </figcaption>
            <svg viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img"
                 aria-label="Tickets created and solved per day">
                { for ticks.iter().map(|t| {
                    let ty = TOP + plot_h * (1.0 - t / top);
                    html! { <>
                        <line class="grid" x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()}
                              y1={ty.to_string()} y2={ty.to_string()} />
                        <text class="axis" x={(LEFT - 6.0).to_string()} y={(ty + 4.0).to_string()}
                              text-anchor="end">{ group_thousands(*t as i64) }</text>
                    </> }
                }) }
                { for days.iter().enumerate().filter(|(i, _)| i % label_every == 0).map(|(i, d)| html! {
                    // Kept inside the plot so the first and last labels are not cut.
                    <text class="axis" x={x(i).clamp(LEFT + 18.0, WIDTH - RIGHT - 18.0).to_string()}
                          y={(HEIGHT - 8.0).to_string()}
                          text-anchor="middle">{ d.date.format("%b %d").to_string() }</text>
                }) }
                <polyline class="line created" points={line(|d| d.created)} />
                <polyline class="line solved" points={line(|d| d.solved)} />
                { for days.iter().enumerate().map(|(i, d)| html! {
                    <rect class="hover" x={(x(i) - step / 2.0).to_string()} y={TOP.to_string()}
                          width={step.to_string()} height={plot_h.to_string()}>
                        <title>{ format!("{}: {} created, {} solved", d.date, d.created, d.solved) }</title>
                    </rect>
                }) }
            </svg>
        </figure>
    }
}

/// Tickets per channel: horizontal bars, largest first.
#[function_component(ChannelChart)]
pub fn channel_chart(props: &ReportProps) -> Html {
    let report = &props.report.0;
    let Some(channels) = report.breakdowns.get("channel") else {
        return html! {
            <figure class="chart" id="chart-channel">
                <figcaption>{ "Tickets by channel" }</figcaption>
                <p class="empty">{ "No channel column in this export." }</p>
            </figure>
        };
    };
    let mut rows: Vec<(&String, &usize)> = channels.iter().collect();
    rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let total: usize = rows.iter().map(|(_, c)| **c).sum();
    let max = rows.first().map(|(_, c)| **c).unwrap_or(1).max(1) as f64;
    // Narrower than the line chart so that the labels read at the same size.
    let width = 480.0;
    let bar_h = 26.0;
    let label_w = 100.0;
    let height = rows.len() as f64 * bar_h + 8.0;
    let frt = report.kpis.get("first_response_time");
    html! {
        <figure class="chart" id="chart-channel">
            <figcaption>{ "Tickets by channel" }</figcaption>
            <svg viewBox={format!("0 0 {width} {height}")} role="img" aria-label="Tickets by channel">
                { for rows.iter().enumerate().map(|(i, (name, count))| {
                    let y = 4.0 + i as f64 * bar_h;
                    let w = (width - label_w - 90.0) * **count as f64 / max;
                    let share = 100.0 * **count as f64 / total.max(1) as f64;
                    let median = frt
                        .and_then(|k| k.by_channel.get(*name))
                        .and_then(|k| k.value)
                        .map(|m| format!(", median first response {}", crate::report::format::format_minutes(m)))
                        .unwrap_or_default();
                    html! { <g>
                        <text class="axis" x={(label_w - 8.0).to_string()} y={(y + 17.0).to_string()}
                              text-anchor="end">{ name.to_string() }</text>
                        <rect class="bar" x={label_w.to_string()} y={y.to_string()}
                              width={w.max(1.0).to_string()} height={(bar_h - 6.0).to_string()}>
                            <title>{ format!("{name}: {count} tickets ({share:.1} %){median}") }</title>
                        </rect>
                        <text class="axis" x={(label_w + w + 6.0).to_string()} y={(y + 17.0).to_string()}>
                            { format!("{} ({share:.0} %)", group_thousands(**count as i64)) }
                        </text>
                    </g> }
                }) }
            </svg>
        </figure>
    }
}

/// 1, 2, 5 × 10^k at or above `value`, so the axis reads in round numbers.
fn nice_ceiling(value: f64) -> f64 {
    let magnitude = 10f64.powf(value.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|candidate| *candidate >= value)
        .unwrap_or(value)
}
