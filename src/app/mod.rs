//! The terminal interface, Elm-style: keys resolve through the [`keymap`] into an [`action::Action`];
//! [`state::update`] changes the state and returns [`effect::Effect`]s as data; the [`runtime`] executes
//! them against the store ([`exec`]) and feeds the results back; [`view`] draws the state.

pub mod action;
pub mod effect;
pub mod exec;
pub mod first_run;
pub mod harness;
pub mod keymap;
pub mod runtime;
pub mod state;
pub mod view;

pub use action::{Action, Command};
pub use effect::Effect;
pub use state::{State, update};
