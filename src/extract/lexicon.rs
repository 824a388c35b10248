//! The catalogue of known entities, loaded from `assets/*.toml`.

/// A problem in a lexicon file.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    /// The TOML did not parse or did not match the expected shape.
    #[error("lexicon {file}: {source}")]
    Toml {
        /// Which asset file.
        file: &'static str,
        /// The parser's message (with line and column).
        #[source]
        source: toml::de::Error,
    },
}

/// Everything the extractor knows by name, with the facts the detail panel shows.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {}

impl Catalogue {
    /// The catalogue bundled in the binary.
    ///
    /// # Errors
    ///
    /// Only if a bundled asset is malformed (a test guards against it).
    pub fn bundled() -> Result<Self, CatalogueError> {
        Ok(Self::default())
    }
}

/// What the catalogue knows about one entity: what the graph's node shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntityInfo {
    /// Short label for the map: `68/302`, `HRC 26/13`, `Tunis Agenda`,
    /// `Tunis Agenda ¶55`, `UDHR Art. 19`, `CSTD`, `SDG 5`, `civil society`, `C10`.
    pub label: String,
    /// Full name: "Commission on Science and Technology for Development",
    /// "Tunis Agenda for the Information Society".
    pub name: Option<String>,
    /// Title: a resolution's or an SDG's official short title.
    pub title: Option<String>,
    /// Date of adoption, ISO 8601 (`2014-07-31`), where known.
    pub date: Option<String>,
    /// Acronym of an organization that has one.
    pub acronym: Option<String>,
}

impl Catalogue {
    /// Label, names and facts for an entity. Unknown entities (a resolution
    /// not in the catalogue) still get a sensible label.
    #[must_use]
    pub fn info(&self, entity: &super::Entity) -> EntityInfo {
        EntityInfo { label: entity.id(), ..EntityInfo::default() }
    }
}
