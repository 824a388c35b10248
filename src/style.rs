//! Colours and sizes per node and edge kind, shared by the window and by
//! exported pictures, so both look the same.

use serde::{Deserialize, Serialize};

use crate::analysis::roles::Role;
use crate::graph::{EdgeKind, NodeKind};

/// A colour as straight (not premultiplied) RGBA bytes; transparent by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Rgba(pub [u8; 4]);

impl Rgba {
    /// Opaque colour from a `0xRRGGBB` value.
    #[must_use]
    pub const fn hex(rgb: u32) -> Rgba {
        Rgba([(rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8, 255])
    }

    /// Fully transparent.
    pub const TRANSPARENT: Rgba = Rgba([0, 0, 0, 0]);

    /// The same colour with its alpha multiplied by `factor` (0..=1).
    #[must_use]
    pub fn fade(self, factor: f32) -> Rgba {
        let [r, g, b, a] = self.0;
        Rgba([r, g, b, (f32::from(a) * factor.clamp(0.0, 1.0)).round() as u8])
    }

    /// `#rrggbb` (alpha left out).
    #[must_use]
    pub fn to_hex(self) -> String {
        let [r, g, b, _] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    /// Alpha as 0..=1.
    #[must_use]
    pub fn opacity(self) -> f32 {
        f32::from(self.0[3]) / 255.0
    }

    /// Parses `#rrggbb` (as annotation colours are written).
    #[must_use]
    pub fn parse_hex(s: &str) -> Option<Rgba> {
        let digits = s.strip_prefix('#')?;
        if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(digits, 16).ok().map(Rgba::hex)
    }
}

/// A style colour as egui's (the window only).
#[cfg(feature = "gui")]
#[must_use]
pub fn color32(c: Rgba) -> egui::Color32 {
    let [r, g, b, a] = c.0;
    egui::Color32::from_rgba_unmultiplied(r, g, b, a)
}

/// Light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Dark text on a light background.
    #[default]
    Light,
    /// Light text on a dark background.
    Dark,
}

/// How one kind of edge is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EdgeStyle {
    /// Stroke colour.
    pub color: Rgba,
    /// Stroke width in pixels at zoom 1.
    pub width: f32,
    /// Dashed (`thematic`, `annotation`).
    pub dashed: bool,
}

/// Everything the scene needs to know about looks.
#[derive(Debug, Clone, PartialEq)]
pub struct Style {
    /// Which palette.
    pub theme: Theme,
    /// Canvas background.
    pub background: Rgba,
    /// Label text.
    pub text: Rgba,
    /// Outline of discs, and the halo behind labels.
    pub outline: Rgba,
    /// Ring around the selected node.
    pub selection: Rgba,
    /// Label font size in pixels.
    pub font_size: f32,
}

impl Style {
    /// The palette for the window's current theme (the window only).
    #[cfg(feature = "gui")]
    #[must_use]
    pub fn of(ctx: &egui::Context) -> Style {
        Style::new(if ctx.theme() == egui::Theme::Dark { Theme::Dark } else { Theme::Light })
    }

    /// The palette for a theme.
    #[must_use]
    pub fn new(theme: Theme) -> Style {
        match theme {
            Theme::Light => Style {
                theme,
                background: Rgba::hex(0xf8f8f6),
                text: Rgba::hex(0x1f2328),
                outline: Rgba::hex(0xffffff),
                selection: Rgba::hex(0x111111),
                font_size: 12.0,
            },
            Theme::Dark => Style {
                theme,
                background: Rgba::hex(0x1b1d22),
                text: Rgba::hex(0xe6e6e6),
                outline: Rgba::hex(0x1b1d22),
                selection: Rgba::hex(0xffffff),
                font_size: 12.0,
            },
        }
    }

    /// Fill colour of a node kind. Colour-blind-safe hues, tuned per theme.
    #[must_use]
    pub fn node_color(&self, kind: NodeKind) -> Rgba {
        let dark = self.theme == Theme::Dark;
        Rgba::hex(match (kind, dark) {
            (NodeKind::Document, false) => 0x3b3f46,
            (NodeKind::Document, true) => 0xd0d4da,
            (NodeKind::Section, false) => 0x8a8f98,
            (NodeKind::Section, true) => 0x9aa0a8,
            (NodeKind::Paragraph, false) => 0x3f7cc0,
            (NodeKind::Paragraph, true) => 0x6aa6e8,
            (NodeKind::Resolution, false) => 0xd1493f,
            (NodeKind::Resolution, true) => 0xf07167,
            (NodeKind::Instrument, false) => 0xe08a00,
            (NodeKind::Instrument, true) => 0xf5a623,
            (NodeKind::Organization, false) => 0x2e9e5b,
            (NodeKind::Organization, true) => 0x4cc47f,
            (NodeKind::Sdg, false) => 0x9b59b6,
            (NodeKind::Sdg, true) => 0xc08ad8,
            (NodeKind::Stakeholder, false) => 0x17a2b8,
            (NodeKind::Stakeholder, true) => 0x45c8dc,
            (NodeKind::ActionLine, false) => 0xb8860b,
            (NodeKind::ActionLine, true) => 0xe0c050,
            (NodeKind::CitedDocument, false) => 0x6d4c41,
            (NodeKind::CitedDocument, true) => 0x8d6e63,
        })
    }

