//! CSAT and NPS per week: each week's NPS answers as a stacked bar of detractors, passives and
//! promoters (shares of the answers), and CSAT as a line on the same 0–100 % axis.

use yew::prelude::*;

use super::chart_download::ChartDownload;
use super::ReportProps;
use crate::i18n::I18n;
use crate::kpi::SatisfactionWeek;

const ID: &str = "chart-satisfaction";

#[function_component(SatisfactionChart)]
pub fn satisfaction_chart(props: &ReportProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let weeks = &props.report.0.series.satisfaction_weekly;
    let caption = i18n.t("chart.satisfaction");
    if weeks.is_empty() {
        return html! {
            <figure class="chart" id={ID}>
                <figcaption>{ caption }</figcaption>
                <p class="empty">{ i18n.t("chart.no_satisfaction") }</p>
            </figure>
        };
    }
    let (width, height, left, right, top, bottom) = (720.0, 260.0, 44.0, 12.0, 12.0, 28.0);
    let plot_h = height - top - bottom;
    let slot = (width - left - right) / weeks.len() as f64;
    let x = |i: usize| left + (i as f64 + 0.5) * slot;
    // A few weeks must not make bars as wide as the chart.
    let bar_w = (slot * 0.7).min(36.0);
    let y = |percent: f64| top + plot_h * (1.0 - percent / 100.0);
    let has_nps = weeks.iter().any(|w| answers(w) > 0);
    let has_csat = weeks.iter().any(|w| w.csat.is_some());
    let label_every = (weeks.len() / 8).max(1);
    // The CSAT line breaks where a week has no rating rather than bridging the gap.
    let mut segments: Vec<Vec<String>> = vec![Vec::new()];
    for (i, week) in weeks.iter().enumerate() {
        match week.csat {
            Some(csat) => segments
                .last_mut()
                .into_iter()
                .for_each(|s| s.push(format!("{:.1},{:.1}", x(i), y(csat)))),
            None => segments.push(Vec::new()),
        }
    }
    let legend = |class: &'static str, key: &str| {
        html! { <span class={classes!("legend", class)}>{ i18n.t(key) }</span> }
    };
    html! {
        <figure class="chart" id={ID}>
            <figcaption>
                { caption.clone() }
                if has_csat { { legend("csat", "chart.csat") } }
                if has_nps {
                    { legend("promoters", "chart.promoters") }
                    { legend("passives", "chart.passives") }
                    { legend("detractors", "chart.detractors") }
                }
                <ChartDownload chart={ID} />
            </figcaption>
            <svg viewBox={format!("0 0 {width} {height}")} role="img" aria-label={caption}>
                { for [0.0, 50.0, 100.0].iter().map(|t| html! { <>
                    <line class="grid" x1={left.to_string()} x2={(width - right).to_string()}
                          y1={y(*t).to_string()} y2={y(*t).to_string()} />
                    <text class="axis" x={(left - 6.0).to_string()} y={(y(*t) + 4.0).to_string()}
                          text-anchor="end">{ format!("{} %", i18n.number(*t, 0)) }</text>
                </> }) }
                { for weeks.iter().enumerate().map(|(i, week)| {
                    let n = answers(week).max(1) as f64;
                    // Detractors at the bottom, then passives, then promoters: shares of 100 %.
                    let parts = [("detractors", week.detractors), ("passives", week.passives), ("promoters", week.promoters)];
                    let mut base = 0.0;
                    let bars = parts.map(|(class, count)| {
                        let share = 100.0 * count as f64 / n;
                        let (low, high) = (base, base + share);
                        base = high;
                        html! { <rect class={classes!("nps", class)} x={(x(i) - bar_w / 2.0).to_string()}
                                      y={y(high).to_string()} width={bar_w.to_string()}
                                      height={(y(low) - y(high)).to_string()} /> }
                    });
                    html! { <g class="week" data-period={week.period.clone()}
                               data-csat={week.csat.map(|v| v.to_string()).unwrap_or_default()}
                               data-nps={week.nps.map(|v| v.to_string()).unwrap_or_default()}
                               data-promoters={week.promoters.to_string()} data-passives={week.passives.to_string()}
                               data-detractors={week.detractors.to_string()}>
                        { for bars }
                        if i % label_every == 0 {
                            <text class="axis" x={x(i).clamp(left + 24.0, width - right - 24.0).to_string()}
                                  y={(height - 8.0).to_string()} text-anchor="middle">{ week.period.clone() }</text>
                        }
                    </g> }
                }) }
                { for segments.iter().filter(|s| !s.is_empty()).map(|s| html! {
                    <polyline class="line csat" points={s.join(" ")} />
                }) }
                { for weeks.iter().enumerate().filter_map(|(i, w)| w.csat.map(|c| (i, c))).map(|(i, csat)| html! {
                    <circle class="dot csat" cx={x(i).to_string()} cy={y(csat).to_string()} r="4" />
                }) }
                { for weeks.iter().enumerate().map(|(i, week)| html! {
                    <rect class="hover" x={(x(i) - slot / 2.0).to_string()} y={top.to_string()}
                          width={slot.to_string()} height={plot_h.to_string()}>
                        <title>{ tooltip(&i18n, week) }</title>
                    </rect>
                }) }
            </svg>
        </figure>
    }
}

/// NPS answers of the week.
fn answers(week: &SatisfactionWeek) -> usize {
    week.promoters + week.passives + week.detractors
}

fn tooltip(i18n: &I18n, week: &SatisfactionWeek) -> String {
    let csat = week
        .csat
        .map_or_else(|| "—".to_string(), |v| format!("{} %", i18n.number(v, 1)));
    let nps = week.nps.map_or_else(
        || "—".to_string(),
        |v| format!("{}{}", if v > 0.0 { "+" } else { "" }, i18n.number(v, 0)),
    );
    i18n.f(
        "chart.satisfaction_tooltip",
        &[
            ("week", week.period.clone()),
            ("csat", csat),
            ("rated", week.rated.to_string()),
            ("nps", nps),
            ("promoters", week.promoters.to_string()),
            ("passives", week.passives.to_string()),
            ("detractors", week.detractors.to_string()),
        ],
    )
}
