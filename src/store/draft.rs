//! Drafts: what a user has typed into a form and not saved yet, kept so that nothing typed is lost when
//! the connection drops. One draft per user, form and record.

use super::{Result, Store};
use rusqlite::{OptionalExtension, params};

impl Store {
    /// Keeps the form's current contents (JSON), replacing the previous draft of the same form.
    /// Drafts are the user's own scratch space, written outside the audit trail.
    pub fn save_draft(&mut self, form: &str, record: &str, payload: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO draft (username, form, record_key, payload, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (username, form, record_key) DO UPDATE SET payload = excluded.payload,
                     updated_at = excluded.updated_at",
                params![tx.user(), form, record, payload, tx.now()],
            )?;
            Ok(())
        })
    }

    /// The user's draft of this form and record, if any.
    pub fn load_draft(&self, form: &str, record: &str) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT payload FROM draft WHERE username = ?1 AND form = ?2 AND record_key = ?3",
                params![self.user().as_str(), form, record],
                |r| r.get(0),
            )
            .optional()?)
    }

    pub fn discard_draft(&mut self, form: &str, record: &str) -> Result<()> {
        let user = self.user().as_str().to_string();
        self.write(|tx| {
            tx.execute(
                "DELETE FROM draft WHERE username = ?1 AND form = ?2 AND record_key = ?3",
                params![user, form, record],
            )?;
            Ok(())
        })
    }
}
