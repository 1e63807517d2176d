//! Browser storage holds the settings and nothing else: never a byte of the data. Column
//! choices are kept as a header row's signature (a hash) and column positions, not names; what
//! status and answer values mean is kept under the same signature, with the values' names (the
//! only text of a file kept, as the person cannot choose for a value without naming it).

use std::collections::BTreeMap;

use wasm_bindgen::JsValue;

use crate::i18n::Lang;
use crate::ingest::choices::{RememberedColumns, ValueChoices};
use crate::message::Message;
use crate::settings::Settings;

const SETTINGS_KEY: &str = "helpdesk-kpi.settings";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Settings shared in the page's address: `#settings=` and the JSON, URI-encoded. The fragment
/// never reaches a server, and it holds settings only, never data.
const FRAGMENT: &str = "#settings=";

/// The settings to start with: those of a shared link (remembered from then on), else the
/// remembered ones. A shared link that cannot be read says why, and the remembered ones stay.
pub fn initial_settings() -> (Settings, Option<Message>) {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok());
    let Some(encoded) = hash.as_deref().and_then(|h| h.strip_prefix(FRAGMENT)) else {
        return (load_settings(), None);
    };
    let json = js_sys::decode_uri_component(encoded)
        .ok()
        .and_then(|j| j.as_string())
        .unwrap_or_default();
    match Settings::from_json(&json) {
        Ok(settings) => {
            save_settings(&settings);
            (settings, None)
        }
        Err(message) => (
            load_settings(),
            Some(Message::new("settings.link_refused").with_message("msg_reason", &message)),
        ),
    }
}

/// A link to this page that carries `settings` (and nothing else).
pub fn share_link(settings: &Settings) -> Option<String> {
    let location = web_sys::window()?.location();
    let json = serde_json::to_string(settings).ok()?;
    let page = format!(
        "{}{}{}",
        location.origin().ok()?,
        location.pathname().ok()?,
        location.search().ok()?
    );
    Some(format!(
        "{page}{FRAGMENT}{}",
        String::from(js_sys::encode_uri_component(&json))
    ))
}

/// The remembered settings; defaults when none (or unreadable ones) are stored.
pub fn load_settings() -> Settings {
    storage()
        .and_then(|s| s.get_item(SETTINGS_KEY).ok().flatten())
        .and_then(|text| Settings::from_json(&text).ok())
        .unwrap_or_default()
}

pub fn save_settings(settings: &Settings) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(SETTINGS_KEY, &settings.to_json());
    }
}

const COLUMNS_KEY: &str = "helpdesk-kpi.columns";

/// Column choices by header signature, as remembered.
pub fn load_columns() -> BTreeMap<String, RememberedColumns> {
    storage()
        .and_then(|s| s.get_item(COLUMNS_KEY).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Remembers the column choices; none at all leaves nothing stored.
pub fn save_columns(columns: &BTreeMap<String, RememberedColumns>) {
    let Some(storage) = storage() else {
        return;
    };
    if columns.is_empty() {
        let _ = storage.remove_item(COLUMNS_KEY);
        let _ = storage.remove_item(VALUES_KEY);
    } else if let Ok(json) = serde_json::to_string(columns) {
        let _ = storage.set_item(COLUMNS_KEY, &json);
    }
}

const VALUES_KEY: &str = "helpdesk-kpi.values";

/// What status and answer values mean, by header signature, as remembered.
pub fn load_values() -> BTreeMap<String, ValueChoices> {
    storage()
        .and_then(|s| s.get_item(VALUES_KEY).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Remembers what values mean; none at all leaves nothing stored.
pub fn save_values(values: &BTreeMap<String, ValueChoices>) {
    let Some(storage) = storage() else {
        return;
    };
    if values.is_empty() {
        let _ = storage.remove_item(VALUES_KEY);
    } else if let Ok(json) = serde_json::to_string(values) {
        let _ = storage.set_item(VALUES_KEY, &json);
    }
}

/// Forgets everything this page stored, and the settings a link may have put in the address
/// bar (a reload would apply them again).
pub fn forget_everything() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(SETTINGS_KEY);
        let _ = storage.remove_item(LANGUAGE_KEY);
        let _ = storage.remove_item(COLUMNS_KEY);
        let _ = storage.remove_item(VALUES_KEY);
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    if location.hash().is_ok_and(|h| h.starts_with(FRAGMENT)) {
        let page = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&page));
        }
    }
}

/// Day or month first for dates nothing else settles, from the browser's language: month first
/// in the United States (and the few places that write dates so), day first elsewhere.
pub fn browser_date_order() -> crate::ingest::DateOrder {
    let language = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default()
        .to_lowercase();
    if [
        "en-us", "en-ph", "es-us", "en-um", "en-as", "en-gu", "en-pr", "en-vi",
    ]
    .contains(&language.as_str())
    {
        crate::ingest::DateOrder::MonthFirst
    } else {
        crate::ingest::DateOrder::DayFirst
    }
}

const LANGUAGE_KEY: &str = "helpdesk-kpi.language";

/// The language the person chose before, else the browser's, else English.
pub fn initial_language() -> Lang {
    let window = web_sys::window();
    let stored = storage().and_then(|s| s.get_item(LANGUAGE_KEY).ok().flatten());
    let browser = window.and_then(|w| w.navigator().language());
    stored
        .or(browser)
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default()
}

/// Remembers a language chosen in the picker (a setting, like the others).
pub fn save_language(lang: Lang) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(LANGUAGE_KEY, lang.code());
    }
}
