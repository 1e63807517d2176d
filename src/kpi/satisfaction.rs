//! Satisfaction: CSAT, its response rate, NPS.

use super::{Kpi, PERCENT, SCORE};
use crate::dataset::Dataset;
use crate::ingest::Field;
use crate::model::Satisfaction;

const NO_SATISFACTION: &str = "no satisfaction column in this export (e.g. Zendesk \
                               'Satisfaction Score', Freshdesk 'Survey results')";

/// `csat`: satisfied ÷ rated, with the mean score on numeric scales and n rated.
pub fn csat(dataset: &Dataset) -> Kpi {
    if !dataset.has(Field::Satisfaction) {
        return Kpi::null(PERCENT, NO_SATISFACTION);
    }
    let (mut satisfied, mut rated, mut scores) = (0, 0, Vec::new());
    for answer in dataset
        .tickets
        .iter()
        .filter_map(|t| t.satisfaction.as_ref())
    {
        if let Satisfaction::Rated {
            satisfied: is_satisfied,
            score,
        } = answer
        {
            rated += 1;
            satisfied += usize::from(*is_satisfied);
            scores.extend(score);
        }
    }
    let mut kpi = Kpi::percent(satisfied, rated, "no rated ticket in the selection");
    kpi.mean = super::stats::mean(&scores);
    kpi
}

/// `csat_response_rate`: rated ÷ (rated + offered but unanswered); null where the export does not
/// mark unanswered offers.
pub fn csat_response_rate(dataset: &Dataset) -> Kpi {
    if !dataset.has(Field::Satisfaction) {
        return Kpi::null(PERCENT, NO_SATISFACTION);
    }
    let answers = dataset
        .tickets
        .iter()
        .filter_map(|t| t.satisfaction.as_ref());
    let (mut rated, mut unanswered) = (0, 0);
    for answer in answers {
        match answer {
            Satisfaction::Rated { .. } => rated += 1,
            Satisfaction::Unanswered => unanswered += 1,
        }
    }
    if unanswered == 0 {
        return Kpi::null(
            PERCENT,
            "the export does not mark surveys that were offered but not answered (Zendesk \
             'Offered'), so the response rate is unknown",
        );
    }
    Kpi::percent(
        rated,
        rated + unanswered,
        "no survey offered in the selection",
    )
}

/// `nps`: % promoters (9–10) − % detractors (0–6) over 0–10 answers.
pub fn nps(dataset: &Dataset) -> Kpi {
    if !dataset.has(Field::NpsScore) {
        return Kpi::null(SCORE, "no 0–10 recommendation (NPS) column in this export");
    }
    let scores: Vec<u8> = dataset.tickets.iter().filter_map(|t| t.nps_score).collect();
    if scores.is_empty() {
        return Kpi::null(SCORE, "no NPS answer in the selection");
    }
    let promoters = scores.iter().filter(|&&s| s >= 9).count();
    let detractors = scores.iter().filter(|&&s| s <= 6).count();
    let passives = scores.len() - promoters - detractors;
    let n = scores.len() as f64;
    let mut kpi = Kpi {
        value: Some(100.0 * promoters as f64 / n - 100.0 * detractors as f64 / n),
        unit: SCORE,
        n: Some(scores.len()),
        ..Kpi::default()
    };
    kpi.extras.insert("promoters", promoters as f64);
    kpi.extras.insert("passives", passives as f64);
    kpi.extras.insert("detractors", detractors as f64);
    kpi
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi::tests::dataset;

    #[test]
    fn csat_on_a_five_point_scale_and_response_rate() {
        // Rated: 5, 4, 3, 1 → satisfied (4–5): 2 of 4 = 50 %; mean 13/4 = 3.25.
        // Offered but unanswered: 2 → response rate 4 / (4 + 2).
        let data = dataset(
            "Id,Status,Created at,Satisfaction Score\n\
             1,Solved,2024-01-01 09:00,5\n\
             2,Solved,2024-01-01 09:00,4\n\
             3,Solved,2024-01-01 09:00,3\n\
             4,Solved,2024-01-01 09:00,1\n\
             5,Solved,2024-01-01 09:00,Offered\n\
             6,Solved,2024-01-01 09:00,Offered\n\
             7,Solved,2024-01-01 09:00,Not Offered\n\
             8,Solved,2024-01-01 09:00,\n",
        );
        let kpi = csat(&data);
        assert_eq!(kpi.value, Some(50.0));
        assert_eq!(kpi.n, Some(4));
        assert_eq!(kpi.mean, Some(3.25));
        assert_eq!(csat_response_rate(&data).value, Some(100.0 * 4.0 / 6.0));
    }

    #[test]
    fn csat_good_and_bad() {
        // Good, Good, Bad: 2 of 3.
        let data = dataset(
            "Id,Status,Created at,Satisfaction Score\n\
             1,Solved,2024-01-01 09:00,Good\n\
             2,Solved,2024-01-01 09:00,Good\n\
             3,Solved,2024-01-01 09:00,Bad\n",
        );
        assert_eq!(csat(&data).value, Some(200.0 / 3.0));
        assert_eq!(csat(&data).mean, None);
        assert_eq!(csat_response_rate(&data).value, None);
    }

    #[test]
    fn nps_promoters_minus_detractors() {
        // 10, 9, 8, 6, 0: promoters 2, passives 1, detractors 2 → 40 % − 40 % = 0.
        // Add a 9: 3 of 6 promoters (50 %) − 2 of 6 detractors (33.3 %) = 16.67.
        let data = dataset(
            "Id,Created at,NPS\n1,2024-01-01,10\n2,2024-01-01,9\n3,2024-01-01,8\n\
             4,2024-01-01,6\n5,2024-01-01,0\n6,2024-01-01,9\n",
        );
        let kpi = nps(&data);
        assert!((kpi.value.unwrap() - (50.0 - 100.0 / 3.0)).abs() < 1e-12);
        assert_eq!(kpi.extras["promoters"], 3.0);
        assert_eq!(kpi.extras["passives"], 1.0);
        assert_eq!(kpi.extras["detractors"], 2.0);
        assert_eq!(nps(&dataset("Id,Created at\n1,2024-01-01\n")).value, None);
    }
}
