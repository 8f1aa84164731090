//! TopoJSON decoding (plain Rust, no web dependencies, tested natively).
//!
//! Reads a TopoJSON `Topology` (<https://github.com/topojson/topojson-specification>): shared
//! arcs, optionally quantized and delta-encoded with a `transform`, and geometry objects that
//! refer to arcs by index (a negative index `~i` means arc `i` reversed). Polygons and
//! multipolygons become rings of longitude/latitude points; other geometry types are skipped.
//!
//! Written here rather than taken from the `topojson` crate (0.5.1): that crate indexes arcs
//! unchecked (a bad index panics, which would abort the whole wasm module) and converts through
//! the `geojson` crate, a second representation we do not need.

use serde::de::{Deserializer, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

/// A point: `[longitude, latitude]` in degrees (or whatever the topology's units are).
pub type Point = [f64; 2];
/// A closed ring of points (first point repeated at the end, as TopoJSON gives it).
pub type Ring = Vec<Point>;
/// A polygon: exterior ring first, then holes.
pub type Polygon = Vec<Ring>;

/// One decoded geometry with its id and name.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    /// The geometry's `id` as a string (world-atlas: the ISO 3166 numeric code), if any.
    pub id: Option<String>,
    /// `properties.name`, if any.
    pub name: Option<String>,
    /// The polygons (one for a Polygon, several for a MultiPolygon).
    pub polygons: Vec<Polygon>,
}

/// Why a topology could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TopoError {
    /// Not JSON, or not shaped like a topology.
    Json(String),
    /// `type` is not `Topology`.
    NotTopology,
    /// No object with the requested name.
    NoSuchObject(String),
    /// An arc index points past the arcs.
    BadArc(i64),
    /// The decoded geometry would exceed [`MAX_POINTS`].
    TooLarge,
}

impl fmt::Display for TopoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TopoError::Json(e) => write!(f, "not a TopoJSON topology: {e}"),
            TopoError::NotTopology => write!(f, "not a TopoJSON topology (type is not Topology)"),
            TopoError::NoSuchObject(n) => write!(f, "the topology has no object {n:?}"),
            TopoError::BadArc(i) => write!(f, "arc index {i} is out of range"),
            TopoError::TooLarge => write!(f, "the topology is too large to draw"),
        }
    }
}

impl std::error::Error for TopoError {}

/// Ceiling on decoded points, so a file that reuses big arcs many times cannot exhaust memory.
pub const MAX_POINTS: usize = 5_000_000;

/// Deepest nesting of GeometryCollections followed.
const MAX_DEPTH: usize = 16;

#[derive(Deserialize)]
struct RawTopology {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    transform: Option<Transform>,
    #[serde(default)]
    arcs: Vec<Vec<Position>>,
    #[serde(default)]
    objects: BTreeMap<String, Value>,
}

/// The quantization transform: `x = q.x * scale.x + translate.x` (after delta decoding).
#[derive(Deserialize, Debug, Clone, Copy, PartialEq)]
pub struct Transform {
    /// Scale per axis.
    pub scale: [f64; 2],
    /// Offset per axis.
    pub translate: [f64; 2],
}

/// A position: the first two numbers of a JSON array (extra dimensions are ignored).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Position(f64, f64);

impl<'de> Deserialize<'de> for Position {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Position, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Position;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a position [x, y, ...]")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Position, A::Error> {
                let x: f64 = seq
                    .next_element()?
                    .ok_or_else(|| serde::de::Error::invalid_length(0, &self))?;
                let y: f64 = seq
                    .next_element()?
                    .ok_or_else(|| serde::de::Error::invalid_length(1, &self))?;
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Position(x, y))
            }
        }
        d.deserialize_seq(V)
    }
}

/// Decodes every arc to absolute coordinates: undoes the delta encoding and the quantization
/// when a transform is given, else takes the positions as they are.
pub fn decode_arcs(arcs: &[Vec<Point>], transform: Option<&Transform>) -> Vec<Vec<Point>> {
    arcs.iter()
        .map(|arc| match transform {
            None => arc.clone(),
            Some(t) => {
                let (mut x, mut y) = (0.0, 0.0);
                arc.iter()
                    .map(|p| {
                        x += p[0];
                        y += p[1];
                        [
                            x * t.scale[0] + t.translate[0],
                            y * t.scale[1] + t.translate[1],
                        ]
                    })
                    .collect()
            }
        })
        .collect()
}

