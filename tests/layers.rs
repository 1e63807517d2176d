//! The layer check: imports run one way, from the shells down to the model.
//!
//! ```text
//! 0 model, stats,         the ticket table (columns), fields, time, statistics, and
//!   message               messages as catalogue keys and arguments
//! 1 ingest                bytes → rows of the model's ticket table
//! 2 dataset, selection,   the files merged, a selection of them, the person's settings
//!   settings
//! 3 kpi                   the catalogue's definitions
//! 4 report, i18n          the report and its words
//! 5 web, part, protocol,  the shells (and `sample`, the page's and the CLI's sample export;
//!   CLI, crate root       `protocol`, the worker's messages, tested natively; `part`, what
//!                         the modules the page loads on demand export)
//! ```
//!
//! A file may name its own layer and those below it, never one above: a lower layer that
//! imports a higher one is a circle waiting to happen. Test modules are left out (a test may
//! build its fixture with anything). The check reads `crate::…` paths as text, which is all the
//! crate uses for its own modules besides `super::`, which stays within a folder.

use std::fs;
use std::path::{Path, PathBuf};

/// The layer of a top-level module of the crate.
fn layer(module: &str) -> Option<u8> {
    Some(match module {
        "model" | "stats" | "message" => 0,
        "ingest" => 1,
        "dataset" | "selection" | "settings" => 2,
        "kpi" => 3,
        "report" | "i18n" => 4,
        "web" | "part" | "protocol" | "sample" | "main" | "lib" => 5,
        _ => return None,
    })
}

/// Every `crate::module` a source names outside its test modules, with its line number.
fn imports(source: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut skip_item = false;
    let lines: Vec<&str> = source.lines().collect();
    for (index, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            // A test module runs to the end of the file (the crate's convention); any other
            // test-only item is one line long.
            let next = lines.get(index + 1).map_or("", |l| l.trim_start());
            if next.starts_with("mod ") || next.starts_with("pub mod ") {
                break;
            }
            skip_item = true;
            continue;
        }
        if std::mem::take(&mut skip_item) || trimmed.starts_with("//") {
            continue;
        }
        let mut rest = *line;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                // `use crate::{a::b, c};`, on one line or on several.
                let mut inner = group.to_string();
                let mut more = index + 1;
                while !inner.contains('}') && more < lines.len() {
                    inner.push_str(lines[more]);
                    more += 1;
                }
                let inner = inner.split('}').next().unwrap_or("");
                for item in inner.split(',') {
                    let name = item.trim().split("::").next().unwrap_or("").trim();
                    if !name.is_empty() {
                        found.push((index + 1, name.to_string()));
                    }
                }
            } else {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                found.push((index + 1, name));
            }
        }
    }
    found
}

/// The top-level module a file of `src/` belongs to.
fn module_of(path: &Path, src: &Path) -> String {
    let relative = path.strip_prefix(src).unwrap_or(path);
    let first = relative
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default();
    first.trim_end_matches(".rs").to_string()
}

fn sources(dir: &Path, into: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push(path);
        }
    }
}

/// The imports of `source` (a file of `module`) that go up a layer.
fn violations(module: &str, source: &str) -> Vec<String> {
    let Some(own) = layer(module) else {
        return vec![format!(
            "the module '{module}' has no layer: place it in tests/layers.rs"
        )];
    };
    imports(source)
        .into_iter()
        .filter_map(|(line, name)| match layer(&name) {
            Some(theirs) if theirs > own => Some(format!(
                "line {line}: {module} (layer {own}) imports crate::{name} (layer {theirs})"
            )),
            // A name of the crate root (`crate::analyze`) is the top layer.
            None if own < 5
                && !name.is_empty()
                && name.chars().all(|c| c.is_lowercase() || c == '_') =>
            {
                Some(format!(
                    "line {line}: {module} (layer {own}) imports crate::{name}, the crate root's"
                ))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn imports_run_one_way_from_the_shells_down_to_the_model() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    files.sort();
    assert!(files.len() > 50, "found only {} sources", files.len());
    let mut problems = Vec::new();
    for path in files {
        let source = fs::read_to_string(&path).unwrap();
        let module = module_of(&path, &src);
        for problem in violations(&module, &source) {
            problems.push(format!("{}: {problem}", path.display()));
        }
    }
    assert!(
        problems.is_empty(),
        "imports that run up a layer:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_check_sees_an_import_up_a_layer_and_ignores_tests() {
    let source = "use crate::model::Ticket;\n\
                  use crate::{kpi::Kpi, model::Field};\n\
                  use crate::{\n    model::Ticket,\n    report::Report,\n};\n\
                  // crate::report in a comment\n\
                  fn f() { crate::report::Report::default(); }\n\
                  #[cfg(test)]\n\
                  use crate::web::Thing;\n\
                  #[cfg(test)]\n\
                  mod tests {\n    use crate::report::Report;\n}\n";
    let found = violations("dataset", source);
    assert_eq!(
        found,
        [
            "line 2: dataset (layer 2) imports crate::kpi (layer 3)",
            "line 3: dataset (layer 2) imports crate::report (layer 4)",
            "line 8: dataset (layer 2) imports crate::report (layer 4)",
        ]
    );
    assert!(violations("report", source).is_empty());
    assert_eq!(
        violations("model", "fn f() { crate::analyze([]); }"),
        ["line 1: model (layer 0) imports crate::analyze, the crate root's"]
    );
    assert_eq!(violations("newthing", "").len(), 1);
}
