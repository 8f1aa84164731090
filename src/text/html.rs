//! HTML -> readable text, safely.
//!
//! A streaming pass over `html5gum`'s tokens (no tree, no recursion, so nesting depth costs
//! nothing): text is kept with white space collapsed as a browser shows it, block elements
//! become line breaks or blank lines (so headlines and paragraphs are separate sentences),
//! entities are decoded by the tokenizer, and everything that is not article text is dropped:
//! `script`, `style`, `noscript`, `template`, `iframe`, `svg`, `math`..., comments, doctypes
//! and every attribute (event handlers, `style`, `href` never reach the text).

use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Span, Tokenizer};

/// Elements whose whole content is dropped (scripts, styles and embedded non-text content).
const SKIPPED: &[&[u8]] = &[
    b"script",
    b"style",
    b"noscript",
    b"template",
    b"iframe",
    b"svg",
    b"math",
    b"canvas",
    b"title",
    b"video",
    b"audio",
    b"noembed",
    b"noframes",
    b"xmp",
];

/// Elements that start a new paragraph: a blank line before and after.
const PARAGRAPHS: &[&[u8]] = &[
    b"p",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"blockquote",
    b"pre",
    b"table",
    b"ul",
    b"ol",
    b"dl",
    b"figure",
    b"figcaption",
    b"article",
    b"section",
    b"header",
    b"footer",
    b"main",
    b"aside",
    b"nav",
    b"address",
    b"hr",
    b"form",
    b"fieldset",
    b"details",
    b"summary",
    b"caption",
    b"body",
    b"html",
    b"title",
    b"hgroup",
];

/// Elements that start a new line.
const LINES: &[&[u8]] = &[
    b"br", b"div", b"li", b"tr", b"dt", b"dd", b"center", b"legend", b"option", b"label", b"tbody",
    b"thead", b"tfoot", b"wbr",
];

/// Elements separated from their neighbours by a tab (table cells).
const CELLS: &[&[u8]] = &[b"td", b"th"];

/// The break owed before the next text, strongest wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    None,
    Space,
    Cell,
    Line,
    Paragraph,
}

struct State {
    out: String,
    pending: Break,
    /// Depth inside skipped elements (per skipped tag name, so a stray end tag of another
    /// skipped element cannot end the skip early).
    skip: [u32; SKIPPED.len()],
    skipping: u32,
    /// Depth inside `<pre>`: white space kept as written.
    pre: u32,
    /// The start tag being read, acted on when it closes (so `<svg/>` does not open a skip).
    open_tag: Vec<u8>,
    in_start_tag: bool,
}

impl State {
    fn want(&mut self, b: Break) {
        if b > self.pending {
            self.pending = b;
        }
    }

    fn text(&mut self, s: &str) {
        if self.skipping > 0 {
            return;
        }
        if self.pre > 0 {
            if !s.is_empty() {
                self.flush_break();
                self.out.push_str(s);
            }
            return;
        }
        // Runs of white space collapse to one space, as a browser shows them.
        let mut rest = s;
        loop {
            let word = rest.trim_start_matches(is_space);
            if word.len() < rest.len() {
                self.want(Break::Space);
            }
            if word.is_empty() {
                break;
            }
            let end = word.find(is_space).unwrap_or(word.len());
            self.flush_break();
            self.out.push_str(&word[..end]);
            rest = &word[end..];
        }
    }

    fn flush_break(&mut self) {
        if self.out.is_empty() {
            self.pending = Break::None;
            return;
        }
        match self.pending {
            Break::None => {}
            Break::Space => {
                if !self.out.ends_with(is_space) {
                    self.out.push(' ');
                }
            }
            Break::Cell => {
                trim_end_spaces(&mut self.out);
                self.out.push('\t');
            }
            Break::Line => {
                trim_end_spaces(&mut self.out);
                self.out.push('\n');
            }
            Break::Paragraph => {
                trim_end_spaces(&mut self.out);
                self.out.push_str("\n\n");
            }
        }
        self.pending = Break::None;
    }

    fn start_tag(&mut self, name: &[u8], self_closing: bool) {
        if let Some(i) = SKIPPED.iter().position(|t| *t == name) {
            if !self_closing {
                self.skip[i] = self.skip[i].saturating_add(1);
                self.skipping = self.skipping.saturating_add(1);
            }
            return;
        }
        if name == b"pre" && !self_closing {
            self.pre = self.pre.saturating_add(1);
        }
        self.block(name);
    }

    fn end_tag(&mut self, name: &[u8]) {
        if let Some(i) = SKIPPED.iter().position(|t| *t == name) {
            if self.skip[i] > 0 {
                self.skip[i] -= 1;
                self.skipping = self.skipping.saturating_sub(1);
            }
            return;
        }
        if name == b"pre" {
            self.pre = self.pre.saturating_sub(1);
        }
        self.block(name);
    }

