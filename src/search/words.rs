//! The words search treats specially, per language: stop words (dropped
//! unless nothing else is left), everyday synonyms of the words the site
//! uses, and the stemmer. Spanish folds accents like English does
//! ("codificacion" finds "codificación"), in the analyzer.

use tantivy::tokenizer::Language;

/// Search words of one language.
pub(crate) struct Lang {
    pub(crate) stemmer: Language,
    pub(crate) stop: &'static [&'static str],
    pub(crate) synonyms: &'static [(&'static [&'static str], &'static [&'static str])],
}

/// The language for a `lang` code (English for any other).
pub(crate) fn for_code(code: &str) -> &'static Lang {
    match code {
        "es" => &SPANISH,
        _ => &ENGLISH,
    }
}

pub(crate) static ENGLISH: Lang = Lang {
    stemmer: Language::English,
    stop: STOP_WORDS,
    synonyms: SYNONYMS,
};

pub(crate) static SPANISH: Lang = Lang {
    stemmer: Language::Spanish,
    stop: &[
        "a", "al", "algo", "como", "con", "cual", "cuando", "cuanto", "cuanta", "cuantos", "de",
        "del", "donde", "el", "ella", "en", "es", "esta", "este", "esto", "hay", "la", "las", "le",
        "lo", "los", "mas", "me", "mi", "mis", "muy", "no", "o", "para", "pero", "por", "puedo",
        "que", "quien", "se", "ser", "si", "sin", "sobre", "son", "su", "sus", "te", "tiene", "un",
        "una", "uno", "unos", "y", "yo",
    ],
    synonyms: &[
        (
            &[
                "sueldo", "sueldos", "pago", "paga", "pagan", "ganar", "gana", "ganan", "ingreso",
                "ingresos", "dinero", "salarios",
            ],
            &["salario", "mediana"],
        ),
        (&["salario"], &["pagan", "mediana"]),
        (
            &["demanda", "futuro", "perspectivas", "crecer", "crece"],
            &["crecimiento", "perspectivas"],
        ),
        (
            &[
                "certificado",
                "certificados",
                "licencia",
                "certificacion",
                "certificaciones",
            ],
            &["credencial", "certificación"],
        ),
        (
            &[
                "escuela",
                "universidad",
                "estudiar",
                "estudios",
                "titulo",
                "titulos",
                "formacion",
            ],
            &["educación"],
        ),
    ],
};

/// Words too common to carry meaning (dropped unless nothing else is left).
const STOP_WORDS: &[&str] = &[
    "a", "about", "an", "and", "are", "as", "at", "be", "can", "could", "do", "does", "for",
    "from", "get", "how", "i", "if", "in", "is", "it", "me", "my", "of", "on", "or", "should",
    "so", "that", "the", "their", "them", "there", "they", "this", "to", "was", "we", "what",
    "when", "where", "which", "who", "why", "will", "with", "would", "you", "your",
];

/// Everyday words and the words the site uses for them.
const SYNONYMS: &[(&[&str], &[&str])] = &[
    (
        &[
            "salary", "salaries", "wage", "wages", "earn", "earns", "earning", "earnings",
            "income", "make", "makes", "paid", "money",
        ],
        &["pay", "earn", "salary", "median"],
    ),
    (&["pay", "pays"], &["salary", "earn"]),
    (
        &["demand", "future", "prospects", "growing"],
        &["outlook", "growth"],
    ),
    (
        &[
            "cert",
            "certs",
            "certified",
            "license",
            "licence",
            "licensed",
        ],
        &["certification", "credential"],
    ),
    (
        &[
            "school", "college", "degree", "degrees", "training", "study",
        ],
        &["education"],
    ),
];
