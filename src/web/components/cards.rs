//! KPI cards. Each carries `data-kpi` and the raw headline in `data-value` (empty when null), so a
//! test or a person with the inspector reads the exact number behind the rounded one. The KPIs
//! these files cannot give are one list at the end ("not available"), each with its reason.

use yew::prelude::*;

use super::sparkline::sparkline;
use super::ReportProps;
use crate::i18n::I18n;
use crate::kpi::{Definition, Extra, Group, Kpi, WeekValue, CATALOGUE};

#[function_component(Cards)]
pub fn cards(props: &ReportProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let report = &props.report.0;
    let with = |value: bool| {
        move |definition: &&Definition| {
            report
                .kpis
                .get(&definition.id)
                .is_some_and(|kpi| kpi.value.is_some() == value)
        }
    };
    // A KPI these files cannot give is listed once at the end, not a card of its own: the
    // groups keep what can be read.
    let missing: Vec<&Definition> = CATALOGUE.iter().filter(with(false)).collect();
    let in_group = |group: Group| {
        CATALOGUE
            .iter()
            .filter(with(true))
            .filter(move |d| d.group == group)
    };
    html! {
        <section id="kpis" aria-label={i18n.t("kpis.aria")}>
            { for Group::ALL.iter().filter(|group| in_group(**group).next().is_some()).map(|group| html! {
                <div class="card-group" data-group={group.name()}>
                    <h2>{ i18n.t(&format!("group.{group}")) }</h2>
                    <div class="cards">
                        { for in_group(*group).filter_map(|definition| {
                            let id = &definition.id;
                            report.kpis.get(id).map(|kpi| {
                                let weeks = report.series.kpi_weekly.get(id).map_or(&[][..], Vec::as_slice);
                                card(&i18n, definition, kpi, weeks)
                            })
                        }) }
                    </div>
                </div>
            }) }
            if !missing.is_empty() {
                <div id="not-available" class="not-available">
                    <h2>{ i18n.t("kpis.not_available") }</h2>
                    <ul>
                        { for missing.iter().filter_map(|definition| report.kpis.get(&definition.id).map(|kpi| {
                            let name = i18n.t(&format!("kpi.{}", definition.id));
                            html! {
                                <li data-kpi={definition.id.name()} data-value="">
                                    <span class="name" title={name.clone()}>{ name }</span>
                                    <span class="detail">{ detail(&i18n, kpi) }</span>
                                </li>
                            }
                        })) }
                    </ul>
                </div>
            }
        </section>
    }
}

/// What a card says under its value: why it is null, a note, or how many tickets it counts.
fn detail(i18n: &I18n, kpi: &Kpi) -> String {
    match (&kpi.reason, &kpi.note, kpi.n) {
        // The reason is translated by its key (a report without one, as written).
        (Some(reason), _, _) => match &kpi.reason_key {
            Some(key) => i18n.message(&crate::message::Message {
                key: key.clone(),
                args: kpi.reason_args.clone(),
            }),
            None => reason.clone(),
        },
        // A note's sentences, each translated by its key.
        (None, Some(note), _) if kpi.note_keys.is_empty() => note.clone(),
        (None, Some(_), _) => kpi
            .note_keys
            .iter()
            .map(|sentence| i18n.message(sentence))
            .collect::<Vec<_>>()
            .join("; "),
        (None, None, Some(n)) => format!("n = {n}"),
        _ => String::new(),
    }
}

fn card(i18n: &I18n, definition: &Definition, kpi: &Kpi, weeks: &[WeekValue]) -> Html {
    // Rust's shortest round-trip rendering of the f64: the same number the JSON carries.
    let raw = kpi.value.map(|v| v.to_string()).unwrap_or_default();
    let detail = detail(i18n, kpi);
    let name = i18n.t(&format!("kpi.{}", definition.id));
    let extra = kpi
        .extras
        .get(&Extra::MedianAgeDays)
        .map(|days| i18n.f("card.median_age", &[("d", i18n.number(*days, 1))]));
    html! {
        <article
            class="card"
            data-kpi={definition.id.name()}
            data-value={raw}
        >
            <h3 title={name.clone()}>{ name }</h3>
            <p class="value">{ i18n.kpi_value(kpi) }</p>
            { comparison(i18n, kpi) }
            if let Some(extra) = extra { <p class="extra">{ extra }</p> }
            { sparkline(i18n, weeks) }
            <p class="detail">{ detail }</p>
        </article>
    }
}

/// "▲ 12.5 vs previous period" coloured by whether that is better, and the target's verdict.
fn comparison(i18n: &I18n, kpi: &Kpi) -> Html {
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
                { i18n.f("card.from", &[("arrow", arrow.to_string()), ("previous", i18n.kpi_value(&previous))]) }
            </p>
        }
    });
    let target = kpi.target.map(|target| {
        let goal = Kpi { value: Some(target), ..kpi.clone() };
        let (class, key) = match kpi.target_met {
            Some(true) => ("met", "card.target_met"),
            Some(false) => ("missed", "card.target_missed"),
            None => ("same", "card.target"),
        };
        html! {
            <p class={classes!("target", class)} data-target-met={kpi.target_met.map(|m| m.to_string()).unwrap_or_default()}>
                { i18n.f(key, &[("target", i18n.kpi_value(&goal))]) }
            </p>
        }
    });
    html! { <>{ for delta }{ for target }</> }
}
