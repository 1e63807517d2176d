//! Order statistics of any subset of a column, by counting instead of selecting.
//!
//! A refilter takes a median and a p90 of each duration over the selection, and again per
//! channel, priority, agent and week: dozens of order statistics over up to 500 000 values.
//! Sorting the column once gives every row its rank, a `u32`; a subset's k-th value is its k-th
//! smallest rank. A large subset sets its ranks as bits of a bitmap over the column's places
//! (62 KB for 500 000 values, so the setting stays in cache), and counting the bits of its words
//! in order finds the k-th. A small one selects among its ranks.

use super::Minutes;
use crate::stats::Summary;

/// A column's rows in value order.
#[derive(Debug)]
pub struct Ranked {
    /// Each row's place in value order; `NONE` for a row without a value.
    rank: Vec<u32>,
    /// The row at each place.
    order: Vec<u32>,
}

const NONE: u32 = u32::MAX;

/// Below this many ranks a subset selects among them; from it on, it sets bits.
const FEW: usize = 2048;

impl Ranked {
    /// Rank the values of a column; equal values in row order. A radix sort (`radsort`, stable):
    /// a comparison sort of 500 000 values took 30 ms, a sixth of the first report. The rows are
    /// sorted by a key looked up in the column on each pass, not as (value, row) pairs: those
    /// took 16 bytes a row and as much again for the sort's buffer, at the peak of a 1 GB
    /// file's memory; rows alone take 4 and 4.
    pub fn of(values: &Minutes) -> Ranked {
        let valued = (0..values.len()).filter(|&row| values.at(row).is_some());
        let mut order: Vec<u32> = Vec::with_capacity(valued.clone().count());
        order.extend(valued.map(|row| row as u32));
        // A narrow column's 4 bytes keep the values' order: half the passes of the 8-byte
        // minutes, and no division to look each key up.
        match values.narrow_values() {
            Some(narrow) => radsort::sort_by_key(&mut order, |&row| narrow[row as usize]),
            None => radsort::sort_by_key(&mut order, |&row| {
                values.at(row as usize).get().unwrap_or(f64::INFINITY)
            }),
        }
        let mut rank = vec![NONE; values.len()];
        for (place, &row) in order.iter().enumerate() {
            rank[row as usize] = place as u32;
        }
        Ranked { rank, order }
    }

    /// Bytes of memory the ranks hold.
    pub fn heap_bytes(&self) -> usize {
        (self.rank.capacity() + self.order.capacity()) * 4
    }

    /// A row's place in value order; `None` for a row without a value (or beyond a column
    /// that holds none).
    #[inline]
    pub fn rank(&self, row: usize) -> Option<u32> {
        self.rank.get(row).copied().filter(|&rank| rank != NONE)
    }

    /// How many of the column's values lie below `bound`: the first place of one at or above.
    pub fn places_below(&self, values: &Minutes, bound: f64) -> u32 {
        let below = |row: &u32| values.at(*row as usize).get().is_some_and(|v| v < bound);
        self.order.partition_point(below) as u32
    }

    /// The `wanted` (ascending, distinct, each below the ranks' count) order statistics of a
    /// subset's ranks, listed in `parts`, as ranks. Reorders the lists.
    fn kth(&self, parts: &mut [&mut [u32]], wanted: &[usize]) -> Vec<u32> {
        let len: usize = parts.iter().map(|part| part.len()).sum();
        if len < FEW {
            let mut joined: Vec<u32>;
            let ranks: &mut [u32] = match parts {
                [one] => one,
                _ => {
                    joined = parts.concat();
                    &mut joined
                }
            };
            return wanted
                .iter()
                .map(|&k| *ranks.select_nth_unstable(k).1)
                .collect();
        }
        // A subset's ranks are distinct (a row has one): as bits of a bitmap over all the
        // places, set in one pass (a few dozen KB, in cache), the k-th is found by counting
        // the bits of its words, in order.
        let mut bits = vec![0u64; self.order.len().div_ceil(64)];
        for &rank in parts.iter().flat_map(|part| part.iter()) {
            bits[(rank >> 6) as usize] |= 1 << (rank & 63);
        }
        let mut found = Vec::with_capacity(wanted.len());
        let mut wanted = wanted.iter().copied().peekable();
        let mut before = 0usize;
        for (at, &word) in bits.iter().enumerate() {
            let here = word.count_ones() as usize;
            while let Some(k) = wanted.next_if(|&k| k < before + here) {
                found.push(64 * at as u32 + nth_bit(word, k - before));
            }
            if wanted.peek().is_none() {
                break;
            }
            before += here;
        }
        found
    }
}

