//! The gazetteer: GeoNames-derived names -> candidate places, over the compiled asset
//! (`gazetteer.bin`, format in [`super::index_format`]) without copying it.

use super::index_format::{self as fmt, feature};
use crate::vocab::PlaceKind;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt as sfmt;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Why gazetteer bytes could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazetteerError(pub String);

impl sfmt::Display for GazetteerError {
    fn fmt(&self, f: &mut sfmt::Formatter<'_>) -> sfmt::Result {
        write!(f, "gazetteer: {}", self.0)
    }
}

impl std::error::Error for GazetteerError {}

/// The asset bytes: borrowed from the binary (the CLI's embedded copy) or owned (loaded).
enum Bytes {
    // (The web build has no embedded copy.)
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    Static(&'static [u8]),
    Owned(Vec<u8>),
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        match self {
            Bytes::Static(b) => b,
            Bytes::Owned(v) => v,
        }
    }
}

/// A shared window on the asset bytes (what the fst reads, zero-copy).
#[derive(Clone)]
struct Section {
    buf: Arc<Bytes>,
    range: Range<usize>,
}

impl AsRef<[u8]> for Section {
    fn as_ref(&self) -> &[u8] {
        self.buf
            .as_ref()
            .as_ref()
            .get(self.range.clone())
            .unwrap_or(&[])
    }
}

struct Index {
    /// Unique per loaded gazetteer (keys the per-thread walk memo).
    id: u64,
    buf: Arc<Bytes>,
    /// Number of records.
    n: usize,
    records: Range<usize>,
    /// The names section, checked to be UTF-8 once at load.
    strings: Box<str>,
    postings: Range<usize>,
    fst: fst::Map<Section>,
    countries: HashMap<[u8; 2], u32>,
}

impl Index {
    fn bytes(&self) -> &[u8] {
        self.buf.as_ref().as_ref()
    }

    fn planes(&self) -> &[u8] {
        self.bytes().get(self.records.clone()).unwrap_or(&[])
    }

    /// Byte `k` of record `i` (records are stored as byte planes).
    #[inline]
    fn byte(&self, i: usize, k: usize) -> Option<u8> {
        if i >= self.n {
            return None;
        }
        self.planes().get(k * self.n + i).copied()
    }

    /// The little-endian u32 at bytes `k..k + 4` of record `i`.
    fn u32_at(&self, i: usize, k: usize) -> Option<u32> {
        Some(u32::from_le_bytes([
            self.byte(i, k)?,
            self.byte(i, k + 1)?,
            self.byte(i, k + 2)?,
            self.byte(i, k + 3)?,
        ]))
    }

    fn text(&self, off: u32, len: u8) -> Option<&str> {
        let off = off as usize;
        self.strings.get(off..off.checked_add(len as usize)?)
    }
}

/// An index of place names. Cheap to clone (the bytes are shared).
#[derive(Default, Clone)]
pub struct Gazetteer {
    index: Option<Arc<Index>>,
}

/// One gazetteer entry, borrowed from the asset.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entry<'g> {
    /// Record index (stable within one asset).
    pub id: u32,
    /// Display name.
    pub name: &'g str,
    /// First-level region name.
    pub admin1: Option<&'g str>,
    /// ISO 3166 alpha-2 code.
    pub country: Option<&'g str>,
    /// A [`feature`] code.
    pub feature: u8,
    /// Latitude, longitude (None: too large to pin).
    pub coords: Option<(f64, f64)>,
    /// Population (0 where unknown).
    pub population: u32,
    /// GeoNames id.
    pub geonames_id: Option<u64>,
}

impl Entry<'_> {
    /// The report's precision for this entry.
    pub fn kind(&self) -> PlaceKind {
        match self.feature {
            feature::COUNTRY => PlaceKind::Country,
            feature::ADMIN1 => PlaceKind::Admin1,
            feature::ADMIN2 => PlaceKind::Admin2,
            feature::SECTION | feature::DISTRICT => PlaceKind::District,
            feature::SITE => PlaceKind::Site,
            feature::REGION => PlaceKind::Region,
            _ => PlaceKind::City,
        }
    }

    /// Whether this is a country, a first-level region or a larger region.
    pub fn is_area(&self) -> bool {
        matches!(
            self.feature,
            feature::COUNTRY | feature::ADMIN1 | feature::REGION | feature::ADMIN2
        )
    }
}

