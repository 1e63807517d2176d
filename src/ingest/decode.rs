//! Bytes → text: byte-order marks, UTF-16, legacy code pages, and files that are not text at all.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Text decoded from a file, with the name of the encoding it was read in (tests; files are read
/// in chunks by `stream`).
#[cfg(test)]
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Why a file could not be read as text. The messages say what to do.
#[derive(Debug, PartialEq)]
pub enum DecodeError {
    Empty,
    /// A document of the kind the message key names.
    Spreadsheet(&'static str),
    Binary,
    /// The reader of this file's encoding could not be had (`parts`): why.
    Reader(crate::message::Message),
}

impl DecodeError {
    /// The error of a file that decodes so.
    pub fn kind(&self) -> super::ErrorKind {
        match self {
            DecodeError::Empty => super::ErrorKind::Empty,
            DecodeError::Spreadsheet(kind) => {
                super::ErrorKind::NotCsv(crate::message::Message::new(kind))
            }
            DecodeError::Binary => super::ErrorKind::Binary,
            DecodeError::Reader(message) => super::ErrorKind::Said(message.clone()),
        }
    }
}

/// Decodes `bytes`: a BOM decides when present; otherwise valid UTF-8 is taken as is, and anything
/// else goes to `chardetng` (a kept detector, as Firefox uses) to name the legacy code page.
#[cfg(test)]
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let decoded = decode_text(bytes)?;
    // A BOM alone (or with blank lines) is an empty file too, not a file without a header.
    if decoded.text.trim_matches(is_blank).is_empty() {
        return Err(DecodeError::Empty);
    }
    // Files joined with `cat` carry the second file's BOM inside the text, where it would stick
    // invisibly to a header or a value.
    if decoded.text.contains('\u{feff}') {
        return Ok(Decoded {
            text: decoded.text.replace('\u{feff}', ""),
            ..decoded
        });
    }
    Ok(decoded)
}

#[cfg(test)]
fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

#[cfg(test)]
fn decode_text(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let sniffed = sniff(bytes, true)?;
    let (text, _) = sniffed
        .encoding
        .decode_without_bom_handling(&bytes[sniffed.bom_len..]);
    Ok(Decoded {
        text: text.into_owned(),
        encoding: sniffed.encoding.name(),
    })
}

/// The encoding of a file, decided from its first bytes (`complete` when they are all of it).
#[derive(Clone, Copy, Debug)]
pub struct Sniffed {
    pub encoding: &'static Encoding,
    /// Bytes of byte-order mark to skip.
    pub bom_len: usize,
}

/// Decides the encoding from `head`, the first bytes of the file (a megabyte is plenty; a file
/// read in chunks is decided on its first). Errors for files that are not text.
pub fn sniff(head: &[u8], complete: bool) -> Result<Sniffed, DecodeError> {
    let utf8 = Sniffed {
        encoding: UTF_8,
        bom_len: 0,
    };
    if complete && head.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    if let Some(kind) = spreadsheet_kind(head) {
        return Err(DecodeError::Spreadsheet(kind));
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(head) {
        return Ok(Sniffed { encoding, bom_len });
    }
    if let Some(encoding) = utf16_without_bom(head) {
        return Ok(Sniffed {
            encoding,
            bom_len: 0,
        });
    }
    if looks_binary(&head[..head.len().min(8192)]) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(head) {
        Ok(_) => return Ok(utf8),
        // A character cut at the end of a head that is not the whole file is not an error.
        Err(error) if !complete && error.error_len().is_none() => return Ok(utf8),
        Err(_) => {}
    }
    // chardetng never answers UTF-8 for invalid UTF-8, so one bad byte in a UTF-8 export would
    // turn every "Zoë" into "ZoÃ«": where valid multi-byte characters outnumber the invalid
    // sequences, it is UTF-8 with a few damaged bytes (shown as U+FFFD).
    if mostly_utf8(head) {
        return Ok(utf8);
    }
    Ok(Sniffed {
        encoding: super::parts::detect(head, complete).map_err(DecodeError::Reader)?,
        bom_len: 0,
    })
}

/// The encoding the person chose, whatever the detector would say: a BOM of that same encoding
/// is still skipped.
pub fn forced(head: &[u8], encoding: &'static Encoding) -> Sniffed {
    let bom_len = match Encoding::for_bom(head) {
        Some((bom, len)) if bom == encoding => len,
        _ => 0,
    };
    Sniffed { encoding, bom_len }
}

/// NUL bytes mark binary data, but a text export may carry a stray NUL in a field: binary is a
/// head with NULs that is not UTF-8, or in which NULs are more than 1 % of the bytes.
fn looks_binary(head: &[u8]) -> bool {
    let nuls = head.iter().filter(|&&b| b == 0).count();
    if nuls == 0 {
        return false;
    }
    // A multi-byte character cut at the end of the head is not an error.
    let utf8 = match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(error) => error.error_len().is_none(),
    };
    !utf8 || nuls * 100 > head.len()
}

