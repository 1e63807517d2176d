//! Calls: speed of answer, abandon rate and talk time, from call exports.

use super::{Kpi, SECONDS};
use crate::dataset::Dataset;
use crate::message::Message;
use crate::model::Direction;

/// Inbound: the direction says so; a call export without directions counts every call.
fn inbound(dataset: &Dataset) -> impl Iterator<Item = &crate::model::Call> {
    dataset
        .calls
        .iter()
        .filter(|c| c.direction != Some(Direction::Outbound))
}

/// `average_speed_of_answer`: mean wait before an agent answered, answered inbound calls only.
pub fn average_speed_of_answer(dataset: &Dataset) -> Kpi {
    let waits: Vec<f64> = inbound(dataset)
        .filter(|c| c.answered == Some(true))
        .filter_map(|c| c.wait_seconds)
        .collect();
    Kpi::mean_of(SECONDS, &waits, Message::new("calls.no_wait"))
}

/// `abandon_rate`: inbound calls abandoned or missed ÷ inbound calls (with a known outcome).
pub fn abandon_rate(dataset: &Dataset) -> Kpi {
    let outcomes: Vec<bool> = inbound(dataset).filter_map(|c| c.answered).collect();
    let abandoned = outcomes.iter().filter(|answered| !**answered).count();
    Kpi::percent(abandoned, outcomes.len(), Message::new("calls.no_outcome"))
}

/// `average_talk_time`: mean talk time of answered calls.
pub fn average_talk_time(dataset: &Dataset) -> Kpi {
    let talks: Vec<f64> = dataset
        .calls
        .iter()
        .filter(|c| c.answered == Some(true))
        .filter_map(|c| c.talk_seconds)
        .collect();
    Kpi::mean_of(SECONDS, &talks, Message::new("calls.no_talk"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi::tests::dataset;

    #[test]
    fn answer_abandon_talk() {
        // Inbound: 1 (answered, waited 20 s, talked 300), 2 (missed), 4 (answered, 40 s, 600),
        // 5 (abandoned). Outbound 3 answered, talked 120.
        let data = dataset(
            "Call ID (UUID),Date / Time,Call direction,Answered,Waiting time,In call duration\n\
             1,2024-06-03 09:00:00,Inbound,Yes,20,300\n\
             2,2024-06-03 09:10:00,Inbound,No,45,0\n\
             3,2024-06-03 09:20:00,Outbound,Yes,0,120\n\
             4,2024-06-03 10:00:00,Inbound,Yes,40,600\n\
             5,2024-06-03 11:00:00,Inbound,No,5,0\n",
        );
        // Waits of answered inbound: 20, 40 → 30 s.
        assert_eq!(average_speed_of_answer(&data).value, Some(30.0));
        // 2 of 4 inbound not answered.
        assert_eq!(abandon_rate(&data).value, Some(50.0));
        // Talk of answered calls: 300, 120, 600 → 340 s.
        assert_eq!(average_talk_time(&data).value, Some(340.0));
    }
}
