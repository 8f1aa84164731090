//! Examples per rule, checked through the whole `figures::extract`.
