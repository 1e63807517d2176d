//! Satisfaction: CSAT, its response rate, NPS.

use super::{Context, Extra, Kpi, PERCENT, SCORE};
use crate::dataset::Dataset;
use crate::message::Message;
use crate::model::table::{Answer, UNKNOWN_SCORE};
use crate::model::{Happiness, Satisfaction};
use crate::settings::DEFAULT_CES_SCALE_MAX;

/// `csat`: satisfied ÷ rated, with the mean score on numeric scales and n rated.
pub fn csat(dataset: &Dataset) -> Kpi {
    let table = dataset.table();
    let (mut ratings, mut scores) = (Ratings::default(), Vec::new());
    // Tested first, so that an export without scores does not branch on each rating.
    let scored = table.satisfaction_score.is_used();
    for &row in dataset.rows() {
        let row = row as usize;
        let rated = ratings.add(table.satisfaction[row]);
        if scored && rated {
            scores.extend(table.satisfaction_score[row].get());
        }
    }
    // Then the survey answers that name no ticket.
    for answer in dataset
        .surveys
        .iter()
        .filter_map(|s| s.satisfaction.as_ref())
    {
        if let Satisfaction::Rated {
            satisfied: is_satisfied,
            score,
        } = answer
        {
            ratings.add(match is_satisfied {
                true => Answer::Satisfied,
                false => Answer::Unsatisfied,
            });
            scores.extend(score);
        }
    }
    let mut kpi = ratings.csat();
    kpi.mean = crate::stats::mean(&scores);
    kpi
}

/// Rated answers and the satisfied among them: `csat`'s counts, answer by answer.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Ratings {
    satisfied: usize,
    rated: usize,
}

impl Ratings {
    /// Counts a rated answer; whether it was one.
    #[inline]
    pub fn add(&mut self, answer: Answer) -> bool {
        let rated = answer.is_rated();
        self.rated += usize::from(rated);
        self.satisfied += usize::from(answer == Answer::Satisfied);
        rated
    }

    /// `csat` of the answers counted (without the mean score).
    pub fn csat(&self) -> Kpi {
        Kpi::percent(
            self.satisfied,
            self.rated,
            Message::new("satisfaction.no_rated"),
        )
    }
}

/// `csat_response_rate`: rated ÷ (rated + offered but unanswered); null where the export does not
/// mark unanswered offers.
pub fn csat_response_rate(dataset: &Dataset) -> Kpi {
    let table = dataset.table();
    let mut offers = Offers::default();
    for &row in dataset.rows() {
        offers.add(table.satisfaction[row as usize]);
    }
    offers.csat_response_rate(dataset)
}

/// Rated answers and unanswered offers: `csat_response_rate`'s counts, answer by answer.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Offers {
    rated: usize,
    unanswered: usize,
}

impl Offers {
    /// Counted without branches: the answers come in no order a branch predictor could learn.
    #[inline]
    pub fn add(&mut self, answer: Answer) {
        self.rated += usize::from(answer.is_rated());
        self.unanswered += usize::from(answer == Answer::Unanswered);
    }

    /// Another part's counts added to these.
    pub fn absorb(&mut self, other: &Offers) {
        self.rated += other.rated;
        self.unanswered += other.unanswered;
    }

    /// `csat_response_rate` of the rows' answers counted and the dataset's unjoined ones.
    pub fn csat_response_rate(mut self, dataset: &Dataset) -> Kpi {
        for answer in &dataset.surveys {
            self.add(Answer::of(answer.satisfaction.as_ref()));
        }
        let Offers { rated, unanswered } = self;
        if unanswered == 0 {
            return Kpi::null(PERCENT, Message::new("satisfaction.no_offers"));
        }
        Kpi::percent(
            rated,
            rated + unanswered,
            Message::new("satisfaction.no_offered"),
        )
    }
}

/// `nps`: % promoters (9–10) − % detractors (0–6) over 0–10 answers.
pub fn nps(dataset: &Dataset) -> Kpi {
    let table = dataset.table();
    let mut answers = NpsAnswers::default();
    for &row in dataset.rows() {
        answers.add(table.nps_score[row as usize]);
    }
    nps_of(answers, dataset)
}

/// The same from the rows' answers counted (`counting_cards`), with the dataset's unjoined ones.
pub(crate) fn nps_of(mut answers: NpsAnswers, dataset: &Dataset) -> Kpi {
    for score in dataset.surveys.iter().filter_map(|s| s.nps_score) {
        answers.add(score);
    }
    answers.nps()
}

/// 0–10 answers by kind: `nps`'s counts, answer by answer.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct NpsAnswers {
    promoters: usize,
    passives: usize,
    detractors: usize,
}

