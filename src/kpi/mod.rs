//! The KPIs of `../shared/spec/kpis.md`. One definition per KPI: an entry of `CATALOGUE`
//! (`catalogue.rs`) and one function whose doc names it; the page, the CLI and the tests all
//! call `compute`.

mod breakdown;
mod calls;
mod catalogue;
mod context;
mod counting_cards;
mod customers;
mod distribution;
mod feedback;
mod quality;
mod requirements;
mod satisfaction;
mod series;
mod sla;
mod tables;
mod tally;
mod team;
pub(crate) mod timing;
mod timing_cards;
mod volume;
mod weekly;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::message::Message;
use crate::stats::Summary;
pub use breakdown::{breakdowns, BLANK};
pub use catalogue::{Better, Definition, Group, KpiId, Unit, CATALOGUE};
pub use context::Context;
pub use distribution::{distributions, Bucket, DistributionCounts, Distributions, EDGES_MINUTES};
pub use feedback::{feedback_terms, FeedbackTerms, TermCount};
pub use series::{
    backlog_over_time, created_span, created_vs_solved, created_vs_solved_by, heat_map,
    month_label, week_label, BacklogDay, DayCount, HeatMap, PeriodCount,
};
pub use sla::{sla_breaches, SlaBreach, Target};
pub use tables::{
    agent_leaderboard, channel_performance, channel_performance_with, AgentBoard, AgentRow,
    ChannelRow,
};
pub use weekly::{fold_weeks, weekly, weekly_of, SatisfactionWeek, WeekFold, WeekValue, Weekly};

/// The figures a KPI carries beside its value, as keys of the KPI's own object. In the order
/// of their names: the JSON lists a KPI's extras in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Extra {
    /// The agent utilisation band of the catalogue (`team.rs`).
    BandHigh,
    BandLow,
    /// NPS answers by kind.
    Detractors,
    /// The median age of the open tickets, for the backlog.
    MedianAgeDays,
    Passives,
    /// The share of CES answers at the easy end of the scale.
    PctEasy,
    Promoters,
}

/// One KPI as the report carries it: a headline `value`, or `null` and a `reason`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Kpi {
    #[serde(serialize_with = "whole_as_integer")]
    pub value: Option<f64>,
    pub unit: Unit,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub median: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p90: Option<f64>,
    /// Why the value is null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The same as the key (and arguments) of its message, where it is written as one: what
    /// the page translates (`message::Message`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_key: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub reason_args: BTreeMap<String, String>,
    /// What the person should know about how the value was computed: one sentence or several
    /// joined by "; ".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The note's sentences as messages, in order: what the page translates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub note_keys: Vec<Message>,
    /// KPI-specific figures (`median_age_days`, `promoters`, ...).
    #[serde(flatten)]
    pub extras: BTreeMap<Extra, f64>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub by_channel: BTreeMap<String, Kpi>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub by_priority: BTreeMap<String, Kpi>,
    /// The same KPI over the previous period of the same length.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_as_integer"
    )]
    pub previous: Option<f64>,
    /// value − previous.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_as_integer"
    )]
    pub delta: Option<f64>,
    /// Whether the change is for the better (absent where neither direction is better).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub improved: Option<bool>,
    /// The target from the settings, and whether the value meets it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_met: Option<bool>,
}

/// Counts read as integers in JSON (`16476`, not `16476.0`); the number is the same.
fn whole_as_integer<S: serde::Serializer>(value: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) if v.fract() == 0.0 && v.abs() < 9.0e15 => s.serialize_i64(*v as i64),
        Some(v) => s.serialize_f64(*v),
        None => s.serialize_none(),
    }
}

// The units under the names the formulas use.
pub const COUNT: Unit = Unit::Count;
pub const MINUTES: Unit = Unit::Minutes;
pub const SECONDS: Unit = Unit::Seconds;
pub const PERCENT: Unit = Unit::Percent;
pub const REPLIES: Unit = Unit::Replies;
pub const SCORE: Unit = Unit::Score;
pub const CURRENCY: Unit = Unit::Currency;

impl Kpi {
    pub fn count(value: usize) -> Kpi {
        Kpi {
            value: Some(value as f64),
            unit: COUNT,
            ..Kpi::default()
        }
    }

    /// Null, for `reason`: its English text, key and arguments.
    pub fn null(unit: Unit, reason: Message) -> Kpi {
        Kpi {
            unit,
            reason: Some(reason.text()),
            reason_key: Some(reason.key),
            reason_args: reason.args,
            ..Kpi::default()
        }
    }

    /// Median as the headline, with mean, p90 and n; null with `reason` for no values.
    pub fn median_of(unit: Unit, values: Vec<f64>, reason: Message) -> Kpi {
        Kpi::of_summary(unit, Summary::of(values), reason)
    }

    /// The same from a summary worked out another way.
    pub fn of_summary(unit: Unit, summary: Option<Summary>, reason: Message) -> Kpi {
        match summary {
            Some(s) => Kpi {
                value: Some(s.median),
                unit,
                n: Some(s.n),
                mean: Some(s.mean),
                median: Some(s.median),
                p90: Some(s.p90),
                ..Kpi::default()
            },
            None => Kpi::null(unit, reason),
        }
    }

    /// Mean as the headline, with n.
    pub fn mean_of(unit: Unit, values: &[f64], reason: Message) -> Kpi {
        Kpi::mean_from(unit, values.iter().sum(), values.len(), reason)
    }

