//! Every engine message has a template, in every language.
use super::*;
use crate::i18n::{I18n, LANGS};
use crate::message::template::{parse, Part};
use crate::message::Message;

fn holes(template: &str) -> Vec<String> {
    let mut names: Vec<String> = parse(template)
        .into_iter()
        .filter_map(|p| match p {
            Part::Hole(name) => Some(name),
            Part::Text(_) => None,
        })
        .collect();
    names.sort();
    names
}

#[test]
fn every_language_has_every_template_with_the_same_holes() {
    for (lang, code, _) in LANGS {
        for (key, english) in templates(Lang::En) {
            let Some(template) = templates(lang).get(key) else {
                panic!("{code} lacks the engine message {key}");
            };
            assert_eq!(holes(template), holes(english), "{code} {key}");
        }
    }
}

/// The string literals of a Rust file outside its test module and comments, escapes and
/// line continuations resolved as the compiler does (enough of them for these files).
fn literals(source: &str) -> Vec<String> {
    let code = [
        "#[cfg(test)]\nmod tests",
        "#[cfg(test)]\npub(crate) mod tests",
    ]
    .iter()
    .fold(source, |code, cut| code.split(cut).next().unwrap_or(""));
    let chars: Vec<char> = code.chars().collect();
    let (mut found, mut i) = (Vec::new(), 0);
    while i < chars.len() {
        match chars[i] {
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            // A char literal ('"', '\'', '\u{feff}') or a lifetime.
            '\'' if chars.get(i + 1) == Some(&'\\') => {
                i += 3;
                while chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            }
            '\'' if chars.get(i + 2) == Some(&'\'') => i += 3,
            '"' => {
                let mut text = String::new();
                i += 1;
                while chars[i] != '"' {
                    if chars[i] == '\\' {
                        match chars[i + 1] {
                            '\n' => {
                                i += 2;
                                while chars[i].is_whitespace() {
                                    i += 1;
                                }
                                continue;
                            }
                            'n' => text.push('\n'),
                            other => text.push(other),
                        }
                        i += 2;
                    } else {
                        text.push(chars[i]);
                        i += 1;
                    }
                }
                found.push(text);
                i += 1;
            }
            _ => i += 1,
        }
    }
    found
}

/// Literals with a space in these files that are not messages: value words the reader
/// recognises, and pieces that messages quote or join.
const NOT_MESSAGES: &[&str] = &[
    "on hold",
    "e mail",
    "web form",
    "web widget",
    "live chat",
    "phone call (incoming)",
    "phone call (outgoing)",
    "web service",
    "contact form",
    "help center",
    "self service",
    "feedback widget",
    "walk in",
    "walk up",
    "virtual agent",
    "phone call",
    "good, i'm satisfied",
    "very satisfied",
    "extremely satisfied",
    "extremely happy",
    "bardzo zadowolony",
    "veľmi spokojný",
    "bad, i'm unsatisfied",
    "not good",
    "very dissatisfied",
    "extremely dissatisfied",
    "extremely unhappy",
    "just okay",
    "bardzo niezadowolony",
    "veľmi nespokojný",
    "not offered",
    "within sla",
    "sla violated",
    "inbound call",
    "outbound call",
    "abandoned in queue",
    "abandoned in ivr",
    "not answered",
    "abandoned in voicemail",
    "callback requested",
    "grand total",
    "{}: {}",
    "{} and {more} more",
    "'{}…' ({} characters)",
    "{kind} sheet '{first}'",
    "{kind} sheet '{chosen}'",
    // A column's preview: a value that does not read, and a duration.
    "✗ {text}",
    "{} min",
    "%Y-%m-%d %H:%M:%S",
    "{name}: {}",
    // A reason inside a message (the page's module without its readers), and the description
    // of a workbook's sheet where a text file's encoding is shown.
    "not set up in this page",
    "{} sheet '{chosen}'",
    "{date} {time}",
    // What the worker fails with where it cannot read files at all: the page's crash panel
    // says it, in English as the panel is.
    "this browser cannot read files in a worker",
    // A unit word after a header's last " in ".
    " in ",
    "in ",
];

/// The sentence-like string literals (words and a space) of `files`, outside tests and
/// comments, that are neither a KPI's label nor in `NOT_MESSAGES`.
fn message_literals(files: &[String]) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(file).unwrap();
        for literal in literals(&source) {
            let words = literal.chars().any(char::is_alphabetic) && literal.contains(' ');
            // The catalogue's labels are for the Markdown report and the CSV, in English.
            let label = crate::kpi::CATALOGUE.iter().any(|d| d.label == literal);
            if words && !label && !NOT_MESSAGES.contains(&literal.as_str()) {
                found.push((file.clone(), literal));
            }
        }
    }
    found
}

