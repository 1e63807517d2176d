//! The model: the canonical ticket (what every vendor's row becomes after ingest), the fields a
//! column can feed, and time. The lowest layer: it imports nothing else of the crate.
//!
//! Times are seconds since the Unix epoch. Naive export times (no offset, the usual case: Zendesk
//! shows times in the account's zone) are read as if they were UTC, so day buckets follow the
//! export's own wall clock and durations stay exact between two times of the same export.

pub mod field;
pub mod table;
pub mod terms;
pub mod time;

use std::fmt;

pub use field::Field;

/// A category's text (channel, agent, tag, ...): one shared copy per distinct value of a file,
/// so half a million tickets hold a handful of strings, not millions.
pub type Text = std::rc::Rc<str>;

/// Seconds since 1970-01-01T00:00:00 (export wall clock or UTC, see the module doc).
pub type Timestamp = i64;

/// A ticket's tags: one shared list per distinct tag cell of a file, so a ticket holds a pointer,
/// not a list of its own.
pub type Tags = std::rc::Rc<[Text]>;

/// An optional time in 8 bytes, where `Option<Timestamp>` takes 16: a ticket holds four, and a
/// 1 GB export five million tickets. `i64::MIN`, far outside the 1900–2100 that ingest accepts,
/// stands for "none".
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct OptTime(i64);

impl OptTime {
    pub const NONE: OptTime = OptTime(i64::MIN);

    pub fn get(self) -> Option<Timestamp> {
        (self.0 != i64::MIN).then_some(self.0)
    }

    pub fn is_some(self) -> bool {
        self.0 != i64::MIN
    }

    pub fn is_none(self) -> bool {
        self.0 == i64::MIN
    }
}

impl Default for OptTime {
    fn default() -> OptTime {
        OptTime::NONE
    }
}

impl From<Option<Timestamp>> for OptTime {
    fn from(value: Option<Timestamp>) -> OptTime {
        value.map_or(OptTime::NONE, OptTime)
    }
}

impl fmt::Debug for OptTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.get().fmt(f)
    }
}

/// An optional number in 8 bytes, where `Option<f64>` takes 16: NaN stands for "none" (ingest
/// reads only finite numbers, so no value is lost).
#[derive(Clone, Copy)]
pub struct OptNumber(f64);

impl OptNumber {
    pub const NONE: OptNumber = OptNumber(f64::NAN);

    pub fn get(self) -> Option<f64> {
        (!self.0.is_nan()).then_some(self.0)
    }

    pub fn is_some(self) -> bool {
        !self.0.is_nan()
    }

    pub fn is_none(self) -> bool {
        self.0.is_nan()
    }
}

impl Default for OptNumber {
    fn default() -> OptNumber {
        OptNumber::NONE
    }
}

impl From<Option<f64>> for OptNumber {
    fn from(value: Option<f64>) -> OptNumber {
        value.map_or(OptNumber::NONE, OptNumber)
    }
}

impl PartialEq for OptNumber {
    fn eq(&self, other: &OptNumber) -> bool {
        self.get() == other.get()
    }
}

impl fmt::Debug for OptNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.get().fmt(f)
    }
}

/// Canonical ticket status (catalogue, "Conventions").
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    New,
    Open,
    Pending,
    OnHold,
    Solved,
    Closed,
    /// A vendor value we do not know, lower-cased. Counted as unsolved.
    Other(String),
}

impl Status {
    /// Solved or closed: the catalogue's definition of a solved ticket.
    pub fn is_solved(&self) -> bool {
        matches!(self, Status::Solved | Status::Closed)
    }

