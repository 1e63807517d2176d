//! Words of the exports' own languages that are values, not headers: ticket statuses and
//! satisfaction answers in the languages the reader covers (en, zh, pl, sk, cs, de, fr, es, pt,
//! it, nl, ja, ru), and the tokens that mean "no value". A vendor's own table is consulted
//! first; these catch the home-made and localised exports. Every word is written as
//! `normalize_header` leaves it (lower case, `_` `-` `.` as spaces, spaces folded).
//!
//! Header names in those languages are in `vendor/generic.rs`, the generic vendor's table.

pub mod keywords;

use crate::model::Status;

/// Cells that mean "no value" in the exports seen: ServiceNow's `?`, spreadsheets' `#N/A` and
/// `(blank)`, dashes. Compared after trimming (a lone no-break space trims to nothing).
const MISSING: &[&str] = &[
    "?",
    "-",
    "--",
    "—",
    "–",
    "n/a",
    "#n/a",
    "null",
    "(null)",
    "nil",
    "(none)",
    "(blank)",
    "(empty)",
    "[empty]",
    "undefined",
    "nan",
];

/// Whether a trimmed cell stands for no value.
pub fn is_missing(text: &str) -> bool {
    // Most cells start with a letter or digit no token starts with: one look at the first byte.
    let maybe = |b: u8| {
        matches!(
            b,
            b'?' | b'-' | b'n' | b'N' | b'#' | b'(' | b'[' | b'u' | b'U' | 0xE2
        )
    };
    match text.as_bytes().first() {
        None => true,
        Some(&b) if !maybe(b) || text.len() > 9 => false,
        Some(_) => MISSING
            .iter()
            .any(|m| m.len() == text.len() && m.eq_ignore_ascii_case(text)),
    }
}

