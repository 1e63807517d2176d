//! Reading back the report's fixed names that are not enums (a KPI's extras, an SLA breach's
//! kinds), which the engine holds as `&'static str`: the page receives its report as JSON from
//! the worker. Each distinct name is kept once for the life of the page, so the set is as small
//! as the catalogue's vocabulary. Units and KPI ids are enums (`catalogue.rs`) and need none of
//! this.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Deserializer};

/// The one `'static` copy of `text`.
pub fn intern(text: &str) -> &'static str {
    static NAMES: OnceLock<Mutex<BTreeSet<&'static str>>> = OnceLock::new();
    let mut names = NAMES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(name) = names.get(text) {
        return name;
    }
    let name: &'static str = Box::leak(text.to_owned().into_boxed_str());
    names.insert(name);
    name
}

pub fn names<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<&'static str>, D::Error> {
    Ok(Vec::<String>::deserialize(d)?
        .iter()
        .map(|n| intern(n))
        .collect())
}

/// A KPI's extras: the keys it does not name otherwise, each a number.
pub fn extras<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<&'static str, f64>, D::Error> {
    Ok(BTreeMap::<String, f64>::deserialize(d)?
        .iter()
        .map(|(k, v)| (intern(k), *v))
        .collect())
}
