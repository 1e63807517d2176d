//! Which character separates the fields: decided from the header line.

const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];

/// The candidate that occurs most often outside quotes in the first line; `,` when none occurs
/// (a one-column file).
pub fn sniff_delimiter(text: &str) -> u8 {
    // The CSV reader skips blank lines before the header: so must the sniffer, or a leading
    // empty line makes every file comma-separated.
    let text = text.trim_start_matches(['\r', '\n']);
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

/// Excel's `sep=;` first line, which names the delimiter: the delimiter and the text after the
/// line. Without it the line would be taken for the header.
pub fn excel_separator_line(text: &str) -> Option<(u8, &str)> {
    let rest = text.strip_prefix("sep=")?;
    let (&delimiter, after) = rest.as_bytes().split_first()?;
    let after = std::str::from_utf8(after).ok()?;
    let after = after.strip_prefix('\r').unwrap_or(after);
    let after = after.strip_prefix('\n')?;
    CANDIDATES
        .contains(&delimiter)
        .then_some((delimiter, after))
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
    fn blank_lines_before_the_header_are_skipped() {
        assert_eq!(sniff_delimiter("\n\r\nId;Status;Created at\n1;2;3"), b';');
    }

    #[test]
    fn reads_excel_separator_line() {
        assert_eq!(
            excel_separator_line("sep=;\r\nId;Status\n"),
            Some((b';', "Id;Status\n"))
        );
        assert_eq!(
            excel_separator_line("sep=|\nId|Status"),
            Some((b'|', "Id|Status"))
        );
        assert_eq!(excel_separator_line("Id,Status\n"), None);
        assert_eq!(excel_separator_line("sep=;"), None);
        assert_eq!(excel_separator_line("sep=x\nId"), None);
    }

    #[test]
    fn one_column_defaults_to_comma() {
        assert_eq!(sniff_delimiter("Id\n1\n"), b',');
    }
}
