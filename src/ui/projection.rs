//! The map projection and SVG path building (plain Rust, tested natively).
//!
//! Projection: Natural Earth I (Šavrič, Patterson, Jenny 2015; the polynomial of d3-geo's
//! `geoNaturalEarth1`), scaled to a [`WIDTH`] x [`HEIGHT`] SVG viewBox with y pointing down.
//!
//! Rings that cross the antimeridian (Fiji, Chukotka) or wind round a pole (Antarctica) would
//! draw stray lines across the whole map if projected point by point. [`split_ring`] unwraps
//! their longitudes, closes pole-winding rings over the pole, cuts the result into 360°-wide
//! windows and shifts each piece back into -180..180.

use std::f64::consts::{FRAC_PI_2, PI};
use std::fmt::Write;

/// A point: `[longitude, latitude]` in degrees.
pub type LonLat = [f64; 2];

/// Width of the viewBox, in SVG user units.
pub const WIDTH: f64 = 1000.0;
/// Padding round the sphere, in user units (so the outline stroke is not clipped).
pub const PAD: f64 = 4.0;

/// Natural Earth I in radians, y up.
pub fn natural_earth(lambda: f64, phi: f64) -> (f64, f64) {
    let phi2 = phi * phi;
    let phi4 = phi2 * phi2;
    (
        lambda
            * (0.8707 - 0.131979 * phi2
                + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4))),
        phi * (1.007226
            + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4))),
    )
}

/// Half the width and half the height of the projected sphere, in radians-units.
fn half_extent() -> (f64, f64) {
    (natural_earth(PI, 0.0).0, natural_earth(0.0, FRAC_PI_2).1)
}

fn scale() -> f64 {
    (WIDTH - 2.0 * PAD) / (2.0 * half_extent().0)
}

/// Height of the viewBox (the sphere's aspect ratio at [`WIDTH`]).
pub fn height() -> f64 {
    2.0 * half_extent().1 * scale() + 2.0 * PAD
}

/// Projects a longitude/latitude (degrees; clamped to ±180/±90) to viewBox coordinates.
pub fn project(lon: f64, lat: f64) -> (f64, f64) {
    let lon = lon.clamp(-180.0, 180.0);
    let lat = lat.clamp(-90.0, 90.0);
    let (x, y) = natural_earth(lon.to_radians(), lat.to_radians());
    let s = scale();
    (WIDTH / 2.0 + x * s, height() / 2.0 - y * s)
}

/// Clips a ring to `lon >= edge` (`keep_above`) or `lon <= edge` (Sutherland–Hodgman against
/// one vertical line; exact for any simple ring, concave ones may gain zero-width seams along
/// the line, which lie on the map's edge).
fn clip(ring: &[LonLat], edge: f64, keep_above: bool) -> Vec<LonLat> {
    let inside = |p: &LonLat| {
        if keep_above {
            p[0] >= edge
        } else {
            p[0] <= edge
        }
    };
    let cross = |a: &LonLat, b: &LonLat| {
        let t = (edge - a[0]) / (b[0] - a[0]);
        [edge, a[1] + t * (b[1] - a[1])]
    };
    let mut out = Vec::with_capacity(ring.len() + 4);
    let Some(mut prev) = ring.last() else {
        return out;
    };
    for p in ring {
        match (inside(prev), inside(p)) {
            (true, true) => out.push(*p),
            (true, false) => out.push(cross(prev, p)),
            (false, true) => {
                out.push(cross(prev, p));
                out.push(*p);
            }
            (false, false) => {}
        }
        prev = p;
    }
    out
}

/// Adds points along stretches that run up or down the map's edge meridian, so they follow the
/// curved outline instead of cutting straight across.
fn densify_edges(ring: &[LonLat]) -> Vec<LonLat> {
    const STEP: f64 = 2.0;
    let mut out = Vec::with_capacity(ring.len());
    for (i, p) in ring.iter().enumerate() {
        if let Some(prev) = i.checked_sub(1).and_then(|j| ring.get(j)) {
            let on_edge = (prev[0].abs() - 180.0).abs() < 1e-9 && prev[0] == p[0];
            let dlat = p[1] - prev[1];
            if on_edge && dlat.abs() > STEP {
                let n = (dlat.abs() / STEP).ceil().min(90.0) as usize;
                for k in 1..n {
                    out.push([p[0], prev[1] + dlat * k as f64 / n as f64]);
                }
            }
        }
        out.push(*p);
    }
    out
}

