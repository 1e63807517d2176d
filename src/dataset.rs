//! The union of the dropped files: tickets de-duplicated by id, and what each file fed.

use std::collections::{BTreeSet, HashMap};

use crate::ingest::{Export, Field, SourceReport};
use crate::model::{Ticket, Timestamp};

/// Everything the KPIs are computed over.
#[derive(Debug, Default)]
pub struct Dataset {
    pub tickets: Vec<Ticket>,
    pub sources: Vec<SourceReport>,
    /// Rows whose ticket id was already seen (catalogue, "Conventions").
    pub duplicates: usize,
    /// Fields at least one file has a column for: a KPI without its field says so.
    pub fields: BTreeSet<Field>,
}

impl Dataset {
    /// Merges exports in the order given. The same id twice is the same ticket: the later
    /// `updated_at` wins, else the later file (or row).
    pub fn merge(exports: Vec<Export>) -> Dataset {
        let mut dataset = Dataset::default();
        let mut index_of: HashMap<String, usize> = HashMap::new();
        for export in exports {
            dataset.fields.extend(export.source.columns.keys().copied());
            dataset.sources.push(export.source);
            for ticket in export.tickets {
                match index_of.get(&ticket.id) {
                    Some(&i) => {
                        dataset.duplicates += 1;
                        if !is_older(&ticket, &dataset.tickets[i]) {
                            dataset.tickets[i] = ticket;
                        }
                    }
                    None => {
                        index_of.insert(ticket.id.clone(), dataset.tickets.len());
                        dataset.tickets.push(ticket);
                    }
                }
            }
        }
        dataset
    }

    /// The tickets `keep` selects, with the same columns (and no sources).
    pub fn subset(&self, keep: impl Fn(&Ticket) -> bool) -> Dataset {
        Dataset {
            tickets: self.tickets.iter().filter(|t| keep(t)).cloned().collect(),
            ..self.empty_like()
        }
    }

    /// No tickets, the same columns: a start for a group of tickets.
    pub fn empty_like(&self) -> Dataset {
        Dataset {
            fields: self.fields.clone(),
            ..Dataset::default()
        }
    }

    pub fn has(&self, field: Field) -> bool {
        self.fields.contains(&field)
    }

    /// The as-of time: the latest timestamp in the data (catalogue, `backlog`).
    pub fn as_of(&self) -> Option<Timestamp> {
        self.tickets
            .iter()
            .filter_map(Ticket::latest_timestamp)
            .max()
    }
}

fn is_older(candidate: &Ticket, current: &Ticket) -> bool {
    match (candidate.updated_at, current.updated_at) {
        (Some(new), Some(old)) => new < old,
        _ => false,
    }
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
        assert_eq!(dataset.tickets.len(), 2);
        assert_eq!(dataset.duplicates, 2);
        // Ticket 1: b.csv is newer (Jan 3 > Jan 2). Ticket 2: a.csv is newer (Jan 5 > Jan 4).
        assert!(dataset.tickets[0].is_solved());
        assert!(!dataset.tickets[1].is_solved());
    }

    #[test]
    fn merging_a_file_with_itself_changes_no_ticket() {
        let text = "Id,Status,Created at\n1,Open,2024-01-01 09:00\n2,Closed,2024-01-02 09:00\n";
        let once = Dataset::merge(vec![read_export("a.csv", text.as_bytes()).unwrap()]);
        let twice = Dataset::merge(vec![
            read_export("a.csv", text.as_bytes()).unwrap(),
            read_export("a.csv", text.as_bytes()).unwrap(),
        ]);
        assert_eq!(once.tickets, twice.tickets);
        assert_eq!(twice.duplicates, 2);
    }
}
