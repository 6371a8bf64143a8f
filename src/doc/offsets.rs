//! Finding the first of a sorted run of items at or after a byte offset,
//! without a binary search over the whole document: the relation finders
//! ask this for every window around every figure.

/// Bytes per bucket: a few dozen cue words at most, so the search left in
/// a bucket is short.
const BUCKET: usize = 256;

#[derive(Default)]
pub struct OffsetIndex {
    /// For each bucket of the text, the index of the first item starting
    /// in it or after it.
    first: Vec<u32>,
}

impl OffsetIndex {
    /// Index items by their start offsets, given in order.
    pub fn new(starts: impl Iterator<Item = usize>, text_len: usize) -> OffsetIndex {
        let buckets = text_len / BUCKET + 2;
        let mut first = Vec::with_capacity(buckets);
        let mut n = 0u32;
        for start in starts {
            while first.len() <= start / BUCKET {
                first.push(n);
            }
            n += 1;
        }
        while first.len() < buckets {
            first.push(n);
        }
        OffsetIndex { first }
    }

    /// The index of the first item whose start (by `start_of`) is at or
    /// after `offset`.
    pub fn first_at<T>(&self, items: &[T], offset: usize, start_of: impl Fn(&T) -> usize) -> usize {
        let b = offset / BUCKET;
        let Some(&lo) = self.first.get(b) else {
            return items.len();
        };
        let hi = self.first.get(b + 1).map_or(items.len(), |&h| h as usize);
        let (lo, hi) = (lo as usize, hi.min(items.len()));
        lo + items[lo..hi].partition_point(|x| start_of(x) < offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_a_binary_search_finds() {
        let starts: Vec<usize> = vec![0, 3, 3, 255, 256, 300, 700, 701, 1500];
        let index = OffsetIndex::new(starts.iter().copied(), 2000);
        for offset in 0..2100 {
            assert_eq!(
                index.first_at(&starts, offset, |&s| s),
                starts.partition_point(|&s| s < offset),
                "{offset}"
            );
        }
    }
}