/// The candidates stored under one folded name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Record indices, best-known first (countries, regions, capitals, then by population).
    pub candidates: Vec<u32>,
    /// The name is also a common English word ("Most", "Reading").
    pub common: bool,
}

/// A position in the name index while walking a text's folded words byte by byte.
#[derive(Clone, Copy)]
pub struct Cursor<'g> {
    /// The node's address (the node itself is read again only to walk on from it).
    addr: fst::raw::CompiledAddr,
    out: fst::raw::Output,
    /// The node's final output when a whole name ends here.
    fin: Option<fst::raw::Output>,
    _index: std::marker::PhantomData<&'g Index>,
}

impl<'g> Cursor<'g> {
    fn at(node: &fst::raw::Node<'_>, out: fst::raw::Output) -> Cursor<'g> {
        Cursor {
            addr: node.addr(),
            out,
            fin: node.is_final().then(|| node.final_output()),
            _index: std::marker::PhantomData,
        }
    }
}

impl Gazetteer {
    /// A gazetteer with no names (the app uses it while the real one loads).
    pub fn empty() -> Gazetteer {
        Gazetteer { index: None }
    }

    /// The gazetteer compiled into the native binary (the CLI's).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn embedded() -> Gazetteer {
        // Built by `build.rs` into the binary: no download to check the checksum against,
        // and no copy of the bytes.
        Gazetteer::load(Bytes::Static(Gazetteer::embedded_bytes()), false).unwrap_or_default()
    }

