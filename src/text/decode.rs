//! Bytes -> text: UTF-8 (with or without BOM), UTF-16 with BOM, otherwise Windows-1252.

use std::fmt;

/// Why a file could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes look like a binary file (NUL bytes outside UTF-16).
    Binary,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary => write!(f, "not a text file (binary data)"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes a file's bytes to text, dropping any byte order mark.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Ok(String::from_utf8_lossy(rest).into_owned());
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Ok(encoding_rs::UTF_16LE
            .decode_with_bom_removal(bytes)
            .0
            .into_owned());
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Ok(encoding_rs::UTF_16BE
            .decode_with_bom_removal(bytes)
            .0
            .into_owned());
    }
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(_) => Ok(encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned()),
    }
}
