//! Browser storage holds the settings and nothing else: never a byte of the data.

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
    }
}