    fn block(&mut self, name: &[u8]) {
        if self.skipping > 0 {
            return;
        }
        if PARAGRAPHS.contains(&name) {
            self.want(Break::Paragraph);
        } else if LINES.contains(&name) {
            self.want(Break::Line);
        } else if CELLS.contains(&name) {
            self.want(Break::Cell);
        }
    }
}

fn is_space(c: char) -> bool {
    // HTML white space plus no-break space, which readers see as a space.
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C' | '\u{A0}')
}

fn trim_end_spaces(s: &mut String) {
    let keep = s.trim_end_matches([' ', '\t']).len();
    s.truncate(keep);
}

/// Reduces an HTML document (or fragment) to its readable text.
///
/// Never fails: malformed HTML is tokenized the way browsers recover from it.
pub fn to_text(html: &str) -> String {
    let mut state = State {
        out: String::with_capacity(html.len() / 2),
        pending: Break::None,
        skip: [0; SKIPPED.len()],
        skipping: 0,
        pre: 0,
        open_tag: Vec::new(),
        in_start_tag: false,
    };
    {
        let mut emitter =
            CallbackEmitter::new(|event: CallbackEvent<'_>, _span: Span<()>| -> Option<()> {
                match event {
                    // The tokenizer lower-cases ASCII tag names.
                    CallbackEvent::OpenStartTag { name } => {
                        state.open_tag.clear();
                        state.open_tag.extend_from_slice(name);
                        state.in_start_tag = true;
                    }
                    CallbackEvent::CloseStartTag { self_closing } if state.in_start_tag => {
                        state.in_start_tag = false;
                        let name = std::mem::take(&mut state.open_tag);
                        state.start_tag(&name, self_closing);
                        state.open_tag = name;
                    }
                    CallbackEvent::EndTag { name } => {
                        state.in_start_tag = false;
                        state.end_tag(name);
                    }
                    CallbackEvent::String { value } => {
                        state.text(&String::from_utf8_lossy(value));
                    }
                    // Attributes, comments, doctypes and parse errors carry no article text.
                    _ => {}
                }
                None
            });
        // script/style/textarea/title content is raw text, as browsers read it.
        emitter.naively_switch_states(true);
        for _ in Tokenizer::new_with_emitter(html, emitter) {}
    }
    let mut out = state.out;
    trim_end_spaces(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::to_text;

    #[test]
    fn paragraphs_headings_and_breaks() {
        let html = "<html><head><title>Ignored head</title></head><body>\
            <h1>Blast at a market</h1>\n<p>At least   12 people\n were killed.</p>\
            <p>Another line<br>after a break.</p></body></html>";
        assert_eq!(
            to_text(html),
            "Blast at a market\n\nAt least 12 people were killed.\n\nAnother line\nafter a break."
        );
    }

    #[test]
    fn drops_scripts_styles_comments_and_attributes() {
        let html = r#"<p onclick="alert('9 killed')" title="7 dead">Text <!-- 5 hurt -->here</p>
            <script>var s = "</p>30 killed";</script><style>p{}</style>
            <noscript>enable js</noscript><template><p>40 dead</p></template>
            <svg><text>3 hurt</text></svg><svg/><p>after</p>"#;
        assert_eq!(to_text(html), "Text here\n\nafter");
    }

    #[test]
    fn decodes_entities() {
        assert_eq!(
            to_text("<p>Caf&eacute; &amp; bar &#8212; 3&nbsp;hurt &lt;b&gt;</p>"),
            "Café & bar — 3 hurt <b>"
        );
    }

    #[test]
    fn keeps_pre_white_space_and_table_cells() {
        assert_eq!(to_text("<pre>a\n  b</pre>"), "a\n  b");
        assert_eq!(
            to_text("<table><tr><td>Killed</td><td>12</td></tr><tr><td>Hurt</td><td>4</td></tr></table>"),
            "Killed\t12\nHurt\t4"
        );
    }

    #[test]
    fn survives_deep_nesting_and_malformed_markup() {
        let deep = "<div><span>".repeat(100_000) + "deep text" + &"</span></div>".repeat(100_000);
        assert_eq!(to_text(&deep), "deep text");
        for bad in [
            "<",
            "<<<>>>",
            "</",
            "<p",
            "<!--",
            "<!-- x",
            "<script>",
            "<script>alert(1)",
            "<a href='x>text",
            "&",
            "&#",
            "&#xFFFFFFFF;",
            "&#0;",
            "<![CDATA[x]]>",
            "</p></p>x",
            "<p>a<p>b</div></span>c",
            "<title>t",
            "<plaintext><p>raw",
        ] {
            let _ = to_text(bad);
        }
        assert_eq!(to_text("</p></p>x"), "x");
        assert_eq!(to_text("<plaintext><p>raw"), "<p>raw");
    }

    #[test]
    fn plain_text_passes_through() {
        assert_eq!(to_text("12 people were killed."), "12 people were killed.");
        assert_eq!(to_text(""), "");
    }
}