/// Status words → canonical status, in the lexicon's languages (English first). "Escalated" is
/// left out on purpose: the settings' escalation rule may name it, and the breakdown by status
/// keeps it apart (it counts as unsolved, with the note an unknown status gets).
pub const STATUSES: &[(&str, Status)] = &[
    // English, and the words several vendors share.
    ("new", Status::New),
    ("to do", Status::New),
    ("todo", Status::New),
    ("backlog", Status::New),
    ("open", Status::Open),
    ("opened", Status::Open),
    ("reopened", Status::Open),
    ("in progress", Status::Open),
    ("work in progress", Status::Open),
    ("assigned", Status::Open),
    ("active", Status::Open),
    ("processing", Status::Open),
    ("processing (assigned)", Status::Open),
    ("processing (planned)", Status::Open),
    ("waiting for support", Status::Open),
    ("pending", Status::Pending),
    ("waiting", Status::Pending),
    ("waiting for customer", Status::Pending),
    ("waiting on customer", Status::Pending),
    ("awaiting customer", Status::Pending),
    ("awaiting response", Status::Pending),
    ("hold", Status::OnHold),
    ("on hold", Status::OnHold),
    ("solved", Status::Solved),
    ("resolved", Status::Solved),
    ("done", Status::Solved),
    ("completed", Status::Solved),
    ("fixed", Status::Solved),
    ("closed", Status::Closed),
    ("closed successful", Status::Closed),
    ("closed unsuccessful", Status::Closed),
    ("cancelled", Status::Closed),
    ("canceled", Status::Closed),
    ("archived", Status::Closed),
    // Chinese
    ("新建", Status::New),
    ("待处理", Status::New),
    ("待受理", Status::New),
    ("处理中", Status::Open),
    ("受理中", Status::Open),
    ("开启", Status::Open),
    ("等待客户回复", Status::Pending),
    ("待客户回复", Status::Pending),
    ("挂起", Status::OnHold),
    ("已解决", Status::Solved),
    ("已完成", Status::Solved),
    ("已关闭", Status::Closed),
    // Polish
    ("nowe", Status::New),
    ("nowy", Status::New),
    ("otwarte", Status::Open),
    ("otwarty", Status::Open),
    ("w toku", Status::Open),
    ("w trakcie", Status::Open),
    ("w realizacji", Status::Open),
    ("oczekujące", Status::Pending),
    ("oczekujący", Status::Pending),
    ("oczekuje na klienta", Status::Pending),
    ("wstrzymane", Status::OnHold),
    ("rozwiązane", Status::Solved),
    ("rozwiązany", Status::Solved),
    ("zamknięte", Status::Closed),
    ("zamknięty", Status::Closed),
    // Slovak
    ("nový", Status::New),
    ("nové", Status::New),
    ("otvorený", Status::Open),
    ("otvorené", Status::Open),
    ("v riešení", Status::Open),
    ("čakajúci", Status::Pending),
    ("čakajúce", Status::Pending),
    ("čaká na zákazníka", Status::Pending),
    ("pozastavený", Status::OnHold),
    ("vyriešený", Status::Solved),
    ("vyriešené", Status::Solved),
    ("uzavretý", Status::Closed),
    ("uzavreté", Status::Closed),
    ("zatvorený", Status::Closed),
    // Czech
    ("nová", Status::New),
    ("otevřený", Status::Open),
    ("otevřená", Status::Open),
    ("otevřené", Status::Open),
    ("v řešení", Status::Open),
    ("řeší se", Status::Open),
    ("čekající", Status::Pending),
    ("čeká na zákazníka", Status::Pending),
    ("pozastaveno", Status::OnHold),
    ("vyřešený", Status::Solved),
    ("vyřešená", Status::Solved),
    ("vyřešeno", Status::Solved),
    ("uzavřený", Status::Closed),
    ("uzavřená", Status::Closed),
    ("uzavřeno", Status::Closed),
    ("zavřený", Status::Closed),
    // German
    ("neu", Status::New),
    ("offen", Status::Open),
    ("geöffnet", Status::Open),
    ("in bearbeitung", Status::Open),
    ("zugewiesen", Status::Open),
    ("wartend", Status::Pending),
    ("warten auf kunde", Status::Pending),
    ("wartet auf kunde", Status::Pending),
    ("warten auf kundenantwort", Status::Pending),
    ("ausstehend", Status::Pending),
    ("angehalten", Status::OnHold),
    ("pausiert", Status::OnHold),
    ("zurückgestellt", Status::OnHold),
    ("gelöst", Status::Solved),
    ("erledigt", Status::Solved),
    ("behoben", Status::Solved),
    ("geschlossen", Status::Closed),
    ("abgeschlossen", Status::Closed),
    // French (GLPI's own words among them)
    ("nouveau", Status::New),
    ("nouvelle", Status::New),
    ("ouvert", Status::Open),
    ("ouverte", Status::Open),
    ("en cours", Status::Open),
    ("en cours (attribué)", Status::Open),
    ("en cours (planifié)", Status::Open),
    ("attribué", Status::Open),
    ("en attente", Status::Pending),
    ("en attente du client", Status::Pending),
    ("en suspens", Status::OnHold),
    ("suspendu", Status::OnHold),
    ("résolu", Status::Solved),
    ("résolue", Status::Solved),
    ("clos", Status::Closed),
    ("close", Status::Closed),
    ("clôturé", Status::Closed),
    ("fermé", Status::Closed),
    ("fermée", Status::Closed),
    // Spanish
    ("nuevo", Status::New),
    ("nueva", Status::New),
    ("abierto", Status::Open),
    ("abierta", Status::Open),
    ("en curso", Status::Open),
    ("en proceso", Status::Open),
    ("en progreso", Status::Open),
    ("asignado", Status::Open),
    ("en curso (asignado)", Status::Open),
    ("en curso (planificado)", Status::Open),
    ("pendiente", Status::Pending),
    ("en espera", Status::Pending),
    ("esperando al cliente", Status::Pending),
    ("en pausa", Status::OnHold),
    ("resuelto", Status::Solved),
    ("resuelta", Status::Solved),
    ("cerrado", Status::Closed),
    ("cerrada", Status::Closed),
    // Portuguese (GLPI's own words among them)
    ("novo", Status::New),
    ("nova", Status::New),
    ("aberto", Status::Open),
    ("aberta", Status::Open),
    ("em andamento", Status::Open),
    ("em atendimento", Status::Open),
    ("em atendimento (atribuído)", Status::Open),
    ("em atendimento (planejado)", Status::Open),
    ("em processamento", Status::Open),
    ("atribuído", Status::Open),
    ("pendente", Status::Pending),
    ("aguardando cliente", Status::Pending),
    ("aguardando", Status::Pending),
    ("em espera", Status::OnHold),
    ("suspenso", Status::OnHold),
    ("solucionado", Status::Solved),
    ("resolvido", Status::Solved),
    ("fechado", Status::Closed),
    ("encerrado", Status::Closed),
    ("concluído", Status::Closed),
    // Italian
    ("nuovo", Status::New),
    ("aperto", Status::Open),
    ("in corso", Status::Open),
    ("in lavorazione", Status::Open),
    ("assegnato", Status::Open),
    ("in attesa", Status::Pending),
    ("in attesa del cliente", Status::Pending),
    ("sospeso", Status::OnHold),
    ("risolto", Status::Solved),
    ("chiuso", Status::Closed),
    // Dutch
    ("nieuw", Status::New),
    ("openstaand", Status::Open),
    ("in behandeling", Status::Open),
    ("toegewezen", Status::Open),
    ("wachtend", Status::Pending),
    ("in afwachting", Status::Pending),
    ("wacht op klant", Status::Pending),
    ("in de wacht", Status::OnHold),
    ("opgelost", Status::Solved),
    ("gesloten", Status::Closed),
    ("afgesloten", Status::Closed),
    // Japanese
    ("新規", Status::New),
    ("未対応", Status::New),
    ("未着手", Status::New),
    ("対応済み", Status::Solved),
    ("対応済", Status::Solved),
    ("オープン", Status::Open),
    ("対応中", Status::Open),
    ("進行中", Status::Open),
    ("処理中", Status::Open),
    ("保留中", Status::Pending),
    ("回答待ち", Status::Pending),
    ("顧客待ち", Status::Pending),
    ("待機中", Status::OnHold),
    ("保留", Status::OnHold),
    ("解決済み", Status::Solved),
    ("解決済", Status::Solved),
    ("解決", Status::Solved),
    ("完了", Status::Solved),
    ("クローズ", Status::Closed),
    ("終了", Status::Closed),
    ("クローズ済み", Status::Closed),
    // Russian
    ("новый", Status::New),
    ("новая", Status::New),
    ("открыт", Status::Open),
    ("открыта", Status::Open),
    ("открытый", Status::Open),
    ("в работе", Status::Open),
    ("в процессе", Status::Open),
    ("назначен", Status::Open),
    ("ожидание", Status::Pending),
    ("ожидает", Status::Pending),
    ("ожидает ответа клиента", Status::Pending),
    ("в ожидании", Status::Pending),
    ("приостановлен", Status::OnHold),
    ("отложен", Status::OnHold),
    ("решен", Status::Solved),
    ("решён", Status::Solved),
    ("решена", Status::Solved),
    ("решено", Status::Solved),
    ("выполнен", Status::Solved),
    ("выполнено", Status::Solved),
    ("закрыт", Status::Closed),
    ("закрыта", Status::Closed),
    ("закрыто", Status::Closed),
];

