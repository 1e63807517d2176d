//! Tickets by channel, status, priority or type: horizontal bars, largest first, from the
//! report's `breakdowns`. Where the selection can filter by the dimension, a bar filters when
//! clicked (status is not a filter of the catalogue, so its bars only inform); the "(blank)" bar
//! never does, as no ticket holds that value.

use yew::prelude::*;

use super::chart_download::ChartDownload;
use crate::i18n::I18n;
use crate::kpi::{KpiId, BLANK};
use crate::web::state::ReportRef;

#[derive(Properties, PartialEq)]
pub struct BreakdownChartProps {
    pub report: ReportRef,
    /// The breakdown drawn: `channel`, `status`, `priority` or `type`.
    pub dimension: AttrValue,
    /// A click on a bar emits (dimension, value); no callback, no click.
    #[prop_or_default]
    pub on_click: Option<Callback<(String, String)>>,
}

#[function_component(BreakdownChart)]
pub fn breakdown_chart(props: &BreakdownChartProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let report = &props.report.0;
    let dimension = props.dimension.to_string();
    let id = format!("chart-{dimension}");
    let caption = i18n.t(&format!("chart.by_{dimension}"));
    let Some(counts) = report.breakdowns.get(&dimension) else {
        return html! {
            <figure class="chart" id={id}>
                <figcaption>{ caption }</figcaption>
                <p class="empty">{ i18n.t(&format!("chart.no_{dimension}")) }</p>
            </figure>
        };
    };
    let mut rows: Vec<(&String, usize)> = counts.iter().map(|(k, v)| (k, *v)).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let total: usize = rows.iter().map(|(_, c)| c).sum();
    let max = rows.first().map_or(1, |(_, c)| *c).max(1) as f64;
    // Narrower than the line charts so that the labels read at the same size.
    let width = 480.0;
    let bar_h = 26.0;
    let label_w = 100.0;
    let height = rows.len() as f64 * bar_h + 8.0;
    // The timing KPIs carry medians per channel and per priority: the tooltip adds them.
    let frt = report.kpis.get(&KpiId::FirstResponseTime);
    let median_of = |name: &str| {
        let by = match dimension.as_str() {
            "channel" => &frt?.by_channel,
            "priority" => &frt?.by_priority,
            _ => return None,
        };
        by.get(name)?.value
    };
    html! {
        <figure class="chart" id={id.clone()}>
            <figcaption>
                { caption.clone() }
                if props.on_click.is_some() {
                    <span class="hint">{ i18n.t("chart.click_to_filter") }</span>
                }
                <ChartDownload chart={id.clone()} />
            </figcaption>
            <svg viewBox={format!("0 0 {width} {height}")} role="img" aria-label={caption}>
                { for rows.iter().enumerate().map(|(i, (name, count))| {
                    let y = 4.0 + i as f64 * bar_h;
                    let w = (width - label_w - 90.0) * *count as f64 / max;
                    let share = 100.0 * *count as f64 / total.max(1) as f64;
                    let median = median_of(name)
                        .map(|m| i18n.f("chart.median_first_response", &[("value", i18n.minutes(m))]))
                        .unwrap_or_default();
                    let label = display_name(&i18n, &dimension, name);
                    let value = name.to_string();
                    let onclick = props.on_click.clone().filter(|_| value != BLANK).map(|on_click| {
                        let (dimension, value) = (dimension.clone(), value.clone());
                        Callback::from(move |_: MouseEvent| on_click.emit((dimension.clone(), value.clone())))
                    });
                    let channel = (dimension == "channel").then(|| value.clone());
                    html! { <g class={classes!(onclick.is_some().then_some("clickable"))}
                               data-channel={channel} data-value={value} data-count={count.to_string()} {onclick}>
                        // A long label is shortened to the room left of the bars: its full text
                        // on hover.
                        <g class="label"><title>{ label.clone() }</title>
                            <text class="axis" x={(label_w - 8.0).to_string()} y={(y + 17.0).to_string()}
                                  text-anchor="end">{ crate::i18n::shortened(&label, LABEL_ROOM) }</text>
                        </g>
                        <rect class="bar" x={label_w.to_string()} y={y.to_string()}
                              width={w.max(1.0).to_string()} height={(bar_h - 6.0).to_string()}>
                            <title>{ format!("{}{median}", i18n.f("chart.channel_tooltip", &[("name", label), ("count", i18n.number(*count as f64, 0)), ("share", i18n.number(share, 1))])) }</title>
                        </rect>
                        <text class="axis" x={(label_w + w + 6.0).to_string()} y={(y + 17.0).to_string()}>
                            { format!("{} ({} %)", i18n.number(*count as f64, 0), i18n.number(share, 0)) }
                        </text>
                    </g> }
                }) }
            </svg>
        </figure>
    }
}

/// How many narrow characters the room left of the bars holds at the axis' size. Without it a
/// long label ran out of the chart on the left and showed its end ("l communication").
const LABEL_ROOM: usize = 13;

/// Canonical statuses in the page's language; any other value as the export wrote it.
fn display_name(i18n: &I18n, dimension: &str, name: &str) -> String {
    let key = format!("{dimension}.{name}");
    match i18n.t(&key) {
        translated if dimension == "status" && translated != key => translated,
        _ => name.to_string(),
    }
}
