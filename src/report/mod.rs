//! The report: what the CLI prints and the page draws. Its JSON shape is fixed by the catalogue
//! (`../shared/spec/kpis.md`, "Machine-readable output"); more fields are welcome.

mod doubts;
pub mod format;
mod markdown;
pub mod parts;
pub mod tables;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::ingest::{IngestError, SourceReport};
use crate::kpi::{
    self, AgentRow, BacklogDay, Better, ChannelRow, Context, DayCount, Distributions,
    FeedbackTerms, Kpi, KpiId, PeriodCount, SatisfactionWeek, SlaBreach, WeekValue, CATALOGUE,
};
use crate::model::time::calendar::format_timestamp;
use crate::selection::Selection;
use crate::settings::{CompiledSettings, Settings};
pub use format::format_kpi_value;
pub use markdown::to_markdown;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Report {
    /// Tickets in the selection, after de-duplication.
    pub tickets: usize,
    /// Tickets in all the files, after de-duplication.
    pub tickets_total: usize,
    pub duplicates: usize,
    /// The as-of time, `YYYY-MM-DDTHH:MM:SS`: the settings' or the latest time in the data.
    pub as_of: Option<String>,
    pub selection: Selection,
    /// The period compared with, where the selection has a date range.
    pub previous_period: Option<Period>,
    pub sources: Vec<SourceReport>,
    /// The values each filter can take, over all the data (not only the selection).
    pub facets: BTreeMap<String, Vec<String>>,
    /// Files that could not be read at all.
    pub errors: Vec<IngestError>,
    pub kpis: BTreeMap<KpiId, Kpi>,
    pub breakdowns: BTreeMap<String, BTreeMap<String, usize>>,
    pub series: Series,
    /// How first-response and resolution times spread over a support lead's buckets.
    #[serde(default)]
    pub distributions: Distributions,
    pub agents: Vec<AgentRow>,
    pub channels: Vec<ChannelRow>,
    pub sla_breaches: Vec<SlaBreach>,
    /// The most frequent terms in rating comments, good and bad.
    pub feedback_terms: FeedbackTerms,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Series {
    pub created_vs_solved: Vec<DayCount>,
    pub created_vs_solved_weekly: Vec<PeriodCount>,
    pub created_vs_solved_monthly: Vec<PeriodCount>,
    pub backlog: Vec<BacklogDay>,
    /// Tickets created per weekday (Monday first) and hour.
    pub arrivals_by_weekday_hour: [[usize; 24]; 7],
    /// KPI id → its value per ISO week of creation, for the cards' sparklines.
    #[serde(default)]
    pub kpi_weekly: BTreeMap<KpiId, Vec<WeekValue>>,
    /// CSAT and NPS (with promoters, passives, detractors) per ISO week of creation.
    #[serde(default)]
    pub satisfaction_weekly: Vec<SatisfactionWeek>,
}

impl Report {
    /// The report over everything with default settings.
    pub fn build(dataset: &Dataset, errors: Vec<IngestError>) -> Report {
        // Default settings always compile.
        Report::build_with(dataset, errors, &Settings::default(), &Selection::default())
            .unwrap_or_else(|_| unreachable_report(dataset))
    }

    /// The report over the selection, compared with the previous period where a range is set.
    /// Fails only for settings that do not make sense (the message says which).
    pub fn build_with(
        dataset: &Dataset,
        errors: Vec<IngestError>,
        settings: &Settings,
        selection: &Selection,
    ) -> Result<Report, crate::message::Message> {
        Ok(Report::build_compiled(
            dataset,
            errors,
            &settings.compile()?,
            selection,
        ))
    }

    /// The same with settings compiled once for every report made with them.
    pub fn build_compiled(
        dataset: &Dataset,
        errors: Vec<IngestError>,
        compiled: &CompiledSettings,
        selection: &Selection,
    ) -> Report {
        let settings = &compiled.settings;
        let as_of = compiled.as_of.or_else(|| dataset.as_of());
        let period_days = selection.days().map(|d| d as f64);
        let current = dataset.select(selection);
        let context = with_range(
            Context::new(compiled, as_of, period_days)
                .with_population(dataset)
                .with_zone(dataset.zone),
            selection,
        );
        let mut kpis = kpi::compute_uncounted(&current, &context);
        // The weekly pass: the leaderboard, the histograms and the heat map fold the rows it
        // folds (the same columns, read once), and it counts the counting cards' rows.
        let table = current.table();
        let mut agents = kpi::AgentBoard::new(&current, &context);
        let (mut distributions, mut arrivals) =
            (kpi::DistributionCounts::new(table), kpi::HeatMap::default());
        let weeks = kpi::fold_weeks(&current, |row| {
            agents.add(row);
            distributions.add(table, row);
            arrivals.add(table, row);
        });
        kpi::add_counted(&mut kpis, &current, &context, &weeks.counts);
        // From the cards as computed (before any doubt nulls one): their medians per channel.
        let card = |id: KpiId| kpis.get(&id);
        let channels = kpi::channel_performance_with(
            &current,
            card(KpiId::FirstResponseTime),
            card(KpiId::ResolutionTime),
        );
        doubts::apply(&dataset.sources, &current, &mut kpis);

        let previous = selection.previous();
        if let Some(previous) = &previous {
            let before = dataset.select(previous);
            // A period without tickets is no baseline: "▲ from 0" would mislead.
            if !(before.is_empty() && before.calls.is_empty()) {
                let context = with_range(
                    Context::new(compiled, as_of, period_days)
                        .with_population(dataset)
                        .with_zone(dataset.zone),
                    previous,
                );
                let earlier = kpi::compute(&before, &context);
                for definition in CATALOGUE {
                    let id = &definition.id;
                    if let Some(kpi) = kpis.get_mut(id) {
                        let before = earlier.get(id).and_then(|k| k.value);
                        compare(definition.better, kpi, before);
                    }
                }
            }
        }
        for definition in CATALOGUE {
            let id = definition.id;
            if let (Some(kpi), Some(target)) = (kpis.get_mut(&id), settings.targets.get(id.name()))
            {
                kpi.target = Some(*target);
                kpi.target_met = kpi.value.and_then(|v| meets(definition.better, v, *target));
            }
        }

        let days = kpi::created_vs_solved(&current);
        let weekly = kpi::weekly_of(&current, weeks, &kpis);
        let agents = agents.rows();
        Report {
            tickets: current.len(),
            tickets_total: dataset.table().len(),
            duplicates: dataset.duplicates,
            as_of: as_of.map(format_timestamp),
            selection: selection.clone(),
            previous_period: previous.and_then(|p| {
                Some(Period {
                    from: p.from?,
                    to: p.to?,
                })
            }),
            sources: dataset.sources.clone(),
            facets: dataset.facets().clone(),
            errors,
            breakdowns: kpi::breakdowns(&current),
            series: Series {
                created_vs_solved_weekly: kpi::created_vs_solved_by(&days, kpi::week_label),
                created_vs_solved_monthly: kpi::created_vs_solved_by(&days, kpi::month_label),
                created_vs_solved: days,
                backlog: kpi::backlog_over_time(&current, as_of),
                arrivals_by_weekday_hour: arrivals.0,
                kpi_weekly: weekly.kpis,
                satisfaction_weekly: weekly.satisfaction,
            },
            distributions: distributions.distributions(),
            agents,
            channels,
            sla_breaches: kpi::sla_breaches(&current, &context),
            feedback_terms: kpi::feedback_terms(&current),
            kpis,
        }
    }

    pub fn to_json(&self) -> String {
        // Plain structs of finite numbers and strings: serialising cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }

    /// The same JSON without the indentation, for a reader that is a program (the page reads
    /// the worker's report back into a `Report`): the same values, a third fewer bytes to
    /// write, pass and parse.
    pub fn to_compact_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }
}

fn with_range<'a>(context: Context<'a>, selection: &Selection) -> Context<'a> {
    match (selection.from, selection.to) {
        (Some(from), Some(to)) => context.with_range(from, to),
        _ => context,
    }
}

