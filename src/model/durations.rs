//! A ticket's durations by the catalogue's timing source priority: the export's own duration
//! column, else the difference of two timestamps (wall clock of the data's zone).

use super::time::calendar::minutes_between;
use super::time::Zone;
use super::{Ticket, Timestamp};

impl Ticket {
    /// A reply time from timestamps whose reply comes before the creation: left out, and noted.
    pub fn reply_before_creation(&self) -> bool {
        self.first_response_minutes.is_none()
            && reversed(self.created_at.get(), self.first_response_at.get())
    }

    /// The same for a solved ticket's solve time.
    pub fn solve_before_creation(&self) -> bool {
        self.is_solved()
            && self.resolution_minutes.is_none()
            && reversed(self.created_at.get(), self.solved_at.get())
    }

    /// Calendar minutes to the first reply (timing source priority of the catalogue).
    pub fn calendar_first_response(&self, zone: Option<Zone>) -> Option<f64> {
        self.first_response_minutes
            .get()
            .or_else(|| minutes_between(zone, self.created_at.get(), self.first_response_at.get()))
    }

    /// Calendar minutes to the final solve.
    pub fn calendar_resolution(&self, zone: Option<Zone>) -> Option<f64> {
        self.resolution_minutes
            .get()
            .or_else(|| minutes_between(zone, self.created_at.get(), self.solved_at.get()))
    }

    /// When the first reply happened: its timestamp, or creation plus the export's minutes.
    pub fn replied_at(&self) -> Option<Timestamp> {
        self.first_response_at.get().or_else(|| {
            let minutes = self.first_response_minutes.get()?;
            self.created_at.get()?.checked_add((minutes * 60.0) as i64)
        })
    }

    /// When the final solve happened: creation plus the export's minutes, else its timestamp.
    pub fn solve_time(&self) -> Option<Timestamp> {
        if self.resolution_minutes.is_some() && self.created_at.is_some() {
            let minutes = self.resolution_minutes.get()?;
            self.created_at.get()?.checked_add((minutes * 60.0) as i64)
        } else {
            self.solved_at.get()
        }
    }
}

/// Both times known and the end before the start: an inconsistent row, left out and noted.
fn reversed(start: Option<Timestamp>, end: Option<Timestamp>) -> bool {
    matches!((start, end), (Some(start), Some(end)) if end < start)
}
