//! Charts drawn as inline SVG from the report: no script or library from elsewhere, text always
//! rendered as text (never markup), a tooltip (`<title>`) on every mark.

use super::chart_download::ChartDownload;
use chrono::NaiveDate;
use yew::prelude::*;

use super::ReportProps;
use crate::i18n::I18n;

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 28.0;

/// One line of a day chart: its CSS class, legend label and one value per day.
struct Line {
    class: &'static str,
    label: String,
    values: Vec<usize>,
}

/// Lines over days, with a hover target per day that lists every line's value.
fn day_chart(
    i18n: &I18n,
    id: &str,
    caption: &str,
    dates: &[NaiveDate],
    lines: &[Line],
    empty: &str,
) -> Html {
    if dates.is_empty() {
        return html! {
            <figure class="chart" id={id.to_string()}>
                <figcaption>{ caption.to_string() }</figcaption>
                <p class="empty">{ empty.to_string() }</p>
            </figure>
        };
    }
    let max = lines
        .iter()
        .flat_map(|l| l.values.iter())
        .copied()
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let top = nice_ceiling(max).max(2.0);
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let step = plot_w / (dates.len().max(2) - 1) as f64;
    let x = |i: usize| LEFT + i as f64 * step;
    let y = |v: usize| TOP + plot_h * (1.0 - v as f64 / top);
    // A middle line only where it falls on a whole number.
    let ticks: Vec<f64> = if top % 2.0 == 0.0 {
        vec![0.0, top / 2.0, top]
    } else {
        vec![0.0, top]
    };
    let label_every = (dates.len() / 6).max(1);
    let day_format = i18n.t("chart.day_format");
    html! {
        <figure class="chart" id={id.to_string()}>
            <figcaption>
                { caption.to_string() }
                { for lines.iter().map(|l| html! { <span class={classes!("legend", l.class)}>{ l.label.clone() }</span> }) }
                <ChartDownload chart={id.to_string()} />
            </figcaption>
            <svg viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-label={caption.to_string()}>
                { for ticks.iter().map(|t| {
                    let ty = TOP + plot_h * (1.0 - t / top);
                    html! { <>
                        <line class="grid" x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()}
                              y1={ty.to_string()} y2={ty.to_string()} />
                        <text class="axis" x={(LEFT - 6.0).to_string()} y={(ty + 4.0).to_string()}
                              text-anchor="end">{ i18n.number(*t, 0) }</text>
                    </> }
                }) }
                { for dates.iter().enumerate().filter(|(i, _)| i % label_every == 0).map(|(i, d)| html! {
                    // Kept inside the plot so the first and last labels are not cut.
                    <text class="axis" x={x(i).clamp(LEFT + 18.0, WIDTH - RIGHT - 18.0).to_string()}
                          y={(HEIGHT - 8.0).to_string()} text-anchor="middle">
                        { d.format(&day_format).to_string() }
                    </text>
                }) }
                { for lines.iter().map(|line| {
                    let points = line.values.iter().enumerate()
                        .map(|(i, v)| format!("{:.1},{:.1}", x(i), y(*v)))
                        .collect::<Vec<_>>()
                        .join(" ");
                    html! { <polyline class={classes!("line", line.class)} points={points} /> }
                }) }
                { for dates.iter().enumerate().map(|(i, d)| {
                    let values = lines.iter()
                        .map(|l| format!("{} {}", i18n.number(l.values[i] as f64, 0), l.label))
                        .collect::<Vec<_>>()
                        .join(", ");
                    html! {
                        <rect class="hover" x={(x(i) - step / 2.0).to_string()} y={TOP.to_string()}
                              width={step.to_string()} height={plot_h.to_string()}>
                            <title>{ format!("{d}: {values}") }</title>
                        </rect>
                    }
                }) }
            </svg>
        </figure>
    }
}

