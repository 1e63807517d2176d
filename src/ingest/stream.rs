//! A file read in chunks: bytes → UTF-8 for the CSV reader, without ever holding the whole file.
//!
//! The encoding is decided on the first chunk (`decode::sniff`); a streaming decoder (`parts`)
//! decoder carries characters cut between chunks. What the CSV reader is handed is also kept, a
//! little while, in a `LineWindow`, which turns the byte offsets of records into line numbers.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::io::{self, Read};
use std::rc::Rc;

use encoding_rs::Encoding;

use super::parts::{self, Decode};

/// How much is read from the file at a time.
pub const CHUNK: usize = 1 << 20;

/// Reads up to `CHUNK` bytes (fewer only at the end of the file), asking the source for all
/// that is missing each time. (`read_to_end` asks for 8 KB first and doubles from there: nine
/// reads a chunk, and a browser's `FileReaderSync` read costs about a millisecond each, half of
/// the page's reading time.)
pub fn read_chunk(source: &mut impl Read) -> io::Result<Vec<u8>> {
    let mut chunk = Vec::new();
    fill_chunk(source, &mut chunk)?;
    Ok(chunk)
}

/// `read_chunk` into a buffer kept from the chunk before (zeroing a new megabyte for each was
/// a thirtieth of reading).
fn fill_chunk(source: &mut impl Read, chunk: &mut Vec<u8>) -> io::Result<()> {
    chunk.resize(CHUNK, 0);
    let mut filled = 0;
    while filled < CHUNK {
        match source.read(&mut chunk[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    chunk.truncate(filled);
    Ok(())
}

/// Memory the engine holds per ticket row, with a margin: a generated 1 GB Zendesk export (5
/// million rows) peaked at 874 MB of wasm memory in Chromium, read and reported — 175 bytes a
/// row: about 97 for the ticket table, 46 for what the first report works out from it (each
/// duration's ranks, each ticket's next contact), the rest passing (buffers, sorting). The
/// margin covers exports with more columns filled than the sample's.
pub const MEMORY_PER_ROW: u64 = 300;

/// About how many rows a file of `size` bytes has, from the line breaks of its first chunk.
pub fn estimate_rows(first: &[u8], size: u64) -> u64 {
    let breaks = first.iter().filter(|&&b| b == b'\n').count().max(1);
    let bytes_per_row = first.len().max(1) as f64 / breaks as f64;
    (size as f64 / bytes_per_row).ceil() as u64
}

/// The decoded text of a byte source, as a `Read` of UTF-8. UTF-8 itself is handed on as it
/// comes, unchecked: the CSV reader splits bytes, and each record's text is checked once
/// (`row::Record`), a damaged one read with U+FFFD as a decoder would have. (Checking and
/// copying every chunk first was a thirtieth of reading.)
pub struct DecodedReader<R> {
    source: R,
    /// `None` for UTF-8.
    decoder: Option<Box<dyn Decode>>,
    /// Decoded text not yet handed out.
    text: Vec<u8>,
    position: usize,
    /// The bytes of the chunk being decoded, kept for the next.
    chunk: Vec<u8>,
    /// UTF-8 only: the end of the chunk before that may start a BOM cut in two, held back.
    held: Vec<u8>,
    finished: bool,
    /// Bytes taken from the source so far (progress).
    pub bytes_read: Rc<Cell<u64>>,
    lines: Rc<RefCell<LineWindow>>,
}

impl<R: Read> DecodedReader<R> {
    /// `first` is the file's first chunk (already read), BOM included; `bom_len` bytes of it are
    /// skipped.
    pub fn new(source: R, encoding: &'static Encoding, first: &[u8], bom_len: usize) -> Self {
        let mut reader = DecodedReader {
            source,
            decoder: (encoding != encoding_rs::UTF_8).then(|| parts::decoder(encoding)),
            text: Vec::new(),
            position: 0,
            chunk: Vec::new(),
            held: Vec::new(),
            finished: first.len() < CHUNK,
            bytes_read: Rc::new(Cell::new(first.len() as u64)),
            lines: Rc::new(RefCell::new(LineWindow::default())),
        };
        let first = first[bom_len..].to_vec();
        reader.chunk = reader.take_in(first, reader.finished);
        reader
    }

    /// The text of the first chunk, to sniff the delimiter on (a damaged byte as U+FFFD).
    pub fn peek(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.text[self.position..])
    }

    /// Whether the source has been read to its end.
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// Drops `len` bytes of the decoded text unread (Excel's `sep=;` line).
    pub fn skip(&mut self, len: usize) {
        self.position = (self.position + len).min(self.text.len());
    }

    /// The line numbers of what this reader hands out.
    pub fn lines(&self) -> Rc<RefCell<LineWindow>> {
        Rc::clone(&self.lines)
    }

    /// Takes in the next chunk of the file: its text follows what is not yet handed out. Gives
    /// back a buffer for the next chunk: the chunk's own once decoded, else the text replaced.
    fn take_in(&mut self, chunk: Vec<u8>, last: bool) -> Vec<u8> {
        let (mut text, mut free) = match &mut self.decoder {
            Some(decoder) => (decoder.decode(&chunk, last).into_bytes(), chunk),
            None => (self.utf8_text(chunk, last), Vec::new()),
        };
        // Files joined with `cat` carry the second file's BOM inside the text, where it would
        // stick invisibly to a header or a value.
        if has_bom(&text) {
            text = without_bom(&text);
        }
        let replaced = if self.position == self.text.len() {
            // All handed out (as it is when the reader asks for more): the new text takes the
            // old one's place without a copy.
            std::mem::replace(&mut self.text, text)
        } else {
            self.text.drain(..self.position);
            self.text.extend_from_slice(&text);
            text
        };
        self.position = 0;
        if free.capacity() == 0 {
            free = replaced;
        }
        free
    }

    /// A UTF-8 chunk as the text handed on, but for the one or two bytes at its end that may
    /// start a BOM cut between two chunks (found in neither): they go with the next chunk.
    fn utf8_text(&mut self, chunk: Vec<u8>, last: bool) -> Vec<u8> {
        let mut text = match self.held.is_empty() {
            true => chunk,
            false => {
                let mut joined = std::mem::take(&mut self.held);
                joined.extend_from_slice(&chunk);
                joined
            }
        };
        if !last {
            let cut = [&[0xEF, 0xBB][..], &[0xEF]]
                .iter()
                .find(|start| text.ends_with(start))
                .map_or(0, |start| start.len());
            self.held = text.split_off(text.len() - cut);
        }
        text
    }
}

/// Whether UTF-8 text holds a BOM (EF BB BF). Its first byte is looked for with `memchr`, which
/// is quick in wasm too; `memmem` (quick natively) took 1.5 % of the page's reading there, and
/// `str::contains` twenty times what `memmem` takes natively.
fn has_bom(text: &[u8]) -> bool {
    find_bom(text).is_some()
}

/// Where the first BOM of `text` starts.
fn find_bom(text: &[u8]) -> Option<usize> {
    memchr::memchr_iter(0xEF, text).find(|&at| text[at + 1..].starts_with(&[0xBB, 0xBF]))
}

/// The text without its BOMs.
fn without_bom(text: &[u8]) -> Vec<u8> {
    let mut kept = Vec::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = find_bom(rest) {
        kept.extend_from_slice(&rest[..at]);
        rest = &rest[at + 3..];
    }
    kept.extend_from_slice(rest);
    kept
}

impl<R: Read> Read for DecodedReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.position == self.text.len() && !self.finished {
            let mut chunk = std::mem::take(&mut self.chunk);
            fill_chunk(&mut self.source, &mut chunk)?;
            self.bytes_read
                .set(self.bytes_read.get() + chunk.len() as u64);
            self.finished = chunk.len() < CHUNK;
            self.chunk = self.take_in(chunk, self.finished);
        }
        let available = &self.text[self.position..];
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.position += n;
        self.lines.borrow_mut().feed(&buf[..n]);
        Ok(n)
    }
}

