//! HTML news pages -> main article text, title and publication date.
//!
//! The body comes from [`dom_smoothie`] (a port of Mozilla's readability.js), serialised by
//! our own walker into paragraphs separated by blank lines, then checked against what the page
//! says about itself: a JSON-LD `articleBody` that the readability pick misses or cuts short
//! replaces it. Title and date come from JSON-LD (`NewsArticle.headline`,
//! `datePublished`), then `<meta>` tags (`article:published_time`, `og:title`, ...), then
//! `<time datetime>`, then `<title>`.
//!
//! ```
//! let page = r#"<html><head><title>Site</title>
//! <meta property="article:published_time" content="2012-02-07T09:47:00Z">
//! <meta property="og:title" content="Syrian forces shell Homs"></head>
//! <body><nav>Home | World</nav><article><h1>Syrian forces shell Homs</h1>
//! <p>Syrian government forces renewed their shelling of Homs on Tuesday, activists said.</p>
//! <p>At least 19 people were killed, according to the Syrian Observatory for Human Rights, which
//! counts the dead from a network of activists across the country.</p></article>
//! <footer>Copyright</footer></body></html>"#;
//! let x = annalist_ingest::html::extract(page, None);
//! assert_eq!(x.title.as_deref(), Some("Syrian forces shell Homs"));
//! assert_eq!(x.date.map(|d| d.to_string()).as_deref(), Some("2012-02-07"));
//! assert!(x.text.starts_with("Syrian government forces renewed"));
//! assert!(!x.text.contains("Copyright"));
//! ```

use chrono::NaiveDate;
use dom_query::{Document as Dom, NodeRef};
use serde_json::Value;

/// What a page yields.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extracted {
    pub title: Option<String>,
    /// The publication date as the page gives it (ISO 8601 or close to it).
    pub published: Option<String>,
    pub date: Option<NaiveDate>,
    /// The canonical URL, if the page names one.
    pub url: Option<String>,
    /// Paragraphs separated by blank lines.
    pub text: String,
    pub language: Option<String>,
}

/// Decodes page bytes: UTF-8 unless a BOM, the HTTP `charset` given or the page's own
/// `<meta charset>` says a single-byte Western charset; invalid bytes are replaced.
pub fn decode(bytes: &[u8], http_charset: Option<&str>) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    let charset = http_charset.map(str::to_ascii_lowercase).or_else(|| sniff_meta_charset(bytes));
    match charset.as_deref() {
        Some("iso-8859-1" | "latin1" | "latin-1" | "windows-1252" | "cp1252" | "us-ascii" | "iso-8859-15") => {
            bytes.iter().map(|&b| cp1252(b)).collect()
        }
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

fn sniff_meta_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let i = head.find("charset=")? + 8;
    let rest = head[i..].trim_start_matches(['"', '\'']);
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(rest.len());
    Some(rest[..end].to_string())
}

fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    if (0x80..0xa0).contains(&b) {
        HIGH[usize::from(b - 0x80)]
    } else {
        char::from(b)
    }
}

/// Extracts the article of one page. Never fails: a page with no article gives empty text.
pub fn extract(html: &str, url: Option<&str>) -> Extracted {
    let dom = Dom::from(html);
    let mut meta = metadata(&dom);
    let ld_body = meta.ld_body.take();

    let cfg = dom_smoothie::Config { max_elements_to_parse: 0, ..dom_smoothie::Config::default() };
    let readability_text = match dom_smoothie::Readability::with_document(dom, url, Some(cfg)) {
        Ok(mut r) => match r.parse() {
            Ok(article) => {
                if meta.title.is_none() && !article.title.trim().is_empty() {
                    meta.title = Some(clean_inline(&article.title));
                }
                if meta.published.is_none() {
                    meta.published = article.published_time.clone();
                }
                if meta.language.is_none() {
                    meta.language = article.lang.clone();
                }
                let frag = Dom::from(article.content.as_ref());
                prune(&frag);
                let text = text_of(&frag.root());
                tidy(&text, meta.title.as_deref())
            }
            Err(_) => String::new(),
        },
        Err(_) => String::new(),
    };
    let text = choose_body(readability_text, ld_body);
    let date = meta.published.as_deref().and_then(parse_date);
    Extracted { title: meta.title, published: meta.published, date, url: meta.url, text, language: meta.language }
}

