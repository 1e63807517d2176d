//! Survey exports: one answer per row, with a ticket (or conversation) reference and one or more
//! of a CSAT rating, a 0–10 recommendation score and a customer effort score. Survey tools name
//! them differently; these are the usual names.

use super::{RecordKind, Vendor};
use crate::ingest::field::{ColumnSpec as C, Field::*};

pub const SURVEYS: Vendor = Vendor {
    kind: RecordKind::Surveys,
    id: "survey",
    name: "survey answers",
    signature: &[
        "survey id",
        "response id",
        "survey",
        "survey name",
        "question",
        "nps",
        "nps score",
        "likelihood to recommend",
        "ces",
        "ces score",
        "customer effort score",
        "csat",
        "csat score",
        "responded at",
        "response date",
        "submitted at",
        "answered at",
        "comment",
        "feedback",
    ],
    min_signature: 3,
    columns: &[
        C::new(
            TicketRef,
            &[
                "ticket id",
                "ticket",
                "ticket number",
                "conversation id",
                "case number",
            ],
        ),
        C::new(
            CreatedAt,
            &[
                "responded at",
                "response date",
                "submitted at",
                "answered at",
                "date",
                "created at",
            ],
        ),
        C::new(
            Satisfaction,
            &[
                "csat",
                "csat score",
                "satisfaction",
                "satisfaction rating",
                "rating",
            ],
        ),
        C::new(
            NpsScore,
            &[
                "nps",
                "nps score",
                "likelihood to recommend",
                "recommendation score",
            ],
        ),
        C::new(
            CesScore,
            &["ces", "ces score", "customer effort score", "effort score"],
        ),
        C::new(
            RatingComment,
            &["comment", "feedback", "reason", "comments"],
        ),
    ],
    statuses: &[],
};
