//! A second language: every page has its twin under `/es/`, linked both
//! ways; words come from the translation files, figures from the one data
//! file; a page or heading id in one language only is an error; Spanish
//! search stems and folds accents.

use crate::helpers::{Scratch, attrs, get_from, sel, texts};
use axum::http::StatusCode;

/// The minimal fixture with a Spanish edition.
pub(crate) fn bilingual() -> Scratch {
    let s = Scratch::of("minimal");
    s.edit(
        "site.toml",
        "locale = \"en_US\"",
        "locale = \"en_US\"\ntranslations = [\"es\"]",
    );
    let en = s.read("ui/en.toml");
    let es = en
        .replacen("lang = \"en\"", "lang = \"es\"", 1)
        .replacen("name = \"English\"", "name = \"Español\"", 1)
        .replacen("locale = \"en_US\"", "locale = \"es_US\"", 1)
        .replacen("stemmer = \"English\"", "stemmer = \"Spanish\"", 1)
        .replace("Skip to main content", "Saltar al contenido principal")
        .replace("{amount} a year", "{amount} al año")
        .replace("{day} {month} {year}", "{day} de {month} de {year}");
    s.write("ui/es.toml", es);
    s.write(
        "site.es.toml",
        "name = \"Demo\"\ntagline = \"Un sitio pequeño para pruebas.\"\ndescription = \"Un sitio de prueba.\"\n[about]\npublisher = \"El equipo de demo.\"\nreview = \"Cada año.\"\nreport_text = \"Escríbanos\"\n",
    );
    s.write(
        "glossary.es.toml",
        "[terms.abc]\nterm = \"ABC\"\nexpansion = \"alfa beta gamma\"\ndefinition = \"Una abreviatura inventada.\"\n",
    );
    s.write(
        "resources.es.toml",
        "[[resources]]\ntitle = \"Estadísticas\"\nwhy = \"De dónde vienen las cifras.\"\n",
    );
    s.write(
        "pathways/demo/pathway.es.toml",
        "title = \"Trayectoria de prueba\"\nshort_title = \"DP\"\nsummary = \"Una trayectoria para pruebas.\"\ndescription = \"Una trayectoria que usan las pruebas.\"\n[occupations.worker]\ntitle = \"Trabajadores\"\ndescription = \"Personas que trabajan.\"\n[occupations.worker.entry_education]\ntext = \"Licenciatura\"\n[history.old-group]\ntitle = \"Grupo antiguo\"\ndescription = \"Un grupo contado de otra forma.\"\n",
    );
    s.write(
        "pathways/demo/career-map.es.toml",
        "[levels.bachelor]\nname = \"Licenciatura\"\nlength = \"unos cuatro años\"\nprepares = \"Prepara para el trabajo.\"\n[titles.starter]\nname = \"Principiante\"\nsummary = \"Empieza.\"\n[titles.senior]\nname = \"Experto\"\nsummary = \"Ha crecido.\"\n",
    );
    s.write(
        "pathways/demo/intro.es.md",
        "+++\ntitle = \"¿Qué es?\"\nnav_title = \"Introducción\"\nsummary = \"Una introducción.\"\nsources = [\"stats\"]\n+++\n\nEl trabajo ABC es trabajo de codificación. Vea el [salario](/pathways/demo/pay#how-much) y el [mapa](/pathways/demo/career-map#starter).\n\n## Primera pregunta {#first-question}\n\nTexto sobre ABC.\n",
    );
    s.write(
        "pathways/demo/pay.es.md",
        "+++\ntitle = \"Salario\"\nnav_title = \"Salario\"\nsummary = \"Lo que paga.\"\n+++\n\nLos trabajadores ganan {{ figure worker.median_pay }}.\n\n## ¿Cuánto? {#how-much}\n\n{{ table pay }}\n",
    );
    s
}

#[tokio::test]
async fn every_page_has_its_twin_and_both_link_to_each_other() {
    let s = bilingual();
    let state = s.state();
    for (en, es) in [
        ("/", "/es"),
        ("/pathways/demo", "/es/pathways/demo"),
        ("/pathways/demo/pay", "/es/pathways/demo/pay"),
        ("/pathways/demo/career-map", "/es/pathways/demo/career-map"),
        ("/pathways/demo/print", "/es/pathways/demo/print"),
        ("/glossary", "/es/glossary"),
    ] {
        let doc_en = get_from(&state, en).await.html();
        let doc_es = get_from(&state, es).await.html();
        for (doc, lang, other, other_lang) in [(&doc_en, "en", es, "es"), (&doc_es, "es", en, "en")]
        {
            assert_eq!(attrs(doc, "html", "lang"), [lang], "{en}");
            let alternates = attrs(
                doc,
                &format!("link[rel=alternate][hreflang={other_lang}]"),
                "href",
            );
            assert_eq!(
                alternates,
                [format!("https://example.org{other}")],
                "{en} ({lang})"
            );
            assert_eq!(
                attrs(doc, "link[rel=alternate][hreflang=x-default]", "href"),
                [format!("https://example.org{en}")]
            );
            let switch = attrs(doc, ".lang-switch a", "href");
            assert_eq!(
                switch,
                [other.to_string()],
                "{en} ({lang}): the visible switch"
            );
        }
    }
}

