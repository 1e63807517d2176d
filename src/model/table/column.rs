//! Column storage: a column that takes no memory while the export has nothing for it, the
//! tickets' ids in one buffer, and the index that finds a ticket's row by its id.

use std::hash::BuildHasher;
use std::ops::Index;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

use crate::model::{OptNumber, OptTime};

/// A column most exports leave empty (CES, QA scores, SLA verdicts, ...): no memory until its
/// first value, `none` for every row before it.
#[derive(Clone, Debug, Default)]
pub struct Sparse<T> {
    values: Vec<T>,
    none: T,
    /// The rows expected, reserved at the first value.
    expected: usize,
}

impl<T: Copy + PartialEq> Sparse<T> {
    pub fn new(none: T) -> Sparse<T> {
        Sparse {
            values: Vec::new(),
            none,
            expected: 0,
        }
    }

    /// How many rows the column will have, to reserve at its first value.
    pub fn expect(&mut self, rows: usize) {
        self.expected = rows;
    }

    /// Sets row `row` of a column of `len` rows (`row == len` appends).
    pub fn set(&mut self, row: usize, value: T, len: usize) {
        if self.values.is_empty() {
            if value == self.none {
                return;
            }
            self.values = Vec::with_capacity(self.expected.max(len.max(row + 1)));
            self.values.resize(len.max(row + 1), self.none);
        }
        put_padded(&mut self.values, row, value, self.none);
    }

    pub fn get(&self, row: usize) -> T {
        self.values.get(row).copied().unwrap_or(self.none)
    }

    /// Bytes of memory the column holds.
    pub fn heap_bytes(&self) -> usize {
        self.values.capacity() * std::mem::size_of::<T>()
    }

    /// Whether any row has a value.
    pub fn is_used(&self) -> bool {
        !self.values.is_empty()
    }

    /// Pads the column to `len` rows once every row has been added.
    pub fn finish(&mut self, len: usize) {
        if self.is_used() {
            self.values.resize(len, self.none);
            self.values.shrink_to_fit();
        }
    }
}

impl<T: Copy + PartialEq> Index<usize> for Sparse<T> {
    type Output = T;

    #[inline]
    fn index(&self, row: usize) -> &T {
        self.values.get(row).unwrap_or(&self.none)
    }
}

/// A column of times in 4 bytes a row where 8 would hold them: seconds after the column's base
/// (chosen at its first value, 68 years before it), `NARROW_NONE` for none. The first time
/// more than 68 years from the first widens the column to `OptTime`s, once. Like `Sparse`, no
/// memory until the first value, none for the rows before it.
#[derive(Clone, Debug, Default)]
pub struct Times {
    store: TimeStore,
    /// The rows expected, reserved at the first value.
    expected: usize,
}

#[derive(Clone, Debug)]
enum TimeStore {
    Narrow { base: i64, values: Vec<u32> },
    Wide(Vec<OptTime>),
}

impl Default for TimeStore {
    fn default() -> TimeStore {
        TimeStore::Narrow {
            base: 0,
            values: Vec::new(),
        }
    }
}

const NARROW_NONE: u32 = u32::MAX;

/// Half the span of a narrow column: its base lies this far before its first time.
const HALF_SPAN: i64 = 1 << 31;

impl Times {
    /// How many rows the column will have, to reserve at its first value.
    pub fn expect(&mut self, rows: usize) {
        self.expected = rows;
    }

    #[inline]
    pub fn at(&self, row: usize) -> OptTime {
        match &self.store {
            TimeStore::Narrow { base, values } => match values.get(row) {
                Some(&value) if value != NARROW_NONE => OptTime::from(Some(base + value as i64)),
                _ => OptTime::NONE,
            },
            TimeStore::Wide(values) => values.get(row).copied().unwrap_or(OptTime::NONE),
        }
    }