/// Joins arcs into one ring. Consecutive arcs share their end points, so every arc after the
/// first contributes all but its first point.
pub fn ring(arcs: &[Vec<Point>], indices: &[i64], budget: &mut usize) -> Result<Ring, TopoError> {
    let mut out: Ring = Vec::new();
    for &i in indices {
        // `!i` is `-i - 1`: the TopoJSON encoding of "arc i, reversed".
        let (idx, reversed) = if i >= 0 { (i, false) } else { (!i, true) };
        let arc = usize::try_from(idx)
            .ok()
            .and_then(|k| arcs.get(k))
            .ok_or(TopoError::BadArc(i))?;
        *budget = budget.checked_sub(arc.len()).ok_or(TopoError::TooLarge)?;
        let skip = usize::from(!out.is_empty());
        if reversed {
            out.extend(arc.iter().rev().skip(skip));
        } else {
            out.extend(arc.iter().skip(skip));
        }
    }
    Ok(out)
}

fn indices(v: &Value) -> Option<Vec<i64>> {
    v.as_array()?.iter().map(Value::as_i64).collect()
}

fn polygon(
    arcs: &[Vec<Point>],
    rings: &Value,
    budget: &mut usize,
) -> Result<Option<Polygon>, TopoError> {
    let Some(rings) = rings.as_array() else {
        return Ok(None);
    };
    let mut poly = Vec::with_capacity(rings.len());
    for r in rings {
        let Some(ix) = indices(r) else {
            return Ok(None);
        };
        let ring = ring(arcs, &ix, budget)?;
        if ring.len() >= 3 {
            poly.push(ring);
        }
    }
    Ok((!poly.is_empty()).then_some(poly))
}

fn collect(
    arcs: &[Vec<Point>],
    geom: &Value,
    depth: usize,
    budget: &mut usize,
    out: &mut Vec<Feature>,
) -> Result<(), TopoError> {
    if depth > MAX_DEPTH {
        return Ok(());
    }
    let kind = geom.get("type").and_then(Value::as_str).unwrap_or("");
    let polygons = match kind {
        "GeometryCollection" => {
            if let Some(gs) = geom.get("geometries").and_then(Value::as_array) {
                for g in gs {
                    collect(arcs, g, depth + 1, budget, out)?;
                }
            }
            return Ok(());
        }
        "Polygon" => match geom.get("arcs") {
            Some(a) => polygon(arcs, a, budget)?.into_iter().collect(),
            None => Vec::new(),
        },
        "MultiPolygon" => {
            let mut ps = Vec::new();
            if let Some(list) = geom.get("arcs").and_then(Value::as_array) {
                for a in list {
                    if let Some(p) = polygon(arcs, a, budget)? {
                        ps.push(p);
                    }
                }
            }
            ps
        }
        // Points, lines and null geometries have no area to draw.
        _ => return Ok(()),
    };
    let id = match geom.get("id") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let name = geom
        .get("properties")
        .and_then(|p| p.get("name"))
        .and_then(Value::as_str)
        .map(str::to_string);
    out.push(Feature { id, name, polygons });
    Ok(())
}

