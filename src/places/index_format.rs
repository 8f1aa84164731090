//! The binary format of the compiled gazetteer (`gazetteer.bin`), shared by `build.rs` (which
//! writes it) and [`super::gazetteer`] (which reads it). No dependencies: `build.rs` includes
//! this file with `#[path]`.
//!
//! Layout, all integers little-endian:
//! - header: [`MAGIC`] (8 bytes), a 64-bit FNV-1a checksum of everything after the header,
//!   then four sections as (offset u32, length u32): records, strings, postings, fst;
//! - records: [`RECORD_LEN`] bytes each (see [`RawRecord`]), stored as byte planes (byte k of
//!   record i at `k * n + i`), which compresses about twice as well as rows;
//! - strings: UTF-8 names, referenced by (offset, length) from the records;
//! - postings: candidate lists: a count byte then that many u32 record indices;
//! - fst: an `fst::Map` from folded name (see `fold.rs`) to a value packed by [`pack_value`].

/// File signature and format version.
pub const MAGIC: &[u8; 8] = b"CLGAZ\x00\x02\x00";
/// Header length: magic, checksum, four (offset, length) pairs.
pub const HEADER_LEN: usize = 8 + 8 + 4 * 8;
/// Bytes per record.
pub const RECORD_LEN: usize = 30;
/// Most candidates kept for one name.
pub const MAX_CANDIDATES: usize = 255;

/// What kind of gazetteer entry a record is (one byte in the record).
pub mod feature {
    /// A sovereign country (GeoNames PCLI).
    pub const COUNTRY: u8 = 0;
    /// A first-level region (ADM1).
    pub const ADMIN1: u8 = 1;
    /// A national capital (PPLC).
    pub const CAPITAL: u8 = 2;
    /// The seat of a first-level region (PPLA).
    pub const SEAT1: u8 = 3;
    /// The seat of a second-level region (PPLA2).
    pub const SEAT2: u8 = 4;
    /// The seat of a lower region (PPLA3-5).
    pub const SEAT3: u8 = 5;
    /// Any other populated place.
    pub const TOWN: u8 = 6;
    /// A section of a populated place (PPLX): a neighbourhood.
    pub const SECTION: u8 = 7;
    /// A larger region from the alias table (Darfur).
    pub const REGION: u8 = 8;
    /// A named site from the alias table.
    pub const SITE: u8 = 9;
    /// A neighbourhood or district from the alias table.
    pub const DISTRICT: u8 = 10;
    /// A second-level region from the alias table.
    pub const ADMIN2: u8 = 11;
    /// One past the largest code.
    pub const END: u8 = 12;
}

/// Bit 0 of an fst value: the key is also a common English word.
pub const VALUE_COMMON: u64 = 1;
/// Bit 1 of an fst value: the payload is a record index, not a postings offset.
pub const VALUE_SINGLE: u64 = 2;

/// Packs an fst value: `payload` is a record index when `single`, else a postings offset.
pub fn pack_value(payload: u64, single: bool, common: bool) -> u64 {
    (payload << 2) | if single { VALUE_SINGLE } else { 0 } | if common { VALUE_COMMON } else { 0 }
}

/// Byte offsets of the fields inside a record (see [`RawRecord::write`]).
pub mod field {
    /// Population (u32).
    pub const POPULATION: usize = 12;
    /// Offset of the display name (u32).
    pub const NAME_OFF: usize = 16;
    /// Offset of the region name (u32).
    pub const ADMIN1_OFF: usize = 20;
    /// Length of the display name (u8).
    pub const NAME_LEN: usize = 24;
    /// Length of the region name (u8).
    pub const ADMIN1_LEN: usize = 25;
    /// Country code (two bytes).
    pub const COUNTRY: usize = 26;
    /// Feature code (u8).
    pub const FEATURE: usize = 28;
}