    /// Sets row `row` of a column of `len` rows (`row == len` appends).
    pub fn set(&mut self, row: usize, value: OptTime, len: usize) {
        let rows = len.max(row + 1);
        if let TimeStore::Narrow { base, values } = &mut self.store {
            if values.is_empty() {
                let Some(first) = value.get() else {
                    return;
                };
                *base = first.saturating_sub(HALF_SPAN);
                *values = Vec::with_capacity(self.expected.max(rows));
                values.resize(rows, NARROW_NONE);
            }
            let narrow = match value.get() {
                None => Some(NARROW_NONE),
                Some(time) => u32::try_from(time - *base)
                    .ok()
                    .filter(|&offset| offset != NARROW_NONE),
            };
            match narrow {
                Some(offset) => return put_padded(values, row, offset, NARROW_NONE),
                None => self.widen(),
            }
        }
        if let TimeStore::Wide(values) = &mut self.store {
            put_padded(values, row, value, OptTime::NONE);
        }
    }

    /// From 4 bytes a row to 8, for a time the narrow form cannot hold.
    fn widen(&mut self) {
        let len = self.len();
        let mut wide = Vec::with_capacity(self.expected.max(len));
        wide.extend((0..len).map(|row| self.at(row)));
        self.store = TimeStore::Wide(wide);
    }

    fn len(&self) -> usize {
        match &self.store {
            TimeStore::Narrow { values, .. } => values.len(),
            TimeStore::Wide(values) => values.len(),
        }
    }

    /// Bytes of memory the column holds.
    pub fn heap_bytes(&self) -> usize {
        match &self.store {
            TimeStore::Narrow { values, .. } => values.capacity() * 4,
            TimeStore::Wide(values) => values.capacity() * 8,
        }
    }

    /// Whether any row has a value.
    pub fn is_used(&self) -> bool {
        self.len() > 0
    }

    /// Pads the column to `len` rows once every row has been added.
    pub fn finish(&mut self, len: usize) {
        match &mut self.store {
            TimeStore::Narrow { values, .. } if !values.is_empty() => {
                values.resize(len, NARROW_NONE);
                values.shrink_to_fit();
            }
            TimeStore::Narrow { .. } => {}
            TimeStore::Wide(values) => {
                values.resize(len, OptTime::NONE);
                values.shrink_to_fit();
            }
        }
    }
}

/// A column of durations in minutes in 4 bytes a row where 8 would hold them: whole seconds as
/// an `i32` (68 years either way), `NARROW_NO_SECONDS` for none, while each value is a whole
/// number of seconds read back bit for bit (the export's whole minutes, the seconds between two
/// times); the first that is not widens the column to `OptNumber`s, once. No memory until the
/// first value.
#[derive(Clone, Debug, Default)]
pub struct Minutes {
    store: MinuteStore,
    /// The rows expected, reserved at the first value.
    expected: usize,
}

#[derive(Clone, Debug)]
enum MinuteStore {
    Seconds(Vec<i32>),
    Wide(Vec<OptNumber>),
}

impl Default for MinuteStore {
    fn default() -> MinuteStore {
        MinuteStore::Seconds(Vec::new())
    }
}

const NARROW_NO_SECONDS: i32 = i32::MIN;

/// `minutes` as whole seconds, when they read back as the same bits.
fn whole_seconds(minutes: f64) -> Option<i32> {
    let seconds = (minutes * 60.0).round();
    let narrow = seconds as i32;
    (seconds.abs() < i32::MAX as f64 && (narrow as f64 / 60.0).to_bits() == minutes.to_bits())
        .then_some(narrow)
}

impl Minutes {
    /// How many rows the column will have, to reserve at its first value.
    pub fn expect(&mut self, rows: usize) {
        self.expected = rows;
    }

    #[inline]
    pub fn at(&self, row: usize) -> OptNumber {
        match &self.store {
            MinuteStore::Seconds(values) => match values.get(row) {
                Some(&seconds) if seconds != NARROW_NO_SECONDS => {
                    OptNumber::from(Some(seconds as f64 / 60.0))
                }
                _ => OptNumber::NONE,
            },
            MinuteStore::Wide(values) => values.get(row).copied().unwrap_or(OptNumber::NONE),
        }
    }

