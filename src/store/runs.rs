//! Rows that arrive in runs of one key (a form's answers, a program's answers), placed into one slot per
//! key. The last key is remembered, so a run of rows costs one lookup rather than one per row.

use std::collections::HashMap;

#[derive(Debug, Default)]
pub(crate) struct Runs {
    slots: HashMap<i64, usize>,
    last: Option<(i64, usize)>,
}

impl Runs {
    /// Slots known beforehand (a key not among them has none unless `slot` makes one).
    pub(crate) fn with(slots: HashMap<i64, usize>) -> Runs {
        Runs { slots, last: None }
    }

    /// The slot of `key`; the first time, `make` makes it (or says there is none: the row is skipped).
    pub(crate) fn slot<E>(
        &mut self,
        key: i64,
        make: impl FnOnce() -> Result<Option<usize>, E>,
    ) -> Result<Option<usize>, E> {
        if let Some((last, at)) = self.last
            && last == key
        {
            return Ok(Some(at));
        }
        let at = match self.slots.get(&key) {
            Some(at) => *at,
            None => {
                let Some(at) = make()? else {
                    return Ok(None);
                };
                self.slots.insert(key, at);
                at
            }
        };
        self.last = Some((key, at));
        Ok(Some(at))
    }
}

#[cfg(test)]
mod tests {
    use super::Runs;
    use std::convert::Infallible;

    #[test]
    fn each_key_gets_one_slot_made_once_and_unknown_keys_none() {
        let mut runs = Runs::default();
        let mut made = 0;
        let mut slot = |runs: &mut Runs, key: i64| {
            runs.slot(key, || -> Result<_, Infallible> {
                if key < 0 {
                    return Ok(None);
                }
                made += 1;
                Ok(Some(made - 1))
            })
            .unwrap_or_default()
        };
        let seen: Vec<Option<usize>> = [7, 7, 3, 7, -1, 3, 3]
            .into_iter()
            .map(|k| slot(&mut runs, k))
            .collect();
        assert_eq!(
            seen,
            [Some(0), Some(0), Some(1), Some(0), None, Some(1), Some(1)]
        );
        assert_eq!(made, 2);
        let mut known = Runs::with([(5, 9)].into_iter().collect());
        assert_eq!(known.slot(5, || Ok::<_, Infallible>(None)), Ok(Some(9)));
        assert_eq!(known.slot(6, || Ok::<_, Infallible>(None)), Ok(None));
    }
}
