//! The terms of a free-text comment, for feedback trends: words of two letters or more in any
//! script, two-character runs of CJK text, without the stop words of the page's languages.

/// Words of two letters or more, and two-character terms of CJK runs, without stop words.
pub fn terms(text: &str) -> Vec<String> {
    match text.is_ascii() {
        true => ascii_terms(text),
        false => unicode_terms(text),
    }
}

fn unicode_terms(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut terms = Vec::new();
    for word in lower.split(|c: char| !c.is_alphanumeric()) {
        if word.chars().any(is_cjk) {
            let han: Vec<char> = word.chars().filter(|c| is_cjk(*c)).collect();
            terms.extend(han.windows(2).map(|pair| pair.iter().collect::<String>()));
        } else if word.chars().nth(1).is_some()
            && !word.chars().all(|c| c.is_ascii_digit())
            && !is_stop_word(word)
        {
            terms.push(word.to_string());
        }
    }
    terms.retain(|t| !is_stop_word(t));
    terms
}

/// `terms` of ASCII text, without Unicode's tables: the same words (no ASCII character is
/// CJK, and ASCII letters and digits are all its alphanumerics), a fifth of the first report's
/// feedback terms.
fn ascii_terms(text: &str) -> Vec<String> {
    let lower = text.to_ascii_lowercase();
    lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| {
            word.len() > 1 && !word.bytes().all(|b| b.is_ascii_digit()) && !is_stop_word(word)
        })
        .map(str::to_string)
        .collect()
}

/// A set, not the list: the list was scanned for every word of every comment, a tenth of the
/// first report.
fn is_stop_word(word: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| STOP_WORDS.iter().copied().collect())
        .contains(word)
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

const STOP_WORDS: &[&str] = &[
    // English
    "a", "about", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but",
    "by", "can", "could", "did", "do", "does", "for", "from", "get", "got", "had", "has", "have",
    "he", "her", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "me",
    "my", "no", "not", "of", "on", "one", "or", "our", "out", "so", "that", "the", "their", "them",
    "then", "there", "they", "this", "to", "too", "up", "us", "very", "was", "we", "were", "what",
    "when", "which", "who", "will", "with", "would", "you", "your", // Polish
    "a", "aby", "ale", "bo", "był", "była", "było", "być", "czy", "dla", "do", "i", "ich", "jak",
    "jest", "już", "mi", "mnie", "na", "nie", "o", "od", "po", "się", "tak", "to", "w", "we", "z",
    "za", "że", // Slovak
    "ako", "aj", "ale", "bol", "bola", "by", "do", "je", "ja", "mi", "na", "nie", "o", "od", "pre",
    "sa", "so", "som", "to", "v", "vo", "z", "za", "že",
    // Chinese (two-character function words)
    "我们", "你们", "他们", "这个", "那个", "因为", "所以", "但是", "已经", "还是", "就是", "没有",
    "可以", "一个",
];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn ascii_text_gives_the_terms_unicode_reading_gives(text in "[ -~\t\n]{0,60}") {
            prop_assert_eq!(ascii_terms(&text), unicode_terms(&text));
        }
    }

    #[test]
    fn ascii_terms_of_a_comment() {
        let text = "The agent WAS great, 42 times: fast-and-kind!! x 2nd";
        assert_eq!(ascii_terms(text), unicode_terms(text));
        assert_eq!(
            terms(text),
            ["agent", "great", "times", "fast", "kind", "2nd"]
        );
    }
}