    /// [`Gazetteer::embedded`], loaded once for all the tests of a process.
    #[cfg(all(test, not(target_arch = "wasm32")))]
    pub(crate) fn embedded_shared() -> &'static Gazetteer {
        static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        G.get_or_init(Gazetteer::embedded)
    }

    /// The compiled asset's bytes (what `casualty-lens gazetteer-asset` writes).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn embedded_bytes() -> &'static [u8] {
        include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"))
    }

    /// Loads the compiled gazetteer asset (`gazetteer.bin`, as the app fetches it).
    ///
    /// Checks the signature, the checksum and every offset: damaged or truncated bytes give
    /// an error, never a panic later.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Gazetteer, GazetteerError> {
        Gazetteer::load(Bytes::Owned(bytes), true)
    }

    fn load(data: Bytes, check_sum: bool) -> Result<Gazetteer, GazetteerError> {
        let err = |m: &str| GazetteerError(m.to_string());
        let bytes = data.as_ref();
        if bytes.len() < fmt::HEADER_LEN || bytes.get(..8) != Some(&fmt::MAGIC[..]) {
            return Err(err("not a Casualty Lens gazetteer (bad signature)"));
        }
        let u32_at = |i: usize| -> Option<usize> {
            let s: [u8; 4] = bytes.get(i..i + 4)?.try_into().ok()?;
            Some(u32::from_le_bytes(s) as usize)
        };
        let sum: [u8; 8] = bytes
            .get(8..16)
            .and_then(|s| s.try_into().ok())
            .ok_or_else(|| err("short header"))?;
        if check_sum
            && u64::from_le_bytes(sum) != fmt::checksum(bytes.get(fmt::HEADER_LEN..).unwrap_or(&[]))
        {
            return Err(err("checksum mismatch (damaged or truncated file)"));
        }
        let mut sections = Vec::with_capacity(4);
        for k in 0..4 {
            let off = u32_at(16 + 8 * k).ok_or_else(|| err("short header"))?;
            let len = u32_at(20 + 8 * k).ok_or_else(|| err("short header"))?;
            let end = off.checked_add(len).ok_or_else(|| err("bad section"))?;
            if off < fmt::HEADER_LEN || end > bytes.len() {
                return Err(err("section out of bounds"));
            }
            sections.push(off..end);
        }
        let (records, strings, postings, fst_range) = (
            sections[0].clone(),
            sections[1].clone(),
            sections[2].clone(),
            sections[3].clone(),
        );
        if records.len() % fmt::RECORD_LEN != 0 {
            return Err(err("records section has a partial record"));
        }
        let strings_text = bytes
            .get(strings.clone())
            .and_then(|s| std::str::from_utf8(s).ok())
            .ok_or_else(|| err("names are not UTF-8"))?;
        let n = records.len() / fmt::RECORD_LEN;
        let planes = bytes.get(records.clone()).unwrap_or(&[]);
        let countries = check_records(planes, n, strings_text).map_err(err)?;
        let strings_text: Box<str> = strings_text.into();
        let buf = Arc::new(data);
        let section = Section {
            buf: buf.clone(),
            range: fst_range,
        };
        // (The file checksum covers the fst's bytes: no second pass over them here.)
        let raw = fst::raw::Fst::new(section).map_err(|e| err(&format!("name index: {e}")))?;
        let map = fst::Map::from(raw);
        static NEXT_ID: AtomicU64 = AtomicU64::new(1);
        Ok(Gazetteer {
            index: Some(Arc::new(Index {
                id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
                buf,
                n,
                records,
                strings: strings_text,
                postings,
                fst: map,
                countries,
            })),
        })
    }

    /// Whether no names are loaded.
    pub fn is_empty(&self) -> bool {
        self.index.is_none()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.index.as_ref().map_or(0, |ix| ix.n)
    }

    /// The candidates stored under an already folded name.
    pub fn lookup_folded(&self, key: &str) -> Option<Hit> {
        let ix = self.index.as_ref()?;
        let v = ix.fst.get(key.as_bytes())?;
        self.decode_value(v)
    }

    /// The candidates for a name as written (folded first).
    pub fn lookup(&self, name: &str) -> Option<Hit> {
        self.lookup_folded(&super::fold::fold_name(name))
    }

    /// The candidates under an fst value (None when the value points outside the asset).
    pub fn decode_value(&self, v: u64) -> Option<Hit> {
        let ix = self.index.as_ref()?;
        let common = v & fmt::VALUE_COMMON != 0;
        let payload = v >> 2;
        let n = ix.n as u64;
        let candidates = if v & fmt::VALUE_SINGLE != 0 {
            if payload >= n {
                return None;
            }
            vec![payload as u32]
        } else {
            let list = postings(ix, payload)?;
            let mut out = Vec::with_capacity(list.len() / 4);
            for s in list.chunks_exact(4) {
                let r = u32::from_le_bytes([s[0], s[1], s[2], s[3]]);
                if u64::from(r) < n {
                    out.push(r);
                }
            }
            out
        };
        Some(Hit { candidates, common })
    }

    /// Whether [`Self::decode_value`] would find candidates under `v` (without decoding).
    fn value_ok(&self, v: u64) -> bool {
        let Some(ix) = self.index.as_ref() else {
            return false;
        };
        if v & fmt::VALUE_SINGLE != 0 {
            v >> 2 < ix.n as u64
        } else {
            postings(ix, v >> 2).is_some()
        }
    }

    /// One entry by record index.
    pub fn entry(&self, id: u32) -> Option<Entry<'_>> {
        let ix = self.index.as_ref()?;
        let r = fmt::read_planes(ix.planes(), ix.n, id as usize)?;
        let name = ix.text(r.name_off, r.name_len)?;
        let admin1 = ix
            .text(r.admin1_off, r.admin1_len)
            .filter(|s| !s.is_empty());
        let country = countries_text(r.country);
        let coords = if r.flags & 1 != 0 {
            None
        } else {
            Some((f64::from(r.lat_e4) / 1e4, f64::from(r.lon_e4) / 1e4))
        };
        Some(Entry {
            id,
            name,
            admin1,
            country,
            feature: r.feature,
            coords,
            population: r.population,
            geonames_id: (r.geonames_id != 0).then_some(u64::from(r.geonames_id)),
        })
    }

    /// An entry's [`feature`] code alone (cheaper than [`Self::entry`]).
    pub fn feature(&self, id: u32) -> Option<u8> {
        self.index.as_ref()?.byte(id as usize, fmt::field::FEATURE)
    }

    /// An entry's population alone (cheaper than [`Self::entry`]).
    pub fn population(&self, id: u32) -> Option<u32> {
        self.index
            .as_ref()?
            .u32_at(id as usize, fmt::field::POPULATION)
    }

    /// An entry's first-level region name alone (cheaper than [`Self::entry`]).
    pub fn admin1(&self, id: u32) -> Option<&str> {
        let ix = self.index.as_ref()?;
        let off = ix.u32_at(id as usize, fmt::field::ADMIN1_OFF)?;
        let len = ix.byte(id as usize, fmt::field::ADMIN1_LEN)?;
        ix.text(off, len).filter(|s| !s.is_empty())
    }

    /// Unique per loaded gazetteer (0: empty); keys what callers remember about it.
    pub fn instance_id(&self) -> u64 {
        self.index.as_ref().map_or(0, |ix| ix.id)
    }

    /// An entry's display name alone (cheaper than [`Self::entry`]).
    pub fn name(&self, id: u32) -> Option<&str> {
        let ix = self.index.as_ref()?;
        let off = ix.u32_at(id as usize, fmt::field::NAME_OFF)?;
        let len = ix.byte(id as usize, fmt::field::NAME_LEN)?;
        ix.text(off, len)
    }

    /// The country entry for an ISO alpha-2 code.
    pub fn country(&self, code: &str) -> Option<u32> {
        let ix = self.index.as_ref()?;
        let b: [u8; 2] = code.as_bytes().try_into().ok()?;
        ix.countries.get(&b).copied()
    }

    /// A cursor at the root of the name index (None when empty).
    pub fn cursor(&self) -> Option<Cursor<'_>> {
        let ix = self.index.as_ref()?;
        let f = ix.fst.as_fst();
        Some(Cursor::at(&f.root(), fst::raw::Output::zero()))
    }

    /// Moves the cursor along `bytes`; None when no name continues that way.
    pub fn step<'g>(&'g self, cur: Cursor<'g>, bytes: &[u8]) -> Option<Cursor<'g>> {
        let ix = self.index.as_ref()?;
        let f = ix.fst.as_fst();
        let mut node = f.node(cur.addr);
        let mut out = cur.out;
        for &b in bytes {
            let i = node.find_input(b)?;
            let t = node.transition(i);
            out = out.cat(t.out);
            node = f.node(t.addr);
        }
        Some(Cursor::at(&node, out))
    }

    /// Appends a word's folded form to `key` (after a space when `space`) and moves the
    /// cursor along the same bytes; None when no name continues that way.
    ///
    /// Texts repeat their words: the walk is remembered per thread (for short words), so
    /// that a word seen before costs one hash look-up instead of a walk and a fold.
    pub fn step_word<'g>(
        &'g self,
        cur: Cursor<'g>,
        word: &str,
        space: bool,
        key: &mut String,
    ) -> Option<Cursor<'g>> {
        let ix = self.index.as_ref()?;
        let memo_key = (word.len() <= WALK_WORD).then(|| {
            let mut b = [0u8; WALK_WORD];
            b[..word.len()].copy_from_slice(word.as_bytes());
            (cur.addr, space, u128::from_le_bytes(b))
        });
        if let Some(k) = memo_key {
            // (`try_with`, `try_borrow`: a memo that cannot be read is simply not used.)
            let hit = WALKS
                .try_with(|w| {
                    let w = w.try_borrow().ok()?;
                    if w.0 != ix.id {
                        return None;
                    }
                    w.1.get(&k).copied()
                })
                .ok()
                .flatten();
            if let Some(m) = hit {
                if space {
                    key.push(' ');
                }
                key.push_str(
                    std::str::from_utf8(m.folded.get(..usize::from(m.len)).unwrap_or(&[]))
                        .unwrap_or(""),
                );
                let (addr, delta, fin) = m.next?;
                return Some(Cursor {
                    addr,
                    out: cur.out.cat(fst::raw::Output::new(delta)),
                    fin: fin.map(fst::raw::Output::new),
                    _index: std::marker::PhantomData,
                });
            }
        }
        let start = key.len();
        let next = (|| {
            let mut c = cur;
            if space {
                c = self.step(c, b" ")?;
                key.push(' ');
            }
            let from = key.len();
            super::fold::fold_word(word, key);
            self.step(c, key.get(from..).unwrap_or("").as_bytes())
        })();
        if let Some(k) = memo_key {
            // What the walk appended: a space only when the space step succeeded.
            let appended = key.get(start..).unwrap_or("");
            let folded = appended
                .strip_prefix(' ')
                .filter(|_| space)
                .unwrap_or(appended);
            let space_ok = appended.len() != folded.len();
            if folded.len() <= WALK_WORD && (space_ok || !space) {
                let mut f = [0u8; WALK_WORD];
                f[..folded.len()].copy_from_slice(folded.as_bytes());
                let memo = Walk {
                    folded: f,
                    len: folded.len() as u8,
                    next: next.map(|n| {
                        (
                            n.addr,
                            n.out.value() - cur.out.value(),
                            n.fin.map(|f| f.value()),
                        )
                    }),
                };
                let _ = WALKS.try_with(|w| {
                    if let Ok(mut w) = w.try_borrow_mut() {
                        if w.0 != ix.id || w.1.len() >= WALK_MEMO {
                            w.0 = ix.id;
                            w.1.clear();
                        }
                        w.1.insert(k, memo);
                    }
                });
            }
        }
        next
    }

    /// The candidates when the cursor stands at the end of a whole name.
    pub fn at_name(&self, cur: Cursor<'_>) -> Option<Hit> {
        self.decode_value(self.name_value(cur)?)
    }

    /// The fst value when the cursor stands at the end of a whole name with usable
    /// candidates (decode it with [`Self::decode_value`]).
    pub fn name_value(&self, cur: Cursor<'_>) -> Option<u64> {
        let v = cur.out.cat(cur.fin?).value();
        self.value_ok(v).then_some(v)
    }
}

