//! Feedback trends: the most frequent terms in rating comments, split by good and bad ratings.
//! Words are lower-cased and stop words of English, Chinese, Polish and Slovak are left out;
//! Chinese, written without spaces, is counted in two-character terms.

use rustc_hash::FxHashMap as HashMap;

use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::model::table::Answer;
use crate::model::terms::terms;
use crate::model::Satisfaction;

/// Terms shown per side.
const TOP: usize = 15;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FeedbackTerms {
    pub good: Vec<TermCount>,
    pub bad: Vec<TermCount>,
    /// Comments read on each side.
    pub good_comments: usize,
    pub bad_comments: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TermCount {
    pub term: String,
    /// Comments that use the term (a comment counts once per term).
    pub comments: usize,
}

/// The terms of the comments of rated tickets (and of survey answers that name no ticket).
pub fn feedback_terms(dataset: &Dataset) -> FeedbackTerms {
    let table = dataset.table();
    let terms_of = table.comment_terms();
    let mut result = FeedbackTerms::default();
    // The tickets' comments by term code, then the unjoined survey answers' by term.
    let (mut good_codes, mut bad_codes) = (
        vec![0usize; terms_of.terms.len()],
        vec![0usize; terms_of.terms.len()],
    );
    for &row in dataset.rows() {
        let row = row as usize;
        if !terms_of.commented[row] {
            continue;
        }
        let (counts, n) = match table.satisfaction[row] {
            Answer::Satisfied => (&mut good_codes, &mut result.good_comments),
            Answer::Unsatisfied => (&mut bad_codes, &mut result.bad_comments),
            _ => continue,
        };
        *n += 1;
        for &code in terms_of.of(row) {
            counts[code as usize] += 1;
        }
    }
    let named = |counts: Vec<usize>| -> HashMap<String, usize> {
        counts
            .into_iter()
            .enumerate()
            .filter(|(_, count)| *count > 0)
            .map(|(code, count)| (terms_of.terms[code].clone(), count))
            .collect()
    };
    let (mut good, mut bad) = (named(good_codes), named(bad_codes));
    for answer in &dataset.surveys {
        let (Some(Satisfaction::Rated { satisfied, .. }), Some(comment)) =
            (&answer.satisfaction, &answer.comment)
        else {
            continue;
        };
        let (counts, n) = if *satisfied {
            (&mut good, &mut result.good_comments)
        } else {
            (&mut bad, &mut result.bad_comments)
        };
        *n += 1;
        let mut terms = terms(comment);
        terms.sort();
        terms.dedup();
        for term in terms {
            *counts.entry(term).or_insert(0usize) += 1;
        }
    }
    result.good = top(good);
    result.bad = top(bad);
    result
}

fn top(counts: HashMap<String, usize>) -> Vec<TermCount> {
    let mut terms: Vec<TermCount> = counts
        .into_iter()
        .map(|(term, comments)| TermCount { term, comments })
        .collect();
    terms.sort_by(|a, b| b.comments.cmp(&a.comments).then(a.term.cmp(&b.term)));
    terms.truncate(TOP);
    terms
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi::tests::dataset;

    #[test]
    fn terms_without_stop_words_in_four_languages() {
        assert_eq!(terms("The agent was very quick!"), vec!["agent", "quick"]);
        assert_eq!(
            terms("Bardzo szybka odpowiedź, dziękuję"),
            vec!["bardzo", "szybka", "odpowiedź", "dziękuję"]
        );
        assert_eq!(
            terms("Rýchla odpoveď, ďakujem"),
            vec!["rýchla", "odpoveď", "ďakujem"]
        );
        // 回复很快: 回复, 复很, 很快.
        assert_eq!(terms("回复很快"), vec!["回复", "复很", "很快"]);
    }

    #[test]
    fn good_and_bad_terms_by_comment() {
        // Good: "quick answer", "Quick and kind" → quick ×2, answer, kind.
        // Bad: "slow answer", "slow slow slow" → slow ×2 (once per comment), answer.
        let data = dataset(
            "Id,Created at,Satisfaction Score,Satisfaction comment\n\
             1,2024-01-01,Good,quick answer\n\
             2,2024-01-01,Good,Quick and kind\n\
             3,2024-01-01,Bad,slow answer\n\
             4,2024-01-01,Bad,slow slow slow\n\
             5,2024-01-01,Offered,never rated\n",
        );
        let trends = feedback_terms(&data);
        assert_eq!((trends.good_comments, trends.bad_comments), (2, 2));
        assert_eq!(
            trends.good[0],
            TermCount {
                term: "quick".into(),
                comments: 2
            }
        );
        assert_eq!(
            trends.bad[0],
            TermCount {
                term: "slow".into(),
                comments: 2
            }
        );
        assert_eq!(
            trends.bad[1],
            TermCount {
                term: "answer".into(),
                comments: 1
            }
        );
    }
}