    /// The same from the values' sum (added in order) and count.
    pub fn mean_from(unit: Unit, sum: f64, n: usize, reason: Message) -> Kpi {
        if n == 0 {
            return Kpi::null(unit, reason);
        }
        let mean = sum / n as f64;
        Kpi {
            value: Some(mean),
            unit,
            n: Some(n),
            mean: Some(mean),
            ..Kpi::default()
        }
    }

    /// 100 · part ÷ whole, with n = whole.
    pub fn percent(part: usize, whole: usize, reason: Message) -> Kpi {
        if whole == 0 {
            return Kpi::null(PERCENT, reason);
        }
        Kpi {
            value: Some(100.0 * part as f64 / whole as f64),
            unit: PERCENT,
            n: Some(whole),
            ..Kpi::default()
        }
    }

    /// The note `note`, where the KPI has a value (a null has its reason instead).
    pub fn with_note(mut self, note: Option<Message>) -> Kpi {
        if let (true, Some(note)) = (self.value.is_some(), note) {
            self.note = None;
            self.note_keys.clear();
            self.add_note(note);
        }
        self
    }

    /// Adds a sentence to the note (once).
    pub fn add_note(&mut self, message: Message) {
        let text = message.text();
        match &mut self.note {
            Some(before) if before.contains(&text) => return,
            Some(before) => {
                before.push_str("; ");
                before.push_str(&text);
            }
            None => self.note = Some(text),
        }
        self.note_keys.push(message);
    }
}

/// Every KPI of the catalogue, by id. The timing cards the data allows are made together
/// (`timing_cards`, as their formulas make each alone), the counting cards from one pass's
/// counts (`counting_cards`: those their formulas count); the others by their entries one by
/// one.
pub fn compute(dataset: &Dataset, context: &Context) -> BTreeMap<KpiId, Kpi> {
    let mut kpis = compute_uncounted(dataset, context);
    if counted_left(&kpis).next().is_some() {
        add_counted(
            &mut kpis,
            dataset,
            context,
            &counting_cards::Counts::of(dataset),
        );
    }
    kpis
}

/// Every KPI but the counting cards the data allows, which `add_counted` adds from the rows'
/// counts: a report takes those from its weekly pass, which it makes after these, so that the
/// timing cards' samples are gone before the weeks' and the leaderboard's are made (at the
/// same time they took 18 bytes a ticket more at the peak of a 1 GB file).
pub(crate) fn compute_uncounted(dataset: &Dataset, context: &Context) -> BTreeMap<KpiId, Kpi> {
    let table = dataset.table();
    let (timed, measures): (Vec<KpiId>, Vec<_>) = CATALOGUE
        .iter()
        .filter(|definition| definition.unavailable(dataset, Some(context)).is_none())
        .filter_map(|definition| {
            Some((
                definition.id,
                timing::measure(definition.id, table, context)?,
            ))
        })
        .unzip();
    let mut timed: BTreeMap<KpiId, Kpi> = timed
        .into_iter()
        .zip(timing_cards::cards(dataset, measures))
        .collect();
    CATALOGUE
        .iter()
        .filter_map(|definition| {
            let id = definition.id;
            if let Some(kpi) = timed.remove(&id) {
                return Some((id, kpi));
            }
            let available = || definition.unavailable(dataset, Some(context)).is_none();
            if counting_cards::counts(id) && available() {
                return None;
            }
            Some((id, definition.compute(dataset, context)))
        })
        .collect()
}

/// The counting cards `compute_uncounted` left out, in the catalogue's order.
fn counted_left(kpis: &BTreeMap<KpiId, Kpi>) -> impl Iterator<Item = &'static Definition> + '_ {
    CATALOGUE
        .iter()
        .filter(|definition| counting_cards::counts(definition.id))
        .filter(|definition| !kpis.contains_key(&definition.id))
}

/// The counting cards `compute_uncounted` left out, from `counts`: the counts of the dataset's
/// rows (`Counts::of`, or a report's weekly pass, `WeekFold::counts`).
pub(crate) fn add_counted(
    kpis: &mut BTreeMap<KpiId, Kpi>,
    dataset: &Dataset,
    context: &Context,
    counts: &counting_cards::Counts,
) {
    let left: Vec<&Definition> = counted_left(kpis).collect();
    for definition in left {
        let kpi = counting_cards::card(definition.id, counts, dataset)
            .unwrap_or_else(|| definition.compute(dataset, context));
        kpis.insert(definition.id, kpi);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::dataset::Dataset;
    use crate::ingest::read_export;

    /// Default settings, the data's own as-of time.
    pub fn context(dataset: &Dataset) -> super::Context<'_> {
        static DEFAULT: std::sync::OnceLock<crate::settings::CompiledSettings> =
            std::sync::OnceLock::new();
        let compiled = DEFAULT.get_or_init(Default::default);
        super::Context::new(compiled, dataset.as_of(), None)
    }

    /// A KPI as the report has it (its catalogue entry's requirements, then its formula), under
    /// default settings.
    pub fn card(id: super::KpiId, dataset: &Dataset) -> super::Kpi {
        id.definition().compute(dataset, &context(dataset))
    }

    /// A dataset from CSV text, for tests that show their arithmetic.
    pub fn dataset(csv: &str) -> Dataset {
        let export = read_export("test.csv", csv.as_bytes()).expect("test CSV reads");
        assert_eq!(
            export.source.skipped_reasons,
            vec![],
            "test CSV rows all read"
        );
        Dataset::merge(vec![export])
    }
}