/// Decodes the polygons of object `object` (e.g. `"countries"`) of a TopoJSON text, or of
/// its first object (by name) when `object` is `None`. Features without any area are kept
/// (with no polygons) so ids stay complete.
pub fn features(json: &str, object: Option<&str>) -> Result<Vec<Feature>, TopoError> {
    let raw: RawTopology =
        serde_json::from_str(json).map_err(|e| TopoError::Json(e.to_string()))?;
    if raw.kind != "Topology" {
        return Err(TopoError::NotTopology);
    }
    let geom = match object {
        Some(name) => raw
            .objects
            .get(name)
            .ok_or_else(|| TopoError::NoSuchObject(name.to_string()))?,
        None => raw
            .objects
            .values()
            .next()
            .ok_or_else(|| TopoError::NoSuchObject(String::new()))?,
    };
    let quantized: Vec<Vec<Point>> = raw
        .arcs
        .iter()
        .map(|a| a.iter().map(|p| [p.0, p.1]).collect())
        .collect();
    let arcs = decode_arcs(&quantized, raw.transform.as_ref());
    let mut budget = MAX_POINTS;
    let mut out = Vec::new();
    collect(&arcs, geom, 0, &mut budget, &mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two unit squares sharing an edge, quantized with a transform: arc 0 is the shared edge.
    const TWO_SQUARES: &str = r#"{
      "type": "Topology",
      "transform": {"scale": [0.5, 2.0], "translate": [10, -4]},
      "objects": {"shapes": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "id": "L", "properties": {"name": "Left"}, "arcs": [[0, 1]]},
        {"type": "MultiPolygon", "id": 7, "arcs": [[[-1, 2]]]},
        {"type": "Point", "coordinates": [1, 1]},
        {"type": null}
      ]}},
      "arcs": [
        [[2, 0], [0, 1, 99]],
        [[2, 1], [-2, 0], [0, -1], [2, 0]],
        [[2, 0], [2, 0], [0, 1], [-2, 0]]
      ]
    }"#;

    #[test]
    fn delta_decoding_and_transform() {
        let arcs = decode_arcs(
            &[vec![[2.0, 0.0], [0.0, 1.0], [3.0, -1.0]]],
            Some(&Transform {
                scale: [0.5, 2.0],
                translate: [10.0, -4.0],
            }),
        );
        assert_eq!(arcs, vec![vec![[11.0, -4.0], [11.0, -2.0], [12.5, -4.0]]]);
        // No transform: positions are absolute already.
        let raw = vec![vec![[1.0, 2.0], [3.0, 4.0]]];
        assert_eq!(decode_arcs(&raw, None), raw);
    }

    #[test]
    fn decodes_polygons_and_multipolygons() {
        let f = features(TWO_SQUARES, Some("shapes")).expect("decodes");
        assert_eq!(f.len(), 2, "only areal geometries");
        assert_eq!(f[0].id.as_deref(), Some("L"));
        assert_eq!(f[0].name.as_deref(), Some("Left"));
        // Left square: shared edge (11,-4)->(11,-2), then back round to the start.
        assert_eq!(
            f[0].polygons,
            vec![vec![vec![
                [11.0, -4.0],
                [11.0, -2.0],
                [10.0, -2.0],
                [10.0, -4.0],
                [11.0, -4.0]
            ]]]
        );
        assert_eq!(f[1].id.as_deref(), Some("7"));
        assert_eq!(f[1].name, None);
        // Right square uses the shared edge reversed (~0 = -1).
        assert_eq!(
            f[1].polygons,
            vec![vec![vec![
                [11.0, -2.0],
                [11.0, -4.0],
                [12.0, -4.0],
                [12.0, -2.0],
                [11.0, -2.0]
            ]]]
        );
        // Without a name the first object is used.
        assert_eq!(features(TWO_SQUARES, None).expect("decodes"), f);
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert!(matches!(features("nope", None), Err(TopoError::Json(_))));
        assert_eq!(
            features(r#"{"type":"FeatureCollection"}"#, None),
            Err(TopoError::NotTopology)
        );
        assert_eq!(
            features(r#"{"type":"Topology","objects":{}}"#, Some("countries")),
            Err(TopoError::NoSuchObject("countries".into()))
        );
        let bad = r#"{"type":"Topology","arcs":[[[0,0],[1,1]]],"objects":{"a":
            {"type":"Polygon","arcs":[[0, 5]]}}}"#;
        assert_eq!(features(bad, None), Err(TopoError::BadArc(5)));
        let bad = r#"{"type":"Topology","arcs":[],"objects":{"a":
            {"type":"Polygon","arcs":[[-9223372036854775808]]}}}"#;
        assert!(matches!(features(bad, None), Err(TopoError::BadArc(_))));
        // Malformed arc lists are skipped, not fatal.
        let odd = r#"{"type":"Topology","arcs":[],"objects":{"a":
            {"type":"Polygon","arcs":"x"}}}"#;
        assert_eq!(features(odd, None).map(|f| f[0].polygons.len()), Ok(0));
    }

    #[test]
    fn reuse_is_bounded() {
        let mut budget = 5;
        let arcs = vec![vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0]]];
        assert!(ring(&arcs, &[0], &mut budget).is_ok());
        assert_eq!(ring(&arcs, &[0], &mut budget), Err(TopoError::TooLarge));
    }
}
