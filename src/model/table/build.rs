//! Filling the table while a file is read: each row's values written straight into the
//! columns (categories as codes), a ticket met again merged into its row, and the per-ticket
//! durations worked out once reading is done.
//!
//! Ingest reads a row into one `Ticket` it reuses for every row of the file and hands it to
//! `push`; no ticket is kept as a struct.

use rustc_hash::FxHashMap as HashMap;

use super::{Answer, Categories, TicketTable, UNKNOWN_SCORE};
use crate::model::time::calendar::minutes_between;
use crate::model::time::Zone;
use crate::model::{OptNumber, Satisfaction, Status, SurveyAnswer, Tags, Text, Ticket, Timestamp};

/// What reading needs besides the columns: the codes of the texts met so far.
#[derive(Debug, Default)]
pub struct Building {
    status: Coder,
    channel: Coder,
    priority: Coder,
    ticket_type: Coder,
    group: Coder,
    agent: Coder,
    requester: Coder,
    tag: Coder,
    /// The codes of the canonical statuses, 0 until met (`canonical_index`).
    canonical_status: [u32; 6],
    /// Tag lists by where their shared copy lies, and by their codes.
    lists_by_place: HashMap<(usize, usize), u32>,
    lists_by_codes: HashMap<Box<[u32]>, u32>,
    /// Whether the texts of the tickets pushed stay alive while the table is read (ingest's
    /// one copy per distinct cell of a file): then a text's place names it, and most cells
    /// are coded without hashing their text. Not so for tickets made one by one (`append`).
    places_stable: bool,
}

/// Codes the texts of one category. Ingest shares one `Text` per distinct cell of a file, so
/// a cell is looked up by where its text lies, and by the text itself only the first time a
/// place is met: hashing every cell's text was a tenth of loading a file. The places met last
/// are kept in a small direct-mapped cache before the map (a hash lookup for each category
/// cell was a tenth of the page's reading).
#[derive(Debug)]
struct Coder {
    recent: Box<[Place; RECENT]>,
    by_place: HashMap<(usize, usize), u32>,
    by_text: HashMap<Text, u32>,
}

/// A text's place (address, length) and its code; code 0 for none.
#[derive(Clone, Copy, Debug, Default)]
struct Place {
    at: usize,
    len: usize,
    code: u32,
}

const RECENT: usize = 256;

impl Default for Coder {
    fn default() -> Self {
        Coder {
            recent: Box::new([Place::default(); RECENT]),
            by_place: HashMap::default(),
            by_text: HashMap::default(),
        }
    }
}

impl Coder {
    fn code(&mut self, names: &mut Vec<Text>, text: &Text, places_stable: bool) -> u32 {
        let (at, len) = (text.as_ptr() as usize, text.len());
        // Shared texts lie 8 or 16 bytes apart at least: the bits above those pick the slot.
        let slot = &mut self.recent[(at >> 3 ^ at >> 11) % RECENT];
        if places_stable && slot.code != 0 && slot.at == at && slot.len == len {
            return slot.code;
        }
        let known = match places_stable {
            true => self.by_place.get(&(at, len)).copied(),
            false => None,
        };
        let code = match known.or_else(|| self.by_text.get(&**text).copied()) {
            Some(code) => code,
            None => {
                names.push(text.clone());
                let code = names.len() as u32;
                self.by_text.insert(text.clone(), code);
                code
            }
        };
        // Texts not shared (a copy per cell) would only grow this map.
        if places_stable {
            *slot = Place { at, len, code };
            if known.is_none() && self.by_place.len() < 4 * names.len() + 1024 {
                self.by_place.insert((at, len), code);
            }
        }
        code
    }

    fn code_str(&mut self, names: &mut Vec<Text>, text: &str) -> u32 {
        match self.by_text.get(text) {
            Some(&code) => code,
            None => {
                let text: Text = text.into();
                names.push(text.clone());
                let code = names.len() as u32;
                self.by_text.insert(text, code);
                code
            }
        }
    }
}

/// Writes `value` at `row` of a column that has `row` rows or more.
#[inline]
fn put<T>(column: &mut Vec<T>, row: usize, value: T) {
    if row == column.len() {
        column.push(value);
    } else {
        column[row] = value;
    }
}

fn put_code(
    categories: &mut Categories,
    coder: &mut Coder,
    row: usize,
    text: Option<&Text>,
    stable: bool,
) {
    let code = match text {
        Some(text) => coder.code(&mut categories.names, text, stable),
        None => 0,
    };
    put(&mut categories.codes, row, code);
}

