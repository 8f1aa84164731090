//! Reading order of one page: positioned pieces of text in, blocks of lines out, ordered as a
//! reader reads them (a header, then each column top to bottom, left column first, then what
//! spans the page again). Pure geometry: no PDF types, so every rule is tested on made-up
//! pages. Linear in the pieces apart from sorting; never panics (NaN positions sort last).
//!
//! 1. Pieces on one baseline form a row; a row splits into fragments where the gap is wider
//!    than [`CELL_GAP_EM`]. A row of three or more fragments, or of two short ones, is a table
//!    row and stays one line (cells separated by a tab).
//! 2. A line continues the block above it when it is close below it, overlaps it horizontally,
//!    and nothing else on its row overlaps that block (so a heading across both columns never
//!    swallows the first line of a column).
//! 3. Blocks are ordered by cutting the page: into horizontal bands at vertical gaps (bands that
//!    share a column gutter are one band: paragraph breaks that happen to line up across two
//!    columns do not interleave them), then each band into columns at horizontal gaps.

use std::cmp::Ordering;

/// Gap (in ems of the smaller font) above which two pieces on a baseline are separate
/// fragments (table cells, columns) rather than words of one line.
pub const CELL_GAP_EM: f32 = 0.8;
/// Gap above which two pieces of one fragment get a space between them.
pub const WORD_GAP_EM: f32 = 0.15;
/// Baselines closer than this (ems) are one row.
pub const SAME_ROW_EM: f32 = 0.3;
/// A line continues the block above when its baseline is at most this far (ems) below.
pub const NEXT_LINE_EM: f32 = 1.75;
/// A row of two fragments is a table row when both are narrower than this (ems).
pub const NARROW_CELL_EM: f32 = 8.0;
/// Font sizes within this ratio may share a block.
pub const SIZE_RATIO: f32 = 1.25;
/// A common gutter at least this wide (ems) makes two bands one multi-column region.
pub const GUTTER_EM: f32 = 1.0;

/// A piece of text on a page: where it starts and ends horizontally, its baseline (y grows
/// upwards, as in PDF) and its font size, all in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Baseline.
    pub y: f32,
    /// Font size (height of an em).
    pub size: f32,
    /// The text.
    pub text: String,
}

/// A block of lines read together: a paragraph, a heading or a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Its lines, top to bottom (a table row's cells are separated by tabs).
    pub lines: Vec<String>,
    /// Whether the lines are rows of a table (kept one a line) rather than a paragraph.
    pub table: bool,
}

/// One line of a block with its geometry.
#[derive(Debug, Clone)]
struct Line {
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    text: String,
    table: bool,
}

fn cmp(a: f32, b: f32) -> Ordering {
    a.total_cmp(&b)
}

/// The blocks of a page in reading order.
pub fn blocks(mut pieces: Vec<Piece>) -> Vec<Block> {
    pieces
        .retain(|p| p.x0.is_finite() && p.x1.is_finite() && p.y.is_finite() && p.size.is_finite());
    for p in &mut pieces {
        p.size = p.size.abs().max(1.0);
        if p.x1 < p.x0 {
            std::mem::swap(&mut p.x0, &mut p.x1);
        }
    }
    pieces.sort_by(|a, b| cmp(b.y, a.y).then(cmp(a.x0, b.x0)));
    let mut groups: Vec<Vec<Line>> = Vec::new();
    // Blocks a later line may still continue (rows come top to bottom, so a block whose last
    // line is out of reach stays closed): linear in the rows, not quadratic.
    let mut open: Vec<usize> = Vec::new();
    for row in rows(pieces) {
        let lines = row_lines(row);
        if let Some(y) = lines.first().map(|l| l.y) {
            open.retain(|&g| {
                groups[g]
                    .last()
                    .is_some_and(|last| last.y - y <= NEXT_LINE_EM * SIZE_RATIO * last.size)
            });
        }
        attach(&mut groups, &mut open, lines);
    }
    let mut boxes: Vec<Boxed> = groups.into_iter().map(Boxed::new).collect();
    let mut order = Vec::with_capacity(boxes.len());
    let all: Vec<usize> = (0..boxes.len()).collect();
    cut(&boxes, all, &mut order, 0);
    order
        .into_iter()
        .map(|i| {
            let lines = std::mem::take(&mut boxes[i].lines);
            Block {
                table: lines.iter().all(|l| l.table),
                lines: lines.into_iter().map(|l| l.text).collect(),
            }
        })
        .collect()
}