/// Signed area of a ring in square degrees (shoelace formula).
fn area(ring: &[LonLat]) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a[0] * b[1] - b[0] * a[1]
        })
        .sum::<f64>()
        / 2.0
}

/// Splits one ring into pieces that each lie within -180..=180 longitude, so none crosses the
/// antimeridian. A ring that winds round a pole is closed over that pole.
pub fn split_ring(ring: &[LonLat]) -> Vec<Vec<LonLat>> {
    let ring: Vec<LonLat> = ring
        .iter()
        .copied()
        .filter(|p| p[0].is_finite() && p[1].is_finite())
        .collect();
    if ring.len() < 3 {
        return Vec::new();
    }
    // Unwrap: a jump of more than 180° between neighbours is a crossing, not a long edge.
    let mut offset = 0.0;
    let mut crossed = false;
    let mut un: Vec<LonLat> = Vec::with_capacity(ring.len() + 2);
    for (i, p) in ring.iter().enumerate() {
        if let Some(prev) = i.checked_sub(1).and_then(|j| ring.get(j)) {
            let d = p[0] - prev[0];
            if d > 180.0 {
                offset -= 360.0;
                crossed = true;
            } else if d < -180.0 {
                offset += 360.0;
                crossed = true;
            }
        }
        un.push([p[0] + offset, p[1]]);
    }
    let in_range = |r: &[LonLat]| r.iter().all(|p| (-180.0..=180.0).contains(&p[0]));
    if !crossed && in_range(&un) {
        return vec![un];
    }
    // Net winding of 360°: the ring goes round a pole. Close it along that pole.
    if let (Some(first), Some(last)) = (un.first().copied(), un.last().copied()) {
        if (last[0] - first[0]).abs() > 180.0 {
            let mean_lat = un.iter().map(|p| p[1]).sum::<f64>() / un.len() as f64;
            let pole = if mean_lat < 0.0 { -90.0 } else { 90.0 };
            un.push([last[0], pole]);
            un.push([first[0], pole]);
            un.push(first);
        }
    }
    let lo = un.iter().map(|p| p[0]).fold(f64::INFINITY, f64::min);
    let hi = un.iter().map(|p| p[0]).fold(f64::NEG_INFINITY, f64::max);
    // Window k covers [360k - 180, 360k + 180]; only a few can be touched (|k| <= 2).
    let k_lo = ((lo - 180.0) / 360.0).ceil().max(-2.0) as i32;
    let k_hi = ((hi + 180.0) / 360.0).floor().min(2.0) as i32;
    let mut pieces = Vec::new();
    for k in k_lo..=k_hi {
        let shift = 360.0 * f64::from(k);
        let piece = clip(&clip(&un, shift - 180.0, true), shift + 180.0, false);
        let piece: Vec<LonLat> = piece
            .into_iter()
            .map(|p| [(p[0] - shift).clamp(-180.0, 180.0), p[1]])
            .collect();
        // Windows that only touch the ring along their edge leave zero-area slivers.
        if piece.len() >= 3 && area(&piece).abs() > 1e-9 {
            pieces.push(densify_edges(&piece));
        }
    }
    pieces
}

/// Appends one ring as an SVG subpath (`M x,y L ... Z`), two decimals, repeated points dropped.
pub fn push_ring(d: &mut String, ring: &[LonLat]) {
    let mut last = (i64::MIN, i64::MIN);
    let mut n = 0;
    for p in ring {
        let (x, y) = project(p[0], p[1]);
        let q = ((x * 100.0).round() as i64, (y * 100.0).round() as i64);
        if q == last {
            continue;
        }
        last = q;
        d.push(if n == 0 { 'M' } else { 'L' });
        let _ = write!(d, "{},{}", fmt2(q.0), fmt2(q.1));
        n += 1;
    }
    if n > 0 {
        d.push('Z');
    }
}

