//! Report stage: the schema types, the output formats, the merge across documents ([`merge`]),
//! incidents re-formed after a reviewer's corrections ([`regroup`]) and the highlighter the
//! HTML export and the app share ([`segments`]).

pub mod build;
pub mod check;
pub mod csv;
pub mod events;
pub mod geojson;
pub mod html;
pub mod json;
pub mod markdown;
pub mod merge;
pub mod model;
pub mod regroup;
pub mod segments;
