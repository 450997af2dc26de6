use crate::i18n::Lang;
use crate::store::Store;
use chrono::NaiveDate;

pub fn run(_store: Store, _lang: Lang, _today: NaiveDate) -> std::io::Result<()> {
    Ok(())
}
