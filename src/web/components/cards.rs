//! KPI cards. Each carries `data-kpi` and the raw headline in `data-value` (empty when null), so a
//! test or a person with the inspector reads the exact number behind the rounded one.

use yew::prelude::*;

use super::ReportProps;
use crate::kpi::Kpi;
use crate::report::{format_kpi_value, KpiInfo, CATALOGUE};

const GROUPS: [(&str, &str); 7] = [
    ("volume", "Volume"),
    ("speed", "Speed"),
    ("effectiveness", "Effectiveness"),
    ("satisfaction", "Satisfaction"),
    ("calls", "Calls"),
    ("customers", "Customers"),
    ("team", "Team and cost"),
];

#[function_component(Cards)]
pub fn cards(props: &ReportProps) -> Html {
    let report = &props.report.0;
    html! {
        <section id="kpis" aria-label="Key performance indicators">
            { for GROUPS.iter().map(|(group, title)| html! {
                <div class="card-group">
                    <h2>{ *title }</h2>
                    <div class="cards">
                        { for CATALOGUE.iter().filter(|info| info.group == *group).filter_map(|info| {
                            report.kpis.get(info.id).map(|kpi| card(info, kpi))
                        }) }
                    </div>
                </div>
            }) }
        </section>
    }
}

fn card(info: &KpiInfo, kpi: &Kpi) -> Html {
    // Rust's shortest round-trip rendering of the f64: the same number the JSON carries.
    let raw = kpi.value.map(|v| v.to_string()).unwrap_or_default();
    let detail = match (&kpi.reason, &kpi.note, kpi.n) {
        (Some(reason), _, _) => reason.clone(),
        (None, Some(note), _) => note.clone(),
        (None, None, Some(n)) => format!("n = {n}"),
        _ => String::new(),
    };
    let extra = kpi
        .extras
        .get("median_age_days")
        .map(|days| format!("median age {days:.1} days"));
    html! {
        <article
            class={classes!("card", kpi.value.is_none().then_some("null"))}
            data-kpi={info.id}
            data-value={raw}
        >
            <h3>{ info.label }</h3>
            <p class="value">{ format_kpi_value(kpi) }</p>
            { comparison(kpi) }
            if let Some(extra) = extra { <p class="extra">{ extra }</p> }
            <p class="detail">{ detail }</p>
        </article>
    }
}

/// "▲ 12.5 vs previous period" coloured by whether that is better, and the target's verdict.
fn comparison(kpi: &Kpi) -> Html {
    let delta = kpi.delta.map(|delta| {
        let arrow = if delta > 0.0 {
            "▲"
        } else if delta < 0.0 {
            "▼"
        } else {
            "="
        };
        let class = match kpi.improved {
            Some(true) => "better",
            Some(false) => "worse",
            None => "same",
        };
        let previous = Kpi {
            value: kpi.previous,
            ..kpi.clone()
        };
        html! {
            <p class={classes!("delta", class)} data-delta={delta.to_string()}>
                { format!("{arrow} from {}", format_kpi_value(&previous)) }
            </p>
        }
    });
    let target = kpi.target.map(|target| {
        let goal = Kpi { value: Some(target), ..kpi.clone() };
        let (class, word) = match kpi.target_met {
            Some(true) => ("met", "target met"),
            Some(false) => ("missed", "target missed"),
            None => ("same", "target"),
        };
        html! {
            <p class={classes!("target", class)} data-target-met={kpi.target_met.map(|m| m.to_string()).unwrap_or_default()}>
                { format!("{word}: {}", format_kpi_value(&goal)) }
            </p>
        }
    });
    html! { <>{ for delta }{ for target }</> }
}
