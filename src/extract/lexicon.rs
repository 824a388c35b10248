//! The catalogue of known entities, loaded from `assets/*.toml`: aliases to
//! match in text, and the facts (labels, names, titles, dates) a node shows.
//!
//! One file per kind, embedded in the binary:
//!
//! | file | tables | entity |
//! | --- | --- | --- |
//! | `resolutions.toml` | `[[resolution]]` symbol, title, date | `res:A/RES/68/302` |
//! | `instruments.toml` | `[[instrument]]` key, label, name, date, aliases; `[[combined]]` | `inst:tunis-agenda` |
//! | `organizations.toml` | `[[organization]]` key, acronym, label, name, aliases; `[[combined]]` | `org:CSTD` |
//! | `stakeholders.toml` | `[[stakeholder]]` key, label, name, aliases; `[[combined]]` | `stk:civil-society` |
//! | `sdgs.toml` | `[[goal]]` number, title, name, thematic | `sdg:5` |
//! | `action-lines.toml` | `[[action_line]]` code, title | `al:C10` |
//!
//! A `[[combined]]` entry is one phrase naming several entries of its file
//! ("technical and academic communities"). Unknown fields, a key defined
//! twice, an alias given twice or an SDG outside 1..=17 are errors that name
//! the file.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use super::aliases::{AliasMatcher, Layer, PatternSpec};
use super::{Entity, Part, Relation};

const RESOLUTIONS: (&str, &str) = ("assets/resolutions.toml", include_str!("../../assets/resolutions.toml"));
const INSTRUMENTS: (&str, &str) = ("assets/instruments.toml", include_str!("../../assets/instruments.toml"));
const ORGANIZATIONS: (&str, &str) = ("assets/organizations.toml", include_str!("../../assets/organizations.toml"));
const STAKEHOLDERS: (&str, &str) = ("assets/stakeholders.toml", include_str!("../../assets/stakeholders.toml"));
const SDGS: (&str, &str) = ("assets/sdgs.toml", include_str!("../../assets/sdgs.toml"));
const ACTION_LINES: (&str, &str) = ("assets/action-lines.toml", include_str!("../../assets/action-lines.toml"));

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
    /// The TOML parsed but says something impossible: a key defined twice, an
    /// alias given to two entities, an SDG number outside 1..=17.
    #[error("lexicon {file}: {message}")]
    Invalid {
        /// Which asset file.
        file: &'static str,
        /// What is wrong, naming the entry.
        message: String,
    },
    /// The alias automaton could not be built (far too many aliases).
    #[error("lexicon aliases: {0}")]
    Automaton(String),
}

/// A resolution's catalogue entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ResolutionEntry {
    symbol: String,
    title: String,
    date: Option<String>,
}

/// An instrument's catalogue entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct InstrumentEntry {
    key: String,
    label: String,
    name: String,
    date: Option<String>,
    aliases: Vec<String>,
}

/// An organization's catalogue entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct OrganizationEntry {
    key: String,
    acronym: Option<String>,
    label: Option<String>,
    name: String,
    aliases: Vec<String>,
}

/// A stakeholder group's catalogue entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct StakeholderEntry {
    key: String,
    label: String,
    name: Option<String>,
    aliases: Vec<String>,
}

/// One SDG.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct GoalEntry {
    number: u8,
    title: String,
    name: String,
    thematic: Vec<String>,
}

/// One WSIS Action Line.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActionLineEntry {
    code: String,
    title: String,
}