/// A value in hundredths as a short decimal ("1234" -> "12.34", "1200" -> "12").
fn fmt2(h: i64) -> String {
    let sign = if h < 0 { "-" } else { "" };
    let a = h.unsigned_abs();
    let (int, frac) = (a / 100, a % 100);
    match frac {
        0 => format!("{sign}{int}"),
        f if f % 10 == 0 => format!("{sign}{int}.{}", f / 10),
        f => format!("{sign}{int}.{f:02}"),
    }
}

/// The SVG path data of a set of polygons (all rings, split at the antimeridian; fill with
/// `fill-rule="evenodd"` so holes stay holes).
pub fn polygons_path(polygons: &[Vec<Vec<LonLat>>]) -> String {
    let mut d = String::new();
    for poly in polygons {
        for ring in poly {
            for piece in split_ring(ring) {
                push_ring(&mut d, &piece);
            }
        }
    }
    d
}

/// The outline of the whole sphere (the map's background).
pub fn sphere_path() -> String {
    let mut ring: Vec<LonLat> = Vec::new();
    let mut lat = -90.0;
    while lat <= 90.0 {
        ring.push([-180.0, lat]);
        lat += 2.0;
    }
    lat = 90.0;
    while lat >= -90.0 {
        ring.push([180.0, lat]);
        lat -= 2.0;
    }
    let mut d = String::new();
    push_ring(&mut d, &ring);
    d
}

/// Meridians and parallels every `step` degrees, as one SVG path (open subpaths).
pub fn graticule_path(step: f64) -> String {
    let step = step.clamp(5.0, 90.0);
    let mut d = String::new();
    let mut line = |pts: &[LonLat]| {
        for (i, p) in pts.iter().enumerate() {
            let (x, y) = project(p[0], p[1]);
            d.push(if i == 0 { 'M' } else { 'L' });
            let _ = write!(
                d,
                "{},{}",
                fmt2((x * 100.0).round() as i64),
                fmt2((y * 100.0).round() as i64)
            );
        }
    };
    let mut lon = -180.0 + step;
    while lon < 180.0 {
        let pts: Vec<LonLat> = (0..=36).map(|i| [lon, -90.0 + 5.0 * i as f64]).collect();
        line(&pts);
        lon += step;
    }
    let mut lat = -90.0 + step;
    while lat < 90.0 {
        let pts: Vec<LonLat> = (0..=72).map(|i| [-180.0 + 5.0 * i as f64, lat]).collect();
        line(&pts);
        lat += step;
    }
    d
}

/// Radius (user units at zoom 1) of a marker for `count` casualties, on a square-root scale
/// against the largest count shown, so circle AREA is proportional to the count. Zero still
/// gets [`MIN_RADIUS`].
pub fn marker_radius(count: u64, max_count: u64) -> f64 {
    if count == 0 || max_count == 0 {
        return MIN_RADIUS;
    }
    let f = (count as f64 / max_count as f64).clamp(0.0, 1.0).sqrt();
    MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * f
}

