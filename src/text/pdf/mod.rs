//! PDF documents to plain text in reading order, with the offset where each page starts.
//!
//! `lopdf` parses the file (objects, streams, fonts; it returns errors on damaged input);
//! [`content`] turns each page's content stream into positioned pieces of text and [`layout`]
//! orders them (columns read one after the other, table rows kept as rows). Lines repeated on
//! every page (running headers and footers, page numbers) are dropped, so they yield no
//! duplicate figures and do not cut paragraphs. Pages are separated by a blank line, like paragraphs;
//! page numbers are not markers in the text but [`PdfText::pages`], the code point offset where
//! each page starts, so a report's offsets point into the text the reader shows.
//!
//! Never panics: a damaged or hostile file is a [`PdfError`] (fuzz target `pdf`).

pub mod content;
pub mod encoding;
pub mod layout;

use layout::Block;
use std::collections::HashMap;
use std::fmt;

/// Most pages read from one file.
pub const MAX_PAGES: usize = 2_000;
/// Most pieces of text read from one file (later pages are left out).
pub const MAX_PIECES: usize = 2_000_000;
/// Most decompressed bytes of all streams of a file together.
pub const MAX_DECOMPRESSED: usize = 256 << 20;

/// The text of a PDF and where its pages start.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PdfText {
    /// The text, pages in order, each in reading order.
    pub text: String,
    /// For each page, the code point offset in `text` where it starts (the first is 0).
    pub pages: Vec<usize>,
}

/// Why a PDF could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// The file is not a PDF lopdf can parse (truncated, damaged, not a PDF at all).
    Damaged(String),
    /// The file is encrypted with a password.
    Encrypted,
    /// The pages hold no text: a scan or images only.
    NoText {
        /// How many pages the file has.
        pages: usize,
    },
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::Damaged(why) => {
                write!(f, "not a readable PDF: damaged or cut short ({why})")
            }
            PdfError::Encrypted => f.write_str("the PDF is protected by a password"),
            PdfError::NoText { pages } => write!(
                f,
                "this PDF has no text layer ({pages} page{} of images only, probably a scan): \
                 run it through OCR first",
                if *pages == 1 { "" } else { "s" }
            ),
        }
    }
}

impl std::error::Error for PdfError {}

/// The text of a PDF file, in reading order, with its page starts.
pub fn to_text(bytes: &[u8]) -> Result<PdfText, PdfError> {
    let options = lopdf::LoadOptions::with_max_decompressed_size(MAX_DECOMPRESSED);
    let doc = lopdf::Document::load_mem_with_options(bytes, options).map_err(|e| {
        let why = e.to_string();
        if why.to_ascii_lowercase().contains("decrypt") || why.contains("password") {
            PdfError::Encrypted
        } else {
            PdfError::Damaged(why.chars().take(120).collect())
        }
    })?;
    if doc.is_encrypted() {
        return Err(PdfError::Encrypted);
    }
    let mut budget = MAX_PIECES;
    let pages: Vec<Vec<Block>> = doc
        .get_pages()
        .into_values()
        .take(MAX_PAGES)
        .map(|id| {
            if budget == 0 {
                return Vec::new();
            }
            let pieces = content::page_pieces(&doc, id);
            budget = budget.saturating_sub(pieces.len());
            layout::blocks(pieces)
        })
        .collect();
    let n = pages.len();
    let text = assemble(drop_running_lines(pages));
    if text.text.trim().is_empty() {
        return Err(PdfError::NoText { pages: n });
    }
    Ok(text)
}

/// A line's identity across pages: its letters with every digit run as `#` ("Page # of #").
fn running_key(line: &str) -> String {
    let mut key = String::with_capacity(line.len());
    for c in line.chars() {
        if c.is_ascii_digit() {
            if !key.ends_with('#') {
                key.push('#');
            }
        } else if !c.is_whitespace() {
            key.push(c);
        }
    }
    key
}

