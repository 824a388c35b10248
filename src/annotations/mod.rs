//! annotations (in progress)
