//! What a clause does ([`Role`]): node data the graph carries on every
//! paragraph (`roles`). The analysis ([`crate::analysis::roles`]) reads
//! roles from the text; the graph, the scene and the window only use them.

use serde::{Deserialize, Serialize};

/// What a clause does. The JSON and command-line name is the snake_case form
/// (`expresses_concern`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// `Recalling`, `We recall`.
    Recalls,
    /// `Reaffirming`, `We reaffirm`, `We reiterate`.
    Reaffirms,
    /// `Recognizing`, `We recognize`, `We acknowledge`.
    Recognizes,
    /// `Noting`, `We note`, `We take note`.
    Notes,
    /// `Welcoming`, `We welcome`, `We are encouraged`.
    Welcomes,
    /// `Noting with concern`, `We express concern`, `We emphasize our concern`.
    ExpressesConcern,
    /// `We commit`, `We resolve`, `We are committed`.
    Commits,
    /// `We call on`, `We call upon`, `We call for`.
    Calls,
    /// `We request`, `requests`.
    Requests,
    /// `We invite`, `invites`.
    Invites,
    /// `decides`, `We decide`, `We agree`.
    Decides,
    /// `urges`, `We urge`.
    Urges,
    /// `encourages`, `We encourage`.
    Encourages,
    /// `We emphasize`, `We stress`, `We underline`, `We underscore` (not in
    /// the original list; kept so that such clauses are not left without a role).
    Emphasizes,
}

impl Role {
    /// Every role, in the order legends and filters list them.
    pub const ALL: [Role; 14] = [
        Role::Recalls,
        Role::Reaffirms,
        Role::Recognizes,
        Role::Notes,
        Role::Welcomes,
        Role::ExpressesConcern,
        Role::Commits,
        Role::Calls,
        Role::Requests,
        Role::Invites,
        Role::Decides,
        Role::Urges,
        Role::Encourages,
        Role::Emphasizes,
    ];

    /// Position in [`Role::ALL`] (for tables indexed by role).
    #[must_use]
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The JSON and command-line name: `expresses_concern`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Recalls => "recalls",
            Role::Reaffirms => "reaffirms",
            Role::Recognizes => "recognizes",
            Role::Notes => "notes",
            Role::Welcomes => "welcomes",
            Role::ExpressesConcern => "expresses_concern",
            Role::Commits => "commits",
            Role::Calls => "calls",
            Role::Requests => "requests",
            Role::Invites => "invites",
            Role::Decides => "decides",
            Role::Urges => "urges",
            Role::Encourages => "encourages",
            Role::Emphasizes => "emphasizes",
        }
    }

    /// Parses [`Role::as_str`]'s names.
    #[must_use]
    pub fn parse(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == name)
    }

    /// How much the clause binds or asks, from 0 (looking back: recalls)
    /// to 13 (decides): decisions and the speakers' own commitments, then
    /// what they ask of others, most insistent first, then concern, then
    /// acknowledgement, then recall.
    #[must_use]
    pub fn force(self) -> u8 {
        match self {
            Role::Recalls => 0,
            Role::Reaffirms => 1,
            Role::Notes => 2,
            Role::Welcomes => 3,
            Role::Recognizes => 4,
            Role::Emphasizes => 5,
            Role::ExpressesConcern => 6,
            Role::Encourages => 7,
            Role::Invites => 8,
            Role::Calls => 9,
            Role::Urges => 10,
            Role::Requests => 11,
            Role::Commits => 12,
            Role::Decides => 13,
        }
    }

    /// The role that gives a paragraph of several clauses its force (the
    /// one of highest [`Role::force`]): "We note … We accordingly invite …"
    /// is an invitation. `None` for no roles.
    #[must_use]
    pub fn principal(roles: &[Role]) -> Option<Role> {
        roles.iter().copied().max_by_key(|r| r.force())
    }

    /// Whether the clause asks someone else to act (and so may have an addressee).
    #[must_use]
    pub fn asks_to_act(self) -> bool {
        matches!(self, Role::Calls | Role::Requests | Role::Invites | Role::Urges | Role::Encourages)
    }
}