/// What an answer word says about satisfaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Satisfied,
    Unsatisfied,
    /// Offered, not answered.
    Unanswered,
    /// No survey was offered.
    NotOffered,
}

impl Answer {
    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Satisfied => "satisfied",
            Answer::Unsatisfied => "unsatisfied",
            Answer::Unanswered => "unanswered",
            Answer::NotOffered => "not_offered",
        }
    }

    pub fn from_name(name: &str) -> Option<Answer> {
        match name.trim().to_lowercase().replace([' ', '-'], "_").as_str() {
            "satisfied" | "good" | "positive" => Some(Answer::Satisfied),
            "unsatisfied" | "dissatisfied" | "bad" | "negative" | "neutral" => {
                Some(Answer::Unsatisfied)
            }
            "unanswered" | "offered" => Some(Answer::Unanswered),
            "not_offered" | "none" | "ignore" => Some(Answer::NotOffered),
            _ => None,
        }
    }
}

/// Satisfaction answer words. Neutral answers are not satisfied (the catalogue counts the top
/// boxes only). Freshdesk's scales ("Extremely satisfied" … "Extremely dissatisfied") group
/// every "… satisfied" answer as positive in its own CSAT, and so does this table.
pub const ANSWERS: &[(&str, Answer)] = &[
    ("good", Answer::Satisfied),
    ("good, i'm satisfied", Answer::Satisfied),
    ("satisfied", Answer::Satisfied),
    ("positive", Answer::Satisfied),
    ("great", Answer::Satisfied),
    ("awesome", Answer::Satisfied),
    ("happy", Answer::Satisfied),
    ("very happy", Answer::Satisfied),
    ("very good", Answer::Satisfied),
    ("excellent", Answer::Satisfied),
    ("very satisfied", Answer::Satisfied),
    ("extremely satisfied", Answer::Satisfied),
    ("mostly satisfied", Answer::Satisfied),
    ("slightly satisfied", Answer::Satisfied),
    ("extremely happy", Answer::Satisfied),
    ("thumbs up", Answer::Satisfied),
    ("bad", Answer::Unsatisfied),
    ("bad, i'm unsatisfied", Answer::Unsatisfied),
    ("not good", Answer::Unsatisfied),
    ("unsatisfied", Answer::Unsatisfied),
    ("dissatisfied", Answer::Unsatisfied),
    ("negative", Answer::Unsatisfied),
    ("unhappy", Answer::Unsatisfied),
    ("poor", Answer::Unsatisfied),
    ("very poor", Answer::Unsatisfied),
    ("very dissatisfied", Answer::Unsatisfied),
    ("very unsatisfied", Answer::Unsatisfied),
    ("extremely dissatisfied", Answer::Unsatisfied),
    ("mostly dissatisfied", Answer::Unsatisfied),
    ("slightly dissatisfied", Answer::Unsatisfied),
    ("extremely unhappy", Answer::Unsatisfied),
    ("neither satisfied nor dissatisfied", Answer::Unsatisfied),
    ("neutral", Answer::Unsatisfied),
    ("okay", Answer::Unsatisfied),
    ("ok", Answer::Unsatisfied),
    ("just okay", Answer::Unsatisfied),
    ("average", Answer::Unsatisfied),
    ("thumbs down", Answer::Unsatisfied),
    ("offered", Answer::Unanswered),
    ("unanswered", Answer::Unanswered),
    ("sent", Answer::Unanswered),
    ("no response", Answer::Unanswered),
    ("not offered", Answer::NotOffered),
    ("unoffered", Answer::NotOffered),
    ("not sent", Answer::NotOffered),
    // Chinese
    ("满意", Answer::Satisfied),
    ("非常满意", Answer::Satisfied),
    ("不满意", Answer::Unsatisfied),
    ("非常不满意", Answer::Unsatisfied),
    ("一般", Answer::Unsatisfied),
    // Polish
    ("zadowolony", Answer::Satisfied),
    ("bardzo zadowolony", Answer::Satisfied),
    ("dobrze", Answer::Satisfied),
    ("niezadowolony", Answer::Unsatisfied),
    ("bardzo niezadowolony", Answer::Unsatisfied),
    ("źle", Answer::Unsatisfied),
    // Slovak and Czech
    ("spokojný", Answer::Satisfied),
    ("veľmi spokojný", Answer::Satisfied),
    ("velmi spokojený", Answer::Satisfied),
    ("spokojený", Answer::Satisfied),
    ("nespokojný", Answer::Unsatisfied),
    ("veľmi nespokojný", Answer::Unsatisfied),
    ("nespokojený", Answer::Unsatisfied),
    ("velmi nespokojený", Answer::Unsatisfied),
    // German
    ("gut", Answer::Satisfied),
    ("sehr gut", Answer::Satisfied),
    ("zufrieden", Answer::Satisfied),
    ("sehr zufrieden", Answer::Satisfied),
    ("schlecht", Answer::Unsatisfied),
    ("unzufrieden", Answer::Unsatisfied),
    ("sehr unzufrieden", Answer::Unsatisfied),
    // French
    ("bon", Answer::Satisfied),
    ("bien", Answer::Satisfied),
    ("satisfait", Answer::Satisfied),
    ("très satisfait", Answer::Satisfied),
    ("mauvais", Answer::Unsatisfied),
    ("insatisfait", Answer::Unsatisfied),
    ("très insatisfait", Answer::Unsatisfied),
    ("pas satisfait", Answer::Unsatisfied),
    // Spanish and Portuguese
    ("bueno", Answer::Satisfied),
    ("satisfecho", Answer::Satisfied),
    ("muy satisfecho", Answer::Satisfied),
    ("malo", Answer::Unsatisfied),
    ("insatisfecho", Answer::Unsatisfied),
    ("muy insatisfecho", Answer::Unsatisfied),
    ("bom", Answer::Satisfied),
    ("satisfeito", Answer::Satisfied),
    ("muito satisfeito", Answer::Satisfied),
    ("ruim", Answer::Unsatisfied),
    ("insatisfeito", Answer::Unsatisfied),
    ("muito insatisfeito", Answer::Unsatisfied),
    // Italian
    ("buono", Answer::Satisfied),
    ("soddisfatto", Answer::Satisfied),
    ("molto soddisfatto", Answer::Satisfied),
    ("cattivo", Answer::Unsatisfied),
    ("insoddisfatto", Answer::Unsatisfied),
    ("molto insoddisfatto", Answer::Unsatisfied),
    // Dutch
    ("goed", Answer::Satisfied),
    ("tevreden", Answer::Satisfied),
    ("zeer tevreden", Answer::Satisfied),
    ("slecht", Answer::Unsatisfied),
    ("ontevreden", Answer::Unsatisfied),
    ("zeer ontevreden", Answer::Unsatisfied),
    // Japanese
    ("満足", Answer::Satisfied),
    ("非常に満足", Answer::Satisfied),
    ("良い", Answer::Satisfied),
    ("不満", Answer::Unsatisfied),
    ("非常に不満", Answer::Unsatisfied),
    ("悪い", Answer::Unsatisfied),
    ("普通", Answer::Unsatisfied),
    // Russian
    ("хорошо", Answer::Satisfied),
    ("доволен", Answer::Satisfied),
    ("удовлетворен", Answer::Satisfied),
    ("очень доволен", Answer::Satisfied),
    ("плохо", Answer::Unsatisfied),
    ("недоволен", Answer::Unsatisfied),
    ("не удовлетворен", Answer::Unsatisfied),
];

