//! The page's side of `ingest::parts` and of `model::time::zone::RULES`: the readers and the time
//! zone database left out of this module, reached in the wasm modules the worker loads when a
//! file or a setting needs them (`www/worker.js` keeps them in `self.helpdeskParts`;
//! `src/part.rs` is what they export). One asked for before its module is loaded is noted as
//! missed: the worker then loads it and asks the engine again (`Session::missed`), so a read never
//! waits on the network half-way.

use std::cell::RefCell;

use encoding_rs::Encoding;
use jiff::tz::TimeZone;
use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::ingest::parts::{Decode, Lazy, Sheet};
use crate::message::Message;
use crate::model::time::zone::RULES;

/// The module of the legacy code pages and their detector.
const TEXT: &str = "text";
/// The module of the workbook readers.
const WORKBOOK: &str = "workbook";
/// The module of the time zone database.
const ZONES: &str = "zones";

#[wasm_bindgen]
extern "C" {
    /// The text module's exports.
    type TextPart;
    #[wasm_bindgen(method, catch)]
    fn detect(this: &TextPart, head: &[u8], complete: bool) -> Result<String, JsValue>;
    #[wasm_bindgen(method, getter, js_name = Decoder)]
    fn decoder_class(this: &TextPart) -> js_sys::Function;

    /// A decoder made by the text module.
    type PartDecoder;
    #[wasm_bindgen(method)]
    fn decode(this: &PartDecoder, bytes: &[u8], last: bool) -> String;
    #[wasm_bindgen(method)]
    fn free(this: &PartDecoder);

    /// The workbook module's exports.
    type WorkbookPart;
    #[wasm_bindgen(method, js_name = readWorkbook)]
    fn read_workbook(this: &WorkbookPart, bytes: &[u8], sheet: Option<String>) -> String;

    /// The zones module's exports.
    type ZonesPart;
    #[wasm_bindgen(method)]
    fn canonical(this: &ZonesPart, name: &str) -> Option<String>;
    #[wasm_bindgen(method)]
    fn tzif(this: &ZonesPart, name: &str) -> Option<Vec<u8>>;
}

thread_local! {
    /// The modules asked for since the worker last looked, not yet loaded.
    static MISSED: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

/// Installs the readers and the zones (once; the worker's `Session::new` calls it).
pub fn install() {
    crate::ingest::parts::install(Lazy {
        detect,
        decoder,
        sheet,
    });
    let _ = RULES.set(zone_rules);
}

/// The rules of the zone named `name`, from the zones module (the bundled database, read as jiff
/// reads it natively).
fn zone_rules(name: &str) -> Option<TimeZone> {
    let zones = part::<ZonesPart>(ZONES).ok()?;
    let canonical = zones.canonical(name)?;
    TimeZone::tzif(&canonical, &zones.tzif(&canonical)?).ok()
}

/// The modules missed since the last call.
pub fn take_missed() -> Vec<&'static str> {
    MISSED.with(|missed| std::mem::take(&mut *missed.borrow_mut()))
}

/// The loaded module `name`, or why it cannot be had: not yet loaded (noted, so that the worker
/// loads it and asks again), or failed to load (the worker's message).
fn part<T: JsCast>(name: &'static str) -> Result<T, Message> {
    let global = js_sys::global();
    let parts = Reflect::get(&global, &"helpdeskParts".into()).unwrap_or(JsValue::UNDEFINED);
    let loaded = Reflect::get(&parts, &name.into()).unwrap_or(JsValue::UNDEFINED);
    if loaded.is_object() {
        return Ok(loaded.unchecked_into());
    }
    let failed = Reflect::get(&parts, &"failed".into())
        .and_then(|failed| Reflect::get(&failed, &name.into()))
        .ok()
        .and_then(|message| message.as_string());
    if let Some(failed) = failed {
        return Err(unloaded(&failed));
    }
    MISSED.with(|missed| {
        let mut missed = missed.borrow_mut();
        if !missed.contains(&name) {
            missed.push(name);
        }
    });
    Err(Message::new("file.reader_loading"))
}

/// Why a file could not be read: its reader could not be had, for `reason`.
fn unloaded(reason: &str) -> Message {
    Message::new("file.reader_unloaded").with("reason", reason)
}

fn detect(head: &[u8], complete: bool) -> Result<&'static Encoding, Message> {
    let name = part::<TextPart>(TEXT)?
        .detect(head, complete)
        .map_err(|error| unloaded(&js_message(&error)))?;
    Encoding::for_label(name.as_bytes()).ok_or_else(|| unloaded(&name))
}

fn decoder(encoding: &'static Encoding) -> Result<Box<dyn Decode>, Message> {
    let class = part::<TextPart>(TEXT)?.decoder_class();
    let arguments = js_sys::Array::of1(&encoding.name().into());
    let decoder =
        Reflect::construct(&class, &arguments).map_err(|error| unloaded(&js_message(&error)))?;
    Ok(Box::new(ByPart(decoder.unchecked_into())))
}

fn sheet(bytes: &[u8], name: Option<&str>) -> Result<Sheet, Message> {
    let json = part::<WorkbookPart>(WORKBOOK)?.read_workbook(bytes, name.map(str::to_string));
    serde_json::from_str::<Result<Sheet, Message>>(&json)
        .map_err(|error| unloaded(&error.to_string()))?
}

/// A decoder of the text module, freed with its owner.
struct ByPart(PartDecoder);

impl Decode for ByPart {
    fn decode(&mut self, bytes: &[u8], last: bool) -> String {
        self.0.decode(bytes, last)
    }
}

impl Drop for ByPart {
    fn drop(&mut self) {
        self.0.free();
    }
}

fn js_message(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_default()
}
