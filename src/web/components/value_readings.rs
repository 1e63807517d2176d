//! What each status value or satisfaction answer word of a file is read as, and the person's say
//! in it: every distinct value with its rows, what it is read as (a value the reader does not
//! know is marked) and where that reading came from. A choice is emitted; the files are then
//! read again.

use yew::prelude::*;

use super::select_value;

use crate::i18n::I18n;
use crate::ingest::{ReadBy, ValueReading};
use crate::web::state::Choice;

/// Which values a table shows: a file's statuses or its satisfaction answers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ValueKind {
    Status,
    Answer,
}

impl ValueKind {
    /// The readings a value can be given, as the engine names them.
    fn readings(self) -> &'static [&'static str] {
        match self {
            ValueKind::Status => &["new", "open", "pending", "on_hold", "solved", "closed"],
            ValueKind::Answer => &["satisfied", "unsatisfied", "unanswered", "not_offered"],
        }
    }

    /// The prefix of its strings and of its elements' classes.
    fn name(self) -> &'static str {
        match self {
            ValueKind::Status => "status",
            ValueKind::Answer => "answer",
        }
    }

    fn choice(self, value: String, reading: Option<String>) -> Choice {
        match self {
            ValueKind::Status => Choice::StatusValue(value, reading),
            ValueKind::Answer => Choice::AnswerValue(value, reading),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ValueReadingsProps {
    pub file: String,
    pub kind: ValueKind,
    pub readings: Vec<ValueReading>,
    pub on_choose: Callback<(String, Choice)>,
}

fn by_key(by: ReadBy) -> &'static str {
    match by {
        ReadBy::Vendor => "values.by_vendor",
        ReadBy::Lexicon => "values.by_lexicon",
        ReadBy::Yours => "values.by_yours",
        ReadBy::Unknown => "values.by_unknown",
    }
}

#[function_component(ValueReadings)]
pub fn value_readings(props: &ValueReadingsProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    if props.readings.is_empty() {
        return html! {};
    }
    let kind = props.kind;
    let name = kind.name();
    let rows = props.readings.iter().map(|reading| {
        let value = reading.value.clone();
        let on_change = {
            let on_choose = props.on_choose.clone();
            let file = props.file.clone();
            let value = value.clone();
            Callback::from(move |event: Event| {
                let Some(picked) = select_value(&event) else {
                    return;
                };
                let chosen = Some(picked).filter(|v| !v.is_empty());
                on_choose.emit((file.clone(), kind.choice(value.clone(), chosen)));
            })
        };
        let read_as = reading.read_as.as_deref();
        html! {
            <tr data-value={value.clone()} class={classes!(read_as.is_none().then_some("unknown"))}>
                <th scope="row" title={value.clone()}>{ value.clone() }</th>
                <td class="num">{ i18n.number(reading.rows as f64, 0) }</td>
                <td>
                    <select class={format!("{name}-choice")} data-value={value.clone()} onchange={on_change}
                            aria-label={i18n.f(&format!("values.{name}_for"), &[("value", value.clone())])}>
                        { for kind.readings().iter().map(|r| html! {
                            <option value={*r} selected={read_as == Some(*r)}>{ i18n.t(&format!("{name}.{r}")) }</option>
                        }) }
                        <option value="" selected={read_as.is_none()}>{ i18n.t(&format!("values.{name}_unknown")) }</option>
                    </select>
                </td>
                <td class="hint by" data-by={format!("{:?}", reading.by).to_lowercase()}>{ i18n.t(by_key(reading.by)) }</td>
            </tr>
        }
    });
    html! {
        <table class={classes!("value-map", format!("{name}-map"))}>
            <thead><tr>
                <th>{ i18n.t(&format!("values.{name}_value")) }</th>
                <th class="num">{ i18n.t("values.rows") }</th>
                <th>{ i18n.t("values.read_as") }</th>
                <th>{ i18n.t("values.by") }</th>
            </tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