/// Line numbers of records, from their byte offsets, over text that goes by. The csv crate's own
/// `Position::line` is wrong after CRLF (every record gets the previous record's line) and after
/// blank lines: a record's position there is the end of the record before it, so the line breaks
/// between are skipped here and counted. Only the offsets of the line breaks after the last asked
/// offset are kept (found with `memchr` as the text goes by; a copy of the text cost more).
#[derive(Debug)]
pub struct LineWindow {
    /// The offsets of the `\r` and `\n` not yet passed, and whether each is a `\r`.
    breaks: VecDeque<(u64, bool)>,
    /// The offset of the text to be fed next.
    fed: u64,
    /// The offset up to which the line breaks are counted.
    byte: u64,
    line: u64,
}

impl Default for LineWindow {
    fn default() -> Self {
        LineWindow {
            breaks: VecDeque::new(),
            fed: 0,
            byte: 0,
            line: 1,
        }
    }
}

impl LineWindow {
    /// Text the CSV reader has been given.
    fn feed(&mut self, text: &[u8]) {
        let fed = self.fed;
        // Most text has no `\r` at all (files saved on Windows have one in each line's first
        // few hundred bytes): one byte is looked for faster than two.
        match memchr::memchr(b'\r', text) {
            None => self
                .breaks
                .extend(memchr::memchr_iter(b'\n', text).map(|at| (fed + at as u64, false))),
            Some(_) => self.breaks.extend(
                memchr::memchr2_iter(b'\n', b'\r', text)
                    .map(|at| (fed + at as u64, text[at] == b'\r')),
            ),
        }
        self.fed += text.len() as u64;
    }

