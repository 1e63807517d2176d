//! The timing cards made together: `first_response_time`, `resolution_time` and their
//! business-hours twins, each a median summary of its rows with the same per channel and
//! priority. They share how the rows split: where every row has the same code (one channel
//! selected, the page's usual filter) that group is all the rows, whose summary is the card's
//! own, so no second sample of them is kept. Each card then folds the rows in a loop of its
//! own: one loop feeding all four was measured slower (four columns and four sets of samples
//! per row, no longer in registers). Each card's measure (its minutes, the rows that count,
//! its note) is defined in `timing.rs`; a card asked for alone goes through here too, so
//! `compute` and the card's own function give the same figures.

use std::collections::BTreeMap;

use super::{timing, Context, Kpi, BLANK, MINUTES};
use crate::dataset::Dataset;
use crate::message::Message;
use crate::model::table::{Categories, Duration, Minutes, Sample, TicketTable};
use crate::model::Field;
use crate::stats::Summary;

/// What a timing card measures.
pub(crate) struct Measure<'a> {
    minutes: Source<'a>,
    rows: Rows,
    /// Rows left out for an end before their start, counted for the card's note.
    inconsistent: Option<&'a [bool]>,
}

/// Which rows with minutes a timing card counts.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rows {
    /// Every one (first response: a row with minutes was replied to).
    Timed,
    /// Solved ones (resolution).
    Solved,
}

/// A row's business minutes worked out under the settings' schedule.
pub(crate) type PerRow = fn(&TicketTable, usize, &Context) -> Option<f64>;

impl<'a> Measure<'a> {
    /// Calendar minutes: a duration column, whose `inconsistent` rows are noted.
    pub fn calendar(duration: Duration, rows: Rows, inconsistent: &'a [bool]) -> Measure<'a> {
        Measure {
            minutes: Source::Column(duration),
            rows,
            inconsistent: Some(inconsistent),
        }
    }

    /// Business minutes: the export's column, or `per_row` where the settings have a schedule.
    pub fn business(
        duration: Duration,
        rows: Rows,
        (table, context): (&'a TicketTable, &'a Context),
        per_row: PerRow,
    ) -> Measure<'a> {
        let minutes = match context.has_schedule() {
            true => Source::Computed(Box::new(move |row| per_row(table, row, context))),
            false => Source::Column(duration),
        };
        Measure {
            minutes,
            rows,
            inconsistent: None,
        }
    }
}

/// Where a timing card's minutes come from: a column of the table (ranked once, so that medians
/// are counted), or worked out per row (business minutes under the settings' schedule).
enum Source<'a> {
    Column(Duration),
    Computed(Box<dyn Fn(usize) -> Option<f64> + 'a>),
}

/// One card over the dataset's rows.
pub(crate) fn one(dataset: &Dataset, measure: Measure) -> Kpi {
    let mut kpis = cards(dataset, vec![measure]);
    kpis.pop().unwrap_or_default()
}

/// The cards of `measures`, in their order, over the dataset's rows: the median summary of the
/// rows each counts, with the same per channel and priority.
pub(crate) fn cards(dataset: &Dataset, measures: Vec<Measure>) -> Vec<Kpi> {
    let table = dataset.table();
    let rows = dataset.rows();
    let splits = [
        Split::of(dataset, Field::Channel, &table.channel),
        Split::of(dataset, Field::Priority, &table.priority),
    ];
    measures
        .into_iter()
        .map(|measure| {
            let mut card = Card::new(table, &measure, &splits, rows.len());
            match (&measure.minutes, card.column) {
                (_, Some(column)) => card.fold(table, rows, &splits, |row| column.at(row).get()),
                (Source::Computed(minutes), None) => {
                    let minutes: &dyn Fn(usize) -> Option<f64> = minutes;
                    card.fold(table, rows, &splits, minutes)
                }
                (Source::Column(_), None) => {}
            }
            card.kpi(&splits)
        })
        .collect()
}