    /// The status `as_str` names: a canonical name, or the export's own (lower-cased) word.
    pub fn from_name(name: &str) -> Status {
        match name {
            "new" => Status::New,
            "open" => Status::Open,
            "pending" => Status::Pending,
            "on_hold" => Status::OnHold,
            "solved" => Status::Solved,
            "closed" => Status::Closed,
            other => Status::Other(other.to_string()),
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Status::New => "new",
            Status::Open => "open",
            Status::Pending => "pending",
            Status::OnHold => "on_hold",
            Status::Solved => "solved",
            Status::Closed => "closed",
            Status::Other(s) => s,
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One customer-satisfaction answer, or an offer that was not answered.
#[derive(Clone, Debug, PartialEq)]
pub enum Satisfaction {
    /// The survey was offered and not answered (Zendesk "Offered").
    Unanswered,
    /// A rating: `satisfied` per the catalogue's CSAT rule; `score` when the scale is numeric.
    Rated { satisfied: bool, score: Option<f64> },
}

/// One ticket's values as a row of an export gives them: what ingest reads a row into before
/// the table takes them (`table::TicketTable::push`), and a row of the table shown whole for
/// tests. The KPIs read the table. `None` means the export does not say.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ticket {
    pub id: String,
    pub created_at: OptTime,
    pub updated_at: OptTime,
    pub solved_at: OptTime,
    pub first_response_at: OptTime,
    pub status: Option<Status>,
    pub channel: Option<Text>,
    pub priority: Option<Text>,
    pub ticket_type: Option<Text>,
    pub group: Option<Text>,
    pub agent: Option<Text>,
    pub requester: Option<Text>,
    /// Calendar minutes, from the export's own column.
    pub first_response_minutes: OptNumber,
    /// Business minutes, from the export's own column.
    pub first_response_business_minutes: OptNumber,
    /// Full resolution (created → final solve), calendar minutes, from the export's own column.
    pub resolution_minutes: OptNumber,
    pub resolution_business_minutes: OptNumber,
    /// Public agent replies.
    pub replies: Option<u32>,
    pub reopens: Option<u32>,
    pub satisfaction: Option<Satisfaction>,
    /// 0–10 "how likely are you to recommend" answer.
    pub nps_score: Option<u8>,
    pub handle_minutes: OptNumber,
    pub tags: Tags,
    pub group_stations: Option<u32>,
    /// The export's own verdict: was the first-response target met?
    pub first_response_sla_met: Option<bool>,
    pub resolution_sla_met: Option<bool>,
    /// Customer effort score, on the scale of the settings (default 1–7, 7 = easiest).
    pub ces_score: OptNumber,
    /// Help Scout's three-level rating, for the happiness score.
    pub happiness: Option<Happiness>,
    /// The comment left with a rating, for feedback trends.
    pub rating_comment: Option<Box<str>>,
    /// A QA / quality review score, 0–100.
    pub quality_score: OptNumber,
    /// Whether a bot took part in the conversation.
    pub bot_involved: Option<bool>,
}

/// Help Scout's ratings: great / okay / not good (catalogue, `happiness_score`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Happiness {
    Great,
    Okay,
    NotGood,
}

/// Which way a call went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Inbound,
    Outbound,
}

/// A phone call from a call export (Aircall, Zendesk Talk, ...).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Call {
    pub id: String,
    pub started_at: Option<Timestamp>,
    pub direction: Option<Direction>,
    /// Answered by an agent; `false` for abandoned, missed or voicemail.
    pub answered: Option<bool>,
    /// Waiting before an agent answered.
    pub wait_seconds: Option<f64>,
    pub talk_seconds: Option<f64>,
    pub agent: Option<String>,
}

/// One answer of a survey export (CSAT, NPS or CES questions, any of them), joined to its
/// ticket by id where it names one that the data has.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SurveyAnswer {
    pub ticket_id: Option<String>,
    pub answered_at: Option<Timestamp>,
    pub satisfaction: Option<Satisfaction>,
    pub nps_score: Option<u8>,
    pub ces_score: Option<f64>,
    pub comment: Option<String>,
}

/// A customer of a customers file: active from `start` until `end` (open when `None`).
#[derive(Clone, Debug, PartialEq)]
pub struct Customer {
    pub id: String,
    pub start: Timestamp,
    pub end: Option<Timestamp>,
}

impl Ticket {
    /// Solved per the catalogue: the status decides; only without a status does a solve time.
    pub fn is_solved(&self) -> bool {
        match &self.status {
            Some(status) => status.is_solved(),
            None => self.solved_at.is_some(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_options_hold_what_an_option_holds_in_half_the_bytes() {
        assert_eq!(std::mem::size_of::<OptTime>(), 8);
        assert_eq!(std::mem::size_of::<OptNumber>(), 8);
        for time in [None, Some(0), Some(-1), Some(i64::MIN + 1), Some(i64::MAX)] {
            assert_eq!(OptTime::from(time).get(), time);
        }
        for number in [
            None,
            Some(0.0),
            Some(-0.5),
            Some(1e300),
            Some(f64::INFINITY),
        ] {
            assert_eq!(OptNumber::from(number).get(), number);
        }
        // NaN is no number of minutes: it reads as "none", and two nones are equal.
        assert_eq!(OptNumber::from(Some(f64::NAN)).get(), None);
        assert_eq!(OptNumber::NONE, OptNumber::from(None));
        assert_eq!(OptTime::default(), OptTime::NONE);
        assert_eq!(format!("{:?}", OptTime::from(Some(5))), "Some(5)");
    }
}
