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
        if row >= self.values.len() {
            self.values.resize(row + 1, self.none);
        }
        self.values[row] = value;
    }

    pub fn get(&self, row: usize) -> T {
        self.values.get(row).copied().unwrap_or(self.none)
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

/// The tickets' ids, one after another in one buffer (a `String` per ticket cost more than
/// the id), with the index that finds a row by its id while the table is read.
#[derive(Debug, Default)]
pub struct Ids {
    text: String,
    /// Where each row's id ends in `text`.
    ends: Vec<u32>,
    /// Rows by the hash of their id; dropped once reading is done.
    index: HashTable<u32>,
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

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    fn hash(id: &str) -> u64 {
        FxBuildHasher.hash_one(id)
    }

    /// The row of `id`, if it has one.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.index
            .find(Ids::hash(id), |&row| self.get(row as usize) == id)
            .map(|&row| row as usize)
    }

    /// The row of `id`: its own when it was seen (`Err`), else a new last row (`Ok`).
    pub fn find_or_push(&mut self, id: &str) -> Result<usize, usize> {
        let hash = Ids::hash(id);
        let Ids { text, ends, index } = self;
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

    pub fn reserve(&mut self, rows: usize, bytes: usize) {
        self.ends.reserve(rows);
        self.text.reserve(bytes);
        let Ids { text, ends, index } = self;
        index.reserve(rows, |&row: &u32| {
            let row = row as usize;
            let start = if row == 0 { 0 } else { ends[row - 1] as usize };
            Ids::hash(&text[start..ends[row] as usize])
        });
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
