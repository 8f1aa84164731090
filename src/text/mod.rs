//! Text stage: decoding bytes to text, HTML, Word, OpenDocument and PDF to text, sentence
//! boundaries and offsets.

pub mod decode;
pub mod html;
#[cfg(test)]
pub mod marked;
pub mod office;
pub mod offsets;
pub mod pdf;
pub mod phrases;
pub mod sentences;
pub mod tokens;

use std::fmt;
use std::ops::Range;

/// Why a document's bytes could not be loaded as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The bytes are not text in any encoding we read.
    Decode(decode::DecodeError),
    /// A .docx or .odt file that could not be read.
    Office(office::OfficeError),
    /// A PDF that could not be read, or that has no text (a scan).
    Pdf(pdf::PdfError),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Decode(e) => e.fmt(f),
            LoadError::Office(e) => e.fmt(f),
            LoadError::Pdf(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for LoadError {}

impl From<decode::DecodeError> for LoadError {
    fn from(e: decode::DecodeError) -> LoadError {
        LoadError::Decode(e)
    }
}

/// A document's text and, for a PDF, where its pages start.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Loaded {
    /// The text to analyse (report offsets refer to it).
    pub text: String,
    /// For a PDF, the code point offset where each page starts ([`pdf::page_of`] turns an
    /// offset into a page number); empty for documents without pages.
    pub pages: Vec<usize>,
}

/// Loads a document: a .docx or .odt file (by name) becomes the text of its paragraphs;
/// other bytes are decoded and, when HTML (by name or by content), reduced to readable text.
/// The CLI and the app both read files through this.
///
/// Offsets in reports refer to the returned text.
pub fn load(name: &str, bytes: &[u8]) -> Result<String, LoadError> {
    read(name, bytes).map(|l| l.text)
}

/// [`load`] with page starts: a PDF (by name, or bytes that start with `%PDF-`) becomes its
/// text in reading order ([`pdf::to_text`]); other documents have no pages.
pub fn read(name: &str, bytes: &[u8]) -> Result<Loaded, LoadError> {
    let is_pdf_name = name
        .rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("pdf"));
    if is_pdf_name || bytes.starts_with(b"%PDF-") {
        let t = pdf::to_text(bytes).map_err(LoadError::Pdf)?;
        return Ok(Loaded {
            text: t.text,
            pages: t.pages,
        });
    }
    let text = if let Some(flavor) = office::Flavor::of(name) {
        office::to_text(bytes, flavor).map_err(LoadError::Office)?
    } else {
        prepare(name, decode::decode(bytes)?)
    };
    Ok(Loaded {
        text,
        pages: Vec::new(),
    })
}

/// Turns an already decoded document into the text to analyse (HTML -> text when it is HTML).
pub fn prepare(name: &str, text: String) -> String {
    if is_html(name, &text) {
        html::to_text(&text)
    } else {
        text
    }
}

/// Whether a document is HTML: by extension (`.html`, `.htm`, `.xhtml`), never for `.txt`
/// or `.md`, otherwise when its first markup is an HTML doctype or an `<html>`, `<head>` or
/// `<body>` tag.
pub fn is_html(name: &str, text: &str) -> bool {
    let lower_ext = name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    match lower_ext.as_str() {
        "html" | "htm" | "xhtml" | "shtml" => return true,
        "txt" | "text" | "md" | "markdown" => return false,
        _ => {}
    }
    let head = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let bytes = head.as_bytes();
    let probe = bytes[..bytes.len().min(64)].to_ascii_lowercase();
    let first_kb = &bytes[..bytes.len().min(1024)];
    probe.starts_with(b"<!doctype html")
        || probe.starts_with(b"<html")
        || probe.starts_with(b"<head")
        || probe.starts_with(b"<body")
        || (probe.starts_with(b"<?xml")
            && first_kb
                .windows(5)
                .any(|w| w.eq_ignore_ascii_case(b"<html")))
}

/// A document's text with its sentence boundaries (byte ranges into `text`).
///
/// Every stage works in byte offsets; [`offsets::CharIndex`] turns them into the code point
/// offsets the report uses.
pub struct Document<'a> {
    /// The whole text.
    pub text: &'a str,
    /// Sentence byte ranges, in order, covering the text without overlap.
    pub sentences: Vec<Range<usize>>,
    /// The one token stream the stages read ([`Document::tokens`]), found on first use: a
    /// document that only regroups incidents never needs it.
    tokens: std::sync::OnceLock<Vec<tokens::Token>>,
}

impl<'a> Document<'a> {
    /// Splits `text` into sentences.
    pub fn new(text: &'a str) -> Document<'a> {
        Document {
            text,
            sentences: sentences::split(text),
            tokens: std::sync::OnceLock::new(),
        }
    }

    /// The words and punctuation of the text, in order ([`tokens`]), each with its sentence
    /// index in [`Document::sentences`]; computed once, on the first call.
    pub fn tokens(&self) -> &[tokens::Token] {
        self.tokens
            .get_or_init(|| tokens::tokenize(self.text, &self.sentences))
    }

    /// Index of the sentence that holds byte offset `at` (the last one if past the end).
    pub fn sentence_of(&self, at: usize) -> usize {
        match self.sentences.binary_search_by(|r| {
            if r.end <= at {
                std::cmp::Ordering::Less
            } else if r.start > at {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        }) {
            Ok(i) => i,
            Err(i) => i.min(self.sentences.len().saturating_sub(1)),
        }
    }
}

#[cfg(test)]
mod load_tests {
    use super::{is_html, load, LoadError};

    #[test]
    fn html_by_extension_or_content() {
        assert!(is_html("a.HTML", "plain"));
        assert!(is_html("a.htm", ""));
        assert!(!is_html("a.txt", "<html><body>x</body></html>"));
        assert!(is_html("-", "  <!DOCTYPE html><p>x"));
        assert!(is_html("doc-7", "\u{FEFF}<HTML lang=en>"));
        assert!(!is_html("-", "3 killed <b>today</b>"));
        assert!(!is_html("", ""));
    }

    #[test]
    fn load_decodes_then_strips_html() {
        assert_eq!(
            load("x.html", b"<p>4 hurt</p><script>1</script>").as_deref(),
            Ok("4 hurt")
        );
        assert_eq!(
            load("x.txt", b"<p>4 hurt</p>").as_deref(),
            Ok("<p>4 hurt</p>")
        );
        assert!(matches!(
            load("x.pdf", b"%PDF-1.4"),
            Err(LoadError::Pdf(super::pdf::PdfError::Damaged(_)))
        ));
        assert!(matches!(load("x.txt", b"%PDF-1.4"), Err(LoadError::Pdf(_))));
    }
}
