//! style (in progress)
