//! The union of the dropped files: tickets de-duplicated by id, and what each file fed.

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;

use crate::ingest::{Export, Field, SourceReport};
use crate::model::{Call, Customer, SurveyAnswer, Text, Ticket, Timestamp};
use crate::selection::Selection;
use crate::table::TicketTable;

/// Everything the KPIs are computed over.
#[derive(Debug, Default)]
pub struct Dataset {
    /// The tickets read from the files. A part of a dataset (a selection, a week, an agent's
    /// tickets) holds none here: its rows name them in the shared table. Read them with
    /// `each_ticket`, count them with `len`.
    pub tickets: Vec<Rc<Ticket>>,
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
    pub zone: Option<crate::model::time::zone::Zone>,
    /// What depends on all the tickets and not on the selection, worked out on first use so
    /// that a refilter does not walk every ticket again for it. The tickets are not changed
    /// once a report has been built.
    facets: OnceCell<BTreeMap<String, Vec<String>>>,
    latest: OnceCell<Option<Timestamp>>,
    /// The tickets as columns: built from these tickets on first use, or shared with the
    /// dataset this one was selected from.
    table: OnceCell<Rc<TicketTable>>,
    /// Which rows of `table` this dataset holds: all of them, in order, where the table was
    /// built from `tickets`; those of the part otherwise.
    rows: OnceCell<Vec<u32>>,
}

/// Each requester's ticket creation times, sorted: where a repeat contact is looked for.
pub type Contacts = HashMap<Text, Vec<Timestamp>>;

impl Dataset {
    /// Merges exports in the order given. The same id twice is the same ticket: the later
    /// `updated_at` wins, else the later file (or row).
    pub fn merge(exports: Vec<Export>) -> Dataset {
        let mut dataset = Dataset::default();
        // Sized for every ticket at once: growing it rehashed every id again and again.
        let mut index_of: HashMap<Text, usize> = HashMap::default();
        let tickets: usize = exports.iter().map(|e| e.tickets.len()).sum();
        index_of.reserve(tickets);
        dataset.tickets.reserve(tickets);
        let mut answers = Vec::new();
        let mut call_ids: HashMap<String, usize> = HashMap::default();
        for export in exports {
            dataset.fields.extend(export.source.columns.keys().copied());
            dataset.sources.push(export.source);
            for ticket in export.tickets {
                match index_of.get(&ticket.id) {
                    Some(&i) => {
                        dataset.duplicates += 1;
                        let standing = &dataset.tickets[i];
                        // Reports with one row per ticket and tag (Zendesk Explore) repeat the
                        // ticket at the same update: its tags are all of the rows' tags.
                        let more_tags = (ticket.updated_at.get() == standing.updated_at.get()
                            && ticket.tags != standing.tags)
                            .then(|| standing.tags.clone());
                        if !is_older(&ticket, standing) {
                            dataset.tickets[i] = ticket;
                        }
                        if let Some(tags) = more_tags {
                            let ticket = Rc::make_mut(&mut dataset.tickets[i]);
                            let mut all: Vec<Text> = tags.iter().cloned().collect();
                            all.extend(ticket.tags.iter().filter(|t| !tags.contains(t)).cloned());
                            ticket.tags = all.into();
                        }
                    }
                    None => {
                        index_of.insert(ticket.id.clone(), dataset.tickets.len());
                        dataset.tickets.push(ticket);
                    }
                }
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
        // Surveys join tickets by id: the survey's answer is the ticket's answer.
        for answer in answers {
            match answer
                .ticket_id
                .as_ref()
                .and_then(|id| index_of.get(id.as_str()))
            {
                Some(&i) => {
                    // Only merge holds the tickets yet: no copy is made.
                    let ticket = Rc::make_mut(&mut dataset.tickets[i]);
                    if answer.satisfaction.is_some() {
                        ticket.satisfaction = answer.satisfaction;
                    }
                    ticket.nps_score = answer.nps_score.or(ticket.nps_score);
                    ticket.ces_score = answer.ces_score.or(ticket.ces_score.get()).into();
                    if let Some(comment) = answer.comment {
                        ticket.rating_comment = Some(comment.into());
                    }
                    dataset.surveys_joined += 1;
                }
                None => dataset.surveys.push(answer),
            }
        }
        dataset
    }

    /// What a selection keeps: its tickets, its calls and the unjoined survey answers of its
    /// range; customers all (retention looks at the range itself). Tickets are chosen by their
    /// rows in the table, so that the selection reads columns, not tickets.
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
        let part = self.empty_like();
        let _ = part.table.set(Rc::clone(self.table()));
        let _ = part.rows.set(Vec::new());
        part
    }

    /// Adds a row of the shared table to this part.
    pub fn push_row(&mut self, row: u32) {
        debug_assert!(self.tickets.is_empty(), "rows are added to parts only");
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

    /// This dataset's tickets, in order.
    pub fn each_ticket(&self) -> impl Iterator<Item = &Ticket> {
        let table = self.table();
        self.rows()
            .iter()
            .map(move |&row| table.tickets[row as usize].as_ref())
    }

    /// The tickets as columns (see `table`).
    pub fn table(&self) -> &Rc<TicketTable> {
        self.table
            .get_or_init(|| Rc::new(TicketTable::build(&self.tickets, self.zone)))
    }

    /// This dataset's rows of `table()`, in order.
    pub fn rows(&self) -> &[u32] {
        let rows = self
            .rows
            .get_or_init(|| (0..self.tickets.len() as u32).collect());
        debug_assert!(
            self.tickets.is_empty() || rows.len() == self.tickets.len(),
            "tickets added after the rows were listed"
        );
        rows
    }

    /// No tickets, the same columns: a start for a group of tickets.
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

    /// The as-of time: the latest timestamp in the data (catalogue, `backlog`).
    pub fn as_of(&self) -> Option<Timestamp> {
        *self.latest.get_or_init(|| {
            self.tickets
                .iter()
                .filter_map(|t| t.latest_timestamp())
                .max()
        })
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

fn is_older(candidate: &Ticket, current: &Ticket) -> bool {
    match (candidate.updated_at.get(), current.updated_at.get()) {
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
