//! Zendesk Talk calls: the Explore call export and the Talk API's incremental call export
//! (`created_at`, `direction`, `completion_status`, `wait_time`, `talk_time`, `hold_time`,
//! `agent_id`), from Zendesk's Talk API reference. The Explore labels (`Call ID`, `Call
//! direction`, `Call completion status`, `Call wait time`, `Call talk time`) are unverified.
//! Durations are seconds.

use super::{RecordKind, Vendor};
use crate::ingest::field::{ColumnSpec as C, Field::*};

pub const ZENDESK_TALK: Vendor = Vendor {
    kind: RecordKind::Calls,
    id: "zendesk_talk",
    name: "Zendesk Talk call export",
    signature: &[
        "completion status",
        "call completion status",
        "wait time",
        "call wait time",
        "talk time",
        "call talk time",
        "hold time",
        "call hold time",
        "wrap up time",
        "ivr time spent",
        "exceeded queue wait time",
        "call direction",
    ],
    min_signature: 3,
    columns: &[
        C::new(Id, &["call id", "id"]),
        C::new(
            CreatedAt,
            &[
                "call created timestamp",
                "call created",
                "created at",
                "call date",
            ],
        ),
        C::new(CallDirection, &["call direction", "direction"]),
        C::new(
            CallOutcome,
            &["call completion status", "completion status"],
        ),
        C::new(WaitMinutes, &["call wait time", "wait time"]).seconds(),
        C::new(TalkMinutes, &["call talk time", "talk time"]).seconds(),
        C::new(Agent, &["agent name", "agent", "agent id"]),
    ],
    statuses: &[],
};
