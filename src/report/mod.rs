//! Report stage: the schema types and the output formats.

pub mod build;
pub mod check;
pub mod csv;
pub mod events;
pub mod geojson;
pub mod html;
pub mod json;
pub mod markdown;
pub mod model;