impl TicketTable {
    /// An empty table to read `rows` tickets into (a guess: it grows as needed).
    pub fn for_reading(rows: usize) -> TicketTable {
        let mut table = TicketTable {
            building: Some(Box::new(Building {
                places_stable: true,
                ..Building::default()
            })),
            ..TicketTable::default()
        };
        table.nps_score = super::Sparse::new(UNKNOWN_SCORE);
        table.reserve(rows);
        table
    }

    fn reserve(&mut self, rows: usize) {
        self.ids.reserve(rows, rows * 8);
        each_row_column!((&mut) self, |column| column.reserve(rows));
        each_sparse_column!((&mut) self, |column| column.expect(rows));
    }

    /// Adds a ticket read from a row: a new row for a new id; for an id read before, the
    /// later `updated_at` wins, else the later row, and rows of the same update pool their
    /// tags (reports with one row per ticket and tag, as Zendesk Explore's).
    pub fn push(&mut self, ticket: &Ticket) {
        let row = match self.ids.find_or_push(&ticket.id) {
            Ok(row) => {
                self.write(row, ticket);
                return;
            }
            Err(row) => row,
        };
        self.duplicates += 1;
        let standing_updated = self.updated.at(row);
        let standing_tags = self.tags.lists_of[row];
        let tags = self.tag_list(&ticket.tags);
        let pool = ticket.updated_at == standing_updated && tags != standing_tags;
        let older = matches!(
            (ticket.updated_at.get(), standing_updated.get()),
            (Some(new), Some(old)) if new < old
        );
        if !older {
            self.write(row, ticket);
        }
        if pool {
            let current = self.tags.lists_of[row];
            let old = &self.tags.lists[standing_tags as usize];
            let mut all: Vec<u32> = old.to_vec();
            all.extend(
                self.tags.lists[current as usize]
                    .iter()
                    .filter(|code| !old.contains(code)),
            );
            let pooled = self.list_of_codes(all);
            self.tags.lists_of[row] = pooled;
        }
    }

    /// Every column of `row` from `ticket` (`row` is the table's length for a new row).
    fn write(&mut self, row: usize, t: &Ticket) {
        let len = self.len();
        let Some(building) = self.building.as_deref_mut() else {
            debug_assert!(false, "a finished table is not written to");
            return;
        };
        let stable = building.places_stable;
        self.created.set(row, t.created_at, len);
        self.updated.set(row, t.updated_at, len);
        self.solved_at.set(row, t.solved_at, len);
        self.first_response_at.set(row, t.first_response_at, len);
        put(&mut self.solved, row, t.is_solved());
        let status = match &t.status {
            None => 0,
            Some(Status::Other(text)) => building.status.code_str(&mut self.status.names, text),
            Some(status) => {
                // The six canonical statuses, coded once each.
                let slot = &mut building.canonical_status[canonical_index(status)];
                if *slot == 0 {
                    *slot = building
                        .status
                        .code_str(&mut self.status.names, status.as_str());
                }
                *slot
            }
        };
        put(&mut self.status.codes, row, status);
        put_code(
            &mut self.channel,
            &mut building.channel,
            row,
            t.channel.as_ref(),
            stable,
        );
        put_code(
            &mut self.priority,
            &mut building.priority,
            row,
            t.priority.as_ref(),
            stable,
        );
        put_code(
            &mut self.ticket_type,
            &mut building.ticket_type,
            row,
            t.ticket_type.as_ref(),
            stable,
        );
        put_code(
            &mut self.group,
            &mut building.group,
            row,
            t.group.as_ref(),
            stable,
        );
        put_code(
            &mut self.agent,
            &mut building.agent,
            row,
            t.agent.as_ref(),
            stable,
        );
        put_code(
            &mut self.requester,
            &mut building.requester,
            row,
            t.requester.as_ref(),
            stable,
        );
        let tags = self.tag_list(&t.tags);
        put(&mut self.tags.lists_of, row, tags);
        self.first_response_minutes
            .set(row, t.first_response_minutes, len);
        self.resolution_minutes.set(row, t.resolution_minutes, len);
        self.first_response_business_minutes
            .set(row, t.first_response_business_minutes, len);
        self.resolution_business_minutes
            .set(row, t.resolution_business_minutes, len);
        self.replies.set(row, t.replies, len);
        self.reopens.set(row, t.reopens, len);
        put(
            &mut self.satisfaction,
            row,
            Answer::of(t.satisfaction.as_ref()),
        );
        self.satisfaction_score
            .set(row, rated_score(t.satisfaction.as_ref()), len);
        self.nps_score
            .set(row, t.nps_score.unwrap_or(UNKNOWN_SCORE), len);
        self.happiness.set(row, t.happiness, len);
        self.group_stations.set(row, t.group_stations, len);
        self.first_response_sla_met
            .set(row, t.first_response_sla_met, len);
        self.resolution_sla_met.set(row, t.resolution_sla_met, len);
        self.handle_minutes.set(row, t.handle_minutes, len);
        self.ces_score.set(row, t.ces_score, len);
        self.quality_score.set(row, t.quality_score, len);
        self.bot_involved.set(row, t.bot_involved, len);
        let comment = match &t.rating_comment {
            Some(text) => self.comment_texts.push(text),
            None => 0,
        };
        self.comments.set(row, comment, len);
    }

