//! The pictures of a build: the layout's and the statement's own read and
//! bounded, and, once placed, the resolution each prints at.

use crate::compose::{self, pages, picture};
use crate::error::{Location, Result, Warning};
use crate::output::target;
use crate::statement::document;

use super::{beside, BuildRequest, PictureReport};

/// A warning for each placed picture that prints below `min_dpi`, where
/// the picture was named (the layout's key or the front matter line).
pub(super) fn low_dpi_warnings(
    req: &BuildRequest,
    setup: &target::PrintSetup,
    min_dpi: f64,
    pictures: &[compose::Placeable],
    pages: &[pages::Page],
    reports: &[PictureReport],
) -> Vec<Warning> {
    let placed = pages.iter().flat_map(|p| &p.pictures);
    reports
        .iter()
        .zip(placed)
        .filter(|(r, _)| r.dpi < min_dpi)
        .map(|(r, placed)| {
            let at = pictures
                .iter()
                .find(|p| std::sync::Arc::ptr_eq(&p.picture, &placed.picture))
                .map_or_else(|| Location::file(req.name), |p| p.spec.at.clone());
            Warning {
                at,
                message: format!(
                    "picture `{}` prints at {:.0} dpi ({}×{} pixels over {:.0}×{:.0} mm); \
                     {} printing wants {:.0} dpi: use a larger picture or print it smaller",
                    r.file,
                    r.dpi,
                    r.pixels.0,
                    r.pixels.1,
                    r.width.to_mm(),
                    r.height.to_mm(),
                    setup.target,
                    min_dpi
                ),
            }
        })
        .collect()
}

/// Reads the layout's pictures and the statement's (front matter `image`,
/// relative to the statement). The statement's goes where the layout has
/// an `[[image]]` without `file`, else across the top.
pub(super) fn load_pictures(
    req: &BuildRequest,
    doc: &document::Document,
) -> Result<Vec<compose::Placeable>> {
    let limits = &req.picture_limits;
    let mut out = Vec::new();
    // The statement's own picture: uploaded bytes, else front matter
    // `image`, a path beside the statement.
    enum Own<'b> {
        Bytes(&'b [u8]),
        Path(std::path::PathBuf),
    }
    let own: Option<(Own, Location)> = match (req.picture, &doc.meta.image) {
        (Some((name, bytes)), _) => Some((Own::Bytes(bytes), Location::file(name))),
        (None, Some(r)) => {
            let base = beside(req.name);
            let at = Location::line(req.name, r.line);
            Some((Own::Path(base.join(&r.path)), at))
        }
        (None, None) => None,
    };
    let mut own_placed = false;
    let load_own = |spec: crate::layout::design::ImageSpec| -> Result<Option<compose::Placeable>> {
        let Some((source, at)) = &own else {
            return Ok(None);
        };
        let picture = match source {
            // Its size was bounded by whoever received it (the server's
            // request limit), as a file's is by `picture::load`.
            Own::Bytes(bytes) => picture::decode(bytes.to_vec(), &at.file, at, limits)?,
            Own::Path(path) => picture::load(path, &path.display().to_string(), at, limits)?,
        };
        Ok(Some(compose::Placeable {
            spec: crate::layout::design::ImageSpec {
                at: at.clone(),
                // The statement says what its own picture shows.
                alt: doc.meta.alt.clone().or(spec.alt),
                ..spec
            },
            picture: std::sync::Arc::new(picture),
        }))
    };
    // A file placed twice is read once, and goes into the PDF once.
    let mut read: Vec<(&std::path::Path, std::sync::Arc<picture::Picture>)> = Vec::new();
    for spec in &req.layout.design.images {
        match &spec.file {
            Some(path) => {
                let picture = match read.iter().find(|(p, _)| p == path) {
                    Some((_, picture)) => picture.clone(),
                    None => {
                        let shown = path.display().to_string();
                        let picture =
                            std::sync::Arc::new(picture::load(path, &shown, &spec.at, limits)?);
                        read.push((path, picture.clone()));
                        picture
                    }
                };
                out.push(compose::Placeable {
                    spec: spec.clone(),
                    picture,
                });
            }
            // Only the first place for the statement's picture is used.
            None if !own_placed => {
                if let Some(p) = load_own(spec.clone())? {
                    out.push(p);
                    own_placed = true;
                }
            }
            None => {}
        }
    }
    if !own_placed {
        if let Some((_, at)) = &own {
            if let Some(p) = load_own(compose::default_picture_spec(at.clone()))? {
                out.push(p);
            }
        }
    }
    Ok(out)
}

/// Each placed picture with the resolution it prints at.
pub(super) fn report_pictures(pages: &[pages::Page]) -> Vec<PictureReport> {
    pages
        .iter()
        .enumerate()
        .flat_map(|(i, page)| {
            page.pictures.iter().map(move |p| PictureReport {
                file: p.picture.source.clone(),
                page: i + 1,
                pixels: p.picture.shown_size(),
                clip: p.clip,
                width: p.area.width,
                height: p.area.height,
                dpi: p.dpi(),
            })
        })
        .collect()
}
