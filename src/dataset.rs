//! The union of the dropped files: their tickets merged by id into one table, and what each
//! file fed.

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;

use crate::ingest::{Export, SourceReport};
use crate::model::table::TicketTable;
use crate::model::time::Zone;
use crate::model::{Call, Customer, Field, SurveyAnswer, Timestamp};
use crate::selection::Selection;

/// Everything the KPIs are computed over: the tickets as one table, shared by every part of
/// the dataset (a selection, a week, an agent's tickets), each part a list of its rows.
#[derive(Debug, Default)]
pub struct Dataset {
    pub calls: Vec<Call>,
    /// Survey answers that name no ticket of the data (the others are joined into their ticket).
    pub surveys: Vec<SurveyAnswer>,
    /// Survey answers joined into tickets.
    pub surveys_joined: usize,
    pub customers: Vec<Customer>,
    pub sources: Vec<SourceReport>,
    /// Rows whose ticket id was already seen (catalogue, "Conventions").
    pub duplicates: usize,
    /// Fields at least one file has a column for: a KPI without its field says so.
    pub fields: BTreeSet<Field>,
    /// The time zone whose wall clock the timestamps are (UTC when `None`): durations between
    /// two of them go through it, so that a DST change is counted.
    pub zone: Option<Zone>,
    /// What depends on all the tickets and not on the selection, worked out on first use so
    /// that a refilter does not walk every ticket again for it.
    facets: OnceCell<BTreeMap<String, Vec<String>>>,
    latest: OnceCell<Option<Timestamp>>,
    /// The tickets, as columns.
    table: Rc<TicketTable>,
    /// Which rows of `table` this dataset holds: all of them, in order, unless it is a part.
    rows: OnceCell<Vec<u32>>,
}

impl Dataset {
    /// Merges exports in the order given, times as wall clock of UTC (see `merge_in`).
    pub fn merge(exports: Vec<Export>) -> Dataset {
        Dataset::merge_in(exports, None)
    }

    /// Merges exports in the order given. The same id twice is the same ticket: the later
    /// `updated_at` wins, else the later file (or row). Durations between two times are worked
    /// out as wall clock of `zone`.
    pub fn merge_in(exports: Vec<Export>, zone: Option<Zone>) -> Dataset {
        let mut dataset = Dataset {
            zone,
            ..Dataset::default()
        };
        let mut table: Option<TicketTable> = None;
        let mut answers = Vec::new();
        let mut call_ids: HashMap<String, usize> = HashMap::default();
        for export in exports {
            dataset.fields.extend(export.source.columns.keys().copied());
            dataset.sources.push(export.source);
            match &mut table {
                // The first file's table is the dataset's: one file is not copied.
                None => table = Some(export.tickets),
                Some(table) => table.append(&export.tickets),
            }
            for call in export.calls {
                match call_ids.get(&call.id) {
                    Some(&i) => {
                        dataset.duplicates += 1;
                        dataset.calls[i] = call;
                    }
                    None => {
                        call_ids.insert(call.id.clone(), dataset.calls.len());
                        dataset.calls.push(call);
                    }
                }
            }
            answers.extend(export.surveys);
            dataset.customers.extend(export.customers);
        }
        let mut table = table.unwrap_or_else(|| TicketTable::for_reading(0));
        // Surveys join tickets by id: the survey's answer is the ticket's answer.
        for answer in answers {
            if table.join_answer(&answer) {
                dataset.surveys_joined += 1;
            } else {
                dataset.surveys.push(answer);
            }
        }
        table.finish(zone);
        dataset.duplicates += table.duplicates;
        dataset.table = Rc::new(table);
        dataset
    }

    /// A dataset of a finished table (tests, fuzzing), with the columns `fields`.
    pub fn of_table(table: TicketTable, fields: BTreeSet<Field>, zone: Option<Zone>) -> Dataset {
        Dataset {
            duplicates: table.duplicates,
            table: Rc::new(table),
            fields,
            zone,
            ..Dataset::default()
        }
    }

    /// What a selection keeps: its tickets, its calls and the unjoined survey answers of its
    /// range; customers all (retention looks at the range itself).
    pub fn select(&self, selection: &Selection) -> Dataset {
        let table = self.table();
        let rows = selection.row_filter(table).select(table, self.rows());
        let mut part = self.part();
        part.rows = OnceCell::from(rows);
        Dataset {
            calls: self
                .calls
                .iter()
                .filter(|c| selection.matches_call(c))
                .cloned()
                .collect(),
            surveys: self
                .surveys
                .iter()
                .filter(|s| selection.matches_answer(s))
                .cloned()
                .collect(),
            customers: self.customers.clone(),
            ..part
        }
    }