/// Prefers JSON-LD `articleBody` where the readability pick is missing, much shorter, or
/// mostly not the article the page describes.
fn choose_body(readability: String, ld_body: Option<String>) -> String {
    let Some(ld) = ld_body else { return readability };
    let ld = paragraphs_of_plain(&ld);
    let ld_words = ld.split_whitespace().count();
    let rd_words = readability.split_whitespace().count();
    if ld_words < 30 {
        return readability;
    }
    if rd_words * 10 < ld_words * 8 {
        return ld;
    }
    readability
}

/// Plain-text `articleBody` -> paragraphs separated by blank lines.
fn paragraphs_of_plain(s: &str) -> String {
    let s = if s.contains('<') && s.contains('>') { text_of(&Dom::from(s).root()) } else { s.to_string() };
    let mut out = String::new();
    for para in s.split('\n') {
        let p = para.split_whitespace().collect::<Vec<_>>().join(" ");
        if !p.is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&p);
        }
    }
    out
}

/// Class or id words of page furniture inside an article container.
const FURNITURE: &[&str] = &[
    "caption", "credit", "share", "sharing", "social", "related", "gallery", "slideshow", "promo", "newsletter",
    "subscribe", "subscription", "advert", "advertisement", "sponsor", "sponsored", "comment", "comments", "tags",
    "tag-list", "byline", "author", "breadcrumb", "breadcrumbs", "popular", "trending", "recommended",
    "recommendations", "more-stories", "read-more", "readmore", "toolbar", "timestamp", "published", "updated",
    "signup", "sign-up", "outbrain", "taboola", "disqus", "nav", "navigation", "menu", "footer", "sidebar",
    "cookie", "consent", "paywall", "newsletter-signup", "inline-ad", "ad", "ads", "dfp", "video", "player",
    "print", "email", "rating", "meta", "post-meta", "article-meta", "entry-meta", "copyright", "disclaimer",
];

fn furniture_word(attr: &str) -> bool {
    attr.split(|c: char| c.is_whitespace() || c == '_' || c == '-' || c == ':')
        .any(|w| FURNITURE.contains(&w.to_ascii_lowercase().as_str()))
        || {
            let a = attr.to_ascii_lowercase();
            a.split_whitespace().any(|w| FURNITURE.contains(&w))
        }
}

/// Removes figures, captions, share bars and similar furniture from the readability pick.
fn prune(frag: &Dom) {
    frag.select("figure, figcaption, picture, img, video, audio, nav, aside, footer, form, button, time, sup.reference")
        .remove();
    let mut doomed = Vec::new();
    for n in frag.select("*").iter() {
        let Some(node) = n.nodes().first().copied() else { continue };
        let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        if matches!(name.as_str(), "html" | "body" | "head" | "p") {
            continue;
        }
        let class = node.attr("class").map(|c| c.to_string()).unwrap_or_default();
        let id = node.attr("id").map(|c| c.to_string()).unwrap_or_default();
        if !(furniture_word(&class) || furniture_word(&id)) {
            continue;
        }
        // A large block is the article itself, whatever its class says.
        let words = node.text().split_whitespace().count();
        if words < 60 {
            doomed.push(node);
        }
    }
    for n in doomed {
        n.remove_from_parent();
    }
}