    /// Rows, values or none, so far.
    pub fn len(&self) -> usize {
        match &self.store {
            MinuteStore::Seconds(values) => values.len(),
            MinuteStore::Wide(values) => values.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Sets row `row` of a column of `len` rows (`row == len` appends).
    pub fn set(&mut self, row: usize, value: OptNumber, len: usize) {
        if let MinuteStore::Seconds(values) = &mut self.store {
            if values.is_empty() {
                if value.is_none() {
                    return;
                }
                *values = Vec::with_capacity(self.expected.max(len.max(row + 1)));
            }
            let narrow = match value.get() {
                None => Some(NARROW_NO_SECONDS),
                Some(minutes) => whole_seconds(minutes),
            };
            match narrow {
                Some(seconds) => return put_padded(values, row, seconds, NARROW_NO_SECONDS),
                None => self.widen(),
            }
        }
        if let MinuteStore::Wide(values) = &mut self.store {
            put_padded(values, row, value, OptNumber::NONE);
        }
    }

    /// From 4 bytes a row to 8, for a value that is not a whole number of seconds.
    fn widen(&mut self) {
        let len = self.len();
        let mut wide = Vec::with_capacity(self.expected.max(len));
        wide.extend((0..len).map(|row| self.at(row)));
        self.store = MinuteStore::Wide(wide);
    }

    /// Bytes of memory the column holds.
    pub fn heap_bytes(&self) -> usize {
        match &self.store {
            MinuteStore::Seconds(values) => values.capacity() * 4,
            MinuteStore::Wide(values) => values.capacity() * 8,
        }
    }

    /// Whether any row has a value.
    pub fn is_used(&self) -> bool {
        !self.is_empty()
    }

    /// Pads the column to `len` rows once every row has been added.
    pub fn finish(&mut self, len: usize) {
        match &mut self.store {
            MinuteStore::Seconds(values) if !values.is_empty() => {
                values.resize(len, NARROW_NO_SECONDS);
                values.shrink_to_fit();
            }
            MinuteStore::Seconds(_) => {}
            MinuteStore::Wide(values) => {
                values.resize(len, OptNumber::NONE);
                values.shrink_to_fit();
            }
        }
    }
}

/// A column of optional whole counts (replies, reopens, group stations) in 4 bytes and a bit a
/// row, where `Option<u32>` takes 8: every `u32` is a count an export may give, so "none" is a
/// bit of its own. No memory until the first count.
#[derive(Clone, Debug, Default)]
pub struct Counts {
    values: Vec<u32>,
    /// Bit `row % 64` of word `row / 64`: whether the row has a count.
    known: Vec<u64>,
    /// The rows expected, reserved at the first value.
    expected: usize,
}

impl Counts {
    /// How many rows the column will have, to reserve at its first value.
    pub fn expect(&mut self, rows: usize) {
        self.expected = rows;
    }

    #[inline]
    pub fn at(&self, row: usize) -> Option<u32> {
        let known = self.known.get(row / 64)? >> (row % 64) & 1 == 1;
        known.then(|| self.values[row])
    }

    /// Sets row `row` of a column of `len` rows (`row == len` appends).
    pub fn set(&mut self, row: usize, value: Option<u32>, len: usize) {
        if self.values.is_empty() {
            if value.is_none() {
                return;
            }
            let rows = self.expected.max(len.max(row + 1));
            self.values = Vec::with_capacity(rows);
            self.known = Vec::with_capacity(rows.div_ceil(64));
        }
        put_padded(&mut self.values, row, value.unwrap_or(0), 0);
        let word = row / 64;
        if word >= self.known.len() {
            self.known.resize(word + 1, 0);
        }
        let bit = 1u64 << (row % 64);
        match value {
            Some(_) => self.known[word] |= bit,
            None => self.known[word] &= !bit,
        }
    }

    /// Bytes of memory the column holds.
    pub fn heap_bytes(&self) -> usize {
        self.values.capacity() * 4 + self.known.capacity() * 8
    }

    /// Whether any row has a value.
    pub fn is_used(&self) -> bool {
        !self.values.is_empty()
    }

    /// Pads the column to `len` rows once every row has been added.
    pub fn finish(&mut self, len: usize) {
        if self.is_used() {
            self.values.resize(len, 0);
            self.values.shrink_to_fit();
            self.known.resize(len.div_ceil(64), 0);
            self.known.shrink_to_fit();
        }
    }
}

/// Texts one after another in one buffer (a `Box<str>` each took 16 bytes and an allocation
/// besides the text), numbered from 1 as they are added.
#[derive(Clone, Debug, Default)]
pub struct TextList {
    text: String,
    /// Where each text ends in `text`.
    ends: Vec<u32>,
}

impl TextList {
    /// Adds a text; its number.
    pub fn push(&mut self, text: &str) -> u32 {
        self.text.push_str(text);
        self.ends.push(self.text.len() as u32);
        self.ends.len() as u32
    }

    /// Text number `number` (from 1).
    pub fn get(&self, number: u32) -> Option<&str> {
        let index = (number as usize).checked_sub(1)?;
        let end = *self.ends.get(index)? as usize;
        let start = index.checked_sub(1).map_or(0, |i| self.ends[i] as usize);
        Some(&self.text[start..end])
    }

    /// Bytes of memory the texts hold.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.ends.capacity() * 4
    }

    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

/// Sets `values[row]`, padding with `none` up to it.
fn put_padded<T: Copy>(values: &mut Vec<T>, row: usize, value: T, none: T) {
    if row == values.len() {
        values.push(value);
    } else {
        if row > values.len() {
            values.resize(row + 1, none);
        }
        values[row] = value;
    }
}

/// The tickets' ids, one after another in one buffer (a `String` per ticket cost more than
/// the id), and how a row is found by its id while the table is read.
///
/// Exports list their tickets by id, up or down, more often than not. While every id comes
/// after the one before in that order, no id can have been seen, and a row is found by halving:
/// no index is kept. The first id out of order builds the hash index of the rows so far, which
/// is kept from then on. (Looking up each new id in a table of half a million was most of the
/// time of adding a row: a cache miss each.)
#[derive(Debug, Default)]
pub struct Ids {
    text: String,
    /// Where each row's id ends in `text`.
    ends: Vec<u32>,
    order: Order,
    /// Rows by the hash of their id, once the ids are out of order; dropped once reading is
    /// done.
    index: HashTable<u32>,
}

/// How the ids read so far lie.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Order {
    /// One id or none.
    #[default]
    Unknown,
    /// Each id after the one before, shorter ids first (numbers without leading zeros then go
    /// by value: 9, 10, 11).
    Ascending,
    Descending,
    /// Out of order: found by the hash index.
    Hashed,
}

/// Shorter first, then byte by byte.
fn shortlex(a: &str, b: &str) -> std::cmp::Ordering {
    a.len()
        .cmp(&b.len())
        .then_with(|| a.as_bytes().cmp(b.as_bytes()))
}

impl Ids {
    pub fn get(&self, row: usize) -> &str {
        let start = match row {
            0 => 0,
            _ => self.ends[row - 1] as usize,
        };
        &self.text[start..self.ends[row] as usize]
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Bytes of memory the ids and their index hold (the index's buckets, a row and a control
    /// byte each).
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.ends.capacity() * 4 + self.index.capacity() * 5
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    fn hash(id: &str) -> u64 {
        FxBuildHasher.hash_one(id)
    }

    /// The row of `id`, if it has one.
    pub fn find(&self, id: &str) -> Option<usize> {
        let rows = 0..self.len();
        let found = match self.order {
            Order::Hashed => {
                return self
                    .index
                    .find(Ids::hash(id), |&row| self.get(row as usize) == id)
                    .map(|&row| row as usize)
            }
            Order::Unknown => rows.into_iter().find(|&row| self.get(row) == id),
            Order::Ascending => {
                let at = self.partition(|row| shortlex(row, id).is_lt());
                Some(at).filter(|&at| at < self.len() && self.get(at) == id)
            }
            Order::Descending => {
                let at = self.partition(|row| shortlex(row, id).is_gt());
                Some(at).filter(|&at| at < self.len() && self.get(at) == id)
            }
        };
        found
    }

    /// The first row for which `before` is false, where it is true of a first part of them.
    fn partition(&self, before: impl Fn(&str) -> bool) -> usize {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let middle = low + (high - low) / 2;
            if before(self.get(middle)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        low
    }

    /// The row of `id`: its own when it was seen (`Err`), else a new last row (`Ok`).
    pub fn find_or_push(&mut self, id: &str) -> Result<usize, usize> {
        if self.order != Order::Hashed {
            let Some(last) = self.len().checked_sub(1) else {
                return Ok(self.push_unindexed(id));
            };
            let next = match (self.order, shortlex(id, self.get(last))) {
                (_, std::cmp::Ordering::Equal) => return Err(last),
                (Order::Unknown, std::cmp::Ordering::Greater) => Order::Ascending,
                (Order::Unknown, std::cmp::Ordering::Less) => Order::Descending,
                (Order::Ascending, std::cmp::Ordering::Greater) => Order::Ascending,
                (Order::Descending, std::cmp::Ordering::Less) => Order::Descending,
                _ => Order::Hashed,
            };
            if next != Order::Hashed {
                self.order = next;
                return Ok(self.push_unindexed(id));
            }
            // Out of order: an earlier row may hold it.
            if let Some(row) = self.find(id) {
                return Err(row);
            }
            self.build_index();
        }
        self.find_or_push_hashed(id)
    }

    fn push_unindexed(&mut self, id: &str) -> usize {
        self.text.push_str(id);
        self.ends.push(self.text.len() as u32);
        self.ends.len() - 1
    }

    /// The hash index of every row so far; the ids are found by it from now on.
    fn build_index(&mut self) {
        self.order = Order::Hashed;
        let Ids {
            text, ends, index, ..
        } = self;
        let id_of = |row: usize| {
            let start = if row == 0 { 0 } else { ends[row - 1] as usize };
            &text[start..ends[row] as usize]
        };
        let rehash = |&row: &u32| Ids::hash(id_of(row as usize));
        index.reserve(ends.len(), rehash);
        for row in 0..ends.len() {
            index.insert_unique(Ids::hash(id_of(row)), row as u32, rehash);
        }
    }

    fn find_or_push_hashed(&mut self, id: &str) -> Result<usize, usize> {
        let hash = Ids::hash(id);
        let Ids {
            text, ends, index, ..
        } = self;
        let get = |row: u32| {
            let row = row as usize;
            let start = if row == 0 { 0 } else { ends[row - 1] as usize };
            &text[start..ends[row] as usize]
        };
        if let Some(&row) = index.find(hash, |&row| get(row) == id) {
            return Err(row as usize);
        }
        let row = ends.len();
        let rehash = |&row: &u32| {
            let row = row as usize;
            let start = if row == 0 { 0 } else { ends[row - 1] as usize };
            Ids::hash(&text[start..ends[row] as usize])
        };
        index.insert_unique(hash, row as u32, rehash);
        text.push_str(id);
        ends.push(text.len() as u32);
        Ok(row)
    }

    /// Room for `rows` ids of `bytes` bytes in all (the index is sized when it is built).
    pub fn reserve(&mut self, rows: usize, bytes: usize) {
        self.ends.reserve(rows);
        self.text.reserve(bytes);
    }

    /// Reading is done: the index is not needed any more.
    pub fn finish(&mut self) {
        self.index = HashTable::new();
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
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
        for (row, odd) in [(7, 1.3333), (8, -0.0)] {
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
        column.finish(12);
        assert_eq!(column.len(), 12);
        assert!(column.at(11).is_none());
    }

    #[test]
    fn counts_keep_every_u32_and_none_apart() {
        let mut counts = Counts::default();
        counts.set(0, None, 0);
        assert!(!counts.is_used());
        // Past a word of the bitmap, the largest count, zero, and a count written over.
        counts.set(70, Some(u32::MAX), 70);
        counts.set(71, Some(0), 71);
        counts.set(72, Some(3), 72);
        counts.set(72, None, 73);
        counts.set(1, Some(5), 73);
        counts.finish(130);
        let expected = |row: usize| match row {
            1 => Some(5),
            70 => Some(u32::MAX),
            71 => Some(0),
            _ => None,
        };
        for row in 0..140 {
            assert_eq!(counts.at(row), expected(row), "row {row}");
        }
        assert_eq!(counts.heap_bytes(), 130 * 4 + 3 * 8);
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

    #[test]
    fn ids_in_order_are_found_by_halving_and_out_of_order_by_the_index() {
        // Each list, and a new id out of its order.
        for (ids, new) in [
            (["7", "8", "9", "10", "11", "120"], "100"),
            (["120", "11", "10", "9", "8", "7"], "100"),
            (["a", "b", "c", "d", "e", "f"], "0"),
        ] {
            let mut table = Ids::default();
            for (row, id) in ids.iter().enumerate() {
                assert_eq!(table.find_or_push(id), Ok(row));
                // The same id again, right after: the same row.
                assert_eq!(table.find_or_push(id), Err(row));
            }
            assert_ne!(table.order, Order::Hashed, "{ids:?}");
            for (row, id) in ids.iter().enumerate() {
                assert_eq!(table.find(id), Some(row));
            }
            assert_eq!(table.find(new), None);
            assert_eq!(table.find("x"), None);
            // An earlier id, out of order, is found; a new one out of order starts the index.
            assert_eq!(table.find_or_push(ids[2]), Err(2));
            assert_eq!(table.find_or_push(new), Ok(6));
            assert_eq!(table.order, Order::Hashed);
            assert_eq!(table.find_or_push(ids[4]), Err(4));
            assert_eq!(table.find(new), Some(6));
            assert_eq!(table.find_or_push(new), Err(6));
        }
    }

    #[test]
    fn ids_are_found_by_their_text_and_pushed_once() {
        let mut ids = Ids::default();
        assert_eq!(ids.find_or_push("17"), Ok(0));
        assert_eq!(ids.find_or_push("4"), Ok(1));
        assert_eq!(ids.find_or_push("17"), Err(0));
        assert_eq!(ids.find_or_push(""), Ok(2));
        assert_eq!((ids.get(0), ids.get(1), ids.get(2)), ("17", "4", ""));
        assert_eq!(ids.find("4"), Some(1));
        assert_eq!(ids.find("5"), None);
        for n in 0..10_000 {
            let _ = ids.find_or_push(&n.to_string());
        }
        // "4" and "17" were there first.
        assert_eq!(ids.len(), 3 + 10_000 - 2);
        assert_eq!(ids.find("9999").map(|row| ids.get(row)), Some("9999"));
    }

    #[test]
    fn a_sparse_column_takes_no_memory_until_its_first_value() {
        let mut column = Sparse::new(f64::NAN.to_bits());
        column.set(0, f64::NAN.to_bits(), 0);
        column.set(1, f64::NAN.to_bits(), 1);
        assert!(!column.is_used());
        column.set(2, 7, 2);
        column.finish(4);
        assert_eq!(
            (0..4).map(|row| column[row]).collect::<Vec<_>>(),
            [
                f64::NAN.to_bits(),
                f64::NAN.to_bits(),
                7,
                f64::NAN.to_bits()
            ]
        );
    }
}
