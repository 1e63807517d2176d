//! Messages for people as data: a key of the message catalogue and the values of its holes.
//! The engine writes a message as its key and arguments; the English text (for readers of the
//! JSON and the command line) is the catalogue's English template filled with them, and the
//! page fills the same key's template of its own language. The catalogue is
//! `src/i18n/engine/<language>.json`; this module reads the English one only.
//!
//! A message inside another (a workbook's kind inside "this is {msg_kind}, not a CSV file") is
//! carried as data too: the hole `msg_…` holds the inner message's key, and its arguments sit
//! beside it as `msg_….name` (`Message::with_message`), so every language fills it in its own
//! words.

pub mod template;

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// One message: its catalogue key and the values of its `{holes}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    #[serde(default)]
    pub key: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, String>,
}

/// The English templates, by key.
fn english() -> &'static HashMap<String, String> {
    static ENGLISH: OnceLock<HashMap<String, String>> = OnceLock::new();
    ENGLISH.get_or_init(|| {
        serde_json::from_str(include_str!("../i18n/engine/en.json")).unwrap_or_default()
    })
}

impl Message {
    /// The message of `key`, whose template must be in the catalogue (a test checks every key
    /// the source names).
    pub fn new(key: &str) -> Message {
        Message {
            key: key.to_string(),
            args: BTreeMap::new(),
        }
    }

    /// The same with the hole `name` filled by `value`. A hole named `msg_…` holds another
    /// message (`with_message`).
    pub fn with(mut self, name: &str, value: impl ToString) -> Message {
        self.args.insert(name.to_string(), value.to_string());
        self
    }

    /// The same with the hole `name` (a `msg_…` one) filled by the message `inner`: its key,
    /// and its arguments as `name.argument`.
    pub fn with_message(mut self, name: &str, inner: &Message) -> Message {
        self.args.insert(name.to_string(), inner.key.clone());
        for (arg, value) in &inner.args {
            self.args.insert(format!("{name}.{arg}"), value.clone());
        }
        self
    }

    /// The message in the hole `name`, as `with_message` put it there. A value that is no key
    /// of the catalogue (a currency code) is a message of that key alone, which `text` and the
    /// page show as written.
    pub fn inner(&self, name: &str) -> Option<Message> {
        let key = self.args.get(name)?;
        let prefix = format!("{name}.");
        let args = self
            .args
            .iter()
            .filter_map(|(arg, value)| {
                Some((arg.strip_prefix(&prefix)?.to_string(), value.clone()))
            })
            .collect();
        Some(Message {
            key: key.clone(),
            args,
        })
    }

    /// The English text: the key's template with its holes filled (a `msg_…` hole by the inner
    /// message's text). A key the catalogue lacks shows as itself, with its values, rather than
    /// as nothing.
    pub fn text(&self) -> String {
        match english().get(&self.key) {
            Some(template) => template::fill(template, |name| match name.starts_with("msg_") {
                true => self.inner(name).map(|inner| inner.text()),
                false => self.args.get(name).cloned(),
            }),
            // An inner message's value that is no key (a currency code) is shown as written.
            None if self.args.is_empty() => self.key.clone(),
            None => {
                let values: Vec<&str> = self.args.values().map(String::as_str).collect();
                format!("{} ({})", self.key, values.join(", "))
            }
        }
    }
}

/// The English text.
impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}

/// The English text, where a caller (the command line) deals in text.
impl From<Message> for String {
    fn from(message: Message) -> String {
        message.text()
    }
}

/// Whether the English catalogue has a template for `key`.
pub fn is_known(key: &str) -> bool {
    english().contains_key(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_its_english_template_filled() {
        let message = Message::new("file.no_ticket_column").with("columns", "'A', 'B'");
        assert_eq!(
            message.text(),
            "no column was recognised as a ticket field (found: 'A', 'B'): export tickets from \
             your helpdesk, or rename the columns to names like 'Created at', 'Status', \
             'Solved at'"
        );
        assert_eq!(
            Message::new("file.no_header").text(),
            "the file has no header row: export it again"
        );
        assert_eq!(Message::new("no.such").with("a", 1).text(), "no.such (1)");
        assert_eq!(Message::new("EUR").text(), "EUR");
    }

    #[test]
    fn a_message_inside_a_message_is_carried_by_key_and_arguments() {
        let inner = Message::new("settings.zone").with("zone", "Mars/Base");
        let outer = Message::new("settings.link_refused").with_message("msg_reason", &inner);
        assert_eq!(outer.args["msg_reason"], "settings.zone");
        assert_eq!(outer.args["msg_reason.zone"], "Mars/Base");
        assert_eq!(outer.inner("msg_reason"), Some(inner));
        assert_eq!(
            outer.text(),
            "the link's settings were not used: 'Mars/Base' is not a time zone name like \
             Europe/Warsaw or Asia/Shanghai"
        );
    }

    /// Every key the source names with `Message::new("…")` has an English template.
    #[test]
    fn every_key_the_source_names_is_in_the_catalogue() {
        let mut missing = Vec::new();
        let mut found = 0;
        let mut stack = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                for entry in std::fs::read_dir(&path).unwrap().flatten() {
                    stack.push(entry.path());
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            for (_, rest) in source.match_indices("Message::new(\"").map(|(at, m)| {
                let start = at + m.len();
                (at, &source[start..])
            }) {
                let key = rest.split('"').next().unwrap_or("");
                if key.is_empty()
                    || key == "…"
                    || key == "no.such"
                    || key == "EUR"
                    || key == "something new"
                {
                    continue;
                }
                found += 1;
                if !is_known(key) {
                    missing.push(format!("{}: {key}", path.display()));
                }
            }
        }
        assert!(found > 5, "found {found}");
        assert!(missing.is_empty(), "keys without a template: {missing:?}");
    }
}
