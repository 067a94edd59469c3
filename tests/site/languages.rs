//! A language is content: a third edition (French here) is added with
//! content files alone. Its `ui/fr.toml` declares the search stemmer, stop
//! words and synonyms (`[vocabulary]`) and the number format (`[numbers]`);
//! its pages serve, its search stems with its stemmer, its money reads its
//! way, and a stemmer the engine does not have is an error at its place.

use crate::editions::bilingual;
use crate::helpers::{Scratch, attrs, files_under, get_from, texts};
use axum::http::StatusCode;

/// `text` with everything from `start` up to (not including) `end`
/// replaced by `with`.
#[track_caller]
fn replace_between(text: &str, start: &str, end: &str, with: &str) -> String {
    let from = text.find(start).unwrap_or_else(|| panic!("no {start:?}"));
    let to = from
        + text[from..]
            .find(end)
            .unwrap_or_else(|| panic!("no {end:?}"));
    format!("{}{with}{}", &text[..from], &text[to..])
}

/// The bilingual fixture with a French edition, from content files alone.
fn trilingual(stemmer: &str) -> Scratch {
    let s = bilingual();
    s.edit(
        "site.toml",
        "translations = [\"es\"]",
        "translations = [\"es\", \"fr\"]",
    );
    let en = s.read("ui/en.toml");
    let fr = en
        .replacen("lang = \"en\"", "lang = \"fr\"", 1)
        .replacen("name = \"English\"", "name = \"Français\"", 1)
        .replacen("locale = \"en_US\"", "locale = \"fr_CA\"", 1)
        .replace("{amount} a year", "{amount} par an")
        .replace("Skip to main content", "Aller au contenu principal");
    let fr = replace_between(
        &fr,
        "[numbers]",
        "[chrome]",
        &format!(
            "[numbers]\ngroup = \"\\u00A0\"\ndecimal = \",\"\nmoney = \"{{amount}}\\u00A0$\"\npercent = \"{{percent}}\\u00A0%\"\n\n\
             [vocabulary]\nstemmer = \"{stemmer}\"\nstop = [\"le\", \"la\", \"les\", \"de\", \"des\", \"du\", \"et\", \"en\"]\n\n\
             [[vocabulary.synonyms]]\nwords = [\"paie\", \"revenu\"]\nmeans = [\"salaire\"]\n\n"
        ),
    );
    s.write("ui/fr.toml", fr);
    s.write(
        "site.fr.toml",
        "name = \"Démo\"\ntagline = \"Un petit site pour les tests.\"\ndescription = \"Un site d'essai.\"\n[about]\npublisher = \"L'équipe démo.\"\nreview = \"Chaque année.\"\nreport_text = \"Écrivez-nous\"\n",
    );
    s.write(
        "glossary.fr.toml",
        "[terms.abc]\nterm = \"ABC\"\nexpansion = \"alpha bêta gamma\"\ndefinition = \"Une abréviation inventée.\"\n",
    );
    s.write(
        "resources.fr.toml",
        "[[resources]]\ntitle = \"Statistiques\"\nwhy = \"D'où viennent les chiffres.\"\n",
    );
    s.write(
        "pathways/demo/pathway.fr.toml",
        "title = \"Parcours d'essai\"\nshort_title = \"PE\"\nsummary = \"Un parcours pour les tests.\"\ndescription = \"Un parcours utilisé par les tests.\"\n[occupations.worker]\ntitle = \"Travailleurs\"\ndescription = \"Des personnes qui travaillent.\"\n[occupations.worker.entry_education]\ntext = \"Licence\"\n[history.old-group]\ntitle = \"Ancien groupe\"\ndescription = \"Un groupe compté autrement.\"\n",
    );
    s.write(
        "pathways/demo/career-map.fr.toml",
        "[levels.bachelor]\nname = \"Licence\"\nlength = \"environ quatre ans\"\nprepares = \"Prépare au travail.\"\n[titles.starter]\nname = \"Débutant\"\nsummary = \"Commence.\"\n[titles.senior]\nname = \"Expert\"\nsummary = \"A grandi.\"\n",
    );
    s.write(
        "pathways/demo/intro.fr.md",
        "+++\ntitle = \"Qu'est-ce que c'est ?\"\nnav_title = \"Introduction\"\nsummary = \"Une introduction.\"\nsources = [\"stats\"]\n+++\n\nLe travail ABC, les journaux en parlent. Voir le [salaire](/pathways/demo/pay#how-much) et la [carte](/pathways/demo/career-map#starter).\n\n## Première question {#first-question}\n\nTexte sur ABC.\n",
    );
    s.write(
        "pathways/demo/pay.fr.md",
        "+++\ntitle = \"Salaire\"\nnav_title = \"Salaire\"\nsummary = \"Ce que cela paie.\"\n+++\n\nLes travailleurs gagnent {{ figure worker.median_pay }}.\n\n## Combien ? {#how-much}\n\n{{ table pay }}\n",
    );
    s
}