    /// Fill colour of a paragraph by its (principal) clause role, when the map
    /// is coloured by role. From the Okabe–Ito colour-blind-safe palette, one
    /// hue per family so that families stay apart for protan and deutan
    /// readers too: looking back (recalls, reaffirms: reddish purple),
    /// acknowledging (recognizes, notes, welcomes, emphasizes: blues),
    /// concern (crimson), the speakers' own undertakings (commits, decides:
    /// bluish green) and asking others to act (calls, requests, invites,
    /// urges, encourages: orange to yellow); the members of a family differ
    /// in lightness. Every one stands clear of [`Style::neutral`]'s grey.
    #[must_use]
    pub fn role_color(&self, role: Role) -> Rgba {
        let dark = self.theme == Theme::Dark;
        let (light, on_dark) = match role {
            Role::Recalls => (0xcc79a7, 0xe6a0c8),
            Role::Reaffirms => (0x8e3b73, 0xcc79a7),
            Role::Recognizes => (0x0072b2, 0x56b4e9),
            Role::Notes => (0x56b4e9, 0xa8dbf7),
            Role::Welcomes => (0x3a94d6, 0x2f8fd6),
            Role::Emphasizes => (0x0b4f86, 0x7fc8f0),
            Role::ExpressesConcern => (0x9b1b30, 0xe0505a),
            Role::Commits => (0x009e73, 0x2ec49a),
            Role::Decides => (0x006b4e, 0x8fe0c4),
            Role::Calls => (0xe69f00, 0xe69f00),
            Role::Requests => (0xc98a00, 0xc48a00),
            Role::Invites => (0xf0d43a, 0xf0e442),
            Role::Urges => (0xa87000, 0xa87400),
            Role::Encourages => (0xf5c060, 0xf7c66e),
        };
        Rgba::hex(if dark { on_dark } else { light })
    }

    /// Fill of what has no role to show when the map is coloured by role
    /// (sections, entities, paragraphs without a recognised opening).
    #[must_use]
    pub fn neutral(&self) -> Rgba {
        if self.theme == Theme::Dark { Rgba::hex(0x5a5f68) } else { Rgba::hex(0xc4c8ce) }
    }

    /// Background behind searched words in result lists and paragraph text.
    #[must_use]
    pub fn search_highlight(&self) -> Rgba {
        if self.theme == Theme::Dark { Rgba([255, 200, 0, 110]) } else { Rgba([255, 214, 0, 150]) }
    }

    /// Outline that tells documents apart when several are open (by the
    /// document's position in the open list).
    #[must_use]
    pub fn document_color(&self, index: usize) -> Rgba {
        const LIGHT: [u32; 6] = [0x1f4e9c, 0xc2410c, 0x15803d, 0x7e22ce, 0xa16207, 0x0e7490];
        const DARK: [u32; 6] = [0x93c5fd, 0xfdba74, 0x86efac, 0xd8b4fe, 0xfde047, 0x67e8f9];
        let palette = if self.theme == Theme::Dark { DARK } else { LIGHT };
        Rgba::hex(palette[index % palette.len()])
    }

