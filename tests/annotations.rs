//! Integration tests: annotations.