#[tokio::test]
async fn a_third_language_from_content_files_alone_serves_its_pages() {
    let s = trilingual("French");
    let state = s.state();
    for path in [
        "/fr",
        "/fr/pathways/demo",
        "/fr/pathways/demo/pay",
        "/fr/glossary",
    ] {
        let got = get_from(&state, path).await;
        assert_eq!(got.status, StatusCode::OK, "{path}");
        let doc = got.html();
        assert_eq!(attrs(&doc, "html", "lang"), ["fr"], "{path}");
        let es = attrs(&doc, "link[rel=alternate][hreflang=es]", "href");
        assert_eq!(es.len(), 1, "{path} links its Spanish twin: {es:?}");
    }
    // Every edition links the French one.
    let en = get_from(&state, "/pathways/demo/pay").await.html();
    let fr = attrs(&en, "link[rel=alternate][hreflang=fr]", "href");
    assert!(
        fr.iter().any(|h| h.ends_with("/fr/pathways/demo/pay")),
        "{fr:?}"
    );
}

#[tokio::test]
async fn a_third_language_writes_money_in_its_own_format() {
    let s = trilingual("French");
    let state = s.state();
    let fr = get_from(&state, "/fr/pathways/demo/pay").await.text();
    // No-break spaces, as `[numbers]` in ui/fr.toml declares.
    assert!(fr.contains("50\u{a0}000\u{a0}$ par an"), "{fr}");
    assert!(
        fr.contains("24,04\u{a0}$"),
        "hourly pay with its decimal comma"
    );
    // The other editions keep theirs.
    let en = get_from(&state, "/pathways/demo/pay").await.html();
    assert!(texts(&en, "main").join(" ").contains("$50,000 a year"));
}

#[tokio::test]
async fn a_third_languages_search_uses_its_own_stemmer() {
    // French stems "journal" and "journaux" alike; English does not.
    let french = trilingual("French");
    let state = french.state();
    let doc = get_from(&state, "/fr/search?q=journal").await.html();
    let links = attrs(&doc, ".results .result-title a", "href");
    assert_eq!(
        links.first().map(String::as_str),
        Some("/fr/pathways/demo/intro"),
        "{links:?}"
    );
    // Its stop words are its own: "les" alone is searched, "les journal" is "journal".
    let doc = get_from(&state, "/fr/search?q=les+journal").await.html();
    assert_eq!(attrs(&doc, ".results .result-title a", "href"), links);
    let english = trilingual("English");
    let state = english.state();
    let doc = get_from(&state, "/fr/search?q=journal").await.html();
    assert!(attrs(&doc, ".results .result-title a", "href").is_empty());
}

#[test]
fn a_stemmer_the_engine_does_not_have_is_an_error_at_its_place() {
    let s = trilingual("Klingon");
    let errors = s.errors();
    let (line, col) = s.position("ui/fr.toml", "\"Klingon\"");
    let at = format!("{}:{line}:{col}: ", s.shown("ui/fr.toml"));
    let found = errors.iter().find(|e| e.starts_with(&at));
    let found = found.unwrap_or_else(|| panic!("{at} in {errors:#?}"));
    assert!(found.contains("no stemmer `Klingon`"), "{found}");
    assert!(
        found.contains("French"),
        "it lists the stemmers there are: {found}"
    );
}

#[test]
fn no_language_is_named_in_the_engine() {
    let s = trilingual("French");
    let mut codes: Vec<String> = files_under(&s.path("ui"))
        .iter()
        .filter_map(|p| p.file_stem()?.to_str().map(str::to_string))
        .collect();
    codes.sort();
    assert_eq!(codes, ["en", "es", "fr"]);
    let stemmers = ["English", "Spanish", "French", "Portuguese"];
    for file in files_under(std::path::Path::new("src")) {
        if file.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("read source");
        for code in &codes {
            assert!(
                !text.contains(&format!("\"{code}\"")),
                "{} names `{code}`",
                file.display()
            );
        }
        for name in stemmers {
            assert!(
                !text.contains(&format!("Language::{name}")),
                "{} names {name}",
                file.display()
            );
        }
    }
}
