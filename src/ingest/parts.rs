//! The readers few files need, behind one door: the legacy code pages with their detector
//! (`encoding_rs`'s tables and `chardetng`: CJK tables of about 150 KB gzipped) and the workbook
//! readers (`calamine`, zip, inflate, quick-xml). Natively, and inside the wasm modules that hold
//! them, they are called directly. The page's own module (`cfg(wasm_page)`, see build.rs) leaves
//! them out, so that the first visit ships less: there the worker installs `Lazy`, which reaches
//! the modules it loads when a file needs them. UTF-8 is decoded here in every build.

use encoding_rs::Encoding;

use crate::message::Message;

pub use super::spreadsheet::Sheet;

/// A streaming decoder of one encoding: bytes in, text out, a character cut between two calls
/// carried to the next.
pub trait Decode {
    fn decode(&mut self, bytes: &[u8], last: bool) -> String;
}

/// The readers as the page's worker reaches them. Each says why it cannot answer (its module
/// could not be loaded) in a message for the file's error.
#[cfg(wasm_page)]
pub struct Lazy {
    /// The legacy code page of a head that is not UTF-8.
    pub detect: fn(&[u8], bool) -> Result<&'static Encoding, Message>,
    /// A decoder of an encoding other than UTF-8.
    pub decoder: fn(&'static Encoding) -> Result<Box<dyn Decode>, Message>,
    /// A workbook's sheet (the one named, else the one holding the tickets) as CSV.
    pub sheet: fn(&[u8], Option<&str>) -> Result<Sheet, Message>,
}

#[cfg(wasm_page)]
static LAZY: std::sync::OnceLock<Lazy> = std::sync::OnceLock::new();

/// Called once by the page's worker, before anything is read.
#[cfg(wasm_page)]
pub fn install(lazy: Lazy) {
    let _ = LAZY.set(lazy);
}

#[cfg(wasm_page)]
fn lazy() -> Result<&'static Lazy, Message> {
    LAZY.get().ok_or_else(|| {
        Message::new("file.reader_unloaded").with("reason", "not set up in this page")
    })
}

/// The legacy code page of `head` (the first bytes of a file that is not UTF-8; `complete` when
/// they are all of it), as `chardetng` (the detector Firefox uses) guesses it.
pub fn detect(head: &[u8], complete: bool) -> Result<&'static Encoding, Message> {
    #[cfg(wasm_page)]
    return (lazy()?.detect)(head, complete);
    #[cfg(not(wasm_page))]
    {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(head, complete);
        Ok(detector.guess(None, chardetng::Utf8Detection::Allow))
    }
}

/// Whether text in `encoding` can be decoded now: in the page, an encoding other than UTF-8
/// needs its module.
pub fn ready(encoding: &'static Encoding) -> Result<(), Message> {
    #[cfg(wasm_page)]
    if encoding != encoding_rs::UTF_8 {
        (lazy()?.decoder)(encoding)?;
    }
    let _ = encoding;
    Ok(())
}

/// A streaming decoder of `encoding` (the byte-order mark already skipped).
pub fn decoder(encoding: &'static Encoding) -> Box<dyn Decode> {
    #[cfg(wasm_page)]
    {
        if encoding != encoding_rs::UTF_8 {
            if let Ok(decoder) = lazy().and_then(|lazy| (lazy.decoder)(encoding)) {
                return decoder;
            }
        }
        // `ready` said it could not be had: UTF-8 with replacement characters.
        Box::new(Utf8::default())
    }
    #[cfg(not(wasm_page))]
    Box::new(Coder(encoding.new_decoder_without_bom_handling()))
}

/// All of `bytes` (no byte-order mark) decoded from `encoding`. In the page, where this only
/// sniffs a workbook's first bytes, a legacy code page is read as UTF-8: the markup looked for
/// is ASCII.
pub fn decode_whole<'b>(encoding: &'static Encoding, bytes: &'b [u8]) -> std::borrow::Cow<'b, str> {
    #[cfg(wasm_page)]
    {
        let units = |pair: &[u8]| {
            if encoding == encoding_rs::UTF_16BE {
                u16::from_be_bytes([pair[0], pair[1]])
            } else {
                u16::from_le_bytes([pair[0], pair[1]])
            }
        };
        if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
            let text = char::decode_utf16(bytes.chunks_exact(2).map(units))
                .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect();
            return std::borrow::Cow::Owned(text);
        }
        String::from_utf8_lossy(bytes)
    }
    #[cfg(not(wasm_page))]
    encoding.decode_without_bom_handling(bytes).0
}