/// Removes the lines found on every page (with two or more pages): running headers, footers
/// and page numbers.
pub fn drop_running_lines(mut pages: Vec<Vec<Block>>) -> Vec<Vec<Block>> {
    if pages.len() < 2 {
        return pages;
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for page in &pages {
        let mut keys: Vec<String> = page
            .iter()
            .flat_map(|b| b.lines.iter().map(|l| running_key(l)))
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    let n = pages.len();
    for page in pages.iter_mut() {
        for block in page.iter_mut() {
            block
                .lines
                .retain(|l| seen.get(&running_key(l)).copied().unwrap_or(0) < n);
        }
        page.retain(|b| !b.lines.is_empty());
    }
    pages
}

/// Joins pages of blocks into one text: blocks separated by a blank line, a paragraph's lines
/// joined into one (a word hyphenated at a line end is joined again), a table's rows one a line.
pub fn assemble(pages: Vec<Vec<Block>>) -> PdfText {
    let mut text = String::new();
    let mut len = 0usize;
    let mut starts = Vec::with_capacity(pages.len());
    for page in pages {
        let mut page_text = String::new();
        for block in page {
            // A paragraph cut by a column or page break ("...the district hospital," | "which
            // has forty beds") goes on in the next block: join them.
            let continues = !block.table
                && block
                    .lines
                    .first()
                    .is_some_and(|l| l.starts_with(char::is_lowercase))
                && page_text.ends_with(|c: char| c.is_alphanumeric() || c == ',');
            if continues {
                page_text.push(' ');
            } else if !page_text.is_empty() {
                page_text.push_str("\n\n");
            }
            if block.table {
                page_text.push_str(&block.lines.join("\n"));
            } else {
                page_text.push_str(&join_lines(&block.lines));
            }
        }
        if !text.is_empty() && !page_text.is_empty() {
            text.push_str("\n\n");
            len += 2;
        }
        starts.push(len);
        len += page_text.chars().count();
        text.push_str(&page_text);
    }
    PdfText {
        text,
        pages: starts,
    }
}

fn join_lines(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines {
        let hyphenated = {
            let mut rev = out.chars().rev();
            rev.next() == Some('-') && rev.next().is_some_and(char::is_alphabetic)
        };
        if hyphenated && line.starts_with(|c: char| c.is_lowercase()) {
            out.pop();
        } else if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// The 1-based page of a code point offset, given the page starts of [`PdfText::pages`]
/// (None for a document without pages).
///
/// ```
/// use casualty_lens::text::pdf::page_of;
/// assert_eq!(page_of(&[0, 120, 300], 130), Some(2));
/// assert_eq!(page_of(&[0, 120, 300], 0), Some(1));
/// assert_eq!(page_of(&[], 5), None);
/// ```
pub fn page_of(pages: &[usize], offset: usize) -> Option<usize> {
    match pages.partition_point(|&s| s <= offset) {
        0 if pages.is_empty() => None,
        0 => Some(1),
        n => Some(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(lines: &[&str]) -> Block {
        Block {
            lines: lines.iter().map(|s| s.to_string()).collect(),
            table: false,
        }
    }

    #[test]
    fn running_headers_and_page_numbers_are_dropped() {
        let pages = vec![
            vec![
                block(&["Relief update: 7 killed"]),
                block(&["First page text."]),
                block(&["Page 1 of 2"]),
            ],
            vec![
                block(&["Relief update: 7 killed"]),
                block(&["Second page text."]),
                block(&["Page 2 of 2"]),
            ],
        ];
        let t = assemble(drop_running_lines(pages));
        assert_eq!(t.text, "First page text.\n\nSecond page text.");
        assert_eq!(t.pages, [0, 18]);
        assert_eq!(&t.text[18..], "Second page text.");
    }

    #[test]
    fn paragraph_lines_join_and_hyphenated_words_mend() {
        let t = assemble(vec![vec![block(&[
            "at least 23 casual-",
            "ties and the cease-",
            "Fire",
        ])]]);
        assert_eq!(t.text, "at least 23 casualties and the cease- Fire");
    }

    #[test]
    fn page_starts_count_code_points() {
        let t = assemble(vec![vec![block(&["Déjà vu"])], vec![], vec![block(&["x"])]]);
        assert_eq!(t.text, "Déjà vu\n\nx");
        assert_eq!(t.pages, [0, 7, 9]);
        assert_eq!(page_of(&t.pages, 9), Some(3));
    }

    /// A one-page PDF in a standard font (no ToUnicode map, WinAnsi with Differences), made
    /// with lopdf's writer.
    fn simple_font_pdf(lines: &[&str]) -> Vec<u8> {
        use lopdf::content::{Content, Operation};
        use lopdf::{dictionary, Document, Object, Stream};
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let differences = vec![Object::Integer(39), Object::Name(b"quoteright".to_vec())];
        let font_id = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
            "Encoding" => dictionary! { "Type" => "Encoding", "BaseEncoding" => "WinAnsiEncoding",
                "Differences" => differences },
        });
        let resources_id =
            doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
        let mut ops = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 12.into()]),
        ];
        ops.push(Operation::new("TL", vec![14.into()]));
        ops.push(Operation::new("Td", vec![72.into(), 700.into()]));
        for l in lines {
            ops.push(Operation::new(
                "Tj",
                vec![Object::string_literal(l.as_bytes().to_vec())],
            ));
            ops.push(Operation::new("T*", vec![]));
        }
        ops.push(Operation::new("ET", vec![]));
        let content = Content { operations: ops }.encode().expect("content");
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        });
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
                "Resources" => resources_id, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            }),
        );
        let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog_id);
        let mut out = Vec::new();
        doc.save_to(&mut out).expect("save");
        out
    }

    #[test]
    fn standard_fonts_and_differences_are_read() {
        let pdf = simple_font_pdf(&[
            "Police said 12 people were killed in the",
            "town's market on Friday.",
        ]);
        let t = to_text(&pdf).expect("text");
        assert_eq!(
            t.text,
            "Police said 12 people were killed in the town\u{2019}s market on Friday."
        );
        assert_eq!(t.pages, [0]);
    }

    #[test]
    fn not_a_pdf_is_an_error() {
        assert!(matches!(to_text(b"%PDF-1.4\n"), Err(PdfError::Damaged(_))));
        assert!(matches!(to_text(b""), Err(PdfError::Damaged(_))));
    }
}
