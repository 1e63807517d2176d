//! Rows of call, survey and customer exports. Tickets have their own reader (`row.rs`); these
//! share its rules: a cell that cannot be read skips the row, with line, column and reason.

use super::columns::Layout;
use super::field::{normalize_header, Field};
use super::row::Record;
use super::values;
use super::SkippedRow;
use crate::message::Message;
use crate::model::{Call, Customer, Direction, SurveyAnswer, Timestamp};

/// The cells of one row, read through the file's layout.
pub struct Cells<'a> {
    pub record: Record<'a>,
    pub headers: &'a [String],
    pub layout: &'a Layout,
    pub line: u64,
}

impl Cells<'_> {
    /// The trimmed text of a field's cell; `None` for no column or a blank cell.
    pub fn text(&self, field: Field) -> Option<&str> {
        let column = self.layout.get(field)?;
        let text = self.record.get(column.index)?.trim();
        (!text.is_empty()).then_some(text)
    }

    pub fn skip(&self, field: Field, reason: Message) -> SkippedRow {
        let column = self
            .layout
            .get(field)
            .map(|c| self.headers[c.index].clone());
        SkippedRow::new(self.line, column, reason)
    }

    /// The same for a cell that cannot be read.
    fn unread(&self, field: Field) -> impl Fn(values::Unread) -> SkippedRow + '_ {
        move |unread| self.skip(field, unread.message())
    }

    /// A field's time; `None` for no column, a blank cell or Excel's empty date. A time before
    /// 1900 or after 2100 skips the row, as it does a ticket's.
    pub fn time(&self, field: Field) -> Result<Option<Timestamp>, SkippedRow> {
        let (Some(text), Some(form)) = (
            self.text(field),
            self.layout.get(field).and_then(|c| c.form),
        ) else {
            return Ok(None);
        };
        let time = form
            .parse_in(text, self.layout.zone)
            .ok_or_else(|| self.skip(field, super::row::bad_date(text, form)))?;
        values::plausible_time(text, time).map_err(self.unread(field))
    }

    pub fn minutes(&self, field: Field) -> Result<Option<f64>, SkippedRow> {
        let (Some(text), Some(column)) = (self.text(field), self.layout.get(field)) else {
            return Ok(None);
        };
        values::duration_minutes(text, column.unit)
            .map(Some)
            .map_err(self.unread(field))
    }

    /// Checks the row's width against the header.
    pub fn check_width(&self) -> Result<(), SkippedRow> {
        if self.record.len() == self.headers.len() {
            return Ok(());
        }
        let reason = Message::new("row.width")
            .with("fields", self.record.len())
            .with("header", self.headers.len());
        Err(SkippedRow::new(self.line, None, reason))
    }
}

pub fn read_call(file: &str, cells: &Cells) -> Result<Call, SkippedRow> {
    cells.check_width()?;
    let started_at = cells.time(Field::CreatedAt)?;
    let answered_at = cells.time(Field::CallAnsweredAt)?;
    let ended_at = cells.time(Field::CallEndedAt)?;
    let direction = match cells.text(Field::CallDirection) {
        Some(text) => Some(direction(text).ok_or_else(|| {
            cells.skip(
                Field::CallDirection,
                Message::new("row.call_direction").with("value", format!("'{text}'")),
            )
        })?),
        None => None,
    };
    let answered = match cells.text(Field::CallOutcome) {
        Some(text) => Some(answered(text).ok_or_else(|| {
            cells.skip(
                Field::CallOutcome,
                Message::new("row.call_outcome").with("value", format!("'{text}'")),
            )
        })?),
        None => answered_at.map(|_| true),
    };
    let seconds_between = |a: Option<Timestamp>, b: Option<Timestamp>| {
        let (a, b) = (a?, b?);
        (b >= a).then(|| (b - a) as f64)
    };
    let wait_seconds = match cells.minutes(Field::WaitMinutes)? {
        Some(minutes) => Some(minutes * 60.0),
        None => seconds_between(started_at, answered_at),
    };
    let talk_seconds = match cells.minutes(Field::TalkMinutes)? {
        Some(minutes) => Some(minutes * 60.0),
        None => seconds_between(answered_at, ended_at),
    };
    Ok(Call {
        id: cells
            .text(Field::Id)
            .map_or_else(|| format!("{file}:{}", cells.line), str::to_string),
        started_at,
        direction,
        answered,
        wait_seconds,
        talk_seconds,
        agent: cells.text(Field::Agent).map(str::to_string),
    })
}

fn direction(text: &str) -> Option<Direction> {
    match normalize_header(text).as_str() {
        "inbound" | "incoming" | "in" | "inbound call" => Some(Direction::Inbound),
        "outbound" | "outgoing" | "out" | "outbound call" => Some(Direction::Outbound),
        _ => None,
    }
}

