//! Name folding: the one key form that both the build script (for every gazetteer name) and
//! detection (for the words of the text) use, so that spelling variants meet.
//!
//! Rules, with examples (each is a test below):
//! - lower case, Latin diacritics dropped: "Şemdinli" -> "semdinli", "Bogotá" -> "bogota";
//! - apostrophes and ayn/hamza marks dropped: "Sana'a" -> "sana" (as "Sanaa"), "Ba‘qubah" -> "baquba";
//! - hyphens, dots, commas and spaces separate words: "Al-Karmah" -> "al karma";
//! - doubled letters collapse: "Falluja" and "Faluja" meet as "faluja";
//! - a final "h" after a vowel goes: "Hawijah" -> "hawija", "Fallujah" -> "faluja";
//! - "ou" reads as "u": "Khan Younis" and "Khan Yunis" meet as "khan yunis".
//!
//! This file has no dependencies: `build.rs` includes it with `#[path]`.

/// Folds a whole name (several words) to its key: folded words joined by one space.
pub fn fold_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    fold_name_into(name, &mut out);
    out
}

/// [`fold_name`] into a buffer (appended; callers clear it to reuse it).
pub fn fold_name_into(name: &str, out: &mut String) {
    let base = out.len();
    for word in name.split(is_separator) {
        let start = out.len();
        if start > base {
            out.push(' ');
        }
        fold_word(word, out);
        if out.len() == start + usize::from(start > base) {
            // The word folded to nothing: take back the separator.
            out.truncate(start);
        }
    }
}

/// Whether `c` separates words in a name.
pub fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '–' | '—' | '.' | ',' | '/' | '(' | ')')
}

/// Whether `c` is an apostrophe-like mark that folding drops.
pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '’' | '‘' | 'ʿ' | 'ʾ' | '`' | '´' | 'ʼ' | 'ʻ' | 'ʹ'
    )
}

/// Calls `f` with `word` lower-cased exactly as `str::to_lowercase` would, without a heap
/// allocation for short ASCII words (the common case in the per-token look-ups).
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if word.len() <= buf.len() && word.is_ascii() {
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        if let Ok(s) = std::str::from_utf8(b) {
            return f(s);
        }
    }
    f(&word.to_lowercase())
}

/// Whether ASCII `word`, lower-cased, is `lower` (compared in place: no copy). For an ASCII
/// word this is exactly `word.to_lowercase() == lower`; callers check `word.is_ascii()` once.
#[inline]
pub fn ascii_lower_eq(word: &str, lower: &str) -> bool {
    word.len() == lower.len()
        && word
            .bytes()
            .zip(lower.bytes())
            .all(|(w, l)| w.to_ascii_lowercase() == l)
}

/// Appends the folded form of one word (no separators inside) to `out`.
pub fn fold_word(word: &str, out: &mut String) {
    // Fast path: a short ASCII word is folded on the stack.
    let mut stack = [0u8; 64];
    if word.len() <= stack.len() && word.is_ascii() {
        let mut n = 0;
        for &b in word.as_bytes() {
            if b != b'\'' && b != b'`' {
                stack[n] = b.to_ascii_lowercase();
                n += 1;
            }
        }
        let n = spelling_variants(&mut stack[..n]);
        // ASCII bytes: always UTF-8.
        out.push_str(std::str::from_utf8(&stack[..n]).unwrap_or(""));
        return;
    }
    let start = out.len();
    for c in word.chars() {
        if !is_apostrophe(c) {
            push_base(c, out);
        }
    }
    // Spelling-variant rules on the ASCII letters of the word.
    let folded = &out[start..];
    if !folded.is_ascii() {
        return;
    }
    // Short words (nearly all) are rewritten on the stack: no allocation per word.
    let mut stack = [0u8; 64];
    let mut heap = Vec::new();
    let w: &mut [u8] = if folded.len() <= stack.len() {
        let s = &mut stack[..folded.len()];
        s.copy_from_slice(folded.as_bytes());
        s
    } else {
        heap.extend_from_slice(folded.as_bytes());
        &mut heap
    };
    let n = spelling_variants(w);
    out.truncate(start);
    // `w` holds ASCII only: every byte is a char.
    out.extend(w.iter().take(n).map(|&b| b as char));
}