    /// How an edge kind is drawn.
    #[must_use]
    pub fn edge_style(&self, kind: EdgeKind) -> EdgeStyle {
        let base = if self.theme == Theme::Dark { Rgba::hex(0xb0b6c0) } else { Rgba::hex(0x5a6270) };
        let (color, width, dashed) = match kind {
            EdgeKind::Cites => (base.fade(0.55), 1.2, false),
            EdgeKind::Mentions => (base.fade(0.30), 0.9, false),
            EdgeKind::Thematic => (self.node_color(NodeKind::Sdg).fade(0.35), 0.8, true),
            EdgeKind::Follows => (self.node_color(NodeKind::Paragraph).fade(0.45), 1.6, false),
            EdgeKind::Contains => (base.fade(0.18), 0.8, false),
            EdgeKind::PartOf => (self.node_color(NodeKind::Instrument).fade(0.55), 1.2, false),
            EdgeKind::Annotation => (Rgba::hex(0xff6f00).fade(0.9), 1.8, true),
            EdgeKind::AddressedTo => (self.node_color(NodeKind::Stakeholder).fade(0.45), 1.1, false),
            EdgeKind::Similar => (self.node_color(NodeKind::Paragraph).fade(0.35), 1.0, true),
        };
        EdgeStyle { color, width, dashed }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_distinct_colour_in_each_theme() {
        for theme in [Theme::Light, Theme::Dark] {
            let style = Style::new(theme);
            let mut colours: Vec<_> = NodeKind::ALL.iter().map(|k| style.node_color(*k)).collect();
            colours.sort_by_key(|c| c.0);
            colours.dedup();
            assert_eq!(colours.len(), NodeKind::ALL.len());
        }
    }

    /// CIELAB of a colour (D65), optionally as a reader with protanopia or
    /// deuteranopia sees it (Machado et al. 2009, severity 1, in linear RGB).
    fn lab(c: Rgba, cvd: Option<[[f32; 3]; 3]>) -> [f32; 3] {
        let lin = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.04045 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        let mut rgb = [lin(c.0[0]), lin(c.0[1]), lin(c.0[2])];
        if let Some(m) = cvd {
            rgb = [0, 1, 2].map(|i| (m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2]).clamp(0.0, 1.0));
        }
        let [r, g, b] = rgb;
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.950_47;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.088_83;
        let f = |t: f32| if t > 0.008_856 { t.cbrt() } else { 7.787 * t + 16.0 / 116.0 };
        [116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))]
    }

    fn delta_e(a: Rgba, b: Rgba, cvd: Option<[[f32; 3]; 3]>) -> f32 {
        let (a, b) = (lab(a, cvd), lab(b, cvd));
        ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
    }

    const PROTAN: [[f32; 3]; 3] =
        [[0.152_286, 1.052_583, -0.204_868], [0.114_503, 0.786_281, 0.099_216], [-0.003_882, -0.048_116, 1.051_998]];
    const DEUTAN: [[f32; 3]; 3] =
        [[0.367_322, 0.860_646, -0.227_968], [0.280_085, 0.672_501, 0.047_413], [-0.011_820, 0.042_940, 0.968_881]];

    #[test]
    fn role_families_stay_apart_and_clear_of_the_grey_also_for_colour_blind_readers() {
        use Role::*;
        let families: [&[Role]; 5] = [
            &[Recalls, Reaffirms],
            &[Recognizes, Notes, Welcomes, Emphasizes],
            &[ExpressesConcern],
            &[Commits, Decides],
            &[Calls, Requests, Invites, Urges, Encourages],
        ];
        assert_eq!(families.iter().map(|f| f.len()).sum::<usize>(), Role::ALL.len());
        for theme in [Theme::Light, Theme::Dark] {
            let style = Style::new(theme);
            // (vision, least ΔE between families, least ΔE to the grey, least ΔE within a family)
            for (name, cvd, across, grey, within) in [
                ("normal", None, 30.0, 30.0, 9.0),
                ("protan", Some(PROTAN), 10.0, 15.0, 9.0),
                ("deutan", Some(DEUTAN), 10.0, 15.0, 9.0),
            ] {
                for (i, a) in families.iter().enumerate() {
                    for &r in *a {
                        let d = delta_e(style.role_color(r), style.neutral(), cvd);
                        assert!(d >= grey, "{theme:?} {name}: {r:?} is {d:.1} from the grey");
                        for &q in a.iter().filter(|&&q| q > r) {
                            let d = delta_e(style.role_color(r), style.role_color(q), cvd);
                            assert!(d >= within, "{theme:?} {name}: {r:?} and {q:?} only {d:.1} apart");
                        }
                        for b in &families[i + 1..] {
                            for &q in *b {
                                let d = delta_e(style.role_color(r), style.role_color(q), cvd);
                                assert!(d >= across, "{theme:?} {name}: {r:?} and {q:?} only {d:.1} apart");
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn cited_documents_stand_apart_from_every_other_kind_also_for_colour_blind_readers() {
        // A cited report or record is paper brown: not an instrument's
        // orange, a resolution's red or an Action Line's gold.
        for theme in [Theme::Light, Theme::Dark] {
            let style = Style::new(theme);
            let own = style.node_color(NodeKind::CitedDocument);
            for (name, cvd, least) in
                [("normal", None, 20.0), ("protan", Some(PROTAN), 12.0), ("deutan", Some(DEUTAN), 15.0)]
            {
                for kind in NodeKind::ALL.into_iter().filter(|k| *k != NodeKind::CitedDocument) {
                    let d = delta_e(own, style.node_color(kind), cvd);
                    assert!(d >= least, "{theme:?} {name}: cited documents only {d:.1} from {kind:?}");
                }
            }
        }
    }

    #[test]
    fn hex_round_trips() {
        assert_eq!(Rgba::parse_hex("#3f7cc0"), Some(Rgba::hex(0x3f7cc0)));
        assert_eq!(Rgba::hex(0x3f7cc0).to_hex(), "#3f7cc0");
        assert_eq!(Rgba::parse_hex("3f7cc0"), None);
        assert_eq!(Rgba::parse_hex("#3f7cg0"), None);
    }
}
