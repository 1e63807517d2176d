//! Browser storage holds the settings and nothing else: never a byte of the data.

use crate::i18n::Lang;
use crate::settings::Settings;

const SETTINGS_KEY: &str = "helpdesk-kpi.settings";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
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

/// Forgets everything this page stored.
pub fn forget_everything() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(SETTINGS_KEY);
        let _ = storage.remove_item(LANGUAGE_KEY);
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
