//! The map's plain-Rust parts (TopoJSON decoding, projection, antimeridian splitting), run
//! natively: the `ui` module itself is wasm32-only, so its two pure files are included here.
#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
#[path = "../src/ui/projection.rs"]
mod projection;
#[allow(dead_code)]
#[path = "../src/ui/topo.rs"]
mod topo;

use projection::{polygons_path, project, WIDTH};

const BASEMAP_110M: &str = include_str!("../www/basemap/countries-110m.json");

/// The subpaths of an SVG path as lists of points (only M/L/Z with absolute coordinates).
fn subpaths(d: &str) -> Vec<Vec<(f64, f64)>> {
    d.split('M')
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.trim_end_matches('Z')
                .split('L')
                .map(|p| {
                    let (x, y) = p.split_once(',').expect("x,y");
                    (x.parse().expect("x"), y.parse().expect("y"))
                })
                .collect()
        })
        .collect()
}

#[test]
fn decodes_the_world_atlas_countries() {
    let countries = topo::features(BASEMAP_110M, Some("countries")).expect("decodes");
    assert_eq!(countries.len(), 177);
    let names: Vec<&str> = countries.iter().filter_map(|c| c.name.as_deref()).collect();
    for n in ["Fiji", "Russia", "Antarctica", "Iraq", "Brazil"] {
        assert!(names.contains(&n), "{n}");
    }
    // Every ring is closed and within the world.
    for c in &countries {
        assert!(!c.polygons.is_empty(), "{:?}", c.name);
        for ring in c.polygons.iter().flatten() {
            assert_eq!(ring.first(), ring.last(), "{:?}", c.name);
            assert!(ring
                .iter()
                .all(|p| (-180.0..=180.0).contains(&p[0]) && (-90.0..=90.0).contains(&p[1])));
        }
    }
    // Iraq's outline surrounds Baghdad (44.4E, 33.3N) roughly.
    let iraq = countries
        .iter()
        .find(|c| c.name.as_deref() == Some("Iraq"))
        .expect("Iraq");
    let ring = &iraq.polygons[0][0];
    let (lo, hi) = ring
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p[0]), b.max(p[0])));
    assert!(lo < 44.4 && 44.4 < hi);
}

/// No projected edge spans a large part of the map's width: the antimeridian is handled.
#[test]
fn no_stray_lines_across_the_map() {
    let countries = topo::features(BASEMAP_110M, Some("countries")).expect("decodes");
    for c in &countries {
        let d = polygons_path(&c.polygons);
        assert!(!d.is_empty(), "{:?}", c.name);
        for sub in subpaths(&d) {
            // A pole closure runs along the flat pole line; any other long edge is a stray.
            for w in sub.windows(2) {
                let dx = (w[1].0 - w[0].0).abs();
                let along_pole = [project(0.0, 90.0).1, project(0.0, -90.0).1]
                    .iter()
                    .any(|&py| (w[0].1 - py).abs() < 0.01 && (w[1].1 - py).abs() < 0.01);
                assert!(
                    dx < WIDTH / 4.0 || along_pole,
                    "{:?}: edge {:?} -> {:?}",
                    c.name,
                    w[0],
                    w[1]
                );
            }
        }
    }
}

#[test]
fn fiji_and_russia_are_drawn_on_both_edges() {
    let countries = topo::features(BASEMAP_110M, Some("countries")).expect("decodes");
    for name in ["Fiji", "Russia"] {
        let c = countries
            .iter()
            .find(|c| c.name.as_deref() == Some(name))
            .expect(name);
        let pieces: Vec<Vec<[f64; 2]>> = c
            .polygons
            .iter()
            .flatten()
            .flat_map(|r| projection::split_ring(r))
            .collect();
        // Pieces on both sides of the antimeridian, each wholly on one side.
        let west = pieces
            .iter()
            .any(|p| p.iter().all(|q| q[0] < 0.0) && p.iter().any(|q| q[0] == -180.0));
        let east = pieces
            .iter()
            .any(|p| p.iter().all(|q| q[0] > 0.0) && p.iter().any(|q| q[0] == 180.0));
        assert!(west && east, "{name}");
    }
}

#[test]
fn path_size_is_reasonable() {
    let countries = topo::features(BASEMAP_110M, Some("countries")).expect("decodes");
    let total: usize = countries
        .iter()
        .map(|c| polygons_path(&c.polygons).len())
        .sum();
    assert!(total < 200_000, "{total} bytes of path data");
}
