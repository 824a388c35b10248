//! Integration tests, compiled into one binary (one link, not many).

mod annotations;
mod cli;
mod document;
mod export;
mod extract;
mod graph;
mod gui;
mod layout;
mod realdocs;
