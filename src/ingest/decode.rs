//! Bytes → text: byte-order marks, UTF-16, legacy code pages, and files that are not text at all.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Text decoded from a file, with the name of the encoding it was read in.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Why a file could not be read as text. The messages say what to do.
#[derive(Debug, PartialEq)]
pub enum DecodeError {
    Empty,
    Spreadsheet(&'static str),
    Binary,
}

impl DecodeError {
    pub fn message(&self) -> String {
        match self {
            DecodeError::Empty => {
                "the file is empty: export the tickets again and drop the new file".to_string()
            }
            DecodeError::Spreadsheet(kind) => format!(
                "this is {kind}, not a CSV file: open it in your spreadsheet program and save it \
                 as \"CSV UTF-8\", or export CSV from your helpdesk"
            ),
            DecodeError::Binary => "this is not a text file (it contains binary data): drop the \
                 CSV export of your helpdesk instead"
                .to_string(),
        }
    }
}

/// Decodes `bytes`: a BOM decides when present; otherwise valid UTF-8 is taken as is, and anything
/// else goes to `chardetng` (a kept detector, as Firefox uses) to name the legacy code page.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    if let Some(kind) = spreadsheet_kind(bytes) {
        return Err(DecodeError::Spreadsheet(kind));
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
        });
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
        });
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err(DecodeError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            encoding: UTF_8.name(),
        });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Ok(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
    })
}

/// Zip (XLSX, ODS), OLE2 (XLS) and PDF signatures: files users often drop by mistake.
fn spreadsheet_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"PK\x03\x04") {
        Some("a zipped document (an Excel .xlsx or OpenDocument workbook)")
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some("an old Excel .xls workbook")
    } else if bytes.starts_with(b"%PDF") {
        Some("a PDF document")
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
