//! Incidents stage: which place each figure happened at, and document totals.

pub mod link;
pub mod scope;
pub mod totals;
