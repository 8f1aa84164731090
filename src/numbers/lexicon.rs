//! A small exact-match index over lower-case table words, bucketed by first byte and length,
//! so looking up every word of a text costs a couple of byte comparisons.

/// Words of a table mapped to a value.
pub struct Index<T: Copy> {
    buckets: Vec<Vec<(&'static str, T)>>,
}

const BUCKETS: usize = 32 * 16;

fn bucket(word: &str) -> usize {
    let first = word.as_bytes().first().copied().unwrap_or(0) as usize & 31;
    first * 16 + (word.len() & 15)
}

impl<T: Copy> Index<T> {
    /// Builds the index; earlier entries win over later ones with the same word.
    pub fn new(items: impl IntoIterator<Item = (&'static str, T)>) -> Index<T> {
        let mut buckets: Vec<Vec<(&'static str, T)>> = (0..BUCKETS).map(|_| Vec::new()).collect();
        for (w, v) in items {
            if let Some(b) = buckets.get_mut(bucket(w)) {
                if !b.iter().any(|(x, _)| *x == w) {
                    b.push((w, v));
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
            .find(|(w, _)| *w == word)
            .map(|(_, v)| *v)
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