    /// The line on which the record reported at `byte` starts. Offsets come in order.
    pub fn line_of(&mut self, byte: u64) -> u64 {
        while self.breaks.front().is_some_and(|&(at, _)| at < byte) {
            self.pass();
        }
        self.byte = byte.max(self.byte);
        // No record starts with a line break outside quotes: these are terminators and blank
        // lines before it.
        while self.breaks.front().is_some_and(|&(at, _)| at == self.byte) {
            self.pass();
            self.byte += 1;
        }
        self.line
    }

    /// Passes the first line break kept, counting it: a `\r` counts unless a `\n` follows it
    /// (CRLF is one break; a lone `\r` ends a line in old Mac files).
    fn pass(&mut self) {
        let Some((at, cr)) = self.breaks.pop_front() else {
            return;
        };
        let crlf = cr && self.breaks.front() == Some(&(at + 1, false));
        if !crlf {
            self.line += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_cut_between_chunks_survive() {
        // "ž" (2 bytes in UTF-8, 1 in windows-1250) straddles the chunk boundary in both.
        let mut utf8 = vec![b'a'; CHUNK - 1];
        utf8.extend_from_slice("žluť\n".as_bytes());
        let mut reader = DecodedReader::new(&utf8[CHUNK..], encoding_rs::UTF_8, &utf8[..CHUNK], 0);
        let mut text = String::new();
        reader.read_to_string(&mut text).unwrap();
        assert!(text.ends_with("ažluť\n"), "{}", &text[text.len() - 8..]);
        assert_eq!(reader.bytes_read.get(), utf8.len() as u64);
    }

    #[test]
    fn a_chunk_is_one_read_of_the_source_when_it_gives_all() {
        /// Counts the reads asked of it; gives whatever is asked.
        struct Counting(usize, usize);
        impl Read for Counting {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                self.0 += 1;
                let n = buf.len().min(self.1);
                self.1 -= n;
                buf[..n].fill(b'x');
                Ok(n)
            }
        }
        let mut source = Counting(0, CHUNK + 10);
        assert_eq!(read_chunk(&mut source).unwrap().len(), CHUNK);
        assert_eq!(source.0, 1);
        // The last, short chunk: the read that gives 10 bytes and the one that says the end.
        assert_eq!(read_chunk(&mut source).unwrap().len(), 10);
        assert_eq!(source.0, 3);
    }

    #[test]
    fn rows_are_estimated_from_the_first_chunk() {
        let first = "Id,Status\n1,Open\n2,Open\n3,Open\n".as_bytes();
        // 4 lines in 31 bytes: 7.75 bytes a row; a 1 GB file of them has 129 million.
        assert_eq!(estimate_rows(first, 1_000_000_000), 129_032_259);
        assert_eq!(estimate_rows(b"no line break", 13), 1);
        assert_eq!(estimate_rows(b"", 0), 0);
    }

    #[test]
    fn a_bom_is_found_wherever_it_is() {
        assert!(has_bom("\u{feff}a".as_bytes()));
        assert!(has_bom("a\u{feff}".as_bytes()));
        assert!(has_bom("東京\u{ff0c}\u{feff}".as_bytes()));
        assert!(!has_bom("東京\u{ff0c}\u{fefe}".as_bytes()));
        assert!(!has_bom(b"\xEF\xBB"));
        assert!(!has_bom(b""));
    }

    #[test]
    fn a_bom_cut_between_two_chunks_is_dropped_too() {
        for at in [CHUNK - 2, CHUNK - 1, CHUNK] {
            let mut bytes = vec![b'x'; at];
            bytes.extend_from_slice("\u{feff}Id,é\n1,2\n".as_bytes());
            let (first, rest) = bytes.split_at(CHUNK);
            let mut reader = DecodedReader::new(rest, encoding_rs::UTF_8, first, 0);
            let mut text = String::new();
            reader.read_to_string(&mut text).unwrap();
            assert_eq!(text.len(), at + "Id,é\n1,2\n".len(), "BOM at {at}");
            assert!(text.ends_with("xId,é\n1,2\n"), "BOM at {at}");
        }
    }

    #[test]
    fn a_bom_inside_the_text_is_dropped() {
        let bytes = "\u{feff}Id\n1\n\u{feff}Id\n2\n".as_bytes();
        let mut reader = DecodedReader::new(&[][..], encoding_rs::UTF_8, bytes, 3);
        let mut text = String::new();
        reader.read_to_string(&mut text).unwrap();
        assert_eq!(text, "Id\n1\nId\n2\n");
    }
}