/// More valid multi-byte UTF-8 characters than invalid sequences.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid_multibyte, mut invalid) = (0usize, 0usize);
    let mut rest = bytes;
    while !rest.is_empty() {
        let (valid, skip) = match std::str::from_utf8(rest) {
            Ok(text) => (text, rest.len()),
            Err(error) => {
                invalid += 1;
                let valid_len = error.valid_up_to();
                let bad_len = error.error_len().unwrap_or(rest.len() - valid_len);
                // The prefix is valid UTF-8 by construction.
                let valid = std::str::from_utf8(&rest[..valid_len]).unwrap_or_default();
                (valid, valid_len + bad_len)
            }
        };
        valid_multibyte += valid.chars().filter(|c| !c.is_ascii()).count();
        rest = &rest[skip..];
    }
    valid_multibyte > invalid
}

/// Zip (XLSX, ODS), OLE2 (XLS) and PDF signatures: files users often drop by mistake; the
/// message key naming the kind.
fn spreadsheet_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"PK\x03\x04") {
        Some("file.kind_zip")
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some("file.kind_xls")
    } else if bytes.starts_with(b"%PDF") {
        Some("file.kind_pdf")
    } else {
        None
    }
}

/// UTF-16 text without a BOM shows as every other byte being NUL in its ASCII part.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(512) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let even_nuls = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nuls = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_nuls * 10 >= pairs * 9 && even_nuls == 0 {
        Some(UTF_16LE)
    } else if even_nuls * 10 >= pairs * 9 && odd_nuls == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_utf8_bom() {
        let decoded = decode(b"\xEF\xBB\xBFId,Status\n1,Open\n").unwrap();
        assert_eq!(decoded.text, "Id,Status\n1,Open\n");
        assert_eq!(decoded.encoding, "UTF-8");
    }

    #[test]
    fn reads_utf16le_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Id\tStatus\n".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, "Id\tStatus\n");
        assert_eq!(decoded.encoding, "UTF-16LE");
    }

    #[test]
    fn reads_windows_1250_polish() {
        // "Zamknięte" (closed) in cp1250: ę = 0xEA.
        let bytes = b"Id;Status\n1;Zamkni\xEAte\n2;Otwarte\n";
        let decoded = decode(bytes).unwrap();
        assert!(decoded.text.contains("Zamknięte"), "{}", decoded.text);
    }

    #[test]
    fn a_bom_alone_is_an_empty_file() {
        assert_eq!(decode(b"\xEF\xBB\xBF").unwrap_err(), DecodeError::Empty);
        assert_eq!(
            decode(b"\xEF\xBB\xBF \r\n\n").unwrap_err(),
            DecodeError::Empty
        );
        assert_eq!(decode(b"\xFF\xFE").unwrap_err(), DecodeError::Empty);
    }

    #[test]
    fn drops_a_bom_in_the_middle() {
        // Two exports joined with `cat`: the second one's BOM starts line 3.
        let decoded = decode(b"\xEF\xBB\xBFId\n1\n\xEF\xBB\xBFId\n2\n").unwrap();
        assert_eq!(decoded.text, "Id\n1\nId\n2\n");
    }

    #[test]
    fn a_stray_nul_in_a_text_export_is_kept_as_text() {
        let mut bytes = b"Id,Status,Subject\n".to_vec();
        for i in 0..20 {
            bytes.extend_from_slice(format!("{i},Open,Printer jammed again\n").as_bytes());
        }
        bytes.extend_from_slice(b"21,Open,bad\0byte\n");
        let decoded = decode(&bytes).unwrap();
        assert!(decoded.text.contains("bad\0byte"));
        // NULs in more than 1 % of a short head: binary.
        assert_eq!(decode(b"Id\n1\0\n").unwrap_err(), DecodeError::Binary);
    }

    #[test]
    fn utf8_with_one_damaged_byte_stays_utf8() {
        // "Zoë Müller" twice, then a lone 0xFF: not windows-1252 mojibake ("ZoÃ«").
        let bytes = b"Id,Agent\n1,Zo\xC3\xAB M\xC3\xBCller\n2,Zo\xC3\xAB\n3,caf\xFF\n";
        let decoded = decode(bytes).unwrap();
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.text.contains("Zoë Müller"), "{}", decoded.text);
        assert!(decoded.text.contains("caf\u{fffd}"));
        // A real cp1252 file has no valid multi-byte UTF-8 character: still windows-1252.
        let cp1252 = b"Id,Agent\n1,Zo\xEB M\xFCller\n2,Ren\xE9e\n";
        assert_eq!(decode(cp1252).unwrap().encoding, "windows-1252");
    }

    #[test]
    fn rejects_empty_binary_and_workbooks() {
        assert_eq!(decode(b"").unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(b" \n\r\n").unwrap_err(), DecodeError::Empty);
        assert_eq!(
            decode(b"\x7fELF\x02\x01\x01\x00\x00\x00").unwrap_err(),
            DecodeError::Binary
        );
        assert!(matches!(
            decode(b"PK\x03\x04rest").unwrap_err(),
            DecodeError::Spreadsheet(_)
        ));
    }
}
