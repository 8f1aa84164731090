//! Word (.docx) and OpenDocument (.odt) documents to plain text: unzip the archive, read the
//! body XML, keep the text of the paragraphs (one per line, a blank line between them, like
//! the app's plain-text articles). Tables come out one cell per paragraph; tabs and line breaks
//! are kept. Never panics: a damaged or unexpected archive is an [`OfficeError`].
//!
//! ```
//! use casualty_lens::text::office::{xml_text, Flavor};
//! let xml = r#"<w:document><w:body><w:p><w:r><w:t>Storm</w:t></w:r></w:p>
//! <w:p><w:r><w:t xml:space="preserve">At least 14 people &amp; </w:t><w:t>more</w:t></w:r></w:p></w:body></w:document>"#;
//! assert_eq!(xml_text(xml, Flavor::Docx), "Storm\n\nAt least 14 people & more");
//! ```

use std::io::Read;

/// Which dialect of XML a document body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// WordprocessingML (`word/document.xml`): text in `w:t`, paragraphs `w:p`.
    Docx,
    /// OpenDocument text (`content.xml`): paragraphs and headings `text:p`, `text:h`.
    Odt,
}

impl Flavor {
    /// The flavor a file name's extension says, if any.
    pub fn of(name: &str) -> Option<Flavor> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "docx" | "docm" => Some(Flavor::Docx),
            "odt" => Some(Flavor::Odt),
            _ => None,
        }
    }

    fn body_path(self) -> &'static str {
        match self {
            Flavor::Docx => "word/document.xml",
            Flavor::Odt => "content.xml",
        }
    }
}

/// Why an office document could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeError(pub String);

impl std::fmt::Display for OfficeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for OfficeError {}

/// Largest body XML read (a zip bomb stops here).
pub const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;

/// The text of a .docx or .odt file.
pub fn to_text(bytes: &[u8], flavor: Flavor) -> Result<String, OfficeError> {
    let what = match flavor {
        Flavor::Docx => "Word document",
        Flavor::Odt => "OpenDocument text",
    };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| OfficeError(format!("not a readable {what} (damaged zip archive: {e})")))?;
    let entry = archive
        .by_name(flavor.body_path())
        .map_err(|_| OfficeError(format!("not a {what}: no {}", flavor.body_path())))?;
    let mut raw = Vec::new();
    entry
        .take(MAX_XML_BYTES)
        .read_to_end(&mut raw)
        .map_err(|e| OfficeError(format!("damaged {what}: {e}")))?;
    let xml = String::from_utf8_lossy(&raw);
    Ok(xml_text(&xml, flavor))
}

/// Decodes the five XML entities and numeric character references of a text run.
fn unescape(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let Some(end) = tail.find(';').filter(|e| *e <= 12) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let ent = &tail[1..end];
        let c = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => ent
                .strip_prefix("#x")
                .or_else(|| ent.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
}

/// The value of attribute `name` in a tag's text (`text:c="3"`).
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let i = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let len = tag[i..].find('"')?;
    Some(&tag[i..i + len])
}