/// The place of the `n`-th (from 0) set bit of `word`, which has more than `n`.
fn nth_bit(mut word: u64, n: usize) -> u32 {
    for _ in 0..n {
        word &= word - 1;
    }
    word.trailing_zeros()
}

/// Some rows' minutes, kept for their summary: by rank where the minutes are a ranked
/// column's, else as values.
pub struct Sample<'t> {
    column: Option<(&'t Ranked, &'t Minutes)>,
    /// Whether the ranks are kept here (not where the rows are split among other samples:
    /// `totals`).
    keeps_ranks: bool,
    n: usize,
    sum: f64,
    ranks: Vec<u32>,
    values: Vec<f64>,
}

impl<'t> Sample<'t> {
    /// An empty sample of a ranked column's minutes, or (`None`) of minutes from elsewhere.
    pub fn new(column: Option<(&'t Ranked, &'t Minutes)>) -> Sample<'t> {
        Sample {
            column,
            keeps_ranks: true,
            n: 0,
            sum: 0.0,
            ranks: Vec::new(),
            values: Vec::new(),
        }
    }

    /// An empty sample of a ranked column's minutes that counts and sums its rows but keeps
    /// no ranks: other samples split its rows among them and keep theirs
    /// (`summary_of_parts`), so that no row is listed twice.
    pub fn totals(ranked: &'t Ranked, minutes: &'t Minutes) -> Sample<'t> {
        Sample {
            keeps_ranks: false,
            ..Sample::new(Some((ranked, minutes)))
        }
    }

    /// Room for `rows` more rows: a sample of a whole selection grows in one allocation, not
    /// by doubling and copying.
    pub fn reserve(&mut self, rows: usize) {
        match self.column {
            Some(_) => self.ranks.reserve(rows),
            None => self.values.reserve(rows),
        }
    }

    /// Add a row and its minutes (the column's own, for a ranked sample).
    #[inline]
    pub fn push(&mut self, row: usize, minutes: f64) {
        self.n += 1;
        // In row order, as a plain sum of the values adds them.
        self.sum += minutes;
        self.keep(row, minutes);
    }

    /// Keep what the sample keeps of a row (its rank, or its minutes) without counting it:
    /// for a loop that counts and sums the rows itself (`count_and_sum`).
    #[inline]
    pub fn keep(&mut self, row: usize, minutes: f64) {
        match self.column {
            Some((ranked, _)) if self.keeps_ranks => self.ranks.push(ranked.rank[row]),
            Some(_) => {}
            None => self.values.push(minutes),
        }
    }

    /// The count and the sum (in row order) of the rows given to `keep`, for a sample that
    /// counted none: a loop keeps them in locals rather than in the sample.
    pub fn count_and_sum(&mut self, n: usize, sum: f64) {
        debug_assert_eq!(self.n, 0, "a sample counted twice");
        self.n = n;
        self.sum = sum;
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// How many rows the sample holds.
    pub fn len(&self) -> usize {
        self.n
    }

    /// Add another sample of the same column.
    pub fn absorb(&mut self, other: Sample<'t>) {
        self.n += other.n;
        self.sum += other.sum;
        self.ranks.extend(other.ranks);
        self.values.extend(other.values);
    }

    /// n, mean, median and p90 (`Summary`'s conventions); `None` for no rows.
    pub fn summary(mut self) -> Option<Summary> {
        let mut ranks = std::mem::take(&mut self.ranks);
        self.summary_of(&mut [&mut ranks])
    }

    /// The same for a sample made by `totals`, whose rows `parts` (samples of the same column)
    /// split among them: their ranks are its ranks. Reorders the parts' ranks.
    pub fn summary_of_parts(self, parts: &mut [Sample<'t>]) -> Option<Summary> {
        debug_assert!(!self.keeps_ranks);
        let mut ranks: Vec<&mut [u32]> = parts.iter_mut().map(|p| &mut p.ranks[..]).collect();
        self.summary_of(&mut ranks)
    }

    /// The summary, the rows' ranks listed in `ranks`.
    fn summary_of(self, ranks: &mut [&mut [u32]]) -> Option<Summary> {
        let Some((ranked, values)) = self.column else {
            return Summary::of(self.values);
        };
        let last = self.n.checked_sub(1)?;
        let [median, p90] = percentiles(ranked, values, ranks, last, [0.5, 0.9]);
        Some(Summary {
            n: self.n,
            mean: self.sum / self.n as f64,
            median,
            p90,
        })
    }
}

/// Some rows of a ranked column kept for their median alone: their ranks, no sum, so that a
/// row added is its rank read, not its minutes worked out (the medians per week and agent).
pub struct RankedRows<'t> {
    ranked: &'t Ranked,
    values: &'t Minutes,
    ranks: Vec<u32>,
}