/// One phrase that names several entities of a file at once.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Combined {
    alias: String,
    keys: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ResolutionsFile {
    resolution: Vec<ResolutionEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct InstrumentsFile {
    instrument: Vec<InstrumentEntry>,
    #[serde(default)]
    combined: Vec<Combined>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OrganizationsFile {
    organization: Vec<OrganizationEntry>,
    #[serde(default)]
    combined: Vec<Combined>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StakeholdersFile {
    stakeholder: Vec<StakeholderEntry>,
    #[serde(default)]
    combined: Vec<Combined>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SdgsFile {
    goal: Vec<GoalEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActionLinesFile {
    action_line: Vec<ActionLineEntry>,
}

/// Everything the extractor knows by name, with the facts the detail panel shows.
///
/// [`Catalogue::default`] is empty: it knows no names, so only the
/// structural forms ("resolution 68/302", "SDG 5", "Action Line C10") are found.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    resolutions: BTreeMap<String, ResolutionEntry>,
    instruments: BTreeMap<String, InstrumentEntry>,
    organizations: BTreeMap<String, OrganizationEntry>,
    stakeholders: BTreeMap<String, StakeholderEntry>,
    goals: BTreeMap<u8, GoalEntry>,
    action_lines: BTreeMap<String, ActionLineEntry>,
    matcher: Option<AliasMatcher>,
}

fn parse_file<T: serde::de::DeserializeOwned>((file, text): (&'static str, &str)) -> Result<T, CatalogueError> {
    toml::from_str(text).map_err(|source| CatalogueError::Toml { file, source })
}

/// Inserts entries by key, refusing a key defined twice.
fn index_by<T>(
    file: &'static str,
    entries: Vec<T>,
    key: impl Fn(&T) -> String,
) -> Result<BTreeMap<String, T>, CatalogueError> {
    let mut map = BTreeMap::new();
    for entry in entries {
        let k = key(&entry);
        if k.trim().is_empty() {
            return Err(CatalogueError::Invalid { file, message: "an entry has an empty key".into() });
        }
        if map.insert(k.clone(), entry).is_some() {
            return Err(CatalogueError::Invalid { file, message: format!("key `{k}` is defined twice") });
        }
    }
    Ok(map)
}

/// Collects alias patterns, refusing an alias that two entities share.
struct Patterns {
    specs: Vec<PatternSpec>,
    seen: BTreeSet<(Layer, String)>,
}

impl Patterns {
    fn add(
        &mut self,
        file: &'static str,
        alias: &str,
        layer: Layer,
        targets: Vec<(Entity, Relation)>,
    ) -> Result<(), CatalogueError> {
        if alias.trim().is_empty() {
            return Err(CatalogueError::Invalid { file, message: "an alias is empty".into() });
        }
        if !self.seen.insert((layer, alias.to_owned())) {
            return Err(CatalogueError::Invalid { file, message: format!("alias `{alias}` is given twice") });
        }
        self.specs.push(PatternSpec { text: alias.to_owned(), layer, targets });
        Ok(())
    }

    fn add_combined(
        &mut self,
        file: &'static str,
        combined: &[Combined],
        known: &BTreeSet<String>,
        entity: impl Fn(&str) -> (Entity, Relation),
    ) -> Result<(), CatalogueError> {
        for c in combined {
            if let Some(missing) = c.keys.iter().find(|k| !known.contains(*k)) {
                return Err(CatalogueError::Invalid {
                    file,
                    message: format!("combined alias `{}` names unknown key `{missing}`", c.alias),
                });
            }
            let targets = c.keys.iter().map(|k| entity(k)).collect();
            self.add(file, &c.alias, Layer::Name, targets)?;
        }
        Ok(())
    }
}

impl Catalogue {
    /// The catalogue bundled in the binary.
    ///
    /// # Errors
    ///
    /// Only if a bundled asset is malformed (a test guards against it).
    pub fn bundled() -> Result<Self, CatalogueError> {
        let resolutions: ResolutionsFile = parse_file(RESOLUTIONS)?;
        let instruments: InstrumentsFile = parse_file(INSTRUMENTS)?;
        let organizations: OrganizationsFile = parse_file(ORGANIZATIONS)?;
        let stakeholders: StakeholdersFile = parse_file(STAKEHOLDERS)?;
        let sdgs: SdgsFile = parse_file(SDGS)?;
        let action_lines: ActionLinesFile = parse_file(ACTION_LINES)?;

        let mut patterns = Patterns { specs: Vec::new(), seen: BTreeSet::new() };

        let inst_entity = |k: &str| (Entity::Instrument { key: k.to_owned(), part: None }, Relation::Cites);
        for entry in &instruments.instrument {
            for alias in &entry.aliases {
                patterns.add(INSTRUMENTS.0, alias, Layer::Name, vec![inst_entity(&entry.key)])?;
            }
        }
        let org_entity = |k: &str| (Entity::Organization(k.to_owned()), Relation::Mentions);
        for entry in &organizations.organization {
            for alias in &entry.aliases {
                patterns.add(ORGANIZATIONS.0, alias, Layer::Name, vec![org_entity(&entry.key)])?;
            }
        }
        let stk_entity = |k: &str| (Entity::Stakeholder(k.to_owned()), Relation::Mentions);
        for entry in &stakeholders.stakeholder {
            for alias in &entry.aliases {
                patterns.add(STAKEHOLDERS.0, alias, Layer::Name, vec![stk_entity(&entry.key)])?;
            }
        }
        for goal in &sdgs.goal {
            if !(1..=17).contains(&goal.number) {
                return Err(CatalogueError::Invalid {
                    file: SDGS.0,
                    message: format!("goal {} is not between 1 and 17", goal.number),
                });
            }
            for word in &goal.thematic {
                patterns.add(SDGS.0, word, Layer::Thematic, vec![(Entity::Sdg(goal.number), Relation::Thematic)])?;
            }
        }

        let catalogue_resolutions = index_by(RESOLUTIONS.0, resolutions.resolution, |r| r.symbol.clone())?;
        let catalogue_instruments = index_by(INSTRUMENTS.0, instruments.instrument, |i| i.key.clone())?;
        let catalogue_organizations = index_by(ORGANIZATIONS.0, organizations.organization, |o| o.key.clone())?;
        let catalogue_stakeholders = index_by(STAKEHOLDERS.0, stakeholders.stakeholder, |s| s.key.clone())?;
        let goals = index_by(SDGS.0, sdgs.goal, |g| g.number.to_string())?;
        let catalogue_action_lines = index_by(ACTION_LINES.0, action_lines.action_line, |a| a.code.clone())?;

        patterns.add_combined(
            INSTRUMENTS.0,
            &instruments.combined,
            &catalogue_instruments.keys().cloned().collect(),
            inst_entity,
        )?;
        patterns.add_combined(
            ORGANIZATIONS.0,
            &organizations.combined,
            &catalogue_organizations.keys().cloned().collect(),
            org_entity,
        )?;
        patterns.add_combined(
            STAKEHOLDERS.0,
            &stakeholders.combined,
            &catalogue_stakeholders.keys().cloned().collect(),
            stk_entity,
        )?;

        let matcher = AliasMatcher::new(patterns.specs).map_err(CatalogueError::Automaton)?;
        Ok(Catalogue {
            resolutions: catalogue_resolutions,
            instruments: catalogue_instruments,
            organizations: catalogue_organizations,
            stakeholders: catalogue_stakeholders,
            goals: goals.into_values().map(|g| (g.number, g)).collect(),
            action_lines: catalogue_action_lines,
            matcher: Some(matcher),
        })
    }

    /// The alias matcher, if the catalogue has one.
    pub(crate) fn matcher(&self) -> Option<&AliasMatcher> {
        self.matcher.as_ref()
    }

    /// Every entity the catalogue knows by name (not the parts of
    /// instruments), in id order: what a search box can offer.
    #[must_use]
    pub fn known_entities(&self) -> Vec<Entity> {
        let mut out: Vec<Entity> = Vec::new();
        out.extend(self.resolutions.keys().map(|s| Entity::Resolution(s.clone())));
        out.extend(self.instruments.keys().map(|k| Entity::Instrument { key: k.clone(), part: None }));
        out.extend(self.organizations.keys().map(|k| Entity::Organization(k.clone())));
        out.extend(self.goals.keys().map(|g| Entity::Sdg(*g)));
        out.extend(self.stakeholders.keys().map(|k| Entity::Stakeholder(k.clone())));
        out.extend(self.action_lines.keys().map(|c| Entity::ActionLine(c.clone())));
        out.sort_by_key(Entity::id);
        out
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

/// The issuing body and number of a normalised resolution symbol:
/// `A/HRC/RES/26/13` → ("Human Rights Council", "HRC ", "26/13").
fn resolution_parts(symbol: &str) -> Option<(&'static str, &'static str, &str)> {
    const PREFIXES: [(&str, &str, &str); 7] = [
        ("A/HRC/RES/", "Human Rights Council resolution", "HRC "),
        ("A/RES/", "General Assembly resolution", ""),
        ("E/RES/", "Economic and Social Council resolution", "ECOSOC "),
        ("S/RES/", "Security Council resolution", "SC "),
        ("A/DEC/", "General Assembly decision", "dec. "),
        ("E/DEC/", "Economic and Social Council decision", "ECOSOC dec. "),
        ("A/HRC/DEC/", "Human Rights Council decision", "HRC dec. "),
    ];
    PREFIXES.iter().find_map(|(prefix, body, short)| symbol.strip_prefix(prefix).map(|rest| (*body, *short, rest)))
}

/// A resolution or decision of another body (`CSW res. 69/1`, `CBD COP dec.
/// 15/4`): its label (`CSW 69/1`, `CBD COP dec. 15/4`) and name
/// ("Commission on the Status of Women resolution 69/1").
fn other_body_parts(symbol: &str) -> Option<(String, String)> {
    super::OTHER_BODIES.iter().find_map(|body| {
        let rest = symbol.strip_prefix(body.code)?;
        if let Some(number) = rest.strip_prefix(" res. ") {
            Some((format!("{} {number}", body.code), format!("{} resolution {number}", body.name)))
        } else {
            let number = rest.strip_prefix(" dec. ")?;
            Some((format!("{} dec. {number}", body.code), format!("{} decision {number}", body.name)))
        }
    })
}

impl Catalogue {
    /// Label, names and facts for an entity. Unknown entities (a resolution
    /// not in the catalogue) still get a sensible label.
    #[must_use]
    pub fn info(&self, entity: &Entity) -> EntityInfo {
        match entity {
            Entity::Resolution(symbol) => {
                let known = self.resolutions.get(symbol);
                let (label, name) = match (resolution_parts(symbol), other_body_parts(symbol)) {
                    (Some((body, short, number)), _) => (format!("{short}{number}"), Some(format!("{body} {number}"))),
                    (None, Some((label, name))) => (label, Some(name)),
                    (None, None) => (symbol.clone(), None),
                };
                EntityInfo {
                    label,
                    name,
                    title: known.map(|r| r.title.clone()),
                    date: known.and_then(|r| r.date.clone()),
                    acronym: None,
                }
            }
            Entity::Document(symbol) => EntityInfo {
                label: symbol.clone(),
                name: Some(format!("United Nations document {symbol}")),
                ..EntityInfo::default()
            },
            Entity::ResolutionPart { symbol, part } => {
                let whole = self.info(&Entity::Resolution(symbol.clone()));
                let label = match part {
                    Part::Paragraph(n) => format!("{} ¶{n}", whole.label),
                    Part::Article(n) => format!("{} Art. {n}", whole.label),
                };
                let described = part.describe();
                let name = Some(format!("{described} of {}", whole.name.unwrap_or_else(|| symbol.clone())));
                EntityInfo { label, name, title: whole.title, date: whole.date, acronym: None }
            }
            Entity::Instrument { key, part } => {
                let known = self.instruments.get(key);
                let base = known.map_or_else(|| key.clone(), |i| i.label.clone());
                let label = match part {
                    None => base,
                    Some(Part::Paragraph(n)) => format!("{base} ¶{n}"),
                    Some(Part::Article(n)) => format!("{base} Art. {n}"),
                };
                let name = known.map(|i| match part {
                    None => i.name.clone(),
                    Some(part) => {
                        let described = part.describe();
                        let mut chars = described.chars();
                        let capitalised: String =
                            chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
                        format!("{capitalised} of the {}", i.name)
                    }
                });
                EntityInfo { label, name, title: None, date: known.and_then(|i| i.date.clone()), acronym: None }
            }
            Entity::Organization(key) => match self.organizations.get(key) {
                Some(o) => EntityInfo {
                    label: o.label.clone().or_else(|| o.acronym.clone()).unwrap_or_else(|| o.name.clone()),
                    name: Some(o.name.clone()),
                    title: None,
                    date: None,
                    acronym: o.acronym.clone(),
                },
                None => EntityInfo { label: key.clone(), ..EntityInfo::default() },
            },
            Entity::Sdg(goal) => {
                let known = self.goals.get(goal);
                EntityInfo {
                    label: format!("SDG {goal}"),
                    name: known.map(|g| g.name.clone()),
                    title: known.map(|g| g.title.clone()),
                    // Adopted with the 2030 Agenda.
                    date: known.map(|_| "2015-09-25".to_owned()),
                    acronym: None,
                }
            }
            Entity::Stakeholder(key) => match self.stakeholders.get(key) {
                Some(s) => EntityInfo { label: s.label.clone(), name: s.name.clone(), ..EntityInfo::default() },
                None => EntityInfo { label: key.replace('-', " "), ..EntityInfo::default() },
            },
            Entity::ActionLine(code) => {
                let known = self.action_lines.get(code);
                EntityInfo {
                    label: code.clone(),
                    name: Some(format!("WSIS Action Line {code}")),
                    title: known.map(|a| a.title.clone()),
                    date: None,
                    acronym: None,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue() -> Catalogue {
        match Catalogue::bundled() {
            Ok(c) => c,
            Err(e) => panic!("bundled catalogue: {e}"),
        }
    }

    #[test]
    fn bundled_catalogue_loads() {
        let c = catalogue();
        assert!(c.matcher().is_some());
        assert_eq!(c.goals.len(), 17);
        assert_eq!(c.action_lines.len(), 11);
        assert!(c.resolutions.contains_key("A/RES/68/302"));
    }

    #[test]
    fn labels_follow_the_design() {
        let c = catalogue();
        let res = c.info(&Entity::Resolution("A/RES/68/302".into()));
        assert_eq!(res.label, "68/302");
        assert_eq!(res.date.as_deref(), Some("2014-07-31"));
        assert!(res.title.as_deref().is_some_and(|t| t.starts_with("Modalities for the overall review")));
        let hrc = c.info(&Entity::Resolution("A/HRC/RES/26/13".into()));
        assert_eq!(hrc.label, "HRC 26/13");
        assert_eq!(hrc.date.as_deref(), Some("2014-06-26"));
        let tunis = c.info(&Entity::Instrument { key: "tunis-agenda".into(), part: None });
        assert_eq!(tunis.label, "Tunis Agenda");
        assert_eq!(tunis.name.as_deref(), Some("Tunis Agenda for the Information Society"));
        let p55 = c.info(&Entity::Instrument { key: "tunis-agenda".into(), part: Some(Part::Paragraph(55)) });
        assert_eq!(p55.label, "Tunis Agenda ¶55");
        assert_eq!(p55.name.as_deref(), Some("Paragraph 55 of the Tunis Agenda for the Information Society"));
        let art = c.info(&Entity::Instrument { key: "udhr".into(), part: Some(Part::Article(19)) });
        assert_eq!(art.label, "UDHR Art. 19");
        let cstd = c.info(&Entity::Organization("CSTD".into()));
        assert_eq!(cstd.label, "CSTD");
        assert_eq!(cstd.acronym.as_deref(), Some("CSTD"));
        assert_eq!(cstd.name.as_deref(), Some("Commission on Science and Technology for Development"));
        let sdg = c.info(&Entity::Sdg(5));
        assert_eq!(sdg.label, "SDG 5");
        assert_eq!(sdg.title.as_deref(), Some("Gender equality"));
        assert_eq!(c.info(&Entity::Stakeholder("civil-society".into())).label, "civil society");
        let c10 = c.info(&Entity::ActionLine("C10".into()));
        assert_eq!(c10.label, "C10");
        assert_eq!(c10.title.as_deref(), Some("Ethical dimensions of the Information Society"));
    }

    #[test]
    fn all_seventeen_goals_have_their_official_short_titles() {
        let c = catalogue();
        let titles: Vec<String> = (1..=17).filter_map(|g| c.info(&Entity::Sdg(g)).title).collect();
        assert_eq!(titles.len(), 17);
        assert_eq!(titles.first().map(String::as_str), Some("No poverty"));
        assert_eq!(titles.get(15).map(String::as_str), Some("Peace, justice and strong institutions"));
        assert_eq!(titles.get(16).map(String::as_str), Some("Partnerships for the goals"));
    }

    #[test]
    fn unknown_entities_still_get_labels() {
        let c = catalogue();
        let unknown = c.info(&Entity::Resolution("A/RES/75/1".into()));
        assert_eq!(unknown.label, "75/1");
        assert_eq!(unknown.title, None);
        assert_eq!(c.info(&Entity::Resolution("S/RES/2222".into())).label, "SC 2222");
        assert_eq!(c.info(&Entity::Instrument { key: "mystery".into(), part: None }).label, "mystery");
        assert_eq!(c.info(&Entity::Organization("XYZ".into())).label, "XYZ");
        assert_eq!(Catalogue::default().info(&Entity::Sdg(3)).label, "SDG 3");
    }

    #[test]
    fn a_malformed_lexicon_names_its_file() {
        let err = parse_file::<SdgsFile>(("assets/sdgs.toml", "[[goal]]\nnumber = \"x\"")).err();
        let message = err.map(|e| e.to_string()).unwrap_or_default();
        assert!(message.starts_with("lexicon assets/sdgs.toml:"), "{message}");
    }

    #[test]
    fn a_key_defined_twice_is_refused() {
        let entries = vec![("a", 1), ("a", 2)];
        let err = index_by("x.toml", entries, |e| e.0.to_owned()).err();
        assert!(err.is_some_and(|e| e.to_string().contains("key `a` is defined twice")));
    }
}
