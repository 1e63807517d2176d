//! First-response and resolution time distributions: one vertical bar per bucket of the
//! report's `distributions`, so the tail the median hides (tickets waiting days) shows.

use yew::prelude::*;

use super::chart_download::ChartDownload;
use super::charts::nice_ceiling;
use crate::i18n::I18n;
use crate::kpi::Bucket;
use crate::web::state::ReportRef;

#[derive(Properties, PartialEq)]
pub struct DistributionChartProps {
    pub report: ReportRef,
    /// `first_response` or `resolution`.
    pub measure: AttrValue,
}

#[function_component(DistributionChart)]
pub fn distribution_chart(props: &DistributionChartProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let distributions = &props.report.0.distributions;
    let measure = props.measure.as_str();
    let buckets: &[Bucket] = match measure {
        "resolution" => &distributions.resolution,
        _ => &distributions.first_response,
    };
    let id = format!("chart-{}-distribution", measure.replace('_', "-"));
    let caption = i18n.t(&format!("chart.{measure}_distribution"));
    let total: usize = buckets.iter().map(|b| b.count).sum();
    if total == 0 {
        return html! {
            <figure class="chart" id={id}>
                <figcaption>{ caption }</figcaption>
                <p class="empty">{ i18n.t("chart.no_times") }</p>
            </figure>
        };
    }
    let (width, height, left, top, bottom) = (560.0, 230.0, 44.0, 18.0, 26.0);
    let max = buckets.iter().map(|b| b.count).max().unwrap_or(1).max(1) as f64;
    let ceiling = nice_ceiling(max).max(2.0);
    let plot_h = height - top - bottom;
    let slot = (width - left - 8.0) / buckets.len() as f64;
    let y = |v: f64| top + plot_h * (1.0 - v / ceiling);
    html! {
        <figure class="chart" id={id.clone()} data-total={total.to_string()}>
            <figcaption>
                { caption.clone() }
                <span class="hint">{ format!(" — {}", i18n.f("chart.tickets_n", &[("n", i18n.number(total as f64, 0))])) }</span>
                <ChartDownload chart={id} />
            </figcaption>
            <svg viewBox={format!("0 0 {width} {height}")} role="img" aria-label={caption}>
                { for [0.0, ceiling / 2.0, ceiling].iter().filter(|t| t.fract() == 0.0).map(|t| html! { <>
                    <line class="grid" x1={left.to_string()} x2={(width - 8.0).to_string()}
                          y1={y(*t).to_string()} y2={y(*t).to_string()} />
                    <text class="axis" x={(left - 6.0).to_string()} y={(y(*t) + 4.0).to_string()}
                          text-anchor="end">{ i18n.number(*t, 0) }</text>
                </> }) }
                { for buckets.iter().enumerate().map(|(i, bucket)| {
                    let x = left + i as f64 * slot;
                    let label = i18n.t(&format!("bucket.{i}"));
                    let share = 100.0 * bucket.count as f64 / total as f64;
                    let bar_y = y(bucket.count as f64);
                    html! { <g class="bucket" data-from={bucket.from_minutes.to_string()} data-count={bucket.count.to_string()}>
                        <rect class={classes!("bar", measure.to_string())} x={(x + slot * 0.15).to_string()} y={bar_y.to_string()}
                              width={(slot * 0.7).to_string()} height={(top + plot_h - bar_y).max(0.0).to_string()}>
                            <title>{ i18n.f("chart.bucket_tooltip", &[("bucket", label.clone()), ("count", i18n.number(bucket.count as f64, 0)), ("share", i18n.number(share, 1))]) }</title>
                        </rect>
                        if bucket.count > 0 {
                            <text class="axis" x={(x + slot / 2.0).to_string()} y={(bar_y - 4.0).to_string()}
                                  text-anchor="middle">{ share_label(&i18n, share) }</text>
                        }
                        <text class="axis" x={(x + slot / 2.0).to_string()} y={(height - 8.0).to_string()}
                              text-anchor="middle">{ label }</text>
                    </g> }
                }) }
            </svg>
        </figure>
    }
}

/// "38 %", and "< 1 %" for a bucket that has tickets but rounds to none.
fn share_label(i18n: &I18n, share: f64) -> String {
    if share < 0.5 {
        format!("< {} %", i18n.number(1.0, 0))
    } else {
        format!("{} %", i18n.number(share, 0))
    }
}
