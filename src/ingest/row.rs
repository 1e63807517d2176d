//! One CSV row → the values of one ticket, or the reason it was skipped.

use csv::ByteRecord;

use std::collections::BTreeMap;

use super::columns::{Layout, Mapped};
use super::field::Field;
use super::lexicon::{self, Answer};
use super::values::{self, ReadBy};
use super::vendor::Vendor;
use super::SkippedRow;
use rustc_hash::FxHashMap;

use crate::message::Message;
use crate::model::{Happiness, Satisfaction, Status, Tags, Text, Ticket, Timestamp};

/// One shared copy of each distinct category cell of a file, worked out once: the normalised
/// channel, the lower-cased priority, the tags of a tag cell, the status. Half a million rows
/// then hold a handful of strings, and the normalising runs once per distinct value.
#[derive(Default)]
pub struct Texts {
    channels: FxHashMap<Box<str>, Text>,
    categories: FxHashMap<Box<str>, Text>,
    labels: FxHashMap<Box<str>, Text>,
    tags: FxHashMap<Box<str>, Tags>,
    /// Each distinct status cell: its reading, where that came from, and how many rows hold it.
    pub statuses: FxHashMap<Box<str>, (Status, ReadBy, usize)>,
    /// A satisfaction cell read as a rating and as a happiness level (the file's scale and
    /// vendor do not change within it), and how many rows hold it.
    pub ratings: FxHashMap<Box<str>, (Rating, ReadBy, usize)>,
    /// The person's own readings of status and answer values (normalised value → reading).
    pub your_statuses: BTreeMap<String, Status>,
    pub your_answers: BTreeMap<String, Answer>,
    /// Tickets kept without a creation time (the cell empty or unreadable).
    pub without_created: usize,
}

type Rating = (
    Result<Option<Satisfaction>, values::Unread>,
    Option<Happiness>,
);

fn shared(map: &mut FxHashMap<Box<str>, Text>, text: &str, make: impl Fn(&str) -> String) -> Text {
    if let Some(value) = map.get(text) {
        return value.clone();
    }
    let value: Text = make(text).into();
    map.insert(text.into(), value.clone());
    value
}

/// A record's cells as text, its UTF-8 checked once for the whole record. (The csv crate's
/// `StringRecord` checks each cell of a record that is not all ASCII: a name with an accent
/// makes that most records, and the checks were a fourteenth of reading.)
#[derive(Clone, Copy)]
pub struct Record<'r> {
    record: &'r ByteRecord,
    text: &'r str,
}

/// A record read as text: its UTF-8 checked already.
impl<'r> From<&'r csv::StringRecord> for Record<'r> {
    fn from(record: &'r csv::StringRecord) -> Record<'r> {
        Record {
            record: record.as_byte_record(),
            text: record.as_slice(),
        }
    }
}

