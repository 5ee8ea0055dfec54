//! Paragraphs in another language than the document's, for the structure
//! tree's `/Lang`: a screen reader then reads a Spanish paragraph of an
//! English leaflet with a Spanish voice, not English rules.
//!
//! The statement says its own language; a paragraph's is detected from
//! its text (the same detector that chooses the statement's, see
//! [`crate::typeset::lang`]), and only when the detector is sure: a wrong
//! `/Lang` is worse than none, since it makes a screen reader pronounce
//! the words with the wrong rules, where the document's language is at
//! worst the wrong one for a paragraph it cannot read anyway.

use std::collections::BTreeMap;

use crate::compose::pages::Page;
use crate::compose::tag::{ElementId, Role, Tag};
use crate::typeset::lang;

/// Fewest letters a paragraph's language is detected on, and the lowest
/// confidence it is taken at: those a block's language is marked with (see
/// [`lang::mark_other_languages`]).
const MIN_LETTERS: usize = lang::OTHER_MIN_LETTERS;
const MIN_CONFIDENCE: f64 = lang::OTHER_MIN_CONFIDENCE;

/// The language of every element whose text is surely in another language
/// than its side's (`langs`: the document's, and a two-language leaflet's
/// second side's).
pub(super) fn detect(pages: &[Page], langs: &[Option<&str>; 2]) -> BTreeMap<ElementId, String> {
    // Each element's lines, read as the pages hold them: an element runs
    // on over consecutive lines, so its text is read in pieces that end
    // when another element's line comes (a paragraph continued in the
    // next column is still one piece; one continued on another panel of
    // a fold is two). Every piece long enough must agree.
    let mut verdicts: BTreeMap<ElementId, Option<String>> = BTreeMap::new();
    let mut text = String::new();
    let mut current: Option<ElementId> = None;
    let lines = pages
        .iter()
        .flat_map(|p| &p.lines)
        .filter_map(|l| Some((read(l.tag.as_ref())?, &l.line)));
    for element in lines.map(Some).chain([None]) {
        if element.map(|e| e.0) != current {
            if let Some(done) = current {
                judge(done, &text, langs, &mut verdicts);
            }
            text.clear();
            current = element.map(|e| e.0);
        }
        if let Some((_, line)) = element {
            line.push_text(&mut text);
            text.push(' ');
        }
    }
    verdicts
        .into_iter()
        .filter_map(|(e, lang)| Some((e, lang?)))
        .collect()
}

/// The element of a line whose language is worth reading: text of the
/// document (not a picture, not the QR code's printed address).
fn read(tag: Option<&Tag>) -> Option<ElementId> {
    let tag = tag?;
    let text = matches!(
        tag.role,
        Role::Paragraph | Role::Quote | Role::ListItem { .. } | Role::Heading(_) | Role::Title
    );
    (text && tag.link.is_none()).then_some(tag.element)
}

/// Records what a piece of `element`'s text says its language is: another
/// language than its side's, the side's own (`None`), or nothing when the
/// piece is too short or the detector unsure.
fn judge(
    element: ElementId,
    text: &str,
    langs: &[Option<&str>; 2],
    verdicts: &mut BTreeMap<ElementId, Option<String>>,
) {
    let Some(found) = lang::detect(text) else {
        return;
    };
    if found.letters < MIN_LETTERS || found.confidence < MIN_CONFIDENCE {
        return;
    }
    let side = langs
        .get(usize::from(element.side))
        .copied()
        .flatten()
        .or(langs[0])
        .unwrap_or_default();
    let other = lang::differs(&found.tag, side).then(|| found.tag.clone());
    match verdicts.get(&element) {
        // Pieces that disagree: the document's language stays.
        Some(before) if *before != other => {
            verdicts.insert(element, None);
        }
        Some(_) => {}
        None => {
            verdicts.insert(element, other);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_surely_other_language_differs() {
        use lang::differs;
        assert!(differs("es", "en-GB"));
        assert!(differs("de", "fr"));
        assert!(!differs("en", "en-US"));
        assert!(!differs("sr-Latn", "hr"));
        assert!(!differs("nb", "da"));
        assert!(!differs("de", ""));
    }

    #[test]
    fn a_long_paragraph_in_another_language_is_marked_and_a_short_one_is_not() {
        let mut verdicts = BTreeMap::new();
        let long = ElementId::new(crate::compose::tag::Part::Body, 1);
        let short = ElementId::new(crate::compose::tag::Part::Body, 2);
        let langs = [Some("en"), None];
        judge(
            long,
            "La biblioteca del barrio tiene que seguir abierta para todas las personas que \
             la necesitan, también por la tarde y los fines de semana. Nos vemos el jueves.",
            &langs,
            &mut verdicts,
        );
        judge(short, "La biblioteca sigue abierta.", &langs, &mut verdicts);
        assert_eq!(verdicts.get(&long), Some(&Some("es".to_string())));
        assert_eq!(verdicts.get(&short), None);
        // A piece in the document's language overrules.
        judge(
            long,
            "The library of the neighbourhood has to stay open for everyone who needs it, \
             in the evenings and at the weekend too. We meet on Thursday at the door, bring your neighbours.",
            &langs,
            &mut verdicts,
        );
        assert_eq!(verdicts.get(&long), Some(&None));
    }
}
