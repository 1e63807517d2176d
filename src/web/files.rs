//! Reading the files a person dropped or picked.

use js_sys::Uint8Array;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FileList};

/// A file's name and bytes, or a message saying why it could not be read.
pub type ReadFile = (String, Result<Vec<u8>, String>);

pub fn list(files: &FileList) -> Vec<File> {
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

pub async fn read_all(files: Vec<File>) -> Vec<ReadFile> {
    let mut read = Vec::with_capacity(files.len());
    for file in files {
        let bytes = JsFuture::from(file.array_buffer())
            .await
            .map(|buffer| Uint8Array::new(&buffer).to_vec())
            .map_err(|_| {
                "the browser could not read this file: check that it still exists and try again"
                    .to_string()
            });
        read.push((file.name(), bytes));
    }
    read
}