    /// The code of a ticket's tag list.
    fn tag_list(&mut self, tags: &Tags) -> u32 {
        if tags.is_empty() {
            return 0;
        }
        let Some(building) = self.building.as_deref_mut() else {
            return 0;
        };
        let place = (tags.as_ptr() as usize, tags.len());
        if building.places_stable {
            if let Some(&list) = building.lists_by_place.get(&place) {
                return list;
            }
        }
        let stable = building.places_stable;
        let codes: Vec<u32> = tags
            .iter()
            .map(|tag| building.tag.code(&mut self.tags.tags.names, tag, stable))
            .collect();
        let list = self.list_of_codes(codes);
        if let Some(building) = self.building.as_deref_mut() {
            if building.places_stable && building.lists_by_place.len() < 1 << 16 {
                building.lists_by_place.insert(place, list);
            }
        }
        list
    }

    fn list_of_codes(&mut self, codes: Vec<u32>) -> u32 {
        if codes.is_empty() {
            return 0;
        }
        let Some(building) = self.building.as_deref_mut() else {
            return 0;
        };
        let codes = codes.into_boxed_slice();
        if let Some(&list) = building.lists_by_codes.get(&codes) {
            return list;
        }
        let list = self.tags.lists.len() as u32;
        self.tags.lists.push(codes.clone());
        building.lists_by_codes.insert(codes, list);
        list
    }

    /// A survey's answer given to the ticket it names: its rating, score and comment are the
    /// ticket's. `false` when no ticket has that id.
    pub fn join_answer(&mut self, answer: &SurveyAnswer) -> bool {
        let Some(row) = answer.ticket_id.as_deref().and_then(|id| self.ids.find(id)) else {
            return false;
        };
        let len = self.len();
        if answer.satisfaction.is_some() {
            self.satisfaction[row] = Answer::of(answer.satisfaction.as_ref());
            self.satisfaction_score
                .set(row, rated_score(answer.satisfaction.as_ref()), len);
        }
        if let Some(score) = answer.nps_score {
            self.nps_score.set(row, score, len);
        }
        if let Some(score) = answer.ces_score {
            self.ces_score.set(row, Some(score).into(), len);
        }
        if let Some(comment) = &answer.comment {
            let index = self.comment_texts.push(comment);
            self.comments.set(row, index, len);
        }
        true
    }

    /// Adds every ticket of another table being read (a second file), merged by id as `push`
    /// merges rows.
    pub fn append(&mut self, other: &TicketTable) {
        if let Some(building) = self.building.as_deref_mut() {
            building.places_stable = false;
        }
        for row in 0..other.len() {
            self.push(&other.ticket(row));
        }
        self.duplicates += other.duplicates;
    }

    /// Reading is done: every column padded to the table's length, the calendar durations
    /// worked out (the export's own column, else the difference of the two times as wall clock
    /// of `zone`), and what only reading needed dropped.
    pub fn finish(&mut self, zone: Option<Zone>) {
        if self.building.take().is_none() {
            return;
        }
        let len = self.len();
        self.ids.finish();
        each_sparse_column!((&mut) self, |column| column.finish(len));
        // Sized for the rows a file was expected to give: no more than it gave.
        each_row_column!((&mut) self, |column| column.shrink_to_fit());
        self.comment_texts.shrink_to_fit();
        self.reply_before_creation = Vec::with_capacity(len);
        self.solve_before_creation = Vec::with_capacity(len);
        for row in 0..len {
            let created = self.created.at(row).get();
            let replied = self.first_response_at.at(row).get();
            let solved = self.solved_at.at(row).get();
            let (response, resolution) = (
                self.first_response_minutes.at(row),
                self.resolution_minutes.at(row),
            );
            self.reply_before_creation
                .push(response.is_none() && reversed(created, replied));
            self.solve_before_creation
                .push(self.solved[row] && resolution.is_none() && reversed(created, solved));
            if resolution.is_some() {
                self.resolution_from_export.set(row, true, len);
            } else {
                self.resolution_minutes.set(
                    row,
                    minutes_between(zone, created, solved).into(),
                    len,
                );
            }
            if response.is_none() {
                self.first_response_minutes.set(
                    row,
                    minutes_between(zone, created, replied).into(),
                    len,
                );
            }
        }
        self.resolution_from_export.finish(len);
        // The durations worked out above, padded and sized to the rows.
        self.resolution_minutes.finish(len);
        self.first_response_minutes.finish(len);
    }

