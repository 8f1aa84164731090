//! Compiles the gazetteer (`data/gazetteer_p1000.tsv.gz` + `data/country_points.tsv` +
//! `data/aliases.tsv` + `data/common_words.txt`) into `$OUT_DIR/gazetteer.bin` (format: `src/places/index_format.rs`).

use flate2::read::GzDecoder;
use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader};
use std::path::Path;

#[path = "src/places/fold.rs"]
#[allow(dead_code)]
mod fold;
#[path = "src/places/index_format.rs"]
#[allow(dead_code)]
mod index_format;

use index_format::{feature, RawRecord};

/// Words an Arabic name may start with ("Al Anbar", "As Sulaymaniyah"): the name is also
/// indexed without it.
const ARTICLES: &[&str] = &[
    "al", "el", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ed", "en", "er", "es",
    "et",
];

/// Generic words after a region's name ("Borno State"): the region is also indexed without it.
const REGION_SUFFIXES: &[&str] = &[
    "state",
    "province",
    "governorate",
    "department",
    "region",
    "oblast",
    "prefecture",
    "district",
    "municipality",
    "county",
    "muhafazat",
];

struct Builder {
    records: Vec<RawRecord>,
    strings: Vec<u8>,
    interned: HashMap<String, (u32, u8)>,
    keys: BTreeMap<String, Vec<u32>>,
    by_geonames: HashMap<u32, u32>,
}

impl Builder {
    fn intern(&mut self, s: &str) -> (u32, u8) {
        let mut s = s.to_string();
        while s.len() > 255 {
            s.pop();
        }
        if let Some(&v) = self.interned.get(&s) {
            return v;
        }
        let v = (self.strings.len() as u32, s.len() as u8);
        self.strings.extend_from_slice(s.as_bytes());
        self.interned.insert(s, v);
        v
    }

    fn add_key(&mut self, name: &str, rec: u32, primary: bool) {
        let key = fold::fold_name(name);
        if key.is_empty() || key.len() > 60 {
            return;
        }
        if !primary && (key.len() < 3 || key.bytes().any(|b| b.is_ascii_digit())) {
            return;
        }
        let mut push = |k: &str| {
            let v = self.keys.entry(k.to_string()).or_default();
            if !v.contains(&rec) {
                v.push(rec);
            }
        };
        push(&key);
        // "al anbar" -> "anbar"
        if let Some((first, rest)) = key.split_once(' ') {
            if ARTICLES.contains(&first) && rest.len() >= 4 {
                push(rest);
            }
        }
        // "borno state" -> "borno" (regions only)
        let f = self.records.get(rec as usize).map(|r| r.feature);
        if f == Some(feature::ADMIN1) || f == Some(feature::ADMIN2) {
            for suf in REGION_SUFFIXES {
                if let Some(stem) = key.strip_suffix(&format!(" {suf}")) {
                    if stem.len() >= 3 {
                        push(stem);
                    }
                }
                if let Some(stem) = key.strip_prefix(&format!("{suf} ")) {
                    if stem.len() >= 3 {
                        push(stem);
                    }
                }
            }
        }
    }
}

fn feature_code(class: &str, code: &str) -> Option<u8> {
    Some(match (class, code) {
        ("A", "PCLI") => feature::COUNTRY,
        ("A", "ADM1") => feature::ADMIN1,
        ("P", "PPLC") => feature::CAPITAL,
        ("P", "PPLA") => feature::SEAT1,
        ("P", "PPLA2") => feature::SEAT2,
        ("P", "PPLA3" | "PPLA4" | "PPLA5") => feature::SEAT3,
        ("P", "PPLX") => feature::SECTION,
        ("P", "PPLH" | "PPLQ" | "PPLW") => return None, // historical, abandoned, destroyed
        ("P", _) => feature::TOWN,
        _ => return None,
    })
}

fn kind_code(kind: &str) -> Option<u8> {
    Some(match kind {
        "country" => feature::COUNTRY,
        "admin1" => feature::ADMIN1,
        "admin2" => feature::ADMIN2,
        "city" => feature::TOWN,
        "district" => feature::DISTRICT,
        "site" => feature::SITE,
        "region" => feature::REGION,
        _ => return None,
    })
}

fn coord(s: &str) -> i32 {
    s.trim()
        .parse::<f64>()
        .map(|v| (v * 1e4).round() as i32)
        .unwrap_or(0)
}