/// Longest word (bytes) whose walk is remembered.
const WALK_WORD: usize = 16;
/// Most walks remembered per thread (then the memo starts afresh).
const WALK_MEMO: usize = 1 << 16;

/// A remembered walk along one word: its folded bytes and where it led (node address,
/// output gained, the node's final output; None: nowhere).
#[derive(Clone, Copy)]
struct Walk {
    folded: [u8; WALK_WORD],
    len: u8,
    next: Option<(fst::raw::CompiledAddr, u64, Option<u64>)>,
}

/// Per thread: (gazetteer id, (from node, after a space, word bytes) -> walk).
type Walks = (u64, rustc_hash::FxHashMap<(usize, bool, u128), Walk>);

thread_local! {
    static WALKS: RefCell<Walks> = RefCell::new((0, Default::default()));
}

/// The bytes of a candidate list in the postings section (4 per candidate).
fn postings(ix: &Index, payload: u64) -> Option<&[u8]> {
    let post = ix.bytes().get(ix.postings.clone())?;
    let at = usize::try_from(payload).ok()?;
    let count = *post.get(at)? as usize;
    post.get(at + 1..at + 1 + 4 * count)
}

/// Checks every record (names inside the strings, known feature codes) column by column,
/// and collects the country records by code.
fn check_records(
    planes: &[u8],
    n: usize,
    strings: &str,
) -> Result<HashMap<[u8; 2], u32>, &'static str> {
    use fmt::field;
    let plane = |k: usize| planes.get(k * n..(k + 1) * n).ok_or("bad record");
    let u32_plane = |k: usize| -> Result<Vec<u32>, &'static str> {
        let (a, b, c, d) = (plane(k)?, plane(k + 1)?, plane(k + 2)?, plane(k + 3)?);
        Ok((0..n)
            .map(|i| u32::from_le_bytes([a[i], b[i], c[i], d[i]]))
            .collect())
    };
    for (off_k, len_k) in [
        (field::NAME_OFF, field::NAME_LEN),
        (field::ADMIN1_OFF, field::ADMIN1_LEN),
    ] {
        let offs = u32_plane(off_k)?;
        let lens = plane(len_k)?;
        for (&off, &len) in offs.iter().zip(lens) {
            let off = off as usize;
            let end = off
                .checked_add(len as usize)
                .ok_or("record name out of bounds")?;
            if strings.get(off..end).is_none() {
                return Err("record name out of bounds");
            }
        }
    }
    let features = plane(field::FEATURE)?;
    let (c0, c1) = (plane(field::COUNTRY)?, plane(field::COUNTRY + 1)?);
    let mut countries = HashMap::new();
    for (i, &f) in features.iter().enumerate() {
        if f >= feature::END {
            return Err("bad feature code");
        }
        if f == feature::COUNTRY {
            countries.entry([c0[i], c1[i]]).or_insert(i as u32);
        }
    }
    Ok(countries)
}

