//! Which character separates the fields: decided from the header line.

const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];

/// The candidate that occurs most often outside quotes in the first line; `,` when none occurs
/// (a one-column file).
pub fn sniff_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; CANDIDATES.len()];
    let mut in_quotes = false;
    for byte in text.bytes() {
        match byte {
            b'"' => in_quotes = !in_quotes,
            b'\n' if !in_quotes => break,
            _ if !in_quotes => {
                if let Some(i) = CANDIDATES.iter().position(|&c| c == byte) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    let (best, count) = counts
        .iter()
        .enumerate()
        .max_by_key(|&(i, &count)| (count, std::cmp::Reverse(i)))
        .unwrap_or((0, &0));
    if *count == 0 {
        b','
    } else {
        CANDIDATES[best]
    }
}

/// How a delimiter is named to a person.
pub fn delimiter_name(delimiter: u8) -> &'static str {
    match delimiter {
        b',' => "comma",
        b';' => "semicolon",
        b'\t' => "tab",
        b'|' => "pipe",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_most_frequent_separator_of_the_header() {
        assert_eq!(sniff_delimiter("Id,Status,Created at\n1,2,3"), b',');
        assert_eq!(sniff_delimiter("Id;Status;Created, at\n"), b';');
        assert_eq!(sniff_delimiter("Id\tStatus\tVia\n"), b'\t');
        assert_eq!(sniff_delimiter("Id|Status|Via\n"), b'|');
    }

    #[test]
    fn ignores_separators_inside_quotes() {
        assert_eq!(sniff_delimiter("\"a;b;c;d\",x,y\n"), b',');
    }

    #[test]
    fn one_column_defaults_to_comma() {
        assert_eq!(sniff_delimiter("Id\n1\n"), b',');
    }
}