fn country(s: &str) -> [u8; 2] {
    let b = s.trim().as_bytes();
    if b.len() == 2 {
        [b[0], b[1]]
    } else {
        *b"  "
    }
}

/// Sort order of candidates: countries, regions and capitals first, then by population.
fn rank(r: &RawRecord) -> (u8, std::cmp::Reverse<u32>) {
    let tier = match r.feature {
        feature::COUNTRY => 0,
        feature::CAPITAL | feature::ADMIN1 | feature::REGION => 1,
        _ => 2,
    };
    (tier, std::cmp::Reverse(r.population))
}

/// `data/country_points.tsv`: country code -> representative point (lat, lon in 1e-4 degrees).
fn country_points(data: &Path) -> HashMap<[u8; 2], (i32, i32)> {
    let text =
        std::fs::read_to_string(data.join("country_points.tsv")).expect("data/country_points.tsv");
    let mut points = HashMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let c: Vec<&str> = line.split('\t').collect();
        let [code, lat, lon, ..] = c[..] else {
            panic!("data/country_points.tsv: short row: {line}");
        };
        for v in [lat, lon] {
            if v.trim().parse::<f64>().is_err() {
                panic!("data/country_points.tsv: bad coordinate {v:?} in {line}");
            }
        }
        points.insert(country(code), (coord(lat), coord(lon)));
    }
    points
}

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let data = Path::new(&manifest).join("data");
    for f in [
        "data/gazetteer_p1000.tsv.gz",
        "data/country_points.tsv",
        "data/aliases.tsv",
        "data/common_words.txt",
        "src/places/fold.rs",
        "src/places/index_format.rs",
    ] {
        println!("cargo:rerun-if-changed={f}");
    }
    let mut b = Builder {
        records: Vec::new(),
        strings: Vec::new(),
        interned: HashMap::new(),
        keys: BTreeMap::new(),
        by_geonames: HashMap::new(),
    };

    // A country's point is the usual representative point, not GeoNames' centroid.
    let points = country_points(&data);

    // 1. GeoNames rows.
    let file = std::fs::File::open(data.join("gazetteer_p1000.tsv.gz"))
        .expect("data/gazetteer_p1000.tsv.gz");
    let reader = BufReader::new(GzDecoder::new(file));
    let mut lines: Vec<String> = reader
        .lines()
        .skip(1)
        .map(|l| l.expect("gazetteer read"))
        .collect();
    // Records in (country, region, id) order: the columns then compress well.
    lines.sort_by_cached_key(|l| {
        let c: Vec<&str> = l.split('\t').collect();
        let id: u32 = c.first().and_then(|v| v.parse().ok()).unwrap_or(0);
        (
            c.get(6).map(|s| s.to_string()),
            c.get(8).map(|s| s.to_string()),
            id,
        )
    });
    for line in &lines {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 12 {
            continue;
        }
        let Some(feat) = feature_code(c[4], c[5]) else {
            continue;
        };
        // Size budget (the web asset stays under 4 MB gzipped): villages under 2,000 people
        // that seat no administration are left out.
        let population: u32 = c[9].parse().unwrap_or(0);
        if feat == feature::TOWN && population < 2000 {
            continue;
        }
        let (name_off, name_len) = b.intern(c[1]);
        let (admin1_off, admin1_len) = if c[8].is_empty() || feat == feature::COUNTRY {
            (0, 0)
        } else {
            b.intern(c[8])
        };
        let id: u32 = c[0].parse().unwrap_or(0);
        let (lat_e4, lon_e4) = match points.get(&country(c[6])) {
            Some(&point) if feat == feature::COUNTRY => point,
            _ => (coord(c[10]), coord(c[11])),
        };
        let rec = RawRecord {
            geonames_id: id,
            lat_e4,
            lon_e4,
            population: c[9].parse().unwrap_or(0),
            name_off,
            admin1_off,
            name_len,
            admin1_len,
            country: country(c[6]),
            feature: feat,
            flags: 0,
        };
        let idx = b.records.len() as u32;
        b.records.push(rec);
        b.by_geonames.insert(id, idx);
        b.add_key(c[1], idx, true);
        b.add_key(c[2], idx, true);
        // Alternate names: places that matter get them all; small villages only a few, to
        // keep the asset small (their alternates are mostly old or foreign spellings).
        let small = matches!(feat, feature::TOWN | feature::SEAT3 | feature::SECTION)
            && rec.population < 15_000;
        for alt in c[3].split('|').filter(|a| !a.is_empty()) {
            // Codes such as "BGW" or "NYC" are found by the abbreviation table, with case.
            if alt.len() <= 4 && alt.chars().all(|ch| ch.is_ascii_uppercase()) {
                continue;
            }
            // Small places keep only alternates that differ from the name by an article
            // ("Al Karmah" for "Karmah").
            if small && !fold::fold_name(alt).ends_with(&fold::fold_name(c[1])) {
                continue;
            }
            b.add_key(alt, idx, false);
        }
    }

    // 2. The hand-kept alias table.
    let aliases = std::fs::read_to_string(data.join("aliases.tsv")).expect("data/aliases.tsv");
    for line in aliases.lines() {
        if line.starts_with('#') || line.trim().is_empty() || line.starts_with("name\t") {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 8 {
            panic!("data/aliases.tsv: short row: {line}");
        }
        let gid: u32 = c[7].trim().parse().unwrap_or(0);
        for v in [c[5], c[6]] {
            if !v.trim().is_empty() && v.trim().parse::<f64>().map_or(true, |x| x.abs() > 180.0) {
                panic!("data/aliases.tsv: bad coordinate {v:?} in {line}");
            }
        }
        if gid != 0 && !b.by_geonames.contains_key(&gid) && !c[5].trim().is_empty() {
            // A GeoNames place the extract lacks: kept as a new entry with that id.
        } else if gid != 0 && !b.by_geonames.contains_key(&gid) {
            panic!("data/aliases.tsv: geonames id {gid} is not in the gazetteer: {line}");
        }
        let idx = match b.by_geonames.get(&gid) {
            Some(&i) if gid != 0 => i,
            _ => {
                let feat = kind_code(c[2].trim())
                    .unwrap_or_else(|| panic!("data/aliases.tsv: bad kind in {line}"));
                let (name_off, name_len) = b.intern(c[0].trim());
                let (admin1_off, admin1_len) = if c[4].trim().is_empty() {
                    (0, 0)
                } else {
                    b.intern(c[4].trim())
                };
                let idx = b.records.len() as u32;
                b.records.push(RawRecord {
                    geonames_id: gid,
                    lat_e4: coord(c[5]),
                    lon_e4: coord(c[6]),
                    population: 0,
                    name_off,
                    admin1_off,
                    name_len,
                    admin1_len,
                    country: country(c[3]),
                    feature: feat,
                    // Bit 0: no coordinates (a region too large to pin).
                    flags: u8::from(c[5].trim().is_empty()),
                });
                idx
            }
        };
        b.add_key(c[0].trim(), idx, true);
        for alt in c[1].split('|').map(str::trim).filter(|a| !a.is_empty()) {
            b.add_key(alt, idx, true);
        }
    }

    // 3. Common English words.
    let common: std::collections::HashSet<String> =
        std::fs::read_to_string(data.join("common_words.txt"))
            .expect("data/common_words.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(fold::fold_name)
            .filter(|w| !w.is_empty())
            .collect();

    // 4. Postings and the fst.
    let mut rows = Vec::with_capacity(b.records.len() * index_format::RECORD_LEN);
    for r in &b.records {
        r.write(&mut rows);
    }
    let records_bytes = index_format::to_planes(&rows);
    let mut postings = Vec::new();
    let mut map = fst::MapBuilder::memory();
    let keys = std::mem::take(&mut b.keys);
    for (key, mut recs) in keys {
        recs.sort_by_key(|&i| rank(&b.records[i as usize]));
        recs.truncate(index_format::MAX_CANDIDATES);
        let is_common = common.contains(&key);
        let value = if recs.len() == 1 {
            index_format::pack_value(u64::from(recs[0]), true, is_common)
        } else {
            let off = postings.len() as u64;
            postings.push(recs.len() as u8);
            for r in &recs {
                postings.extend_from_slice(&r.to_le_bytes());
            }
            index_format::pack_value(off, false, is_common)
        };
        map.insert(key.as_bytes(), value).expect("fst insert");
    }
    let fst_bytes = map.into_inner().expect("fst build");
    let out = index_format::assemble(&records_bytes, &b.strings, &postings, &fst_bytes);
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    std::fs::write(Path::new(&out_dir).join("gazetteer.bin"), out).expect("write gazetteer.bin");
}