/// One gazetteer entry as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawRecord {
    /// GeoNames id (0 for alias-table entries without one).
    pub geonames_id: u32,
    /// Latitude in 1e-4 degrees.
    pub lat_e4: i32,
    /// Longitude in 1e-4 degrees.
    pub lon_e4: i32,
    /// Population (0 where unknown).
    pub population: u32,
    /// Offset of the display name in the strings section.
    pub name_off: u32,
    /// Offset of the first-level region name in the strings section.
    pub admin1_off: u32,
    /// Length of the display name.
    pub name_len: u8,
    /// Length of the region name (0: none).
    pub admin1_len: u8,
    /// ISO 3166 alpha-2 country code (two spaces: none).
    pub country: [u8; 2],
    /// A [`feature`] code.
    pub feature: u8,
    /// Reserved.
    pub flags: u8,
}

impl RawRecord {
    /// Appends the record's [`RECORD_LEN`] bytes.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.geonames_id.to_le_bytes());
        out.extend_from_slice(&self.lat_e4.to_le_bytes());
        out.extend_from_slice(&self.lon_e4.to_le_bytes());
        out.extend_from_slice(&self.population.to_le_bytes());
        out.extend_from_slice(&self.name_off.to_le_bytes());
        out.extend_from_slice(&self.admin1_off.to_le_bytes());
        out.push(self.name_len);
        out.push(self.admin1_len);
        out.extend_from_slice(&self.country);
        out.push(self.feature);
        out.push(self.flags);
    }

    /// Reads a record from exactly [`RECORD_LEN`] bytes (None on any other length).
    pub fn read(b: &[u8]) -> Option<RawRecord> {
        if b.len() != RECORD_LEN {
            return None;
        }
        let u = |i: usize| -> Option<u32> {
            let s: [u8; 4] = b.get(i..i + 4)?.try_into().ok()?;
            Some(u32::from_le_bytes(s))
        };
        Some(RawRecord {
            geonames_id: u(0)?,
            lat_e4: u(4)? as i32,
            lon_e4: u(8)? as i32,
            population: u(12)?,
            name_off: u(16)?,
            admin1_off: u(20)?,
            name_len: *b.get(24)?,
            admin1_len: *b.get(25)?,
            country: [*b.get(26)?, *b.get(27)?],
            feature: *b.get(28)?,
            flags: *b.get(29)?,
        })
    }
}

/// Rows of [`RECORD_LEN`] bytes -> byte planes.
pub fn to_planes(rows: &[u8]) -> Vec<u8> {
    let n = rows.len() / RECORD_LEN;
    let mut out = vec![0u8; n * RECORD_LEN];
    for (i, row) in rows.chunks_exact(RECORD_LEN).enumerate() {
        for (k, &b) in row.iter().enumerate() {
            out[k * n + i] = b;
        }
    }
    out
}

/// Record `i` of `n` from byte planes (None when out of bounds).
pub fn read_planes(planes: &[u8], n: usize, i: usize) -> Option<RawRecord> {
    if i >= n || planes.len() != n.checked_mul(RECORD_LEN)? {
        return None;
    }
    let mut row = [0u8; RECORD_LEN];
    for (k, b) in row.iter_mut().enumerate() {
        *b = *planes.get(k * n + i)?;
    }
    RawRecord::read(&row)
}

/// 64-bit FNV-1a: the file checksum (catches truncated or damaged downloads).
pub fn checksum(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Assembles the file from its four sections.
pub fn assemble(records: &[u8], strings: &[u8], postings: &[u8], fst: &[u8]) -> Vec<u8> {
    let mut body = Vec::with_capacity(records.len() + strings.len() + postings.len() + fst.len());
    let mut sections = Vec::new();
    for s in [records, strings, postings, fst] {
        sections.push(((HEADER_LEN + body.len()) as u32, s.len() as u32));
        body.extend_from_slice(s);
    }
    let mut out = Vec::with_capacity(HEADER_LEN + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&checksum(&body).to_le_bytes());
    for (off, len) in sections {
        out.extend_from_slice(&off.to_le_bytes());
        out.extend_from_slice(&len.to_le_bytes());
    }
    out.extend_from_slice(&body);
    out
}
