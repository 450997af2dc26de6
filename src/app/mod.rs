//! The terminal interface: state, actions, effects, update and the runtime.
pub mod runtime;