/// The sheet named `name` of a workbook, else the one that holds the ticket table, as CSV.
pub fn sheet(bytes: &[u8], name: Option<&str>) -> Result<Sheet, Message> {
    #[cfg(wasm_page)]
    return (lazy()?.sheet)(bytes, name);
    #[cfg(not(wasm_page))]
    super::spreadsheet::read_sheet(bytes, name)
}

/// `encoding_rs`'s own streaming decoder.
#[cfg(not(wasm_page))]
pub struct Coder(pub encoding_rs::Decoder);

#[cfg(not(wasm_page))]
impl Decode for Coder {
    fn decode(&mut self, bytes: &[u8], last: bool) -> String {
        let decoder = &mut self.0;
        let mut text = String::with_capacity(
            decoder
                .max_utf8_buffer_length(bytes.len())
                .unwrap_or(bytes.len() * 3),
        );
        let mut input = bytes;
        loop {
            let (result, read, _) = decoder.decode_to_string(input, &mut text, last);
            input = &input[read..];
            match result {
                encoding_rs::CoderResult::InputEmpty => break,
                encoding_rs::CoderResult::OutputFull => text.reserve(input.len() * 3 + 16),
            }
        }
        text
    }
}

/// UTF-8 without `encoding_rs` (whose decoder brings every encoding's): valid text as it is, each
/// invalid sequence one U+FFFD (the maximal subparts of the Encoding Standard, as `encoding_rs`
/// and `String::from_utf8_lossy` replace), a character cut at the end of a chunk kept for the
/// next.
#[derive(Default)]
pub struct Utf8 {
    carried: Vec<u8>,
}

impl Decode for Utf8 {
    fn decode(&mut self, bytes: &[u8], last: bool) -> String {
        let mut joined;
        let input = if self.carried.is_empty() {
            bytes
        } else {
            joined = std::mem::take(&mut self.carried);
            joined.extend_from_slice(bytes);
            &joined[..]
        };
        // A character cut at the end: at most 3 bytes after the last valid one, that start a
        // sequence that is not yet wrong.
        let keep = if last { 0 } else { incomplete_tail(input) };
        let (whole, tail) = input.split_at(input.len() - keep);
        // Checked whole first: `from_utf8` runs at about twice the speed of the lossy walk,
        // which is then needed only for a chunk with a broken sequence.
        let text = match std::str::from_utf8(whole) {
            Ok(valid) => valid.to_owned(),
            Err(_) => String::from_utf8_lossy(whole).into_owned(),
        };
        self.carried = tail.to_vec();
        text
    }
}

/// How many bytes at the end of `bytes` start a UTF-8 character that is cut off (0 when none).
fn incomplete_tail(bytes: &[u8]) -> usize {
    let from = bytes.len().saturating_sub(3);
    for at in (from..bytes.len()).rev() {
        let byte = bytes[at];
        if byte & 0xC0 == 0x80 {
            continue; // a continuation byte: look further back
        }
        let want = match byte {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => return 0,
        };
        let have = bytes.len() - at;
        // Cut only if the bytes so far could still become a character.
        return if have < want
            && std::str::from_utf8(&bytes[at..]).is_err_and(|e| e.error_len().is_none())
        {
            have
        } else {
            0
        };
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of `bytes` fed to a decoder in pieces of `size` bytes.
    fn in_pieces(decoder: &mut dyn Decode, bytes: &[u8], size: usize) -> String {
        let pieces: Vec<&[u8]> = bytes.chunks(size).collect();
        let mut text = String::new();
        for (i, piece) in pieces.iter().enumerate() {
            text.push_str(&decoder.decode(piece, i + 1 == pieces.len()));
        }
        text
    }

    #[test]
    fn utf8_pieces_decode_as_encoding_rs_does() {
        let samples: [&[u8]; 5] = [
            "Zoë Müller, 東京, 🎫 ticket".as_bytes(),
            b"caf\xFF \xC3\xA9t\xC3",
            b"\xE2\x82 \xF0\x9F\x8E \xED\xA0\x80 \xC0\xAF end",
            b"\xF4\x90\x80\x80 \xE0\x80\x80 ok",
            b"",
        ];
        for bytes in samples {
            let expected = encoding_rs::UTF_8.decode_without_bom_handling(bytes).0;
            for size in 1..=5 {
                let text = in_pieces(&mut Utf8::default(), bytes, size);
                assert_eq!(text, expected, "{bytes:?} in pieces of {size}");
            }
        }
    }
}
