//! Descriptive statistics with the catalogue's conventions.

/// Percentile `p` (0–1) of sorted values, linear interpolation between closest ranks (numpy's
/// default): h = (n−1)·p, x[⌊h⌋] + (h−⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). `None` for no values.
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let h = last as f64 * p;
    let low = h.floor() as usize;
    let high = (low + 1).min(last);
    Some(sorted[low] + (h - low as f64) * (sorted[high] - sorted[low]))
}

pub fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        None
    } else {
        Some(values.iter().sum::<f64>() / values.len() as f64)
    }
}

/// How many of `rows` have each code of `codes` (`codes[row]`, each below `len`). Four
/// counters a code, a row adding to the one of its place in `rows` mod 4: rows of the same code
/// one after another (one channel selected, a day's tickets) would otherwise each wait for the
/// previous row's add to the same counter.
pub fn count_codes<C: Copy + Into<u32>>(rows: &[u32], codes: &[C], len: usize) -> Vec<usize> {
    let mut lanes = vec![[0u32; 4]; len];
    let mut quads = rows.chunks_exact(4);
    for quad in &mut quads {
        for (lane, &row) in quad.iter().enumerate() {
            lanes[codes[row as usize].into() as usize][lane] += 1;
        }
    }
    for &row in quads.remainder() {
        lanes[codes[row as usize].into() as usize][0] += 1;
    }
    lanes
        .into_iter()
        .map(|lane| lane.iter().map(|&n| n as usize).sum())
        .collect()
}

/// n, mean, median and p90 of a sample.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    pub n: usize,
    pub mean: f64,
    pub median: f64,
    pub p90: f64,
}

impl Summary {
    /// Order statistics by selection, not by sorting: O(n) where a sort is O(n log n), and the
    /// report takes a dozen medians per refilter. The values are the sorted ones' all the same.
    pub fn of(mut values: Vec<f64>) -> Option<Summary> {
        let mean = mean(&values)?;
        let median = percentile_in_place(&mut values, 0.5)?;
        let p90 = percentile_in_place(&mut values, 0.9)?;
        Some(Summary {
            n: values.len(),
            mean,
            median,
            p90,
        })
    }
}

/// `percentile` of the values in any order; reorders them.
fn percentile_in_place(values: &mut [f64], p: f64) -> Option<f64> {
    let last = values.len().checked_sub(1)?;
    let h = last as f64 * p;
    let low = h.floor() as usize;
    let (_, &mut at_low, above) = values.select_nth_unstable_by(low, f64::total_cmp);
    // The next value in order is the least of those above, or the same one at the end.
    let next = above
        .iter()
        .copied()
        .min_by(f64::total_cmp)
        .unwrap_or(at_low);
    Some(at_low + (h - low as f64) * (next - at_low))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The four counters a code add up to the plain count, for any number of rows (the last
    /// ones not a whole four), runs of one code and codes never met.
    #[test]
    fn codes_are_counted_as_one_at_a_time() {
        let codes: Vec<u32> = (0..1000u32).map(|i| (i * i / 7) % 5).collect();
        for rows in [
            vec![],
            vec![3],
            (0..7).collect::<Vec<u32>>(),
            (0..1000).step_by(3).collect(),
            vec![9; 11],
        ] {
            let mut plain = vec![0usize; 6];
            for &row in &rows {
                plain[codes[row as usize] as usize] += 1;
            }
            assert_eq!(count_codes(&rows, &codes, 6), plain, "{rows:?}");
        }
    }

    #[test]
    fn percentiles_interpolate_like_numpy() {
        // numpy.percentile([1, 2, 3, 4], 50) = 2.5; 90 → h = 3·0.9 = 2.7 → 3 + 0.7·1 = 3.7.
        let values = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(percentile(&values, 0.5), Some(2.5));
        assert!((percentile(&values, 0.9).unwrap() - 3.7).abs() < 1e-12);
        assert_eq!(percentile(&[7.0], 0.9), Some(7.0));
        assert_eq!(percentile(&[], 0.5), None);
    }

    #[test]
    fn summary_sorts_first() {
        // sorted: 10, 20, 30, 100, 1000 → median 30; mean 1160/5 = 232;
        // p90: h = 4·0.9 = 3.6 → 100 + 0.6·900 = 640.
        let summary = Summary::of(vec![1000.0, 10.0, 30.0, 20.0, 100.0]).unwrap();
        assert_eq!(summary.n, 5);
        assert_eq!(summary.median, 30.0);
        assert_eq!(summary.mean, 232.0);
        assert!((summary.p90 - 640.0).abs() < 1e-9);
        assert_eq!(Summary::of(vec![]), None);
    }

    #[test]
    fn selection_gives_the_sorted_percentiles() {
        // Every length from 1 to 60, values with repeats, in a scrambled order: the same
        // median and p90 as the sorted slice gives.
        for n in 1..=60usize {
            let values: Vec<f64> = (0..n).map(|i| ((i * 37 + 11) % 23) as f64 * 1.5).collect();
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            let summary = Summary::of(values).unwrap();
            assert_eq!(summary.median, percentile(&sorted, 0.5).unwrap(), "n = {n}");
            assert_eq!(summary.p90, percentile(&sorted, 0.9).unwrap(), "n = {n}");
        }
    }
}