/// The country code as a static string (every ISO alpha-2 code is two capitals).
fn countries_text(c: [u8; 2]) -> Option<&'static str> {
    static CODES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    if !c.iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    let codes = CODES.get_or_init(|| {
        (0..26 * 26)
            .map(|i| {
                let a = (b'A' + (i / 26) as u8) as char;
                let b = (b'A' + (i % 26) as u8) as char;
                format!("{a}{b}")
            })
            .collect()
    });
    codes
        .get(usize::from(c[0] - b'A') * 26 + usize::from(c[1] - b'A'))
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_finds_nothing() {
        let g = Gazetteer::empty();
        assert!(g.is_empty());
        assert!(g.lookup("Baghdad").is_none());
        assert!(g.cursor().is_none());
    }

    #[test]
    fn bad_bytes_are_errors_not_panics() {
        assert!(Gazetteer::from_bytes(Vec::new()).is_err());
        assert!(
            Gazetteer::from_bytes(b"hello world, not a gazetteer at all....".to_vec()).is_err()
        );
        let good = Gazetteer::embedded_bytes();
        for cut in [8, 16, 47, 48, 1000, good.len() / 2, good.len() - 1] {
            assert!(
                Gazetteer::from_bytes(good[..cut].to_vec()).is_err(),
                "cut {cut}"
            );
        }
        let mut flipped = good.to_vec();
        let mid = flipped.len() / 3;
        flipped[mid] ^= 0x55;
        assert!(Gazetteer::from_bytes(flipped).is_err());
    }

    #[test]
    fn countries_sit_at_their_usual_points() {
        // data/country_points.tsv, not GeoNames' centroid of the largest polygon (on Borneo
        // for Malaysia, 265 km north of the usual point for India).
        let g = Gazetteer::embedded();
        for (code, lat, lon) in [
            ("MY", 4.2105, 101.9758),
            ("IN", 20.5937, 78.9629),
            ("US", 39.76, -98.5),
            ("GB", 54.0, -2.0),
        ] {
            let e = g.entry(g.country(code).expect(code)).expect(code);
            let (la, lo) = e.coords.expect(code);
            assert!(
                (la - lat).abs() < 1e-3 && (lo - lon).abs() < 1e-3,
                "{code}: {la},{lo}"
            );
        }
        // A country the table lacks keeps GeoNames' point.
        let ss = g.entry(g.country("SS").expect("SS")).expect("SS");
        assert!(ss
            .coords
            .is_some_and(|(la, lo)| (3.0..13.0).contains(&la) && (24.0..36.0).contains(&lo)));
    }

    #[test]
    fn embedded_loads_and_finds_names() {
        let g = Gazetteer::embedded();
        assert!(g.len() > 100_000);
        let hit = g.lookup("Baghdad").expect("Baghdad");
        let best = g.entry(hit.candidates[0]).expect("entry");
        assert_eq!(best.country, Some("IQ"));
        // Spelling variants meet through folding.
        assert!(g.lookup("Fallujah").is_some() && g.lookup("Falluja").is_some());
        // Alias table: a neighbourhood the extract lacks, a region spelling.
        assert!(g.lookup("Sadriya").is_some());
        let sal = g.lookup("Salahuddin").expect("Salahuddin");
        assert_eq!(
            g.entry(sal.candidates[0]).map(|e| e.kind()),
            Some(PlaceKind::Admin1)
        );
        assert!(g.country("IQ").is_some());
    }
}