/// Appends a name as written letter for letter to `out`: lower case, Latin diacritics and
/// apostrophes dropped, separators as one space; no spelling variants ("Sāmarrā’" ->
/// "samarra", which [`fold_name`] makes "samara" like "Samara"). Two names spelled alike
/// by this form are one spelling, not two that merely meet.
pub fn spelled_into(name: &str, out: &mut String) {
    let mut space = false;
    for c in name.chars() {
        if is_apostrophe(c) {
            continue;
        }
        if is_separator(c) {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        push_base(c, out);
    }
}

/// Appends one letter lower-cased, a Latin letter without its diacritic.
fn push_base(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if let Some(s) = latin_base(c) {
        out.push_str(s);
    } else {
        out.extend(c.to_lowercase());
    }
}

/// Rewrites lower-case ASCII `w` in place: "ou" -> "u", doubled letters collapse, a final
/// "h" after a vowel goes (but short words such as "ah" keep it). Returns the new length.
fn spelling_variants(w: &mut [u8]) -> usize {
    let (mut r, mut n) = (0, 0);
    while r < w.len() {
        // The write index `n` never passes the read index `r`.
        let b = if w[r] == b'o' && w.get(r + 1) == Some(&b'u') {
            r += 2;
            b'u'
        } else {
            r += 1;
            w[r - 1]
        };
        if n == 0 || w[n - 1] != b {
            w[n] = b;
            n += 1;
        }
    }
    if n > 3 && w[n - 1] == b'h' && is_vowel(w[n - 2]) {
        n -= 1;
    }
    n
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The ASCII base of a Latin letter with a diacritic (Latin-1, Latin Extended-A and a few
/// transliteration letters), lower-cased.
fn latin_base(c: char) -> Option<&'static str> {
    Some(match c {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' | 'ǎ' | 'Ǎ' | 'ạ' | 'ả' => {
            "a"
        }
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' | 'Č' | 'č' => "c",
        'Ð' | 'ð' | 'Ď' | 'ď' | 'Đ' | 'đ' | 'ḍ' | 'Ḍ' => "d",
        'È'..='Ë'
        | 'è'..='ë'
        | 'Ē'
        | 'ē'
        | 'Ĕ'
        | 'ĕ'
        | 'Ė'
        | 'ė'
        | 'Ę'
        | 'ę'
        | 'Ě'
        | 'ě'
        | 'ẹ'
        | 'ế'
        | 'ề'
        | 'ể' => "e",
        'Ĝ' | 'ĝ' | 'Ğ' | 'ğ' | 'Ġ' | 'ġ' | 'Ģ' | 'ģ' => "g",
        'Ĥ' | 'ĥ' | 'Ħ' | 'ħ' | 'ḥ' | 'Ḥ' | 'ḩ' | 'Ḩ' => "h",
        'Ì'..='Ï'
        | 'ì'..='ï'
        | 'Ĩ'
        | 'ĩ'
        | 'Ī'
        | 'ī'
        | 'Ĭ'
        | 'ĭ'
        | 'Į'
        | 'į'
        | 'İ'
        | 'ı'
        | 'ǐ'
        | 'ị' => "i",
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ĺ' | 'ĺ' | 'Ļ' | 'ļ' | 'Ľ' | 'ľ' | 'Ŀ' | 'ŀ' | 'Ł' | 'ł' => "l",
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ņ' | 'ņ' | 'Ň' | 'ň' => "n",
        'Ò'..='Ö'
        | 'Ø'
        | 'ò'..='ö'
        | 'ø'
        | 'Ō'
        | 'ō'
        | 'Ŏ'
        | 'ŏ'
        | 'Ő'
        | 'ő'
        | 'ǒ'
        | 'ọ'
        | 'ơ'
        | 'Ơ' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ' | 'ŕ' | 'Ŗ' | 'ŗ' | 'Ř' | 'ř' => "r",
        'Ś' | 'ś' | 'Ŝ' | 'ŝ' | 'Ş' | 'ş' | 'Š' | 'š' | 'ṣ' | 'Ṣ' | 'Ș' | 'ș' => "s",
        'ß' => "ss",
        'Ţ' | 'ţ' | 'Ť' | 'ť' | 'Ŧ' | 'ŧ' | 'ṭ' | 'Ṭ' | 'Ț' | 'ț' => "t",
        'Þ' | 'þ' => "th",
        'Ù'..='Ü'
        | 'ù'..='ü'
        | 'Ũ'
        | 'ũ'
        | 'Ū'
        | 'ū'
        | 'Ŭ'
        | 'ŭ'
        | 'Ů'
        | 'ů'
        | 'Ű'
        | 'ű'
        | 'Ų'
        | 'ų'
        | 'ǔ'
        | 'ư'
        | 'Ư'
        | 'ụ' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ÿ' | 'Ŷ' | 'ŷ' => "y",
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' | 'ẓ' | 'Ẓ' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::{fold_name, spelled_into};

    fn spelled(s: &str) -> String {
        let mut out = String::new();
        spelled_into(s, &mut out);
        out
    }

    #[test]
    fn spelled_keeps_doubled_letters() {
        assert_eq!(spelled("Sāmarrā’"), "samarra");
        assert_eq!(spelled("Samarra"), "samarra");
        assert_ne!(spelled("Samara"), spelled("Samarra"));
        assert_eq!(fold_name("Samara"), fold_name("Samarra"));
        assert_eq!(spelled("Al-Karmah"), "al karmah");
    }

    #[test]
    fn diacritics_and_case() {
        assert_eq!(fold_name("Şemdinli"), "semdinli");
        assert_eq!(fold_name("Bogotá"), "bogota");
        assert_eq!(fold_name("CÓRDOBA"), "cordoba");
    }

    #[test]
    fn apostrophes_and_separators() {
        assert_eq!(fold_name("Sana'a"), "sana");
        assert_eq!(fold_name("Sana’a"), fold_name("Sanaa"));
        assert_eq!(fold_name("Al-Karmah"), "al karma");
        assert_eq!(fold_name("Washington, D.C."), "washington d c");
        assert_eq!(fold_name("  Ba‘qubah  "), "baquba");
    }

    #[test]
    fn transliteration_variants_meet() {
        assert_eq!(fold_name("Hawijah"), fold_name("Hawija"));
        assert_eq!(fold_name("Fallujah"), fold_name("Falluja"));
        assert_eq!(fold_name("Khan Younis"), fold_name("Khan Yunis"));
        assert_eq!(fold_name("Basrah"), fold_name("Basra"));
    }

    #[test]
    fn other_scripts_are_lower_cased_only() {
        assert_eq!(fold_name("Москва"), "москва");
        assert_eq!(fold_name(""), "");
    }
}
