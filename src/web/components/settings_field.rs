//! One labelled input of the settings form. It applies its text when the person leaves or
//! confirms it (`change`, not every keystroke: half-typed numbers would be refused), and shows
//! why a value was refused next to the input, where the eye is.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::I18n;
use crate::message::Message;
use crate::settings::Settings;

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    pub id: AttrValue,
    pub label: String,
    /// The value as the input shows it.
    pub value: String,
    /// The input's type: text, time.
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    #[prop_or_default]
    pub unit: Option<String>,
    #[prop_or_default]
    pub placeholder: Option<String>,
    /// The label is read by screen readers only (in a table whose headers say it).
    #[prop_or_default]
    pub hide_label: bool,
    /// Applies the text; an error is the message to show (translated when shown, so that it
    /// follows a change of language).
    pub on_commit: Callback<String, Result<(), Message>>,
}

#[function_component(Field)]
pub fn field(props: &FieldProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    // A refused text stays in the input beside its message, until the value changes.
    let error = use_state(|| None::<(String, Message)>);
    {
        let error = error.clone();
        use_effect_with(props.value.clone(), move |_| error.set(None));
    }
    let onchange = {
        let error = error.clone();
        let on_commit = props.on_commit.clone();
        Callback::from(move |event: Event| {
            if let Some(input) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                let text = input.value();
                error.set(on_commit.emit(text.clone()).err().map(|e| (text, e)));
            }
        })
    };
    let value = match &*error {
        Some((text, _)) => text.clone(),
        None => props.value.clone(),
    };
    let error_id = format!("{}-error", props.id);
    let inputmode = (props.kind == "text" && props.unit.is_some()).then_some("decimal");
    html! {
        <div class={classes!("field", error.is_some().then_some("invalid"))}>
            <label for={props.id.clone()} class={classes!(props.hide_label.then_some("visually-hidden"))}>
                { props.label.clone() }
            </label>
            <span class="input">
                <input id={props.id.clone()} type={props.kind.clone()} {value}
                       {inputmode} placeholder={props.placeholder.clone()} {onchange}
                       aria-invalid={error.is_some().to_string()}
                       aria-describedby={error.is_some().then(|| error_id.clone())} />
                <span class="unit">{ props.unit.clone().unwrap_or_default() }</span>
            </span>
            if let Some((_, message)) = (*error).clone() {
                <p id={error_id} class="field-error" role="alert">{ i18n.message(&message) }</p>
            }
        </div>
    }
}

/// A number as typed: empty is none; a decimal comma is read as a point.
pub fn parse_number(text: &str) -> Result<Option<f64>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .map(Some)
        .ok_or(())
}

/// A number as the input shows it: no trailing ".0".
pub fn show_number(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// A change to the settings made from a field's text; `Err` is the message for the field.
pub(super) type Change = fn(&mut Settings, &str, &str) -> Result<(), Message>;

/// How a form makes a field's commit callback: the settings key it edits and the change.
pub(super) type Edit<'a> = dyn Fn(&str, Change) -> Callback<String, Result<(), Message>> + 'a;

/// A field's number, or the message.
pub(super) fn number(text: &str) -> Result<Option<f64>, Message> {
    parse_number(text)
        .map_err(|_| Message::new("value.number").with("value", format!("'{}'", text.trim())))
}
