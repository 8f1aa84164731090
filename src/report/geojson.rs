//! GeoJSON export: a Point per resolved place, carrying its figures.

use super::model::Report;
use serde_json::{json, Value};

/// A FeatureCollection with one Point feature per place that has coordinates.
pub fn to_geojson(report: &Report) -> Value {
    let mut features = Vec::new();
    for d in &report.documents {
        for (pi, p) in d.places.iter().enumerate() {
            let (Some(lat), Some(lon)) = (p.lat, p.lon) else {
                continue;
            };
            let figures: Vec<Value> = d
                .figures
                .iter()
                .filter(|f| f.place == Some(pi))
                .map(|f| {
                    json!({
                        "text": f.text, "category": f.category, "value": f.value,
                        "qualifier": f.qualifier, "min": f.min, "max": f.max,
                        "sentence": f.sentence.text,
                    })
                })
                .collect();
            features.push(json!({
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "document": d.name, "name": p.name, "country": p.country,
                    "admin1": p.admin1, "kind": p.kind, "geonames_id": p.geonames_id,
                    "mentions": p.mentions.len(), "figures": figures,
                },
            }));
        }
    }
    json!({"type": "FeatureCollection", "features": features})
}