impl<'r> Record<'r> {
    pub fn of(record: &'r ByteRecord) -> Result<Record<'r>, std::str::Utf8Error> {
        let text = std::str::from_utf8(record.as_slice())?;
        Ok(Record { record, text })
    }

    pub fn len(&self) -> usize {
        self.record.len()
    }

    /// Cell `index`. The record splits its text at ASCII bytes, so a cell always starts and
    /// ends on a character's boundary.
    pub fn get(&self, index: usize) -> Option<&'r str> {
        self.text.get(self.record.range(index)?)
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &'r str> + '_ {
        (0..self.len()).map(|index| self.get(index).unwrap_or_default())
    }
}

#[allow(clippy::too_many_arguments)]
pub fn read_ticket(
    ticket: &mut Ticket,
    texts: &mut Texts,
    file: &str,
    line: u64,
    record: Record,
    headers: &[String],
    layout: &Layout,
    vendor: &Vendor,
    set_aside: &mut Vec<SkippedRow>,
) -> Result<(), SkippedRow> {
    if record.len() != headers.len() {
        // A quote that is never closed swallows the lines after it into this row: say how many,
        // or they vanish without a trace.
        let breaks: usize = record.iter().map(|f| f.matches('\n').count()).sum();
        // The line break that ends the file belongs to its last line.
        let final_break = record.iter().next_back().is_some_and(|f| f.ends_with('\n'));
        let last_line = line + (breaks - usize::from(final_break)) as u64;
        let reason = if last_line > line {
            Message::new("row.width_quote")
                .with("line", line)
                .with("line2", line)
                .with("last", last_line)
                .with("last2", last_line)
        } else {
            Message::new("row.width")
        };
        let reason = reason
            .with("fields", record.len())
            .with("header", headers.len());
        return Err(SkippedRow::new(line, None, reason));
    }
    let skip = |column: &Mapped, reason: Message| {
        SkippedRow::new(line, Some(headers[column.index].clone()), reason)
    };

    // The ticket of the previous row, emptied; its id keeps its buffer.
    let id = std::mem::take(&mut ticket.id);
    *ticket = Ticket {
        id,
        ..Ticket::default()
    };
    ticket.id.clear();
    let mut closed_at: Option<Timestamp> = None;
    // One cell that cannot be read makes its field unknown for this ticket, not the ticket lost.
    let mut aside = |column: &Mapped, reason: Message| set_aside.push(skip(column, reason));
    for column in &layout.columns {
        let text = values::trim(record.get(column.index).unwrap_or(""));
        if lexicon::is_missing(text) {
            continue;
        }
        // `Err(unread)` from a cell's reading sets the cell aside, with its message.
        macro_rules! read {
            ($value:expr) => {
                match $value {
                    Ok(value) => value,
                    Err(unread) => {
                        aside(column, values::Unread::message(&unread));
                        continue;
                    }
                }
            };
        }
        match column.field {
            // GLPI groups the digits of its ids with no-break spaces ("5 732 943").
            Field::Id
                if text.contains(char::is_whitespace)
                    && text
                        .chars()
                        .all(|c| c.is_ascii_digit() || c.is_whitespace()) =>
            {
                ticket.id.extend(text.split_whitespace())
            }
            Field::Id => ticket.id.push_str(text),
            Field::Status => {
                let status = match texts.statuses.get_mut(text) {
                    Some((status, _, rows)) => {
                        *rows += 1;
                        status.clone()
                    }
                    None => {
                        let (status, by) =
                            values::status_read(text, vendor.statuses, &texts.your_statuses);
                        texts.statuses.insert(text.into(), (status.clone(), by, 1));
                        status
                    }
                };
                ticket.status = Some(status);
            }
            Field::Channel => {
                ticket.channel = Some(shared(&mut texts.channels, text, values::channel))
            }
            Field::Priority => {
                ticket.priority = Some(shared(&mut texts.categories, text, values::category))
            }
            Field::TicketType => {
                ticket.ticket_type = Some(shared(&mut texts.categories, text, values::category))
            }
            Field::Group => ticket.group = Some(shared(&mut texts.labels, text, str::to_string)),
            Field::Agent => ticket.agent = Some(shared(&mut texts.labels, text, str::to_string)),
            Field::Requester => {
                ticket.requester = Some(shared(&mut texts.labels, text, str::to_string))
            }
            field if field.is_datetime() => {
                let Some(form) = column.form else {
                    continue;
                };
                let Some(time) = form.parse_in(text, layout.zone) else {
                    aside(column, bad_date(text, form));
                    continue;
                };
                let Some(time) = read!(values::plausible_time(text, time)) else {
                    continue;
                };
                match field {
                    Field::CreatedAt => ticket.created_at = Some(time).into(),
                    Field::UpdatedAt => ticket.updated_at = Some(time).into(),
                    Field::SolvedAt => ticket.solved_at = Some(time).into(),
                    Field::ClosedAt => closed_at = Some(time),
                    _ => ticket.first_response_at = Some(time).into(),
                }
            }
            Field::Replies => ticket.replies = Some(read!(values::count(text))),
            Field::Reopens => ticket.reopens = Some(read!(values::count(text))),
            Field::Satisfaction => {
                let (rating, happiness) = match texts.ratings.get_mut(text) {
                    Some((known, _, rows)) => {
                        *rows += 1;
                        known.clone()
                    }
                    None => {
                        let (rating, by) = values::satisfaction_read(
                            text,
                            layout.rating_scale,
                            &texts.your_answers,
                        );
                        let read = (rating, values::happiness(text, vendor.id == "zoho_desk"));
                        texts.ratings.insert(text.into(), (read.clone(), by, 1));
                        read
                    }
                };
                ticket.happiness = happiness;
                ticket.satisfaction = read!(rating);
            }
            Field::Tags => {
                ticket.tags = match texts.tags.get(text) {
                    Some(tags) => tags.clone(),
                    None => {
                        let tags: Tags = values::tags(text).into_iter().map(Text::from).collect();
                        texts.tags.insert(text.into(), tags.clone());
                        tags
                    }
                }
            }
            Field::GroupStations => ticket.group_stations = Some(read!(values::count(text))),
            Field::FirstResponseSla => {
                ticket.first_response_sla_met = Some(read!(values::sla_met(text)))
            }
            Field::ResolutionSla => ticket.resolution_sla_met = Some(read!(values::sla_met(text))),
            Field::NpsScore => ticket.nps_score = Some(read!(values::nps_score(text))),
            Field::CesScore => ticket.ces_score = Some(read!(values::number(text))).into(),
            Field::RatingComment => ticket.rating_comment = Some(text.into()),
            Field::QualityScore => ticket.quality_score = Some(read!(values::percent(text))).into(),
            Field::BotInvolved => ticket.bot_involved = Some(values::flag(text)),
            Field::FirstResponseMinutes
            | Field::FirstResponseBusinessMinutes
            | Field::ResolutionMinutes
            | Field::ResolutionBusinessMinutes
            | Field::HandleMinutes => {
                let minutes = read!(values::duration_minutes(text, column.unit));
                let slot = match column.field {
                    Field::FirstResponseMinutes => &mut ticket.first_response_minutes,
                    Field::FirstResponseBusinessMinutes => {
                        &mut ticket.first_response_business_minutes
                    }
                    Field::ResolutionMinutes => &mut ticket.resolution_minutes,
                    Field::ResolutionBusinessMinutes => &mut ticket.resolution_business_minutes,
                    _ => &mut ticket.handle_minutes,
                };
                *slot = Some(minutes).into();
            }
            // Call, survey and customer fields belong to other kinds of export.
            _ => {}
        }
    }

    if ticket.solved_at.is_none() {
        ticket.solved_at = closed_at.into();
    }
    // Kept without it: the ticket counts, and stays out of date ranges and daily series.
    if layout.get(Field::CreatedAt).is_some() && ticket.created_at.is_none() {
        texts.without_created += 1;
    }
    match layout.get(Field::Id) {
        Some(column) if ticket.id.is_empty() => {
            return Err(skip(column, Message::new("row.no_id")))
        }
        Some(_) => {}
        // Without an id column a row is its own ticket: name it by file and line.
        None => ticket.id = format!("{file}:{line}"),
    }
    Ok(())
}

/// Why a date cell was not read: it is not written like the column's other dates.
pub fn bad_date(text: &str, form: super::datetime::DateForm) -> Message {
    Message::new("row.bad_date")
        .with("value", values::quoted(text))
        .with_message("msg_example", &form.example())
}

#[cfg(test)]
mod tests {
    use crate::ingest::read_export;

