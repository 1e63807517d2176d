//! The canonical fields a column can feed: the vocabulary shared by ingest, the table and the KPIs.

use serde::{Deserialize, Serialize};

/// A canonical ticket field (see `model::Ticket`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Id,
    CreatedAt,
    UpdatedAt,
    SolvedAt,
    /// Used for the solve time only where no solved/resolved time column exists.
    ClosedAt,
    FirstResponseAt,
    Status,
    Channel,
    Priority,
    TicketType,
    Group,
    Agent,
    Requester,
    FirstResponseMinutes,
    FirstResponseBusinessMinutes,
    ResolutionMinutes,
    ResolutionBusinessMinutes,
    Replies,
    Reopens,
    Satisfaction,
    NpsScore,
    HandleMinutes,
    /// Space- or comma-separated labels.
    Tags,
    /// Assignments to a group, the first included (Zendesk "Group stations").
    GroupStations,
    /// The export's own SLA verdicts ("Within SLA" / "SLA Violated").
    FirstResponseSla,
    ResolutionSla,
    /// Customer effort score.
    CesScore,
    /// The comment left with a rating.
    RatingComment,
    /// A QA review score, 0–100.
    QualityScore,
    /// Whether a bot took part ("yes"/"no", "true"/"false", a bot's name).
    BotInvolved,
    /// Calls: inbound or outbound.
    CallDirection,
    /// Calls: answered, missed, abandoned, voicemail ...
    CallOutcome,
    CallAnsweredAt,
    CallEndedAt,
    WaitMinutes,
    TalkMinutes,
    /// Surveys: the ticket the answer is about.
    TicketRef,
    /// Customers: first and last day as a customer.
    CustomerSince,
    CustomerUntil,
}

impl Field {
    /// Every field, in the order the page lists them.
    pub const ALL: [Field; 39] = [
        Field::Id,
        Field::CreatedAt,
        Field::UpdatedAt,
        Field::SolvedAt,
        Field::ClosedAt,
        Field::FirstResponseAt,
        Field::Status,
        Field::Channel,
        Field::Priority,
        Field::TicketType,
        Field::Group,
        Field::Agent,
        Field::Requester,
        Field::FirstResponseMinutes,
        Field::FirstResponseBusinessMinutes,
        Field::ResolutionMinutes,
        Field::ResolutionBusinessMinutes,
        Field::Replies,
        Field::Reopens,
        Field::Satisfaction,
        Field::NpsScore,
        Field::HandleMinutes,
        Field::Tags,
        Field::GroupStations,
        Field::FirstResponseSla,
        Field::ResolutionSla,
        Field::CesScore,
        Field::RatingComment,
        Field::QualityScore,
        Field::BotInvolved,
        Field::CallDirection,
        Field::CallOutcome,
        Field::CallAnsweredAt,
        Field::CallEndedAt,
        Field::WaitMinutes,
        Field::TalkMinutes,
        Field::TicketRef,
        Field::CustomerSince,
        Field::CustomerUntil,
    ];

    /// The field's name as the JSON writes it (`created_at`).
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    /// Whether a ticket export can feed the field: all but the call, survey and customer
    /// fields. Every field is named here, so a new one must be placed.
    pub fn is_ticket_field(self) -> bool {
        match self {
            Field::Id
            | Field::CreatedAt
            | Field::UpdatedAt
            | Field::SolvedAt
            | Field::ClosedAt
            | Field::FirstResponseAt
            | Field::Status
            | Field::Channel
            | Field::Priority
            | Field::TicketType
            | Field::Group
            | Field::Agent
            | Field::Requester
            | Field::FirstResponseMinutes
            | Field::FirstResponseBusinessMinutes
            | Field::ResolutionMinutes
            | Field::ResolutionBusinessMinutes
            | Field::Replies
            | Field::Reopens
            | Field::Satisfaction
            | Field::NpsScore
            | Field::HandleMinutes
            | Field::Tags
            | Field::GroupStations
            | Field::FirstResponseSla
            | Field::ResolutionSla
            | Field::CesScore
            | Field::RatingComment
            | Field::QualityScore
            | Field::BotInvolved => true,
            Field::CallDirection
            | Field::CallOutcome
            | Field::CallAnsweredAt
            | Field::CallEndedAt
            | Field::WaitMinutes
            | Field::TalkMinutes
            | Field::TicketRef
            | Field::CustomerSince
            | Field::CustomerUntil => false,
        }
    }

    /// A duration column's field.
    pub fn is_duration(self) -> bool {
        matches!(
            self,
            Field::FirstResponseMinutes
                | Field::FirstResponseBusinessMinutes
                | Field::ResolutionMinutes
                | Field::ResolutionBusinessMinutes
                | Field::HandleMinutes
                | Field::WaitMinutes
                | Field::TalkMinutes
        )
    }

    pub fn is_datetime(self) -> bool {
        matches!(
            self,
            Field::CreatedAt
                | Field::UpdatedAt
                | Field::SolvedAt
                | Field::ClosedAt
                | Field::FirstResponseAt
                | Field::CallAnsweredAt
                | Field::CallEndedAt
                | Field::CustomerSince
                | Field::CustomerUntil
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_listed_once_by_its_json_name() {
        let names: std::collections::BTreeSet<String> =
            Field::ALL.iter().map(|f| f.name()).collect();
        assert_eq!(names.len(), Field::ALL.len());
        assert_eq!(Field::CreatedAt.name(), "created_at");
        assert_eq!(Field::ALL.iter().max(), Some(&Field::CustomerUntil));
    }

    #[test]
    fn ticket_fields_are_all_but_the_call_survey_and_customer_fields() {
        let others: Vec<Field> = Field::ALL
            .into_iter()
            .filter(|f| !f.is_ticket_field())
            .collect();
        assert_eq!(
            others,
            [
                Field::CallDirection,
                Field::CallOutcome,
                Field::CallAnsweredAt,
                Field::CallEndedAt,
                Field::WaitMinutes,
                Field::TalkMinutes,
                Field::TicketRef,
                Field::CustomerSince,
                Field::CustomerUntil,
            ]
        );
        let tickets: Vec<Field> = Field::ALL
            .into_iter()
            .filter(|f| f.is_ticket_field())
            .collect();
        assert_eq!(tickets.len(), 30);
        assert_eq!(tickets.first(), Some(&Field::Id));
        assert_eq!(tickets.last(), Some(&Field::BotInvolved));
    }
}