/// Pieces grouped by baseline, top row first, each row left to right.
fn rows(pieces: Vec<Piece>) -> Vec<Vec<Piece>> {
    let mut rows: Vec<Vec<Piece>> = Vec::new();
    for p in pieces {
        match rows.last_mut() {
            Some(row) if (row[0].y - p.y).abs() <= SAME_ROW_EM * row[0].size.min(p.size) => {
                row.push(p)
            }
            _ => rows.push(vec![p]),
        }
    }
    for row in &mut rows {
        row.sort_by(|a, b| cmp(a.x0, b.x0));
    }
    rows
}

/// A row's lines: its fragments, or one table line.
fn row_lines(row: Vec<Piece>) -> Vec<Line> {
    let mut frags: Vec<Line> = Vec::new();
    for p in row {
        match frags.last_mut() {
            Some(f) if p.x0 - f.x1 <= CELL_GAP_EM * f.size.min(p.size) => {
                let gap = p.x0 - f.x1;
                if gap > WORD_GAP_EM * f.size.min(p.size)
                    && !f.text.ends_with(char::is_whitespace)
                    && !p.text.starts_with(char::is_whitespace)
                {
                    f.text.push(' ');
                }
                f.text.push_str(&p.text);
                f.x1 = f.x1.max(p.x1);
                f.size = f.size.max(p.size);
            }
            _ => frags.push(Line {
                x0: p.x0,
                x1: p.x1,
                y: p.y,
                size: p.size,
                text: p.text,
                table: false,
            }),
        }
    }
    for f in &mut frags {
        let trimmed = f.text.split_whitespace().collect::<Vec<_>>().join(" ");
        f.text = trimmed;
    }
    frags.retain(|f| !f.text.is_empty());
    let narrow = |f: &Line| f.x1 - f.x0 < NARROW_CELL_EM * f.size;
    let is_table = frags.len() >= 3 || (frags.len() == 2 && frags.iter().all(narrow));
    if !is_table {
        return frags;
    }
    let first = &frags[0];
    let (x0, y) = (first.x0, first.y);
    let x1 = frags.iter().map(|f| f.x1).fold(f32::MIN, f32::max);
    let size = frags.iter().map(|f| f.size).fold(0.0, f32::max);
    let text = frags
        .into_iter()
        .map(|f| f.text)
        .collect::<Vec<_>>()
        .join("\t");
    vec![Line {
        x0,
        x1,
        y,
        size,
        text,
        table: true,
    }]
}

fn overlaps(a: &Line, b: &Line) -> bool {
    a.x0 < b.x1 && b.x0 < a.x1
}

/// Appends a row's lines to the blocks they continue (among the `open` ones), or starts new
/// blocks.
fn attach(groups: &mut Vec<Vec<Line>>, open: &mut Vec<usize>, lines: Vec<Line>) {
    // Decide for every line first: a block continued by two lines of this row is continued
    // by neither.
    let choices: Vec<Option<usize>> = lines
        .iter()
        .map(|line| {
            let mut found = open.iter().map(|&i| (i, &groups[i])).filter(|(_, g)| {
                let Some(last) = g.last() else { return false };
                let below = last.y - line.y;
                let ratio = last.size.max(line.size) / last.size.min(line.size);
                below > 0.0
                    && below <= NEXT_LINE_EM * last.size.max(line.size)
                    && ratio <= SIZE_RATIO
                    && last.table == line.table
                    && overlaps(last, line)
            });
            let first = found.next().map(|(i, _)| i);
            match (first, found.next()) {
                (Some(i), None) => Some(i),
                _ => None,
            }
        })
        .collect();
    for (line, choice) in lines.into_iter().zip(&choices) {
        let shared = choice.is_some_and(|c| choices.iter().filter(|&&o| o == Some(c)).count() > 1);
        match choice {
            Some(c) if !shared => groups[*c].push(line),
            _ => {
                open.push(groups.len());
                groups.push(vec![line]);
            }
        }
    }
}

/// A block with its bounding box.
struct Boxed {
    lines: Vec<Line>,
    x0: f32,
    x1: f32,
    top: f32,
    bottom: f32,
    size: f32,
}