#[tokio::test]
async fn spanish_pages_take_words_from_translations_and_figures_from_the_one_data_file() {
    let s = bilingual();
    let state = s.state();
    let es = get_from(&state, "/es/pathways/demo/pay").await.html();
    assert_eq!(texts(&es, "a.skip"), ["Saltar al contenido principal"]);
    assert_eq!(
        attrs(&es, "meta[property=\"og:locale\"]", "content"),
        ["es_US"]
    );
    assert!(
        texts(&es, ".prose p")
            .iter()
            .any(|p| p.contains("$50,000 al año"))
    );
    let intro = get_from(&state, "/es/pathways/demo/intro").await.html();
    assert!(
        intro.select(&sel("a[href^=\"/es/glossary#abc\"]")).count() >= 1,
        "glossary terms link to the Spanish glossary"
    );
    assert_eq!(
        attrs(&intro, ".prose a[href*=\"pay\"]", "href"),
        ["/es/pathways/demo/pay#how-much"],
        "internal links lead to the Spanish twin"
    );
    let en = get_from(&state, "/pathways/demo/pay").await.html();
    assert!(
        texts(&en, ".prose p")
            .iter()
            .any(|p| p.contains("$50,000 a year"))
    );
}

#[test]
fn a_page_in_one_language_only_is_an_error_at_its_file() {
    let s = bilingual();
    s.remove("pathways/demo/pay.es.md");
    let errors = s.errors();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("pay.md:1:1:") && e.contains("has no translation")),
        "{errors:#?}"
    );
    let s = bilingual();
    s.write(
        "pathways/demo/extra.es.md",
        s.read("pathways/demo/pay.es.md"),
    );
    let errors = s.errors();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("extra.es.md:1:1:") && e.contains("no English section")),
        "{errors:#?}"
    );
}

#[test]
fn a_heading_id_in_one_language_only_is_an_error_at_the_heading() {
    let s = bilingual();
    s.edit("pathways/demo/pay.es.md", "{#how-much}", "{#cuanto}");
    let errors = s.errors();
    let at = s.position("pathways/demo/pay.es.md", "## ¿Cuánto?");
    assert!(
        errors
            .iter()
            .any(|e| e.contains(&format!("pay.es.md:{}:{}:", at.0, at.1)) && e.contains("cuanto")),
        "{errors:#?}"
    );
}

#[test]
fn a_translation_of_an_id_english_does_not_have_is_an_error() {
    let s = bilingual();
    s.edit(
        "pathways/demo/career-map.es.toml",
        "[titles.senior]",
        "[titles.boss]",
    );
    let errors = s.errors();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("career-map.es.toml") && e.contains("`boss`")),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("career-map.es.toml") && e.contains("`senior`")),
        "{errors:#?}"
    );
}

#[tokio::test]
async fn spanish_search_stems_and_folds_accents_and_links_to_spanish_pages() {
    let s = bilingual();
    let state = s.state();
    let doc = get_from(&state, "/es/search?q=codificacion").await.html();
    let links = attrs(&doc, ".results .result-title a", "href");
    assert_eq!(
        links.first().map(String::as_str),
        Some("/es/pathways/demo/intro"),
        "{links:?}"
    );
    assert!(links.iter().all(|l| l.starts_with("/es/")), "{links:?}");
    let english = get_from(&state, "/search?q=codificacion").await.html();
    assert!(attrs(&english, ".results .result-title a", "href").is_empty());
}

#[tokio::test]
async fn the_sitemap_lists_both_editions_with_alternates() {
    let s = bilingual();
    let state = s.state();
    let xml = get_from(&state, "/sitemap.xml").await.text();
    assert!(xml.contains("<loc>https://example.org/es/pathways/demo/pay</loc>"));
    assert!(xml.contains(
        "<xhtml:link rel=\"alternate\" hreflang=\"es\" href=\"https://example.org/es/pathways/demo/pay\"/>"
    ));
    assert!(xml.contains(
        "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/pathways/demo/pay\"/>"
    ));
}

#[tokio::test]
async fn only_an_editions_own_search_page_searches() {
    let s = bilingual();
    let state = s.state();
    for (path, status) in [
        ("/search?q=pay", StatusCode::OK),
        ("/es/search?q=pay", StatusCode::OK),
        ("/xyz/search?q=pay", StatusCode::NOT_FOUND),
        ("/pathways/search?q=pay", StatusCode::NOT_FOUND),
        ("/about/search", StatusCode::NOT_FOUND),
    ] {
        let got = get_from(&state, path).await;
        assert_eq!(got.status, status, "{path}");
        let doc = got.html();
        // The site's own page either way, in the edition's language.
        assert_eq!(doc.select(&sel("main h1")).count(), 1, "{path}");
        if status == StatusCode::OK {
            let lang = if path.starts_with("/es/") { "es" } else { "en" };
            assert_eq!(attrs(&doc, "html", "lang"), [lang], "{path}");
            assert_eq!(doc.select(&sel("main input[name=q]")).count(), 1, "{path}");
        }
    }
}

#[tokio::test]
async fn each_editions_share_image_has_a_path_of_its_own() {
    let s = bilingual();
    let state = s.state();
    let mut images = Vec::new();
    for path in ["/pathways/demo", "/es/pathways/demo"] {
        let doc = get_from(&state, path).await.html();
        let image = attrs(&doc, "meta[property=\"og:image\"]", "content");
        let [image] = image.as_slice() else {
            panic!("{path}: {image:?}")
        };
        let at = image.find("/og/").unwrap_or_else(|| panic!("{image}"));
        let image_path = &image[at..];
        assert!(!image_path.contains("//"), "{image}");
        let got = get_from(&state, image_path).await;
        assert_eq!(got.status, StatusCode::OK, "{image}");
        assert_eq!(got.header("content-type"), "image/png", "{image}");
        images.push(image_path.to_string());
    }
    assert_ne!(images[0], images[1]);
}