    #[test]
    fn a_cell_set_aside_says_why_as_a_message_with_the_english_beside_it() {
        let export = read_export(
            "t.csv",
            b"Id,Created at,Replies\n1,2024-01-01 10:00,2\n2,2024-01-02 10:00,many\n3,1706709900,1\n",
        )
        .unwrap();
        let cells = &export.source.set_aside_cells;
        let replies = cells.iter().find(|c| c.line == 3).unwrap();
        assert_eq!(replies.reason_key, "value.number");
        assert_eq!(replies.reason_args["value"], "'many'");
        assert_eq!(replies.reason, "'many' is not a number");
        assert_eq!(replies.message().text(), replies.reason);
        let date = cells.iter().find(|c| c.line == 4).unwrap();
        assert_eq!(date.reason_key, "row.bad_date");
        assert_eq!(date.reason, date.message().text());
        let json = serde_json::to_value(replies).unwrap();
        assert_eq!(json["reason"], "'many' is not a number");
        assert_eq!(json["reason_key"], "value.number");
    }

    fn skipped(text: &str) -> Vec<(u64, String)> {
        let export = read_export("t.csv", text.as_bytes()).unwrap();
        export
            .source
            .skipped_reasons
            .into_iter()
            .map(|s| (s.line, s.reason))
            .collect()
    }