/// Paragraph-level clean-up: repeated paragraphs, the title again, photo credits, lone
/// navigation words.
fn tidy(text: &str, title: Option<&str>) -> String {
    let mut seen = std::collections::HashSet::new();
    let mut out = String::new();
    for p in text.split("\n\n") {
        let key = p.to_lowercase();
        if !seen.insert(key) {
            continue;
        }
        if title.is_some_and(|t| t.eq_ignore_ascii_case(p)) {
            continue;
        }
        if is_debris(p) {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(p);
    }
    out
}

fn is_debris(p: &str) -> bool {
    let words = p.split_whitespace().count();
    if words > 12 {
        return false;
    }
    let l = p.to_lowercase();
    const STARTS: &[&str] = &[
        "photo:", "photo by", "photograph:", "image:", "image copyright", "picture:", "foto:", "credit:", "getty",
        "image source", "media playback", "advert", "read more", "click here", "share this", "sharing is caring",
        "you may also like", "related:", "sign up", "subscribe", "follow us", "comments", "loading",
    ];
    if STARTS.iter().any(|s| l.starts_with(s)) {
        return true;
    }
    if l.starts_with("image ") && l.contains(" of ") && words <= 5 {
        return true;
    }
    if l.starts_with("updated ") || l.starts_with("published ") || l.starts_with("posted ") {
        return words <= 10 && l.chars().any(|c| c.is_ascii_digit());
    }
    false
}

#[derive(Default)]
struct Meta {
    title: Option<String>,
    published: Option<String>,
    url: Option<String>,
    language: Option<String>,
    ld_body: Option<String>,
}

fn metadata(dom: &Dom) -> Meta {
    let mut m = Meta::default();
    // JSON-LD first: the publisher's own statement.
    for script in dom.select("script[type='application/ld+json']").iter() {
        let raw = script.text();
        let Ok(v) = serde_json::from_str::<Value>(raw.trim()) else { continue };
        let mut found = Vec::new();
        collect_articles(&v, &mut found, 0);
        for a in found {
            if m.title.is_none() {
                m.title = a.get("headline").and_then(Value::as_str).map(clean_inline).filter(|s| !s.is_empty());
            }
            if m.published.is_none() {
                m.published = a.get("datePublished").or_else(|| a.get("dateCreated")).and_then(Value::as_str).map(str::to_string);
            }
            if m.url.is_none() {
                m.url = a.get("url").and_then(Value::as_str).map(str::to_string);
            }
            if m.ld_body.is_none() {
                m.ld_body = a.get("articleBody").and_then(Value::as_str).map(str::to_string).filter(|s| !s.trim().is_empty());
            }
        }
    }
    let meta_content = |sel: &str| -> Option<String> {
        dom.select(sel)
            .iter()
            .filter_map(|n| n.attr("content").map(|c| c.trim().to_string()))
            .find(|c| !c.is_empty())
    };
    if m.published.is_none() {
        const DATE_METAS: &[&str] = &[
            "meta[property='article:published_time']",
            "meta[name='article:published_time']",
            "meta[itemprop='datePublished']",
            "meta[property='og:published_time']",
            "meta[name='pubdate']",
            "meta[name='publishdate']",
            "meta[name='publish-date']",
            "meta[name='date']",
            "meta[name='DC.date.issued']",
            "meta[name='dc.date']",
            "meta[name='DC.date']",
            "meta[name='dcterms.date']",
            "meta[name='sailthru.date']",
            "meta[name='parsely-pub-date']",
            "meta[name='citation_publication_date']",
            "meta[property='rnews:datePublished']",
        ];
        m.published = DATE_METAS.iter().find_map(|s| meta_content(s));
    }
    if m.published.is_none() {
        m.published = dom
            .select("time[datetime]")
            .iter()
            .filter_map(|n| n.attr("datetime").map(|d| d.trim().to_string()))
            .find(|d| parse_date(d).is_some());
    }
    if m.title.is_none() {
        m.title = ["meta[property='og:title']", "meta[name='twitter:title']", "meta[name='title']"]
            .iter()
            .find_map(|s| meta_content(s))
            .map(|t| clean_inline(&t));
    }
    if m.title.is_none() {
        let h1 = dom.select("h1").iter().map(|n| clean_inline(&n.text())).find(|t| !t.is_empty());
        let title = dom.select("title").iter().map(|n| clean_inline(&n.text())).find(|t| !t.is_empty());
        m.title = h1.or(title);
    }
    if m.url.is_none() {
        m.url = dom
            .select("link[rel='canonical']")
            .iter()
            .find_map(|n| n.attr("href").map(|h| h.to_string()))
            .or_else(|| meta_content("meta[property='og:url']"));
    }
    m.language = dom.select("html[lang]").iter().find_map(|n| n.attr("lang").map(|l| l.to_string()));
    m
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "WebPage",
];

fn is_article(v: &Value) -> bool {
    let ty = |s: &str| ARTICLE_TYPES.contains(&s.trim_start_matches("http://schema.org/").trim_start_matches("https://schema.org/"));
    match v.get("@type") {
        Some(Value::String(s)) => ty(s),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(ty),
        _ => false,
    }
}

fn collect_articles<'a>(v: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > 6 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| collect_articles(x, out, depth + 1)),
        Value::Object(o) => {
            if is_article(v) {
                // WebPage last: a NewsArticle inside it (mainEntity) says more.
                let is_page = matches!(o.get("@type"), Some(Value::String(s)) if s == "WebPage");
                if is_page {
                    for k in ["mainEntity", "mainEntityOfPage", "@graph"] {
                        if let Some(x) = o.get(k) {
                            collect_articles(x, out, depth + 1);
                        }
                    }
                    out.push(v);
                    return;
                }
                out.insert(0, v);
            }
            if let Some(g) = o.get("@graph") {
                collect_articles(g, out, depth + 1);
            }
            if let Some(g) = o.get("mainEntity") {
                collect_articles(g, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn clean_inline(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `2012-02-07T09:47:00Z`, `2012-02-07`, `20120207`, `2012/02/07`, RFC 2822 -> a date.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(d.date_naive());
    }
    if let Ok(d) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(d.date_naive());
    }
    let head: String = s.chars().take(10).collect();
    for f in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(&head, f) {
            return Some(d);
        }
    }
    let digits: String = s.chars().take(8).collect();
    if digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(d) = NaiveDate::parse_from_str(&digits, "%Y%m%d") {
            return Some(d);
        }
    }
    for f in ["%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return Some(d);
        }
    }
    None
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "blockquote"
            | "pre"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "tr"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "figure"
            | "figcaption"
            | "hr"
            | "form"
            | "address"
            | "center"
    )
}

fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "noscript" | "template" | "svg" | "button" | "iframe" | "select" | "textarea" | "head"
    )
}

/// Text of a subtree: block elements make paragraphs (separated by blank lines), `<br>` a
/// paragraph break too, runs of white space one space.
pub(crate) fn text_of(root: &NodeRef) -> String {
    let mut w = TextWriter::default();
    walk(root, &mut w);
    w.finish()
}

#[derive(Default)]
struct TextWriter {
    out: String,
    para: String,
}

impl TextWriter {
    fn push_text(&mut self, t: &str) {
        for (i, word) in t.split_whitespace().enumerate() {
            let space_before = i > 0 || t.starts_with(char::is_whitespace);
            if space_before && !self.para.is_empty() && !self.para.ends_with(' ') {
                self.para.push(' ');
            }
            self.para.push_str(word);
        }
        if t.ends_with(char::is_whitespace) && !self.para.is_empty() && !self.para.ends_with(' ') {
            self.para.push(' ');
        }
    }

    fn break_para(&mut self) {
        let p = self.para.trim();
        if !p.is_empty() {
            if !self.out.is_empty() {
                self.out.push_str("\n\n");
            }
            self.out.push_str(p);
        }
        self.para.clear();
    }

    fn finish(mut self) -> String {
        self.break_para();
        self.out
    }
}

fn walk(node: &NodeRef, w: &mut TextWriter) {
    for child in node.children_it(false) {
        if child.is_text() {
            w.push_text(&child.text());
        } else if child.is_element() {
            let name = child.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
            if is_skipped(&name) {
                continue;
            }
            if name == "br" {
                w.break_para();
                continue;
            }
            let block = is_block(&name);
            if block {
                w.break_para();
            }
            if name == "td" || name == "th" {
                w.push_text(" ");
            }
            walk(&child, w);
            if block {
                w.break_para();
            }
        } else if child.is_document() || child.is_fragment() {
            walk(&child, w);
        }
    }
}