/// The paragraphs' text of a body XML: paragraphs separated by a blank line, tabs and line
/// breaks kept, runs of a paragraph joined as written.
pub fn xml_text(xml: &str, flavor: Flavor) -> String {
    let mut out = String::new();
    let mut para = String::new();
    // Depth inside elements whose character data is text (w:t in Word; any in ODT body).
    let mut in_text = 0usize;
    let mut in_body = flavor == Flavor::Docx;
    let mut rest = xml;
    let flush = |para: &mut String, out: &mut String| {
        let t = para.trim();
        if !t.is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(t);
        }
        para.clear();
    };
    while let Some(lt) = rest.find('<') {
        let data = &rest[..lt];
        let counts = match flavor {
            Flavor::Docx => in_text > 0,
            Flavor::Odt => in_body && in_text > 0,
        };
        if counts {
            unescape(data, &mut para);
        }
        let after = &rest[lt + 1..];
        if let Some(cdata) = after.strip_prefix("![CDATA[") {
            let end = cdata.find("]]>").unwrap_or(cdata.len());
            if counts {
                para.push_str(&cdata[..end]);
            }
            rest = cdata.get(end + 3..).unwrap_or("");
            continue;
        }
        let Some(gt) = after.find('>') else { break };
        let tag = &after[..gt];
        rest = &after[gt + 1..];
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        let closing = tag.starts_with('/');
        let selfclosing = tag.ends_with('/');
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        match (flavor, name) {
            (Flavor::Docx, "w:t") => {
                if closing {
                    in_text = in_text.saturating_sub(1);
                } else if !selfclosing {
                    in_text += 1;
                }
            }
            (Flavor::Docx, "w:p") | (Flavor::Odt, "text:p" | "text:h") => {
                if flavor == Flavor::Odt {
                    if closing {
                        in_text = in_text.saturating_sub(1);
                    } else if !selfclosing {
                        in_text += 1;
                    }
                }
                if closing || selfclosing {
                    flush(&mut para, &mut out);
                }
            }
            (Flavor::Docx, "w:tab") | (Flavor::Odt, "text:tab") if !closing => para.push('\t'),
            (Flavor::Docx, "w:br" | "w:cr") | (Flavor::Odt, "text:line-break") if !closing => {
                para.push('\n')
            }
            (Flavor::Odt, "text:s") if !closing => {
                let n = attr(tag, "text:c")
                    .and_then(|c| c.parse::<usize>().ok())
                    .unwrap_or(1);
                para.extend(std::iter::repeat_n(' ', n.min(1000)));
            }
            (Flavor::Odt, "office:text") => in_body = !closing,
            // Footnote and comment bodies are not part of the running text.
            (Flavor::Odt, "text:note-citation" | "office:annotation") => {}
            _ => {}
        }
    }
    flush(&mut para, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zipped(path: &str, xml: &str) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        w.start_file(path, opts).unwrap();
        w.write_all(xml.as_bytes()).unwrap();
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn docx_paragraphs_runs_tabs_and_entities() {
        let xml = r#"<?xml version="1.0"?><w:document xmlns:w="x"><w:body>
            <w:p><w:r><w:t>Market blast</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">A car bomb killed </w:t></w:r><w:r><w:t>12 people</w:t></w:r>
            <w:r><w:tab/><w:t>&amp; injured 40 &#8211; police</w:t></w:r></w:p>
            <w:p><w:r><w:instrText>PAGE</w:instrText></w:r></w:p></w:body></w:document>"#;
        let bytes = zipped("word/document.xml", xml);
        assert_eq!(
            to_text(&bytes, Flavor::Docx).unwrap(),
            "Market blast\n\nA car bomb killed 12 people\t& injured 40 – police"
        );
    }

    #[test]
    fn odt_paragraphs_headings_and_spaces() {
        let xml = r#"<office:document-content><office:automatic-styles><style:x>ignored</style:x></office:automatic-styles>
            <office:body><office:text><text:h text:outline-level="1">Attack on school</text:h>
            <text:p>At least 7<text:s text:c="2"/>people were killed<text:line-break/>and 15 wounded.</text:p>
            <text:p/></office:text></office:body></office:document-content>"#;
        let bytes = zipped("content.xml", xml);
        assert_eq!(
            to_text(&bytes, Flavor::Odt).unwrap(),
            "Attack on school\n\nAt least 7  people were killed\nand 15 wounded."
        );
    }

    #[test]
    fn damaged_or_foreign_archives_are_errors() {
        assert!(to_text(b"PK\x03\x04 not really", Flavor::Docx).is_err());
        assert!(to_text(b"", Flavor::Odt).is_err());
        let other = zipped("other.xml", "<a/>");
        assert!(to_text(&other, Flavor::Docx)
            .unwrap_err()
            .0
            .contains("word/document.xml"));
        // Truncated archives and stray markup never panic.
        let good = zipped(
            "content.xml",
            "<office:text><text:p>5 killed</text:p></office:text>",
        );
        for n in 0..good.len() {
            let _ = to_text(&good[..n], Flavor::Odt);
        }
        for xml in [
            "<",
            "<w:t>&",
            "<w:t>&#xZZ;",
            "<![CDATA[",
            "<text:s text:c=\"99999999\"/>",
        ] {
            let _ = xml_text(xml, Flavor::Docx);
            let _ = xml_text(xml, Flavor::Odt);
        }
    }
}