    #[test]
    fn cells_are_trimmed_as_str_trim_does() {
        for cell in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "ab",
            "\u{a0}x\u{a0}",
            "x\u{3000}",
            "\tq\n",
            "é",
            "ok",
            "Kováčová",
            "\u{a0}Kováčová",
            "Kováčová\u{2003}",
            "x\u{a0}",
            "\u{a0}x",
        ] {
            assert_eq!(crate::ingest::values::trim(cell), cell.trim(), "{cell:?}");
        }
    }

    #[test]
    fn dates_before_1900_or_after_2100_are_set_aside_and_their_tickets_kept() {
        let export = read_export(
            "t.csv",
            b"Id,Status,Created at\n\
             1,Open,2024-01-01 10:00:00\n\
             2,Open,0001-01-01 00:00:00\n\
             3,Open,9999-12-31 23:59:59\n\
             4,Open,1900-01-01 00:00:00\n\
             5,Open,1900-01-01 00:01:00\n",
        )
        .unwrap();
        // Lines 3 and 4 are set aside; line 5 (ticket 4) holds Excel's empty date, so its
        // creation time is empty; line 6 is the earliest time accepted. All five tickets count.
        assert_eq!(export.tickets.len(), 5);
        assert_eq!(export.source.skipped, 0);
        let aside = &export.source.set_aside_cells;
        let lines: Vec<u64> = aside.iter().map(|s| s.line).collect();
        assert_eq!(lines, vec![3, 4]);
        assert!(
            aside[0].reason.contains("before 1900 or after 2100"),
            "{aside:?}"
        );
        assert!(
            export
                .source
                .warnings
                .iter()
                .any(|w| w.starts_with("3 tickets have no creation time in 'Created at'")),
            "{:?}",
            export.source.warnings
        );
    }

    #[test]
    fn one_odd_cell_costs_its_field_not_its_ticket() {
        // Ticket 2's reply count is a word, ticket 3's solve time is broken, ticket 4 writes
        // ServiceNow's "?" and ticket 5 "N/A"; the row without an id is the only one skipped.
        let export = read_export(
            "t.csv",
            "Id,Status,Created at,Solved at,Replies\n\
             1,Solved,2024-01-01 10:00,2024-01-01 11:00,2\n\
             2,Solved,2024-01-01 10:00,2024-01-01 12:00,two\n\
             3,Solved,2024-01-01 10:00,2024-13-45 99:00,1\n\
             4,Open,2024-01-01 10:00,?,?\n\
             5,Open,2024-01-01 10:00,N/A,\u{a0}\n\
             ,Open,2024-01-01 10:00,,1\n"
                .as_bytes(),
        )
        .unwrap();
        let ids: Vec<String> = export.tickets.tickets().map(|t| t.id).collect();
        assert_eq!(ids, ["1", "2", "3", "4", "5"]);
        assert_eq!(export.tickets.ticket(1).replies, None);
        assert!(export.tickets.ticket(2).solved_at.is_none());
        assert_eq!(export.tickets.ticket(2).replies, Some(1));
        assert_eq!(export.source.skipped, 1);
        assert_eq!(export.source.skipped_reasons[0].line, 7);
        assert_eq!(export.source.set_aside, 2);
        assert_eq!(
            export.source.set_aside_by_column,
            std::collections::BTreeMap::from([
                ("Replies".to_string(), 1),
                ("Solved at".to_string(), 1)
            ])
        );
    }

    #[test]
    fn an_unclosed_quote_names_the_lines_it_swallows() {
        // Line 3 opens a quote never closed: lines 3–5 (the last) become one ragged row.
        let reasons =
            skipped("Id,Subject,Status\n1,hello,Open\n2,\"Printer,Open\n3,x,Open\n4,y,Open\n");
        assert_eq!(reasons.len(), 1);
        assert_eq!(reasons[0].0, 3);
        assert!(
            reasons[0].1.contains("lines 3–5 are left out"),
            "{reasons:?}"
        );
    }
}
