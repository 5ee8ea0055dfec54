//! A two-language leaflet: the statement and its translation read as two
//! statements, composed side by side or front and back.

use crate::compose;
use crate::error::{Error, Location, Note, Result};
use crate::layout;
use crate::output::{pdf, target};
use crate::statement::{self, document};

use super::advice::{options_on, other_layouts, PAGE_FILL};
use super::pictures::load_pictures;
use super::{
    beside, creation_time, finish, read_statement, title_of, BuildOutput, BuildRequest, Read, Set,
};

/// A statement's translation: its bytes and the name it is shown by.
#[derive(Clone, Copy, Debug)]
pub struct Translation<'a> {
    /// The translation file's bytes.
    pub statement: &'a [u8],
    /// Its name for messages, and the folder its pictures are relative to.
    pub name: &'a str,
}

/// The translation to pair the statement with: the request's (`--with`),
/// else the one its front matter names, read from beside the statement.
/// A file that cannot be read is an error naming it and where it was named.
pub(super) fn translation_of(
    req: &BuildRequest,
    doc: &document::Document,
) -> Result<Option<(Vec<u8>, String)>> {
    if let Some(t) = req.translation {
        return Ok(Some((t.statement.to_vec(), t.name.to_string())));
    }
    let Some(named) = &doc.meta.translation else {
        return Ok(None);
    };
    let path = beside(req.name).join(&named.path);
    let shown = path.display().to_string();
    match statement::read_input(&shown) {
        Ok(bytes) => Ok(Some((bytes, shown))),
        Err(Error::Io { path, message }) => Err(Error::Io {
            path,
            message: format!(
                "{message} (the translation named at {})",
                Location::at(req.name, named.line, named.column)
            ),
        }),
        Err(e) => Err(e),
    }
}

/// Builds the statement read as `one` with its translation as a
/// two-language leaflet (see [`compose::pair`]). The translation is read
/// as a statement of its own: its own format, language and pictures; a
/// `--lang` is the first statement's only, and the translation's own
/// `translation` key is not followed (it usually names the first).
pub(super) fn build_pair(
    req: &BuildRequest,
    setup: &target::PrintSetup,
    format: target::PageFormat,
    one: Read,
    (bytes, name): (Vec<u8>, String),
) -> Result<BuildOutput> {
    if let Some(n) = req.fit_pages {
        return Err(Error::Usage {
            path: format!("--fit {n}").into(),
            message: "a two-language leaflet has one page (or half a poster) a side; \
                      --fit does not apply to it"
                .into(),
        });
    }
    let second = BuildRequest {
        statement: &bytes,
        name: &name,
        format: statement::format_for_path(&name),
        lang: None,
        picture: None,
        translation: None,
        ..req.clone()
    };
    let two = read_statement(&second)?;
    let opts_of = |r: &BuildRequest, read: &Read| -> Result<compose::ComposeOptions> {
        Ok(compose::ComposeOptions {
            layout: r.layout.name.clone(),
            lang: read.lang.clone(),
            origin: r.name.to_string(),
            pictures: load_pictures(r, &read.doc)?,
            source: Some(read.source.clone()),
        })
    };
    let opts = [opts_of(req, &one)?, opts_of(&second, &two)?];
    let composed = compose::pair::compose_pair(
        [
            compose::pair::Side {
                doc: &one.doc,
                opts: &opts[0],
            },
            compose::pair::Side {
                doc: &two.doc,
                opts: &opts[1],
            },
        ],
        &req.layout.design,
    )?;
    let empty = empty_pair_note([req, &second], [&one.doc, &two.doc], &opts, &composed);
    let [lang, second_lang] = composed.langs;
    let mut warnings = one.warnings;
    warnings.extend(two.warnings);
    warnings.extend(composed.warnings);
    let mut notes = one.notes;
    notes.extend(two.notes);
    notes.extend(composed.notes);
    notes.extend(empty);
    let meta = pdf::PdfMeta {
        title: title_of(&one.doc),
        author: one.doc.meta.author.clone().unwrap_or_default(),
        lang: lang.clone(),
        second_lang: Some(second_lang.clone()),
        created: creation_time(),
        labels: [&one.doc, &two.doc]
            .iter()
            .flat_map(|d| d.labels.iter().cloned())
            .collect(),
    };
    let [first_pictures, second_pictures] = opts.map(|o| o.pictures);
    finish(
        req,
        (setup, format),
        Set {
            pages: composed.pages,
            fonts: composed.fonts,
            pictures: first_pictures.into_iter().chain(second_pictures).collect(),
            warnings,
            notes,
            unused: None,
            lang: format!("{lang}+{second_lang}"),
            body_size: composed.body_size,
            // Folded sheets refuse a second language.
            panels: layout::design::Panels::All,
        },
        &meta,
    )
}

/// A note when even the fuller side of a pair leaves its page (or half)
/// more than half empty at the size the pair is set at, as
/// [`super::advice::empty_page_note`] says of one statement. A pair is
/// not filled out with space or a larger headline (see
/// [`compose::pair`]), so this happens to short texts on large sheets. It
/// names the smallest other layout that sets the pair at least half full,
/// tried by setting it there.
fn empty_pair_note(
    reqs: [&BuildRequest; 2],
    docs: [&document::Document; 2],
    opts: &[compose::ComposeOptions; 2],
    composed: &compose::pair::ComposedPair,
) -> Option<Note> {
    if composed.fill >= PAGE_FILL {
        return None;
    }
    let better = other_layouts(reqs[0]).into_iter().find_map(|other| {
        let one = options_on(&other, reqs[0], docs[0], &opts[0])?;
        let two = options_on(&other, reqs[1], docs[1], &opts[1])?;
        let sides = [
            compose::pair::Side {
                doc: docs[0],
                opts: &one,
            },
            compose::pair::Side {
                doc: docs[1],
                opts: &two,
            },
        ];
        let c = compose::pair::compose_pair(sides, &other.design).ok()?;
        (c.fill >= PAGE_FILL).then(|| {
            let full = c.fill * 100.0;
            format!(
                "{} sets the pair {full:.0}% full (body {})",
                other.name, c.body_size
            )
        })
    });
    Some(Note {
        at: Location::file(reqs[0].name),
        message: format!(
            "the two texts fill at most {:.0}% of a page, at body {}, the size the longer \
             one allows (a pair is not filled out with space, so that neither side is the \
             louder); {}",
            composed.fill * 100.0,
            composed.body_size,
            better.unwrap_or_else(|| {
                "no other built-in layout sets the pair even half full".to_string()
            })
        ),
    })
}
