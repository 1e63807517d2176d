//! Feedback trends: what satisfied and dissatisfied customers wrote most often.

use yew::prelude::*;

use super::ReportProps;
use crate::kpi::TermCount;

#[function_component(Feedback)]
pub fn feedback(props: &ReportProps) -> Html {
    let trends = &props.report.0.feedback_terms;
    if trends.good.is_empty() && trends.bad.is_empty() {
        return html! {};
    }
    let list = |title: String, terms: &[TermCount], class: &'static str| {
        html! {
            <div class={classes!("terms", class)}>
                <h3>{ title }</h3>
                <ol>
                    { for terms.iter().map(|t| html! {
                        <li><span class="term">{ t.term.clone() }</span>
                            <span class="count">{ t.comments }</span></li>
                    }) }
                </ol>
            </div>
        }
    };
    html! {
        <section id="feedback" class="table-section">
            <h2>{ "Feedback trends" }</h2>
            <div class="feedback">
                { list(format!("Good ratings ({} comments)", trends.good_comments), &trends.good, "good") }
                { list(format!("Bad ratings ({} comments)", trends.bad_comments), &trends.bad, "bad") }
            </div>
        </section>
    }
}
