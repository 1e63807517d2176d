//! A refilter's parts one by one, for the benchmarks' profile of where its time goes: each part
//! of `Report::build_compiled` run on its own over the same selection (a profile, not a sum of
//! it: the report folds the weekly series, the leaderboard, the histograms and the heat map in
//! one pass). Natively `benches/engine.rs` times them; in wasm, the engine module built with
//! `--features bench-wasm` does (`bench/wasm/`).

use crate::dataset::Dataset;
use crate::kpi::{self, Context};
use crate::selection::Selection;
use crate::settings::CompiledSettings;

/// A part: its name, and the work to time.
pub type Part<'a> = (String, Box<dyn Fn() + 'a>);

fn part<'a>(name: &str, work: impl Fn() + 'a) -> Part<'a> {
    (name.to_string(), Box::new(work))
}

/// The parts of a report over `selection` (`current`: the dataset's part it selects), in the
/// order the report makes them.
pub fn parts<'a>(
    dataset: &'a Dataset,
    current: &'a Dataset,
    context: &'a Context<'a>,
    selection: &'a Selection,
) -> Vec<Part<'a>> {
    let kpis = kpi::compute(current, context);
    let mut parts = vec![
        part("select", move || {
            drop(std::hint::black_box(dataset.select(selection)))
        }),
        part("every KPI (compute)", move || {
            std::hint::black_box(kpi::compute(current, context));
        }),
    ];
    parts.extend([
        part("weekly series", move || {
            std::hint::black_box(kpi::weekly(current, &kpis));
        }),
        part("breakdowns", move || {
            std::hint::black_box(kpi::breakdowns(current));
        }),
        part("created vs solved", move || {
            std::hint::black_box(kpi::created_vs_solved(current));
        }),
        part("backlog series", move || {
            std::hint::black_box(kpi::backlog_over_time(current, dataset.as_of()));
        }),
        part("heat map", move || {
            std::hint::black_box(kpi::heat_map(current));
        }),
        part("distributions", move || {
            std::hint::black_box(kpi::distributions(current));
        }),
        part("agent leaderboard", move || {
            std::hint::black_box(kpi::agent_leaderboard(current, context));
        }),
        part("channel performance", move || {
            std::hint::black_box(kpi::channel_performance(current));
        }),
        part("SLA breaches", move || {
            std::hint::black_box(kpi::sla_breaches(current, context));
        }),
        part("feedback terms", move || {
            std::hint::black_box(kpi::feedback_terms(current));
        }),
    ]);
    parts
}

/// Each KPI of the catalogue on its own: where "every KPI" goes.
pub fn kpi_parts<'a>(current: &'a Dataset, context: &'a Context<'a>) -> Vec<Part<'a>> {
    kpi::CATALOGUE
        .iter()
        .map(|definition| {
            part(definition.id.name(), move || {
                std::hint::black_box(definition.compute(current, context));
            })
        })
        .collect()
}

/// The context a report over `dataset` gives its KPIs, for `parts` (no period: the parts
/// profile a filter, not a date range).
pub fn context<'a>(dataset: &'a Dataset, compiled: &'a CompiledSettings) -> Context<'a> {
    Context::new(compiled, dataset.as_of(), None)
        .with_population(dataset)
        .with_zone(dataset.zone)
}