impl Boxed {
    fn new(lines: Vec<Line>) -> Boxed {
        let x0 = lines.iter().map(|l| l.x0).fold(f32::MAX, f32::min);
        let x1 = lines.iter().map(|l| l.x1).fold(f32::MIN, f32::max);
        let top = lines
            .iter()
            .map(|l| l.y + 0.8 * l.size)
            .fold(f32::MIN, f32::max);
        let bottom = lines
            .iter()
            .map(|l| l.y - 0.25 * l.size)
            .fold(f32::MAX, f32::min);
        let size = lines.iter().map(|l| l.size).fold(f32::MAX, f32::min);
        Boxed {
            lines,
            x0,
            x1,
            top,
            bottom,
            size,
        }
    }
}

/// Splits `ids` into runs along one axis where their intervals leave a gap.
fn split(ids: &mut [usize], span: impl Fn(usize) -> (f32, f32)) -> Vec<Vec<usize>> {
    ids.sort_by(|&a, &b| cmp(span(a).0, span(b).0));
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut end = f32::MIN;
    for &i in ids.iter() {
        let (lo, hi) = span(i);
        match out.last_mut() {
            Some(run) if lo < end => run.push(i),
            _ => out.push(vec![i]),
        }
        end = end.max(hi);
    }
    out
}

/// The gaps between the columns of a band (x intervals no block covers), if it has columns.
fn gutters(boxes: &[Boxed], band: &[usize]) -> Vec<(f32, f32)> {
    let mut ids = band.to_vec();
    let cols = split(&mut ids, |i| (boxes[i].x0, boxes[i].x1));
    cols.windows(2)
        .map(|w| {
            let end = w[0].iter().map(|&i| boxes[i].x1).fold(f32::MIN, f32::max);
            let start = w[1].iter().map(|&i| boxes[i].x0).fold(f32::MAX, f32::min);
            (end, start)
        })
        .collect()
}

fn g_of(boxes: &[Boxed], merged: &[Vec<usize>]) -> Vec<(f32, f32)> {
    gutters(boxes, merged.last().map(Vec::as_slice).unwrap_or(&[]))
}

fn shares_gutter(a: &[(f32, f32)], b: &[(f32, f32)], em: f32) -> bool {
    a.iter().any(|&(a0, a1)| {
        b.iter()
            .any(|&(b0, b1)| a1.min(b1) - a0.max(b0) >= GUTTER_EM * em)
    })
}

/// Deepest recursion of [`cut`]; a deeper (contrived) page is read top to bottom.
pub const MAX_CUT_DEPTH: usize = 48;

