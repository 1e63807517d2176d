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

/// n, mean, median and p90 of a sample.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    pub n: usize,
    pub mean: f64,
    pub median: f64,
    pub p90: f64,
}

impl Summary {
    pub fn of(mut values: Vec<f64>) -> Option<Summary> {
        // Unstable is as good: values equal under total_cmp are the same bits.
        values.sort_unstable_by(f64::total_cmp);
        Some(Summary {
            n: values.len(),
            mean: mean(&values)?,
            median: percentile(&values, 0.5)?,
            p90: percentile(&values, 0.9)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