/// Smallest marker radius (a place with no counted casualties), in user units.
pub const MIN_RADIUS: f64 = 3.5;
/// Largest marker radius, in user units.
pub const MAX_RADIUS: f64 = 22.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projection_bounds_and_centre() {
        let (cx, cy) = project(0.0, 0.0);
        assert!((cx - WIDTH / 2.0).abs() < 1e-9);
        assert!((cy - height() / 2.0).abs() < 1e-9);
        let (x, _) = project(-180.0, 0.0);
        assert!((x - PAD).abs() < 1e-9);
        let (x, _) = project(180.0, 0.0);
        assert!((x - (WIDTH - PAD)).abs() < 1e-9);
        let (_, y) = project(0.0, 90.0);
        assert!((y - PAD).abs() < 1e-9);
        // North is up, east is right; out-of-range input is clamped.
        assert!(project(10.0, 50.0).1 < project(10.0, 10.0).1);
        assert!(project(30.0, 0.0).0 > project(20.0, 0.0).0);
        assert_eq!(project(500.0, 100.0), project(180.0, 90.0));
        // Natural Earth: the aspect ratio is about 1.92:1.
        let ratio = WIDTH / height();
        assert!((1.85..2.0).contains(&ratio), "{ratio}");
    }

    #[test]
    fn polynomial_values() {
        // The published polynomial at (1 rad, 0.5 rad), and the width/height ratio of 1.923.
        let (x, y) = natural_earth(1.0, 0.5);
        assert!((x - 0.836_847).abs() < 1e-6, "{x}");
        assert!((y - 0.505_205).abs() < 1e-6, "{y}");
        let (w, h) = half_extent();
        assert!((w / h - 1.923).abs() < 1e-3);
    }

    fn max_lon_jump(pieces: &[Vec<LonLat>]) -> f64 {
        pieces
            .iter()
            .flat_map(|r| r.windows(2).map(|w| (w[1][0] - w[0][0]).abs()))
            .fold(0.0, f64::max)
    }

    #[test]
    fn ordinary_ring_untouched() {
        let r = vec![[10.0, 10.0], [20.0, 10.0], [20.0, 20.0], [10.0, 10.0]];
        assert_eq!(split_ring(&r), vec![r]);
    }

    #[test]
    fn antimeridian_ring_is_split_in_two() {
        // An island from 170E to 170W.
        let r = vec![
            [170.0, -10.0],
            [-170.0, -10.0],
            [-170.0, -20.0],
            [170.0, -20.0],
            [170.0, -10.0],
        ];
        let pieces = split_ring(&r);
        assert_eq!(pieces.len(), 2, "{pieces:?}");
        assert!(max_lon_jump(&pieces) <= 10.0 + 1e-9, "{pieces:?}");
        let east = pieces.iter().find(|p| p.iter().all(|q| q[0] >= 170.0));
        let west = pieces.iter().find(|p| p.iter().all(|q| q[0] <= -170.0));
        assert!(east.is_some() && west.is_some(), "{pieces:?}");
        // The cut lies on the edge.
        assert!(east.is_some_and(|p| p.iter().any(|q| q[0] == 180.0)));
        assert!(west.is_some_and(|p| p.iter().any(|q| q[0] == -180.0)));
    }

    #[test]
    fn pole_ring_is_closed_over_the_pole() {
        // A continent round the south pole, cut at the antimeridian like Antarctica's data.
        let mut r: Vec<LonLat> = (0..=36)
            .map(|i| [-180.0 + 10.0 * i as f64, -70.0])
            .collect();
        r.push([-180.0, -70.0]);
        let pieces = split_ring(&r);
        assert_eq!(pieces.len(), 1, "{pieces:?}");
        let p = &pieces[0];
        assert!(p.iter().any(|q| q[1] == -90.0));
        assert!(p.iter().all(|q| (-180.0..=180.0).contains(&q[0])));
        // In projected space no edge jumps across the map except along the pole line.
        let mut d = String::new();
        push_ring(&mut d, p);
        assert!(d.starts_with('M') && d.ends_with('Z'));
    }

    #[test]
    fn degenerate_rings_are_dropped() {
        assert!(split_ring(&[]).is_empty());
        assert!(split_ring(&[[0.0, 0.0], [1.0, 1.0]]).is_empty());
        assert!(split_ring(&[[f64::NAN, 0.0], [1.0, 1.0], [2.0, 2.0]]).is_empty());
    }

    #[test]
    fn path_formatting() {
        assert_eq!(fmt2(1234), "12.34");
        assert_eq!(fmt2(1200), "12");
        assert_eq!(fmt2(1250), "12.5");
        assert_eq!(fmt2(-5), "-0.05");
        assert_eq!(fmt2(0), "0");
        let d = polygons_path(&[vec![vec![[0.0, 0.0], [0.0, 0.0], [10.0, 0.0], [0.0, 10.0]]]]);
        assert_eq!(d.matches('M').count(), 1);
        assert_eq!(d.matches('L').count(), 2, "repeated point dropped: {d}");
        assert!(sphere_path().ends_with('Z'));
        assert!(graticule_path(30.0).starts_with('M'));
    }

    #[test]
    fn marker_radius_is_sqrt_scaled_with_a_floor() {
        assert_eq!(marker_radius(0, 100), MIN_RADIUS);
        assert_eq!(marker_radius(0, 0), MIN_RADIUS);
        assert_eq!(marker_radius(100, 100), MAX_RADIUS);
        let quarter = marker_radius(25, 100);
        assert!((quarter - (MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * 0.5)).abs() < 1e-9);
        assert!(marker_radius(1, 1_000_000) > MIN_RADIUS);
        assert_eq!(marker_radius(u64::MAX, 1), MAX_RADIUS);
    }
}