fn answered(text: &str) -> Option<bool> {
    match normalize_header(text).as_str() {
        "answered" | "completed" | "done" | "yes" | "true" | "1" | "accepted" => Some(true),
        "missed"
        | "abandoned"
        | "abandoned in queue"
        | "abandoned in ivr"
        | "voicemail"
        | "unanswered"
        | "not answered"
        | "no"
        | "false"
        | "0"
        | "declined"
        | "refused"
        | "abandoned in voicemail"
        | "callback requested" => Some(false),
        _ => None,
    }
}

pub fn read_survey(cells: &Cells) -> Result<SurveyAnswer, SkippedRow> {
    cells.check_width()?;
    let satisfaction = match cells.text(Field::Satisfaction) {
        Some(text) => values::satisfaction(text, cells.layout.rating_scale)
            .map_err(cells.unread(Field::Satisfaction))?,
        None => None,
    };
    let nps_score = match cells.text(Field::NpsScore) {
        Some(text) => Some(values::nps_score(text).map_err(cells.unread(Field::NpsScore))?),
        None => None,
    };
    let ces_score = match cells.text(Field::CesScore) {
        Some(text) => Some(values::number(text).map_err(cells.unread(Field::CesScore))?),
        None => None,
    };
    Ok(SurveyAnswer {
        ticket_id: cells.text(Field::TicketRef).map(str::to_string),
        answered_at: cells.time(Field::CreatedAt)?,
        satisfaction,
        nps_score,
        ces_score,
        comment: cells.text(Field::RatingComment).map(str::to_string),
    })
}

pub fn read_customer(cells: &Cells) -> Result<Customer, SkippedRow> {
    cells.check_width()?;
    let id = cells
        .text(Field::Id)
        .ok_or_else(|| cells.skip(Field::Id, Message::new("row.no_customer_id")))?;
    let start = cells
        .time(Field::CustomerSince)?
        .ok_or_else(|| cells.skip(Field::CustomerSince, Message::new("row.no_customer_start")))?;
    let end = cells.time(Field::CustomerUntil)?;
    if end.is_some_and(|end| end < start) {
        return Err(cells.skip(
            Field::CustomerUntil,
            Message::new("row.customer_end_before_start"),
        ));
    }
    Ok(Customer {
        id: id.to_string(),
        start,
        end,
    })
}

#[cfg(test)]
mod tests {
    use crate::ingest::{read_export, Export};

    fn read(text: &str) -> Export {
        read_export("t.csv", text.as_bytes()).unwrap()
    }

    fn skipped_lines(export: &Export) -> Vec<u64> {
        export
            .source
            .skipped_reasons
            .iter()
            .map(|s| s.line)
            .collect()
    }

    #[test]
    fn survey_dates_before_1900_or_after_2100_cost_their_row() {
        // Year 1 and year 9999 would stretch the weekly series over half a million weeks.
        let export = read(
            "Response ID,Ticket ID,Submitted at,CSAT\n\
             r1,1,2024-03-05 10:00:00,5\n\
             r2,2,0001-01-01 00:00:00,4\n\
             r3,3,9999-12-31 23:59:59,3\n\
             r4,4,1900-01-01 00:00:00,2\n",
        );
        assert_eq!(export.source.kind, "surveys");
        assert_eq!(skipped_lines(&export), vec![3, 4]);
        assert!(export
            .source
            .skipped_reasons
            .iter()
            .all(|s| s.reason.contains("is before 1900 or after 2100")));
        // Excel's empty date (line 5) is no date: the answer is kept, undated.
        let dates: Vec<_> = export.surveys.iter().map(|s| s.answered_at).collect();
        assert_eq!(dates.len(), 2);
        assert!(dates[0].is_some());
        assert_eq!(dates[1], None);
    }

    #[test]
    fn call_dates_before_1900_or_after_2100_cost_their_row() {
        let export = read(
            "Call ID (UUID),Date / Time,Call direction,Answered,Waiting time,In call duration\n\
             CA1,2024-06-03 09:00:00,Inbound,Yes,20,300\n\
             CA2,9999-12-31 23:59:59,Inbound,Yes,20,300\n",
        );
        assert_eq!(export.source.kind, "calls");
        assert_eq!(skipped_lines(&export), vec![3]);
        assert_eq!(export.calls.len(), 1);
    }

    #[test]
    fn customer_dates_before_1900_or_after_2100_cost_their_row() {
        let export = read(
            "Customer ID,Customer since,Customer until\n\
             c1,2023-01-10,\n\
             c2,0001-01-01,\n\
             c3,2023-01-10,9999-12-31\n",
        );
        assert_eq!(export.source.kind, "customers");
        assert_eq!(skipped_lines(&export), vec![3, 4]);
        assert_eq!(export.customers.len(), 1);
    }
}
