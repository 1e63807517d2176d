//! The settings: edited as JSON (the same file the CLI takes with `--settings`), remembered in
//! this browser, exported and imported as a file. "Forget everything" clears what is stored.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::settings_form::SettingsForm;
use crate::i18n::I18n;
use crate::message::Message;
use crate::settings::Settings;
use crate::web::{files, storage};

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub settings: Settings,
    /// Why the last settings were refused by the engine.
    pub error: Option<Message>,
    pub on_apply: Callback<Settings>,
    pub on_forget: Callback<()>,
    /// The data's priorities, for the form.
    #[prop_or_default]
    pub priorities: Vec<String>,
}

/// An example that shows every kind of entry.
const EXAMPLE: &str = r#"{
  "time_zone": "Europe/Warsaw",
  "business_hours": {"time_zone": "Europe/Warsaw",
                     "hours": {"mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"],
                               "thu": ["09:00-17:00"], "fri": ["09:00-17:00"]},
                     "holidays": ["2026-12-25"], "special_days": {"2026-12-24": ["09:00-13:00"]}},
  "sla": {"urgent": {"first_response_minutes": 60, "resolution_minutes": 480},
          "*": {"first_response_minutes": 480, "business_hours": true}},
  "targets": {"first_response_time": 120, "csat": 90},
  "repeat_contact_window_days": 7,
  "support_cost": 25000, "currency": "EUR",
  "agent_hours_per_week": 40,
  "escalation": {"tags": ["escalated"], "statuses": []},
  "date_order": "day_first"
}"#;

#[function_component(SettingsPanel)]
pub fn settings_panel(props: &SettingsProps) -> Html {
    let i18n = use_context::<I18n>().unwrap_or_default();
    let text = use_state(|| props.settings.to_json());
    let parse_error = use_state(|| None::<Message>);
    {
        let text = text.clone();
        use_effect_with(props.settings.clone(), move |settings| {
            text.set(settings.to_json())
        });
    }
    let on_input = {
        let text = text.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(area) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
            {
                text.set(area.value());
            }
        })
    };
    let apply = {
        let text = text.clone();
        let parse_error = parse_error.clone();
        let on_apply = props.on_apply.clone();
        move |json: String| match Settings::from_json(&json) {
            Ok(settings) => {
                parse_error.set(None);
                text.set(json);
                on_apply.emit(settings);
            }
            Err(message) => parse_error.set(Some(message)),
        }
    };
    let on_apply = {
        let text = text.clone();
        let apply = apply.clone();
        Callback::from(move |_: MouseEvent| apply((*text).clone()))
    };
    let on_example = {
        let text = text.clone();
        Callback::from(move |_: MouseEvent| text.set(EXAMPLE.to_string()))
    };
    let on_import = {
        let apply = apply.clone();
        let parse_error = parse_error.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let picked = input.files().map(|l| files::list(&l)).unwrap_or_default();
            input.set_value("");
            let apply = apply.clone();
            let parse_error = parse_error.clone();
            wasm_bindgen_futures::spawn_local(async move {
                for (name, bytes) in files::read_all(picked).await {
                    match bytes.map(|b| String::from_utf8_lossy(&b).into_owned()) {
                        Ok(json) => apply(json),
                        Err(_) => parse_error.set(Some(
                            Message::new("settings.file_error")
                                .with("file", name)
                                .with_message(
                                    "msg_error",
                                    &Message::new("file.browser_unreadable"),
                                ),
                        )),
                    }
                }
            });
        })
    };
    let on_forget = {
        let on_forget = props.on_forget.clone();
        Callback::from(move |_: MouseEvent| on_forget.emit(()))
    };
    let download = format!(
        "data:application/json;charset=utf-8,{}",
        js_sys::encode_uri_component(&props.settings.to_json())
    );
    let error = (*parse_error).clone().or_else(|| props.error.clone());
    let link = use_state(|| None::<String>);
    let on_share = {
        let link = link.clone();
        let settings = props.settings.clone();
        Callback::from(move |_: MouseEvent| link.set(storage::share_link(&settings)))
    };
    // A refused change (or a shared link's) opens the panel, so the reason is seen.
    let open = error.is_some();
    html! {
        <details id="settings" class="settings" {open}>
            <summary>{ i18n.t("settings.summary") }</summary>
            <p class="note">
                { i18n.t("settings.note") }
            </p>
            if let Some(error) = error {
                <p class="file-error" id="settings-error" role="alert">{ i18n.message(&error) }</p>
            }
            <SettingsForm settings={props.settings.clone()}
                          priorities={props.priorities.clone()} on_apply={props.on_apply.clone()} />
            // Everything the form does not show (group hours, holidays, escalation, scales).
            <details id="settings-advanced" class="advanced">
                <summary>{ i18n.t("settings.advanced") }</summary>
                <label for="settings-json">{ i18n.t("settings.label") }</label>
                <textarea id="settings-json" rows="14" spellcheck="false" value={(*text).clone()} oninput={on_input} />
                <div class="actions">
                    <button type="button" id="settings-apply" onclick={on_apply}>{ i18n.t("settings.apply") }</button>
                    <button type="button" onclick={on_example}>{ i18n.t("settings.example") }</button>
                </div>
            </details>
            <div class="actions">
                <a class="button" href={download} download="helpdesk-kpi-settings.json">{ i18n.t("settings.export") }</a>
                <label class="button">{ i18n.t("settings.import") }
                    <input type="file" accept=".json,application/json" class="visually-hidden" onchange={on_import} />
                </label>
                <button type="button" id="settings-share" onclick={on_share}>{ i18n.t("settings.share") }</button>
                <button type="button" id="forget" onclick={on_forget}>{ i18n.t("settings.forget") }</button>
            </div>
            if let Some(link) = (*link).clone() {
                <label class="share">{ i18n.t("settings.share_note") }
                    <input id="settings-link" type="text" readonly=true value={link} />
                </label>
            }
        </details>
    }
}
