//! Widgets shared by screens.
