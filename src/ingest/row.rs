//! One CSV row → one `Ticket`, or the reason it was skipped.

use csv::StringRecord;

use super::columns::{Layout, Mapped};
use super::field::Field;
use super::values;
use super::vendor::Vendor;
use super::SkippedRow;
use crate::model::{Ticket, Timestamp};

pub fn read_ticket(
    file: &str,
    line: u64,
    record: &StringRecord,
    headers: &[String],
    layout: &Layout,
    vendor: &Vendor,
) -> Result<Ticket, SkippedRow> {
    if record.len() != headers.len() {
        return Err(SkippedRow {
            line,
            column: None,
            reason: format!(
                "the row has {} fields but the header has {}: a quote or a delimiter in it may be \
                 broken",
                record.len(),
                headers.len()
            ),
        });
    }
    let skip = |column: &Mapped, reason: String| SkippedRow {
        line,
        column: Some(headers[column.index].clone()),
        reason,
    };

    let mut ticket = Ticket::default();
    let mut closed_at: Option<Timestamp> = None;
    for column in &layout.columns {
        let text = record.get(column.index).unwrap_or("").trim();
        if text.is_empty() {
            continue;
        }
        let label = || text.to_string();
        match column.field {
            Field::Id => ticket.id = label(),
            Field::Status => ticket.status = Some(values::status(text, vendor.statuses)),
            Field::Channel => ticket.channel = Some(values::channel(text)),
            Field::Priority => ticket.priority = Some(values::category(text)),
            Field::TicketType => ticket.ticket_type = Some(values::category(text)),
            Field::Group => ticket.group = Some(label()),
            Field::Agent => ticket.agent = Some(label()),
            Field::Requester => ticket.requester = Some(label()),
            field if field.is_datetime() => {
                let form = column
                    .form
                    .ok_or_else(|| skip(column, "no date form".into()))?;
                let time = form.parse_in(text, layout.zone).ok_or_else(|| {
                    skip(
                        column,
                        format!(
                            "'{text}' is not a date written like the others in this column (e.g. {})",
                            form.describe()
                        ),
                    )
                })?;
                match field {
                    Field::CreatedAt => ticket.created_at = Some(time),
                    Field::UpdatedAt => ticket.updated_at = Some(time),
                    Field::SolvedAt => ticket.solved_at = Some(time),
                    Field::ClosedAt => closed_at = Some(time),
                    _ => ticket.first_response_at = Some(time),
                }
            }
            Field::Replies => {
                ticket.replies = Some(values::count(text).map_err(|e| skip(column, e))?)
            }
            Field::Reopens => {
                ticket.reopens = Some(values::count(text).map_err(|e| skip(column, e))?)
            }
            Field::Satisfaction => {
                ticket.satisfaction =
                    values::satisfaction(text, layout.rating_scale).map_err(|e| skip(column, e))?;
                ticket.happiness = values::happiness(text);
            }
            Field::Tags => ticket.tags = values::tags(text),
            Field::GroupStations => {
                ticket.group_stations = Some(values::count(text).map_err(|e| skip(column, e))?)
            }
            Field::FirstResponseSla => {
                ticket.first_response_sla_met =
                    Some(values::sla_met(text).map_err(|e| skip(column, e))?)
            }
            Field::ResolutionSla => {
                ticket.resolution_sla_met =
                    Some(values::sla_met(text).map_err(|e| skip(column, e))?)
            }
            Field::NpsScore => {
                ticket.nps_score = Some(values::nps_score(text).map_err(|e| skip(column, e))?)
            }
            Field::CesScore => {
                ticket.ces_score = Some(values::number(text).map_err(|e| skip(column, e))?)
            }
            Field::RatingComment => ticket.rating_comment = Some(label()),
            Field::QualityScore => {
                ticket.quality_score = Some(values::percent(text).map_err(|e| skip(column, e))?)
            }
            Field::BotInvolved => ticket.bot_involved = Some(values::flag(text)),
            Field::FirstResponseMinutes
            | Field::FirstResponseBusinessMinutes
            | Field::ResolutionMinutes
            | Field::ResolutionBusinessMinutes
            | Field::HandleMinutes => {
                let minutes =
                    values::duration_minutes(text, column.unit).map_err(|e| skip(column, e))?;
                let slot = match column.field {
                    Field::FirstResponseMinutes => &mut ticket.first_response_minutes,
                    Field::FirstResponseBusinessMinutes => {
                        &mut ticket.first_response_business_minutes
                    }
                    Field::ResolutionMinutes => &mut ticket.resolution_minutes,
                    Field::ResolutionBusinessMinutes => &mut ticket.resolution_business_minutes,
                    _ => &mut ticket.handle_minutes,
                };
                *slot = Some(minutes);
            }
            // Call, survey and customer fields belong to other kinds of export.
            _ => {}
        }
    }

    if ticket.solved_at.is_none() {
        ticket.solved_at = closed_at;
    }
    if let Some(column) = layout.get(Field::CreatedAt) {
        if ticket.created_at.is_none() {
            return Err(skip(column, "the creation time is empty".to_string()));
        }
    }
    match layout.get(Field::Id) {
        Some(column) if ticket.id.is_empty() => {
            return Err(skip(column, "the ticket id is empty".to_string()))
        }
        Some(_) => {}
        // Without an id column a row is its own ticket: name it by file and line.
        None => ticket.id = format!("{file}:{line}"),
    }
    Ok(ticket)
}
