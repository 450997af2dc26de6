//! Files coming in: reading tables from CSV/XLSX ([`table`]) and turning their rows into checked domain
//! values ([`participants`]).

pub mod instrument;
pub mod participants;
pub mod survey;
pub mod table;
