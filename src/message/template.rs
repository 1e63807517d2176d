//! `{name}` templates of the translation files: cut into parts, and filled in one pass, so
//! that a value holding `{…}` itself (a file or sheet named `{reason}`) is left as written.

/// A template cut into literal text and `{name}` holes.
#[derive(Debug)]
pub enum Part {
    Text(String),
    Hole(String),
}

pub fn parse(template: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        if open > 0 {
            parts.push(Part::Text(rest[..open].to_string()));
        }
        parts.push(Part::Hole(rest[open + 1..close].to_string()));
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        parts.push(Part::Text(rest.to_string()));
    }
    parts
}

/// `template` with each hole filled by `value(name)`; a hole without a value is kept as
/// written. Values are never read for holes.
pub fn fill(template: &str, mut value: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len());
    for part in parse(template) {
        match part {
            Part::Text(text) => out.push_str(&text),
            Part::Hole(name) => match value(&name) {
                Some(value) => out.push_str(&value),
                None => {
                    out.push('{');
                    out.push_str(&name);
                    out.push('}');
                }
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_holding_a_hole_name_is_not_filled_again() {
        let values = [
            ("file", "{reason}.csv"),
            ("line", "7"),
            ("reason", "bad date"),
        ];
        let filled = fill("{file} line {line}: {reason}", |name| {
            values
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.to_string())
        });
        assert_eq!(filled, "{reason}.csv line 7: bad date");
    }

    #[test]
    fn a_hole_without_a_value_and_touching_holes_are_kept() {
        let filled = fill("{a}{b} {c} {unclosed", |name| {
            (name == "a").then(|| "1".into())
        });
        assert_eq!(filled, "1{b} {c} {unclosed");
    }
}