impl NpsAnswers {
    /// Counts a score (`UNKNOWN_SCORE`: none).
    #[inline]
    pub fn add(&mut self, score: u8) {
        // Without branches (scores come in no order): promoters 9–10, passives 7–8,
        // detractors 0–6, and none for `UNKNOWN_SCORE`.
        let known = usize::from(score != UNKNOWN_SCORE);
        self.promoters += known & usize::from(score >= 9);
        self.passives += usize::from((7..=8).contains(&score));
        self.detractors += usize::from(score <= 6);
    }

    /// Another part's counts added to these.
    pub fn absorb(&mut self, other: &NpsAnswers) {
        self.promoters += other.promoters;
        self.passives += other.passives;
        self.detractors += other.detractors;
    }

    /// `nps` of the answers counted: % promoters − % detractors, with the three counts.
    pub fn nps(&self) -> Kpi {
        let answered = self.promoters + self.passives + self.detractors;
        if answered == 0 {
            return Kpi::null(SCORE, Message::new("satisfaction.no_nps_answer"));
        }
        let n = answered as f64;
        let mut kpi = Kpi {
            value: Some(100.0 * self.promoters as f64 / n - 100.0 * self.detractors as f64 / n),
            unit: SCORE,
            n: Some(answered),
            ..Kpi::default()
        };
        kpi.extras.insert(Extra::Promoters, self.promoters as f64);
        kpi.extras.insert(Extra::Passives, self.passives as f64);
        kpi.extras.insert(Extra::Detractors, self.detractors as f64);
        kpi
    }
}

/// `ces`: mean customer effort score on its scale (settings; default 1–7, 7 = easiest), with
/// `pct_easy`: the share of answers in the top two boxes.
pub fn ces(dataset: &Dataset, context: &Context) -> Kpi {
    let scale_max = context
        .settings
        .ces_scale_max
        .unwrap_or(DEFAULT_CES_SCALE_MAX);
    let table = dataset.table();
    let scores: Vec<f64> = dataset
        .rows()
        .iter()
        .filter_map(|&row| table.ces_score[row as usize].get())
        .chain(dataset.surveys.iter().filter_map(|s| s.ces_score))
        .collect();
    let mut kpi = Kpi::mean_of(SCORE, &scores, Message::new("satisfaction.no_ces_answer"));
    if kpi.value.is_some() {
        let easy = scores.iter().filter(|&&s| s >= scale_max - 1.0).count();
        kpi.extras
            .insert(Extra::PctEasy, 100.0 * easy as f64 / scores.len() as f64);
        kpi.add_note(
            Message::new("satisfaction.ces_scale")
                .with("max", scale_max)
                .with("max2", scale_max),
        );
    }
    kpi
}

/// `happiness_score`: % great − % not good over Help Scout's three ratings.
pub fn happiness_score(dataset: &Dataset) -> Kpi {
    let happiness = &dataset.table().happiness;
    let ratings: Vec<Happiness> = dataset
        .rows()
        .iter()
        .filter_map(|&row| happiness[row as usize])
        .collect();
    if ratings.is_empty() {
        return Kpi::null(SCORE, Message::new("satisfaction.no_happiness"));
    }
    let n = ratings.len() as f64;
    let great = ratings.iter().filter(|r| **r == Happiness::Great).count() as f64;
    let not_good = ratings.iter().filter(|r| **r == Happiness::NotGood).count() as f64;
    Kpi {
        value: Some(100.0 * great / n - 100.0 * not_good / n),
        unit: SCORE,
        n: Some(ratings.len()),
        ..Kpi::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi::tests::{context, dataset};

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
    fn ces_and_happiness() {
        // CES 7, 6, 3, 5 on 1–7: mean 21/4 = 5.25; top two boxes (6–7): 2 of 4 = 50 %.
        let data = dataset(
            "Id,Created at,CES\n1,2024-01-01,7\n2,2024-01-01,6\n3,2024-01-01,3\n4,2024-01-01,5\n",
        );
        let kpi = ces(&data, &context(&data));
        assert_eq!(kpi.value, Some(5.25));
        assert_eq!(kpi.extras[&Extra::PctEasy], 50.0);
        // Great, Great, Okay, Not Good: 50 % − 25 % = 25.
        let data = dataset(
            "Id,Created at,Rating\n1,2024-01-01,Great\n2,2024-01-01,Great\n3,2024-01-01,Okay\n4,2024-01-01,Not Good\n",
        );
        assert_eq!(happiness_score(&data).value, Some(25.0));
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
        assert_eq!(kpi.extras[&Extra::Promoters], 3.0);
        assert_eq!(kpi.extras[&Extra::Passives], 1.0);
        assert_eq!(kpi.extras[&Extra::Detractors], 2.0);
        assert_eq!(nps(&dataset("Id,Created at\n1,2024-01-01\n")).value, None);
    }
}