/// Created vs solved per day.
#[function_component(CreatedVsSolvedChart)]
pub fn created_vs_solved_chart(props: &ReportProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let days = &props.report.0.series.created_vs_solved;
    let dates: Vec<NaiveDate> = days.iter().map(|d| d.date).collect();
    let lines = [
        Line {
            class: "created",
            label: i18n.t("chart.created"),
            values: days.iter().map(|d| d.created).collect(),
        },
        Line {
            class: "solved",
            label: i18n.t("chart.solved"),
            values: days.iter().map(|d| d.solved).collect(),
        },
    ];
    day_chart(
        &i18n,
        "chart-created-vs-solved",
        &i18n.t("chart.created_vs_solved"),
        &dates,
        &lines,
        &i18n.t("chart.no_dates"),
    )
}

/// Unsolved tickets at the end of each day, and those older than a week.
#[function_component(BacklogChart)]
pub fn backlog_chart(props: &ReportProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let days = &props.report.0.series.backlog;
    let dates: Vec<NaiveDate> = days.iter().map(|d| d.date).collect();
    let lines = [
        Line {
            class: "created",
            label: i18n.t("chart.open"),
            values: days.iter().map(|d| d.open).collect(),
        },
        Line {
            class: "solved",
            label: i18n.t("chart.older_than_week"),
            values: days.iter().map(|d| d.ages[3] + d.ages[4]).collect(),
        },
    ];
    day_chart(
        &i18n,
        "chart-backlog",
        &i18n.t("chart.backlog"),
        &dates,
        &lines,
        &i18n.t("chart.no_dates"),
    )
}

/// Arrivals by weekday and hour: darker cells, more tickets.
#[function_component(HeatMap)]
pub fn heat_map(props: &ReportProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let weekdays: Vec<String> = (0..7).map(|d| i18n.t(&format!("weekday.{d}"))).collect();
    let counts = &props.report.0.series.arrivals_by_weekday_hour;
    let max = counts.iter().flatten().copied().max().unwrap_or(0);
    if max == 0 {
        return html! {};
    }
    let cell = 26.0;
    let left = 40.0;
    let width = left + 24.0 * cell + 4.0;
    let height = 7.0 * cell + 22.0;
    html! {
        <figure class="chart" id="chart-heat-map">
            <figcaption>{ i18n.t("chart.heat_map") }<ChartDownload chart="chart-heat-map" /></figcaption>
            <svg viewBox={format!("0 0 {width} {height}")} role="img" aria-label={i18n.t("chart.heat_map")}>
                { for (0..7).map(|day| html! {
                    <text class="axis" x={(left - 6.0).to_string()} y={(day as f64 * cell + 17.0).to_string()}
                          text-anchor="end">{ weekdays[day].clone() }</text>
                }) }
                { for (0..24).step_by(3).map(|hour| html! {
                    <text class="axis" x={(left + hour as f64 * cell + cell / 2.0).to_string()}
                          y={(height - 4.0).to_string()} text-anchor="middle">{ format!("{hour:02}") }</text>
                }) }
                { for (0..7).flat_map(|day| (0..24).map(move |hour| (day, hour))).map(|(day, hour)| {
                    let count = counts[day][hour];
                    // Five shades; an empty hour stays blank.
                    let shade = if count == 0 { 0 } else { 1 + (4 * count / max.max(1)).min(4) };
                    html! {
                        <rect class={format!("heat heat-{shade}")} x={(left + hour as f64 * cell).to_string()}
                              y={(day as f64 * cell).to_string()} width={(cell - 2.0).to_string()}
                              height={(cell - 2.0).to_string()}>
                            <title>{ i18n.f("chart.heat_tooltip", &[("day", weekdays[day].clone()), ("hour", format!("{hour:02}")), ("count", count.to_string())]) }</title>
                        </rect>
                    }
                }) }
            </svg>
        </figure>
    }
}

/// 1, 2, 5 × 10^k at or above `value`, so the axis reads in round numbers.
pub(super) fn nice_ceiling(value: f64) -> f64 {
    let magnitude = 10f64.powf(value.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|candidate| *candidate >= value)
        .unwrap_or(value)
}
