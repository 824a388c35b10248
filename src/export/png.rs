//! A [`Scene`] as PNG: the SVG of [`render_svg`] rasterised by resvg
//! (anti-aliased), with text set in the window's own bundled fonts — never
//! the system's, so the same scene gives the same pixels everywhere.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};

use super::ExportError;
use super::image::ImageOptions;
use super::svg::render_svg;
use crate::scene::Scene;

/// Largest picture side in pixels (a 16K picture is ~1 GB of RGBA).
pub const MAX_SIDE: u32 = 16_384;

/// The fonts egui bundles (proportional Ubuntu Light, monospace Hack),
/// loaded once; every generic family maps to the proportional one.
#[must_use]
pub fn fonts() -> Arc<fontdb::Database> {
    static FONTS: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = fontdb::Database::new();
            db.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
            let proportional = db.faces().next().and_then(|f| f.families.first()).map(|(name, _)| name.clone());
            db.load_font_data(epaint_default_fonts::HACK_REGULAR.to_vec());
            if let Some(family) = proportional {
                db.set_sans_serif_family(family.clone());
                db.set_serif_family(family.clone());
                db.set_cursive_family(family.clone());
                db.set_fantasy_family(family);
            }
            db.set_monospace_family("Hack");
            Arc::new(db)
        })
        .clone()
}

/// Parses SVG text with the bundled fonts.
///
/// # Errors
///
/// [`ExportError::Encode`] when the text is not SVG that usvg accepts.
pub fn parse_svg(svg: &str) -> Result<usvg::Tree, ExportError> {
    let options = usvg::Options { fontdb: fonts(), font_family: "Ubuntu".into(), ..usvg::Options::default() };
    usvg::Tree::from_str(svg, &options).map_err(|e| ExportError::Encode { what: "SVG", message: e.to_string() })
}

/// Rasterises SVG text to an RGBA pixmap of its own size.
///
/// # Errors
///
/// [`ExportError::Encode`] when the SVG does not parse, or its size is zero
/// or larger than [`MAX_SIDE`].
pub fn rasterize(svg: &str) -> Result<Pixmap, ExportError> {
    let tree = parse_svg(svg)?;
    let size = tree.size().to_int_size();
    let (w, h) = (size.width(), size.height());
    if w > MAX_SIDE || h > MAX_SIDE {
        return Err(ExportError::Encode {
            what: "PNG",
            message: format!("{w}×{h} pixels is too large (at most {MAX_SIDE} a side)"),
        });
    }
    let mut pixmap = Pixmap::new(w, h)
        .ok_or_else(|| ExportError::Encode { what: "PNG", message: format!("cannot allocate {w}×{h} pixels") })?;
    resvg::render(&tree, Transform::identity(), &mut pixmap.as_mut());
    Ok(pixmap)
}

/// The scene as PNG bytes of `scene.size` × `opts.scale` pixels.
///
/// # Errors
///
/// [`ExportError::Encode`] when the picture would be larger than
/// [`MAX_SIDE`] a side or the encoder fails.
pub fn render_png(scene: &Scene, opts: &ImageOptions) -> Result<Vec<u8>, ExportError> {
    let (w, h) = opts.pixel_size(scene.size);
    if w > MAX_SIDE || h > MAX_SIDE {
        return Err(ExportError::Encode {
            what: "PNG",
            message: format!("{w}×{h} pixels is too large (at most {MAX_SIDE} a side)"),
        });
    }
    let pixmap = rasterize(&render_svg(scene, opts))?;
    pixmap.encode_png().map_err(|e| ExportError::Encode { what: "PNG", message: e.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_fonts_load_and_name_the_proportional_family() {
        let db = fonts();
        assert!(db.len() >= 2);
        let families: Vec<String> = db.faces().flat_map(|f| f.families.iter().map(|(n, _)| n.clone())).collect();
        assert!(families.iter().any(|f| f.starts_with("Ubuntu")), "{families:?}");
        assert!(families.iter().any(|f| f == "Hack"), "{families:?}");
    }

    #[test]
    fn text_is_drawn_with_the_bundled_font() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20"><text x="2" y="15" font-size="14" font-family="sans-serif">¶32 Ab</text></svg>"#;
        let pixmap = rasterize(svg).expect("renders");
        assert!(pixmap.pixels().iter().any(|p| p.alpha() > 128), "no glyph was drawn");
    }

    #[test]
    fn refuses_pictures_too_large() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="10"/>"#;
        assert!(rasterize(svg).is_err());
        assert!(rasterize("not svg").is_err());
    }
}