/// The `.rs` files under `dir`, its folders' too.
fn rust_files(dir: &str, files: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path.display().to_string(), files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path.display().to_string());
        }
    }
}

/// The engine writes its reasons, notes, warnings, skipped rows, file and settings errors as
/// messages (`message::Message`: a key and arguments, whose keys a test of `message` checks):
/// no sentence is left in the source of the reader, the KPIs, the settings or the page's engine
/// side, so that the page can translate all of them by key.
#[test]
fn the_engine_writes_no_message_as_text() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut files = vec![
        format!("{root}/settings.rs"),
        format!("{root}/report/doubts.rs"),
    ];
    // The page's side of the engine and its settings form (the rest of the page takes its
    // words from src/i18n/*.json; its crash panel speaks English).
    for file in [
        "session.rs",
        "parts.rs",
        "storage.rs",
        "components/settings_form.rs",
        "components/settings_field.rs",
        "components/settings_targets.rs",
    ] {
        files.push(format!("{root}/web/{file}"));
    }
    for dir in ["kpi", "ingest", "model/time"] {
        rust_files(&format!("{root}/{dir}"), &mut files);
    }
    // The vendors' tables and the lexicon hold header names and value words; datetime.rs holds
    // date forms.
    files.retain(|f| {
        !f.contains("/vendor/") && !f.contains("/lexicon/") && !f.ends_with("datetime.rs")
    });
    let left: Vec<String> = message_literals(&files)
        .into_iter()
        .map(|(file, literal)| format!("{file}: {literal}"))
        .collect();
    assert!(
        files.len() > 20,
        "only {} files: is the scan broken?",
        files.len()
    );
    assert!(
        left.is_empty(),
        "write these as messages (a key in src/i18n/engine/*.json):\n{}",
        left.join("\n")
    );
}

#[test]
fn a_reason_in_polish_with_its_numbers_and_a_message_inside() {
    let pl = |message: Message| I18n { lang: Lang::Pl }.message(&message);
    assert_eq!(
        pl(Message::new("satisfaction.no_nps_answer")),
        "w wybranym zakresie nie ma odpowiedzi NPS"
    );
    assert_eq!(
        pl(Message::new("timing.left_out").with("count", 3)),
        "pominięte zgłoszenia: 3; ich czas końcowy jest wcześniejszy niż czas utworzenia"
    );
    let running =
        Message::new("sla.running").with_message("msg_source", &Message::new("sla.from_settings"));
    assert_eq!(
        pl(running),
        "cele z ustawień; zgłoszenia, których cele wciąż biegną, nie są liczone"
    );
    assert_eq!(
        pl(Message::new("satisfaction.ces_scale")
            .with("max", 7)
            .with("max2", 7)),
        "skala 1–7, 7 = najłatwiej"
    );
    assert_eq!(
        I18n { lang: Lang::ZhCn }.message(&Message::new("value.number").with("value", "'abc'")),
        "'abc' 不是数字"
    );
    // A message inside a message, with arguments of its own.
    let refused = Message::new("settings.link_refused").with_message(
        "msg_reason",
        &Message::new("settings.zone").with("zone", "Mars/Base"),
    );
    assert!(
        pl(refused.clone()).contains("'Mars/Base'"),
        "{}",
        pl(refused)
    );
    // A currency code where a message could stand is shown as written.
    let currency = Message::new("team.currency").with_message("msg_currency", &Message::new("EUR"));
    assert!(pl(currency).contains("EUR"));
    // The worker's own message (www/worker.js) when the files do not fit in memory.
    assert!(pl(Message::new("file.out_of_memory").with("gb", "3.9"))
        .starts_with("pliki potrzebują więcej pamięci"));
    // A key of no template comes back as it was.
    assert_eq!(pl(Message::new("something new")), "something new");
}

#[test]
fn a_sheet_named_like_a_placeholder_is_not_filled_again() {
    // Filled one hole after another, the '{error}' of the sheet's name became the error too.
    let message = Message::new("file.sheet_unreadable")
        .with("sheet", "{error}")
        .with("error", "zip is broken");
    assert_eq!(
        I18n { lang: Lang::Sk }.message(&message),
        "hárok '{error}' sa nedá prečítať (zip is broken): uložte ho ako \"CSV UTF-8\" a \
         pretiahnite ten"
    );
}
