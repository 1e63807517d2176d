//! A KPI card's trend: its value week by week (`series.kpi_weekly`) as a small line, scaled to
//! its own range so that the shape reads at card size. A week without a value breaks the line.

use yew::prelude::*;

use crate::i18n::I18n;
use crate::kpi::WeekValue;

const WIDTH: f64 = 120.0;
const HEIGHT: f64 = 28.0;
const PAD: f64 = 3.0;

/// Nothing where fewer than two weeks have a value: one point is no trend.
pub(super) fn sparkline(i18n: &I18n, weeks: &[WeekValue]) -> Html {
    let values: Vec<f64> = weeks.iter().filter_map(|w| w.value).collect();
    if values.len() < 2 {
        return html! {};
    }
    let low = values.iter().copied().fold(f64::INFINITY, f64::min);
    let high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let step = (WIDTH - 2.0 * PAD) / (weeks.len() - 1).max(1) as f64;
    let x = |i: usize| PAD + i as f64 * step;
    // A flat series sits in the middle rather than on an edge.
    let y = |v: f64| match high - low {
        span if span > 0.0 => PAD + (HEIGHT - 2.0 * PAD) * (1.0 - (v - low) / span),
        _ => HEIGHT / 2.0,
    };
    let mut segments: Vec<Vec<String>> = vec![Vec::new()];
    for (i, week) in weeks.iter().enumerate() {
        match week.value {
            Some(v) => segments
                .last_mut()
                .into_iter()
                .for_each(|s| s.push(format!("{:.1},{:.1}", x(i), y(v)))),
            None => segments.push(Vec::new()),
        }
    }
    let last = weeks.iter().rposition(|w| w.value.is_some()).unwrap_or(0);
    let title = i18n.f(
        "card.trend",
        &[
            ("from", weeks[0].period.clone()),
            ("to", weeks[weeks.len() - 1].period.clone()),
        ],
    );
    html! {
        <svg class="sparkline" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img"
             aria-label={title.clone()} data-points={weeks.len().to_string()}>
            <title>{ title }</title>
            { for segments.iter().filter(|s| !s.is_empty()).map(|s| html! {
                // A lone week between gaps still shows, as a dot.
                if s.len() == 1 {
                    <circle class="spark-dot" cx={s[0].split(',').next().unwrap_or("0").to_string()}
                            cy={s[0].split(',').nth(1).unwrap_or("0").to_string()} r="1.5" />
                } else {
                    <polyline class="spark" points={s.join(" ")} />
                }
            }) }
            if let Some(v) = weeks[last].value {
                <circle class="spark-dot" cx={x(last).to_string()} cy={y(v).to_string()} r="2" />
            }
        </svg>
    }
}