/// Delta and direction against the previous period.
fn compare(better: Better, kpi: &mut Kpi, previous: Option<f64>) {
    kpi.previous = previous;
    if let (Some(now), Some(before)) = (kpi.value, previous) {
        kpi.delta = Some(now - before);
        kpi.improved = match better {
            Better::Higher if now != before => Some(now > before),
            Better::Lower if now != before => Some(now < before),
            _ => None,
        };
    }
}

/// Whether `value` meets `target`: at least it where higher is better, at most it where lower is.
fn meets(better: Better, value: f64, target: f64) -> Option<bool> {
    match better {
        Better::Higher => Some(value >= target),
        Better::Lower => Some(value <= target),
        Better::Neither => None,
    }
}

/// Only reachable if default settings stopped compiling: an empty report keeps the page alive.
fn unreachable_report(dataset: &Dataset) -> Report {
    Report {
        tickets: 0,
        tickets_total: dataset.table().len(),
        duplicates: dataset.duplicates,
        as_of: None,
        selection: Selection::default(),
        previous_period: None,
        sources: dataset.sources.clone(),
        facets: BTreeMap::new(),
        errors: Vec::new(),
        kpis: BTreeMap::new(),
        breakdowns: BTreeMap::new(),
        series: Series {
            created_vs_solved: Vec::new(),
            created_vs_solved_weekly: Vec::new(),
            created_vs_solved_monthly: Vec::new(),
            backlog: Vec::new(),
            arrivals_by_weekday_hour: [[0; 24]; 7],
            kpi_weekly: BTreeMap::new(),
            satisfaction_weekly: Vec::new(),
        },
        distributions: Distributions::default(),
        agents: Vec::new(),
        channels: Vec::new(),
        sla_breaches: Vec::new(),
        feedback_terms: FeedbackTerms::default(),
    }
}