    /// No tickets, the same columns and the same table: a start for a group of this dataset's
    /// tickets, filled with `push_row`.
    pub fn part(&self) -> Dataset {
        let part = Dataset {
            table: Rc::clone(&self.table),
            ..self.empty_like()
        };
        let _ = part.rows.set(Vec::new());
        part
    }

    /// Adds a row of the shared table to this part.
    pub fn push_row(&mut self, row: u32) {
        self.rows.get_or_init(Vec::new);
        if let Some(rows) = self.rows.get_mut() {
            rows.push(row);
        }
    }

    /// How many tickets this dataset holds.
    pub fn len(&self) -> usize {
        self.rows().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The tickets as columns (see `model::table`), shared by every part of the dataset.
    pub fn table(&self) -> &Rc<TicketTable> {
        &self.table
    }

    /// This dataset's rows of `table()`, in order.
    pub fn rows(&self) -> &[u32] {
        self.rows
            .get_or_init(|| (0..self.table.len() as u32).collect())
    }

    /// No tickets and no table, the same columns: a start for tickets of another table.
    pub fn empty_like(&self) -> Dataset {
        Dataset {
            fields: self.fields.clone(),
            zone: self.zone,
            ..Dataset::default()
        }
    }

    pub fn has(&self, field: Field) -> bool {
        self.fields.contains(&field)
    }

    /// The as-of time: the latest timestamp in the data (catalogue, `backlog`); a part's is
    /// its whole's.
    pub fn as_of(&self) -> Option<Timestamp> {
        *self.latest.get_or_init(|| self.table.latest())
    }

    /// The distinct values of each filterable field over all the tickets of the table (a
    /// part's are its whole's), sorted.
    pub fn facets(&self) -> &BTreeMap<String, Vec<String>> {
        self.facets.get_or_init(|| facets(self.table()))
    }
}

/// The names of the table's categories: its interning already found each distinct text.
fn facets(table: &TicketTable) -> BTreeMap<String, Vec<String>> {
    let categories = [
        ("channel", &table.channel),
        ("priority", &table.priority),
        ("group", &table.group),
        ("agent", &table.agent),
        ("type", &table.ticket_type),
        ("tag", &table.tags.tags),
    ];
    categories
        .into_iter()
        .filter(|(_, category)| !category.names.is_empty())
        .map(|(name, category)| {
            let mut values: Vec<String> = category.names.iter().map(|n| n.to_string()).collect();
            values.sort_unstable();
            (name.to_string(), values)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::read_export;

    #[test]
    fn the_later_update_wins_and_duplicates_are_counted() {
        let first = "Id,Status,Created at,Updated at\n\
                     1,Open,2024-01-01 09:00,2024-01-02 09:00\n\
                     2,Open,2024-01-01 10:00,2024-01-05 09:00\n";
        let second = "Id,Status,Created at,Updated at\n\
                      1,Solved,2024-01-01 09:00,2024-01-03 09:00\n\
                      2,Solved,2024-01-01 10:00,2024-01-04 09:00\n";
        let dataset = Dataset::merge(vec![
            read_export("a.csv", first.as_bytes()).unwrap(),
            read_export("b.csv", second.as_bytes()).unwrap(),
        ]);
        assert_eq!(dataset.len(), 2);
        assert_eq!(dataset.duplicates, 2);
        // Ticket 1: b.csv is newer (Jan 3 > Jan 2). Ticket 2: a.csv is newer (Jan 5 > Jan 4).
        assert_eq!(dataset.table().solved, [true, false]);
    }

    #[test]
    fn merging_a_file_with_itself_changes_no_ticket() {
        let text = "Id,Status,Created at\n1,Open,2024-01-01 09:00\n2,Closed,2024-01-02 09:00\n";
        let once = Dataset::merge(vec![read_export("a.csv", text.as_bytes()).unwrap()]);
        let twice = Dataset::merge(vec![
            read_export("a.csv", text.as_bytes()).unwrap(),
            read_export("a.csv", text.as_bytes()).unwrap(),
        ]);
        let all = |d: &Dataset| d.table().tickets().collect::<Vec<_>>();
        assert_eq!(all(&once), all(&twice));
        assert_eq!(twice.duplicates, 2);
    }
}