/// How a card's rows split by a category: not at all (the export has no such column), into
/// one group (every row has the same code: the group is all the rows, and its summary the
/// card's own), or by code.
enum Split<'t> {
    Off,
    One(&'t Categories, u32),
    ByCode(&'t Categories),
}

impl<'t> Split<'t> {
    fn of(dataset: &Dataset, field: Field, category: &'t Categories) -> Split<'t> {
        if !dataset.has(field) {
            return Split::Off;
        }
        // One channel selected (the page's channel filter) makes every row's code the same:
        // a scan of the codes spares each card a second sample of all its rows.
        let codes = &category.codes;
        let mut rows = dataset.rows().iter().map(|&row| codes[row as usize]);
        match rows.next() {
            Some(first) if rows.all(|code| code == first) => Split::One(category, first),
            _ => Split::ByCode(category),
        }
    }

    /// The row's code where its rows are split by code.
    #[inline]
    fn code(&self, row: usize) -> Option<usize> {
        match self {
            Split::ByCode(category) => Some(category.codes[row] as usize),
            _ => None,
        }
    }

    /// The card's summary per value of the category (blank cells under `BLANK`).
    fn named(&self, by_code: Vec<Sample>, whole: Option<Summary>) -> BTreeMap<String, Kpi> {
        match *self {
            Split::Off => BTreeMap::new(),
            Split::One(category, code) => whole
                .map(|whole| {
                    let name = category.name(code).unwrap_or(BLANK).to_string();
                    (name, group_kpi(Some(whole)))
                })
                .into_iter()
                .collect(),
            Split::ByCode(category) => named(by_code, category, whole),
        }
    }
}

/// One card's measure and samples.
struct Card<'t> {
    solved_only: bool,
    inconsistent: Option<&'t [bool]>,
    column: Option<&'t Minutes>,
    all: Sample<'t>,
    /// By channel and by priority code, where split by code; else empty.
    groups: [Vec<Sample<'t>>; 2],
    left_out: usize,
}

impl<'t> Card<'t> {
    fn new(
        table: &'t TicketTable,
        measure: &Measure<'t>,
        splits: &[Split; 2],
        rows: usize,
    ) -> Self {
        let ranked = match measure.minutes {
            Source::Column(duration) => Some((table.ranked(duration), table.minutes(duration))),
            Source::Computed(_) => None,
        };
        let groups = splits.each_ref().map(|split| match split {
            Split::ByCode(category) => (0..=category.names.len())
                .map(|_| Sample::new(ranked))
                .collect(),
            _ => Vec::new(),
        });
        // Every row is in one group of a split by code: the groups' ranks are all the rows',
        // so the whole keeps none of its own.
        let mut all = match ranked {
            Some((ranked, minutes)) if by_code(splits).is_some() => Sample::totals(ranked, minutes),
            _ => Sample::new(ranked),
        };
        all.reserve(rows);
        Card {
            solved_only: measure.rows == Rows::Solved,
            inconsistent: measure.inconsistent,
            column: ranked.map(|(_, minutes)| minutes),
            all,
            groups,
            left_out: 0,
        }
    }

    /// The rows folded into the samples, each with its `minutes`.
    fn fold(
        &mut self,
        table: &TicketTable,
        rows: &[u32],
        splits: &[Split; 2],
        minutes: impl Fn(usize) -> Option<f64>,
    ) {
        let solved_only = self.solved_only;
        // The whole's count and sum in locals, not in the sample (which the groups' vectors
        // might alias): the compiler may keep them in registers. (Natively at opt-level "s" the
        // sum still goes through the stack: the vectors' growth is a call in the loop.)
        let (mut n, mut sum) = (0, 0.0);
        for &row in rows {
            let row = row as usize;
            let Some(minutes) =
                minutes(row).filter(|_| !solved_only || timing::resolution_counts(table, row))
            else {
                continue;
            };
            n += 1;
            // In row order, as the sample's own sum adds them.
            sum += minutes;
            self.all.keep(row, minutes);
            for (groups, split) in self.groups.iter_mut().zip(splits) {
                if let Some(code) = split.code(row) {
                    groups[code].push(row, minutes);
                }
            }
        }
        self.all.count_and_sum(n, sum);
        if let Some(inconsistent) = self.inconsistent {
            self.left_out = rows
                .iter()
                .filter(|&&row| inconsistent[row as usize])
                .count();
        }
    }

    fn kpi(self, splits: &[Split; 2]) -> Kpi {
        let [mut by_channel, mut by_priority] = self.groups;
        let whole = match by_code(splits) {
            Some(0) if self.column.is_some() => self.all.summary_of_parts(&mut by_channel),
            Some(_) if self.column.is_some() => self.all.summary_of_parts(&mut by_priority),
            _ => self.all.summary(),
        };
        let mut kpi = Kpi::of_summary(MINUTES, whole, Message::new("timing.no_time"));
        kpi.by_channel = splits[0].named(by_channel, whole);
        kpi.by_priority = splits[1].named(by_priority, whole);
        let note = (self.left_out > 0)
            .then(|| Message::new("timing.left_out").with("count", self.left_out));
        kpi.with_note(note)
    }
}

/// The median summary per value of a category (blank cells under `BLANK`), from the samples by
/// code. A group of all the rows has the summary of them all, `whole`: the same rows, added in
/// the same order.
fn named(
    by_code: Vec<Sample>,
    category: &Categories,
    whole: Option<Summary>,
) -> BTreeMap<String, Kpi> {
    let mut groups: BTreeMap<String, Sample> = BTreeMap::new();
    for (code, sample) in by_code.into_iter().enumerate() {
        if sample.is_empty() {
            continue;
        }
        let name = category.name(code as u32).unwrap_or(BLANK);
        match groups.get_mut(name) {
            Some(group) => group.absorb(sample),
            None => {
                groups.insert(name.to_string(), sample);
            }
        }
    }
    groups
        .into_iter()
        .map(|(name, sample)| {
            let summary = match whole {
                Some(whole) if whole.n == sample.len() => Some(whole),
                _ => sample.summary(),
            };
            (name, group_kpi(summary))
        })
        .collect()
}

/// Which of the splits is by code, if one is (the first): its groups hold every row once.
fn by_code(splits: &[Split; 2]) -> Option<usize> {
    splits
        .iter()
        .position(|split| matches!(split, Split::ByCode(_)))
}

/// A group's card: each group has a time, never null.
fn group_kpi(summary: Option<Summary>) -> Kpi {
    Kpi::of_summary(MINUTES, summary, Message::new("timing.no_time"))
}