impl<'t> RankedRows<'t> {
    pub fn new(ranked: &'t Ranked, values: &'t Minutes) -> RankedRows<'t> {
        RankedRows {
            ranked,
            values,
            ranks: Vec::new(),
        }
    }

    /// Add a row, where it has a value.
    #[inline]
    pub fn push(&mut self, row: usize) {
        if let Some(rank) = self.ranked.rank(row) {
            self.ranks.push(rank);
        }
    }

    /// The median (a `Sample`'s); `None` for no rows.
    pub fn median(mut self) -> Option<f64> {
        let last = self.ranks.len().checked_sub(1)?;
        let [median] = percentiles(
            self.ranked,
            self.values,
            &mut [&mut self.ranks],
            last,
            [0.5],
        );
        Some(median)
    }
}

/// The percentiles `ps` of a subset's ranks, listed in `parts` (`last`: their count − 1), `Summary`'s convention:
/// between the values at the two places around `last · p`. Reorders the lists of `parts`.
fn percentiles<const P: usize>(
    ranked: &Ranked,
    values: &Minutes,
    parts: &mut [&mut [u32]],
    last: usize,
    ps: [f64; P],
) -> [f64; P] {
    let low = |p: f64| (last as f64 * p).floor() as usize;
    let places = ps.map(|p| [low(p), (low(p) + 1).min(last)]);
    let mut wanted: Vec<usize> = places.iter().flatten().copied().collect();
    wanted.sort_unstable();
    wanted.dedup();
    let found = ranked.kth(parts, &wanted);
    let value = |k: usize| {
        let at = wanted.binary_search(&k).unwrap_or_default();
        found
            .get(at)
            .and_then(|&rank| values.at(ranked.order[rank as usize] as usize).get())
            .unwrap_or(f64::NAN)
    };
    let mut at = 0;
    ps.map(|p| {
        let [low, next] = places[at];
        at += 1;
        let (at_low, at_next) = (value(low), value(next));
        let h = last as f64 * p;
        at_low + (h - low as f64) * (at_next - at_low)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OptNumber;
    use crate::stats::percentile;

    /// The summary by ranks equals the sorted slice's, for subsets small (selection) and large
    /// (bucket counts), with repeats and negative values.
    #[test]
    fn ranks_give_the_sorted_percentiles() {
        let values: Vec<OptNumber> = (0..20_000usize)
            .map(|i| match i % 7 {
                3 => None,
                _ => Some(((i * 7919) % 211) as f64 * 0.5 - 20.0),
            })
            .map(OptNumber::from)
            .collect();
        let mut column = Minutes::default();
        for (row, &value) in values.iter().enumerate() {
            column.set(row, value, row);
        }
        let ranked = Ranked::of(&column);
        for (step, offset) in [(1, 0), (2, 1), (3, 2), (17, 5), (150, 7), (19_999, 0)] {
            let rows: Vec<usize> = (offset..values.len())
                .step_by(step)
                .filter(|&row| values[row].is_some())
                .collect();
            let mut sorted: Vec<f64> = rows.iter().map(|&r| values[r].get().unwrap()).collect();
            let sum: f64 = sorted.iter().sum();
            sorted.sort_by(f64::total_cmp);
            // Ranked, and as plain values; and in two halves absorbed into one.
            let mut ranked_sample = Sample::new(Some((&ranked, &column)));
            let mut plain = Sample::new(None);
            let (mut first, mut second) = (
                ranked_sample_of(&ranked, &column),
                ranked_sample_of(&ranked, &column),
            );
            for (i, &row) in rows.iter().enumerate() {
                let value = values[row].get().unwrap();
                ranked_sample.push(row, value);
                plain.push(row, value);
                if i % 2 == 0 {
                    first.push(row, value)
                } else {
                    second.push(row, value)
                }
            }
            first.absorb(second);
            let expected = (
                rows.len(),
                percentile(&sorted, 0.5).unwrap(),
                percentile(&sorted, 0.9).unwrap(),
            );
            for sample in [ranked_sample, plain, first] {
                let summary = sample.summary().unwrap();
                assert_eq!(
                    (summary.n, summary.median, summary.p90),
                    expected,
                    "step {step}"
                );
                assert!((summary.mean - sum / rows.len() as f64).abs() < 1e-9);
            }
        }
        assert_eq!(ranked.rank(3), None);
        assert_eq!(Sample::new(Some((&ranked, &column))).summary(), None);
        assert_eq!(Sample::new(None).summary(), None);
    }

    fn ranked_sample_of<'t>(ranked: &'t Ranked, values: &'t Minutes) -> Sample<'t> {
        Sample::new(Some((ranked, values)))
    }
}