/// The status a word names, from the lexicon.
pub fn status(key: &str) -> Option<Status> {
    STATUSES
        .iter()
        .find(|(word, _)| *word == key)
        .map(|(_, s)| s.clone())
}

/// The answer a word names, from the lexicon.
pub fn answer(key: &str) -> Option<Answer> {
    ANSWERS
        .iter()
        .find(|(word, _)| *word == key)
        .map(|(_, a)| *a)
}

/// A canonical status from the name a person gives it (`"closed"`, `"on hold"`, `"on_hold"`).
pub fn status_from_name(name: &str) -> Option<Status> {
    match name.trim().to_lowercase().replace([' ', '-'], "_").as_str() {
        "new" => Some(Status::New),
        "open" => Some(Status::Open),
        "pending" => Some(Status::Pending),
        "on_hold" | "hold" => Some(Status::OnHold),
        "solved" | "resolved" => Some(Status::Solved),
        "closed" => Some(Status::Closed),
        _ => None,
    }
}

/// Durations written in words: unit word (normalised) → minutes per unit.
pub const DURATION_UNITS: &[(&str, f64)] = &[
    ("s", 1.0 / 60.0),
    ("sec", 1.0 / 60.0),
    ("secs", 1.0 / 60.0),
    ("second", 1.0 / 60.0),
    ("seconds", 1.0 / 60.0),
    ("segundo", 1.0 / 60.0),
    ("segundos", 1.0 / 60.0),
    ("seconde", 1.0 / 60.0),
    ("secondes", 1.0 / 60.0),
    ("sekunde", 1.0 / 60.0),
    ("sekunden", 1.0 / 60.0),
    ("secondi", 1.0 / 60.0),
    ("sekund", 1.0 / 60.0),
    ("sekundy", 1.0 / 60.0),
    ("секунд", 1.0 / 60.0),
    ("секунды", 1.0 / 60.0),
    ("秒", 1.0 / 60.0),
    ("m", 1.0),
    ("min", 1.0),
    ("mins", 1.0),
    ("minute", 1.0),
    ("minutes", 1.0),
    ("minuto", 1.0),
    ("minutos", 1.0),
    ("minuten", 1.0),
    ("minuti", 1.0),
    ("minut", 1.0),
    ("minuty", 1.0),
    ("minúty", 1.0),
    ("minuta", 1.0),
    ("минут", 1.0),
    ("минуты", 1.0),
    ("минута", 1.0),
    ("мин", 1.0),
    ("分", 1.0),
    ("分钟", 1.0),
    ("h", 60.0),
    ("hr", 60.0),
    ("hrs", 60.0),
    ("hour", 60.0),
    ("hours", 60.0),
    ("hora", 60.0),
    ("horas", 60.0),
    ("heure", 60.0),
    ("heures", 60.0),
    ("stunde", 60.0),
    ("stunden", 60.0),
    ("std", 60.0),
    ("ora", 60.0),
    ("ore", 60.0),
    ("uur", 60.0),
    ("uren", 60.0),
    ("godz", 60.0),
    ("godzina", 60.0),
    ("godziny", 60.0),
    ("godzin", 60.0),
    ("hodina", 60.0),
    ("hodiny", 60.0),
    ("hodín", 60.0),
    ("hodin", 60.0),
    ("час", 60.0),
    ("часа", 60.0),
    ("часов", 60.0),
    ("часы", 60.0),
    ("ч", 60.0),
    ("時間", 60.0),
    ("小时", 60.0),
    ("d", 1440.0),
    ("day", 1440.0),
    ("days", 1440.0),
    ("dia", 1440.0),
    ("dias", 1440.0),
    ("día", 1440.0),
    ("días", 1440.0),
    ("jour", 1440.0),
    ("jours", 1440.0),
    ("j", 1440.0),
    ("tag", 1440.0),
    ("tage", 1440.0),
    ("giorno", 1440.0),
    ("giorni", 1440.0),
    ("dag", 1440.0),
    ("dagen", 1440.0),
    ("dzień", 1440.0),
    ("dni", 1440.0),
    ("deň", 1440.0),
    ("dny", 1440.0),
    ("den", 1440.0),
    ("dní", 1440.0),
    ("день", 1440.0),
    ("дня", 1440.0),
    ("дней", 1440.0),
    ("дни", 1440.0),
    ("日", 1440.0),
    ("天", 1440.0),
    ("w", 10080.0),
    ("week", 10080.0),
    ("weeks", 10080.0),
];

/// Minutes per unit of a duration word, from the lexicon.
pub fn duration_unit(word: &str) -> Option<f64> {
    let word = word.trim_end_matches('.');
    DURATION_UNITS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, m)| *m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::field::normalize_header;

    #[test]
    fn every_word_is_written_as_normalize_header_leaves_it_and_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for (word, _) in STATUSES {
            assert_eq!(normalize_header(word), *word);
            assert!(seen.insert(*word), "{word} twice");
        }
        let mut seen = std::collections::HashSet::new();
        for (word, _) in ANSWERS {
            assert_eq!(normalize_header(word), *word, "{word}");
            assert!(seen.insert(*word), "{word} twice");
        }
    }

    #[test]
    fn missing_tokens() {
        for token in ["?", "-", "N/A", "null", "(blank)", "#N/A", ""] {
            assert!(is_missing(token), "{token}");
        }
        for value in ["0", "Open", "No", "Nancy"] {
            assert!(!is_missing(value), "{value}");
        }
    }
}
