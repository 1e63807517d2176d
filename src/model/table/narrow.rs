//! Columns of 8-byte values held in 4 bytes a row while every value fits: times and durations.
//! The first value that does not fit widens the column to its 8-byte values, once; a column
//! holds no memory until its first value, and none for the rows before it (as `Sparse`).

use crate::model::{OptNumber, OptTime};

use super::column::put_padded;

/// How a column's values fit in a `u32`.
pub trait Fit: Default {
    type Value: Copy;
    const NONE: Self::Value;
    fn is_none(value: Self::Value) -> bool;
    /// Called with the column's first value, before it is narrowed.
    fn start(&mut self, first: Self::Value);
    /// The value in 4 bytes, or `None` when it does not fit (`NARROW_NONE` stands for none).
    fn narrow(&self, value: Self::Value) -> Option<u32>;
    /// The value back from its 4 bytes, bit for bit.
    fn wide(&self, narrow: u32) -> Self::Value;
}

/// "None" in 4 bytes.
const NARROW_NONE: u32 = u32::MAX;

/// A column of `F::Value`s, 4 bytes a row while they fit.
#[derive(Clone, Debug, Default)]
pub struct Narrow<F: Fit> {
    fit: F,
    store: Store<F::Value>,
    /// The rows expected, reserved at the first value.
    expected: usize,
}

#[derive(Clone, Debug)]
enum Store<V> {
    Narrow(Vec<u32>),
    Wide(Vec<V>),
}

impl<V> Default for Store<V> {
    fn default() -> Store<V> {
        Store::Narrow(Vec::new())
    }
}

impl<F: Fit> Narrow<F> {
    /// How many rows the column will have, to reserve at its first value.
    pub fn expect(&mut self, rows: usize) {
        self.expected = rows;
    }

    #[inline]
    pub fn at(&self, row: usize) -> F::Value {
        match &self.store {
            Store::Narrow(values) => match values.get(row) {
                Some(&value) if value != NARROW_NONE => self.fit.wide(value),
                _ => F::NONE,
            },
            Store::Wide(values) => values.get(row).copied().unwrap_or(F::NONE),
        }
    }

    /// The values as 4 bytes a row (`u32::MAX` for none) while the column is narrow. Each
    /// fit's narrow form keeps the values' order, so a sort may use it as its key.
    pub fn narrow_values(&self) -> Option<&[u32]> {
        match &self.store {
            Store::Narrow(values) => Some(values),
            Store::Wide(_) => None,
        }
    }

