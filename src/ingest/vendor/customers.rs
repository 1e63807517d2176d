//! A customers file for retention and churn: one customer per row with the day they became a
//! customer and, for those who left, the day they left.

use super::{RecordKind, Vendor};
use crate::ingest::field::{ColumnSpec as C, Field::*};

pub const CUSTOMERS: Vendor = Vendor {
    kind: RecordKind::Customers,
    id: "customers",
    name: "customers file",
    signature: &[
        "customer id",
        "customer since",
        "customer until",
        "start date",
        "end date",
        "subscription start",
        "subscription end",
        "signup date",
        "churn date",
        "churned at",
        "cancelled at",
        "canceled at",
    ],
    min_signature: 2,
    columns: &[
        C::new(
            Id,
            &["customer id", "account id", "id", "customer", "email"],
        ),
        C::new(
            CustomerSince,
            &[
                "customer since",
                "start date",
                "subscription start",
                "signup date",
                "start",
            ],
        ),
        C::new(
            CustomerUntil,
            &[
                "customer until",
                "end date",
                "subscription end",
                "churn date",
                "churned at",
                "cancelled at",
                "canceled at",
                "end",
            ],
        ),
    ],
    statuses: &[],
};
