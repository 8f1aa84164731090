//! A small exact-match index over lower-case table words, bucketed by first byte and length,
//! so looking up every word of a text costs a couple of byte comparisons.

/// Words of a table mapped to a value.
pub struct Index<T: Copy> {
    buckets: Vec<Vec<(Box<str>, T)>>,
}

const BUCKETS: usize = 32 * 16;

fn bucket(word: &str) -> usize {
    let first = word.as_bytes().first().copied().unwrap_or(0) as usize & 31;
    first * 16 + (word.len() & 15)
}

impl<T: Copy> Index<T> {
    /// Builds the index; earlier entries win over later ones with the same word.
    pub fn new<S: AsRef<str>>(items: impl IntoIterator<Item = (S, T)>) -> Index<T> {
        let mut buckets: Vec<Vec<(Box<str>, T)>> = (0..BUCKETS).map(|_| Vec::new()).collect();
        for (w, v) in items {
            let w = w.as_ref();
            if let Some(b) = buckets.get_mut(bucket(w)) {
                if !b.iter().any(|(x, _)| &**x == w) {
                    b.push((w.into(), v));
                }
            }
        }
        Index { buckets }
    }

    /// The value of a lower-case word.
    pub fn get(&self, word: &str) -> Option<T> {
        self.buckets
            .get(bucket(word))?
            .iter()
            .find(|(w, _)| &**w == word)
            .map(|(_, v)| *v)
    }
}

/// Phrases of a table keyed by their first (or last) token, lower case, so a match at a
/// position only tries the phrases that can start (or end) there. Keeps table order.
pub struct PhraseIndex {
    /// Phrase indices grouped by key, in table order within a key.
    order: Vec<usize>,
    /// Key -> range of `order`.
    ranges: Index<(usize, usize)>,
}

impl PhraseIndex {
    /// Keys each phrase by the given key (in table order; `None`: never a candidate).
    pub fn from_keys(keys: impl IntoIterator<Item = Option<String>>) -> PhraseIndex {
        let mut keys: Vec<(String, usize)> = keys
            .into_iter()
            .enumerate()
            .filter_map(|(i, k)| Some((k?, i)))
            .collect();
        keys.sort();
        let order = keys.iter().map(|(_, i)| *i).collect();
        let mut groups: Vec<(&str, (usize, usize))> = Vec::new();
        let mut from = 0;
        for (j, (k, _)) in keys.iter().enumerate() {
            if keys.get(j + 1).is_none_or(|(n, _)| n != k) {
                groups.push((k.as_str(), (from, j + 1)));
                from = j + 1;
            }
        }
        PhraseIndex {
            order,
            ranges: Index::new(groups),
        }
    }

    /// Indices (in table order) of the phrases whose key is `key`.
    pub fn candidates<'s>(&'s self, key: &str) -> impl Iterator<Item = usize> + 's {
        let (a, b) = self.ranges.get(key).unwrap_or((0, 0));
        self.order.get(a..b).unwrap_or(&[]).iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words() {
        let ix = Index::new([("one", 1), ("ten", 10), ("twenty", 20), ("one", 9)]);
        assert_eq!(ix.get("one"), Some(1));
        assert_eq!(ix.get("twenty"), Some(20));
        assert_eq!(ix.get("two"), None);
        assert_eq!(ix.get(""), None);
    }
}
