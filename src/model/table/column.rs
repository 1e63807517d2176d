//! Column storage: a column that takes no memory while the export has nothing for it, the
//! tickets' ids in one buffer, and the index that finds a ticket's row by its id.

use std::hash::BuildHasher;
use std::ops::Index;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

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
pub(super) fn put_padded<T: Copy>(values: &mut Vec<T>, row: usize, value: T, none: T) {
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