    /// When a row's first reply happened: its time, or creation plus the export's minutes.
    pub fn replied_at(&self, row: usize) -> Option<Timestamp> {
        self.first_response_at.at(row).get().or_else(|| {
            let minutes = self.first_response_minutes.at(row).get()?;
            self.created
                .at(row)
                .get()?
                .checked_add((minutes * 60.0) as i64)
        })
    }

    /// When a row's final solve happened: creation plus the export's minutes, else its time.
    pub fn solve_time(&self, row: usize) -> Option<Timestamp> {
        match (self.resolution_from_export[row], self.created.at(row).get()) {
            (true, Some(created)) => {
                let minutes = self.resolution_minutes.at(row).get()?;
                created.checked_add((minutes * 60.0) as i64)
            }
            _ => self.solved_at.at(row).get(),
        }
    }

    /// A row as a `Ticket`, for tests and for merging a second file: the table keeps none.
    pub fn ticket(&self, row: usize) -> Ticket {
        let text = |categories: &Categories| {
            categories
                .names
                .get((categories.codes[row] as usize).wrapping_sub(1))
                .cloned()
        };
        let score = self.satisfaction_score[row].get();
        Ticket {
            id: self.ids.get(row).to_string(),
            created_at: self.created.at(row),
            updated_at: self.updated.at(row),
            solved_at: self.solved_at.at(row),
            first_response_at: self.first_response_at.at(row),
            status: self
                .status
                .name(self.status.codes[row])
                .map(Status::from_name),
            channel: text(&self.channel),
            priority: text(&self.priority),
            ticket_type: text(&self.ticket_type),
            group: text(&self.group),
            agent: text(&self.agent),
            requester: text(&self.requester),
            first_response_minutes: self.first_response_minutes.at(row),
            first_response_business_minutes: self.first_response_business_minutes.at(row),
            resolution_minutes: self.resolution_minutes.at(row),
            resolution_business_minutes: self.resolution_business_minutes.at(row),
            replies: self.replies.at(row),
            reopens: self.reopens.at(row),
            satisfaction: match self.satisfaction[row] {
                Answer::None => None,
                Answer::Unanswered => Some(Satisfaction::Unanswered),
                answer => Some(Satisfaction::Rated {
                    satisfied: answer == Answer::Satisfied,
                    score,
                }),
            },
            nps_score: Some(self.nps_score[row]).filter(|s| *s != UNKNOWN_SCORE),
            handle_minutes: self.handle_minutes[row],
            tags: self
                .tags
                .of(row)
                .iter()
                .filter_map(|&code| self.tags.tags.names.get(code as usize - 1).cloned())
                .collect(),
            group_stations: self.group_stations.at(row),
            first_response_sla_met: self.first_response_sla_met[row],
            resolution_sla_met: self.resolution_sla_met[row],
            ces_score: self.ces_score[row],
            happiness: self.happiness[row],
            rating_comment: self.comment(row).map(Into::into),
            quality_score: self.quality_score[row],
            bot_involved: self.bot_involved[row],
        }
    }

    /// Every row as a `Ticket` (see `ticket`).
    pub fn tickets(&self) -> impl Iterator<Item = Ticket> + '_ {
        (0..self.len()).map(|row| self.ticket(row))
    }

    /// A finished table of `tickets`, as ingest would have read them (for tests and fuzzing).
    pub fn of_tickets(tickets: &[Ticket], zone: Option<Zone>) -> TicketTable {
        let mut table = TicketTable::for_reading(tickets.len());
        if let Some(building) = table.building.as_deref_mut() {
            building.places_stable = false;
        }
        for ticket in tickets {
            table.push(ticket);
        }
        table.finish(zone);
        table
    }
}

/// A canonical status's place in `Building::canonical_status`.
fn canonical_index(status: &Status) -> usize {
    match status {
        Status::New => 0,
        Status::Open => 1,
        Status::Pending => 2,
        Status::OnHold => 3,
        Status::Solved => 4,
        Status::Closed | Status::Other(_) => 5,
    }
}

fn rated_score(satisfaction: Option<&Satisfaction>) -> OptNumber {
    match satisfaction {
        Some(Satisfaction::Rated { score, .. }) => (*score).into(),
        _ => OptNumber::NONE,
    }
}

/// Both times known and the end before the start: an inconsistent row, left out and noted.
fn reversed(start: Option<Timestamp>, end: Option<Timestamp>) -> bool {
    matches!((start, end), (Some(start), Some(end)) if end < start)
}