    /// Rows, values or none, so far.
    pub fn len(&self) -> usize {
        match &self.store {
            Store::Narrow(values) => values.len(),
            Store::Wide(values) => values.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Sets row `row` of a column of `len` rows (`row == len` appends).
    pub fn set(&mut self, row: usize, value: F::Value, len: usize) {
        if let Store::Narrow(values) = &mut self.store {
            if values.is_empty() {
                if F::is_none(value) {
                    return;
                }
                self.fit.start(value);
                *values = Vec::with_capacity(self.expected.max(len.max(row + 1)));
            }
            let narrow = match F::is_none(value) {
                true => Some(NARROW_NONE),
                false => self.fit.narrow(value).filter(|&n| n != NARROW_NONE),
            };
            match narrow {
                Some(narrow) => return put_padded(values, row, narrow, NARROW_NONE),
                None => self.widen(),
            }
        }
        if let Store::Wide(values) = &mut self.store {
            put_padded(values, row, value, F::NONE);
        }
    }

    /// From 4 bytes a row to 8, for a value the narrow form cannot hold.
    fn widen(&mut self) {
        let len = self.len();
        let mut wide = Vec::with_capacity(self.expected.max(len));
        wide.extend((0..len).map(|row| self.at(row)));
        self.store = Store::Wide(wide);
    }

    /// Bytes of memory the column holds.
    pub fn heap_bytes(&self) -> usize {
        match &self.store {
            Store::Narrow(values) => values.capacity() * 4,
            Store::Wide(values) => values.capacity() * size_of::<F::Value>(),
        }
    }

    /// Whether any row has a value.
    pub fn is_used(&self) -> bool {
        !self.is_empty()
    }

    /// Pads the column to `len` rows once every row has been added.
    pub fn finish(&mut self, len: usize) {
        match &mut self.store {
            Store::Narrow(values) if values.is_empty() => {}
            Store::Narrow(values) => {
                values.resize(len, NARROW_NONE);
                values.shrink_to_fit();
            }
            Store::Wide(values) => {
                values.resize(len, F::NONE);
                values.shrink_to_fit();
            }
        }
    }
}

/// Times as seconds after the column's base, 68 years before its first time: a time more
/// than 68 years from the first widens the column.
pub type Times = Narrow<SinceBase>;

#[derive(Clone, Copy, Debug, Default)]
pub struct SinceBase {
    base: i64,
}

impl Fit for SinceBase {
    type Value = OptTime;
    const NONE: OptTime = OptTime::NONE;

    fn is_none(value: OptTime) -> bool {
        value.is_none()
    }

    fn start(&mut self, first: OptTime) {
        self.base = first.get().unwrap_or_default().saturating_sub(1 << 31);
    }

    fn narrow(&self, value: OptTime) -> Option<u32> {
        u32::try_from(value.get()?.checked_sub(self.base)?).ok()
    }

    fn wide(&self, narrow: u32) -> OptTime {
        Some(self.base + i64::from(narrow)).into()
    }
}

/// Durations in minutes as whole seconds (an `i32`: 68 years either way) while each reads back
/// bit for bit (the export's whole minutes, the seconds between two times): the first that does
/// not widens the column.
pub type Minutes = Narrow<WholeSeconds>;

#[derive(Clone, Copy, Debug, Default)]
pub struct WholeSeconds;

impl Fit for WholeSeconds {
    type Value = OptNumber;
    const NONE: OptNumber = OptNumber::NONE;

    fn is_none(value: OptNumber) -> bool {
        value.is_none()
    }

    fn start(&mut self, _: OptNumber) {}

    fn narrow(&self, value: OptNumber) -> Option<u32> {
        let minutes = value.get()?;
        // Ties to even: one wasm instruction (`round` is a call there), and a value whose
        // seconds are not whole fails the check below either way.
        let seconds = (minutes * 60.0).round_ties_even();
        let exact = (seconds / 60.0).to_bits() == minutes.to_bits();
        // Offset by 2^31, so that "none" (`u32::MAX`) lies beyond the largest.
        (exact && seconds.abs() < i32::MAX as f64).then(|| (seconds as i64 + (1 << 31)) as u32)
    }

    fn wide(&self, narrow: u32) -> OptNumber {
        Some((i64::from(narrow) - (1 << 31)) as f64 / 60.0).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_are_whole_seconds_in_four_bytes_until_one_is_not() {
        let mut column = Minutes::default();
        column.set(0, OptNumber::NONE, 0);
        assert!(!column.is_used());
        let values = [
            None,
            Some(780.0),
            Some(1.0 / 60.0),
            Some(7.0 / 60.0 * 3.0),
            Some(-2.5),
            // Minus one second: a value, not "none".
            Some(-1.0 / 60.0),
            Some(0.0),
            Some(60.0 * 24.0 * 365.0 * 60.0),
        ];
        for (row, value) in values.iter().enumerate() {
            column.set(row, (*value).into(), row);
        }
        let bytes_a_row = |column: &Minutes| {
            let mut finished = column.clone();
            finished.finish(column.len());
            finished.heap_bytes() / column.len()
        };
        assert_eq!(bytes_a_row(&column), 4);
        let bits = |n: OptNumber| n.get().map(f64::to_bits);
        for (row, value) in values.iter().enumerate() {
            assert_eq!(bits(column.at(row)), value.map(f64::to_bits), "row {row}");
        }
        // Not a whole number of seconds, and minus zero: the column widens, each value kept.
        for (row, odd) in [(8, 1.3333), (9, -0.0)] {
            column.set(row, Some(odd).into(), row);
            assert_eq!(bits(column.at(row)), Some(odd.to_bits()));
        }
        assert_eq!(bytes_a_row(&column), 8);
        for (row, value) in values.iter().enumerate() {
            assert_eq!(
                bits(column.at(row)),
                value.map(f64::to_bits),
                "row {row} widened"
            );
        }
        column.finish(13);
        assert_eq!(column.len(), 13);
        assert!(column.at(12).is_none());
    }

    #[test]
    fn times_are_held_in_four_bytes_until_one_lies_too_far_and_then_in_eight() {
        const YEAR: i64 = 365 * 86_400;
        let t2024 = 1_704_067_200; // 2024-01-01
        let mut times = Times::default();
        times.expect(6);
        // Rows before the first value, and a column without values, hold no memory.
        times.set(0, OptTime::NONE, 0);
        assert_eq!(times.heap_bytes(), 0);
        assert!(!times.is_used());
        let written = [
            OptTime::NONE,
            Some(t2024).into(),
            Some(t2024 - 60 * YEAR).into(),
            Some(t2024 + 60 * YEAR + 59).into(),
        ];
        for (row, &time) in written.iter().enumerate().skip(1) {
            times.set(row, time, row);
        }
        assert_eq!(
            times.heap_bytes(),
            6 * 4,
            "narrow, reserved for the rows expected"
        );
        for (row, &time) in written.iter().enumerate() {
            assert_eq!(times.at(row), time, "row {row}");
        }
        assert_eq!(times.at(99), OptTime::NONE);
        // 1900 is more than 68 years before 2024: the column widens, every row kept.
        let t1900 = -2_208_988_800;
        times.set(4, Some(t1900).into(), 4);
        assert_eq!(times.heap_bytes(), 6 * 8);
        for (row, &time) in written.iter().enumerate() {
            assert_eq!(times.at(row), time, "row {row} after widening");
        }
        assert_eq!(times.at(4).get(), Some(t1900));
        // A row written again, and the padding up to the table's length.
        times.set(1, OptTime::NONE, 5);
        times.finish(7);
        assert_eq!(times.at(1), OptTime::NONE);
        assert_eq!(times.at(6), OptTime::NONE);
        assert_eq!(times.heap_bytes(), 7 * 8);
    }
}