/// Orders `ids` by recursive cuts (module docs, step 3).
fn cut(boxes: &[Boxed], mut ids: Vec<usize>, out: &mut Vec<usize>, depth: usize) {
    if ids.len() <= 1 || depth > MAX_CUT_DEPTH {
        ids.sort_by(|&a, &b| cmp(boxes[b].top, boxes[a].top).then(cmp(boxes[a].x0, boxes[b].x0)));
        out.extend(ids);
        return;
    }
    // Bands top to bottom: split on the negated y axis.
    let bands = split(&mut ids, |i| (-boxes[i].top, -boxes[i].bottom));
    let mut merged: Vec<Vec<usize>> = Vec::new();
    let mut last_gutters: Vec<(f32, f32)> = Vec::new();
    for band in bands {
        // Only bands of running text (a block of two lines or more) take part: a footer's
        // cells under two columns are not a third paragraph of each.
        let tall = band.iter().any(|&i| boxes[i].lines.len() > 1);
        let g = if tall {
            gutters(boxes, &band)
        } else {
            Vec::new()
        };
        let em = band.iter().map(|&i| boxes[i].size).fold(f32::MAX, f32::min);
        match merged.last_mut() {
            Some(prev) if !g.is_empty() && shares_gutter(&last_gutters, &g, em) => {
                prev.extend(band);
            }
            _ => merged.push(band),
        }
        last_gutters = if tall {
            g_of(boxes, &merged)
        } else {
            Vec::new()
        };
    }
    if merged.len() > 1 {
        for band in merged {
            cut(boxes, band, out, depth + 1);
        }
        return;
    }
    let mut band = merged.pop().unwrap_or_default();
    let cols = split(&mut band, |i| (boxes[i].x0, boxes[i].x1));
    if cols.len() > 1 {
        for col in cols {
            cut(boxes, col, out, depth + 1);
        }
        return;
    }
    // Overlapping both ways: top to bottom, then left to right.
    band.sort_by(|&a, &b| cmp(boxes[b].top, boxes[a].top).then(cmp(boxes[a].x0, boxes[b].x0)));
    out.extend(band);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line of text at (x, y) in a 10 pt font, 5 pt per character.
    fn line(x: f32, y: f32, text: &str) -> Piece {
        Piece {
            x0: x,
            x1: x + 5.0 * text.chars().count() as f32,
            y,
            size: 10.0,
            text: text.to_string(),
        }
    }

    fn read(pieces: Vec<Piece>) -> Vec<String> {
        blocks(pieces)
            .into_iter()
            .map(|b| b.lines.join(" / "))
            .collect()
    }

    #[test]
    fn two_columns_under_a_heading_are_read_column_by_column() {
        let mut page = vec![line(
            0.0,
            800.0,
            "A heading that spans both of the columns below it",
        )];
        for (i, y) in [780.0, 766.0, 752.0].into_iter().enumerate() {
            page.push(line(0.0, y, &format!("left line {i} of the first column")));
            page.push(line(
                200.0,
                y,
                &format!("right line {i} of the second column"),
            ));
        }
        page.push(line(
            0.0,
            700.0,
            "A closing line across the whole width of the page",
        ));
        // A footer under the two columns, one cell under each.
        page.push(line(0.0, 40.0, "file:///report.html"));
        page.push(line(380.0, 40.0, "1/2"));
        assert_eq!(
            read(page),
            [
                "A heading that spans both of the columns below it",
                "left line 0 of the first column / left line 1 of the first column / left line 2 of the first column",
                "right line 0 of the second column / right line 1 of the second column / right line 2 of the second column",
                "A closing line across the whole width of the page",
                "file:///report.html",
                "1/2",
            ]
        );
    }

    #[test]
    fn paragraph_breaks_that_line_up_do_not_interleave_columns() {
        let mut page = Vec::new();
        for (i, y) in [780.0, 766.0, 730.0, 716.0].into_iter().enumerate() {
            page.push(line(0.0, y, &format!("left {i} of the first column text")));
            page.push(line(
                200.0,
                y,
                &format!("right {i} of the second column text"),
            ));
        }
        let got = read(page);
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(
            got[0].starts_with("left 0") && got[1].starts_with("left 2"),
            "{got:?}"
        );
        assert!(
            got[2].starts_with("right 0") && got[3].starts_with("right 2"),
            "{got:?}"
        );
    }

    #[test]
    fn table_rows_stay_rows_with_cells_in_order() {
        let page = vec![
            line(0.0, 500.0, "District"),
            line(80.0, 500.0, "Killed"),
            line(140.0, 500.0, "Injured"),
            line(0.0, 486.0, "Tarbela"),
            line(80.0, 486.0, "23"),
            line(140.0, 486.0, "60"),
        ];
        let b = blocks(page);
        assert_eq!(b.len(), 1);
        assert!(b[0].table);
        assert_eq!(b[0].lines, ["District\tKilled\tInjured", "Tarbela\t23\t60"]);
    }

    #[test]
    fn glyphs_join_into_words_and_words_into_lines() {
        let mut x = 0.0;
        let mut page = Vec::new();
        for (i, c) in "7 killed".chars().enumerate() {
            let w = if c == ' ' { 2.5 } else { 5.0 };
            page.push(Piece {
                x0: x,
                x1: x + w,
                y: 10.0,
                size: 10.0,
                text: c.to_string(),
            });
            // A little kerning inside the word is not a space.
            x += w + if i == 3 { 1.0 } else { 0.0 };
        }
        page.push(line(x + 3.0, 10.0, "today"));
        assert_eq!(read(page), ["7 killed today"]);
    }

    #[test]
    fn many_lines_and_a_staircase_stay_fast() {
        // 20,000 lines, each a block of its own, and each shifted right: a deep cut.
        let page: Vec<Piece> = (0..20_000)
            .map(|i| line(i as f32 * 30.0, 1e6 - i as f32 * 30.0, "step"))
            .collect();
        let t = std::time::Instant::now();
        let b = blocks(page);
        assert_eq!(b.len(), 20_000);
        assert_eq!(b[0].lines, ["step"]);
        assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
    }

    #[test]
    fn nonsense_geometry_does_not_panic() {
        let weird = [f32::NAN, f32::INFINITY, -0.0, 1e30, -1e30, 0.0];
        let mut page = Vec::new();
        for &a in &weird {
            for &b in &weird {
                page.push(Piece {
                    x0: a,
                    x1: b,
                    y: a,
                    size: b,
                    text: "x".into(),
                });
            }
        }
        let _ = blocks(page);
        assert!(blocks(Vec::new()).is_empty());
    }
}
