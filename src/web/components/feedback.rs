//! Feedback trends: what satisfied and dissatisfied customers wrote most often.

use yew::prelude::*;

use super::ReportProps;
use crate::i18n::I18n;
use crate::kpi::TermCount;

#[function_component(Feedback)]
pub fn feedback(props: &ReportProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
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
            <h2>{ i18n.t("feedback.title") }</h2>
            <div class="feedback">
                { list(i18n.f("feedback.good", &[("n", trends.good_comments.to_string())]), &trends.good, "good") }
                { list(i18n.f("feedback.bad", &[("n", trends.bad_comments.to_string())]), &trends.bad, "bad") }
            </div>
        </section>
    }
}
