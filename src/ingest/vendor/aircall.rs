//! Aircall call exports: the call history / Analytics+ export (labels such as `Call direction`,
//! `Answered` Yes/No, `Unanswered Call Reason`, `Waiting time`, `In call duration`, `User`) and the
//! API's field names (`started_at`, `answered_at`, `ended_at`, `direction`, `status`,
//! `missed_call_reason`, `user_name`), from Aircall's help center article "Analytics: Call
//! attributes" and its API reference. The exact CSV labels vary by dashboard: both are listed.
//! Durations are seconds.

use super::{RecordKind, Vendor};
use crate::ingest::field::{ColumnSpec as C, Field::*};

pub const AIRCALL: Vendor = Vendor {
    kind: RecordKind::Calls,
    id: "aircall",
    name: "Aircall call export",
    signature: &[
        "call id (uuid)",
        "call direction",
        "call direction type",
        "call type",
        "unanswered call reason",
        "missed call reason",
        "in call duration",
        "waiting time",
        "answered at",
        "started at",
        "ended at",
        "aircall link",
        "user name",
        "number name",
    ],
    min_signature: 3,
    columns: &[
        C::new(
            Id,
            &["call id (uuid)", "call id (internal)", "call id", "id"],
        ),
        C::new(
            CreatedAt,
            &[
                "started at",
                "date / time",
                "date time",
                "date",
                "call date",
            ],
        ),
        C::new(CallAnsweredAt, &["answered at"]),
        C::new(CallEndedAt, &["ended at"]),
        C::new(CallDirection, &["call direction", "direction"]),
        C::new(CallOutcome, &["answered", "status", "call type"]),
        C::new(
            WaitMinutes,
            &["waiting time", "wait time", "waiting duration"],
        )
        .seconds(),
        C::new(
            TalkMinutes,
            &["in call duration", "talk time", "duration (in call)"],
        )
        .seconds(),
        C::new(Agent, &["user", "user name", "agent"]),
    ],
    statuses: &[],
};
