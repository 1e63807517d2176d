//! Header words that point at a field when no full header name does, in the lexicon's
//! languages: what `profile` weighs together with a column's content.

use crate::ingest::field::Field;

/// Words (parts of a normalised header) that point at a field, in the lexicon's languages.
pub const KEYWORDS: &[(Field, &[&str])] = &[
    (
        Field::FirstResponseAt,
        &[
            "first response",
            "first reply",
            "primeira resposta",
            "première réponse",
            "erste antwort",
            "primera respuesta",
            "prima risposta",
            "eerste reactie",
            "eerste antwoord",
            "初回",
            "首次",
            "первый ответ",
            "první odpověď",
            "prvá odpoveď",
            "pierwsza odpowiedź",
        ],
    ),
    (
        Field::SolvedAt,
        &[
            "resolved", "solved", "resolution", "solução", "soluçao", "resolução", "résolution",
            "résolu", "gelöst", "lösung", "resuel", "resoluci", "solucion", "risolt", "risoluz",
            "opgelost", "解決", "解决", "решен", "решён", "vyřeš", "vyrieš", "rozwiąz",
        ],
    ),
    (
        Field::ClosedAt,
        &[
            "closed", "close", "fechamento", "fechado", "encerr", "clôture", "cloture", "fermeture",
            "geschlossen", "abgeschlossen", "cierre", "cerrad", "chiusura", "chius", "gesloten",
            "クローズ", "完了", "关闭", "закрыт", "uzavř", "uzavr", "zamkn",
        ],
    ),
    (
        Field::UpdatedAt,
        &[
            "updated", "update", "modified", "changed", "atualiza", "modifica", "mise à jour",
            "aktualisiert", "geändert", "actualiz", "aggiorn", "bijgewerkt", "更新", "обновл",
            "změn", "aktualiz",
        ],
    ),
    (
        Field::CreatedAt,
        &[
            "created", "creat", "opened", "open date", "submitted", "abertura", "ouverture",
            "création", "erstellt", "erstell", "eröffnet", "creación", "creado", "apertura",
            "aangemaakt", "gemaakt", "作成", "创建", "登録", "создан", "vytvoř", "vytvor",
            "utworz", "otwarcia",
        ],
    ),
    (
        Field::Status,
        &[
            "status", "state", "estado", "statut", "stato", "stav", "状态", "ステータス", "状態",
            "статус", "состояние", "zustand",
        ],
    ),
];

/// Header words of a duration and which field it feeds: (words any of which must appear,
/// field). Business-hours words turn a calendar field into its business variant.
pub const DURATION_KEYWORDS: &[(&[&str], Field)] = &[
    (
        &[
            "first response",
            "first reply",
            "primeira resposta",
            "première réponse",
            "erste antwort",
            "primera respuesta",
            "prima risposta",
            "eerste reactie",
            "初回応答",
            "首次响应",
            "первого ответа",
            "první odpověď",
        ],
        Field::FirstResponseMinutes,
    ),
    (
        &[
            "resolution",
            "resolve",
            "solução",
            "resolução",
            "résolution",
            "lösung",
            "resolución",
            "solución",
            "risoluzione",
            "oplossing",
            "解決",
            "解决",
            "решения",
            "řešení",
            "riešenia",
            "rozwiązania",
            "time to close",
        ],
        Field::ResolutionMinutes,
    ),
];

/// Words of a duration header: "time", "duration" and theirs.
pub const DURATION_WORDS: &[&str] = &[
    "time", "duration", "tempo", "temps", "durée", "duração", "zeit", "dauer", "tiempo",
    "duración", "durata", "tijd", "duur", "時間", "时间", "время", "čas", "czas", "(min)",
    "(h)", "(hrs)", "(sec)", "(ms)", "minutes", "hours", "seconds",
];

pub const BUSINESS_WORDS: &[&str] = &[
    "business", "working hours", "within business", "útil", "uteis", "úteis", "ouvré",
    "ouvrées", "geschäftszeit", "arbeitszeit", "hábil", "lavorativ", "werkuren", "kantooruren",
    "営業時間", "工作时间", "рабоч", "pracovní",
];

