//! Workbooks (XLSX, XLSM, XLSB, XLS, ODS) read with `calamine`, a pure-Rust reader that builds for
//! wasm32: the first sheet (or the one chosen) becomes CSV text for the same pipeline as a CSV export. Excel's date
//! cells become `YYYY-MM-DD HH:MM:SS`; whole numbers lose Excel's `.0`.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Reader};

/// One sheet of a workbook, as CSV text.
#[derive(Debug)]
pub struct Sheet {
    pub csv: String,
    /// "XLSX sheet 'Tickets'", shown where a CSV shows its encoding.
    pub description: String,
    /// The sheet read.
    pub name: String,
    /// Every sheet of the workbook, in order.
    pub names: Vec<String>,
}

/// Whether the bytes open like a workbook (a zip or an old Excel file).
pub fn is_workbook(bytes: &[u8]) -> bool {
    workbook_kind(bytes).is_some()
}

fn workbook_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"PK\x03\x04") {
        Some("Excel .xlsx or OpenDocument workbook")
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some("old Excel .xls workbook")
    } else {
        None
    }
}

/// The first sheet: `None` when the bytes are no workbook; an error message when they look like
/// one but cannot be read.
#[cfg(test)]
pub fn first_sheet(bytes: &[u8]) -> Option<Result<Sheet, String>> {
    sheet(bytes, None)
}

/// The sheet named `name` (the first when `None`), as `first_sheet`.
pub fn sheet(bytes: &[u8], name: Option<&str>) -> Option<Result<Sheet, String>> {
    Some(read(bytes, workbook_kind(bytes)?, name))
}

fn read(bytes: &[u8], kind: &str, wanted: Option<&str>) -> Result<Sheet, String> {
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(|e| {
        format!(
            "this {kind} cannot be read ({e}): open it in your spreadsheet program and save it \
             as \"CSV UTF-8\""
        )
    })?;
    let names = workbook.sheet_names();
    let chosen = match wanted {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .or_else(|| {
                names
                    .iter()
                    .find(|n| n.trim().eq_ignore_ascii_case(wanted.trim()))
            })
            .cloned()
            .ok_or_else(|| {
                format!(
                    "this {kind} has no sheet '{wanted}': choose one of {}",
                    names
                        .iter()
                        .map(|n| format!("'{n}'"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| format!("this {kind} has no sheet: export the tickets again"))?,
    };
    let range = workbook.worksheet_range(&chosen).map_err(|e| {
        format!("the sheet '{chosen}' cannot be read ({e}): save it as \"CSV UTF-8\" and drop that")
    })?;
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in range.rows() {
        let cells: Vec<String> = row.iter().map(cell_text).collect();
        // Writing to memory cannot fail.
        let _ = writer.write_record(&cells);
    }
    let csv = writer
        .into_inner()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default();
    Ok(Sheet {
        csv,
        description: format!("{kind} sheet '{chosen}'"),
        name: chosen,
        names,
    })
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Float(number) if number.fract() == 0.0 && number.abs() < 1e15 => {
            format!("{}", *number as i64)
        }
        Data::Float(number) => number.to_string(),
        Data::Int(number) => number.to_string(),
        Data::Bool(value) => value.to_string(),
        Data::DateTime(excel) if excel.is_duration() => excel
            .as_duration()
            .map(|d| {
                let seconds = d.num_seconds();
                format!(
                    "{}:{:02}:{:02}",
                    seconds / 3600,
                    seconds / 60 % 60,
                    seconds % 60
                )
            })
            .unwrap_or_default(),
        Data::DateTime(excel) => excel
            .as_datetime()
            .map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_public_xlsx_reads_as_its_csv() {
        // The same data directory as tests/reference: HELPDESK_KPI_DATA, else ../shared/data.
        let data = std::env::var("HELPDESK_KPI_DATA")
            .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data").into());
        let path = std::path::Path::new(&data).join("zendesk-insurer/tickets.xlsx");
        let Ok(bytes) = std::fs::read(&path) else {
            panic!(
                "{} is missing: the public data sets live in ../shared/data (or set \
                 HELPDESK_KPI_DATA)",
                path.display()
            );
        };
        let sheet = first_sheet(&bytes).unwrap().unwrap();
        assert!(
            sheet.csv.starts_with("Id,Requester id,Group,Status"),
            "{}",
            &sheet.csv[..200]
        );
        assert!(sheet.description.contains("sheet"));
        assert!(first_sheet(b"Id,Status\n").is_none());
        assert!(first_sheet(b"PK\x03\x04not a zip").unwrap().is_err());
    }
}
